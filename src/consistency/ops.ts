// The history as the session and causal checkers read it (docs/consistency.md, "The history the checkers read"):
// one node per read or write that took effect, grouped in chains (one per client), with read-from resolved by
// unique values. Everything lives in typed arrays indexed by node, so a million operations cost a few dozen
// megabytes and the checkers' loops touch no per-operation objects.
//
// Node ids: the events of `ok` operations come first, client by client in session order, so a client's chain is
// the id range [chainStart[c], chainStart[c+1]) and an event's position is its offset in it. An `ok` compare-and-set
// is two consecutive events (its read, then its write). Indeterminate writes and compare-and-sets that some read
// proved applied come after all chains (ids >= nChain): they are on no chain because they precede nothing in
// session order; an indeterminate compare-and-set is one node, a write that also reads its expected value.
import { Budget, DEFAULT_MAX_MEMORY_BYTES, ValueTable, type History, type HistoryOperation, type Value } from '../linearizability/index.js';
import type { CheckerOptions } from './verdict.js';

export const K_READ = 0;
export const K_WRITE = 1;
/** The read half of an `ok` compare-and-set (the write half is the next node). */
export const K_CAS_READ = 2;
export const K_CAS_WRITE = 3;
/** An indeterminate write that some read returned. */
export const K_INFO_WRITE = 4;
/** An indeterminate compare-and-set that some read proved applied: it read its expected value and wrote its new one. */
export const K_INFO_CAS = 5;

/** rf of a read that returned the initial state. */
export const INIT = -1;
/** rf of a read whose value no write of its key wrote (or only a refused one). */
export const THIN_AIR = -2;
/** rf of a node that reads nothing (a write). */
export const NO_READ = -3;

export const DEFAULT_BUDGET_MS = 60_000;

export function isReading(kind: number): boolean {
  return kind === K_READ || kind === K_CAS_READ || kind === K_INFO_CAS;
}

export function isWriting(kind: number): boolean {
  return kind === K_WRITE || kind === K_CAS_WRITE || kind === K_INFO_WRITE || kind === K_INFO_CAS;
}

/** The history cannot be checked by these checkers at all (not a budget): the verdict is `unknown` with this reason. */
export class NotCheckable extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'NotCheckable';
  }
}

/** A budget's clock looked at once every few thousand steps, so hot loops pay one increment per step. */
export class Ticker {
  private count = 0;
  constructor(
    readonly budget: Budget,
    private readonly doing: string,
  ) {}

  tick(): void {
    if ((++this.count & 4095) === 0) this.budget.checkTime(this.doing);
  }

  /** The same budget, another activity named in the timeout message. */
  as(doing: string): Ticker {
    return new Ticker(this.budget, doing);
  }
}

export function budgetOf(opts: CheckerOptions, start: number): Budget {
  return new Budget({
    timeoutMs: opts.budgetMs ?? DEFAULT_BUDGET_MS,
    maxMemoryBytes: opts.maxMemoryBytes ?? DEFAULT_MAX_MEMORY_BYTES,
    start,
  });
}

export interface Normalised {
  readonly history: History;
  readonly initialValue: Value;
  /** All nodes; ids below nChain are chain events. */
  readonly n: number;
  readonly nChain: number;
  readonly clients: number;
  readonly clientNames: readonly (number | string)[];
  readonly keys: readonly string[];
  /** Index into history.operations. */
  readonly op: Int32Array;
  readonly kind: Uint8Array;
  readonly key: Int32Array;
  readonly client: Int32Array;
  /** Chain events: position in the chain. Others: position of the client's last chain event before it (-1: none). */
  readonly pos: Int32Array;
  /** Reading nodes: the node read from, INIT or THIN_AIR; others NO_READ. */
  readonly rf: Int32Array;
  /** Client c's chain is [chainStart[c], chainStart[c+1]). */
  readonly chainStart: Int32Array;
  /** Client c's off-chain nodes are nChain + [offStart[c], offStart[c+1]), by ascending pos. */
  readonly offStart: Int32Array;
  /** The first thin-air read (-1: none) and, when only a refused write wrote its value, that write's operation. */
  readonly thinAir: number;
  readonly refusedOp: number;
  /** What the sequential checker can reuse rather than number the history's keys and values again. */
  readonly values: SharedValues;
}

