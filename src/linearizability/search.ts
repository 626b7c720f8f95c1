// The search over one key: Wing & Gong's algorithm with Lowe's memo of visited configurations, in the shape
// Porcupine uses (a doubly linked list of call/return entries; linearizing an operation lifts its two entries out,
// backtracking puts them back). Values are interned to small integers so a configuration is a bitset of linearized
// operations plus one integer state, and the memo is an open-addressing hash table over typed arrays so the hot
// loop does not allocate. Everything the search holds is reserved in the budget before it is allocated, and the
// clock is read by the work done, not by the number of steps: a step costs more the more operations the key has.

import type { Account } from './budget.js';
import type { HistoryOperation, Value } from './history.js';
import { OpKind, opKind } from './model.js';
import { ValueTable, type AppendArgument } from './values.js';

/** Result of one slice of a key's search; `undefined` from `run` means "not finished yet". */
export interface SearchOutcome {
  verdict: 'linearizable' | 'not-linearizable';
  /** Index (in the history) of the operation that could never be linearized before it returned. */
  failing?: number;
  /** The states the search was in whenever it stood at that operation's return. */
  frontierStates: Value[];
  /** The last operations of one longest partial linearization reached, as history indices in order. */
  prefix: number[];
  /** How many operations that partial linearization placed. */
  prefixLength: number;
}

// The clock is read after about this much work, in steps of the cheapest kind (~20 ns): about every 0.3 ms.
const CLOCK_WORK = 0x3fff;
// A memo lookup compares or copies the whole bitset: a word costs about this fraction of a step.
const WORDS_PER_STEP = 16;
const MAX_FRONTIER_STATES = 16;
const PREFIX_KEPT = 6;
// Reserved per operation: the arrays the search keeps (PER_OP) and those only its construction needs (BUILD_PER_OP).
const PER_OP_BYTES = 72;
const BUILD_PER_OP_BYTES = 80;
// An append's remembered transition (a Map entry).
const TRANSITION_BYTES = 48;
const MEMO_START_BYTES = 1 << 16;

// Deterministic per-operation random words for Zobrist hashing of the linearized set: setting or clearing a bit
// updates the hash with one xor, so the memo never rehashes a whole bitset.
function zobristWords(n: number): Int32Array {
  const out = new Int32Array(n);
  let x = 0x9e3779b9 | 0;
  for (let i = 0; i < n; i++) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    out[i] = x;
  }
  return out;
}

function mixHash(setHash: number, state: number): number {
  let h = setHash ^ Math.imul(state + 0x632be5ab, 0x9e3779b1);
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h;
}

/** A set of (linearized bitset, state) configurations, reserved in the budget before each allocation. */
class Memo {
  private readonly stride: number;
  private pool: Uint32Array;
  private hashes: Int32Array;
  private table: Int32Array;
  private mask: number;
  private count = 0;
  /** Work in steps beyond the lookup itself (a growth's copy) since the search last took it. */
  debt = 0;

  constructor(
    private readonly words: number,
    private readonly account: Account,
  ) {
    this.stride = words + 1;
    // A few records to start with when a record is large: the first allocation is bounded too.
    let capacity = 1024;
    while (capacity > 2 && capacity * this.stride * 4 > MEMO_START_BYTES) capacity >>>= 1;
    this.take(Memo.bytes(capacity * this.stride, capacity, capacity * 2));
    this.pool = new Uint32Array(capacity * this.stride);
    this.hashes = new Int32Array(capacity);
    this.table = new Int32Array(capacity * 2);
    this.mask = this.table.length - 1;
  }

  private static bytes(pool: number, hashes: number, table: number): number {
    return (pool + hashes + table) * 4;
  }

  private take(bytes: number): void {
    this.account.take(bytes);
  }

  private give(bytes: number): void {
    this.account.give(bytes);
  }

  /** Adds the configuration; false when it was already present. */
  add(bits: Uint32Array, state: number, hash: number): boolean {
    const words = this.words;
    const stride = this.stride;
    const table = this.table;
    const pool = this.pool;
    const hashes = this.hashes;
    let slot = hash & this.mask;
    // Linear probing ends at an empty slot: the table is never more than half full.
    for (;;) {
      const r = table[slot] as number;
      if (r === 0) break;
      const rec = r - 1;
      if (hashes[rec] === hash) {
        const base = rec * stride;
        if (pool[base] === state) {
          let same = true;
          for (let w = 0; w < words; w++) {
            if (pool[base + 1 + w] !== bits[w]) {
              same = false;
              break;
            }
          }
          if (same) return false;
        }
      }
      slot = (slot + 1) & this.mask;
    }
    if (this.count === hashes.length) this.growPool();
    const rec = this.count++;
    const base = rec * stride;
    this.pool[base] = state;
    for (let w = 0; w < words; w++) this.pool[base + 1 + w] = bits[w] as number;
    this.hashes[rec] = hash;
    table[slot] = rec + 1;
    if (this.count * 2 > table.length) this.growTable();
    return true;
  }

