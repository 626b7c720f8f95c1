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
import { K_CAS_READ, K_CAS_WRITE, K_INFO_CAS, K_READ, K_WRITE } from './ops.js';

// Read once: imported bindings cost a lookup on every use in the hot loops.
const WRITE = K_WRITE;
const CAS_WRITE = K_CAS_WRITE;
const READ = K_READ;
const CAS_READ = K_CAS_READ;
const INFO_CAS = K_INFO_CAS;
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
  /** Per slot: positions of the chain's reads of the key that read a write. */
  readonly rlStart: Int32Array;
  readonly rlPos: Int32Array;
  /** Their running top two per entry, built a slot at a time on first use (the checks that ask about a chain's reads). */
  readonly tops: ReadTops;
  /** The same lists over only the reads that returned an off-chain (indeterminate) write, with their tops per slot. */
  readonly orlStart: Int32Array;
  readonly orlPos: Int32Array;
  readonly orlTops: readonly Int32Array[];
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

/**
 * One slot's running top two (with the first's write) of the clocks of the writes read up to each entry, chain by
 * chain, interleaved: entry e (counted from the slot's first) and chain c at ((e * C) + c) * 3 hold max1, arg1, max2.
 */
function slotTops(norm: Normalised, scc: Int32Array, clock: Int32Array, lists: ReadList, slot: number, ticker: Ticker): Int32Array {
  const C = norm.clients;
  const lo = lists.starts[slot]!;
  const hi = lists.starts[slot + 1]!;
  const t = new Int32Array((hi - lo) * C * 3);
  const chain = norm.chainStart[Math.floor(slot / norm.keys.length)]!;
  for (let j = lo; j < hi; j++) {
    ticker.tick();
    const w = norm.rf[chain + lists.positions[j]!]!;
    const from = scc[w]! * C;
    const at = (j - lo) * C * 3;
    for (let c = 0; c < C; c++) {
      const p = at + 3 * c;
      const first = j === lo;
      let m1 = first ? -1 : t[p - 3 * C]!;
      let a1 = first ? -1 : t[p - 3 * C + 1]!;
      let m2 = first ? -1 : t[p - 3 * C + 2]!;
      const val = clock[from + c]!;
      if (w !== a1) {
        if (val > m1) {
          m2 = m1;
          m1 = val;
          a1 = w;
        } else if (val > m2) m2 = val;
      }
      t[p] = m1;
      t[p + 1] = a1;
      t[p + 2] = m2;
    }
  }
  return t;
}

interface ReadList {
  readonly starts: Int32Array;
  readonly positions: Int32Array;
}

/**
 * The running tops of every chain read (entries × clients, three times), a slot at a time on first use: a check
 * that stops at its first violation asks few slots, and the table for them all is the order's largest.
 */
export class ReadTops {
  private readonly built: (Int32Array | undefined)[];
  constructor(
    private readonly norm: Normalised,
    private readonly scc: Int32Array,
    private readonly clock: Int32Array,
    private readonly lists: ReadList,
  ) {
    this.built = new Array<Int32Array | undefined>(lists.starts.length - 1);
  }

