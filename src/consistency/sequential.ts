// The per-key sequential check (docs/consistency.md, "Sequential (per key)"): for each key, is there one order of
// its operations that keeps every client's session order and in which every read returns the latest write before
// it? Real time plays no part. This checker decides only that; the ladder composes it with causal.
//
// Keys are independent. Keys whose values are unique are decided exactly in about linear time (see
// sequential-search.ts); the others by a bounded search, the keys taking turns in slices so that one hard key does
// not starve the rest. One deadline and one memory cap cover the whole check. A violated key settles the verdict:
// its operations are then shrunk to a few that are still violated on their own, and explained.

import { quoteText } from '../linearizability/display.js';
import type { History, HistoryOperation, Value } from '../linearizability/index.js';
import type { CheckerOptions, ModelVerdict, ModelWitness } from './verdict.js';
import type { SharedValues } from './ops.js';
import {
  Account,
  SharedInterning,
  CAS,
  LimitExceeded,
  Limits,
  READ,
  WRITE,
  buildInstance,
  prepareKey,
  runToEnd,
  solve,
  written,
  type Indexes,
  type KeyOps,
} from './sequential-search.js';

export const DEFAULT_SEQUENTIAL_BUDGET_MS = 10_000;
export const DEFAULT_SEQUENTIAL_MAX_MEMORY_BYTES = 256 * 1024 * 1024;

/** Yields (of about 2,000 steps each) one key runs before the next key's turn. */
const SLICE_YIELDS = 64;
// The split per key: an index in its key's list and the list's share of the map.
const SPLIT_BYTES_PER_OP = 16;
const MAX_TOLD = 12;

type Problem = { key: string; why: 'time' | 'memory' | 'append' };

interface Task {
  readonly ops: KeyOps;
  readonly account: Account;
  readonly gen: Generator<undefined, boolean>;
}

/** Sequential consistency per key, bounded by `budgetMs` (default 10 s) and `maxMemoryBytes` (default 256 MiB). */
export function checkSequential(history: History, opts: CheckerOptions = {}, shared?: SharedValues): ModelVerdict {
  const started = performance.now();
  const budgetMs = opts.budgetMs ?? DEFAULT_SEQUENTIAL_BUDGET_MS;
  const maxBytes = opts.maxMemoryBytes ?? DEFAULT_SEQUENTIAL_MAX_MEMORY_BYTES;
  const limits = new Limits(started + budgetMs, maxBytes);
  const clientOf = opts.clientOf ?? ((op: HistoryOperation) => op.process);
  const initial = history.initialValue ?? null;
  const done = (v: Omit<ModelVerdict, 'model' | 'elapsedMs'>): ModelVerdict => ({
    model: 'sequential',
    elapsedMs: performance.now() - started,
    ...v,
  });
  const split = new Account(limits);
  let keys: ReturnType<typeof splitByKey>;
  try {
    split.take(SPLIT_BYTES_PER_OP * history.operations.length);
    keys = shared === undefined ? splitByKey(history.operations) : splitByKnownKey(shared);
  } catch (e) {
    if (!(e instanceof LimitExceeded)) throw e;
    return done({ verdict: 'unknown', reason: `splitting the history per key would take more memory than ${mib(maxBytes)} allows` });
  }
  const problems: Problem[] = [];
  const values = shared === undefined ? undefined : new SharedInterning(shared, history.operations.length);
  const found = decideKeys(history.operations, keys, { clientOf, initial, limits, values }, problems);
  if (found !== undefined) {
    const small = shrink(found.ops, limits);
    const witness = explain(history.operations, small.ops, small.keep, initial);
    found.account.close();
    split.close();
    return done({ verdict: 'violated', witness });
  }
  split.close();
  if (problems.length === 0) return done({ verdict: 'held' });
  return done({ verdict: 'unknown', reason: describeProblems(problems, budgetMs, maxBytes) });
}

/** Each key's operations (history indexes), and the keys with an append among them. */
function splitByKey(operations: readonly HistoryOperation[]): { keys: Map<string, Indexes>; appended: Set<string> } {
  const keys = new Map<string, number[]>();
  const appended = new Set<string>();
  for (let i = 0; i < operations.length; i++) {
    const op = operations[i]!;
    const k = op.key ?? '';
    let list = keys.get(k);
    if (list === undefined) keys.set(k, (list = []));
    list.push(i);
    if (op.f === 'append') appended.add(k);
  }
  return { keys, appended };
}

