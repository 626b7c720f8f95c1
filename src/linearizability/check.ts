// The linearizability search: Wing & Gong's algorithm with Lowe's memo of visited configurations, in the shape
// Porcupine uses (a doubly linked list of call/return entries; linearizing an operation lifts its two entries out,
// backtracking puts them back). Histories are split per key first (P-compositionality: a history is linearizable
// iff each key's sub-history is), values are interned to small integers so a configuration is a bitset of
// linearized operations plus one integer state, and the memo is an open-addressing hash table over typed arrays
// so the hot loop does not allocate.

import { inferModel, HistoryError, type History, type HistoryOperation, type ModelName, type Value } from './history.js';
import { OpKind, appendValue, isIgnored, opKind, unsupportedOperation } from './model.js';
import { buildWitness, type Witness } from './witness.js';
import { checkUnique, qualifies } from './unique.js';

export type Verdict = 'linearizable' | 'not-linearizable' | 'unknown';

export interface CheckOptions {
  /** Overrides the history's `model`; when neither says, the model is inferred from the functions used. */
  model?: ModelName;
  /** Overrides the history's `initialValue` (default null). */
  initialValue?: Value;
  /** Wall-clock budget for the whole check; past it the unfinished keys are `unknown`. Default 60 000. */
  timeoutMs?: number;
  /** Budget of search steps for the whole check (a deterministic alternative to the time budget). */
  maxSteps?: number;
  /**
   * Keep checking the other keys after one is found not linearizable (default false: the verdict is settled, so
   * the keys still being searched are reported `unknown` with reason `stopped`).
   */
  checkAllKeys?: boolean;
  /**
   * auto (default): keys whose written values are all unique are decided without search (unique.ts), the rest by
   * search; search or unique force one (unique on a key that does not qualify falls back to search).
   */
  algorithm?: 'auto' | 'search' | 'unique';
  /** Memory the search's memo may take, in bytes; past it the key is `unknown` (reason `memory`). Default 1 GiB. */
  maxMemoryBytes?: number;
}

export const DEFAULT_MAX_MEMORY_BYTES = 1024 * 1024 * 1024;

export interface OperationCounts {
  /** All operations on the key. */
  total: number;
  /** Operations the search had to place (completed ones and open writes/cas). */
  checked: number;
  /** Completed operations (`ok`). */
  ok: number;
  /** `fail` operations: they did not happen, so they are left out. */
  failed: number;
  /** `info` writes/cas: they may have happened; they stay open to the end of the history. */
  open: number;
  /** `info` reads: their result is unknown, so they are left out. */
  unknownReads: number;
}

export interface KeyResult {
  key: string;
  verdict: Verdict;
  operations: OperationCounts;
  /** Search steps spent on the key (one per entry visited). */
  steps: number;
  elapsedMs: number;
  /** Why the verdict is `unknown`: out of time, out of steps, out of memory, or not needed once another key failed. */
  reason?: 'timeout' | 'step-budget' | 'stopped' | 'memory';
  witness?: Witness;
  /** What decided: the search, or the unique-value zones (no search). */
  algorithm: 'search' | 'unique-values';
}

export interface CheckResult {
  verdict: Verdict;
  model: ModelName;
  initialValue: Value;
  keys: KeyResult[];
  steps: number;
  elapsedMs: number;
}

const DEFAULT_TIMEOUT_MS = 60_000;
// How many loop iterations run between two looks at the clock: often enough to stop within a millisecond or so,
// rarely enough that the clock costs nothing.
const CLOCK_INTERVAL = 0x3fff;
const MAX_FRONTIER_STATES = 16;
const FIRST_SLICE = 1 << 15;
const MAX_SLICE = 1 << 24;

/** Checks a history; synchronous, bounded by the time and step budgets. */
export function checkHistory(history: History, options: CheckOptions = {}): CheckResult {
  const started = performance.now();
  const model = options.model ?? history.model ?? inferModel(history.operations);
  const problem = unsupportedOperation(model, history.operations);
  if (problem !== undefined) throw new HistoryError(problem);
  const initialValue = options.initialValue !== undefined ? options.initialValue : (history.initialValue ?? null);
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const run: CheckRun = {
    operations: history.operations,
    model,
    initialValue,
    deadline: Number.isFinite(timeoutMs) && timeoutMs > 0 ? started + timeoutMs : Infinity,
    stepsLeft: options.maxSteps !== undefined && options.maxSteps > 0 ? options.maxSteps : Infinity,
    stopAtFirstFailure: options.checkAllKeys !== true,
    maxMemory: options.maxMemoryBytes ?? DEFAULT_MAX_MEMORY_BYTES,
    failed: false,
    stopReason: undefined,
  };
  const all = keyTasks(history.operations);
  const algorithm = options.algorithm ?? 'auto';
  const pending = algorithm !== 'search' && model !== 'cas-register' ? decideUniqueKeys(run, all) : all;
  searchKeys(run, pending);

  const keys = all.map((p) => p.result);
  let verdict: Verdict = 'linearizable';
  if (run.failed) verdict = 'not-linearizable';
  else if (keys.some((k) => k.verdict === 'unknown')) verdict = 'unknown';
  const steps = keys.reduce((sum, k) => sum + k.steps, 0);
  return { verdict, model, initialValue, keys, steps, elapsedMs: performance.now() - started };
}

