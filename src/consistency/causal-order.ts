// Causal order co = (so ∪ rf)+ answered without its closure. Every node has at most two predecessors (the one
// before it in its client's chain, or for an off-chain node the client's last chain event before it; and the write
// it read from), so strongly connected components come from Tarjan's algorithm over those edges reversed, in
// topological order, and each component gets a vector clock over the chains: clock[S][c] = the highest position
// on chain c whose event reaches S (or is in it). A chain event (c, p) is causally before y iff clock[y][c] >= p.
//
// Off-chain nodes (indeterminate writes that were read) have no clock entry of their own, because nothing after
// them on their client's chain follows them. What follows one is what follows its readers, so each keeps its
// frontier: per chain, the lowest position it reaches through its readers, plus the few off-chain nodes it reaches
// directly (an indeterminate compare-and-set that read it).
//
// For the checkers' "latest write of key k on chain c up to position b" and "some write read on chain c up to b
// that v precedes" the order also keeps, per (chain, key), the positions of the chain's writes and of its reads
// with, per read, the running top two of the clocks of the writes read so far (top two so that the write a query
// is about can be left out of its own question).
import { BudgetExceeded, type Budget } from '../linearizability/index.js';
import { INIT, NotCheckable, Ticker, isReading, normalise, type Normalised } from './ops.js';
import { K_CAS_READ, K_CAS_WRITE, K_READ, K_WRITE } from './ops.js';

// Read once: imported bindings cost a lookup on every use in the hot loops.
const WRITE = K_WRITE;
const CAS_WRITE = K_CAS_WRITE;
const READ = K_READ;
const CAS_READ = K_CAS_READ;
const INITIAL = INIT;
import type { CheckerOptions } from './verdict.js';

const NEVER = 0x7fffffff;

export interface CausalOrder {
  readonly norm: Normalised;
  readonly scc: Int32Array;
  /** Whether a component is a cycle (more than one node, or a node that read itself). */
  readonly cyclic: Uint8Array;
  /** A component that is a cycle, -1 when co is acyclic. */
  readonly firstCycle: number;
  /** components × clients. */
  readonly clock: Int32Array;
  /** off-chain nodes × clients: lowest position reached on each chain (NEVER: none). */
  readonly front: Int32Array;
  readonly reachStart: Int32Array;
  readonly reach: Int32Array;
  /** For each write, the nodes that read it. */
  readonly readerStart: Int32Array;
  readonly readers: Int32Array;
  /** Per slot (chain × keys + key): positions of the chain's writes of the key. */
  readonly wlStart: Int32Array;
  readonly wl: Int32Array;
  /** Per slot: positions of the chain's reads of the key that read a write, with the running top two per entry. */
  readonly rlStart: Int32Array;
  readonly rlPos: Int32Array;
  /** Empty until withTops: only the checkers that ask about every read a chain made need them. */
  readonly rlMax1: Int32Array;
  readonly rlArg1: Int32Array;
  readonly rlMax2: Int32Array;
  /** The same lists and running tops over only the reads that returned an off-chain (indeterminate) write. */
  readonly orlStart: Int32Array;
  readonly orlPos: Int32Array;
  readonly orlMax1: Int32Array;
  readonly orlArg1: Int32Array;
  readonly orlMax2: Int32Array;
}

/** Position bound of what precedes x in session order on its own chain. */
export function soBound(norm: Normalised, x: number): number {
  return x < norm.nChain ? norm.pos[x]! - 1 : norm.pos[x]!;
}

/** The chain or off-chain node before x in session order, -1 when none. */
export function soPred(norm: Normalised, x: number): number {
  const c = norm.client[x]!;
  if (x < norm.nChain) return x > norm.chainStart[c]! ? x - 1 : -1;
  const q = norm.pos[x]!;
  return q >= 0 ? norm.chainStart[c]! + q : -1;
}

function pred(norm: Normalised, x: number, e: number): number {
  if (e === 0) return soPred(norm, x);
  const r = norm.rf[x]!;
  return r >= 0 ? r : -1;
}

interface Components {
  readonly scc: Int32Array;
  readonly order: Int32Array;
  readonly count: number;
  readonly cyclic: Uint8Array;
  readonly firstCycle: number;
}

