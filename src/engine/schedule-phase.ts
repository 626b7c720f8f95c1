// A fault schedule against the workload clock (fault-schedule: random, or explicit lines): the windows, the
// workload they strike, the liveness hold once they healed, and, after a failed run, the reruns that shrink the
// schedule (input shrink) on the same running cluster. The run's own phases are recorded by run.ts; the reruns
// here record nothing of the run's: each is judged on its own and only its verdict is kept.
import type { CheckContext } from '../checks/context.js';
import type { KvApi } from '../checks/kv-api.js';
import { SeenValues } from '../checks/seen.js';
import { checkLiveness } from '../checks/liveness.js';
import type { Ids } from '../core/ids.js';
import type { RunStreams } from '../core/random.js';
import type { ActiveFaults } from '../faults/active.js';
import type { FaultActions } from '../faults/docker.js';
import {
  judgeWindows,
  observeRecovery,
  planTimeline,
  planWindows,
  runWindows,
  windowsAsSchedule,
  type Window,
  type WindowOutcome,
} from '../faults/nemesis.js';
import type { FaultOptions } from '../faults/options.js';
import { planFaults, type FaultStep } from '../faults/plan.js';
import { formatSchedule, type ScheduleEntry } from '../faults/schedule.js';
import { REPRODUCE_K, REPRODUCE_M, shrinkSchedule } from '../faults/shrink.js';
import type { Check, NodeInfo, ShrinkRecord } from '../model/result.js';
import type { RecoveryRead } from '../faults/observe.js';
import type { WorkloadOptions } from '../workload/options.js';
import { WorkloadSession } from '../workload/phase.js';
import type { Logger } from './deps.js';

/** The run's windows: placed from the seed (random), or one per line as written (explicit). */
export function planSchedule(f: FaultOptions, nodes: readonly NodeInfo[], streams: RunStreams, wl: WorkloadOptions, log: Logger): Window[] {
  if (f.schedule === 'explicit') return planTimeline(f.timeline, nodes, streams.partition);
  const steps = planFaults({ specs: f.specs, groups: f.groups, nodes, shuffle: streams.partition });
  const { windows, left } = planWindows(steps, wl.durationMs, f.durationMs, streams.schedule);
  for (const step of left)
    log.warn(
      `${step.spec.name} ${step.target} found no free moment in the workload's ${wl.durationMs / 1000} s that does not overlap a ` +
        `fault on the same service; it was left out.`,
    );
  return windows;
}

/** The schedule as lines (`; `-separated), as the summary, the report and a replay give it. */
export function scheduleText(windows: readonly Window[], separator = '; '): string {
  return formatSchedule(windowsAsSchedule(windows), separator);
}

export interface WindowDeps {
  readonly actions: FaultActions;
  readonly active: ActiveFaults;
  readonly sinceStart: () => number;
}

/**
 * The windows while the workload runs; the clients go on until the last window healed (one may start late), and
 * for at least `minMs` of the workload's clock when given.
 */
export async function windowsDuringWorkload(
  ctx: CheckContext,
  windows: readonly Window[],
  session: WorkloadSession,
  deps: WindowDeps,
  minMs = 0,
): Promise<WindowOutcome[]> {
  let over = false;
  const faults = runWindows(ctx, windows, { ...deps, record: (e) => session.record(e) }).finally(() => (over = true));
  const keepRunning = (): boolean => !over || session.elapsed() < minMs;
  const [outcomes] = await Promise.all([faults, session.run({ keepRunning })]);
  return outcomes;
}

/** Nodes whose recovery read never succeeded: down after the schedule, so liveness does not judge them. */
export function downNodes(recovery: ReadonlyMap<NodeInfo, RecoveryRead>): Set<string> {
  return new Set([...recovery.values()].filter((r) => !r.done).map((r) => r.node.label));
}

/**
 * The family of a check id, which a shrinking rerun must fail with: the id without the parts that name a key, a
 * node or a fault target. `workload:linearizable:2` is `workload:linearizable`, `workload:model:causal` stays,
 * `liveness:kv_2` is `liveness`, `fault:kill:kv_2:recovery:kv_2` is `fault:recovery`.
 */
export function checkFamily(id: string): string {
  const parts = id.split(':');
  if (parts[0] === 'workload') return parts.slice(0, parts[1] === 'model' ? 3 : 2).join(':');
  if (parts[0] === 'fault') return parts.length > 3 ? `fault:${parts[3]}` : 'fault';
  return parts[0]!;
}

