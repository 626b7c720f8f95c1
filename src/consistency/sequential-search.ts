// The search behind the per-key sequential check (sequential.ts): one key's operations normalised as
// docs/consistency.md says, then one of two deciders.
//
// - Unique values (every value is written by at most one operation, and never the initial one) are decided by a
//   greedy pass that is exact, not a heuristic. Each read names its write, so in any valid order a write `w` of `x`
//   is followed at once by every read of `x` (they can go nowhere else) and, if some compare-and-set expects `x`,
//   by that cas and then the same for the value it writes: a "block" of operations that sits contiguously in every
//   valid order. Whenever the current block is complete and some block's operations have all their session
//   predecessors already placed or inside the block ("viable"), moving that block to the front of any valid
//   completion keeps it valid (the block ends where the next plain write begins, which does not care what it
//   overwrites). So placing any viable block is safe, and finding none means no order exists: the pass never
//   backtracks and costs about a block's requirements per write.
// - Anything else goes to a depth-first search over the sessions' positions (plus which indeterminate writes were
//   placed, plus the register's value), with a memo of the states already explored. Reads of the current value are
//   placed at once (a read changes nothing, so placing it early never hurts); a state with a head read whose value
//   no write left can produce is dead. Moves are tried in invocation order, so a history close to its real-time
//   order (most are) is walked through with little backtracking. The memo's memory is reserved before it grows.
//
// Both run as generators that yield every few thousand steps, so the caller can share one deadline among keys.

import type { HistoryOperation, Value } from '../linearizability/index.js';
import { R_CAS, R_DROP, R_INFO_CAS, R_INFO_WRITE, R_READ, R_WRITE, type SharedValues } from './ops.js';

export const READ = 0;
export const WRITE = 1;
export const CAS = 2;

/** Steps between two yields (a look at the clock by the caller): a step is well under a microsecond. */
const YIELD_STEPS = 2048;

/** Memory or time ran out; the key's verdict is then unknown. */
export class LimitExceeded extends Error {
  constructor(readonly why: 'time' | 'memory') {
    super(why === 'time' ? 'out of time' : 'out of memory');
    this.name = 'LimitExceeded';
  }
}

/** One deadline and one memory cap for a whole check; memory is reserved before it is allocated. */
export class Limits {
  used = 0;
  peak = 0;
  constructor(
    readonly deadline: number,
    readonly maxBytes: number,
  ) {}

  reserve(bytes: number): void {
    if (this.used + bytes > this.maxBytes) throw new LimitExceeded('memory');
    this.used += bytes;
    if (this.used > this.peak) this.peak = this.used;
  }

  release(bytes: number): void {
    this.used = Math.max(0, this.used - bytes);
  }

  expired(): boolean {
    return performance.now() >= this.deadline;
  }
}

/** What one part of the check holds, given back at once when it ends. */
export class Account {
  private held = 0;
  constructor(readonly limits: Limits) {}

  take(bytes: number): void {
    this.limits.reserve(bytes);
    this.held += bytes;
  }

  close(): void {
    this.limits.release(this.held);
    this.held = 0;
  }
}

/**
 * One key's operations after normalisation, in invocation order (ties by history index): reads, writes and
 * compare-and-sets that may have taken effect. Values are interned: id 0 is the initial value.
 */
/** A key's operations: their indexes in `history.operations`, ascending. */
export type Indexes = readonly number[] | Int32Array;

export interface KeyOps {
  readonly key: string;
  readonly n: number;
  /** The operation's index in `history.operations`. */
  readonly hist: Int32Array;
  readonly kind: Uint8Array;
  /** read: the value returned; write: the value written; cas: the value expected. */
  readonly a: Int32Array;
  /** cas: the value written. */
  readonly b: Int32Array;
  /** Dense client number (session). */
  readonly client: Int32Array;
  /** 1 for an indeterminate write or cas: it precedes nothing and may be left out. */
  readonly info: Uint8Array;
  readonly clients: number;
  readonly clientNames: readonly (number | string)[];
  readonly values: readonly Value[];
}

// Per operation: six typed-array slots, the sort's and the interning's share (a Map entry per distinct value).
const PREPARED_BYTES_PER_OP = 40 + 96;

/** Whether the operation constrains the order at all (see docs/consistency.md, "The history the checkers read"). */
function normalisedKind(op: HistoryOperation): number {
  if (op.type === 'fail') return -1;
  if (op.f === 'read' || op.f === 'get') return op.type === 'ok' ? READ : -1;
  if (op.f === 'write' || op.f === 'put') return WRITE;
  if (op.f === 'cas') return op.type === 'ok' && op.succeeded === false ? -1 : CAS;
  return -1;
}