/** Tarjan over the reversed edges: components come out sources first. */
function components(norm: Normalised, ticker: Ticker): Components {
  const n = norm.n;
  const index = new Int32Array(n).fill(-1);
  const low = new Int32Array(n);
  const stack = new Int32Array(n);
  const call = new Int32Array(n);
  const iter = new Uint8Array(n);
  const on = new Uint8Array(n);
  const scc = new Int32Array(n);
  const order = new Int32Array(n);
  const cyclic = new Uint8Array(n);
  let counter = 0;
  let sp = 0;
  let cp = 0;
  let count = 0;
  let out = 0;
  let firstCycle = -1;
  const open = (w: number): void => {
    index[w] = low[w] = counter++;
    stack[sp++] = w;
    on[w] = 1;
    call[cp++] = w;
  };
  for (let s = 0; s < n; s++) {
    if (index[s] !== -1) continue;
    open(s);
    while (cp > 0) {
      ticker.tick();
      const v = call[cp - 1]!;
      const e = iter[v]!;
      if (e < 2) {
        iter[v] = e + 1;
        const w = pred(norm, v, e);
        if (w < 0) continue;
        if (index[w] === -1) open(w);
        else if (on[w] === 1 && index[w]! < low[v]!) low[v] = index[w]!;
        continue;
      }
      cp--;
      if (low[v] === index[v]) {
        let size = 0;
        let w: number;
        do {
          w = stack[--sp]!;
          on[w] = 0;
          scc[w] = count;
          order[out++] = w;
          size++;
        } while (w !== v);
        if (size > 1 || norm.rf[v] === v) {
          cyclic[count] = 1;
          if (firstCycle < 0) firstCycle = count;
        }
        count++;
      }
      if (cp > 0) {
        const u = call[cp - 1]!;
        if (low[v]! < low[u]!) low[u] = low[v]!;
      }
    }
  }
  return { scc, order, count, cyclic: cyclic.subarray(0, count), firstCycle };
}

function clocks(norm: Normalised, comp: Components, ticker: Ticker): Int32Array {
  const C = norm.clients;
  const clock = new Int32Array(comp.count * C).fill(-1);
  const { scc, order } = comp;
  for (let i = 0; i < norm.n; i++) {
    ticker.tick();
    const m = order[i]!;
    const s = scc[m]!;
    const base = s * C;
    if (m < norm.nChain) {
      const c = norm.client[m]!;
      if (norm.pos[m]! > clock[base + c]!) clock[base + c] = norm.pos[m]!;
    }
    for (let e = 0; e < 2; e++) {
      const p = pred(norm, m, e);
      if (p < 0 || scc[p] === s) continue;
      const from = scc[p]! * C;
      for (let c = 0; c < C; c++) if (clock[from + c]! > clock[base + c]!) clock[base + c] = clock[from + c]!;
    }
  }
  return clock;
}

function readersOf(norm: Normalised): { readerStart: Int32Array; readers: Int32Array } {
  const readerStart = new Int32Array(norm.n + 1);
  for (let x = 0; x < norm.n; x++) if (norm.rf[x]! >= 0) readerStart[norm.rf[x]! + 1]!++;
  for (let x = 0; x < norm.n; x++) readerStart[x + 1]! += readerStart[x]!;
  const readers = new Int32Array(readerStart[norm.n]!);
  const fill = readerStart.slice(0, norm.n);
  for (let x = 0; x < norm.n; x++) if (norm.rf[x]! >= 0) readers[fill[norm.rf[x]!]!++] = x;
  return { readerStart, readers };
}

interface Fronts {
  readonly front: Int32Array;
  readonly reachStart: Int32Array;
  readonly reach: Int32Array;
}

