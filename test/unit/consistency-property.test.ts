// Thousands of small histories from a simulated replicated store (replicas that apply what reaches them in
// whatever order it arrives, with delays, drops, late indeterminate writes and some plain junk): the fast session
// and causal checkers must agree exactly with brute force, which builds co by naive transitive closure and asks the
// spec's table literally, over all pairs and triples; for causal also with the axiomatic definition (co acyclic,
// and every read fits a linearisation of the writes causally before it). A history that is linearizable must hold
// every model. The PRNG is seeded: a failure prints the seed and the history.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { seededRandom, type Random } from '../../src/core/random.js';
import { checkHistory, historyToJson, type History, type HistoryOperation, type Value } from '../../src/linearizability/index.js';
import { checkCausal } from '../../src/consistency/causal.js';
import { checkSessionGuarantees } from '../../src/consistency/session.js';

type Outcome = 'held' | 'violated' | 'unknown';
const MODELS = ['read-your-writes', 'monotonic-reads', 'monotonic-writes', 'writes-follow-reads', 'causal'] as const;
type Model = (typeof MODELS)[number];

interface Sim {
  readonly history: History;
  readonly clientOf?: (op: HistoryOperation) => number | string;
  /** Made by one replica applying every operation inside its interval: linearizable by construction. */
  readonly linearizable: boolean;
}

function int(rnd: Random, n: number): number {
  return Math.floor(rnd() * n);
}

interface Store {
  readonly rnd: Random;
  readonly replicas: Map<string, Value>[];
  pending: { to: number; key: string; value: Value; at: number }[];
  readonly written: Value[];
  counter: number;
}

function replicate(s: Store, from: number, key: string, value: Value, t: number, late: boolean): void {
  for (let r = 0; r < s.replicas.length; r++) {
    if (r === from && !late) s.replicas[r]!.set(key, value);
    else if (r === from || s.rnd() > 0.15) s.pending.push({ to: r, key, value, at: t + 1 + int(s.rnd, 7) });
  }
}

function deliver(s: Store, t: number): void {
  const due = s.pending.filter((m) => m.at <= t);
  s.pending = s.pending.filter((m) => m.at > t);
  // Whatever arrives is applied as it comes: arrival order, not causal order, so every model can break.
  for (const m of due.sort(() => s.rnd() - 0.5)) s.replicas[m.to]!.set(m.key, m.value);
}

function writeOp(s: Store, node: number, key: string, t: number): Partial<HistoryOperation> {
  const value = `v${s.counter++}`;
  s.written.push(value);
  const r = s.rnd();
  if (r < 0.72) replicate(s, node, key, value, t, false);
  else if (r < 0.86) {
    replicate(s, node, key, value, t, s.rnd() < 0.5);
    return { f: 'write', value, type: 'info' };
  } else if (r < 0.93) return { f: 'write', value, type: 'info' };
  else return { f: 'write', value, type: 'fail', error: 'refused' };
  return { f: 'write', value, type: 'ok' };
}

function casOp(s: Store, node: number, key: string, t: number): Partial<HistoryOperation> {
  const current = s.replicas[node]!.get(key) ?? null;
  const from = s.rnd() < 0.6 || s.written.length === 0 ? current : s.written[int(s.rnd, s.written.length)]!;
  const to = `v${s.counter++}`;
  s.written.push(to);
  if (from !== current)
    return s.rnd() < 0.7 ? { f: 'cas', value: [from, to], type: 'ok', succeeded: false } : { f: 'cas', value: [from, to], type: 'fail' };
  const r = s.rnd();
  if (r < 0.75) {
    replicate(s, node, key, to, t, false);
    return { f: 'cas', value: [from, to], type: 'ok' };
  }
  if (r < 0.9) replicate(s, node, key, to, t, false);
  return { f: 'cas', value: [from, to], type: 'info' };
}

