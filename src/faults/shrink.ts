// Shrinking a failing fault schedule (pure): delta debugging over the schedule's faults, then shorter holds, then
// starts moved together, each candidate judged by an injected oracle (one rerun on the real cluster: does it fail
// the same way?). No I/O here, so the strategy is tested on simulated oracles: overlaps, flakiness, budgets.
import { formatSchedule, sortEntries, type ScheduleEntry } from './schedule.js';

/** One rerun of a candidate: true when it failed with the original failure's check family. */
export type ShrinkOracle = (candidate: readonly ScheduleEntry[]) => Promise<boolean>;

/**
 * A candidate reproduces when K of at most M reruns fail the same way, stopping as soon as that is decided. A
 * failure with the same check family is evidence the schedule can cause it (checks do not fail by chance on a
 * healthy store), so one is enough (K = 1); a pass is weak evidence, since an overlap that loses data may miss by a
 * few milliseconds, so a candidate is dropped only after M = 2 passes in a row: a schedule that reproduces with
 * probability p is wrongly dropped with probability (1 - p)^2 (9 % at p = 0.7), at twice the cost of a rerun per
 * dropped candidate, where M = 3 would cost half as much again on every candidate that passes (most of them).
 */
export const REPRODUCE_K = 1;
export const REPRODUCE_M = 2;
/** Extra reruns of the minimal schedule that measure how often it reproduces (within the budget). */
export const RATE_RUNS = 3;
/** Holds are not halved below this: a fault shorter than a few requests' round trips hardly strikes. */
export const MIN_HOLD_MS = 200;
/** Times in a shrunk schedule are whole multiples of this, so it reads as a person would write it. */
export const TIME_GRAIN_MS = 10;
/** Bound on the halving rounds of each timing pass (a hold of an hour reaches the floor in 15). */
const MAX_HALVINGS = 16;

export interface ShrinkLimits {
  /** Reruns in all, the reproduction-rate reruns included. */
  readonly maxRuns: number;
  /** Milliseconds in all, on `now`'s clock. */
  readonly budgetMs: number;
  readonly now: () => number;
  readonly signal?: AbortSignal;
}

export type ShrinkStop = 'done' | 'runs' | 'budget' | 'cancelled';

export interface ShrinkOutcome {
  readonly original: readonly ScheduleEntry[];
  readonly minimal: readonly ScheduleEntry[];
  /**
   * Proven 1-minimal: every schedule with one fault of `minimal` left out was rerun M times and passed each time
   * (as far as M reruns can tell a flaky store apart). False when the budget ran out first.
   */
  readonly oneMinimal: boolean;
  readonly reruns: number;
  readonly elapsedMs: number;
  readonly stoppedBy: ShrinkStop;
  /** Reruns of `minimal` after the search, and how many failed the same way; absent when no budget was left. */
  readonly rate?: { readonly failed: number; readonly runs: number };
  /** Every candidate judged, in order, with its verdict and the reruns it took. */
  readonly tried: readonly { readonly schedule: string; readonly reproduced: boolean; readonly reruns: number }[];
}

class OutOfBudget extends Error {
  constructor(readonly why: Exclude<ShrinkStop, 'done'>) {
    super(why);
  }
}

/** Reruns with the limits enforced and verdicts memoised by the schedule's text. */
class Judge {
  reruns = 0;
  readonly tried: { schedule: string; reproduced: boolean; reruns: number }[] = [];
  private readonly memo = new Map<string, boolean>();
  private readonly start: number;

  constructor(
    private readonly oracle: ShrinkOracle,
    private readonly limits: ShrinkLimits,
    private readonly searchRuns: number,
  ) {
    this.start = limits.now();
  }

  elapsed(): number {
    return this.limits.now() - this.start;
  }

