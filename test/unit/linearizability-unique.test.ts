// The checker without search (unique written values) against the search, on many small random histories: ones made
// by simulated executions (linearizable by construction, with crashed and failed writes), and the same with one
// read changed (often not linearizable). The two must always agree; witnesses must name real operations.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { checkHistory, type History, type HistoryOperation } from '../../src/linearizability/index.js';
import { seededRandom } from '../../src/core/random.js';

/** A simulated execution: each operation takes effect at a random instant inside its interval. */
function simulate(seed: number, clients: number, opsPerClient: number): History {
  const random = seededRandom(seed);
  type Planned = { op: HistoryOperation; at: number; effect: boolean };
  const planned: Planned[] = [];
  let value = 0;
  for (let c = 0; c < clients; c++) {
    let t = random() * 3;
    for (let i = 0; i < opsPerClient; i++) {
      const invoke = t;
      const complete = invoke + 0.5 + random() * 4;
      const at = invoke + random() * (complete - invoke);
      const kind = random();
      if (kind < 0.5) {
        planned.push({ op: { process: c, f: 'read', value: null, type: 'ok', invoke, complete }, at, effect: true });
      } else {
        const outcome = random();
        const type = outcome < 0.15 ? 'info' : outcome < 0.22 ? 'fail' : 'ok';
        // A crashed write may or may not have taken effect; a failed one did not.
        const effect = type === 'ok' || (type === 'info' && random() < 0.5);
        planned.push({
          op: { process: c, f: 'write', value: `v${++value}`, type, invoke, complete: type === 'info' ? null : complete },
          at,
          effect,
        });
      }
      t = complete + random() * 2;
    }
  }
  let state: string | null = null;
  for (const p of [...planned].sort((a, b) => a.at - b.at)) {
    if (p.op.f === 'write' && p.effect) state = p.op.value as string;
    if (p.op.f === 'read') p.op.value = state;
  }
  return { schemaVersion: 1, model: 'register', operations: planned.map((p) => p.op).sort((a, b) => a.invoke - b.invoke) };
}

/** The same history with one ok read changed to another value that was written (or to the initial value). */
function mutate(h: History, seed: number): History {
  const random = seededRandom(seed ^ 0x5bd1e995);
  const reads = h.operations.map((op, i) => ({ op, i })).filter((x) => x.op.f === 'read' && x.op.type === 'ok');
  const values = [null, ...h.operations.filter((op) => op.f === 'write').map((op) => op.value)];
  if (reads.length === 0) return h;
  const { i } = reads[Math.floor(random() * reads.length)]!;
  const operations = h.operations.map((op, j) =>
    j === i ? { ...op, value: values[Math.floor(random() * values.length)] as string | null } : op,
  );
  return { ...h, operations };
}

