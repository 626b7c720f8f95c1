// The per-key sequential check: hand-written histories for each rule of the normalisation, the budgets, and a
// property test against a brute force that tries every interleaving of the sessions (with or without each
// indeterminate write). The PRNG is seeded; a failure prints the history that shows it.

import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { checkSequential } from '../../src/consistency/sequential.js';
import { checkHistory, historyToJson, type History, type HistoryOperation, type Value } from '../../src/linearizability/index.js';
import { seededRandom, type Random } from '../../src/core/random.js';

type Extra = Partial<HistoryOperation>;

function op(
  process: number | string,
  f: HistoryOperation['f'],
  value: HistoryOperation['value'],
  invoke: number,
  extra: Extra = {},
): HistoryOperation {
  const type = extra.type ?? 'ok';
  return { process, f, value, type, invoke, complete: type === 'info' ? null : invoke + 50, key: 'k', ...extra };
}

function hist(operations: HistoryOperation[], initialValue?: Value): History {
  const h: History = { schemaVersion: 1, operations };
  if (initialValue !== undefined) h.initialValue = initialValue;
  return h;
}

describe('checkSequential: hand-written histories', () => {
  test('the classic: every session is fine, but no single order exists', () => {
    // 1 writes a then reads b; 2 writes b then reads a. Whichever write goes first, its reader comes too late.
    const h = hist([
      op(1, 'write', 'a', 0, { node: 'n1' }),
      op(2, 'write', 'b', 10, { node: 'n2' }),
      op(1, 'read', 'b', 1200, { node: 'n1' }),
      op(2, 'read', 'a', 1350, { node: 'n2' }),
    ]);
    const v = checkSequential(h);
    assert.equal(v.model, 'sequential');
    assert.equal(v.verdict, 'violated');
    assert.deepEqual([...v.witness!.operations].sort(), [0, 1, 2, 3]);
    assert.equal(v.witness!.key, 'k');
    assert.match(v.witness!.explanation, /^no order of key "k"'s operations keeps each client's order/);
    assert.match(v.witness!.explanation, /client 1 wrote "a" on n1 at 0\.00 s, then read "b" at 1\.20 s/);
    assert.match(v.witness!.explanation, /client 2 wrote "b" on n2 at 0\.01 s, then read "a" at 1\.35 s/);
  });

  test('a stale read after a completed write is sequential, though not linearizable', () => {
    const h = hist([op(1, 'write', 1, 0), op(2, 'read', null, 100), op(2, 'read', 1, 200)]);
    assert.equal(checkHistory(h, { model: 'register', initialValue: null }).verdict, 'not-linearizable');
    assert.equal(checkSequential(h).verdict, 'held');
  });

  test('reading back in time within one session is not', () => {
    const h = hist([
      op(5, 'write', 'v-4', 0),
      op(5, 'write', 'v-9', 100),
      op(2, 'read', 'v-9', 1200, { node: 'kv_1' }),
      op(2, 'read', 'v-4', 1350, { node: 'kv_1' }),
      op(3, 'read', 'v-9', 1400),
    ]);
    const v = checkSequential(h);
    assert.equal(v.verdict, 'violated');
    // The third client's read plays no part: the witness shrinks it away.
    assert.deepEqual([...v.witness!.operations].sort(), [0, 1, 2, 3]);
    assert.match(v.witness!.explanation, /client 2 read "v-9" on kv_1 at 1\.20 s, then read "v-4" at 1\.35 s/);
    assert.match(v.witness!.explanation, /client 5 wrote "v-4" at 0\.00 s, then wrote "v-9" at 0\.10 s/);
  });

  test('compare-and-set: a swap reads its expected value and writes its new one at once', () => {
    const fine = hist([op(1, 'write', 1, 0), op(2, 'cas', [1, 2], 100), op(3, 'read', 2, 200), op(3, 'read', 2, 300)]);
    assert.equal(checkSequential(fine).verdict, 'held');
    const back = hist([op(1, 'write', 1, 0), op(2, 'cas', [1, 2], 100), op(3, 'read', 2, 200), op(3, 'read', 1, 300)]);
    assert.equal(checkSequential(back).verdict, 'violated');
    const twice = hist([op(1, 'write', 1, 0), op(2, 'cas', [1, 2], 100), op(3, 'cas', [1, 3], 200)]);
    assert.equal(checkSequential(twice).verdict, 'violated');
    // A cas that certainly did not swap is left out, whatever it compared; so is a failed one.
    const refused = hist([
      op(1, 'write', 1, 0),
      op(2, 'cas', [1, 2], 100, { succeeded: false }),
      op(3, 'cas', [7, 8], 200, { type: 'fail' }),
    ]);
    assert.equal(checkSequential(refused).verdict, 'held');
    // An indeterminate cas whose new value was read did swap.
    const open = hist([op(1, 'write', 1, 0), op(2, 'cas', [1, 2], 100, { type: 'info' }), op(3, 'read', 2, 200), op(3, 'read', 1, 300)]);
    assert.equal(checkSequential(open).verdict, 'violated');
    const cas0 = hist([op(2, 'cas', [null, 2], 100), op(3, 'read', 2, 200)]);
    assert.equal(checkSequential(cas0).verdict, 'held');
  });

  test('an indeterminate write may take effect late, after its client went on, or never', () => {
    const late = hist([op(1, 'write', 1, 0, { type: 'info' }), op(1, 'write', 2, 100), op(2, 'read', 2, 200), op(2, 'read', 1, 300)]);
    assert.equal(checkSequential(late).verdict, 'held');
    // The same with the first write acknowledged: client 1's order puts 1 before 2, so reading 1 after 2 is wrong.
    const acked = hist(late.operations.map((o, i) => (i === 0 ? { ...o, type: 'ok' as const, complete: 50 } : o)));
    assert.equal(checkSequential(acked).verdict, 'violated');
    const never = hist([op(1, 'write', 1, 0, { type: 'info' }), op(2, 'read', null, 500), op(2, 'read', null, 600)]);
    assert.equal(checkSequential(never).verdict, 'held');
    // Read, it took effect: then a later read of the initial value by the same reader is back in time.
    const read = hist([op(1, 'write', 1, 0, { type: 'info' }), op(2, 'read', 1, 500), op(2, 'read', null, 600)]);
    assert.equal(checkSequential(read).verdict, 'violated');
    // Indeterminate reads say nothing; failed writes did not happen.
    const noise = hist([op(1, 'write', 1, 0, { type: 'fail' }), op(2, 'read', 7, 500, { type: 'info' }), op(2, 'read', null, 600)]);
    assert.equal(checkSequential(noise).verdict, 'held');
  });

  test('an indeterminate write still follows what its client did before it', () => {
    const h = hist([op(1, 'read', null, 0), op(1, 'write', 1, 100, { type: 'info' }), op(2, 'read', 1, 200)]);
    assert.equal(checkSequential(h).verdict, 'held');
    const h2 = hist([op(1, 'write', 2, 0), op(1, 'write', 1, 100, { type: 'info' }), op(2, 'read', 1, 200), op(2, 'read', 2, 300)]);
    assert.equal(checkSequential(h2).verdict, 'violated');
  });

  test('a read of a value nobody wrote, or only a refused write', () => {
    const h = hist([op(1, 'write', 1, 0), op(3, 'read', 'ghost', 1200, { node: 'kv_1' })]);
    const v = checkSequential(h);
    assert.equal(v.verdict, 'violated');
    assert.deepEqual(v.witness!.operations, [1]);
    assert.equal(v.witness!.explanation, 'client 3 read "ghost" on kv_1 at 1.20 s on key "k", a value no write of the key wrote');
    const refused = hist([op(1, 'write', 'x', 0, { type: 'fail' }), op(3, 'read', 'x', 100)]);
    assert.match(checkSequential(refused).witness!.explanation, /only a refused write wrote/);
  });

  test('the initial value: read before any write, never after one was read', () => {
    assert.equal(checkSequential(hist([op(1, 'read', 'init', 0), op(2, 'write', 1, 10), op(1, 'read', 1, 100)], 'init')).verdict, 'held');
    assert.equal(checkSequential(hist([op(1, 'read', null, 0)], 'init')).verdict, 'violated');
    const back = hist([op(1, 'read', 'init', 0), op(1, 'write', 1, 100), op(2, 'read', 1, 200), op(2, 'read', 'init', 300)], 'init');
    assert.equal(checkSequential(back).verdict, 'violated');
    // A value written again is not unique: the search decides it, and writing the initial value again is allowed.
    const again = hist([op(1, 'write', 1, 100), op(1, 'write', 'init', 150), op(2, 'read', 1, 200), op(2, 'read', 'init', 300)], 'init');
    assert.equal(checkSequential(again).verdict, 'held');
  });

  test('values written more than once: decided by the search', () => {
    const w = [op(1, 'write', 1, 0), op(1, 'write', 2, 100), op(1, 'write', 1, 200)];
    assert.equal(checkSequential(hist([...w, op(2, 'read', 1, 300), op(2, 'read', 2, 400), op(2, 'read', 1, 500)])).verdict, 'held');
    assert.equal(checkSequential(hist([...w, op(2, 'read', 2, 300), op(2, 'read', 1, 400), op(2, 'read', 2, 500)])).verdict, 'violated');
  });

  test('keys are independent; clientOf groups operations into sessions', () => {
    const ok = [op(1, 'write', 1, 0, { key: 'a' }), op(2, 'read', 1, 100, { key: 'a' })];
    const bad = [
      op(1, 'write', 'x', 0, { key: 'b' }),
      op(1, 'write', 'y', 10, { key: 'b' }),
      op(2, 'read', 'y', 20, { key: 'b' }),
      op(2, 'read', 'x', 30, { key: 'b' }),
    ];
    const v = checkSequential(hist([...ok, ...bad]));
    assert.equal(v.verdict, 'violated');
    assert.equal(v.witness!.key, 'b');
    assert.deepEqual([...v.witness!.operations].sort(), [2, 3, 4, 5]);
    // Processes 2 and 4 of one client: its reads 'y' then 'x' are one session.
    const split = [op(1, 'write', 'x', 0), op(1, 'write', 'y', 10), op(2, 'read', 'y', 20), op(4, 'read', 'x', 30)];
    assert.equal(checkSequential(hist(split)).verdict, 'held');
    assert.equal(checkSequential(hist(split), { clientOf: (o) => Number(o.process) % 2 }).verdict, 'violated');
  });

  test('append is not modelled: unknown, unless another key is violated', () => {
    const appended = [op(1, 'append', 'x', 0, { key: 'log' })];
    const v = checkSequential(hist(appended));
    assert.equal(v.verdict, 'unknown');
    assert.match(v.reason!, /key "log" has append operations/);
    const bad = [op(1, 'read', 'ghost', 0, { key: 'k' })];
    assert.equal(checkSequential(hist([...appended, ...bad])).verdict, 'violated');
  });

  test('an empty history holds', () => {
    assert.equal(checkSequential(hist([])).verdict, 'held');
  });
});

