// Whole step summaries, compared with committed golden files, so a change to any section shows up as a diff a
// reviewer reads the way a user would. UPDATE_GOLDEN=1 rewrites the files instead of comparing.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Check, ConvergenceMatrix, NodeInfo, Observation, Phase, RunResult } from '../../src/model/result.js';
import { maxConvergence } from '../../src/model/result.js';
import type { HistoryOperation } from '../../src/linearizability/index.js';
import { renderSummary } from '../../src/report/summary.js';
import { convergenceCheck } from '../../src/checks/context.js';
import { faultVoice } from '../../src/faults/wording.js';
import { firstDifference, TEXT_TAIL } from '../../src/core/values.js';
import { linearizabilityResults, workloadChecks } from '../../src/workload/analyse.js';
import { linearizableVerdict } from '../../src/consistency/ladder.js';
import { judgeLadder } from '../../src/consistency/ladder.js';
import { emptyResult } from '../../src/model/empty.js';
import { toRunErrors } from '../../src/engine/errors.js';
import { optionsFrom } from '../support/options.js';
import { check, fault, node, phase, resultWith, workloadSection } from '../support/result.js';

const GOLDEN = fileURLToPath(new URL('../fixtures/golden/', import.meta.url));
const COMPOSE_FILE = '/home/runner/work/shop/shop/deploy/docker-compose.yml';
const NODES = [node('kv_0', 8080, 182), node('kv_2', 8082, 195), node('kv_4', 8084, 240)];
const LIMITS = { convergenceTimeoutMs: 10_000, startupTimeoutMs: 60_000 };

/** A written value as the text format makes it: a unique head, then the bytes APIs commonly mangle. */
const value = (writer: string): string => `rc-3f9a-rep-${writer}-1767225600123-5c1d${TEXT_TAIL}`;

function readiness(n: NodeInfo): Check {
  return check({
    id: `readiness:${n.label}`,
    kind: 'readiness',
    title: `Readiness: ${n.label} is serving`,
    status: 'passed',
    durationMs: n.readyMs!,
    detail: `${n.label} (${n.url}) answered HTTP 404 after ${n.readyMs} ms.`,
    service: n.label,
    node: n.label,
    actual: { status: 404, bodyPreview: 'not found', bodyBytes: 9 },
    waitedMs: n.readyMs!,
  });
}

/** Replication checks as the engine words them, from the matrix; `answers`: what a reader that never got it last returned. */
function replication(m: ConvergenceMatrix, answers: Record<string, Observation> = {}): Check[] {
  return m.writers.flatMap((writer, i) =>
    NODES.map((reader, j) => {
      const ms = m.ms[i]![j]!;
      const converged = ms !== null;
      const title = `Replication: ${reader.label} ${converged ? 'returned' : 'never returned'} the value written on ${writer}`;
      const last = converged
        ? { status: 200, bodyPreview: value(writer), bodyBytes: Buffer.byteLength(value(writer)) }
        : answers[`${writer}->${reader.label}`]!;
      const outcome = { node: reader, converged, ms, last, waitedMs: converged ? ms : LIMITS.convergenceTimeoutMs };
      return convergenceCheck(
        'replication',
        `replication:${writer}->${reader.label}`,
        title,
        outcome,
        value(writer),
        `written on ${writer}`,
      );
    }),
  );
}

/** The phases every fixture starts with, then its replication phase and the rest. */
function phases(replication: Phase, ...rest: Phase[]): Phase[] {
  return [phase('validate', 0, 38), phase('up', 38, 2104), phase('ready', 2104, 2344), replication, ...rest];
}

/** Replication of every fixture but the failing one, which waits out the convergence timeout. */
const REPLICATED = phase('replication', 2344, 2412);

