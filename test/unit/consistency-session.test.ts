// Hand-written histories for each session guarantee: the pattern that breaks it and its near miss that holds, the
// indeterminate-operation subtleties, compare-and-set, thin air, and the cases that must say unknown.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { History, HistoryOperation, OpType, Value } from '../../src/linearizability/index.js';
import { checkSessionGuarantees } from '../../src/consistency/session.js';
import type { ModelVerdict } from '../../src/consistency/verdict.js';

function op(
  process: number,
  f: 'read' | 'write' | 'cas',
  key: string,
  value: Value | [Value, Value],
  type: OpType = 'ok',
  extra: Partial<HistoryOperation> = {},
): HistoryOperation {
  return { process, node: `n${process}`, key, f, value, type, invoke: 0, complete: null, ...extra };
}

/** Operation i is invoked at 1.1 s + i × 0.1 s and completes 50 ms later (indeterminate ones never). */
function history(...operations: HistoryOperation[]): History {
  operations.forEach((o, i) => {
    o.invoke = 1100 + 100 * i;
    o.complete = o.type === 'info' ? null : o.invoke + 50;
  });
  return { schemaVersion: 1, operations };
}

function verdicts(h: History, opts = {}): Record<string, ModelVerdict> {
  return Object.fromEntries(checkSessionGuarantees(h, opts).map((v) => [v.model, v]));
}

function outcomes(h: History, opts = {}): Record<string, string> {
  return Object.fromEntries(Object.entries(verdicts(h, opts)).map(([m, v]) => [m, v.verdict]));
}

const HELD = { 'read-your-writes': 'held', 'monotonic-reads': 'held', 'monotonic-writes': 'held', 'writes-follow-reads': 'held' };

test('read-your-writes: a read of a value the client itself had replaced, and of the initial state after its write', () => {
  const h = history(op(1, 'write', 'x', 'a'), op(1, 'write', 'x', 'b'), op(1, 'read', 'x', 'a'));
  const v = verdicts(h)['read-your-writes']!;
  assert.equal(v.verdict, 'violated');
  assert.deepEqual(v.witness?.operations, [1, 0, 2]);
  assert.equal(v.witness?.key, 'x');
  assert.match(
    v.witness!.explanation,
    /^client 1 wrote "b" to "x" on n1 at 1\.20 s, then read "x" on n1 at 1\.30 s and got "a", which its write had replaced: read-your-wr/,
  );
  const init = verdicts(history(op(1, 'write', 'x', 'a'), op(1, 'read', 'x', null)))['read-your-writes']!;
  assert.equal(init.verdict, 'violated');
  assert.match(init.witness!.explanation, /found it missing/);
});

test('read-your-writes holds for a concurrent write of another client and for the own latest write', () => {
  const h = history(
    op(1, 'write', 'x', 'a'),
    op(2, 'write', 'x', 'b'),
    op(1, 'read', 'x', 'b'),
    op(2, 'read', 'x', 'a'),
    op(1, 'read', 'x', 'a'),
  );
  assert.deepEqual(outcomes(h), HELD);
});

test('monotonic-reads: a client reads back in time; reading the same value twice holds', () => {
  const bad = history(op(0, 'write', 'x', 'a'), op(0, 'write', 'x', 'b'), op(1, 'read', 'x', 'b'), op(1, 'read', 'x', 'a'));
  assert.deepEqual(outcomes(bad), { ...HELD, 'monotonic-reads': 'violated' });
  assert.match(
    verdicts(bad)['monotonic-reads']!.witness!.explanation,
    /client 1 read "x" .* got "b", then read "x" .* got "a", which "b" had replaced/,
  );
  const init = history(op(0, 'write', 'x', 'a'), op(1, 'read', 'x', 'a'), op(1, 'read', 'x', null));
  assert.equal(outcomes(init)['monotonic-reads'], 'violated');
  const good = history(
    op(0, 'write', 'x', 'a'),
    op(0, 'write', 'x', 'b'),
    op(1, 'read', 'x', 'a'),
    op(1, 'read', 'x', 'b'),
    op(1, 'read', 'x', 'b'),
  );
  assert.deepEqual(outcomes(good), HELD);
});

