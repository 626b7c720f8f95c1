import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import {
  HistoryError,
  checkHistory,
  formatWitness,
  type CheckOptions,
  type History,
  type HistoryOperation,
  type ModelName,
  type Value,
} from '../../src/linearizability/index.js';

type Extra = Partial<Pick<HistoryOperation, 'key' | 'succeeded' | 'node' | 'type'>>;

/** A completed (or, with complete null, open) operation. */
function op(
  process: number,
  f: HistoryOperation['f'],
  value: HistoryOperation['value'],
  invoke: number,
  complete: number | null,
  extra: Extra = {},
): HistoryOperation {
  return { process, f, value, type: complete === null ? 'info' : 'ok', invoke, complete, ...extra };
}

function history(model: ModelName, operations: HistoryOperation[], initialValue?: Value): History {
  const h: History = { schemaVersion: 1, model, operations };
  if (initialValue !== undefined) h.initialValue = initialValue;
  return h;
}

function verdict(model: ModelName, operations: HistoryOperation[], options: CheckOptions = {}): string {
  return checkHistory(history(model, operations), options).verdict;
}

describe('register', () => {
  test('an empty history is linearizable', () => {
    const r = checkHistory(history('register', []));
    assert.equal(r.verdict, 'linearizable');
    assert.deepEqual(r.keys, []);
  });

  test('sequential write then read', () => {
    assert.equal(verdict('register', [op(0, 'write', 1, 0, 1), op(1, 'read', 1, 2, 3)]), 'linearizable');
  });

  test('a read overlapping a write may see the old or the new value', () => {
    assert.equal(verdict('register', [op(0, 'write', 1, 0, 10), op(1, 'read', 1, 2, 3)]), 'linearizable');
    assert.equal(verdict('register', [op(0, 'write', 1, 0, 10), op(1, 'read', null, 2, 3)]), 'linearizable');
  });

  test('a read after the write completed must see it', () => {
    assert.equal(verdict('register', [op(0, 'write', 1, 0, 1), op(1, 'read', null, 2, 3)]), 'not-linearizable');
  });

  test('a stale read is reported with the value every order leaves', () => {
    const r = checkHistory(
      history('register', [op(0, 'write', 1, 0, 1), op(0, 'write', 2, 2, 3, { node: 'n2' }), op(1, 'read', 1, 4, 5, { node: 'n1' })]),
      { algorithm: 'search' },
    );
    assert.equal(r.verdict, 'not-linearizable');
    const w = r.keys[0]?.witness;
    assert.ok(w);
    assert.equal(w.failing.index, 2);
    assert.deepEqual(w.possibleStates, [2]);
    assert.match(w.explanation, /returned 1/);
    assert.match(w.explanation, /holding 2/);
    assert.ok(
      w.window.some((o) => o.index === 1),
      'the write of 2 is in the window',
    );
    assert.match(formatWitness(w), /cannot be linearized/);
  });

  test('two reads that disagree on the order of concurrent writes', () => {
    const ops = [
      op(0, 'write', 1, 0, 10),
      op(1, 'write', 2, 0, 10),
      op(2, 'read', 1, 11, 12),
      op(3, 'read', 2, 13, 14),
      op(2, 'read', 1, 15, 16),
    ];
    assert.equal(verdict('register', ops), 'not-linearizable');
    assert.equal(verdict('register', ops.slice(0, 4)), 'not-linearizable');
    assert.equal(verdict('register', ops.slice(0, 3)), 'linearizable');
  });

  test('reads of a value never written fail', () => {
    assert.equal(verdict('register', [op(0, 'read', 7, 0, 1)]), 'not-linearizable');
    assert.equal(verdict('register', [op(0, 'read', null, 0, 1)]), 'linearizable');
  });

  test('values compare strictly: 1 is not "1"', () => {
    assert.equal(verdict('register', [op(0, 'write', 1, 0, 1), op(1, 'read', '1', 2, 3)]), 'not-linearizable');
  });

  test("a crashed client's write stays open to the end of the history", () => {
    // The write may take effect at any time after its call, even long after.
    assert.equal(verdict('register', [op(0, 'write', 1, 0, null), op(1, 'read', null, 5, 6), op(1, 'read', 1, 10, 11)]), 'linearizable');
    assert.equal(verdict('register', [op(0, 'write', 1, 0, null), op(1, 'read', null, 5, 6)]), 'linearizable');
    // Once seen, it cannot be undone.
    assert.equal(
      verdict('register', [op(0, 'write', 1, 0, null), op(1, 'read', 1, 5, 6), op(1, 'read', null, 10, 11)]),
      'not-linearizable',
    );
    // But it cannot take effect before it was called.
    assert.equal(verdict('register', [op(1, 'read', 1, 0, 1), op(0, 'write', 1, 2, null)]), 'not-linearizable');
  });

  test('failed operations did not happen and unknown reads are ignored', () => {
    const failedWrite: HistoryOperation = { ...op(0, 'write', 1, 0, 1), type: 'fail' };
    assert.equal(verdict('register', [failedWrite, op(1, 'read', 1, 2, 3)]), 'not-linearizable');
    assert.equal(verdict('register', [failedWrite, op(1, 'read', null, 2, 3)]), 'linearizable');
    const unknownRead: HistoryOperation = { ...op(1, 'read', 42, 2, null), type: 'info' };
    const r = checkHistory(history('register', [op(0, 'write', 1, 0, 1), unknownRead]));
    assert.equal(r.verdict, 'linearizable');
    assert.deepEqual(r.keys[0]?.operations, { total: 2, checked: 1, ok: 1, failed: 0, open: 0, unknownReads: 1 });
  });

  test('operations that touch in time are treated as concurrent', () => {
    assert.equal(verdict('register', [op(0, 'write', 1, 0, 5), op(1, 'read', null, 5, 6)]), 'linearizable');
    assert.equal(verdict('register', [op(0, 'write', 1, 0, 5), op(1, 'read', null, 5.001, 6)]), 'not-linearizable');
  });

  test('the initial value is an option', () => {
    const ops = [op(0, 'read', 0, 0, 1)];
    assert.equal(verdict('register', ops), 'not-linearizable');
    assert.equal(verdict('register', ops, { initialValue: 0 }), 'linearizable');
    assert.equal(checkHistory(history('register', ops, 0)).verdict, 'linearizable');
  });

  test('the register model rejects cas', () => {
    assert.throws(() => checkHistory(history('register', [op(0, 'cas', [1, 2], 0, 1)])), HistoryError);
  });
});