function cluster(checks: Check[], convergence: ConvergenceMatrix, overrides: Partial<RunResult>): RunResult {
  return resultWith(checks, {
    durationMs: 3310,
    project: {
      name: 'shop',
      directory: '/home/runner/work/shop/shop/deploy',
      composeFiles: [COMPOSE_FILE],
      compose: { kind: 'v2', version: '2.29.7' },
    },
    serviceLocations: Object.fromEntries(NODES.map((n, i) => [n.label, { file: COMPOSE_FILE, line: 4 + 9 * i }])),
    nodes: NODES,
    convergence,
    maxConvergenceMs: maxConvergence(convergence),
    phases: phases(REPLICATED, phase('down', 2412, 3310)),
    ...overrides,
  });
}

const LABELS = NODES.map((n) => n.label);
const logs = (line: (service: string) => string): RunResult['logs'] => LABELS.map((service) => ({ service, text: line(service) }));

function healthy(): RunResult {
  const convergence = {
    writers: LABELS,
    readers: LABELS,
    ms: [
      [1, 9, 12],
      [7, 1, 11],
      [8, 10, 2],
    ],
  };
  return cluster([...NODES.map(readiness), ...replication(convergence)], convergence, { seed: 1_846_212 });
}

/** kv_2 form-decodes what clients write to it, so every node returns its writes with '+' and '%41' decoded. */
function failing(): RunResult {
  const convergence = {
    writers: LABELS,
    readers: LABELS,
    ms: [
      [1, 9, 12],
      [null, null, null],
      [8, 10, 2],
    ],
  };
  const mangled = value('kv_2').replace('a+b%41', 'a bA');
  const answer = {
    status: 200,
    bodyPreview: mangled,
    bodyBytes: Buffer.byteLength(mangled),
    difference: firstDifference(Buffer.from(value('kv_2')), Buffer.from(mangled))!,
  };
  const answers = Object.fromEntries(LABELS.map((reader) => [`kv_2->${reader}`, answer]));
  return cluster([...NODES.map(readiness), ...replication(convergence, answers)], convergence, {
    durationMs: 13_480,
    phases: phases(phase('replication', 2344, 12_420, 'failed'), phase('logs', 12_420, 12_530), phase('down', 12_530, 13_480)),
    logs: logs(
      (s) =>
        `${s}  | 2026-01-01T00:00:02.310Z listening on :8080\n` +
        `${s}  | 2026-01-01T00:00:02.402Z PUT /kv/replicheck-3f9a-rep-0b1 <form-urlencoded> 200`,
    ),
  });
}

/** A fault check as the judge words it. */
function faultCheck(
  id: string,
  kind: string,
  status: Check['status'],
  said: Pick<Check, 'title' | 'detail'>,
  durationMs: number,
  on: string,
): Check {
  return check({ id, kind, status, title: said.title, detail: said.detail, durationMs, service: on, node: on });
}

