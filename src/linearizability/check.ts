// The linearizability check of a history: split per key first (P-compositionality: a history is linearizable iff
// each key's sub-history is); keys whose written values are unique are decided without search (unique.ts), the
// others by the search (search.ts), in slices that share one budget: one deadline and one memory cap for the whole
// check, and for the parsing before it when the caller passes the same budget.

import { Account, Budget, BudgetExceeded, DEFAULT_MAX_MEMORY_BYTES } from './budget.js';
import { inferModel, HistoryError, type History, type HistoryOperation, type ModelName, type Value } from './history.js';
import { isIgnored, unsupportedOperation } from './model.js';
import { KeySearch, type SearchOutcome } from './search.js';
import { buildWitness, type Witness } from './witness.js';
import { checkUnique } from './unique.js';

export { DEFAULT_MAX_MEMORY_BYTES };

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
  /**
   * Memory the check may hold (the search's arrays, memo and values, and the unique-values check's), in bytes; past
   * it a key is `unknown` (reason `memory`). Default 1 GiB.
   */
  maxMemoryBytes?: number;
  /**
   * The budget to share with what came before (the parsing of the history, which holds its operations in it); when
   * given, `timeoutMs` and `maxMemoryBytes` are not read.
   */
  budget?: Budget;
}

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
  /** Set when not even the split per key fit in the memory cap: then `keys` is empty and the verdict unknown. */
  reason?: 'memory';
}

const DEFAULT_TIMEOUT_MS = 60_000;
const FIRST_SLICE = 1 << 15;
const MAX_SLICE = 1 << 24;
// Reserved per operation: the split per key (an index and its key's lists), and what the unique-values check holds
// (its clusters' typed arrays and value slot, 8 + 32 + 8-16 bytes, and the zone lists, up to 8).
const SPLIT_BYTES_PER_OP = 24;
const UNIQUE_BYTES_PER_OP = 72;

/** Checks a history; synchronous, bounded by the time, memory and step budgets. */
export function checkHistory(history: History, options: CheckOptions = {}): CheckResult {
  const started = performance.now();
  const model = options.model ?? history.model ?? inferModel(history.operations);
  const problem = unsupportedOperation(model, history.operations);
  if (problem !== undefined) throw new HistoryError(problem);
  const initialValue = options.initialValue !== undefined ? options.initialValue : (history.initialValue ?? null);
  const budget =
    options.budget ??
    new Budget({
      timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
      maxMemoryBytes: options.maxMemoryBytes ?? DEFAULT_MAX_MEMORY_BYTES,
      start: started,
    });
  const run: CheckRun = {
    operations: history.operations,
    model,
    initialValue,
    budget,
    stepsLeft: options.maxSteps !== undefined && options.maxSteps > 0 ? options.maxSteps : Infinity,
    stopAtFirstFailure: options.checkAllKeys !== true,
    failed: false,
    stopReason: undefined,
  };
  const split = new Account(budget, 'splitting the history per key');
  try {
    split.take(SPLIT_BYTES_PER_OP * history.operations.length);
  } catch (error) {
    if (!(error instanceof BudgetExceeded)) throw error;
    return { verdict: 'unknown', model, initialValue, keys: [], steps: 0, elapsedMs: performance.now() - started, reason: 'memory' };
  }
  const all = keyTasks(history.operations);
  const algorithm = options.algorithm ?? 'auto';
  const pending = algorithm !== 'search' && model !== 'cas-register' ? decideUniqueKeys(run, all) : all;
  searchKeys(run, pending);
  split.close();

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
  readonly budget: Budget;
  stepsLeft: number;
  readonly stopAtFirstFailure: boolean;
  failed: boolean;
  stopReason: KeyResult['reason'];
}

/** One key on its way to a verdict; `search` (and the account of what it holds) live only while it is searched. */
interface KeyTask {
  result: KeyResult;
  checked: number[];
  search: { keySearch: KeySearch; account: Account } | undefined;
}

/** The history split per key, in key order; every key starts `unknown`. */
function keyTasks(operations: readonly HistoryOperation[]): KeyTask[] {
  const byKey = new Map<string, number[]>();
  for (let i = 0; i < operations.length; i++) {
    const key = operations[i]!.key ?? '';
    let list = byKey.get(key);
    if (list === undefined) byKey.set(key, (list = []));
    list.push(i);
  }
  return [...byKey.keys()].sort().map((key) => {
    const indices = byKey.get(key) as number[];
    const checked: number[] = [];
    const result: KeyResult = {
      key,
      verdict: 'unknown',
      operations: countOperations(operations, indices, checked),
      steps: 0,
      elapsedMs: 0,
      algorithm: 'search',
    };
    return { result, checked, search: undefined };
  });
}

