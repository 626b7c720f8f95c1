// The pure parts of the workload: the final-value rule of `eventual`, outcome classification, quantiles, the
// linearizability verdicts as checks, option validation, and the report renderers (escaping included).
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import type { HistoryOperation, History } from '../../src/linearizability/index.js';
import { judgeFinalValue, legalFinalValues } from '../../src/consistency/eventual.js';
import { classifyRead, classifyWrite } from '../../src/workload/outcome.js';
import { eventualResults, linearizabilityResults, workloadChecks, countOperations } from '../../src/workload/analyse.js';
import { quantiles } from '../../src/core/stats.js';
import { clientRandom } from '../../src/core/random.js';
import { historyPaths } from '../../src/host/history-files.js';
import { renderWorkloadSummary, renderWorkloadText } from '../../src/report/workload.js';
import { renderSummary } from '../../src/report/summary.js';
import { buildAnnotations } from '../../src/report/annotations.js';
import type { WorkloadSection } from '../../src/model/result.js';
import { optionsFrom } from '../support/options.js';
import { resultWith } from '../support/result.js';
import { InputError } from '../../src/inputs/errors.js';
import { valueCodec } from '../../src/core/values.js';
import { writeOutcome } from '../../src/checks/kv-api.js';
import { parseStatusSet } from '../../src/checks/api-options.js';
import type { HttpOutcome } from '../../src/http/client.js';

const TEXT = valueCodec('text');

const w = (value: string, type: HistoryOperation['type'], invoke: number, complete: number | null, process = 0): HistoryOperation => ({
  process,
  key: 'k',
  f: 'write',
  value,
  type,
  invoke,
  complete: type === 'info' ? null : complete,
});
const r = (value: string | null, invoke: number, complete: number, process = 9, node = 'kv_2'): HistoryOperation => ({
  process,
  node,
  key: 'k',
  f: 'read',
  value,
  type: 'ok',
  invoke,
  complete,
});