/**
 * A key the search cannot finish: client 0 writes 3, then 1, then reads 3 (impossible, but only seen once client
 * 0 gets there), and seven clients write 1 or 2 in every possible interleaving around it. Values repeat, so it
 * goes to the search.
 */
function hardKey(key: string): HistoryOperation[] {
  const out: HistoryOperation[] = [op(0, 'write', 3, 0, { key }), op(0, 'write', 1, 100, { key }), op(0, 'read', 3, 200, { key })];
  for (let c = 1; c <= 7; c++) for (let i = 0; i < 12; i++) out.push(op(c, 'write', 1 + ((c + i) % 2), 300 + i * 100, { key }));
  return out;
}

describe('checkSequential: budgets', () => {
  test('out of time: unknown, naming the key', () => {
    const started = performance.now();
    const v = checkSequential(hist(hardKey('hard')), { budgetMs: 200 });
    assert.equal(v.verdict, 'unknown');
    assert.match(v.reason!, /time budget \(0\.20 s\) ran out before key "hard" was decided/);
    assert.ok(performance.now() - started < 3000, 'stops near its deadline');
  });

  test('out of memory: unknown, naming the key', () => {
    const v = checkSequential(hist(hardKey('hard')), { maxMemoryBytes: 1024 * 1024 });
    assert.equal(v.verdict, 'unknown');
    assert.match(v.reason!, /deciding key "hard" would take more memory than 1 MiB allows/);
    const tiny = checkSequential(hist([op(1, 'write', 1, 0)]), { maxMemoryBytes: 16 });
    assert.equal(tiny.verdict, 'unknown');
  });

  test('another key violated settles it, even one that needs the search too', () => {
    const unique = [
      op(1, 'write', 'x', 0, { key: 'u' }),
      op(1, 'write', 'y', 10, { key: 'u' }),
      op(2, 'read', 'y', 20, { key: 'u' }),
      op(2, 'read', 'x', 30, { key: 'u' }),
    ];
    assert.equal(checkSequential(hist([...hardKey('hard'), ...unique]), { budgetMs: 2000 }).verdict, 'violated');
    const repeated = [op(1, 'write', 1, 0, { key: 'r' }), op(1, 'write', 2, 10, { key: 'r' }), op(1, 'write', 1, 15, { key: 'r' })];
    repeated.push(op(2, 'read', 2, 20, { key: 'r' }), op(2, 'read', 1, 30, { key: 'r' }), op(2, 'read', 2, 40, { key: 'r' }));
    const v = checkSequential(hist([...hardKey('hard'), ...repeated]), { budgetMs: 2000 });
    assert.equal(v.verdict, 'violated');
    assert.equal(v.witness!.key, 'r');
  });
});