/**
 * splitByKey from the normalisation's key numbering: the same keys in the same order (first appearance), no lookup
 * by name per operation, and no appends (the normalisation refuses histories with any).
 */
function splitByKnownKey(shared: SharedValues): { keys: Map<string, Indexes>; appended: Set<string> } {
  const keyOf = shared.keyOf;
  // Counted, then filled into one typed array: lists that grow by pushes are old-generation garbage.
  const start = new Int32Array(shared.keys.length + 1);
  for (let i = 0; i < keyOf.length; i++) start[keyOf[i]! + 1]!++;
  for (let k = 0; k < shared.keys.length; k++) start[k + 1]! += start[k]!;
  const all = new Int32Array(keyOf.length);
  const fill = start.slice(0, shared.keys.length);
  for (let i = 0; i < keyOf.length; i++) all[fill[keyOf[i]!]!++] = i;
  return { keys: new Map(shared.keys.map((k, i) => [k, all.subarray(start[i]!, start[i + 1]!)])), appended: new Set() };
}

interface Context {
  readonly clientOf: (op: HistoryOperation) => number | string;
  readonly initial: Value;
  readonly limits: Limits;
  readonly values: SharedInterning | undefined;
}

/**
 * Decides every key, or stops at the first violated one and returns it (its account still open). Keys with unique
 * values are decided as they come (they are fast); the others take turns afterwards. `problems` gets the keys left
 * unknown.
 */
function decideKeys(
  operations: readonly HistoryOperation[],
  { keys, appended }: ReturnType<typeof splitByKey>,
  ctx: Context,
  problems: Problem[],
): Task | undefined {
  const turns: Task[] = [];
  let found: Task | undefined;
  for (const [key, indexes] of keys) {
    if (found !== undefined || ctx.limits.expired()) {
      if (found === undefined) problems.push({ key, why: 'time' });
      continue;
    }
    if (appended.has(key)) {
      problems.push({ key, why: 'append' });
      continue;
    }
    const task = startTask(operations, key, indexes, ctx, problems);
    if (task === undefined) continue;
    if (task.unique) {
      if (runTurn(task, Infinity, ctx.limits, problems) === 'violated') found = task;
    } else turns.push(task);
  }
  if (found === undefined) return takeTurns(turns, ctx.limits, problems);
  for (const t of turns) t.account.close();
  return found;
}

function startTask(
  operations: readonly HistoryOperation[],
  key: string,
  indexes: Indexes,
  ctx: Context,
  problems: Problem[],
): (Task & { unique: boolean }) | undefined {
  const account = new Account(ctx.limits);
  try {
    const ops = prepareKey(key, operations, indexes, ctx.clientOf, ctx.initial, account, ctx.values);
    const inst = buildInstance(ops, undefined, account);
    return { ops, account, gen: solve(inst, account), unique: inst.unique };
  } catch (e) {
    if (!(e instanceof LimitExceeded)) throw e;
    account.close();
    problems.push({ key, why: 'memory' });
    return undefined;
  }
}

/**
 * Runs a task for at most `yields` yields; undefined when it has not finished. A task that held, or ran out of
 * time or memory (then named in `problems`), gives its memory back; a violated one keeps it for the witness.
 */
function runTurn(task: Task, yields: number, limits: Limits, problems: Problem[]): 'held' | 'violated' | 'unknown' | undefined {
  try {
    for (let i = 0; i < yields; i++) {
      const r = task.gen.next();
      if (r.done === true) {
        if (r.value) task.account.close();
        return r.value ? 'held' : 'violated';
      }
      if (limits.expired()) throw new LimitExceeded('time');
    }
    return undefined;
  } catch (e) {
    if (!(e instanceof LimitExceeded)) throw e;
    task.account.close();
    problems.push({ key: task.ops.key, why: e.why });
    return 'unknown';
  }
}