/** Each off-chain node's frontier on the chains and the off-chain nodes it reaches through off-chain nodes only. */
function fronts(norm: Normalised, rd: { readerStart: Int32Array; readers: Int32Array }, budget: Budget, ticker: Ticker): Fronts {
  const C = norm.clients;
  const nOff = norm.n - norm.nChain;
  const front = new Int32Array(nOff * C).fill(NEVER);
  const reachStart = new Int32Array(nOff + 1);
  const reach: number[] = [];
  const stamp = new Int32Array(nOff);
  const stack: number[] = [];
  for (let i = 0; i < nOff; i++) {
    stack.push(norm.nChain + i);
    while (stack.length > 0) {
      const z = stack.pop()!;
      for (let j = rd.readerStart[z]!; j < rd.readerStart[z + 1]!; j++) {
        ticker.tick();
        const y = rd.readers[j]!;
        if (y < norm.nChain) {
          const at = i * C + norm.client[y]!;
          if (norm.pos[y]! < front[at]!) front[at] = norm.pos[y]!;
        } else if (stamp[y - norm.nChain] !== i + 1) {
          stamp[y - norm.nChain] = i + 1;
          reach.push(y);
          stack.push(y);
          if ((reach.length & 65535) === 0) budget.reserve(65536 * 12, 'the causal order’s indeterminate writes');
        }
      }
    }
    reachStart[i + 1] = reach.length;
  }
  return { front, reachStart, reach: Int32Array.from(reach) };
}

interface Lists {
  readonly wlStart: Int32Array;
  readonly wl: Int32Array;
  readonly rlStart: Int32Array;
  readonly rlPos: Int32Array;
}

function isChainWrite(kind: number): boolean {
  return kind === WRITE || kind === CAS_WRITE;
}

function isChainRead(norm: Normalised, x: number): boolean {
  const kind = norm.kind[x]!;
  return (kind === READ || kind === CAS_READ) && norm.rf[x]! >= 0;
}

function slotLists(norm: Normalised, only: (x: number) => boolean = () => true): Lists {
  const K = norm.keys.length;
  const slots = norm.clients * K;
  const wlStart = new Int32Array(slots + 1);
  const rlStart = new Int32Array(slots + 1);
  for (let x = 0; x < norm.nChain; x++) {
    const slot = norm.client[x]! * K + norm.key[x]!;
    if (isChainWrite(norm.kind[x]!)) wlStart[slot + 1]!++;
    else if (isChainRead(norm, x) && only(x)) rlStart[slot + 1]!++;
  }
  for (let i = 0; i < slots; i++) {
    wlStart[i + 1]! += wlStart[i]!;
    rlStart[i + 1]! += rlStart[i]!;
  }
  const wl = new Int32Array(wlStart[slots]!);
  const rlPos = new Int32Array(rlStart[slots]!);
  const wf = wlStart.slice(0, slots);
  const rf = rlStart.slice(0, slots);
  for (let x = 0; x < norm.nChain; x++) {
    const slot = norm.client[x]! * K + norm.key[x]!;
    if (isChainWrite(norm.kind[x]!)) wl[wf[slot]!++] = norm.pos[x]!;
    else if (isChainRead(norm, x) && only(x)) rlPos[rf[slot]!++] = norm.pos[x]!;
  }
  return { wlStart, wl, rlStart, rlPos };
}

/** Per read entry, the running top two (with the first's write) of the clocks of the writes read up to it. */
function runningTops(norm: Normalised, scc: Int32Array, clock: Int32Array, lists: Pick<Lists, 'rlStart' | 'rlPos'>, ticker: Ticker) {
  const C = norm.clients;
  const entries = lists.rlPos.length;
  const rlMax1 = new Int32Array(entries * C);
  const rlArg1 = new Int32Array(entries * C);
  const rlMax2 = new Int32Array(entries * C);
  const K = norm.keys.length;
  for (let slot = 0; slot + 1 < lists.rlStart.length; slot++) {
    const chain = norm.chainStart[Math.floor(slot / K)]!;
    for (let j = lists.rlStart[slot]!; j < lists.rlStart[slot + 1]!; j++) {
      ticker.tick();
      const w = norm.rf[chain + lists.rlPos[j]!]!;
      const from = scc[w]! * C;
      const at = j * C;
      const first = j === lists.rlStart[slot];
      for (let c = 0; c < C; c++) {
        let m1 = first ? -1 : rlMax1[at - C + c]!;
        let a1 = first ? -1 : rlArg1[at - C + c]!;
        let m2 = first ? -1 : rlMax2[at - C + c]!;
        const val = clock[from + c]!;
        if (w !== a1) {
          if (val > m1) {
            m2 = m1;
            m1 = val;
            a1 = w;
          } else if (val > m2) m2 = val;
        }
        rlMax1[at + c] = m1;
        rlArg1[at + c] = a1;
        rlMax2[at + c] = m2;
      }
    }
  }
  return { rlMax1, rlArg1, rlMax2 };
}