export function prepareKey(
  key: string,
  operations: readonly HistoryOperation[],
  indexes: Indexes,
  clientOf: (op: HistoryOperation) => number | string,
  initial: Value,
  account: Account,
  shared?: SharedInterning,
): KeyOps {
  account.take(PREPARED_BYTES_PER_OP * indexes.length + 256);
  const kept = shared === undefined ? inInvocationOrder(operations, indexes) : shared.inInvocationOrder(operations, indexes);
  const n = kept.length;
  const ops = {
    key,
    n,
    hist: kept,
    kind: new Uint8Array(n),
    a: new Int32Array(n),
    b: new Int32Array(n),
    client: new Int32Array(n),
    info: new Uint8Array(n),
  };
  const valueIds = new Map<Value, number>([[initial, 0]]);
  const values: Value[] = [initial];
  // The id of v, which operation w wrote (-1: no write wrote it, or no shared numbering); ids in order of first use.
  const intern = (v: Value, w: number): number => {
    if (w >= 0) return shared!.idOf(w, values, v);
    let id = valueIds.get(v);
    if (id === undefined) valueIds.set(v, (id = values.push(v) - 1));
    return id;
  };
  const clientIds = new Map<number | string, number>();
  const clientNames: (number | string)[] = [];
  // With a shared numbering: the key's client number per shared client number, in order of first appearance too.
  const local: number[] = [];
  for (let i = 0; i < n; i++) {
    const h = kept[i]!;
    const op = operations[h]!;
    const k = shared === undefined ? normalisedKind(op) : shared.kindOf(h, op);
    ops.kind[i] = k;
    if (k === CAS) {
      const [from, to] = op.value as [Value, Value];
      ops.a[i] = intern(from, shared?.expectedWriter(h, op, from) ?? -1);
      ops.b[i] = intern(to, shared?.writerOf(h, op, WRITE) ?? -1);
    } else ops.a[i] = intern(op.value as Value, shared?.writerOf(h, op, k) ?? -1);
    let c: number | undefined;
    if (shared === undefined) {
      const name = clientOf(op);
      c = clientIds.get(name);
      if (c === undefined) clientIds.set(name, (c = clientNames.push(name) - 1));
    } else {
      const g = shared.clientOf(h, op, clientOf);
      c = local[g];
      if (c === undefined) local[g] = c = clientNames.push(shared.clientName(g)) - 1;
    }
    ops.client[i] = c;
    ops.info[i] = op.type === 'info' ? 1 : 0;
  }
  return { ...ops, clients: clientNames.length, clientNames, values };
}

/**
 * Value numbering from the normalisation's (ops.ts, handed over by the ladder): values are unique there, so a
 * written value is told apart by the one operation that wrote it, and interning it costs a typed-array slot per
 * writer instead of a map entry per value; values no write wrote (the initial one, thin air) still go through the
 * map. The ids come out exactly as the map alone numbers them: in order of first use, the initial value 0.
 */
export class SharedInterning {
  /** Writer operation -> its value's id in its key's numbering (-1: not used yet); a writer belongs to one key. */
  private readonly ids: Int32Array;

  constructor(
    private readonly shared: SharedValues,
    operations: number,
  ) {
    this.ids = new Int32Array(operations).fill(-1);
    this.names = [...shared.clientNames];
  }

  /** Shared client numbers beyond the normalisation's: operations that took no effect (it numbers only the others). */
  private readonly extra = new Map<number | string, number>();
  private readonly names: (number | string)[];

  /** Operation h's client, numbered by the normalisation when it took effect (clientOf: the same function). */
  clientOf(h: number, op: HistoryOperation, clientOf: (op: HistoryOperation) => number | string): number {
    const g = this.shared.clientId[h]!;
    if (g >= 0) return g;
    const name = clientOf(op);
    let id = this.shared.clientIds.get(name) ?? this.extra.get(name);
    if (id === undefined) this.extra.set(name, (id = this.names.push(name) - 1));
    return id;
  }

  clientName(g: number): number | string {
    return this.names[g]!;
  }

  /** normalisedKind(op) from the normalisation's roles, which already decided it for every operation that took effect. */
  kindOf(h: number, op: HistoryOperation): number {
    const r = this.shared.role[h]!;
    if (r === R_READ) return READ;
    if (r === R_WRITE || r === R_INFO_WRITE) return WRITE;
    if (r === R_CAS || r === R_INFO_CAS) return CAS;
    return normalisedKind(op);
  }