/** What the keys of one check share: the history, the budgets, and whether the verdict is already settled. */
interface CheckRun {
  readonly operations: readonly HistoryOperation[];
  readonly model: ModelName;
  readonly initialValue: Value;
  readonly deadline: number;
  stepsLeft: number;
  readonly stopAtFirstFailure: boolean;
  readonly maxMemory: number;
  failed: boolean;
  stopReason: KeyResult['reason'];
}

/** One key on its way to a verdict; `search` lives only while the key is being searched. */
interface KeyTask {
  result: KeyResult;
  checked: number[];
  search: KeySearch | undefined;
}

/** The history split per key, in key order; every key starts `unknown`. */
function keyTasks(operations: readonly HistoryOperation[]): KeyTask[] {
  const byKey = new Map<string, number[]>();
  operations.forEach((op, i) => {
    const key = op.key ?? '';
    let list = byKey.get(key);
    if (list === undefined) byKey.set(key, (list = []));
    list.push(i);
  });
  return [...byKey.keys()].sort().map((key) => {
    const indices = byKey.get(key) as number[];
    const checked = indices.filter((i) => !isIgnored(operations[i] as HistoryOperation));
    const result: KeyResult = {
      key,
      verdict: 'unknown',
      operations: countOperations(operations, indices),
      steps: 0,
      elapsedMs: 0,
      algorithm: 'search',
    };
    return { result, checked, search: undefined };
  });
}

/**
 * Decides the keys whose written values are unique without search, in O(n log n); returns the keys left for the
 * search (all those after the verdict is settled, too).
 */
function decideUniqueKeys(run: CheckRun, all: KeyTask[]): KeyTask[] {
  const pending: KeyTask[] = [];
  for (const p of all) {
    if (run.stopReason !== undefined || !qualifies(run.operations, p.checked, run.initialValue)) {
      pending.push(p);
      continue;
    }
    const t0 = performance.now();
    const u = checkUnique(run.operations, p.checked, run.initialValue);
    p.result.verdict = u.verdict;
    p.result.algorithm = 'unique-values';
    p.result.elapsedMs = performance.now() - t0;
    if (u.witness) {
      p.result.witness = { key: p.result.key, ...u.witness };
      run.failed = true;
      if (run.stopAtFirstFailure) run.stopReason = 'stopped';
    }
  }
  return pending;
}

/**
 * Searches the keys in rounds until each has a verdict or the budget ends; the keys left over get the reason.
 * Keys share the budget in slices that double each round, the way parallel searches would: a key that fails
 * quickly settles the verdict without waiting for a hard key to finish, and slicing costs at most a factor of
 * two over running each key alone.
 */
function searchKeys(run: CheckRun, keys: KeyTask[]): void {
  let pending = keys;
  let slice = FIRST_SLICE;
  while (pending.length > 0 && run.stopReason === undefined) {
    const still: KeyTask[] = [];
    for (const p of pending) {
      if (run.stopReason !== undefined || searchSlice(run, p, slice)) still.push(p);
    }
    pending = still;
    slice = Math.min(slice * 2, MAX_SLICE);
  }
  for (const p of pending) p.result.reason = run.stopReason ?? 'timeout';
}

/** Runs one slice of a key's search; true when the key is still undecided and wants another turn. */
function searchSlice(run: CheckRun, p: KeyTask, slice: number): boolean {
  const t0 = performance.now();
  if (p.search === undefined) p.search = new KeySearch(run.operations, p.checked, run.initialValue, run.maxMemory);
  const before = p.search.steps;
  let outcome: SearchOutcome | undefined;
  try {
    outcome = p.search.run(Math.min(slice, run.stepsLeft), run.deadline);
  } catch (error) {
    if (!(error instanceof MemoryCap)) throw error;
    // This key alone is given up; the memo goes, and the other keys still get their turn.
    p.search = undefined;
    p.result.reason = 'memory';
    p.result.elapsedMs += performance.now() - t0;
    return false;
  }
  run.stepsLeft -= p.search.steps - before;
  p.result.steps = p.search.steps;
  p.result.elapsedMs += performance.now() - t0;
  if (outcome === undefined) {
    if (performance.now() >= run.deadline) run.stopReason = 'timeout';
    else if (run.stepsLeft <= 0) run.stopReason = 'step-budget';
    return true;
  }
  p.result.verdict = outcome.verdict;
  p.search = undefined; // releases the memo
  if (outcome.verdict === 'not-linearizable' && outcome.failing !== undefined) {
    run.failed = true;
    p.result.witness = buildWitness({
      model: run.model,
      key: p.result.key,
      operations: run.operations,
      checked: p.checked,
      failing: outcome.failing,
      states: outcome.frontierStates,
      prefix: outcome.prefix,
    });
    if (run.stopAtFirstFailure) run.stopReason = 'stopped';
  }
  return false;
}

