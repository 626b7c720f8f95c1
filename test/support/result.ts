import type { Check, RunResult } from '../../src/model/result.js';
import { decideVerdict, maxConvergence } from '../../src/model/result.js';

export function check(overrides: Partial<Check> & Pick<Check, 'id' | 'title' | 'status'>): Check {
  return { kind: 'replication', durationMs: 12, detail: 'detail', ...overrides };
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
