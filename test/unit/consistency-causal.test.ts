// Hand-written histories for causal consistency's bad patterns (CyclicCO, WriteCOInitRead, ThinAirRead,
// WriteCORead), including shapes where every session guarantee holds and only causality breaks, and the
// indeterminate-write subtleties.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { History, HistoryOperation, OpType, Value } from '../../src/linearizability/index.js';
import { checkCausal, checkSessionAndCausal } from '../../src/consistency/causal.js';
import { checkSessionGuarantees } from '../../src/consistency/session.js';

function op(
  process: number,
  f: 'read' | 'write' | 'cas',
  key: string,
  value: Value | [Value, Value],
  type: OpType = 'ok',
): HistoryOperation {
  return { process, node: `n${process}`, key, f, value, type, invoke: 0, complete: null };
}

function history(...operations: HistoryOperation[]): History {
  operations.forEach((o, i) => {
    o.invoke = 1100 + 100 * i;
    o.complete = o.type === 'info' ? null : o.invoke + 50;
  });
  return { schemaVersion: 1, operations };
}

function sessionsHold(h: History): void {
  assert.deepEqual(
    checkSessionGuarantees(h).map((v) => v.verdict),
    ['held', 'held', 'held', 'held'],
  );
}

test('WriteCOInitRead: the initial state read although a write of the key causally precedes the read', () => {
  // x=a reaches client 2 only through y and z; each session guarantee on its own is kept.
  const h = history(
    op(0, 'write', 'x', 'a'),
    op(0, 'write', 'y', 'b'),
    op(1, 'read', 'y', 'b'),
    op(1, 'write', 'z', 'c'),
    op(2, 'read', 'z', 'c'),
    op(2, 'read', 'x', null),
  );
  sessionsHold(h);
  const v = checkCausal(h);
  assert.equal(v.verdict, 'violated');
  assert.match(
    v.witness!.explanation,
    /client 2 read "x" on n2 at 1\.60 s and found it missing .* though "a" \(client 0 wrote "a" to "x" on n0 at 1\.10 s\) causally/,
  );
  assert.equal(v.witness!.operations.at(-1), 5);
  assert.ok(v.witness!.operations.includes(0));
});

test('WriteCORead: a value read although a write that replaced it causally precedes the read', () => {
  const h = history(
    op(0, 'write', 'x', 'a0'),
    op(0, 'write', 'x', 'a1'),
    op(0, 'write', 'y', 'b'),
    op(1, 'read', 'y', 'b'),
    op(1, 'write', 'z', 'c'),
    op(2, 'read', 'z', 'c'),
    op(2, 'read', 'x', 'a0'),
  );
  sessionsHold(h);
  const v = checkCausal(h);
  assert.equal(v.verdict, 'violated');
  assert.match(v.witness!.explanation, /got "a0", though "a1" .* had replaced it and causally preceded the read .*WriteCORead/);
  const fine = history(
    op(0, 'write', 'x', 'a0'),
    op(0, 'write', 'y', 'b'),
    op(1, 'read', 'y', 'b'),
    op(1, 'write', 'z', 'c'),
    op(2, 'read', 'z', 'c'),
    op(2, 'read', 'x', 'a0'),
  );
  assert.equal(checkCausal(fine).verdict, 'held');
});

test('CyclicCO: each client read what the other wrote only after its read', () => {
  const h = history(op(0, 'read', 'x', 'b'), op(0, 'write', 'y', 'a'), op(1, 'read', 'y', 'a'), op(1, 'write', 'x', 'b'));
  const v = checkCausal(h);
  assert.equal(v.verdict, 'violated');
  assert.match(v.witness!.explanation, /causal order has a cycle.*CyclicCO/);
  assert.deepEqual([...v.witness!.operations].sort(), [0, 1, 2, 3]);
  // The session guarantees ask nothing of a cycle by themselves.
  sessionsHold(h);
});

test('ThinAirRead, and a causally consistent history', () => {
  const thin = checkCausal(history(op(0, 'write', 'x', 'a'), op(1, 'read', 'x', 'nobody')));
  assert.equal(thin.verdict, 'violated');
  assert.match(thin.witness!.explanation, /thin air, which causal forbids/);
  const ok = history(
    op(0, 'write', 'x', 'a'),
    op(1, 'read', 'x', 'a'),
    op(1, 'write', 'x', 'b'),
    op(2, 'read', 'x', 'b'),
    op(0, 'read', 'x', 'a'),
    op(2, 'read', 'x', 'b'),
  );
  assert.equal(checkCausal(ok).verdict, 'held');
});

test('indeterminate writes: one that was read orders through its readers; one applied late orders nothing', () => {
  const read = history(
    op(0, 'write', 'x', 'a', 'info'),
    op(1, 'read', 'x', 'a'),
    op(1, 'write', 'x', 'b'),
    op(2, 'read', 'x', 'b'),
    op(2, 'read', 'x', 'a'),
  );
  assert.equal(checkCausal(read).verdict, 'violated');
  const late = history(
    op(0, 'write', 'x', 'a', 'info'),
    op(0, 'write', 'x', 'b'),
    op(1, 'read', 'x', 'b'),
    op(1, 'read', 'x', 'a'),
    op(0, 'read', 'x', 'a'),
  );
  assert.equal(checkCausal(late).verdict, 'held');
  sessionsHold(late);
  // An indeterminate compare-and-set that was read: its expected value's write comes before its readers.
  const cas = history(
    op(0, 'write', 'x', 'a'),
    op(1, 'cas', 'x', ['a', 'b'], 'info'),
    op(2, 'read', 'x', 'b'),
    op(2, 'write', 'y', 'c'),
    op(3, 'read', 'y', 'c'),
    op(3, 'read', 'x', 'a'),
  );
  assert.equal(checkCausal(cas).verdict, 'violated');
});

test('non-unique values and budgets give unknown', () => {
  const dup = checkCausal(history(op(0, 'write', 'x', 'a'), op(1, 'write', 'x', 'a')));
  assert.equal(dup.verdict, 'unknown');
  assert.match(dup.reason!, /not unique/);
  const mem = checkCausal(history(op(0, 'write', 'x', 'a'), op(1, 'read', 'x', 'a')), { maxMemoryBytes: 100 });
  assert.equal(mem.verdict, 'unknown');
  assert.match(mem.reason!, /memory/);
});

test('checkSessionAndCausal: the five verdicts of the separate checkers, from one preparation', () => {
  const h = history(op(0, 'write', 'x', 'a'), op(0, 'write', 'y', 'b'), op(1, 'read', 'y', 'b'), op(1, 'read', 'x', null));
  const all = checkSessionAndCausal(h);
  assert.deepEqual(
    all.map((v) => v.model),
    ['read-your-writes', 'monotonic-reads', 'monotonic-writes', 'writes-follow-reads', 'causal'],
  );
  assert.deepEqual(
    all.map((v) => v.verdict),
    [...checkSessionGuarantees(h).map((v) => v.verdict), checkCausal(h).verdict],
  );
  assert.deepEqual(
    all.map((v) => v.verdict),
    ['held', 'held', 'violated', 'held', 'violated'],
  );
});