describe('cas-register', () => {
  test('a successful cas needs the expected value', () => {
    assert.equal(verdict('cas-register', [op(0, 'cas', [0, 1], 0, 1)], { initialValue: 0 }), 'linearizable');
    assert.equal(verdict('cas-register', [op(0, 'cas', [0, 1], 0, 1)]), 'not-linearizable');
  });

  test('cas on a missing key', () => {
    // Never written: a cas that claims success is impossible, one that reports a mismatch is right.
    assert.equal(verdict('cas-register', [op(0, 'cas', [1, 2], 0, 1)]), 'not-linearizable');
    assert.equal(verdict('cas-register', [op(0, 'cas', [1, 2], 0, 1, { succeeded: false })]), 'linearizable');
    assert.equal(verdict('cas-register', [op(0, 'cas', [null, 2], 0, 1), op(1, 'read', 2, 2, 3)]), 'linearizable');
    // A cas whose outcome is unknown may or may not have matched.
    assert.equal(verdict('cas-register', [op(0, 'cas', [1, 2], 0, null), op(1, 'read', null, 2, 3)]), 'linearizable');
  });

  test('a cas that reports a mismatch must have seen another value', () => {
    const ops = [op(0, 'write', 1, 0, 1), op(1, 'cas', [1, 2], 2, 3, { succeeded: false })];
    const r = checkHistory(history('cas-register', ops));
    assert.equal(r.verdict, 'not-linearizable');
    assert.match(r.keys[0]?.witness?.explanation ?? '', /did not match/);
  });

  test('two concurrent cas from the same value cannot both succeed', () => {
    const ops = [op(0, 'write', 0, 0, 1), op(1, 'cas', [0, 1], 2, 10), op(2, 'cas', [0, 2], 3, 9)];
    assert.equal(verdict('cas-register', ops), 'not-linearizable');
    const chained = [op(0, 'write', 0, 0, 1), op(1, 'cas', [0, 1], 2, 10), op(2, 'cas', [1, 2], 3, 9), op(0, 'read', 2, 11, 12)];
    assert.equal(verdict('cas-register', chained), 'linearizable');
  });

  test('an open cas may have taken effect', () => {
    const ops = [op(0, 'write', 0, 0, 1), op(1, 'cas', [0, 5], 2, null), op(2, 'read', 0, 3, 4), op(2, 'read', 5, 5, 6)];
    assert.equal(verdict('cas-register', ops), 'linearizable');
    assert.equal(verdict('cas-register', [...ops, op(2, 'read', 0, 7, 8)]), 'not-linearizable');
  });
});