function readOp(s: Store, node: number, key: string): Partial<HistoryOperation> {
  const value = s.replicas[node]!.get(key) ?? null;
  const r = s.rnd();
  return { f: 'read', value, type: r < 0.9 ? 'ok' : r < 0.95 ? 'info' : 'fail' };
}

/** Some plain junk: a read of another key's value, of a value nobody wrote, of a refused write, a repeated value. */
function junk(rnd: Random, ops: HistoryOperation[], written: Value[]): void {
  const reads = ops.filter((op) => op.f === 'read' && op.type === 'ok');
  const r = rnd();
  if (r < 0.5 && reads.length > 0 && written.length > 0) reads[int(rnd, reads.length)]!.value = written[int(rnd, written.length)]!;
  else if (r < 0.7 && reads.length > 0) reads[int(rnd, reads.length)]!.value = 'nobody';
  else if (r < 0.9) {
    const writes = ops.filter((op) => op.f === 'write');
    if (writes.length >= 2) writes[1]!.value = writes[0]!.value;
  } else ops.push({ process: 0, f: 'append', key: 'k0', value: 'x', type: 'ok', invoke: 0, complete: 1 });
}

interface Step {
  readonly c: number;
  readonly read: boolean;
  readonly k: number;
  readonly node: number;
}

function template(rnd: Random, clients: number, keys: number, replicas: number): Step[] {
  const [a, b, c] = [int(rnd, clients), int(rnd, clients), int(rnd, clients)];
  const [x, y] = [int(rnd, keys), int(rnd, keys)];
  // Where each step goes: the write's own node first, then elsewhere, so the second read is likely stale.
  const [n0, n1] = [int(rnd, replicas), int(rnd, replicas)];
  const n2 = (n0 + 1) % replicas;
  const r = rnd();
  if (r < 0.3) {
    return [
      { c: a, read: false, k: x, node: n0 },
      { c: a, read: false, k: y, node: n1 },
      { c: b, read: true, k: y, node: n1 },
      { c: b, read: true, k: x, node: n2 },
    ];
  }
  if (r < 0.6) {
    return [
      { c: a, read: false, k: x, node: n0 },
      { c: b, read: true, k: x, node: n0 },
      { c: b, read: false, k: y, node: n1 },
      { c, read: true, k: y, node: n1 },
      { c, read: true, k: x, node: n2 },
    ];
  }
  return [];
}

function simulate(seed: number): Sim {
  const rnd = seededRandom(seed);
  const clients = 2 + int(rnd, 3);
  const keys = 1 + int(rnd, 3);
  const nReplicas = rnd() < 0.2 ? 1 : 2 + int(rnd, 2);
  const sticky = rnd() < 0.3;
  const total = 3 + int(rnd, 8);
  // Clients that mostly write and clients that mostly read make the monotonic-writes and writes-follow-reads shapes.
  const readShare = Array.from({ length: clients }, () => 0.1 + 0.8 * rnd());
  const s: Store = { rnd, replicas: Array.from({ length: nReplicas }, () => new Map()), pending: [], written: [], counter: 0 };
  const free = new Array<number>(clients).fill(0);
  // Templates of the monotonic-writes and writes-follow-reads shapes, laid over random traffic (their outcome is
  // still the store's: replication decides whether they break).
  const plan = template(rnd, clients, keys, nReplicas);
  // Phased: the clients take turns (0 first, then 1, ...), so what one did reaches the next through the store.
  const phased = rnd() < 0.5;
  const ops: HistoryOperation[] = [];
  for (let t = 1; ops.length < total; t++) {
    deliver(s, t);
    const step = plan.length > 0 && rnd() < 0.9 ? plan.shift() : undefined;
    const c = step?.c ?? (phased && rnd() < 0.85 ? Math.min(clients - 1, Math.floor((ops.length * clients) / total)) : int(rnd, clients));
    const node = step?.node ?? (sticky ? c % nReplicas : int(rnd, nReplicas));
    const key = `k${step?.k ?? int(rnd, keys)}`;
    const invoke = Math.max(free[c]!, t - 0.4 * rnd());
    const complete = t + 0.4 * rnd();
    free[c] = complete + 0.01;
    const f = step ? (step.read ? 0 : 0.6) : rnd();
    const part =
      f < (step ? 0.5 : readShare[c]!)
        ? readOp(s, node, key)
        : f < 0.88 + 0.12 * readShare[c]!
          ? writeOp(s, node, key, t)
          : casOp(s, node, key, t);
    const open = part.type === 'info';
    ops.push({
      process: c,
      node: `n${node}`,
      key,
      invoke: invoke * 100,
      complete: open ? null : complete * 100,
      ...part,
    } as HistoryOperation);
  }
  const isJunk = rnd() < 0.12;
  if (isJunk) junk(rnd, ops, s.written);
  const history: History = { schemaVersion: 1, operations: ops };
  const grouped = rnd() < 0.15;
  return { history, linearizable: nReplicas === 1 && !isJunk, ...(grouped ? { clientOf: (op) => Number(op.process) % 2 } : {}) };
}