/**
 * Decides the keys whose written values are unique without search, in O(n log n); returns the keys left for the
 * search (all those after the verdict is settled, too). A key that does not fit in memory or time stays unknown.
 */
function decideUniqueKeys(run: CheckRun, all: KeyTask[]): KeyTask[] {
  const pending: KeyTask[] = [];
  for (const p of all) {
    if (run.stopReason !== undefined) {
      pending.push(p);
      continue;
    }
    const t0 = performance.now();
    const account = new Account(run.budget, 'the unique-values check');
    // Whether a key qualifies is learnt while its clusters are built, so the reservation comes first. It is less
    // than half what the search reserves per operation: a key it does not fit could not be searched either.
    let searched = false;
    try {
      account.take(UNIQUE_BYTES_PER_OP * p.checked.length);
      const u = checkUnique(run.operations, p.checked, run.initialValue, () => run.budget.expired());
      if (u === 'does-not-qualify') {
        searched = true;
        pending.push(p);
        continue;
      }
      p.result.algorithm = 'unique-values';
      if (u === 'expired') {
        run.stopReason = 'timeout';
        pending.push(p);
        continue;
      }
      p.result.verdict = u.verdict;
      if (u.witness) {
        p.result.witness = { key: p.result.key, ...u.witness };
        run.failed = true;
        if (run.stopAtFirstFailure) run.stopReason = 'stopped';
      }
    } catch (error) {
      if (!(error instanceof BudgetExceeded)) throw error;
      p.result.algorithm = 'unique-values';
      p.result.reason = 'memory';
    } finally {
      account.close();
      // A key handed to the search is timed by the search alone, as before it was tried here.
      if (!searched) p.result.elapsedMs = performance.now() - t0;
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
  for (const p of pending) {
    p.search?.account.close();
    p.search = undefined;
    if (p.result.reason === undefined) p.result.reason = run.stopReason ?? 'timeout';
  }
}

/** Runs one slice of a key's search; true when the key is still undecided and wants another turn. */
function searchSlice(run: CheckRun, p: KeyTask, slice: number): boolean {
  const t0 = performance.now();
  let outcome: SearchOutcome | undefined;
  let search = p.search;
  try {
    if (search === undefined) {
      if (run.budget.expired()) {
        run.stopReason = 'timeout';
        return true;
      }
      const account = new Account(run.budget, 'the search');
      p.search = search = { keySearch: undefined as unknown as KeySearch, account };
      search.keySearch = new KeySearch(run.operations, p.checked, run.initialValue, account);
    }
    const before = search.keySearch.steps;
    outcome = search.keySearch.run(Math.min(slice, run.stepsLeft));
    run.stepsLeft -= search.keySearch.steps - before;
    p.result.steps = search.keySearch.steps;
  } catch (error) {
    if (!(error instanceof BudgetExceeded)) throw error;
    // Out of memory, this key alone is given up (what it held goes; the other keys still get their turn); out of
    // time while it was being built, every key is.
    p.search?.account.close();
    p.search = undefined;
    p.result.reason = error.reason;
    if (error.reason === 'timeout') run.stopReason = 'timeout';
    p.result.elapsedMs += performance.now() - t0;
    return false;
  }
  p.result.elapsedMs += performance.now() - t0;
  if (outcome === undefined) {
    if (run.budget.expired()) run.stopReason = 'timeout';
    else if (run.stepsLeft <= 0) run.stopReason = 'step-budget';
    return true;
  }
  p.result.verdict = outcome.verdict;
  search.account.close();
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
      prefixLength: outcome.prefixLength,
    });
    if (run.stopAtFirstFailure) run.stopReason = 'stopped';
  }
  return false;
}

/** A key's operations counted by kind; those the check places go to `checked`, in history order. */
function countOperations(operations: readonly HistoryOperation[], indices: readonly number[], checked: number[]): OperationCounts {
  const counts: OperationCounts = { total: indices.length, checked: 0, ok: 0, failed: 0, open: 0, unknownReads: 0 };
  for (const i of indices) {
    const op = operations[i] as HistoryOperation;
    if (op.type === 'fail') counts.failed++;
    else if (isIgnored(op)) counts.unknownReads++;
    else {
      if (op.type === 'ok') counts.ok++;
      else counts.open++;
      checked.push(i);
    }
  }
  counts.checked = checked.length;
  return counts;
}