  of(slot: number, ticker: Ticker): Int32Array {
    let t = this.built[slot];
    if (t === undefined) {
      const entries = this.lists.starts[slot + 1]! - this.lists.starts[slot]!;
      ticker.budget.reserve(entries * 12 * this.norm.clients, 'the causal order’s running tops of the reads');
      this.built[slot] = t = slotTops(this.norm, this.scc, this.clock, this.lists, slot, ticker);
    }
    return t;
  }
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
  const offList = { starts: off.rlStart, positions: off.rlPos };
  const orlTops: Int32Array[] = [];
  for (let slot = 0; slot + 1 < off.rlStart.length; slot++) orlTops.push(slotTops(norm, comp.scc, clock, offList, slot, ticker));
  return {
    norm,
    scc: comp.scc,
    cyclic: comp.cyclic,
    firstCycle: comp.firstCycle,
    clock,
    ...f,
    ...rd,
    ...lists,
    tops: new ReadTops(norm, comp.scc, clock, { starts: lists.rlStart, positions: lists.rlPos }),
    orlStart: off.rlStart,
    orlPos: off.rlPos,
    orlTops,
  };
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
 * Whether an off-chain write v precedes some write among those a slot's tops (entry e × C of `t`) summarise: by a
 * clock that reaches v's frontier on some chain (v itself left out of its own question).
 */
function topsReachOff(o: CausalOrder, t: Int32Array, e: number, v: number): boolean {
  const C = o.norm.clients;
  const base = (v - o.norm.nChain) * C;
  for (let c = 0; c < C; c++) {
    const at = (e + c) * 3;
    if ((t[at + 1] === v ? t[at + 2]! : t[at]!) >= o.front[base + c]!) return true;
  }
  return false;
}

/** Whether a write v reaches without passing a chain was read among the slot's entries up to j. */
function reachedReadIn(o: CausalOrder, slot: number, j: number, v: number): boolean {
  const norm = o.norm;
  const chain = Math.floor(slot / norm.keys.length);
  return reachedReadUpTo(o, chain, o.rlPos[j]!, v);
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

/** The first entry of a slot up to j that returned a write w other than v with v co< w (any, for v < 0); -1: none. */
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
export function latestWrite(o: CausalOrder, c: number, k: number, bound: number, v: number): number {
  const norm = o.norm;
  const slot = c * norm.keys.length + k;
  const lo = o.wlStart[slot]!;
  let i = lastAtOrBefore(o.wl, lo, o.wlStart[slot + 1]!, bound);
  const base = norm.chainStart[c]!;
  if (i >= lo && base + o.wl[i]! === v) i--;
  return i >= lo ? base + o.wl[i]! : -1;
}

/** Whether r, which returned v, missed the required write u (u replaced v, or r returned the initial state). */
export function misses(o: CausalOrder, v: number, u: number): boolean {
  return u >= 0 && (v === INITIAL || coBefore(o, v, u));
}

/**
 * The entry of a chain's reads of k up to bound whose write v precedes (the last one, when v is the initial state);
 * -1: none. For witnesses only (a scan of the slot): the hot loops ask a Probe, which reads the running tops.
 */
export function readAfter(o: CausalOrder, c: number, k: number, bound: number, v: number, ticker: Ticker): number {
  const slot = c * o.norm.keys.length + k;
  const lo = o.rlStart[slot]!;
  const j = lastAtOrBefore(o.rlPos, lo, o.rlStart[slot + 1]!, bound);
  if (j < lo) return -1;
  if (v === INITIAL) return j;
  return findReadAfter(o, slot, j, v, ticker);
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
 * The verdict alone of `latestWrite` + `misses` and of `readAfter`, for the session checkers' hot loops: cursors
 * per slot for one scan in chain order (`next` starts another; a slot's first question binary searches), the
 * arrays held in fields and the common case (v on a chain) answered inline, so a question costs a few typed-array
 * reads. A checker asks the full functions only for a read this says violates, to name the same witness as before.
 */
export class Probe {
  private readonly wAt: Int32Array;
  private readonly rAt: Int32Array;
  private readonly wStamp: Int32Array;
  private readonly rStamp: Int32Array;
  private round = 1;
  private readonly nChain: number;
  private readonly C: number;

  constructor(
    private readonly o: CausalOrder,
    private readonly ticker: Ticker,
  ) {
    const slots = o.wlStart.length - 1;
    this.wAt = new Int32Array(slots);
    this.rAt = new Int32Array(slots);
    this.wStamp = new Int32Array(slots);
    this.rStamp = new Int32Array(slots);
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

  /**
   * readAfter(c, k, b, v) >= 0 for slot c × keys + k: whether some read among the slot's entries up to b returned
   * a write w other than v with v co< w, by the running tops (built for the slot on its first question).
   */
  readMissed(slot: number, b: number, v: number): boolean {
    const o = this.o;
    const lo = o.rlStart[slot]!;
    const j = this.upTo(o.rlStart, o.rlPos, this.rAt, this.rStamp, slot, b);
    if (j < lo) return false;
    if (v === INITIAL) return true;
    const t = o.tops.of(slot, this.ticker);
    const e = (j - lo) * this.C;
    if (v >= this.nChain) return topsReachOff(o, t, e, v) || reachedReadIn(o, slot, j, v);
    const at = (e + o.norm.client[v]!) * 3;
    return (t[at + 1] === v ? t[at + 2]! : t[at]!) >= o.norm.pos[v]!;
  }
}

/**
 * What a read must not know, per chain c, for causal to hold (the order acyclic): for a chain write v (row: its
 * entry in the write lists), the lowest position on c of a write of v's key other than v that v precedes, or of a
 * read of an indeterminate write of the key that v precedes; for the initial state (row: the key), of any write of
 * the key or read of an indeterminate one. NEVER: none. A read x of v then violates causal iff clock[x][c] >= that
 * bound on some chain c (causal.ts, causalRead: a later write on a chain knows whatever an earlier one knows, so the
 * latest write x knows is the one to ask about, and it knows v iff some write x knows does), one comparison per
 * chain where a search per chain would touch a cold clock row each.
 */
interface Bounds {
  /** Chain write node -> its entry in the write lists. */
  readonly entry: Int32Array;
  /** Write-list entries × clients. */
  readonly write: Int32Array;
  /** Keys × clients. */
  readonly init: Int32Array;
}

function bounds(o: CausalOrder, ticker: Ticker): Bounds {
  const norm = o.norm;
  const C = norm.clients;
  const K = norm.keys.length;
  const { wlStart, wl } = o;
  ticker.budget.reserve(wl.length * 4 * C + norm.nChain * 4 + K * C * 4, 'the causal check’s bounds per write');
  const entry = new Int32Array(norm.nChain);
  const write = new Int32Array(wl.length * C).fill(NEVER);
  const init = new Int32Array(K * C).fill(NEVER);
  for (let slot = 0; slot < C * K; slot++) {
    const base = norm.chainStart[Math.floor(slot / K)]!;
    for (let i = wlStart[slot]!; i < wlStart[slot + 1]!; i++) entry[base + wl[i]!] = i;
  }
  const next = new Int32Array(C);
  for (let k = 0; k < K; k++) {
    for (let c = 0; c < C; c++) {
      const slot = c * K + k;
      if (wlStart[slot]! < wlStart[slot + 1]!) init[k * C + c] = wl[wlStart[slot]!]!;
      if (o.orlStart[slot]! < o.orlStart[slot + 1]!) init[k * C + c] = Math.min(init[k * C + c]!, o.orlPos[o.orlStart[slot]!]!);
      writeBounds(o, write, next, c, k, ticker);
    }
  }
  for (let k = 0; k < K; k++) for (let c = 0; c < C; c++) offReadBounds(o, write, next, c, k, ticker);
  return { entry, write, init };
}

/**
 * The bounds on chain c from its writes of key k: the writes u of k on c in order know ever more of each chain cv
 * (clock[u][cv] only grows), so each write v of k on cv gets the first u that knows it, and a pointer per cv does.
 * On v's own chain u must come after v, not be v.
 */
function writeBounds(o: CausalOrder, write: Int32Array, next: Int32Array, c: number, k: number, ticker: Ticker): void {
  const C = o.norm.clients;
  const K = o.norm.keys.length;
  const { wlStart, wl, clock, scc } = o;
  const base = o.norm.chainStart[c]!;
  for (let cv = 0; cv < C; cv++) next[cv] = wlStart[cv * K + k]!;
  const slot = c * K + k;
  for (let j = wlStart[slot]!; j < wlStart[slot + 1]!; j++) {
    ticker.tick();
    const q = wl[j]!;
    const row = scc[base + q]! * C;
    for (let cv = 0; cv < C; cv++) {
      const end = wlStart[cv * K + k + 1]!;
      const known = cv === c ? q - 1 : clock[row + cv]!;
      let p = next[cv]!;
      for (; p < end && wl[p]! <= known; p++) write[p * C + c] = q;
      next[cv] = p;
    }
  }
}

/**
 * The bounds on chain c from its reads of indeterminate writes of key k (few): each write v gets the first such
 * read whose write it precedes, by the running top of those writes' clocks, again one pointer per chain cv.
 */
function offReadBounds(o: CausalOrder, write: Int32Array, next: Int32Array, c: number, k: number, ticker: Ticker): void {
  const C = o.norm.clients;
  const K = o.norm.keys.length;
  const { wlStart, wl, orlStart, orlPos } = o;
  const slot = c * K + k;
  const lo = orlStart[slot]!;
  if (lo === orlStart[slot + 1]) return;
  const t = o.orlTops[slot]!;
  for (let cv = 0; cv < C; cv++) next[cv] = wlStart[cv * K + k]!;
  for (let e = lo; e < orlStart[slot + 1]!; e++) {
    ticker.tick();
    const q = orlPos[e]!;
    for (let cv = 0; cv < C; cv++) {
      const end = wlStart[cv * K + k + 1]!;
      // The entry's running top on cv (its write is off-chain, never a chain v).
      const known = t[((e - lo) * C + cv) * 3]!;
      let p = next[cv]!;
      for (; p < end && wl[p]! <= known; p++) if (q < write[p * C + c]!) write[p * C + c] = q;
      next[cv] = p;
    }
  }
}

/** Whether causal's check of read x (causal.ts, causalRead) finds a witness, without naming it (co acyclic). */
function readViolates(o: CausalOrder, bd: Bounds, x: number): boolean {
  const norm = o.norm;
  const C = norm.clients;
  const clock = o.clock;
  const v = norm.rf[x]!;
  const at = o.scc[x]! * C;
  let row: number;
  let need: Int32Array;
  if (v >= 0 && v < norm.nChain) {
    row = bd.entry[v]! * C;
    need = bd.write;
  } else if (v === INITIAL) {
    row = norm.key[x]! * C;
    need = bd.init;
  } else return offReadViolates(o, x, v);
  for (let c = 0; c < C; c++) if (clock[at + c]! >= need[row + c]!) return true;
  return false;
}

/** readViolates for a read of an indeterminate write v (few): per chain, its latest write and its reads of such writes. */
function offReadViolates(o: CausalOrder, x: number, v: number): boolean {
  const norm = o.norm;
  const C = norm.clients;
  const K = norm.keys.length;
  const at = o.scc[x]! * C;
  for (let c = 0, slot = norm.key[x]!; c < C; c++, slot += K) {
    const b = o.clock[at + c]!;
    if (b < 0) continue;
    const i = lastAtOrBefore(o.wl, o.wlStart[slot]!, o.wlStart[slot + 1]!, b);
    if (i >= o.wlStart[slot]! && coBefore(o, v, norm.chainStart[c]! + o.wl[i]!)) return true;
    const olo = o.orlStart[slot]!;
    const j = lastAtOrBefore(o.orlPos, olo, o.orlStart[slot + 1]!, b);
    if (j >= olo && (topsReachOff(o, o.orlTops[slot]!, (j - olo) * C, v) || reachedReadUpTo(o, c, b, v))) return true;
  }
  return false;
}

const FINE = 1;
const BAD = 2;

/**
 * Causal's verdict on each read of an acyclic order, judged on demand and kept: causal asks in node order and stops
 * at its first violating read; the session guarantees, which need to ask only the reads causal flags, ask the
 * reads their own walks reach. The bounds are built on the first question (inside a checker's budget).
 */
export class CausalScan {
  /** Per node: 0 not judged yet, FINE, or BAD. */
  private readonly state: Uint8Array;
  private bd: Bounds | undefined;
  /** Every node below `next` is judged and none of them violates. */
  private next = 0;
  private firstBad = -2;

  constructor(private readonly o: CausalOrder) {
    this.state = new Uint8Array(o.norm.n);
  }

  /** Whether causal's bad patterns catch reading node x (CyclicCO aside). */
  violates(x: number, ticker: Ticker): boolean {
    if (this.state[x] === 0) this.judge(x, ticker);
    return this.state[x] === BAD;
  }

  /** The first reading node in node order that causal's bad patterns catch, -1 when none does. */
  first(ticker: Ticker): number {
    if (this.firstBad !== -2) return this.firstBad;
    const n = this.o.norm.n;
    const state = this.state;
    for (let x = this.next; x < n; x++) {
      ticker.tick();
      if (state[x] === 0) this.judge(x, ticker);
      if (state[x] === BAD) return (this.firstBad = x);
      this.next = x + 1;
    }
    return (this.firstBad = -1);
  }

  private judge(x: number, ticker: Ticker): void {
    const kind = this.o.norm.kind[x]!;
    const reading = kind === READ || kind === CAS_READ || kind === INFO_CAS;
    this.bd ??= bounds(this.o, ticker);
    this.state[x] = reading && readViolates(this.o, this.bd, x) ? BAD : FINE;
  }
}