  // Both grow by doubling: the new array is reserved first, and the old one given back once copied.
  private growPool(): void {
    const old = Memo.bytes(this.pool.length, this.hashes.length, 0);
    this.take(2 * old);
    const pool = new Uint32Array(this.pool.length * 2);
    pool.set(this.pool);
    this.pool = pool;
    const hashes = new Int32Array(this.hashes.length * 2);
    hashes.set(this.hashes);
    this.hashes = hashes;
    this.give(old);
    this.debt += old >>> 8;
  }

  private growTable(): void {
    const old = Memo.bytes(0, 0, this.table.length);
    this.take(2 * old);
    const table = new Int32Array(this.table.length * 2);
    const mask = table.length - 1;
    for (let rec = 0; rec < this.count; rec++) {
      let slot = (this.hashes[rec] as number) & mask;
      while (table[slot] !== 0) slot = (slot + 1) & mask;
      table[slot] = rec + 1;
    }
    this.table = table;
    this.mask = mask;
    this.give(old);
    this.debt += this.count >>> 2;
  }
}

/** Lifts entry `e` out of the list; `e` keeps its own links, so `relink` can put it back. */
function unlink(next: Int32Array, prev: Int32Array, e: number): void {
  const p = prev[e] as number;
  const q = next[e] as number;
  next[p] = q;
  if (q !== -1) prev[q] = p;
}

/** Puts back an entry `unlink` lifted out; entries go back in the reverse order they were lifted. */
function relink(next: Int32Array, prev: Int32Array, e: number): void {
  const p = prev[e] as number;
  const q = next[e] as number;
  next[p] = e;
  if (q !== -1) prev[q] = e;
}

/** Indices 0..n-1 by time, then index; the common case of times already in order costs one pass. */
function argsort(times: Float64Array): Int32Array {
  const order = new Int32Array(times.length);
  let inOrder = true;
  for (let i = 0; i < times.length; i++) {
    order[i] = i;
    if (i > 0 && (times[i] as number) < (times[i - 1] as number)) inOrder = false;
  }
  // Infinity - Infinity is NaN, which sort reads as equal; the index then decides.
  if (!inOrder) order.sort((x, y) => (times[x] as number) - (times[y] as number) || x - y);
  return order;
}

/**
 * Entries 1..2n in time order (0 is the head): calls are 0..n-1, returns n..2n-1. At equal times calls go first
 * (touching intervals overlap, the permissive reading for clocks of limited resolution), then lower entries. Calls
 * and returns are sorted apart and merged: histories come with their calls in order and their returns nearly so.
 */
function entryOrder(n: number, callTime: Float64Array, returnTime: Float64Array): Int32Array {
  const calls = argsort(callTime);
  const returns = argsort(returnTime);
  const order = new Int32Array(2 * n);
  let i = 0;
  let j = 0;
  for (let pos = 0; pos < 2 * n; pos++) {
    const c = calls[i] as number;
    const r = returns[j] as number;
    if (j >= n || (i < n && (callTime[c] as number) <= (returnTime[r] as number))) {
      order[pos] = c;
      i++;
    } else {
      order[pos] = n + r;
      j++;
    }
  }
  return order;
}

/**
 * The search over one key's operations. It runs in slices (`run`) so that the keys of a history can share the
 * budget fairly and the check can stop as soon as one key settles the verdict. What it holds is in its account.
 */
export class KeySearch {
  steps = 0;
  private readonly n: number;
  private readonly values: ValueTable;
  private readonly kind: Uint8Array;
  private readonly argA: Int32Array;
  private readonly argB: Int32Array;
  private readonly appendArgs: Array<AppendArgument | undefined>;
  private readonly appendMemo: Array<Map<number, number> | undefined>;
  private readonly entryOp: Int32Array;
  private readonly match: Int32Array;
  private readonly next: Int32Array;
  private readonly prev: Int32Array;
  private readonly bits: Uint32Array;
  private readonly zobrist: Int32Array;
  private readonly memo: Memo;
  private readonly stackEntry: Int32Array;
  private readonly stackState: Int32Array;
  private readonly lookupCost: number;
  private depth = 0;
  private setHash = 0;
  private state: number;
  private entry: number;
  private frontier = -1;
  private readonly frontierStates: number[] = [];
  private prefix: number[] = [];
  private prefixLength = 0;