  /** inInvocationOrder from the normalisation's roles and times: the operations themselves are not read. */
  inInvocationOrder(operations: readonly HistoryOperation[], indexes: Indexes): Int32Array {
    const kept = new Int32Array(indexes.length);
    const invoke = this.shared.invoke;
    let n = 0;
    let sorted = true;
    let last = -Infinity;
    for (const i of indexes) {
      if (this.shared.role[i] === R_DROP && normalisedKind(operations[i]!) < 0) continue;
      if (invoke[i]! < last) sorted = false;
      last = invoke[i]!;
      kept[n++] = i;
    }
    // A view, not a copy: the few operations left out do not pay for another array.
    const out = kept.subarray(0, n);
    return sorted
      ? out
      : sortByTime(
          out,
          Float64Array.from(out, (i) => invoke[i]!),
        );
  }

  /** The id of the value operation w wrote, numbered next in `values` on its first use. */
  idOf(w: number, values: Value[], v: Value): number {
    let id = this.ids[w]!;
    if (id < 0) this.ids[w] = id = values.push(v) - 1;
    return id;
  }

  /** The writer of what operation h (a read or a write, of kind k) reads or writes; -1 when no write wrote it. */
  writerOf(h: number, op: HistoryOperation, k: number): number {
    if (k === READ) return this.shared.readFrom[h]!;
    // Only `ok` and `info` writes are the normalisation's writers (and each one's value is its own).
    return op.type === 'ok' || op.type === 'info' ? h : -1;
  }

  /** The writer of a compare-and-set's expected value (an `ok` one's read is resolved already); -1: none. */
  expectedWriter(h: number, op: HistoryOperation, from: Value): number {
    if (op.type === 'ok') return this.shared.readFrom[h]!;
    return this.shared.writers.get(this.shared.keyOf[h]!, from);
  }
}

/** The operations that constrain the order, by invocation time then index; histories mostly come in that order. */
function inInvocationOrder(operations: readonly HistoryOperation[], indexes: Indexes): Int32Array {
  const kept = new Int32Array(indexes.length);
  let n = 0;
  let sorted = true;
  let last = -Infinity;
  for (const i of indexes) {
    const op = operations[i]!;
    if (normalisedKind(op) < 0) continue;
    if (op.invoke < last) sorted = false;
    last = op.invoke;
    kept[n++] = i;
  }
  const out = kept.slice(0, n);
  if (sorted) return out;
  return sortByTime(
    out,
    Float64Array.from(out, (i) => operations[i]!.invoke),
  );
}

/**
 * Operations (in history order, so ascending) by time, then by index, sorted in place (both arrays): fresh arrays
 * for each key's million-operation share are typed-array memory whose every 64 MB costs a full collection.
 */
function sortByTime(out: Int32Array, times: Float64Array): Int32Array {
  for (let i = 0; i < times.length; i++) if (times[i] !== times[i]) return sortByComparator(out, times);
  if (nearlySorted(out, times)) return out;
  return sortByComparator(out, times);
}

/** The comparator sort, which orders a NaN time by index alone (as it always has: the result is what it says). */
function sortByComparator(out: Int32Array, times: Float64Array): Int32Array {
  const order = Int32Array.from(out.keys()).sort((x, y) => times[x]! - times[y]! || out[x]! - out[y]!);
  return Int32Array.from(order, (x) => out[x]!);
}

/**
 * The comparator sort's order (by time, then by index) by an insertion sort in place, when that is cheap:
 * operations invoked close together arrive slightly out of order, a few places each, and an insertion sort costs a
 * step per place where the comparator sort calls a function per comparison. false past a few steps per operation,
 * the arrays then still the same pairs (the comparator sort, by index on ties, finishes them). No NaN times.
 */
function nearlySorted(res: Int32Array, t: Float64Array): boolean {
  let budget = 8 * res.length + 1024;
  for (let i = 1; i < res.length; i++) {
    const x = t[i]!;
    const r = res[i]!;
    let j = i - 1;
    // Strictly later only: equal times keep their order, which is by index, as the comparator's tie-break is.
    for (; j >= 0 && t[j]! > x; j--) {
      t[j + 1] = t[j]!;
      res[j + 1] = res[j]!;
      if (--budget < 0) {
        t[j] = x;
        res[j] = r;
        return false;
      }
    }
    t[j + 1] = x;
    res[j + 1] = r;
  }
  return true;
}