// ---- The brute force: every interleaving of the sessions, each indeterminate write placed or not ----

function bruteKey(ops: readonly HistoryOperation[], initial: Value, clientOf: (o: HistoryOperation) => number | string): boolean {
  const kept = ops
    .map((o, i) => ({ o, i }))
    .filter(({ o }) => {
      if (o.type === 'fail') return false;
      if (o.f === 'read') return o.type === 'ok';
      return !(o.f === 'cas' && o.type === 'ok' && o.succeeded === false);
    })
    .sort((x, y) => x.o.invoke - y.o.invoke || x.i - y.i);
  const lanes = new Map<number | string, HistoryOperation[]>();
  const floaters: { o: HistoryOperation; lane: number | string; after: number }[] = [];
  for (const { o } of kept) {
    const c = clientOf(o);
    if (!lanes.has(c)) lanes.set(c, []);
    if (o.type === 'info') floaters.push({ o, lane: c, after: lanes.get(c)!.length });
    else lanes.get(c)!.push(o);
  }
  const names = [...lanes.keys()];
  const chains = names.map((c) => lanes.get(c)!);
  const pos = chains.map(() => 0);
  const used = floaters.map(() => false);
  const apply = (o: HistoryOperation, s: Value): Value | undefined => {
    if (o.f === 'read') return o.value === s ? s : undefined;
    if (o.f === 'write') return o.value as Value;
    const [from, to] = o.value as [Value, Value];
    return from === s ? to : undefined;
  };
  const go = (s: Value): boolean => {
    if (chains.every((ch, l) => pos[l] === ch.length)) return true;
    for (let l = 0; l < chains.length; l++) {
      if (pos[l]! >= chains[l]!.length) continue;
      const ns = apply(chains[l]![pos[l]!]!, s);
      if (ns === undefined) continue;
      pos[l]!++;
      const ok = go(ns);
      pos[l]!--;
      if (ok) return true;
    }
    for (let f = 0; f < floaters.length; f++) {
      const fl = floaters[f]!;
      if (used[f] || pos[names.indexOf(fl.lane)]! < fl.after) continue;
      const ns = apply(fl.o, s);
      if (ns === undefined) continue;
      used[f] = true;
      const ok = go(ns);
      used[f] = false;
      if (ok) return true;
    }
    return false;
  };
  return go(initial);
}