/**
 * Per operation of the history: its key and, for a reading operation, the write whose value it read; per key, the
 * (unique) writer of each written value. The ladder hands these to the sequential checker so that it tells values
 * apart by their writer instead of building a value map of its own per key.
 */
export interface SharedValues {
  readonly keys: readonly string[];
  readonly keyOf: Int32Array;
  /** Reading operation that took effect: the operation that wrote what it read, -1 when none did (else unset). */
  readonly readFrom: Int32Array;
  readonly writers: ValueTable;
  /** Per operation: its R_ role (R_DROP: none) and invocation time. */
  readonly role: Uint8Array;
  readonly invoke: Float64Array;
  /** Per operation that took effect: its client's number (in clientNames, by first appearance); -1 for the others. */
  readonly clientId: Int32Array;
  readonly clientIds: ReadonlyMap<number | string, number>;
  readonly clientNames: readonly (number | string)[];
}

/** What each operation is to the checkers, decided in a first pass. */
export const R_DROP = 0;
export const R_READ = 1;
export const R_WRITE = 2;
export const R_CAS = 3;
export const R_INFO_WRITE = 4;
export const R_INFO_CAS = 5;

interface Classified {
  readonly role: Uint8Array;
  readonly invoke: Float64Array;
  readonly keyOf: Int32Array;
  readonly keys: string[];
  /** Per key: value -> operation index of the (only) write that may have written it. */
  readonly writers: ValueTable;
  readonly refused: Map<Value, number>[];
  /** Per reading operation (once `applied` ran): the operation that wrote what it read, -1 when none did. */
  readonly readFrom: Int32Array;
}

function casPair(op: HistoryOperation): [Value, Value] {
  return op.value as [Value, Value];
}

/** The value an operation writes (its new value for a compare-and-set). */
function written(op: HistoryOperation): Value {
  return op.f === 'cas' ? casPair(op)[1] : (op.value as Value);
}

/** The value an operation read (its expected value for a compare-and-set). */
export function readValue(op: HistoryOperation): Value {
  return op.f === 'cas' ? casPair(op)[0] : (op.value as Value);
}

function roleOf(op: HistoryOperation): number {
  switch (op.f) {
    case 'read':
    case 'get':
      return op.type === 'ok' ? R_READ : R_DROP;
    case 'write':
    case 'put':
      return op.type === 'ok' ? R_WRITE : op.type === 'info' ? R_INFO_WRITE : R_DROP;
    case 'cas':
      if (op.type === 'ok') return op.succeeded === false ? R_DROP : R_CAS;
      return op.type === 'info' ? R_INFO_CAS : R_DROP;
    default:
      throw new NotCheckable(
        `the history has ${op.f} operations; these checkers read registers (read, write, compare-and-set) with unique values`,
      );
  }
}

function show(v: unknown): string {
  const s = JSON.stringify(v) ?? String(v);
  return s.length > 60 ? `${s.slice(0, 60)}…` : s;
}

function classify(history: History, initialValue: Value, ticker: Ticker): Classified {
  const ops = history.operations;
  const role = new Uint8Array(ops.length);
  const invoke = new Float64Array(ops.length);
  const keyOf = new Int32Array(ops.length);
  const keyIds = new Map<string, number>();
  const keys: string[] = [];
  // At most one writer per operation.
  const writers = new ValueTable(
    ops.length,
    (w) => written(ops[w]!),
    (w) => keyOf[w]!,
  );
  const refused: Map<Value, number>[] = [];
  for (let i = 0; i < ops.length; i++) {
    ticker.tick();
    const op = ops[i]!;
    const name = op.key ?? '';
    let k = keyIds.get(name);
    if (k === undefined) {
      keyIds.set(name, (k = keys.length));
      keys.push(name);
      refused.push(new Map());
    }
    keyOf[i] = k;
    invoke[i] = op.invoke;
    const r = roleOf(op);
    role[i] = r;
    const writes = op.f !== 'read' && op.f !== 'get';
    if (writes && op.type === 'fail') refused[k]!.set(written(op), i);
    if (r >= R_WRITE) addWriter(writers, k, ops, i, name, initialValue);
  }
  return { role, invoke, keyOf, keys, writers, refused, readFrom: new Int32Array(ops.length).fill(-1) };
}