/** The value an operation writes, or -1 for a read. */
export function written(ops: KeyOps, o: number): number {
  const k = ops.kind[o]!;
  return k === WRITE ? ops.a[o]! : k === CAS ? ops.b[o]! : -1;
}

/**
 * The sessions of a subset of a key's operations: each client's completed operations in order (its lane), and the
 * indeterminate writes that matter, each with the number of its client's operations it must follow (`slot`).
 */
export interface Instance {
  readonly ops: KeyOps;
  readonly keep: Uint8Array | undefined;
  readonly laneStart: Int32Array;
  readonly laneOps: Int32Array;
  /** Lane operation: its index in the lane; indeterminate write: how many lane operations precede it. */
  readonly slot: Int32Array;
  /** The indeterminate writes and cas kept: those whose value some kept operation reads. */
  readonly floaters: Int32Array;
  readonly chainCount: number;
  readonly unique: boolean;
}

const INSTANCE_BYTES_PER_OP = 24;

export function buildInstance(ops: KeyOps, keep: Uint8Array | undefined, account: Account): Instance {
  const { n, clients } = ops;
  account.take(INSTANCE_BYTES_PER_OP * n + 8 * ops.values.length + 8 * clients + 64);
  const laneStart = new Int32Array(clients + 1);
  const slot = new Int32Array(n);
  const candidates: number[] = [];
  for (let o = 0; o < n; o++) {
    if (keep !== undefined && keep[o] === 0) continue;
    const c = ops.client[o]!;
    // Counting each lane's length as it goes gives an indeterminate operation its position: after every
    // completed operation its client invoked before it.
    if (ops.info[o] === 1) {
      slot[o] = laneStart[c + 1]!;
      candidates.push(o);
    } else slot[o] = laneStart[c + 1]!++;
  }
  for (let c = 0; c < clients; c++) laneStart[c + 1]! += laneStart[c]!;
  const chainCount = laneStart[clients]!;
  const laneOps = new Int32Array(chainCount);
  for (let o = 0; o < n; o++) {
    if ((keep === undefined || keep[o] === 1) && ops.info[o] === 0) laneOps[laneStart[ops.client[o]!]! + slot[o]!] = o;
  }
  const floaters = usefulFloaters(ops, keep, candidates);
  return { ops, keep, laneStart, laneOps, slot, floaters, chainCount, unique: isUnique(ops, keep, floaters) };
}

/**
 * Indeterminate writes whose value nobody reads are left out: placing one only installs a value no operation
 * needs (and a cas among them also consumes the value it expected, so dropping it may make others unread too).
 */
function usefulFloaters(ops: KeyOps, keep: Uint8Array | undefined, candidates: readonly number[]): Int32Array {
  const readCount = new Int32Array(ops.values.length);
  for (let o = 0; o < ops.n; o++) {
    if (keep !== undefined && keep[o] === 0) continue;
    if (ops.kind[o] === READ || ops.kind[o] === CAS) readCount[ops.a[o]!]!++;
  }
  const byValue = new Map<number, number[]>();
  for (const f of candidates) {
    const v = written(ops, f);
    const list = byValue.get(v);
    if (list === undefined) byValue.set(v, [f]);
    else list.push(f);
  }
  const dropped = new Set<number>();
  const work = [...byValue.keys()].filter((v) => readCount[v] === 0);
  while (work.length > 0) {
    const v = work.pop()!;
    for (const f of byValue.get(v) ?? []) {
      if (dropped.has(f)) continue;
      dropped.add(f);
      if (ops.kind[f] === CAS && --readCount[ops.a[f]!]! === 0) work.push(ops.a[f]!);
    }
  }
  return Int32Array.from(candidates.filter((f) => !dropped.has(f)));
}

function isUnique(ops: KeyOps, keep: Uint8Array | undefined, floaters: Int32Array): boolean {
  const writers = new Uint8Array(ops.values.length);
  const count = (o: number): boolean => {
    const v = written(ops, o);
    return v !== -1 && (v === 0 || writers[v]!++ > 0);
  };
  for (let o = 0; o < ops.n; o++) {
    if ((keep === undefined || keep[o] === 1) && ops.info[o] === 0 && count(o)) return false;
  }
  for (const f of floaters) if (count(f)) return false;
  return true;
}