// ---------------------------------------------------------------------------------------------------------------
// Brute force, straight from docs/consistency.md, sharing nothing with the checkers.

interface Ev {
  readonly op: number;
  readonly read: boolean;
  readonly key: string;
  readonly value: Value;
}

interface Brute {
  readonly events: Ev[];
  readonly so: boolean[][];
  readonly rf: number[]; // per event: writer event, -1 init, -2 thin air, -3 not a read
  readonly co: boolean[][];
}

function writtenBy(op: HistoryOperation): Value {
  return op.f === 'cas' ? (op.value as Value[])[1]! : (op.value as Value);
}

function readBy(op: HistoryOperation): Value {
  return op.f === 'cas' ? (op.value as Value[])[0]! : (op.value as Value);
}

function isWriter(op: HistoryOperation): boolean {
  if (op.f === 'write') return op.type !== 'fail';
  return op.f === 'cas' && (op.type === 'info' || (op.type === 'ok' && op.succeeded !== false));
}

function appliedOps(h: History): boolean[] | undefined {
  const ops = h.operations;
  if (ops.some((op) => op.f === 'append')) return undefined;
  const seen = new Set<string>();
  for (const op of ops.filter(isWriter)) {
    const id = JSON.stringify([op.key ?? '', writtenBy(op)]);
    if (seen.has(id) || writtenBy(op) === (h.initialValue ?? null)) return undefined;
    seen.add(id);
  }
  const applied = ops.map((op) => op.type === 'ok' && (op.f === 'read' || isWriter(op)));
  for (let changed = true; changed;) {
    changed = false;
    ops.forEach((op, i) => {
      if (!applied[i] || (op.f !== 'read' && op.f !== 'cas')) return;
      ops.forEach((w, j) => {
        if (!applied[j] && isWriter(w) && w.key === op.key && writtenBy(w) === readBy(op)) changed = applied[j] = true;
      });
    });
  }
  return applied;
}

function brute(h: History, clientOf: (op: HistoryOperation) => number | string): Brute | undefined {
  const applied = appliedOps(h);
  if (!applied) return undefined;
  const ops = h.operations;
  const events: Ev[] = [];
  ops.forEach((op, i) => {
    if (!applied[i]) return;
    const key = op.key ?? '';
    if (op.f === 'read' || op.f === 'cas') events.push({ op: i, read: true, key, value: readBy(op) });
    if (op.f !== 'read') events.push({ op: i, read: false, key, value: writtenBy(op) });
  });
  const n = events.length;
  const before = (a: number, b: number): boolean => ops[a]!.invoke < ops[b]!.invoke || (ops[a]!.invoke === ops[b]!.invoke && a < b);
  const so = events.map((a, i) =>
    events.map((b, j) => {
      if (a.op === b.op) return i < j;
      return clientOf(ops[a.op]!) === clientOf(ops[b.op]!) && ops[a.op]!.type === 'ok' && before(a.op, b.op);
    }),
  );
  const rf = events.map((e) => {
    if (!e.read) return -3;
    const w = events.findIndex((x) => !x.read && x.key === e.key && x.value === e.value);
    return w >= 0 ? w : e.value === (h.initialValue ?? null) ? -1 : -2;
  });
  const co = so.map((row) => [...row]);
  rf.forEach((w, r) => {
    if (w >= 0) co[w]![r] = true;
  });
  for (let k = 0; k < n; k++) for (let i = 0; i < n; i++) for (let j = 0; j < n; j++) if (co[i]![k] && co[k]![j]) co[i]![j] = true;
  return { events, so, rf, co };
}