  /** Why no rerun may start now, if none may. */
  blocked(runLimit: number): Exclude<ShrinkStop, 'done'> | undefined {
    if (this.limits.signal?.aborted) return 'cancelled';
    if (this.reruns >= runLimit) return 'runs';
    if (this.elapsed() >= this.limits.budgetMs) return 'budget';
    return undefined;
  }

  async once(candidate: readonly ScheduleEntry[], runLimit: number): Promise<boolean> {
    const why = this.blocked(runLimit);
    if (why) throw new OutOfBudget(why);
    this.reruns++;
    return this.oracle(candidate);
  }

  /** K of M, stopping once decided; throws OutOfBudget when a needed rerun cannot start. */
  async reproduces(candidate: readonly ScheduleEntry[]): Promise<boolean> {
    const key = formatSchedule(candidate);
    const known = this.memo.get(key);
    if (known !== undefined) return known;
    let failed = 0;
    let runs = 0;
    const before = this.reruns;
    for (let i = 0; i < REPRODUCE_M && failed < REPRODUCE_K && REPRODUCE_M - i >= REPRODUCE_K - failed; i++) {
      runs++;
      if (await this.once(candidate, this.searchRuns)) failed++;
    }
    const verdict = failed >= REPRODUCE_K;
    this.memo.set(key, verdict);
    this.tried.push({ schedule: key, reproduced: verdict, reruns: this.reruns - before });
    return verdict && runs > 0;
  }
}

/**
 * Shrinks `original` (which failed) to the smallest schedule found that still fails the same way: ddmin over its
 * faults, then each hold halved while it reproduces, then the starts moved towards the earliest and the whole
 * schedule earlier. Stops at the limits with the best schedule so far; then reruns the result to measure its rate.
 */
export async function shrinkSchedule(
  original: readonly ScheduleEntry[],
  oracle: ShrinkOracle,
  limits: ShrinkLimits,
): Promise<ShrinkOutcome> {
  const rateRuns = Math.min(RATE_RUNS, Math.floor(limits.maxRuns / 4));
  const judge = new Judge(oracle, limits, limits.maxRuns - rateRuns);
  let best = sortEntries(original);
  let oneMinimal = false;
  let stoppedBy: ShrinkStop = 'done';
  try {
    const dd = await ddmin(best, judge, (c) => (best = c));
    best = dd.minimal;
    oneMinimal = dd.oneMinimal;
    best = await shorterHolds(best, judge);
    best = await closerStarts(best, judge);
  } catch (error) {
    if (!(error instanceof OutOfBudget)) throw error;
    stoppedBy = error.why;
  }
  const rate = await measureRate(best, judge, limits.maxRuns, rateRuns);
  return {
    original,
    minimal: best,
    oneMinimal,
    reruns: judge.reruns,
    elapsedMs: judge.elapsed(),
    stoppedBy,
    ...(rate ? { rate } : {}),
    tried: judge.tried,
  };
}

async function measureRate(best: readonly ScheduleEntry[], judge: Judge, maxRuns: number, runs: number): Promise<ShrinkOutcome['rate']> {
  let failed = 0;
  let done = 0;
  for (let i = 0; i < runs && !judge.blocked(maxRuns); i++) {
    if (await judge.once(best, maxRuns)) failed++;
    done++;
  }
  return done > 0 ? { failed, runs: done } : undefined;
}

/**
 * Zeller's ddmin over the faults: try each of n parts alone, then each complement, granularity doubling when
 * neither reproduces. Ends 1-minimal when, at n = size, no complement (one fault left out) reproduces. `keep`
 * hears every smaller schedule that reproduced, so a budget that runs out mid-way still leaves the best found.
 */