/** Decides an instance: true when some order exists, false when none does. Yields every few thousand steps. */
export function solve(inst: Instance, account: Account): Generator<undefined, boolean> {
  return inst.unique ? solveUnique(inst, account) : solveGeneral(inst, account);
}

/** Drives a solver to its end; undefined when time or memory ran out. */
export function runToEnd(gen: Generator<undefined, boolean>, limits: Limits): boolean | undefined {
  try {
    for (;;) {
      const r = gen.next();
      if (r.done === true) return r.value;
      if (limits.expired()) return undefined;
    }
  } catch (e) {
    if (e instanceof LimitExceeded) return undefined;
    throw e;
  }
}

// ---- Unique values: the greedy pass over blocks ----

/** The state of the greedy pass, with the static tables it reads. */
class Greedy {
  readonly ops: KeyOps;
  readonly pos: Int32Array;
  readonly placedFloater: Uint8Array;
  readonly isFloater: Uint8Array;
  readonly readsLeft: Int32Array;
  readonly casLeft: Int32Array;
  readonly casOf: Int32Array;
  readsStart: Int32Array = new Int32Array(0);
  readsList: Int32Array = new Int32Array(0);
  reqStart: Int32Array = new Int32Array(0);
  reqData: Int32Array = new Int32Array(0);
  placedChain = 0;
  /** The indeterminate plain writes not placed yet (the first `openCount`). */
  readonly openWrites: Int32Array;
  openCount: number;

  constructor(
    readonly inst: Instance,
    account: Account,
  ) {
    const { ops } = inst;
    const V = ops.values.length;
    this.openWrites = inst.floaters.filter((f) => ops.kind[f] === WRITE);
    this.openCount = this.openWrites.length;
    account.take(24 * V + 24 * ops.n + 8 * ops.clients);
    this.ops = ops;
    this.pos = new Int32Array(ops.clients);
    this.placedFloater = new Uint8Array(ops.n);
    this.isFloater = new Uint8Array(ops.n);
    this.readsLeft = new Int32Array(V);
    this.casLeft = new Int32Array(V);
    this.casOf = new Int32Array(V).fill(-1);
    for (const f of inst.floaters) this.isFloater[f] = 1;
    this.indexReads();
    this.indexBlocks(account);
  }

  private inPlay(o: number): boolean {
    const { keep } = this.inst;
    if (keep !== undefined && keep[o] === 0) return false;
    return this.ops.info[o] === 0 || this.isFloater[o] === 1;
  }

  /** Each value's plain reads in lane order (ops are in invocation order, so each lane's are in its order). */
  private indexReads(): void {
    const { ops } = this;
    const V = ops.values.length;
    const start = new Int32Array(V + 1);
    for (let o = 0; o < ops.n; o++) {
      if (!this.inPlay(o)) continue;
      if (ops.kind[o] === READ) start[ops.a[o]! + 1]!++;
      else if (ops.kind[o] === CAS) {
        this.casLeft[ops.a[o]!]!++;
        this.casOf[ops.a[o]!] = o;
      }
    }
    for (let v = 0; v < V; v++) {
      this.readsLeft[v] = start[v + 1]!;
      start[v + 1]! += start[v]!;
    }
    const list = new Int32Array(start[V]!);
    const fill = start.slice(0, V);
    for (let o = 0; o < ops.n; o++) if (this.inPlay(o) && ops.kind[o] === READ) list[fill[ops.a[o]!]!++] = o;
    this.readsStart = start;
    this.readsList = list;
  }

  /** For each plain write, the (lane, position) pairs its block needs: the lane must be past that position. */
  private indexBlocks(account: Account): void {
    const { ops } = this;
    const stamp = new Int32Array(ops.n);
    const need = new Int32Array(ops.clients).fill(-2);
    const touched: number[] = [];
    const data: number[] = [];
    this.reqStart = new Int32Array(ops.n + 1);
    for (let o = 0; o < ops.n; o++) {
      this.reqStart[o] = data.length;
      if (!this.inPlay(o) || ops.kind[o] !== WRITE) continue;
      const block = this.blockOf(o, stamp, o + 1);
      for (const x of block) this.require(x, stamp, o + 1, need, touched);
      for (const c of touched) {
        if (need[c]! >= 0) data.push(c, need[c]!);
        need[c] = -2;
      }
      touched.length = 0;
    }
    this.reqStart[ops.n] = data.length;
    account.take(4 * data.length);
    this.reqData = Int32Array.from(data);
  }

