import type { Check, FaultReport, NodeInfo, Phase, RunResult, WorkloadSection } from '../../src/model/result.js';
import { decideVerdict, maxConvergence } from '../../src/model/result.js';

export function check(overrides: Partial<Check> & Pick<Check, 'id' | 'title' | 'status'>): Check {
  return { kind: 'replication', durationMs: 12, detail: 'detail', ...overrides };
}

/** A node as a Compose run maps it: the service that publishes the URL's port. */
export function node(label: string, port: number, readyMs?: number): NodeInfo {
  return {
    url: `http://127.0.0.1:${port}`,
    label,
    service: label,
    mapping: `published port ${port}`,
    ...(readyMs !== undefined ? { readyMs } : {}),
  };
}

export function phase(name: string, startMs: number, endMs: number, status: Phase['status'] = 'ok', note?: string): Phase {
  return { name, startMs, endMs, status, ...(note !== undefined ? { note } : {}) };
}

/** One fault of the suite that held, healed and passed with every write accepted; override what differs. */
export function fault(overrides: Partial<FaultReport> & Pick<FaultReport, 'kind' | 'target'>): FaultReport {
  return {
    action: `compose ${overrides.kind} ${overrides.target}`,
    writesAccepted: 0,
    writesRefused: 0,
    refusedBy: [],
    availability: 'full',
    staleNodes: [],
    lostKeys: [],
    verdict: 'passed',
    checkIds: [],
    ...overrides,
  };
}

/** A linearizable register workload on nothing yet: no operation, no key; override what ran. */
export function workloadSection(overrides: Partial<WorkloadSection> = {}): WorkloadSection {
  return {
    model: 'register',
    consistency: 'linearizable',
    sessions: 'roaming',
    clients: 4,
    durationMs: 2000,
    elapsedMs: 2000,
    seed: 1,
    keys: [],
    capped: false,
    operations: { total: 0, ok: 0, fail: 0, info: 0 },
    perNode: [],
    latency: { read: null, write: null },
    keyResults: [],
    checkMs: 0,
    ...overrides,
  };
}

/** A complete result built from checks, as the engine would produce it. */
export function resultWith(checks: Check[], overrides: Partial<RunResult> = {}): RunResult {
  const convergence = overrides.convergence ?? {
    writers: ['kv_0', 'kv_2'],
    readers: ['kv_0', 'kv_2'],
    ms: [
      [1, 20],
      [null, 2],
    ],
  };
  const errors = overrides.errors ?? [];
  return {
    schemaVersion: 1,
    tool: { name: 'replicheck', version: '0.0.0' },
    verdict: decideVerdict(checks, errors),
    startedAt: '2026-01-01T00:00:00.000Z',
    durationMs: 4321,
    project: {
      name: 'proj',
      directory: '/ws/examples/kv',
      composeFiles: ['/ws/examples/kv/docker-compose.yml'],
      compose: { kind: 'v2', version: '2.26.1' },
    },
    serviceLocations: {
      kv_0: { file: '/ws/examples/kv/docker-compose.yml', line: 3 },
      kv_2: { file: '/ws/examples/kv/docker-compose.yml', line: 12 },
    },
    nodes: [
      { url: 'http://localhost:8080', label: 'kv_0', service: 'kv_0', mapping: 'published port 8080', readyMs: 120 },
      { url: 'http://localhost:8082', label: 'kv_2', service: 'kv_2', mapping: 'published port 8082', readyMs: 130 },
    ],
    phases: [
      { name: 'validate', startMs: 0, endMs: 100, status: 'ok' },
      { name: 'up', startMs: 100, endMs: 3000, status: 'ok' },
    ],
    checks,
    convergence,
    maxConvergenceMs: maxConvergence(convergence),
    logs: [],
    errors,
    teardown: { policy: 'always', performed: true },
    ...overrides,
  };
}