  constructor(
    operations: readonly HistoryOperation[],
    private readonly checked: readonly number[],
    initialValue: Value,
    private readonly account: Account,
  ) {
    const n = checked.length;
    this.n = n;
    account.take((PER_OP_BYTES + BUILD_PER_OP_BYTES) * n);
    this.values = new ValueTable(account);
    this.state = this.values.intern(initialValue);
    this.kind = new Uint8Array(n);
    this.argA = new Int32Array(n);
    this.argB = new Int32Array(n);
    this.appendArgs = new Array<AppendArgument | undefined>(n);
    this.appendMemo = new Array<Map<number, number> | undefined>(n);
    const callTime = new Float64Array(n);
    const returnTime = new Float64Array(n);
    // Building takes about a microsecond per operation: the clock is read as it goes, not only once it is built.
    const budget = account.budget;
    for (let i = 0; i < n; i++) {
      if ((i & 0xffff) === 0xffff) budget.checkTime('building the search');
      const op = operations[checked[i] as number] as HistoryOperation;
      this.compile(i, op);
      callTime[i] = op.invoke;
      // An operation that may or may not have happened can take effect at any time after its call.
      returnTime[i] = op.type === 'ok' && op.complete !== null ? op.complete : Infinity;
    }
    budget.checkTime('building the search');
    const sorted = entryOrder(n, callTime, returnTime);
    budget.checkTime('building the search');
    const size = 2 * n + 1;
    this.entryOp = new Int32Array(size);
    this.match = new Int32Array(size); // call entry -> its return entry; 0 on return entries
    this.next = new Int32Array(size);
    this.prev = new Int32Array(size);
    this.link(sorted);
    this.entry = this.next[0] as number;
    account.give(BUILD_PER_OP_BYTES * n);

    const words = (n + 31) >>> 5;
    this.lookupCost = Math.floor(words / WORDS_PER_STEP);
    this.bits = new Uint32Array(words);
    this.zobrist = zobristWords(n);
    this.memo = new Memo(words, account);
    this.stackEntry = new Int32Array(n);
    this.stackState = new Int32Array(n);
  }

  private compile(i: number, op: HistoryOperation): void {
    const k = opKind(op);
    this.kind[i] = k;
    if (k === OpKind.CasOk || k === OpKind.CasFalse || k === OpKind.CasOpen) {
      const [from, to] = op.value as [Value, Value];
      this.argA[i] = this.values.intern(from);
      this.argB[i] = this.values.intern(to);
    } else {
      this.argA[i] = this.values.intern(op.value as Value);
      if (k === OpKind.Append) this.appendArgs[i] = this.values.appendArgument(op.value as Value);
    }
  }

  private link(sorted: Int32Array): void {
    const n = this.n;
    const callEntry = new Int32Array(n);
    const returnEntry = new Int32Array(n);
    sorted.forEach((raw, pos) => {
      const e = pos + 1;
      if (raw < n) {
        this.entryOp[e] = raw;
        callEntry[raw] = e;
      } else {
        this.entryOp[e] = raw - n;
        returnEntry[raw - n] = e;
      }
    });
    for (let i = 0; i < n; i++) this.match[callEntry[i] as number] = returnEntry[i] as number;
    const size = 2 * n + 1;
    for (let e = 0; e < size; e++) {
      this.next[e] = e + 1 < size ? e + 1 : -1;
      this.prev[e] = e - 1;
    }
  }

  // Appends create new values; each append remembers its transitions so each (state, append) concatenates once.
  private appendStep(state: number, op: number): number {
    let memo = this.appendMemo[op];
    if (memo === undefined) this.appendMemo[op] = memo = new Map<number, number>();
    let next = memo.get(state);
    if (next === undefined) {
      this.account.take(TRANSITION_BYTES);
      next = this.values.append(state, this.appendArgs[op] as AppendArgument);
      memo.set(state, next);
      this.memo.debt += 4 + this.values.debt;
      this.values.debt = 0;
    }
    return next;
  }