describe('unique-values checker agrees with the search', () => {
  test('on 1,500 simulated histories and 1,500 mutated ones', () => {
    let linearizable = 0;
    let not = 0;
    for (let seed = 1; seed <= 1500; seed++) {
      const clients = 2 + (seed % 4);
      const base = simulate(seed, clients, 2 + (seed % 3));
      for (const h of [base, mutate(base, seed)]) {
        const fast = checkHistory(h, { algorithm: 'auto' });
        const slow = checkHistory(h, { algorithm: 'search' });
        assert.equal(fast.keys[0]!.algorithm, 'unique-values');
        assert.equal(fast.verdict, slow.verdict, `seed ${seed}: ${JSON.stringify(h.operations)}`);
        if (fast.verdict === 'linearizable') linearizable++;
        else {
          not++;
          const w = fast.keys[0]!.witness!;
          assert.ok(
            w.window.length > 0 && w.window.every((op) => h.operations[op.index]!.invoke === op.invoke),
            'the witness names operations of the history',
          );
          assert.ok(w.explanation.length > 20);
        }
      }
      assert.equal(checkHistory(base).verdict, 'linearizable', `seed ${seed}: a simulated execution is linearizable`);
    }
    // Both verdicts were exercised, not one only.
    assert.ok(linearizable > 1000 && not > 300, `${linearizable} linearizable, ${not} not`);
  });

  const op = (
    process: number,
    f: 'read' | 'write',
    value: string | null,
    invoke: number,
    complete: number | null,
    type: 'ok' | 'info' | 'fail' = 'ok',
  ): HistoryOperation => ({ process, f, value, type, invoke, complete });
  const table: [string, HistoryOperation[], RegExp | null][] = [
    ['a read of a value nobody wrote', [op(1, 'write', 'a', 0, 1), op(2, 'read', 'z', 2, 3)], /returned "z", which no write wrote/],
    [
      'a read that ended before its write began',
      [op(2, 'read', 'a', 0, 1), op(1, 'write', 'a', 2, 3)],
      /ended before the write of its value began/,
    ],
    ['a read of a failed write', [op(1, 'write', 'a', 0, 1, 'fail'), op(2, 'read', 'a', 2, 3)], /whose write failed/],
    [
      'a stale read',
      [op(1, 'write', 'a', 0, 1), op(1, 'write', 'b', 2, 3), op(2, 'read', 'a', 4, 5)],
      /returned "a", but the write of "b" .* happened entirely after "a" was in place/,
    ],
    [
      'two values each before the other',
      [
        op(1, 'write', 'a', 0, 1),
        op(2, 'write', 'b', 0, 1),
        op(3, 'read', 'a', 2, 3),
        op(4, 'read', 'b', 2, 3),
        op(3, 'read', 'b', 4, 5),
        op(4, 'read', 'a', 4, 5),
      ],
      /No order satisfies both/,
    ],
    [
      'a read of the initial value after a write',
      [op(1, 'write', 'a', 0, 1), op(2, 'read', null, 2, 3)],
      new RegExp(
        /^the read by client 2 at 2–3 ms returned the initial value \(absent\), /.source +
          /but the write of "a" \(by client 1\) was already in place: the write by client 1 at 0–1 ms ended before that read began\.$/
            .source,
      ),
    ],
    [
      'a read of the initial value after a write another client read',
      [op(1, 'write', 'a', 0, 1), op(3, 'read', 'a', 5, 6), op(2, 'read', null, 2, 3)],
      /^the read by client 2 at 2–3 ms returned the initial value \(absent\), but the write of "a"/,
    ],
    [
      'an unread crashed write may never have happened',
      [op(1, 'write', 'a', 0, 1), op(2, 'write', 'b', 2, null, 'info'), op(3, 'read', 'a', 5, 6)],
      null,
    ],
    [
      'a read crashed write happened before its read',
      [op(1, 'write', 'a', 0, 1), op(2, 'write', 'b', 2, null, 'info'), op(3, 'read', 'b', 5, 6), op(3, 'read', 'b', 7, 8)],
      null,
    ],
  ];
  for (const [name, operations, explanation] of table) {
    test(name, () => {
      const h: History = { schemaVersion: 1, model: 'register', operations };
      const fast = checkHistory(h);
      assert.equal(fast.verdict, checkHistory(h, { algorithm: 'search' }).verdict);
      assert.equal(fast.keys[0]!.algorithm, 'unique-values');
      if (explanation) assert.match(fast.keys[0]!.witness!.explanation, explanation);
      else assert.equal(fast.verdict, 'linearizable');
    });
  }

  test('a repeated written value does not qualify: the search decides', () => {
    const h: History = { schemaVersion: 1, operations: [op(1, 'write', 'a', 0, 1), op(2, 'write', 'a', 2, 3), op(3, 'read', 'a', 4, 5)] };
    assert.equal(checkHistory(h).keys[0]!.algorithm, 'search');
  });

  test('the search gives up at its memory cap with unknown, never a crash', () => {
    // 24 concurrent writes, then reads that no order allows: the search must try the orders of the writes (the
    // cas-register model keeps the unique-values checker out of it), and its memo outgrows 1 MiB long before.
    const ops: HistoryOperation[] = [];
    for (let i = 0; i < 24; i++) ops.push(op(i, 'write', `v${i}`, 0, 100));
    ops.push(op(98, 'read', 'v0', 200, 201), op(99, 'read', 'v1', 202, 203));
    const r = checkHistory(
      { schemaVersion: 1, model: 'cas-register', operations: ops },
      { maxMemoryBytes: 1024 * 1024, timeoutMs: 20_000 },
    );
    assert.equal(r.verdict, 'unknown', JSON.stringify(r.keys[0]));
    assert.equal(r.keys[0]!.reason, 'memory');
  });
});