/** Bytes the order will take, counted before any of it is allocated. */
export function orderBytes(norm: Normalised): number {
  const C = norm.clients;
  const slots = C * norm.keys.length;
  let reads = 0;
  for (let x = 0; x < norm.nChain; x++) if (isReading(norm.kind[x]!)) reads++;
  const perNode = 4 * 11 + 3;
  return norm.n * (perNode + 4 * C) + (norm.n - norm.nChain) * 4 * C + slots * 56 + norm.nChain * 12 + reads * 12 * C;
}

export function buildCausalOrder(norm: Normalised, ticker: Ticker): CausalOrder {
  ticker.budget.reserve(orderBytes(norm), 'the causal order (vector clocks over the clients)');
  const comp = components(norm, ticker);
  const clock = clocks(norm, comp, ticker);
  const rd = readersOf(norm);
  const f = fronts(norm, rd, ticker.budget, ticker);
  const lists = slotLists(norm);
  // Causal needs the running tops only of the reads of indeterminate writes (a chain write another read returned
  // is before the read on its own chain too, found there by its latest write): a small table, built now.
  const off = slotLists(norm, (x) => norm.rf[x]! >= norm.nChain);
  const t = runningTops(norm, comp.scc, clock, off, ticker);
  const none = new Int32Array(0);
  return {
    norm,
    scc: comp.scc,
    cyclic: comp.cyclic,
    firstCycle: comp.firstCycle,
    clock,
    ...f,
    ...rd,
    ...lists,
    ...{ rlMax1: none, rlArg1: none, rlMax2: none },
    ...{ orlStart: off.rlStart, orlPos: off.rlPos, orlMax1: t.rlMax1, orlArg1: t.rlArg1, orlMax2: t.rlMax2 },
  };
}

const withTopsMemo = new WeakMap<CausalOrder, CausalOrder>();

/**
 * The order with the running tops of every chain read (entries × clients, three times): built on first use, for
 * the checkers that ask about the reads a chain made (monotonic reads, writes-follow-reads, causal's witness).
 */
export function withTops(o: CausalOrder, ticker: Ticker): CausalOrder {
  if (o.rlMax1.length > 0 || o.rlPos.length === 0) return o;
  let full = withTopsMemo.get(o);
  if (!full) {
    ticker.budget.reserve(o.rlPos.length * 12 * o.norm.clients, 'the causal order’s running tops of the reads');
    full = { ...o, ...runningTops(o.norm, o.scc, o.clock, o, ticker) };
    withTopsMemo.set(o, full);
  }
  return full;
}

/** a co< b: a happened before b (a path of at least one edge). */
export function coBefore(o: CausalOrder, a: number, b: number): boolean {
  const norm = o.norm;
  const C = norm.clients;
  if (a < norm.nChain) {
    if (a === b) return o.cyclic[o.scc[a]!] === 1;
    return o.clock[o.scc[b]! * C + norm.client[a]!]! >= norm.pos[a]!;
  }
  const base = (a - norm.nChain) * C;
  const to = o.scc[b]! * C;
  for (let c = 0; c < C; c++) if (o.front[base + c]! <= o.clock[to + c]!) return true;
  const i = a - norm.nChain;
  for (let j = o.reachStart[i]!; j < o.reachStart[i + 1]!; j++) if (o.reach[j] === b) return true;
  return false;
}

/** Index in [lo, hi) of the last position <= bound, lo - 1 when none. */
export function lastAtOrBefore(positions: Int32Array, lo: number, hi: number, bound: number): number {
  let a = lo;
  let b = hi;
  while (a < b) {
    const mid = (a + b) >>> 1;
    if (positions[mid]! <= bound) a = mid + 1;
    else b = mid;
  }
  return a - 1;
}

/** The node of chain c at position p. */
export function nodeAt(norm: Normalised, c: number, p: number): number {
  return norm.chainStart[c]! + p;
}