  /**
   * Runs at most `maxSteps` steps (one per entry visited) or until the deadline; returns the verdict, or undefined
   * when the slice ran out first (call again to continue). The clock is read by work, and once at the start.
   */
  run(maxSteps: number): SearchOutcome | undefined {
    if (this.n === 0) return { verdict: 'linearizable', frontierStates: [], prefix: [], prefixLength: 0 };
    // The hot loop works on locals; they are written back when the slice ends.
    const { entryOp, match, next, prev, bits, zobrist, memo, stackEntry, stackState, lookupCost } = this;
    const deadline = this.account.budget.deadline;
    let { depth, setHash, state, entry, steps } = this;
    const stepLimit = steps + maxSteps;
    let checkAt = steps + 1;
    let outcome: SearchOutcome | undefined;

    // Each iteration linearizes an operation, skips an entry or backtracks; the memo bounds the configurations
    // and the slice bounds the iterations. A memo lookup moves the next look at the clock closer by its cost.
    for (;;) {
      if (next[0] === -1) {
        outcome = { verdict: 'linearizable', frontierStates: [], prefix: [], prefixLength: 0 };
        break;
      }
      if (++steps >= checkAt) {
        if (steps >= stepLimit || performance.now() >= deadline) break;
        checkAt = Math.min(steps + CLOCK_WORK, stepLimit);
      }
      const ret = match[entry] as number;
      if (ret !== 0) {
        const op = entryOp[entry] as number;
        const ns = this.transition(op, state);
        if (ns >= 0) {
          const w = op >>> 5;
          const bit = 1 << (op & 31);
          bits[w] = (bits[w] as number) | bit;
          const newSetHash = setHash ^ (zobrist[op] as number);
          const added = memo.add(bits, ns, mixHash(newSetHash, ns));
          checkAt -= lookupCost;
          if (memo.debt !== 0) {
            checkAt -= memo.debt;
            memo.debt = 0;
          }
          if (added) {
            stackEntry[depth] = entry;
            stackState[depth] = state;
            depth++;
            state = ns;
            setHash = newSetHash;
            unlink(next, prev, entry);
            unlink(next, prev, ret);
            entry = next[0] as number;
            continue;
          }
          bits[w] = (bits[w] as number) & ~bit;
        }
        entry = next[entry] as number;
        continue;
      }
      // A return entry whose operation is still pending: nothing placed so far lets it in, so undo the last choice.
      if (entry >= this.frontier) this.recordFrontier(entry, state, depth);
      if (depth === 0) {
        outcome = this.failure();
        break;
      }
      depth--;
      entry = stackEntry[depth] as number;
      state = stackState[depth] as number;
      const op = entryOp[entry] as number;
      bits[op >>> 5] = (bits[op >>> 5] as number) & ~(1 << (op & 31));
      setHash ^= zobrist[op] as number;
      // The reverse of lifting: the return goes back first, then the call.
      relink(next, prev, match[entry] as number);
      relink(next, prev, entry);
      entry = next[entry] as number;
    }
    this.depth = depth;
    this.setHash = setHash;
    this.state = state;
    this.entry = entry;
    this.steps = steps;
    return outcome;
  }

  /** The state after linearizing `op` in `state`, or -1 when `op` cannot take effect there. */
  private transition(op: number, state: number): number {
    switch (this.kind[op]) {
      case OpKind.Read:
        return state === this.argA[op] ? state : -1;
      case OpKind.Write:
        return this.argA[op] as number;
      case OpKind.CasOk:
        return state === this.argA[op] ? (this.argB[op] as number) : -1;
      case OpKind.CasFalse:
        return state !== this.argA[op] ? state : -1;
      case OpKind.CasOpen:
        return state === this.argA[op] ? (this.argB[op] as number) : state;
      default:
        return this.appendStep(state, op);
    }
  }

  /** The verdict once backtracking has nothing left to undo: the frontier's operation can never be placed. */
  private failure(): SearchOutcome {
    return {
      verdict: 'not-linearizable',
      failing: this.checked[this.entryOp[this.frontier] as number] as number,
      frontierStates: this.frontierStates.map((s) => this.values.values[s] as Value),
      prefix: this.prefix,
      prefixLength: this.prefixLength,
    };
  }

  // Only the end of the partial order is kept (what the witness shows), so a new frontier costs the same at any depth.
  private recordFrontier(entry: number, state: number, depth: number): void {
    if (entry > this.frontier) {
      this.frontier = entry;
      this.frontierStates.length = 0;
      this.prefixLength = depth;
      const from = Math.max(0, depth - PREFIX_KEPT);
      this.prefix = Array.from(this.stackEntry.subarray(from, depth), (e) => this.checked[this.entryOp[e] as number] as number);
    }
    if (this.frontierStates.length < MAX_FRONTIER_STATES && !this.frontierStates.includes(state)) this.frontierStates.push(state);
  }
}