  /** The write, the reads of its value, and the cas that expects it with the block of the value that one writes. */
  private blockOf(w: number, stamp: Int32Array, mark: number): number[] {
    const { ops } = this;
    const block = [w];
    stamp[w] = mark;
    let v = ops.a[w]!;
    // Values are unique, so the chain of cas cannot come back to a value; the bound is for malformed input only.
    for (let guard = 0; guard <= ops.n; guard++) {
      for (let i = this.readsStart[v]!; i < this.readsStart[v + 1]!; i++) {
        const r = this.readsList[i]!;
        stamp[r] = mark;
        block.push(r);
      }
      const c = this.casOf[v]!;
      if (this.casLeft[v] !== 1 || stamp[c] === mark) break;
      stamp[c] = mark;
      block.push(c);
      v = ops.b[c]!;
    }
    return block;
  }

  /**
   * Raises `need` of the operation's lane to the last operation before it (for an indeterminate one: before its
   * slot) that is not in the block. The block's own order is left to the closure that places it.
   */
  private require(x: number, stamp: Int32Array, mark: number, need: Int32Array, touched: number[]): void {
    const { inst } = this;
    const c = this.ops.client[x]!;
    const base = inst.laneStart[c]!;
    let j = inst.slot[x]! - 1;
    // Walking back over block operations only, and no further than the lane's need so far: cheap in total.
    while (j > need[c]! && stamp[inst.laneOps[base + j]!] === mark) j--;
    if (need[c] === -2) touched.push(c);
    if (j > need[c]!) need[c] = j;
  }

  head(c: number): number {
    const { laneStart, laneOps } = this.inst;
    const p = laneStart[c]! + this.pos[c]!;
    return p < laneStart[c + 1]! ? laneOps[p]! : -1;
  }

  available(o: number): boolean {
    const c = this.ops.client[o]!;
    if (this.isFloater[o] === 1) return this.placedFloater[o] === 0 && this.pos[c]! >= this.inst.slot[o]!;
    return this.inst.slot[o] === this.pos[c];
  }

  place(o: number): void {
    const { ops } = this;
    if (this.isFloater[o] === 1) this.placedFloater[o] = 1;
    else {
      this.pos[ops.client[o]!]!++;
      this.placedChain++;
    }
    if (ops.kind[o] === READ) this.readsLeft[ops.a[o]!]!--;
    else if (ops.kind[o] === CAS) this.casLeft[ops.a[o]!]!--;
  }

  viable(w: number): boolean {
    for (let i = this.reqStart[w]!; i < this.reqStart[w + 1]!; i += 2) {
      if (this.pos[this.reqData[i]!]! <= this.reqData[i + 1]!) return false;
    }
    return true;
  }

  /** Places what must follow at once: the reads of the current value, then the cas expecting it; the new value. */
  closure(value: number): number {
    let cur = value;
    for (let guard = 0; guard <= this.ops.n; guard++) {
      if (this.readsLeft[cur]! > 0) {
        for (let i = this.readsStart[cur]!; i < this.readsStart[cur + 1]!; i++) {
          const r = this.readsList[i]!;
          if (this.available(r)) this.place(r);
        }
      }
      const c = this.casOf[cur]!;
      if (this.readsLeft[cur] !== 0 || this.casLeft[cur] !== 1 || !this.available(c)) break;
      this.place(c);
      cur = this.ops.b[c]!;
    }
    return cur;
  }

  /** A plain write whose block can go next, or -1. An indeterminate one chosen leaves the list of open ones. */
  candidate(): number {
    const { ops, openWrites } = this;
    for (let c = 0; c < ops.clients; c++) {
      const h = this.head(c);
      if (h >= 0 && ops.kind[h] === WRITE && this.viable(h)) return h;
    }
    for (let i = 0; i < this.openCount; i++) {
      const f = openWrites[i]!;
      if (this.available(f) && this.viable(f)) {
        openWrites[i] = openWrites[--this.openCount]!;
        return f;
      }
    }
    return -1;
  }
}

function* solveUnique(inst: Instance, account: Account): Generator<undefined, boolean> {
  const g = new Greedy(inst, account);
  yield;
  let cur = g.closure(0);
  for (let steps = 1; ; steps++) {
    if (steps % YIELD_STEPS === 0) yield;
    if (g.placedChain === inst.chainCount) return true;
    // The current value still has a reader (or a cas) that cannot go now: any write would make it impossible.
    if (g.readsLeft[cur] !== 0 || g.casLeft[cur] !== 0) return false;
    const w = g.candidate();
    if (w < 0) return false;
    g.place(w);
    cur = g.closure(inst.ops.a[w]!);
  }
}