/**
 * Whether some read among entries [rlStart[slot], j] of a slot returned a write w other than v with v co< w.
 */
export function someReadAfter(o: CausalOrder, slot: number, j: number, v: number): boolean {
  const norm = o.norm;
  const C = norm.clients;
  if (v < norm.nChain) {
    const at = j * C + norm.client[v]!;
    return (o.rlArg1[at] === v ? o.rlMax2[at]! : o.rlMax1[at]!) >= norm.pos[v]!;
  }
  const base = (v - norm.nChain) * C;
  for (let c = 0; c < C; c++) {
    const at = j * C + c;
    if ((o.rlArg1[at] === v ? o.rlMax2[at]! : o.rlMax1[at]!) >= o.front[base + c]!) return true;
  }
  return reachedReadIn(o, slot, j, v);
}

/** Whether a write v reaches without passing a chain was read among the slot's entries up to j. */
function reachedReadIn(o: CausalOrder, slot: number, j: number, v: number): boolean {
  const norm = o.norm;
  const chain = Math.floor(slot / norm.keys.length);
  const last = nodeAt(norm, chain, o.rlPos[j]!);
  const i = v - norm.nChain;
  for (let r = o.reachStart[i]!; r < o.reachStart[i + 1]!; r++) {
    const w = o.reach[r]!;
    if (w === v) continue;
    for (let y = o.readerStart[w]!; y < o.readerStart[w + 1]!; y++) {
      const reader = o.readers[y]!;
      if (reader < norm.nChain && norm.client[reader] === chain && reader <= last) return true;
    }
  }
  return false;
}

/**
 * "The last entry of a slot at position <= bound" for a scan whose bounds per slot never decrease (a client's
 * chain read in order: its clocks only grow): each slot's answer moves forward, so a scan costs the entries it
 * passes, not a binary search per question. `next` starts a new scan.
 */
export class Cursors {
  private readonly at: Int32Array;
  private readonly stamp: Int32Array;
  private round = 1;
  constructor(
    private readonly starts: Int32Array,
    private readonly positions: Int32Array,
  ) {
    this.at = new Int32Array(starts.length - 1);
    this.stamp = new Int32Array(starts.length - 1);
  }

  next(): void {
    this.round++;
  }

  upTo(slot: number, bound: number): number {
    let i = this.stamp[slot] === this.round ? this.at[slot]! : this.starts[slot]! - 1;
    const hi = this.starts[slot + 1]!;
    while (i + 1 < hi && this.positions[i + 1]! <= bound) i++;
    this.at[slot] = i;
    this.stamp[slot] = this.round;
    return i;
  }
}

/** Cursors over the write and the read lists, for one scan in chain order. */
export interface Scan {
  readonly writes: Cursors;
  readonly reads: Cursors;
}

export function newScan(o: CausalOrder): Scan {
  return { writes: new Cursors(o.wlStart, o.wl), reads: new Cursors(o.rlStart, o.rlPos) };
}

/** The entry that makes someReadAfter true (for the witness), -1 when none. */
export function findReadAfter(o: CausalOrder, slot: number, j: number, v: number, ticker: Ticker): number {
  const norm = o.norm;
  const chain = norm.chainStart[Math.floor(slot / norm.keys.length)]!;
  for (let e = o.rlStart[slot]!; e <= j; e++) {
    ticker.tick();
    const w = norm.rf[chain + o.rlPos[e]!]!;
    if (w !== v && (v < 0 || coBefore(o, v, w))) return e;
  }
  return -1;
}

/** The latest write of key k on chain c at position <= bound other than v, -1 when none. */
export function latestWrite(o: CausalOrder, c: number, k: number, bound: number, v: number, scan?: Scan): number {
  const norm = o.norm;
  const slot = c * norm.keys.length + k;
  const lo = o.wlStart[slot]!;
  let i = scan ? scan.writes.upTo(slot, bound) : lastAtOrBefore(o.wl, lo, o.wlStart[slot + 1]!, bound);
  const base = norm.chainStart[c]!;
  if (i >= lo && base + o.wl[i]! === v) i--;
  return i >= lo ? base + o.wl[i]! : -1;
}