describe('kv', () => {
  test('keys are independent registers', () => {
    const ops = [
      op(0, 'put', 'a1', 0, 1, { key: 'a' }),
      op(1, 'put', 'b1', 0, 1, { key: 'b' }),
      op(2, 'get', 'a1', 2, 3, { key: 'a' }),
      op(2, 'get', 'b1', 4, 5, { key: 'b' }),
    ];
    const r = checkHistory(history('kv', ops));
    assert.equal(r.verdict, 'linearizable');
    assert.deepEqual(
      r.keys.map((k) => k.key),
      ['a', 'b'],
    );
  });

  test("a get returning another key's value fails on that key only", () => {
    const ops = [
      op(0, 'put', 'a1', 0, 1, { key: 'a' }),
      op(1, 'put', 'b1', 0, 1, { key: 'b' }),
      op(2, 'get', 'b1', 2, 3, { key: 'a' }),
      op(2, 'get', 'b1', 4, 5, { key: 'b' }),
    ];
    const r = checkHistory(history('kv', ops), { checkAllKeys: true });
    assert.equal(r.verdict, 'not-linearizable');
    assert.deepEqual(
      r.keys.map((k) => k.verdict),
      ['not-linearizable', 'linearizable'],
    );
    assert.equal(r.keys[0]?.witness?.key, 'a');
  });

  test('get of a missing key is null; append starts from empty', () => {
    const ops = [
      op(0, 'get', null, 0, 1, { key: 'k' }),
      op(0, 'append', 'x', 2, 3, { key: 'k' }),
      op(1, 'append', 'y', 2, 3, { key: 'k' }),
      op(0, 'get', 'yx', 4, 5, { key: 'k' }),
    ];
    assert.equal(verdict('kv', ops), 'linearizable');
    ops[3] = op(0, 'get', 'xyx', 4, 5, { key: 'k' });
    assert.equal(verdict('kv', ops), 'not-linearizable');
  });

  test('appends are ordered by real time', () => {
    const ops = [
      op(0, 'append', 'x', 0, 1, { key: 'k' }),
      op(1, 'append', 'y', 2, 3, { key: 'k' }),
      op(2, 'get', 'yx', 4, 5, { key: 'k' }),
    ];
    assert.equal(verdict('kv', ops), 'not-linearizable');
  });

  test('a failing key stops the search of the others unless asked', () => {
    const ops: HistoryOperation[] = [op(0, 'get', 'nope', 0, 1, { key: 'a' })];
    for (let i = 0; i < 30; i++) ops.push(op(i, 'put', `v${i}`, 0, 100, { key: 'b' }));
    for (let i = 0; i < 30; i++) ops.push(op(100 + i, 'get', `v${i}`, 1, 99, { key: 'b' }));
    const r = checkHistory(history('kv', ops), { maxSteps: 1_000_000 });
    assert.equal(r.verdict, 'not-linearizable');
    assert.equal(r.keys[0]?.verdict, 'not-linearizable');
  });
});

describe('budget', () => {
  // Many overlapping writes and reads that each pin a different order: hard to refute.
  function hard(n: number): HistoryOperation[] {
    const ops: HistoryOperation[] = [];
    for (let i = 0; i < n; i++) ops.push(op(i, 'write', i, 0, 1000));
    for (let i = 0; i < n; i++) ops.push(op(n + i, 'read', (i * 7) % n, 1 + i, 999 - i));
    ops.push(op(3 * n, 'read', -1, 1001, 1002));
    return ops;
  }

  test('a step budget yields unknown', () => {
    const r = checkHistory(history('register', hard(40)), { maxSteps: 1000, algorithm: 'search' });
    assert.equal(r.verdict, 'unknown');
    assert.equal(r.keys[0]?.reason, 'step-budget');
  });

  test('a time budget yields unknown promptly', () => {
    const t0 = performance.now();
    const r = checkHistory(history('register', hard(60)), { timeoutMs: 50, algorithm: 'search' });
    assert.equal(r.verdict, 'unknown');
    assert.equal(r.keys[0]?.reason, 'timeout');
    assert.ok(performance.now() - t0 < 2000);
  });
});