// ---- Anything else: depth-first search with a memo ----

/** Visited states (value, lane positions, placed indeterminate writes) in an open-addressing table. */
class StateMemo {
  private pool: Uint32Array;
  private hashes: Int32Array;
  private table: Int32Array;
  private count = 0;

  constructor(
    private readonly words: number,
    private readonly account: Account,
  ) {
    const capacity = 256;
    account.take(4 * (capacity * words + capacity + capacity * 2));
    this.pool = new Uint32Array(capacity * words);
    this.hashes = new Int32Array(capacity);
    this.table = new Int32Array(capacity * 2);
  }

  /** Adds the state; false when it was there already. */
  add(rec: Uint32Array, hash: number): boolean {
    const { words, pool, hashes, table } = this;
    const mask = table.length - 1;
    let slot = hash & mask;
    for (;;) {
      const r = table[slot]!;
      if (r === 0) break;
      if (hashes[r - 1] === hash) {
        const base = (r - 1) * words;
        let same = true;
        for (let w = 0; w < words && same; w++) same = pool[base + w] === rec[w];
        if (same) return false;
      }
      slot = (slot + 1) & mask;
    }
    if (this.count === hashes.length) this.growPool();
    this.pool.set(rec, this.count * words);
    this.hashes[this.count] = hash;
    table[slot] = ++this.count;
    if (this.count * 2 > table.length) this.growTable();
    return true;
  }

  // The new arrays are reserved before they are allocated; the old ones stay counted (they are garbage soon).
  private growPool(): void {
    this.account.take(8 * (this.pool.length + this.hashes.length));
    const pool = new Uint32Array(this.pool.length * 2);
    pool.set(this.pool);
    this.pool = pool;
    const hashes = new Int32Array(this.hashes.length * 2);
    hashes.set(this.hashes);
    this.hashes = hashes;
  }

  private growTable(): void {
    this.account.take(8 * this.table.length);
    const table = new Int32Array(this.table.length * 2);
    const mask = table.length - 1;
    for (let r = 0; r < this.count; r++) {
      let slot = this.hashes[r]! & mask;
      while (table[slot] !== 0) slot = (slot + 1) & mask;
      table[slot] = r + 1;
    }
    this.table = table;
  }
}

function mix(setHash: number, cur: number): number {
  let h = setHash ^ Math.imul(cur + 0x632be5ab, 0x9e3779b1);
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return h ^ (h >>> 16);
}

/** The search's state; placing and undoing operations keep the positions, counts and hash in step. */
class Explorer {
  readonly ops: KeyOps;
  readonly lanes: number;
  readonly pos: Int32Array;
  readonly floaterIndex: Int32Array;
  readonly placedFloater: Uint8Array;
  readonly writersLeft: Int32Array;
  readonly zobrist: Int32Array;
  readonly trail: Int32Array;
  readonly rec: Uint32Array;
  trailLen = 0;
  setHash = 0;
  placedChain = 0;

  constructor(
    readonly inst: Instance,
    account: Account,
  ) {
    const { ops } = inst;
    this.ops = ops;
    this.lanes = ops.clients;
    const F = inst.floaters.length;
    const words = 1 + this.lanes + ((F + 31) >>> 5);
    account.take(16 * ops.n + 4 * ops.values.length + 8 * words + 4 * this.lanes);
    this.pos = new Int32Array(this.lanes);
    this.floaterIndex = new Int32Array(ops.n).fill(-1);
    inst.floaters.forEach((f, i) => (this.floaterIndex[f] = i));
    this.placedFloater = new Uint8Array(F);
    this.writersLeft = new Int32Array(ops.values.length);
    this.zobrist = new Int32Array(ops.n);
    this.trail = new Int32Array(ops.n + 1);
    this.rec = new Uint32Array(words);
    let x = 0x9e3779b9 | 0;
    for (let o = 0; o < ops.n; o++) {
      x ^= x << 13;
      x ^= x >>> 17;
      x ^= x << 5;
      this.zobrist[o] = x;
      if (this.floaterIndex[o]! >= 0 || (ops.info[o] === 0 && (inst.keep === undefined || inst.keep[o] === 1))) {
        const v = written(ops, o);
        if (v >= 0) this.writersLeft[v]!++;
      }
    }
  }

  head(c: number): number {
    const { laneStart, laneOps } = this.inst;
    const p = laneStart[c]! + this.pos[c]!;
    return p < laneStart[c + 1]! ? laneOps[p]! : -1;
  }