function countOperations(operations: readonly HistoryOperation[], indices: readonly number[]): OperationCounts {
  const counts: OperationCounts = { total: indices.length, checked: 0, ok: 0, failed: 0, open: 0, unknownReads: 0 };
  for (const i of indices) {
    const op = operations[i] as HistoryOperation;
    if (op.type === 'ok') counts.ok++;
    else if (op.type === 'fail') counts.failed++;
    else if (isIgnored(op)) counts.unknownReads++;
    else counts.open++;
    if (!isIgnored(op)) counts.checked++;
  }
  return counts;
}

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

/** Thrown when the memo would grow past its memory cap. */
class MemoryCap extends Error {}

/** A set of (linearized bitset, state) configurations. */
class Memo {
  private readonly stride: number;
  private pool: Uint32Array;
  private hashes: Int32Array;
  private table: Int32Array;
  private mask: number;
  private count = 0;

  constructor(
    private readonly words: number,
    private readonly maxBytes: number = DEFAULT_MAX_MEMORY_BYTES,
  ) {
    this.stride = words + 1;
    const capacity = 1024;
    this.pool = new Uint32Array(capacity * this.stride);
    this.hashes = new Int32Array(capacity);
    this.table = new Int32Array(capacity * 2);
    this.mask = this.table.length - 1;
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

  /** Bytes the memo would hold with its pool and table grown as asked. */
  private bytesWith(pool: number, table: number): number {
    return pool * 4 + (pool / this.stride) * 4 + table * 4;
  }

  private growPool(): void {
    if (this.bytesWith(this.pool.length * 2, this.table.length) > this.maxBytes) throw new MemoryCap();
    const pool = new Uint32Array(this.pool.length * 2);
    pool.set(this.pool);
    this.pool = pool;
    const hashes = new Int32Array(this.hashes.length * 2);
    hashes.set(this.hashes);
    this.hashes = hashes;
  }

  private growTable(): void {
    if (this.bytesWith(this.pool.length, this.table.length * 2) > this.maxBytes) throw new MemoryCap();
    const table = new Int32Array(this.table.length * 2);
    const mask = table.length - 1;
    for (let rec = 0; rec < this.count; rec++) {
      let slot = (this.hashes[rec] as number) & mask;
      while (table[slot] !== 0) slot = (slot + 1) & mask;
      table[slot] = rec + 1;
    }
    this.table = table;
    this.mask = mask;
  }
}

/** Result of one slice of a key's search; `undefined` from `run` means "not finished yet". */
interface SearchOutcome {
  verdict: 'linearizable' | 'not-linearizable';
  /** Index (in the history) of the operation that could never be linearized before it returned. */
  failing?: number;
  /** The states the search was in whenever it stood at that operation's return. */
  frontierStates: Value[];
  /** One longest partial linearization reached, as history indices in order. */
  prefix: number[];
}

/**
 * The search over one key's operations. It runs in slices (`run`) so that the keys of a history can share the
 * budget fairly and the check can stop as soon as one key settles the verdict.
 */
class KeySearch {
  steps = 0;
  private readonly n: number;
  private readonly values: Value[] = [];
  private readonly ids = new Map<Value, number>();
  private readonly kind: Uint8Array;
  private readonly argA: Int32Array;
  private readonly argB: Int32Array;
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
  private depth = 0;
  private setHash = 0;
  private state: number;
  private entry: number;
  private frontier = -1;
  private readonly frontierStates: number[] = [];
  private prefix: number[] = [];