/** The failure a shrink keeps: lost or stale data first (the workload, then other safety checks), liveness, faults last. */
export function targetFamily(checks: readonly Check[]): string | undefined {
  // Among the workload's, the claim's own check before the per-key convergence ones: a lost write shows in the
  // claim far more often than in a key's final value, so reruns held to the claim reproduce more often.
  const rank = (c: Check): number =>
    c.kind === 'workload'
      ? c.id.startsWith('workload:eventual:')
        ? 0.5
        : 0
      : c.kind === 'liveness'
        ? 2
        : c.kind === 'recovery' || c.kind === 'fault'
          ? 3
          : 1;
  const failed = checks.filter((c) => c.status === 'failed').sort((a, b) => rank(a) - rank(b));
  return failed[0] ? checkFamily(failed[0].id) : undefined;
}

export interface ShrinkDeps extends WindowDeps {
  readonly ctx: CheckContext;
  /** The API with the workload's request timeout. */
  readonly workloadApi: KvApi;
  readonly wl: WorkloadOptions;
  readonly streams: RunStreams;
  readonly log: Logger;
  /** Keys and values of a run id of their own, so no rerun reads another's (or the run's) data. */
  readonly freshIds: () => Ids;
  readonly livenessTimeoutMs: number;
  /**
   * How long the run's workload went on (its faults keep it going past workload-duration). Every rerun's clients
   * go on at least as long: a candidate without the fault that kept the run busy late must not pass merely because
   * no client was left to read what a fault before it lost.
   */
  readonly minWorkloadMs: number;
  readonly maxRuns: number;
  readonly budgetMs: number;
}

/** A schedule line that still knows its planned step, so a candidate keeps the original's partition sides. */
type Planned = ScheduleEntry & { readonly step: FaultStep };

/**
 * Shrinks the failed run's schedule by reruns on the same cluster. Each rerun is a fresh workload (a new run id)
 * with the candidate's windows, their recovery and the liveness hold, judged as the run was; it reproduces when it
 * fails with `family`. Every window heals in its own finally, and whatever a cancel leaves is healed by the engine.
 */
export async function shrinkFailure(s: ShrinkDeps, windows: readonly Window[], family: string): Promise<ShrinkRecord> {
  const original: Planned[] = windowsAsSchedule(windows).map((e, i) => ({ ...e, step: windows[i]!.step }));
  let n = 0;
  const oracle = async (candidate: readonly ScheduleEntry[]): Promise<boolean> => {
    n++;
    const text = formatSchedule(candidate, '; ') || '(no fault)';
    const failed = await rerun(s, candidate as readonly Planned[]);
    const families = [...new Set(failed.map((c) => checkFamily(c.id)))];
    const same = families.includes(family);
    const verdict = same ? `failed (${family})` : families.length > 0 ? `failed otherwise (${families.join(', ')})` : 'passed';
    s.log.info(`Shrink rerun ${n}: ${text} → ${verdict}.`);
    return same;
  };
  const out = await shrinkSchedule(original, oracle, {
    maxRuns: s.maxRuns,
    budgetMs: s.budgetMs,
    now: () => s.ctx.clock.now(),
    signal: s.ctx.signal,
  });
  return {
    family,
    original: formatSchedule(original, '; '),
    minimal: formatSchedule(out.minimal, '; '),
    originalFaults: original.length,
    minimalFaults: out.minimal.length,
    oneMinimal: out.oneMinimal,
    reproduce: { k: REPRODUCE_K, m: REPRODUCE_M },
    ...(out.rate ? { rate: out.rate } : {}),
    reruns: out.reruns,
    maxReruns: s.maxRuns,
    elapsedMs: Math.round(out.elapsedMs),
    budgetMs: s.budgetMs,
    stoppedBy: out.stoppedBy,
    tried: out.tried,
  };
}

/** One rerun: its failed checks (workload, windows, recovery, liveness). */
async function rerun(s: ShrinkDeps, candidate: readonly Planned[]): Promise<Check[]> {
  const ctx: CheckContext = { ...s.ctx, ids: s.freshIds(), seen: new SeenValues() };
  const session = new WorkloadSession({ ...ctx, api: s.workloadApi }, s.wl, s.streams);
  const windows: Window[] = candidate.map((e) => ({ step: e.step, startMs: e.atMs, endMs: e.atMs + e.forMs }));
  const outcomes = await windowsDuringWorkload(ctx, windows, session, s, s.minWorkloadMs);
  const judged = await session.finish(undefined, (m) => s.log.warn(m));
  const recovery = await observeRecovery(ctx, outcomes);
  const checks = [...judged.checks, ...judgeWindows(outcomes, recovery, ctx.limits).checks];
  if (s.livenessTimeoutMs > 0 && !ctx.signal.aborted) {
    checks.push(...(await checkLiveness(ctx, { nodes: ctx.nodes, timeoutMs: s.livenessTimeoutMs, down: downNodes(recovery) })));
  }
  // A cancelled rerun proves nothing either way; the shrink sees the cancel before it judges the next one.
  return ctx.signal.aborted ? [] : checks.filter((c) => c.status === 'failed');
}