/** Whether r, which returned v, missed the required write u (u replaced v, or r returned the initial state). */
export function misses(o: CausalOrder, v: number, u: number): boolean {
  return u >= 0 && (v === INITIAL || coBefore(o, v, u));
}

/** The entry of a chain's reads of k up to bound whose write v precedes (any, when v is the initial state); -1: none. */
export function readAfter(o: CausalOrder, c: number, k: number, bound: number, v: number, ticker: Ticker, scan?: Scan): number {
  const slot = c * o.norm.keys.length + k;
  const lo = o.rlStart[slot]!;
  const j = scan ? scan.reads.upTo(slot, bound) : lastAtOrBefore(o.rlPos, lo, o.rlStart[slot + 1]!, bound);
  if (j < lo) return -1;
  if (v === INITIAL) return j;
  if (!someReadAfter(o, slot, j, v)) return -1;
  const e = findReadAfter(o, slot, j, v, ticker);
  return e >= 0 ? e : j;
}

export type Prepared = { readonly order: CausalOrder } | { readonly reason: string };

/** Normalises the history and builds its causal order, or says in words why it cannot be checked. */
export function prepare(history: Parameters<typeof normalise>[0], opts: CheckerOptions, ticker: Ticker): Prepared {
  try {
    const norm = normalise(history, opts, ticker.as('reading the history'));
    return { order: buildCausalOrder(norm, ticker.as('building the causal order')) };
  } catch (error) {
    if (error instanceof NotCheckable || error instanceof BudgetExceeded) return { reason: error.message };
    throw error;
  }
}

/**
 * The verdict alone of `latestWrite` + `misses`, of `readAfter`, and of causal's part of it, for the checkers' hot
 * loops: cursors per slot for one scan in chain order (`next` starts another; a slot's first question binary
 * searches), the arrays held in fields and the common case (v on a chain) answered inline, so a question costs a
 * few typed-array reads. A checker asks the full functions only for a read this says violates, to name the same
 * witness as before.
 */
export class Probe {
  private readonly wAt: Int32Array;
  private readonly rAt: Int32Array;
  private readonly oAt: Int32Array;
  private readonly wStamp: Int32Array;
  private readonly rStamp: Int32Array;
  private readonly oStamp: Int32Array;
  private round = 1;
  private readonly nChain: number;
  private readonly C: number;

  constructor(private readonly o: CausalOrder) {
    const slots = o.wlStart.length - 1;
    this.wAt = new Int32Array(slots);
    this.rAt = new Int32Array(slots);
    this.oAt = new Int32Array(slots);
    this.wStamp = new Int32Array(slots);
    this.rStamp = new Int32Array(slots);
    this.oStamp = new Int32Array(slots);
    this.nChain = o.norm.nChain;
    this.C = o.norm.clients;
  }

  next(): void {
    this.round++;
  }

  /** v co< u for a chain write u != v. */
  private precedes(v: number, u: number): boolean {
    const o = this.o;
    if (v < this.nChain) return o.clock[o.scc[u]! * this.C + o.norm.client[v]!]! >= o.norm.pos[v]!;
    return coBefore(o, v, u);
  }

  /** The last entry of [starts[slot], starts[slot+1]) at position <= b, moving at[slot] forward. */
  private upTo(starts: Int32Array, positions: Int32Array, at: Int32Array, stamp: Int32Array, slot: number, b: number): number {
    const lo = starts[slot]!;
    const hi = starts[slot + 1]!;
    let i: number;
    if (stamp[slot] === this.round) {
      i = at[slot]!;
      while (i + 1 < hi && positions[i + 1]! <= b) i++;
    } else {
      i = lastAtOrBefore(positions, lo, hi, b);
      stamp[slot] = this.round;
    }
    at[slot] = i;
    return i;
  }

  /** misses(v, latestWrite(c, k, b, v)) for slot c × keys + k and base chainStart[c]. */
  writeMissed(slot: number, base: number, b: number, v: number): boolean {
    const o = this.o;
    let i = this.upTo(o.wlStart, o.wl, this.wAt, this.wStamp, slot, b);
    if (i >= o.wlStart[slot]! && base + o.wl[i]! === v) i--;
    if (i < o.wlStart[slot]!) return false;
    return v === INITIAL || this.precedes(v, base + o.wl[i]!);
  }