/** The writes each model requires read r to know, literally as the spec's table says. */
function required(b: Brute, model: Model, r: number): number[] {
  const ids = b.events.map((_, i) => i);
  const writes = ids.filter((i) => !b.events[i]!.read);
  const reads = ids.filter((i) => b.events[i]!.read);
  const earlierReads = reads.filter((r1) => b.so[r1]![r]);
  const returned = earlierReads.map((r1) => b.rf[r1]!).filter((w) => w >= 0);
  switch (model) {
    case 'read-your-writes':
      return writes.filter((u) => b.so[u]![r]);
    case 'monotonic-reads':
      return returned;
    case 'monotonic-writes':
      return writes.filter((w1) => returned.some((w2) => b.so[w1]![w2]));
    case 'writes-follow-reads':
      return reads.filter((r2) => b.rf[r2]! >= 0 && returned.some((w2) => b.so[r2]![w2])).map((r2) => b.rf[r2]!);
    case 'causal':
      return writes.filter((w) => b.co[w]![r]);
  }
}

function bruteVerdict(b: Brute | undefined, model: Model): Outcome {
  if (!b) return 'unknown';
  if (b.rf.includes(-2)) return 'violated';
  if (model === 'causal' && b.events.some((_, i) => b.co[i]![i])) return 'violated';
  for (let r = 0; r < b.events.length; r++) {
    const e = b.events[r]!;
    if (!e.read) continue;
    const v = b.rf[r]!;
    for (const u of required(b, model, r)) {
      if (b.events[u]!.key !== e.key || u === v) continue;
      if (v === -1 || b.co[v]![u]) return 'violated';
    }
  }
  return 'held';
}

/** CC axiomatically: co acyclic, and for each read some order of the writes before it (keeping co) ends on its value. */
function axiomaticCausal(b: Brute | undefined): Outcome {
  if (!b) return 'unknown';
  if (b.rf.includes(-2) || b.events.some((_, i) => b.co[i]![i])) return 'violated';
  for (let r = 0; r < b.events.length; r++) {
    if (!b.events[r]!.read) continue;
    const past = b.events.map((_, i) => i).filter((w) => !b.events[w]!.read && b.co[w]![r]);
    if (!fits(b, past, b.events[r]!.key, b.rf[r]!)) return 'violated';
  }
  return 'held';
}

function fits(b: Brute, past: number[], key: string, v: number): boolean {
  const memo = new Set<string>();
  const go = (mask: number, last: number): boolean => {
    if (mask === (1 << past.length) - 1) return last === (v >= 0 ? v : -1);
    const id = `${mask},${last}`;
    if (memo.has(id)) return false;
    memo.add(id);
    for (let i = 0; i < past.length; i++) {
      if (mask & (1 << i)) continue;
      const w = past[i]!;
      if (past.some((p, j) => !(mask & (1 << j)) && j !== i && b.co[p]![w])) continue;
      if (go(mask | (1 << i), b.events[w]!.key === key ? w : last)) return true;
    }
    return false;
  };
  return go(0, -1);
}

// ---------------------------------------------------------------------------------------------------------------