test('monotonic-writes: a reader sees a later write of a client but not its earlier one', () => {
  const bad = history(op(0, 'write', 'x', 'a'), op(0, 'write', 'y', 'b'), op(1, 'read', 'y', 'b'), op(1, 'read', 'x', null));
  assert.deepEqual(outcomes(bad), { ...HELD, 'monotonic-writes': 'violated' });
  const w = verdicts(bad)['monotonic-writes']!.witness!;
  assert.deepEqual(w.operations, [0, 1, 2, 3]);
  assert.match(
    w.explanation,
    /client 0 wrote "a" to "x" .* and later wrote "b" to "y" .*; client 1 read "y" .* got "b", then read "x" .* found it missing/,
  );
  const good = history(op(0, 'write', 'x', 'a'), op(0, 'write', 'y', 'b'), op(1, 'read', 'y', 'b'), op(1, 'read', 'x', 'a'));
  assert.deepEqual(outcomes(good), HELD);
});

test('writes-follow-reads: a reader sees a write but not what its writer had read before it', () => {
  const bad = history(
    op(0, 'write', 'x', 'a'),
    op(1, 'read', 'x', 'a'),
    op(1, 'write', 'y', 'b'),
    op(2, 'read', 'y', 'b'),
    op(2, 'read', 'x', null),
  );
  assert.deepEqual(outcomes(bad), { ...HELD, 'writes-follow-reads': 'violated' });
  assert.match(verdicts(bad)['writes-follow-reads']!.witness!.explanation, /client 1 read "x" .* got "a" before it wrote "b" to "y"/);
  const older = history(
    op(0, 'write', 'x', 'a0'),
    op(0, 'write', 'x', 'a1'),
    op(1, 'read', 'x', 'a1'),
    op(1, 'write', 'y', 'b'),
    op(2, 'read', 'y', 'b'),
    op(2, 'read', 'x', 'a0'),
  );
  assert.equal(outcomes(older)['writes-follow-reads'], 'violated');
  const good = history(
    op(0, 'write', 'x', 'a'),
    op(1, 'read', 'x', 'a'),
    op(1, 'write', 'y', 'b'),
    op(2, 'read', 'y', 'b'),
    op(2, 'read', 'x', 'a'),
  );
  assert.deepEqual(outcomes(good), HELD);
});

test('an indeterminate write applied late makes no violation: it precedes nothing in session order', () => {
  // The client gave up on "a" and wrote "b"; "a" took effect afterwards. Reading it breaks nothing.
  const late = history(
    op(0, 'write', 'x', 'a', 'info'),
    op(0, 'write', 'x', 'b'),
    op(0, 'read', 'x', 'a'),
    op(1, 'read', 'x', 'b'),
    op(1, 'read', 'x', 'a'),
  );
  assert.deepEqual(outcomes(late), HELD);
  // Nobody read it: it is left out, so the client's later read of the initial state is fine too.
  assert.deepEqual(outcomes(history(op(0, 'write', 'x', 'a', 'info'), op(0, 'read', 'x', null))), HELD);
  // Indeterminate reads are left out whatever they returned.
  assert.deepEqual(outcomes(history(op(0, 'write', 'x', 'a'), op(0, 'read', 'x', 'nobody', 'info'))), HELD);
});

test('an indeterminate write that was read still orders what its readers did after', () => {
  const h = history(
    op(0, 'write', 'x', 'a', 'info'),
    op(1, 'read', 'x', 'a'),
    op(1, 'write', 'y', 'b'),
    op(2, 'read', 'y', 'b'),
    op(2, 'read', 'x', null),
  );
  assert.equal(outcomes(h)['writes-follow-reads'], 'violated');
});

test('compare-and-set: a swap reads its expected value then writes; one that did not swap is left out', () => {
  const swapped = history(op(0, 'write', 'x', 'a'), op(0, 'cas', 'x', ['a', 'b']), op(0, 'read', 'x', 'a'));
  assert.equal(outcomes(swapped)['read-your-writes'], 'violated');
  const refusedCas = history(op(0, 'write', 'x', 'a'), op(0, 'cas', 'x', ['z', 'b'], 'ok', { succeeded: false }), op(0, 'read', 'x', 'a'));
  assert.deepEqual(outcomes(refusedCas), HELD);
  const readNoSwap = verdicts(
    history(op(0, 'write', 'x', 'a'), op(0, 'cas', 'x', ['z', 'b'], 'ok', { succeeded: false }), op(1, 'read', 'x', 'b')),
  );
  assert.equal(readNoSwap['monotonic-reads']!.verdict, 'violated');
  assert.match(readNoSwap['monotonic-reads']!.witness!.explanation, /thin air/);
  // An indeterminate compare-and-set whose new value was read took effect: it read "a", so "a" came before "b".
  const infoCas = history(
    op(0, 'write', 'x', 'a'),
    op(1, 'cas', 'x', ['a', 'b'], 'info'),
    op(2, 'read', 'x', 'b'),
    op(2, 'read', 'x', 'a'),
  );
  assert.equal(outcomes(infoCas)['monotonic-reads'], 'violated');
});