async function ddmin(
  start: readonly ScheduleEntry[],
  judge: Judge,
  keep: (c: ScheduleEntry[]) => void,
): Promise<{ minimal: ScheduleEntry[]; oneMinimal: boolean }> {
  let c = [...start];
  let n = 2;
  // Each round either shrinks c or doubles n (bounded by |c|), so rounds are bounded by |c| * log2 |c| + |c|.
  for (let round = 0; round < 64 * Math.max(1, start.length); round++) {
    if (c.length <= 1) break;
    const parts = split(c, Math.min(n, c.length));
    const smaller =
      (await firstReproducing(parts, judge)) ??
      (n > 2 || parts.length > 2 ? await firstReproducing(complements(c, parts), judge) : undefined);
    if (smaller) {
      const wasPart = parts.includes(smaller);
      c = smaller;
      keep(c);
      n = wasPart ? 2 : Math.max(n - 1, 2);
      continue;
    }
    if (parts.length >= c.length) return { minimal: c, oneMinimal: true };
    n = Math.min(c.length, n * 2);
  }
  if (c.length !== 1) return { minimal: c, oneMinimal: false };
  // A single fault is 1-minimal when the workload alone (no fault) does not fail the same way; when it does, the
  // failure needs no fault at all, and the empty schedule is the answer.
  if (await judge.reproduces([])) {
    keep([]);
    return { minimal: [], oneMinimal: true };
  }
  return { minimal: c, oneMinimal: true };
}

async function firstReproducing(candidates: readonly ScheduleEntry[][], judge: Judge): Promise<ScheduleEntry[] | undefined> {
  for (const candidate of candidates) if (await judge.reproduces(candidate)) return candidate;
  return undefined;
}

function split<T>(items: readonly T[], n: number): T[][] {
  const parts: T[][] = [];
  let at = 0;
  for (let i = 0; i < n; i++) {
    const size = Math.floor((items.length - at) / (n - i));
    parts.push(items.slice(at, at + size));
    at += size;
  }
  return parts.filter((p) => p.length > 0);
}

function complements<T>(items: readonly T[], parts: readonly T[][]): T[][] {
  return parts.map((p) => items.filter((x) => !p.includes(x)));
}

const grain = (ms: number): number => Math.round(ms / TIME_GRAIN_MS) * TIME_GRAIN_MS;

/** Every hold halved at once while that reproduces, then each on its own, down to MIN_HOLD_MS. */
async function shorterHolds(start: ScheduleEntry[], judge: Judge): Promise<ScheduleEntry[]> {
  const halve = (e: ScheduleEntry): ScheduleEntry => ({ ...e, forMs: Math.max(MIN_HOLD_MS, grain(e.forMs / 2)) });
  let c = start;
  for (let i = 0; i < MAX_HALVINGS; i++) {
    const next = c.map(halve);
    if (next.every((e, j) => e.forMs === c[j]!.forMs) || !(await judge.reproduces(next))) break;
    c = next;
  }
  for (let j = 0; j < c.length; j++) {
    for (let i = 0; i < MAX_HALVINGS; i++) {
      const one = halve(c[j]!);
      if (one.forMs === c[j]!.forMs) break;
      const next = c.map((e, k) => (k === j ? one : e));
      if (!(await judge.reproduces(next))) break;
      c = next;
    }
  }
  return c;
}

/** The gaps to the earliest start halved while that reproduces; then the whole schedule earlier, likewise. */
async function closerStarts(start: ScheduleEntry[], judge: Judge): Promise<ScheduleEntry[]> {
  let c = start;
  const tryWhile = async (move: (e: ScheduleEntry, first: number) => number): Promise<void> => {
    for (let i = 0; i < MAX_HALVINGS && c.length > 0; i++) {
      const first = Math.min(...c.map((e) => e.atMs));
      const next = sortEntries(c.map((e) => ({ ...e, atMs: Math.max(0, grain(move(e, first))) })));
      if (next.every((e, j) => e.atMs === c[j]!.atMs) || !(await judge.reproduces(next))) return;
      c = next;
    }
  };
  if (c.length > 1) await tryWhile((e, first) => first + (e.atMs - first) / 2);
  await tryWhile((e, first) => e.atMs - first / 2);
  return c;
}