function addWriter(writers: ValueTable, k: number, ops: readonly HistoryOperation[], i: number, key: string, initialValue: Value): void {
  const v = written(ops[i]!);
  // One lookup in the common case: a new value is added.
  if (writers.add(k, v, i) && v !== initialValue) return;
  if (v === initialValue) {
    throw new NotCheckable(
      `operation ${i} writes ${show(v)} to key ${show(key)}, the initial value, so a read of it does not tell whether it read the write`,
    );
  }
  const first = ops.findIndex((op, j) => j < i && (op.key ?? '') === key && roleOf(op) >= R_WRITE && written(op) === v);
  throw new NotCheckable(
    `written values are not unique: ${show(v)} is written to key ${show(key)} by operations ${first} and ${i}, so a read of it ` +
      'does not tell which write it read',
  );
}

/**
 * Which operations took effect: every `ok` one, and every indeterminate write some read proved applied (a read of
 * an applied indeterminate compare-and-set's expected value proves its writer applied too, hence the work list).
 */
function applied(history: History, c: Classified, ticker: Ticker): Uint8Array {
  const ops = history.operations;
  const keep = new Uint8Array(ops.length);
  const work: number[] = [];
  const mark = (i: number, k: number, v: Value): void => {
    const w = c.writers.get(k, v);
    c.readFrom[i] = w;
    if (w < 0 || keep[w] === 1) return;
    keep[w] = 1;
    if (c.role[w] === R_INFO_CAS) work.push(w);
  };
  for (let i = 0; i < ops.length; i++) {
    ticker.tick();
    const r = c.role[i]!;
    if (r === R_READ || r === R_WRITE || r === R_CAS) keep[i] = 1;
    if (r === R_READ || r === R_CAS) mark(i, c.keyOf[i]!, readValue(ops[i]!));
  }
  while (work.length > 0) {
    ticker.tick();
    const w = work.pop()!;
    mark(w, c.keyOf[w]!, readValue(ops[w]!));
  }
  return keep;
}

interface Sessions {
  readonly names: (number | string)[];
  readonly ids: Map<number | string, number>;
  readonly clientId: Int32Array;
  /** Per client: its kept operations in session order (by invocation, then by index). */
  readonly lists: Int32Array[];
}

function sessions(history: History, keep: Uint8Array, invoke: Float64Array, opts: CheckerOptions, ticker: Ticker): Sessions {
  const ops = history.operations;
  const clientOf = opts.clientOf ?? ((op: HistoryOperation) => op.process);
  const ids = new Map<number | string, number>();
  const names: (number | string)[] = [];
  const clientId = new Int32Array(ops.length).fill(-1);
  // Counted, then filled into one typed array: a million operations in per-client arrays that grow by pushes are
  // garbage the old generation collects in a full collection, with the whole history live.
  const counts: number[] = [];
  for (let i = 0; i < ops.length; i++) {
    ticker.tick();
    if (keep[i] !== 1) continue;
    const name = clientOf(ops[i]!);
    let c = ids.get(name);
    if (c === undefined) {
      ids.set(name, (c = names.length));
      names.push(name);
      counts.push(0);
    }
    counts[c]!++;
    clientId[i] = c;
  }
  const all = new Int32Array(counts.reduce((a, b) => a + b, 0));
  const lists: Int32Array[] = [];
  for (let c = 0, at = 0; c < counts.length; at += counts[c++]!) lists.push(all.subarray(at, at + counts[c]!));
  const fill = new Int32Array(counts.length);
  for (let i = 0; i < ops.length; i++) if (clientId[i]! >= 0) lists[clientId[i]!]![fill[clientId[i]!]!++] = i;
  for (const list of lists) inSessionOrder(list, invoke);
  return { names, ids, clientId, lists };
}

/** Sorts a client's operations (in history order) by invocation, stably; most clients' come in that order already. */
function inSessionOrder(list: Int32Array, invoke: Float64Array): void {
  let sorted = true;
  for (let j = 1; j < list.length && sorted; j++) sorted = invoke[list[j - 1]!]! <= invoke[list[j]!]!;
  if (sorted) return;
  // Array sort is stable: operations invoked at the same instant keep the history's order.
  list.set(Array.from(list).sort((a, b) => invoke[a]! - invoke[b]!));
}

/** Bytes the normalised form takes per operation (typed arrays and maps), on the high side. */
export const NORMALISED_BYTES_PER_OP = 200;

/**
 * The checkers' form of a history. Throws NotCheckable (values not unique, append operations) or BudgetExceeded.
 */