describe('eventual: which final value can legally be last', () => {
  test('the last of sequential acknowledged writes is the only legal value', () => {
    const ops = [w('a', 'ok', 0, 1), w('b', 'ok', 2, 3), w('c', 'ok', 4, 5)];
    assert.deepEqual([...legalFinalValues(ops, 'k')], ['c']);
    const stale = judgeFinalValue(ops, 'k', 'b');
    assert.equal(stale.legal, false);
    assert.match(stale.reason!, /"b" was acknowledged at 3 ms, but a write invoked after that was acknowledged too \(e\.g\. "c"/);
  });

  test('overlapping writes may end in either order', () => {
    const ops = [w('a', 'ok', 0, 10), w('b', 'ok', 5, 6)];
    assert.deepEqual(new Set(legalFinalValues(ops, 'k')), new Set(['a', 'b']));
  });

  test('touching intervals are concurrent (only strictly later invocations supersede)', () => {
    assert.deepEqual(new Set(legalFinalValues([w('a', 'ok', 0, 5), w('b', 'ok', 5, 6)], 'k')), new Set(['a', 'b']));
  });

  test('an indeterminate write is always legal; a failed one never is', () => {
    const ops = [w('x', 'info', 0, null), w('a', 'ok', 10, 11), w('f', 'fail', 20, 21)];
    assert.deepEqual(new Set(legalFinalValues(ops, 'k')), new Set(['x', 'a']));
    assert.match(judgeFinalValue(ops, 'k', 'f').reason!, /refused/);
  });

  test('the initial value is legal only when no write was acknowledged', () => {
    assert.ok(judgeFinalValue([w('x', 'info', 0, null), w('y', 'fail', 1, 2)], 'k', null).legal);
    assert.ok(judgeFinalValue([], 'k', null).legal);
    const lost = judgeFinalValue([w('a', 'ok', 0, 1)], 'k', null);
    assert.equal(lost.legal, false);
    assert.match(lost.reason!, /missing everywhere, although writes to it were acknowledged/);
  });

  test('a value nobody wrote, or written to another key, is not legal', () => {
    const ops = [w('a', 'ok', 0, 1), { ...w('z', 'ok', 0, 1), key: 'other' }];
    assert.match(judgeFinalValue(ops, 'k', 'zzz').reason!, /never written to this key/);
    assert.equal(judgeFinalValue(ops, 'k', 'z').legal, false);
  });

  test('reads do not matter to the rule', () => {
    assert.deepEqual([...legalFinalValues([w('a', 'ok', 0, 1), r('q', 2, 3)], 'k')], ['a']);
  });
});

describe('recording semantics', () => {
  const answer = (status: number) => ({ ok: true as const, status, body: Buffer.from('x'), truncated: false, durationMs: 1 });
  const error = (e: string) => ({ ok: false as const, error: e, durationMs: 1 });
  test('writes: 2xx ok; the refusal statuses (3xx, 4xx by default) fail; 5xx and ambiguous errors indeterminate', () => {
    const defaults = parseStatusSet('3xx,4xx')!;
    const classify = (outcome: HttpOutcome, refusals = defaults) => classifyWrite(writeOutcome(outcome, refusals));
    assert.deepEqual(classify(answer(204)), { type: 'ok' });
    for (const s of [301, 400, 404, 408, 409, 429]) assert.equal(classify(answer(s)).type, 'fail', String(s));
    // A store behind consensus may answer 503 (or any 5xx) and still commit: never a definite failure by default.
    for (const s of [500, 502, 503, 504]) assert.equal(classify(answer(s)).type, 'info', String(s));
    // A custom API may say which of its answers are refusals.
    assert.equal(classify(answer(503), parseStatusSet('409,503')!).type, 'fail');
    assert.equal(classify(answer(400), parseStatusSet('409,503')!).type, 'info');
    for (const e of ['connection refused', 'host not found', 'host unreachable']) assert.equal(classify(error(e)).type, 'fail');
    for (const e of ['timeout', 'connection reset', 'aborted', 'epipe']) {
      assert.deepEqual(classify(error(e)), { type: 'info', error: e });
    }
  });
  test('refusal-statuses syntax: statuses, ranges and classes; 2xx and junk are refused', () => {
    assert.deepEqual(parseStatusSet('4xx, 503'), [
      [400, 499],
      [503, 503],
    ]);
    assert.deepEqual(parseStatusSet('400-451'), [[400, 451]]);
    for (const bad of ['', '2xx', '200', '199-201', 'abc', '600', '450-420', '4xxx']) assert.equal(parseStatusSet(bad), undefined, bad);
  });
  test('reads: a value or missing is ok; anything else is an indeterminate read; long values are bounded', () => {
    assert.deepEqual(classifyRead({ outcome: answer(200), value: Buffer.from('v1') }, TEXT), { type: 'ok', value: 'v1' });
    assert.deepEqual(classifyRead({ outcome: answer(404), value: null }, TEXT), { type: 'ok', value: null });
    assert.deepEqual(classifyRead({ outcome: answer(500), value: undefined }, TEXT), { type: 'info', value: null, error: 'HTTP 500' });
    assert.deepEqual(classifyRead({ outcome: error('timeout'), value: undefined }, TEXT), { type: 'info', value: null, error: 'timeout' });
    const long = classifyRead({ outcome: answer(200), value: Buffer.alloc(5000, 'a') }, TEXT);
    assert.equal(long.type, 'ok');
    assert.ok((long.value as string).length < 100 && (long.value as string).endsWith('(5000 bytes)'));
  });
});

test('quantiles use the nearest rank', () => {
  assert.equal(quantiles([]), null);
  const q = quantiles(Array.from({ length: 100 }, (_, i) => 100 - i))!;
  assert.deepEqual(q, { count: 100, p50: 50, p90: 90, p99: 99, max: 100 });
  assert.deepEqual(quantiles([7]), { count: 1, p50: 7, p90: 7, p99: 7, max: 7 });
});

test('client streams are deterministic and differ between clients', () => {
  const a = clientRandom(5, 0);
  const b = clientRandom(5, 0);
  const c = clientRandom(5, 1);
  const xs = [a(), a(), a()];
  assert.deepEqual(xs, [b(), b(), b()]);
  assert.notDeepEqual(xs, [c(), c(), c()]);
  assert.ok(xs.every((x) => x >= 0 && x < 1));
});

test('history files sit next to the report', () => {
  assert.deepEqual(historyPaths('/tmp/r/replicheck-x.json'), {
    json: '/tmp/r/replicheck-x.history.json',
    edn: '/tmp/r/replicheck-x.history.edn',
    html: '/tmp/r/replicheck-x.history.html',
  });
  assert.deepEqual(historyPaths('out/report'), {
    json: 'out/report.history.json',
    edn: 'out/report.history.edn',
    html: 'out/report.history.html',
  });
});

const staleHistory: History = {
  schemaVersion: 1,
  operations: [w('a', 'ok', 0, 1, 0), w('b', 'ok', 2, 3, 1), r('a', 4, 5, 2, 'kv_2'), { ...w('c', 'ok', 0, 1, 3), key: 'j' }],
};

/** Checks of a linearizable claim read only the per-key results. */
const NO_LADDER = { strongest: null, models: [] };

describe('verdicts as checks', () => {
  test('a stale read is not linearizable; the check carries the witness and points at the node', () => {
    const { results } = linearizabilityResults(staleHistory);
    const k = results.find((x) => x.key === 'k')!;
    assert.equal(k.verdict, 'not-linearizable');
    assert.equal(k.witness?.failing.index, 2);
    assert.equal(results.find((x) => x.key === 'j')!.verdict, 'linearizable');
    const nodes = [{ url: 'http://x', label: 'kv_2', service: 'kv_2', mapping: 'm' }];
    const checks = workloadChecks({ results, ladder: NO_LADDER }, 'linearizable', nodes, 4, 3);
    const failed = checks.filter((c) => c.status === 'failed');
    assert.equal(failed.length, 1);
    assert.equal(failed[0]!.title, 'Linearizability: key k is not linearizable');
    assert.equal(failed[0]!.service, 'kv_2');
    assert.match(
      failed[0]!.detail,
      new RegExp(
        /^Not linearizable\. Witness:\nkey "k": the read by client 2 via kv_2 at 4–5 ms returned "a", /.source +
          /but the write of "b" \(by client 1\) happened entirely after "a" was in place/.source,
      ),
    );
    assert.equal(k.algorithm, 'unique-values', 'unique written values: decided without search');
    assert.match(failed[0]!.detail, /#2 p2 \(kv_2\) read -> "a" {2}ok {2}\[4, 5\] {2}<-- cannot be linearized/);
  });

  test('a search that runs out of budget fails with a clear message', () => {
    const steps = linearizabilityResults(staleHistory, 'register', { maxSteps: 1, algorithm: 'search' }).results;
    assert.ok(
      steps.some((k) => k.verdict === 'unknown' && !k.passed),
      JSON.stringify(steps),
    );
    assert.match(
      steps.find((k) => k.verdict === 'unknown')!.detail,
      /Could not decide .*: the search step budget ran out\. Nothing was proven/,
    );
    const keys = workloadChecks({ results: steps, ladder: NO_LADDER }, 'linearizable', [], 4, 1);
    assert.ok(keys.some((c) => c.status === 'failed' && c.title.endsWith('could not be decided')));
  });

  test('eventual: diverged and converged keys', () => {
    const results = eventualResults(staleHistory, [
      {
        key: 'k',
        converged: true,
        values: [
          { node: 'kv_0', value: 'b' },
          { node: 'kv_2', value: 'b' },
        ],
        waitedMs: 12,
      },
      {
        key: 'j',
        converged: false,
        values: [
          { node: 'kv_0', value: 'c' },
          { node: 'kv_2', value: undefined, error: 'timeout' },
        ],
        waitedMs: 5000,
      },
    ]);
    assert.equal(results[0]!.verdict, 'converged');
    assert.equal(results[0]!.finalValue, 'b');
    assert.equal(results[1]!.verdict, 'not-converged');
    assert.equal(results[1]!.detail, 'The nodes did not agree within 5000 ms: kv_0 "c", kv_2 no answer (timeout).');
    const illegal = eventualResults(staleHistory, [{ key: 'k', converged: true, values: [{ node: 'kv_0', value: 'a' }], waitedMs: 1 }]);
    assert.equal(illegal[0]!.verdict, 'illegal-final-value');
  });

  test('operation counts per node and kind', () => {
    const records = [
      { op: { ...r('a', 0, 1), node: 'kv_0' }, endedAt: 1 },
      { op: { ...w('b', 'info', 0, null), node: 'kv_0' }, endedAt: 9 },
      { op: { ...w('b', 'fail', 0, 2), node: 'kv_2' }, endedAt: 2 },
    ];
    const c = countOperations(records, ['kv_0', 'kv_2', 'kv_4']);
    assert.deepEqual(c.operations, { total: 3, ok: 1, fail: 1, info: 1 });
    assert.deepEqual(c.perNode[0], { node: 'kv_0', read: { ok: 1, fail: 0, info: 0 }, write: { ok: 0, fail: 0, info: 1 } });
    assert.deepEqual(c.perNode[2], { node: 'kv_4', read: { ok: 0, fail: 0, info: 0 }, write: { ok: 0, fail: 0, info: 0 } });
  });
});

describe('workload inputs', () => {
  test('defaults: no workload', () => {
    assert.equal(optionsFrom({ servers: 'http://localhost:8080' }).workload, undefined);
  });
  test('register with defaults and with every option', () => {
    assert.deepEqual(optionsFrom({ servers: 'http://localhost:8080', workload: 'register' }).workload, {
      model: 'register',
      clients: 8,
      keys: 3,
      durationMs: 10_000,
      timeoutMs: 1000,
      consistency: 'eventual',
      sessions: 'roaming',
      maxMemoryBytes: 1024 ** 3,
    });
    assert.deepEqual(
      optionsFrom({
        servers: 'http://localhost:8080',
        workload: 'Register',
        'workload-clients': '3',
        'workload-duration': '2.5',
        'workload-keys': '5',
        'workload-timeout': '0.25',
        'workload-seed': '42',
        consistency: 'linearizable',
      }).workload,
      {
        model: 'register',
        clients: 3,
        keys: 5,
        durationMs: 2500,
        timeoutMs: 250,
        consistency: 'linearizable',
        sessions: 'roaming',
        maxMemoryBytes: 1024 ** 3,
      },
    );
  });
  test('seed is the run seed; workload-seed its older name; both set must agree', () => {
    const base = { servers: 'http://localhost:8080', workload: 'register' };
    assert.equal(optionsFrom(base).seed, undefined);
    assert.equal(optionsFrom({ ...base, seed: '42' }).seed, 42);
    assert.equal(optionsFrom({ ...base, 'workload-seed': '42' }).seed, 42);
    assert.equal(optionsFrom({ ...base, seed: '42', 'workload-seed': '42' }).seed, 42);
    assert.throws(
      () => optionsFrom({ ...base, seed: '42', 'workload-seed': '43' }),
      (e: unknown) => e instanceof InputError && e.problems.some((p) => p.input === 'workload-seed' && /seed is 42/.test(p.message)),
    );
    assert.throws(
      () => optionsFrom({ ...base, seed: '2147483648' }),
      (e: unknown) => e instanceof InputError && e.problems.some((p) => p.input === 'seed'),
    );
  });
  test('every bad value is reported at once', () => {
    try {
      optionsFrom({
        servers: 'http://localhost:8080',
        workload: 'bank',
        'workload-clients': '0',
        'workload-duration': '-1',
        'workload-keys': '1000',
        'workload-seed': 'x',
        consistency: 'strict',
      });
      assert.fail('expected an InputError');
    } catch (e) {
      assert.ok(e instanceof InputError);
      assert.deepEqual(e.problems.map((p) => p.input).sort(), [
        'consistency',
        'workload',
        'workload-clients',
        'workload-duration',
        'workload-keys',
        'workload-seed',
      ]);
    }
  });
});

function section(overrides: Partial<WorkloadSection> = {}): WorkloadSection {
  return {
    model: 'register',
    consistency: 'linearizable',
    sessions: 'roaming',
    clients: 8,
    durationMs: 2000,
    elapsedMs: 2003,
    seed: 77,
    keys: ['k'],
    capped: false,
    operations: { total: 10, ok: 8, fail: 1, info: 1 },
    perNode: [{ node: 'kv_0', read: { ok: 4, fail: 0, info: 1 }, write: { ok: 4, fail: 1, info: 0 } }],
    latency: { read: { count: 4, p50: 1.5, p90: 2, p99: 3, max: 3 }, write: null },
    keyResults: [
      {
        key: 'k',
        operations: 10,
        verdict: 'not-linearizable',
        passed: false,
        detail: 'Not linearizable: read returned "<img src=x>|x"',
        witnessText: 'key "k": read by process 2 (node kv_2) returned "<b>|</b>"\n  #2 p2 read',
      },
    ],
    checkMs: 4,
    history: { json: '/tmp/r.history.json', edn: '/tmp/r.history.edn' },
    ...overrides,
  };
}

describe('workload report', () => {
  test('summary: verdict per key, escaped witness, counts, latency and files', () => {
    const md = renderWorkloadSummary(section());
    assert.match(md, /### Workload \(register, linearizable\)/);
    assert.match(md, /10 operations by 8 clients in 2\.00 s \(seed 77\): 1 of 1 keys failed the linearizable check/);
    assert.match(md, /\| ❌ \| k \| 10 \| not-linearizable \| Not linearizable: read returned "&lt;img src=x&gt;&#124;x" \|/);
    assert.ok(!md.includes('<img') && !md.includes('<b>'), 'server text is escaped');
    assert.match(
      md,
      /<pre>\nkey &quot;k&quot;: read by process 2 \(node kv_2\) returned &quot;&lt;b&gt;\|&lt;\/b&gt;&quot;\n {2}#2 p2 read\n<\/pre>/,
    );
    assert.match(md, /\| kv_0 \| 4 \/ 0 \/ 1 \| 4 \/ 1 \/ 0 \|/);
    assert.match(md, /\| read \| 4 \| 1\.5 \| 2 \| 3 \| 3 \|/);
    assert.match(md, /\| write \| 0 \| – \| – \| – \| – \|/);
    assert.match(md, /History: \/tmp\/r\.history\.json \(JSON\) and \/tmp\/r\.history\.edn \(Jepsen EDN\)/);
  });

  test('the run summary includes the section; the annotation carries the witness', () => {
    const checks = workloadChecks({ results: section().keyResults, ladder: NO_LADDER }, 'linearizable', [], 8, 4);
    const result = resultWith(checks, { workload: section() });
    assert.match(renderSummary(result), /### Workload/);
    const a = buildAnnotations(result, '/ws');
    assert.equal(a[0]!.title, 'Linearizability: key k is not linearizable');
    assert.match(a[0]!.message, /Witness:\nkey "k": read by process 2/);
    assert.doesNotMatch(renderSummary(resultWith([])), /### Workload/);
  });

  test('text lines', () => {
    const lines = renderWorkloadText(section({ capped: true }));
    assert.equal(lines[0], 'Workload: 10 operations by 8 clients in 2.00 s (seed 77): 1 of 1 keys failed the linearizable check');
    assert.ok(lines.includes('  ✗ k: not-linearizable (10 ops)'));
    assert.ok(lines.some((l) => l.includes('#2 p2 read')));
    assert.ok(lines.some((l) => l.startsWith('  latency: read p50 1.5')));
  });
});