function fast(sim: Sim): Record<Model, Outcome> {
  const opts = sim.clientOf ? { clientOf: sim.clientOf } : {};
  const out = {} as Record<Model, Outcome>;
  for (const v of checkSessionGuarantees(sim.history, opts)) out[v.model as Model] = v.verdict;
  out.causal = checkCausal(sim.history, opts).verdict;
  return out;
}

const SEED = 20260427;
const HISTORIES = Number(process.env.CONSISTENCY_PROPERTY_RUNS ?? 6000);
const FIRST_SEED = Number(process.env.CONSISTENCY_PROPERTY_SEED ?? SEED);

test('the fast checkers agree with brute force on thousands of simulated histories; both verdicts occur for every model', () => {
  const counts = Object.fromEntries(MODELS.map((m) => [m, { held: 0, violated: 0, unknown: 0 }])) as Record<Model, Record<Outcome, number>>;
  // Violations that are not thin air, and how often one model broke while another held: the models are told apart.
  const pattern = Object.fromEntries(MODELS.map((m) => [m, 0])) as Record<Model, number>;
  const alone = Object.fromEntries(MODELS.map((m) => [m, 0])) as Record<Model, number>;
  for (let i = 0; i < HISTORIES; i++) {
    const seed = FIRST_SEED + i;
    const sim = simulate(seed);
    const b = brute(sim.history, sim.clientOf ?? ((op) => op.process));
    const got = fast(sim);
    for (const m of MODELS) {
      const want = bruteVerdict(b, m);
      const context = `seed ${seed}, model ${m}${sim.clientOf ? ' (clients grouped by process % 2)' : ''}\n${historyToJson(sim.history)}`;
      assert.equal(got[m], want, `fast checker said ${got[m]}, brute force ${want}: ${context}`);
      if (m === 'causal') assert.equal(axiomaticCausal(b), want, `axiomatic CC disagrees with the bad patterns: ${context}`);
      counts[m][got[m]]++;
      if (got[m] === 'violated' && b && !b.rf.includes(-2)) pattern[m]++;
    }
    for (const m of MODELS) if (got[m] === 'violated' && MODELS.some((o) => o !== m && o !== 'causal' && got[o] === 'held')) alone[m]++;
  }
  console.log(
    'verdicts per model over %d histories: %j; violations other than thin air: %j; violated while another held: %j',
    HISTORIES,
    counts,
    pattern,
    alone,
  );
  for (const m of MODELS) {
    assert.ok(counts[m].held >= 200, `${m} held only ${counts[m].held} times`);
    assert.ok(counts[m].violated >= 200, `${m} was violated only ${counts[m].violated} times`);
    assert.ok(pattern[m] >= 50, `${m} was violated other than by thin air only ${pattern[m]} times`);
    assert.ok(alone[m] >= 20, `${m} was violated while another session guarantee held only ${alone[m]} times`);
  }
});

test('a linearizable history holds every model', () => {
  let linearizable = 0;
  for (let i = 0; i < 1500; i++) {
    const seed = SEED * 7 + i;
    const sim = simulate(seed);
    if (sim.history.operations.some((op) => op.f === 'append')) continue;
    const model = sim.history.operations.some((op) => op.f === 'cas') ? 'cas-register' : 'register';
    const lin = checkHistory(sim.history, { model }).verdict;
    if (sim.linearizable)
      assert.equal(lin, 'linearizable', `seed ${seed}: one replica should give a linearizable history\n${historyToJson(sim.history)}`);
    if (lin !== 'linearizable') continue;
    linearizable++;
    const got = fast({ history: sim.history, linearizable: true });
    for (const m of MODELS) {
      // Linearizability does not need unique values; these checkers do, and say unknown without them.
      assert.notEqual(got[m], 'violated', `seed ${seed}: linearizable but ${m} violated\n${historyToJson(sim.history)}`);
    }
  }
  assert.ok(linearizable >= 300, `only ${linearizable} linearizable histories`);
});