function bruteSequential(h: History, clientOf: (o: HistoryOperation) => number | string): boolean {
  const keys = new Map<string, HistoryOperation[]>();
  for (const o of h.operations) {
    const k = o.key ?? '';
    if (!keys.has(k)) keys.set(k, []);
    keys.get(k)!.push(o);
  }
  return [...keys.values()].every((ops) => bruteKey(ops, h.initialValue ?? null, clientOf));
}

// ---- Random histories from a simulated replicated store ----

interface Planned {
  client: number;
  key: string;
  f: 'read' | 'write' | 'cas';
  node: number;
  invoke: number;
  at: number;
  complete: number;
  fate: 'ok' | 'fail' | 'info-applied' | 'info-lost';
  arg: Value;
}

/**
 * Clients take turns one operation at a time, each after its previous one completed (or gave up). Each operation
 * takes effect on one node at an instant inside its interval; a write reaches the other nodes after a random lag
 * (out of order, so replicas can disagree). `linearizable`: one copy, no lag, no junk. Otherwise some junk: reads
 * of made-up values, repeated values, a non-null initial value. A quarter of the histories write only 0, 1 or 2.
 */
function simulate(rnd: Random, linearizable: boolean): History {
  const pickInt = (n: number): number => Math.floor(rnd() * n);
  const clients = 2 + pickInt(3);
  const keyCount = rnd() < 0.7 ? 1 : 2;
  const nodes = linearizable ? 1 : 2 + pickInt(2);
  const total = 3 + pickInt(6);
  const junk = !linearizable && rnd() < 0.6;
  // Values from {0, 1, 2}: repeated values, which only the search decides.
  const smallDomain = rnd() < 0.25;
  const initial: Value = junk && rnd() < 0.2 ? 'init' : null;
  const free = Array.from({ length: clients }, () => rnd() * 3);
  const planned: Planned[] = [];
  let counter = 0;
  for (let i = 0; i < total; i++) {
    const client = pickInt(clients);
    const invoke = free[client]!;
    const duration = 0.5 + rnd() * 4;
    const r = rnd();
    const f = r < 0.55 ? 'read' : r < 0.85 ? 'write' : 'cas';
    const fr = rnd();
    const fate = fr < 0.07 ? 'fail' : fr < 0.12 ? 'info-applied' : fr < 0.17 ? 'info-lost' : 'ok';
    const arg: Value = smallDomain ? pickInt(3) : junk && rnd() < 0.4 && counter > 0 ? `v${1 + pickInt(counter)}` : `v${++counter}`;
    planned.push({
      client,
      key: `k${pickInt(keyCount)}`,
      f,
      node: pickInt(nodes),
      invoke,
      at: invoke + rnd() * duration,
      complete: invoke + duration,
      fate,
      arg,
    });
    // A client that gave up waits a while and goes on; its operation may still take effect later.
    free[client] = fate.startsWith('info') ? invoke + 1 + rnd() * 2 : invoke + duration + 0.01 + rnd() * 2;
  }
  return { schemaVersion: 1, initialValue: initial, operations: execute(rnd, planned, nodes, initial, junk) };
}