/** The keys that need a search take turns until each is decided, one is violated, or the budget runs out. */
function takeTurns(turns: Task[], limits: Limits, problems: Problem[]): Task | undefined {
  let open = turns;
  while (open.length > 0) {
    const still: Task[] = [];
    for (const task of open) {
      const verdict = runTurn(task, SLICE_YIELDS, limits, problems);
      if (verdict === undefined) still.push(task);
      else if (verdict === 'violated') {
        for (const t of open) if (t !== task) t.account.close();
        return task;
      }
    }
    open = still;
  }
  return undefined;
}

function describeProblems(problems: readonly Problem[], budgetMs: number, maxBytes: number): string {
  const named = (list: readonly Problem[]): string => {
    const first = `key ${quoteText(list[0]!.key, 60)}`;
    return list.length === 1 ? first : `${first} and ${list.length - 1} other key${list.length > 2 ? 's' : ''}`;
  };
  const parts: string[] = [];
  const time = problems.filter((p) => p.why === 'time');
  const memory = problems.filter((p) => p.why === 'memory');
  const append = problems.filter((p) => p.why === 'append');
  if (time.length > 0) parts.push(`the time budget (${(budgetMs / 1000).toFixed(2)} s) ran out before ${named(time)} was decided`);
  if (memory.length > 0) parts.push(`deciding ${named(memory)} would take more memory than ${mib(maxBytes)} allows`);
  if (append.length > 0) parts.push(`${named(append)} has append operations, which the sequential check does not model`);
  return parts.join('; ');
}

function mib(bytes: number): string {
  return `${(bytes / (1024 * 1024)).toFixed(bytes < 1024 * 1024 ? 3 : 0)} MiB`;
}

// ---- Shrinking a violated key ----

/** Whether the subset `keep` of the key's operations is still violated on its own (unknown counts as not). */
function violatedOn(ops: KeyOps, keep: Uint8Array, limits: Limits): boolean {
  const account = new Account(limits);
  try {
    const inst = buildInstance(ops, keep, account);
    return runToEnd(solve(inst, account), limits) === false;
  } catch (e) {
    if (!(e instanceof LimitExceeded)) throw e;
    return false;
  } finally {
    account.close();
  }
}

/** For each value, the operations that read or write it: what removing the value removes. */
function touching(ops: KeyOps): number[][] {
  const touch: number[][] = ops.values.map(() => []);
  for (let o = 0; o < ops.n; o++) {
    touch[ops.a[o]!]!.push(o);
    if (ops.kind[o] === CAS) touch[ops.b[o]!]!.push(o);
  }
  return touch;
}

/**
 * Removes `start` from `keep` together with what it makes meaningless, so that a subset still violated proves the
 * whole history is: removing a read never makes an order invalid, and removing a write is safe once every operation
 * that reads or writes its value goes too (with the values the removed compare-and-sets wrote).
 */
function removeClosed(ops: KeyOps, touch: number[][], keep: Uint8Array, start: readonly number[]): void {
  const gone = new Set<number>();
  const work: number[] = [];
  for (const o of start) {
    if (keep[o] === 1) {
      keep[o] = 0;
      work.push(o);
    }
  }
  while (work.length > 0) {
    const o = work.pop()!;
    const v = written(ops, o);
    if (v < 0 || gone.has(v)) continue;
    gone.add(v);
    for (const x of touch[v]!) {
      if (keep[x] === 1) {
        keep[x] = 0;
        if (ops.kind[x] === CAS && ops.a[x] === v) work.push(x);
      }
    }
  }
}

/** A copy of `keep` without `remove` (closed), or undefined when that is no longer violated. */
function without(ops: KeyOps, touch: number[][], keep: Uint8Array, remove: readonly number[], limits: Limits): Uint8Array | undefined {
  const next = keep.slice();
  removeClosed(ops, touch, next, remove);
  return violatedOn(ops, next, limits) ? next : undefined;
}

/**
 * A small subset of a violated key's operations that is still violated: first a window of the history (cut from
 * the end, then from the start, by binary search), then whole sessions, a session's suffix, and chunks down to
 * single operations, each kept out while the rest stays violated. Bounded by the remaining budget: when it runs
 * out, the smallest subset found so far is the witness. Returns the operations of that window with the subset.
 */