  /** readAfter(c, k, b, v) >= 0 for slot c × keys + k (the order must have its tops, withTops). */
  readMissed(slot: number, b: number, v: number): boolean {
    const o = this.o;
    const j = this.upTo(o.rlStart, o.rlPos, this.rAt, this.rStamp, slot, b);
    if (j < o.rlStart[slot]!) return false;
    if (v === INITIAL) return true;
    if (v >= this.nChain) return someReadAfter(o, slot, j, v);
    const at = j * this.C + o.norm.client[v]!;
    return (o.rlArg1[at] === v ? o.rlMax2[at]! : o.rlMax1[at]!) >= o.norm.pos[v]!;
  }

  /**
   * Given writeMissed false on every chain, readMissed for chain c: only reads of indeterminate writes can still
   * answer (a chain write another read returned is before the read on its own chain, where its latest write is).
   */
  offReadMissed(slot: number, c: number, b: number, v: number): boolean {
    const o = this.o;
    const j = this.upTo(o.orlStart, o.orlPos, this.oAt, this.oStamp, slot, b);
    if (j < o.orlStart[slot]!) return false;
    if (v === INITIAL) return true;
    const C = this.C;
    // A chain v is never the off-chain write an entry's top names.
    if (v < this.nChain) return o.orlMax1[j * C + o.norm.client[v]!]! >= o.norm.pos[v]!;
    const base = (v - this.nChain) * C;
    for (let cc = 0; cc < C; cc++) {
      const at = j * C + cc;
      if ((o.orlArg1[at] === v ? o.orlMax2[at]! : o.orlMax1[at]!) >= o.front[base + cc]!) return true;
    }
    return reachedReadUpTo(o, c, b, v);
  }
}

/** Whether a write v reaches without passing a chain was read on chain c at position <= b. */
function reachedReadUpTo(o: CausalOrder, c: number, b: number, v: number): boolean {
  const norm = o.norm;
  const last = nodeAt(norm, c, b);
  const i = v - norm.nChain;
  for (let r = o.reachStart[i]!; r < o.reachStart[i + 1]!; r++) {
    const w = o.reach[r]!;
    if (w === v) continue;
    for (let y = o.readerStart[w]!; y < o.readerStart[w + 1]!; y++) {
      const reader = o.readers[y]!;
      if (reader < norm.nChain && norm.client[reader] === c && reader <= last) return true;
    }
  }
  return false;
}

/** Whether causal's check of read x (causal.ts, causalRead) finds a witness, without naming it: per chain a few typed-array reads. */
function causalViolates(o: CausalOrder, p: Probe, x: number): boolean {
  const norm = o.norm;
  const C = norm.clients;
  const K = norm.keys.length;
  const k = norm.key[x]!;
  const v = norm.rf[x]!;
  const at = o.scc[x]! * C;
  for (let c = 0; c < C; c++) {
    const b = o.clock[at + c]!;
    if (b >= 0 && p.writeMissed(c * K + k, norm.chainStart[c]!, b, v)) return true;
  }
  for (let c = 0; c < C; c++) {
    const b = o.clock[at + c]!;
    if (b >= 0 && p.offReadMissed(c * K + k, c, b, v)) return true;
  }
  return false;
}

/**
 * Every reading node causal's bad patterns catch (1 in the result), CyclicCO aside: chain by chain in order (a
 * chain's clocks only grow, so the probe's cursors only move forward), then the off-chain ones.
 */
export function causalViolations(o: CausalOrder, ticker: Ticker): Uint8Array {
  const norm = o.norm;
  const p = new Probe(o);
  const kind = norm.kind;
  const bad = new Uint8Array(norm.n);
  for (let c = 0; c < norm.clients; c++) {
    p.next();
    for (let x = norm.chainStart[c]!; x < norm.chainStart[c + 1]!; x++) {
      ticker.tick();
      if (isReading(kind[x]!) && causalViolates(o, p, x)) bad[x] = 1;
    }
  }
  for (let x = norm.nChain; x < norm.n; x++) {
    ticker.tick();
    p.next();
    if (isReading(kind[x]!) && causalViolates(o, p, x)) bad[x] = 1;
  }
  return bad;
}