function execute(rnd: Random, planned: Planned[], nodes: number, initial: Value, junk: boolean): HistoryOperation[] {
  const copies = Array.from({ length: nodes }, () => new Map<string, Value>());
  const inbox: { at: number; node: number; key: string; value: Value }[] = [];
  const results = new Map<Planned, HistoryOperation>();
  const deliver = (until: number): void => {
    inbox.sort((x, y) => x.at - y.at);
    while (inbox.length > 0 && inbox[0]!.at <= until) {
      const m = inbox.shift()!;
      copies[m.node]!.set(m.key, m.value);
    }
  };
  const set = (p: Planned, value: Value): void => {
    copies[p.node]!.set(p.key, value);
    for (let n = 0; n < nodes; n++) if (n !== p.node) inbox.push({ at: p.at + rnd() * 12, node: n, key: p.key, value });
  };
  for (const p of [...planned].sort((x, y) => x.at - y.at)) {
    deliver(p.at);
    const applied = p.fate === 'ok' || p.fate === 'info-applied';
    const current = copies[p.node]!.get(p.key) ?? initial;
    const base = { process: p.client, key: p.key, node: `n${p.node}`, invoke: p.invoke };
    const type = p.fate === 'ok' ? 'ok' : p.fate === 'fail' ? 'fail' : 'info';
    const complete = type === 'info' ? null : p.complete;
    let o: HistoryOperation;
    if (p.f === 'read') {
      const value = junk && rnd() < 0.05 ? `v${Math.floor(rnd() * 9)}` : current;
      o = { ...base, f: 'read', value: applied ? value : null, type, complete };
    } else if (p.f === 'write') {
      if (applied) set(p, p.arg);
      o = { ...base, f: 'write', value: p.arg, type, complete };
    } else {
      const from = rnd() < 0.6 ? current : `v${Math.floor(rnd() * 9)}`;
      const swapped = applied && from === current;
      if (swapped) set(p, p.arg);
      o = { ...base, f: 'cas', value: [from, p.arg], type, complete };
      if (type === 'ok' && !swapped) o.succeeded = false;
    }
    results.set(p, o);
  }
  return planned.map((p) => results.get(p)!);
}