  place(o: number): void {
    const f = this.floaterIndex[o]!;
    if (f >= 0) this.placedFloater[f] = 1;
    else {
      this.pos[this.ops.client[o]!]!++;
      this.placedChain++;
    }
    const v = written(this.ops, o);
    if (v >= 0) this.writersLeft[v]!--;
    this.setHash ^= this.zobrist[o]!;
    this.trail[this.trailLen++] = o;
  }

  undoTo(len: number): void {
    while (this.trailLen > len) {
      const o = this.trail[--this.trailLen]!;
      const f = this.floaterIndex[o]!;
      if (f >= 0) this.placedFloater[f] = 0;
      else {
        this.pos[this.ops.client[o]!]!--;
        this.placedChain--;
      }
      const v = written(this.ops, o);
      if (v >= 0) this.writersLeft[v]!++;
      this.setHash ^= this.zobrist[o]!;
    }
  }

  /** Places every head read of the current value (one pass: a lane's reads are consecutive heads). */
  closure(cur: number): void {
    const { ops } = this;
    for (let c = 0; c < this.lanes; c++) {
      for (let h = this.head(c); h >= 0 && ops.kind[h] === READ && ops.a[h] === cur; h = this.head(c)) this.place(h);
    }
  }

  /** Some lane waits on a value that no write left can produce. */
  dead(cur: number): boolean {
    const { ops } = this;
    for (let c = 0; c < this.lanes; c++) {
      const h = this.head(c);
      if (h >= 0 && ops.kind[h] !== WRITE && ops.a[h] !== cur && this.writersLeft[ops.a[h]!] === 0) return true;
    }
    return false;
  }

  /** The operation move `m` places (lane heads first, then indeterminate writes), or -1 when it cannot go now. */
  move(m: number, cur: number): number {
    const { ops } = this;
    let o: number;
    if (m < this.lanes) {
      o = this.head(m);
      if (o < 0) return -1;
    } else {
      const f = m - this.lanes;
      o = this.inst.floaters[f]!;
      if (this.placedFloater[f] === 1 || this.pos[ops.client[o]!]! < this.inst.slot[o]!) return -1;
    }
    const k = ops.kind[o]!;
    return k === WRITE || (k === CAS && ops.a[o] === cur) ? o : -1;
  }

  record(cur: number): Uint32Array {
    const { rec, lanes } = this;
    rec.fill(0);
    rec[0] = cur;
    rec.set(this.pos, 1);
    this.placedFloater.forEach((p, f) => {
      if (p === 1) rec[1 + lanes + (f >>> 5)]! |= 1 << (f & 31);
    });
    return rec;
  }
}

function* solveGeneral(inst: Instance, account: Account): Generator<undefined, boolean> {
  const e = new Explorer(inst, account);
  const memo = new StateMemo(e.rec.length, account);
  const moves = e.lanes + inst.floaters.length;
  account.take(12 * (inst.ops.n + 1));
  // Per depth: the trail length and value of the state, and the last operation tried from it. Operations are tried
  // in invocation order (their numbering): a history that is nearly in order then needs little backtracking.
  const frames = new Int32Array(3 * (inst.ops.n + 1));
  frames[2] = -1;
  e.closure(0);
  if (e.placedChain === inst.chainCount) return true;
  if (e.dead(0)) return false;
  memo.add(e.record(0), mix(e.setHash, 0));
  frames[0] = e.trailLen;
  let depth = 1;
  for (let steps = 1; ; steps++) {
    if (steps % YIELD_STEPS === 0) yield;
    const f = 3 * (depth - 1);
    const cur = frames[f + 1]!;
    const last = frames[f + 2]!;
    let o = -1;
    for (let m = 0; m < moves; m++) {
      const x = e.move(m, cur);
      if (x > last && (o < 0 || x < o)) o = x;
    }
    if (o < 0) {
      if (--depth === 0) return false;
      e.undoTo(frames[f - 3]!);
      continue;
    }
    frames[f + 2] = o;
    e.place(o);
    const next = written(inst.ops, o);
    e.closure(next);
    if (e.placedChain === inst.chainCount) return true;
    if (e.dead(next) || !memo.add(e.record(next), mix(e.setHash, next))) {
      e.undoTo(frames[f]!);
      continue;
    }
    frames[f + 3] = e.trailLen;
    frames[f + 4] = next;
    frames[f + 5] = -1;
    depth++;
  }
}