  constructor(
    operations: readonly HistoryOperation[],
    private readonly checked: readonly number[],
    initialValue: Value,
    maxMemoryBytes: number = DEFAULT_MAX_MEMORY_BYTES,
  ) {
    const n = checked.length;
    this.n = n;
    this.state = this.intern(initialValue);
    this.kind = new Uint8Array(n);
    this.argA = new Int32Array(n);
    this.argB = new Int32Array(n);
    this.appendMemo = new Array<Map<number, number> | undefined>(n);
    const callTime = new Float64Array(n);
    const returnTime = new Float64Array(n);
    for (let i = 0; i < n; i++) {
      const op = operations[checked[i] as number] as HistoryOperation;
      const k = opKind(op);
      this.kind[i] = k;
      if (k === OpKind.CasOk || k === OpKind.CasFalse || k === OpKind.CasOpen) {
        const [from, to] = op.value as [Value, Value];
        this.argA[i] = this.intern(from);
        this.argB[i] = this.intern(to);
      } else {
        this.argA[i] = this.intern(op.value as Value);
      }
      callTime[i] = op.invoke;
      // An operation that may or may not have happened can take effect at any time after its call.
      returnTime[i] = op.type === 'ok' && op.complete !== null ? op.complete : Infinity;
    }

    // Entries 1..2n in time order (0 is the head). At equal times calls go first: touching intervals overlap,
    // the permissive reading for clocks of limited resolution.
    const entryTime = (e: number): number => (e < n ? (callTime[e] as number) : (returnTime[e - n] as number));
    const sorted = Array.from({ length: 2 * n }, (_, i) => i).sort((x, y) => {
      const tx = entryTime(x);
      const ty = entryTime(y);
      if (tx !== ty) return tx < ty ? -1 : 1;
      return (x < n ? 0 : 1) - (y < n ? 0 : 1) || x - y;
    });
    const size = 2 * n + 1;
    this.entryOp = new Int32Array(size);
    this.match = new Int32Array(size); // call entry -> its return entry; 0 on return entries
    this.next = new Int32Array(size);
    this.prev = new Int32Array(size);
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
    for (let e = 0; e < size; e++) {
      this.next[e] = e + 1 < size ? e + 1 : -1;
      this.prev[e] = e - 1;
    }
    this.entry = this.next[0] as number;

    const words = (n + 31) >>> 5;
    this.bits = new Uint32Array(words);
    this.zobrist = zobristWords(n);
    this.memo = new Memo(words, maxMemoryBytes);
    this.stackEntry = new Int32Array(n);
    this.stackState = new Int32Array(n);
  }

  private intern(v: Value): number {
    let id = this.ids.get(v);
    if (id === undefined) {
      id = this.values.length;
      this.values.push(v);
      this.ids.set(v, id);
    }
    return id;
  }

  // Appends create new values; each append remembers its transitions so each (state, append) concatenates once.
  private appendStep(state: number, op: number): number {
    let memo = this.appendMemo[op];
    if (memo === undefined) this.appendMemo[op] = memo = new Map<number, number>();
    let next = memo.get(state);
    if (next === undefined) {
      next = this.intern(appendValue(this.values[state] as Value, this.values[this.argA[op] as number] as Value));
      memo.set(state, next);
    }
    return next;
  }

  /**
   * Runs at most `maxSteps` steps (one per entry visited) or until `deadline`; returns the verdict, or undefined
   * when the slice ran out first (call again to continue).
   */
  run(maxSteps: number, deadline: number): SearchOutcome | undefined {
    if (this.n === 0) return { verdict: 'linearizable', frontierStates: [], prefix: [] };
    // The hot loop works on locals; they are written back when the slice ends.
    const { entryOp, match, next, prev, bits, zobrist, memo, stackEntry, stackState } = this;
    let { depth, setHash, state, entry, steps } = this;
    const stepLimit = steps + maxSteps;
    let checkAt = Math.min(steps + CLOCK_INTERVAL, stepLimit);
    let outcome: SearchOutcome | undefined;

    // Each iteration linearizes an operation, skips an entry or backtracks; the memo bounds the configurations
    // and the slice bounds the iterations.
    for (;;) {
      if (next[0] === -1) {
        outcome = { verdict: 'linearizable', frontierStates: [], prefix: [] };
        break;
      }
      if (++steps >= checkAt) {
        if (steps >= stepLimit || performance.now() >= deadline) break;
        checkAt = Math.min(steps + CLOCK_INTERVAL, stepLimit);
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
          if (memo.add(bits, ns, mixHash(newSetHash, ns))) {
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
      frontierStates: this.frontierStates.map((s) => this.values[s] as Value),
      prefix: this.prefix,
    };
  }

  private recordFrontier(entry: number, state: number, depth: number): void {
    if (entry > this.frontier) {
      this.frontier = entry;
      this.frontierStates.length = 0;
      this.prefix = Array.from(this.stackEntry.subarray(0, depth), (e) => this.checked[this.entryOp[e] as number] as number);
    }
    if (this.frontierStates.length < MAX_FRONTIER_STATES && !this.frontierStates.includes(state)) this.frontierStates.push(state);
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