export function normalise(history: History, opts: CheckerOptions, ticker: Ticker): Normalised {
  ticker.budget.reserve(history.operations.length * NORMALISED_BYTES_PER_OP, 'the history in the checkers’ form');
  const initialValue = history.initialValue ?? null;
  const c = classify(history, initialValue, ticker);
  const keep = applied(history, c, ticker);
  const s = sessions(history, keep, c.invoke, opts, ticker);
  return build(history, initialValue, c, s, ticker);
}

function build(history: History, initialValue: Value, c: Classified, s: Sessions, ticker: Ticker): Normalised {
  const C = s.lists.length;
  const chainStart = new Int32Array(C + 1);
  const offStart = new Int32Array(C + 1);
  for (let cl = 0; cl < C; cl++) {
    let chain = 0;
    let off = 0;
    for (const i of s.lists[cl]!) {
      const r = c.role[i]!;
      if (r === R_CAS) chain += 2;
      else if (r === R_INFO_WRITE || r === R_INFO_CAS) off++;
      else chain++;
    }
    chainStart[cl + 1] = chainStart[cl]! + chain;
    offStart[cl + 1] = offStart[cl]! + off;
  }
  const nChain = chainStart[C]!;
  const n = nChain + offStart[C]!;
  const norm = {
    history,
    initialValue,
    n,
    nChain,
    clients: C,
    clientNames: s.names,
    keys: c.keys,
    op: new Int32Array(n),
    kind: new Uint8Array(n),
    key: new Int32Array(n),
    client: new Int32Array(n),
    pos: new Int32Array(n),
    rf: new Int32Array(n).fill(NO_READ),
    chainStart,
    offStart,
    thinAir: -1,
    refusedOp: -1,
    values: {
      keys: c.keys,
      keyOf: c.keyOf,
      readFrom: c.readFrom,
      writers: c.writers,
      role: c.role,
      invoke: c.invoke,
      clientId: s.clientId,
      clientIds: s.ids,
      clientNames: s.names,
    },
  };
  const writeNode = new Int32Array(history.operations.length).fill(-1);
  for (let cl = 0; cl < C; cl++) fillClient(norm, c, s.lists[cl]!, cl, writeNode, ticker);
  return resolveReads(norm, c, writeNode, ticker);
}

type Mutable<T> = { -readonly [P in keyof T]: T[P] };

function fillClient(norm: Mutable<Normalised>, c: Classified, list: Int32Array, cl: number, writeNode: Int32Array, ticker: Ticker): void {
  let x = norm.chainStart[cl]!;
  let y = norm.nChain + norm.offStart[cl]!;
  const base = x;
  const put = (id: number, i: number, kind: number, pos: number): void => {
    norm.op[id] = i;
    norm.kind[id] = kind;
    norm.key[id] = c.keyOf[i]!;
    norm.client[id] = cl;
    norm.pos[id] = pos;
    if (isWriting(kind)) writeNode[i] = id;
  };
  for (const i of list) {
    ticker.tick();
    const r = c.role[i]!;
    if (r === R_INFO_WRITE || r === R_INFO_CAS) {
      put(y++, i, r === R_INFO_WRITE ? K_INFO_WRITE : K_INFO_CAS, x - base - 1);
    } else if (r === R_CAS) {
      put(x, i, K_CAS_READ, x - base);
      x++;
      put(x, i, K_CAS_WRITE, x - base);
      x++;
    } else {
      put(x, i, r === R_READ ? K_READ : K_WRITE, x - base);
      x++;
    }
  }
}

function resolveReads(norm: Mutable<Normalised>, c: Classified, writeNode: Int32Array, ticker: Ticker): Normalised {
  const ops = norm.history.operations;
  for (let x = 0; x < norm.n; x++) {
    ticker.tick();
    if (!isReading(norm.kind[x]!)) continue;
    const i = norm.op[x]!;
    const w = c.readFrom[i]!;
    if (w >= 0 && writeNode[w]! >= 0) {
      norm.rf[x] = writeNode[w]!;
      continue;
    }
    const k = norm.key[x]!;
    const v = readValue(ops[i]!);
    if (v === norm.initialValue) norm.rf[x] = INIT;
    else {
      norm.rf[x] = THIN_AIR;
      if (norm.thinAir < 0 || i < norm.op[norm.thinAir]!) {
        norm.thinAir = x;
        norm.refusedOp = c.refused[k]!.get(v) ?? -1;
      }
    }
  }
  return norm;
}