test('thin air: a value no write wrote, or only a refused one, violates every guarantee', () => {
  for (const v of Object.values(verdicts(history(op(0, 'write', 'x', 'a'), op(1, 'read', 'x', 'zzz'))))) {
    assert.equal(v.verdict, 'violated');
    assert.match(v.witness!.explanation, /"zzz", which no write of "x" wrote: a value out of thin air/);
  }
  const refused = verdicts(history(op(0, 'write', 'x', 'a', 'fail', { error: 'HTTP 503' }), op(1, 'read', 'x', 'a')))['read-your-writes']!;
  assert.equal(refused.verdict, 'violated');
  assert.match(refused.witness!.explanation, /only a refused write wrote \(client 0 on n0 at 1\.10 s \(HTTP 503\)\)/);
  assert.deepEqual(refused.witness!.operations, [1, 0]);
  // A value of another key is thin air for this one.
  assert.equal(outcomes(history(op(0, 'write', 'y', 'a'), op(1, 'read', 'x', 'a')))['monotonic-reads'], 'violated');
});

test('sessions are per client: clientOf can group processes into one client', () => {
  const h = history(op(1, 'write', 'x', 'a'), op(1, 'write', 'x', 'b'), op(2, 'read', 'x', 'a'));
  assert.equal(outcomes(h)['read-your-writes'], 'held');
  assert.equal(outcomes(h, { clientOf: () => 'app' })['read-your-writes'], 'violated');
  assert.match(verdicts(h, { clientOf: () => 'app' })['read-your-writes']!.witness!.explanation, /^client app wrote/);
});

test('what these checkers cannot read is unknown, with a reason, never a verdict', () => {
  const dup = verdicts(history(op(0, 'write', 'x', 'a'), op(1, 'write', 'x', 'a'), op(1, 'read', 'x', 'a')));
  for (const v of Object.values(dup)) {
    assert.equal(v.verdict, 'unknown');
    assert.match(v.reason!, /not unique: "a" is written to key "x" by operations 0 and 1/);
  }
  const writesInitial = verdicts(history(op(0, 'write', 'x', null), op(1, 'read', 'x', null)))['read-your-writes']!;
  assert.equal(writesInitial.verdict, 'unknown');
  const append = history(op(0, 'write', 'x', 'a'));
  append.operations.push({ process: 0, f: 'append', key: 'x', value: 'b', type: 'ok', invoke: 5000, complete: 5100 });
  assert.match(verdicts(append)['monotonic-writes']!.reason!, /append/);
});

function bigHistory(n: number): History {
  const ops: HistoryOperation[] = [];
  for (let i = 0; i < n; i++) {
    const read = i % 2 === 1;
    ops.push({
      process: i % 4,
      key: `k${Math.floor(i / 2) % 3}`,
      f: read ? 'read' : 'write',
      value: read ? `v${i - 1}` : `v${i}`,
      type: 'ok',
      invoke: i,
      complete: i + 0.5,
    });
  }
  return { schemaVersion: 1, operations: ops };
}

test('budgets: past the memory or the time allowed, every verdict is unknown', () => {
  for (const v of checkSessionGuarantees(bigHistory(1000), { maxMemoryBytes: 10_000 })) {
    assert.equal(v.verdict, 'unknown');
    assert.match(v.reason!, /memory/);
  }
  for (const v of checkSessionGuarantees(bigHistory(40_000), { budgetMs: 0.001 })) {
    assert.equal(v.verdict, 'unknown');
    assert.match(v.reason!, /time budget/);
  }
  assert.deepEqual(
    checkSessionGuarantees(bigHistory(1000)).map((v) => v.verdict),
    ['held', 'held', 'held', 'held'],
  );
});