function shrink(all: KeyOps, limits: Limits): { ops: KeyOps; keep: Uint8Array } {
  const range = (from: number, to: number): number[] => Array.from({ length: Math.max(0, to - from) }, (_, i) => from + i);
  let touch = touching(all);
  let keep: Uint8Array = new Uint8Array(all.n).fill(1);
  // The longest cut from the end, then from the start, that keeps it violated.
  let lo = 0;
  let hi = all.n;
  while (lo < hi && !limits.expired()) {
    const mid = (lo + hi) >>> 1;
    if (without(all, touch, keep, range(mid, all.n), limits) !== undefined) hi = mid;
    else lo = mid + 1;
  }
  keep = without(all, touch, keep, range(hi, all.n), limits) ?? keep;
  let from = 0;
  let to = hi;
  while (from < to && !limits.expired()) {
    const mid = (from + to + 1) >>> 1;
    if (without(all, touch, keep, range(0, mid), limits) !== undefined) from = mid;
    else to = mid - 1;
  }
  keep = without(all, touch, keep, range(0, from), limits) ?? keep;
  // The rest works on the window alone, so that each try costs what the window holds, not the whole key.
  const ops = restrict(all, keep);
  touch = touching(ops);
  keep = dropSessions(ops, touch, new Uint8Array(ops.n).fill(1), limits);
  const live = (): number[] => range(0, ops.n).filter((o) => keep[o] === 1);
  for (let size = Math.max(1, live().length >>> 1); !limits.expired(); size = Math.max(1, size >>> 1)) {
    const ids = live();
    for (let i = ids.length - size; i > -size && !limits.expired(); i -= size) {
      keep = without(ops, touch, keep, ids.slice(Math.max(0, i), i + size), limits) ?? keep;
    }
    if (size === 1) break;
  }
  return { ops, keep };
}

/** The operations of `keep` alone, with their values numbered again (the initial value stays 0). */
function restrict(ops: KeyOps, keep: Uint8Array): KeyOps {
  const ids: number[] = [];
  for (let o = 0; o < ops.n; o++) if (keep[o] === 1) ids.push(o);
  const renumber = new Map<number, number>([[0, 0]]);
  const values: Value[] = [ops.values[0]!];
  const id = (v: number): number => {
    let r = renumber.get(v);
    if (r === undefined) renumber.set(v, (r = values.push(ops.values[v]!) - 1));
    return r;
  };
  const pick = <T extends Int32Array | Uint8Array>(arr: T): T =>
    arr.constructor === Int32Array ? (Int32Array.from(ids, (o) => arr[o]!) as T) : (Uint8Array.from(ids, (o) => arr[o]!) as T);
  return {
    ...ops,
    n: ids.length,
    hist: pick(ops.hist),
    kind: pick(ops.kind),
    a: Int32Array.from(ids, (o) => id(ops.a[o]!)),
    b: Int32Array.from(ids, (o) => (ops.kind[o] === CAS ? id(ops.b[o]!) : 0)),
    client: pick(ops.client),
    info: pick(ops.info),
    values,
  };
}

/** Each whole session out, then the longest suffix of each session, while the rest stays violated. */
function dropSessions(ops: KeyOps, touch: number[][], start: Uint8Array, limits: Limits): Uint8Array {
  let keep = start;
  for (let c = 0; c < ops.clients && !limits.expired(); c++) {
    const mine = (): number[] => {
      const out: number[] = [];
      for (let o = 0; o < ops.n; o++) if (keep[o] === 1 && ops.client[o] === c) out.push(o);
      return out;
    };
    const ids = mine();
    if (ids.length === 0) continue;
    let lo = 0;
    let hi = ids.length;
    while (lo < hi && !limits.expired()) {
      const mid = (lo + hi) >>> 1;
      if (without(ops, touch, keep, ids.slice(mid), limits) !== undefined) hi = mid;
      else lo = mid + 1;
    }
    if (hi < ids.length) keep = without(ops, touch, keep, ids.slice(hi), limits) ?? keep;
  }
  return keep;
}

// ---- Explaining it ----