/** kv_4 acknowledges a write, is killed before it persists it, and comes back without it. */
function withFaults(): RunResult {
  const convergence = {
    writers: LABELS,
    readers: LABELS,
    ms: [
      [1, 9, 12],
      [7, 1, 11],
      [8, 10, 2],
    ],
  };
  const kill = faultVoice({ kind: 'kill', target: 'kv_4', services: ['kv_4'], limits: LIMITS });
  const pause = faultVoice({ kind: 'pause', target: 'kv_2', services: ['kv_2'], limits: LIMITS });
  const lost = 'replicheck-3f9a-before-9e1';
  const faultChecks = [
    faultCheck('kill:converged:kv_0', 'fault', 'passed', kill.converged('kv_0', 6, 14), 14, 'kv_0'),
    faultCheck('kill:converged:kv_2', 'fault', 'passed', kill.converged('kv_2', 6, 18), 18, 'kv_2'),
    faultCheck('kill:recovery:kv_4', 'recovery', 'passed', kill.recovered('kv_4', 640, undefined), 640, 'kv_4'),
    faultCheck('kill:catch-up:kv_4', 'catch-up', 'passed', kill.caughtUp('kv_4', 6, 42, false), 42, 'kv_4'),
    faultCheck('kill:durability:kv_0', 'durability', 'passed', kill.kept('kv_0', 9), 6, 'kv_0'),
    faultCheck('kill:durability:kv_2', 'durability', 'passed', kill.kept('kv_2', 9), 5, 'kv_2'),
    faultCheck('kill:durability:kv_4', 'durability', 'failed', kill.notKept('kv_4', [lost], []), 10_000, 'kv_4'),
    faultCheck('pause:refused:kv_2', 'fault', 'skipped', pause.refusedReads('kv_2', { error: 'timed out after 2000 ms' }), 2000, 'kv_2'),
    faultCheck('pause:recovery:kv_2', 'recovery', 'passed', pause.recovered('kv_2', 35, undefined), 35, 'kv_2'),
    faultCheck('pause:catch-up:kv_2', 'catch-up', 'passed', pause.caughtUp('kv_2', 4, 61, false), 61, 'kv_2'),
  ];
  const faults = [
    fault({
      kind: 'kill',
      target: 'kv_4',
      action: 'compose kill kv_4, then compose start',
      beganMs: 2450,
      healedMs: 5460,
      heldMs: 3010,
      writesAccepted: 6,
      convergenceMs: 18,
      recoveryMs: 640,
      catchUpMs: 42,
      lostKeys: [lost],
      verdict: 'failed',
    }),
    fault({
      kind: 'pause',
      target: 'kv_2',
      action: 'compose pause kv_2, then compose unpause',
      beganMs: 6210,
      healedMs: 9220,
      heldMs: 3010,
      writesAccepted: 4,
      writesRefused: 2,
      refusedBy: ['kv_2'],
      availability: 'partial',
      convergenceMs: 21,
      recoveryMs: 35,
      catchUpMs: 61,
    }),
  ];
  return cluster([...NODES.map(readiness), ...replication(convergence), ...faultChecks], convergence, {
    durationMs: 11_020,
    faults,
    phases: phases(
      REPLICATED,
      phase('kill kv_4', 2412, 6100, 'failed'),
      phase('kill kv_4 held', 2450, 5460, 'failed', 'kill began at 2.45 s, healed at 5.46 s'),
      phase('pause kv_2', 6100, 9900),
      phase('pause kv_2 held', 6210, 9220, 'ok', 'pause began at 6.21 s, healed at 9.22 s'),
      phase('logs', 9900, 9990),
      phase('down', 9990, 11_020),
    ),
    logs: logs((s) => `${s}  | 2026-01-01T00:00:02.310Z listening\n${s}  | 2026-01-01T00:00:05.470Z recovered 0 keys from disk`),
  });
}

const op = (process: number, node: string, key: string, f: 'read' | 'write', v: string | null, invoke: number, complete: number) =>
  ({ process, node, key, f, value: v, type: 'ok', invoke, complete }) satisfies HistoryOperation;