describe('checkSequential: property', () => {
  test('agrees with the brute force on thousands of small histories, and holds whenever linearizable', () => {
    const counts = { held: 0, violated: 0, linearizable: 0 };
    const rnd = seededRandom(20240611);
    const started = performance.now();
    for (let i = 0; i < 6000; i++) {
      const linearizable = i % 4 === 0;
      const h = simulate(rnd, linearizable);
      const merge = !linearizable && rnd() < 0.15;
      const clientOf = merge ? (o: HistoryOperation) => Number(o.process) % 2 : (o: HistoryOperation) => o.process;
      const expected = bruteSequential(h, clientOf);
      const got = checkSequential(h, merge ? { clientOf } : {});
      const show = (): string => `history ${i}${merge ? ' (clients merged mod 2)' : ''}:\n${historyToJson(h)}${JSON.stringify(got)}`;
      assert.equal(got.verdict, expected ? 'held' : 'violated', show());
      counts[got.verdict as 'held' | 'violated']++;
      if (got.verdict === 'violated') {
        // The witness is a subset that is violated on its own.
        const w = got.witness!;
        const sub: History = { ...h, operations: w.operations.map((x) => h.operations[x]!) };
        assert.equal(bruteSequential(sub, clientOf), false, `witness of ${show()}`);
      }
      if ((h.initialValue ?? null) === null && !merge) {
        const model = h.operations.some((o) => o.f === 'cas') ? 'cas-register' : 'register';
        const lin = checkHistory(h, { model, initialValue: null });
        if (lin.verdict === 'linearizable') {
          counts.linearizable++;
          assert.equal(got.verdict, 'held', `linearizable but not sequential: ${show()}`);
        }
      }
    }
    console.log(`sequential property: ${JSON.stringify(counts)} in ${Math.round(performance.now() - started)} ms`);
    assert.ok(counts.held >= 2000, JSON.stringify(counts));
    assert.ok(counts.violated >= 700, JSON.stringify(counts));
    assert.ok(counts.linearizable >= 1500, JSON.stringify(counts));
  });
});