function valueText(v: Value): string {
  if (v === null) return 'missing';
  return typeof v === 'string' ? quoteText(v, 60) : String(v);
}

function clientText(name: number | string): string {
  return `client ${typeof name === 'number' ? name : quoteText(name, 40)}`;
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(2)} s`;
}

function verb(ops: KeyOps, o: number): string {
  const v = (id: number): string => valueText(ops.values[id]!);
  const open = ops.info[o] === 1;
  if (ops.kind[o] === READ) return `read ${v(ops.a[o]!)}`;
  if (ops.kind[o] === WRITE) return open ? `tried to write ${v(ops.a[o]!)} (no answer)` : `wrote ${v(ops.a[o]!)}`;
  const swap = `${v(ops.a[o]!)} to ${v(ops.b[o]!)}`;
  return open ? `tried to change ${swap} (no answer)` : `changed ${swap}`;
}

/** The witness: the subset's operations told client by client, each client's in its order. */
function explain(operations: readonly HistoryOperation[], ops: KeyOps, keep: Uint8Array, initial: Value): ModelWitness {
  const byClient = new Map<number, number[]>();
  for (let o = 0; o < ops.n; o++) {
    if (keep[o] !== 1) continue;
    const list = byClient.get(ops.client[o]!);
    if (list === undefined) byClient.set(ops.client[o]!, [o]);
    else list.push(o);
  }
  const told = [...byClient.values()].flat();
  const key = quoteText(ops.key, 60);
  const single = told.length === 1 ? unwrittenRead(operations, ops, told[0]!, initial) : undefined;
  let text: string;
  if (single !== undefined) text = single;
  else {
    let budget = MAX_TOLD;
    const parts: string[] = [];
    for (const [c, list] of byClient) {
      if (budget <= 0) break;
      const shown = list.slice(0, budget);
      budget -= shown.length;
      parts.push(clientPart(operations, ops, c, shown));
    }
    const more = told.length > MAX_TOLD ? ` (and ${told.length - MAX_TOLD} more operations)` : '';
    const claim = `no order of key ${key}'s operations keeps each client's order and has every read return the latest write`;
    text = `${claim}: ${parts.join('; ')}${more}`;
  }
  return { operations: told.map((o) => ops.hist[o]!), key: ops.key, explanation: text };
}

function clientPart(operations: readonly HistoryOperation[], ops: KeyOps, c: number, list: readonly number[]): string {
  let node: string | undefined;
  const said = list.map((o, i) => {
    const op = operations[ops.hist[o]!]!;
    const where = op.node !== undefined && op.node !== node ? ` on ${quoteNode(op.node)}` : '';
    node = op.node;
    return `${i === 0 ? '' : 'then '}${verb(ops, o)}${where} at ${seconds(op.invoke)}`;
  });
  return `${clientText(ops.clientNames[c]!)} ${said.join(', ')}`;
}

function quoteNode(node: string): string {
  return /^[\w.:-]{1,60}$/.test(node) ? node : quoteText(node, 60);
}

/** A single operation that needs a value nothing wrote: said as such. */
function unwrittenRead(operations: readonly HistoryOperation[], ops: KeyOps, o: number, initial: Value): string | undefined {
  if (ops.kind[o] === WRITE) return undefined;
  const value = ops.values[ops.a[o]!]!;
  if (value === initial) return undefined;
  const op = operations[ops.hist[o]!]!;
  const refused = operations.some(
    (x) =>
      (x.key ?? '') === ops.key &&
      x.type === 'fail' &&
      (((x.f === 'write' || x.f === 'put') && x.value === value) || (x.f === 'cas' && (x.value as [Value, Value])[1] === value)),
  );
  const where = op.node !== undefined ? ` on ${quoteNode(op.node)}` : '';
  const whose = refused ? 'only a refused write wrote' : 'no write of the key wrote';
  const did = ops.kind[o] === READ ? `read ${valueText(value)}` : `changed ${valueText(value)} to ${valueText(ops.values[ops.b[o]!]!)}`;
  const who = clientText(ops.clientNames[ops.client[o]!]!);
  return `${who} ${did}${where} at ${seconds(op.invoke)} on key ${quoteText(ops.key, 60)}, a value ${whose}`;
}