/** kv_4 answers reads from its own copy before replication reaches it: a stale read after an acknowledged write. */
function withWorkload(): RunResult {
  const convergence = {
    writers: LABELS,
    readers: LABELS,
    ms: [
      [1, 9, 12],
      [7, 1, 11],
      [8, 10, 2],
    ],
  };
  const history = {
    schemaVersion: 1 as const,
    model: 'register' as const,
    operations: [
      op(0, 'kv_0', 'k0', 'write', 'w0-1', 0, 4),
      op(1, 'kv_2', 'k0', 'read', 'w0-1', 6, 9),
      op(2, 'kv_0', 'k1', 'write', 'w2-1', 10, 15),
      op(3, 'kv_4', 'k1', 'read', null, 20, 23),
      op(2, 'kv_2', 'k1', 'read', 'w2-1', 24, 27),
    ],
  };
  const { results } = linearizabilityResults(history);
  // The whole ladder, as the workload phase judges it: every key converged, so eventual held.
  const ladder = judgeLadder(history, {
    eventual: { model: 'eventual', verdict: 'held', elapsedMs: 2 },
    linearizable: linearizableVerdict(results, 3),
    clientOf: (o) => Number(o.process) % 4,
  });
  const counts = (ok: number, fail = 0, info = 0) => ({ ok, fail, info });
  const workload = workloadSection({
    clients: 4,
    durationMs: 2000,
    elapsedMs: 2004,
    seed: 1234,
    keys: ['k0', 'k1'],
    operations: { total: 5, ok: 5, fail: 0, info: 0 },
    perNode: [
      { node: 'kv_0', read: counts(0), write: counts(2) },
      { node: 'kv_2', read: counts(2), write: counts(0) },
      { node: 'kv_4', read: counts(1), write: counts(0) },
    ],
    latency: { read: { count: 3, p50: 3, p90: 3, p99: 3, max: 3 }, write: { count: 2, p50: 4, p90: 5, p99: 5, max: 5 } },
    keyResults: results,
    // Each checker's time fixed: it is the machine's, not the summary's.
    models: {
      claim: 'linearizable',
      sessions: 'roaming',
      strongest: ladder.strongest,
      models: ladder.models.map((m) => ({ ...m, elapsedMs: 1 })),
    },
    checkMs: 3,
    history: {
      json: '/home/runner/work/_temp/replicheck-shop.history.json',
      edn: '/home/runner/work/_temp/replicheck-shop.history.edn',
      html: '/home/runner/work/_temp/replicheck-shop.history.html',
    },
  });
  const checks = [
    ...NODES.map(readiness),
    ...replication(convergence),
    ...workloadChecks({ results, ladder }, 'linearizable', NODES, 5, 3),
  ];
  return cluster(checks, convergence, {
    durationMs: 5630,
    workload,
    phases: phases(REPLICATED, phase('workload', 2412, 4440, 'failed'), phase('logs', 4440, 4520), phase('down', 4520, 5630)),
    logs: logs((s) => `${s}  | 2026-01-01T00:00:02.310Z listening`),
  });
}

/** Inputs that never let a run start: the parser's own problems, as the host turns them into a result. */
function badInput(): RunResult {
  try {
    optionsFrom({ servers: 'http://127.0.0.1:8080,ftp://kv_2', api: 'redis', 'convergence-timeout': 'soon' });
  } catch (error) {
    return emptyResult('0.0.0', toRunErrors(error), '2026-01-01T00:00:00.000Z');
  }
  throw new Error('the inputs were expected to be refused');
}

const FIXTURES: Record<string, () => RunResult> = {
  healthy,
  failing,
  faults: withFaults,
  workload: withWorkload,
  'bad-input': badInput,
};

describe('step summary golden files', () => {
  for (const [name, build] of Object.entries(FIXTURES)) {
    test(`summary-${name}.md`, () => {
      const text = renderSummary(build());
      const file = `${GOLDEN}summary-${name}.md`;
      if (process.env.UPDATE_GOLDEN === '1') {
        mkdirSync(GOLDEN, { recursive: true });
        writeFileSync(file, text);
        return;
      }
      assert.ok(existsSync(file), `${file} is missing: run with UPDATE_GOLDEN=1 to write it`);
      // A checkout that turned line ends into CRLF still compares equal.
      const want = readFileSync(file, 'utf8').replace(/\r\n/g, '\n');
      assert.equal(
        text,
        want,
        `the summary differs from ${file}; if the change is intended, rerun with UPDATE_GOLDEN=1 and review the diff`,
      );
    });
  }

  test('nothing in a summary depends on the wall clock or the machine', (t) => {
    const at = (now: number): string[] => {
      t.mock.timers.enable({ apis: ['Date'], now });
      try {
        return Object.values(FIXTURES).map((build) => renderSummary(build()));
      } finally {
        t.mock.timers.reset();
      }
    };
    const texts = at(0);
    assert.deepEqual(at(Date.UTC(2031, 6, 15, 23, 59, 59)), texts);
    for (const text of texts) assert.ok(!text.includes(process.cwd()), 'the working folder leaked into a summary');
  });
});
