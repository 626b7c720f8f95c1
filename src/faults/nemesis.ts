// fault-schedule: random. While the workload runs, faults start and heal at random moments across its duration,
// drawn from the run's seed, several at once when they touch different services. Every start and heal goes into
// the history (the nemesis events) and the report's timeline; the history as a whole is what is judged.
import type { CheckContext } from '../checks/context.js';
import type { NodeInfo, Check, FaultReport, Phase } from '../model/result.js';
import { observe } from '../checks/kv-api.js';
import { untilRecovered } from '../checks/serving.js';
import type { NemesisEvent } from '../linearizability/index.js';
import type { ActiveFaults, HealOutcome } from './active.js';
import type { FaultActions } from './docker.js';
import { applyStep } from './group.js';
import type { FaultStep } from './plan.js';
import { planFaults, planProblem } from './plan.js';
import type { ScheduleEntry } from './schedule.js';
import { seededRandom } from '../core/random.js';
import { formatMs } from '../util/text.js';
import type { Limits } from '../core/policies.js';
import { faultVoice } from './wording.js';
import type { RecoveryRead } from './observe.js';
import { makeCheck } from '../model/check.js';

export interface Window {
  readonly step: FaultStep;
  /** Milliseconds after the workload starts. */
  readonly startMs: number;
  readonly endMs: number;
}

/**
 * Places each fault in a window of `holdMs` inside [0, durationMs), at a random start (from `seed`), so that faults
 * touching a common service never overlap. A fault that finds no free place after a bounded number of draws is
 * left out (and said so by the caller).
 */
export function planWindows(
  steps: readonly FaultStep[],
  durationMs: number,
  holdMs: number,
  seed: number,
): { windows: Window[]; left: FaultStep[] } {
  const random = seededRandom(seed);
  const hold = Math.min(holdMs, durationMs * 0.6);
  const windows: Window[] = [];
  const left: FaultStep[] = [];
  for (const step of steps) {
    let placed: Window | undefined;
    for (let attempt = 0; attempt < 50 && !placed; attempt++) {
      const startMs = Math.floor(random() * Math.max(1, durationMs * 0.9 - hold));
      const candidate = { step, startMs, endMs: startMs + hold };
      const clash = windows.some(
        (w) => w.startMs < candidate.endMs && candidate.startMs < w.endMs && w.step.services.some((s) => step.services.includes(s)),
      );
      if (!clash) placed = candidate;
    }
    if (placed) windows.push(placed);
    else left.push(step);
  }
  return { windows: windows.sort((a, b) => a.startMs - b.startMs), left };
}

/**
 * The windows of an explicit schedule (faults/schedule.ts), one per line, in line order: each line planned as the
 * fault suite plans a fault (so ids, phases and reports read the same), numbered across the whole schedule where one
 * fault hits one target twice (`fault:kill:kv_2#2`).
 */
export function planTimeline(
  entries: readonly ScheduleEntry[],
  nodes: readonly NodeInfo[],
  shuffle?: <T>(items: readonly T[]) => T[],
): Window[] {
  const seen = new Map<string, number>();
  return entries.map((entry, i) => {
    const [step] = planFaults({ specs: [entry.spec], groups: [entry.services], nodes, ...(shuffle ? { shuffle } : {}) });
    const base = step!.idPrefix;
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    const numbered: FaultStep = {
      ...step!,
      index: i + 1,
      idPrefix: n > 1 ? `${base}#${n}` : base,
      phase: n > 1 ? `${step!.phase} #${n}` : step!.phase,
    };
    return { step: numbered, startMs: entry.atMs, endMs: entry.atMs + entry.forMs };
  });
}

/** Windows as schedule lines: what a random schedule prints, and what a replay passes as fault-schedule. */
export function windowsAsSchedule(windows: readonly Window[]): ScheduleEntry[] {
  return windows.map((w) => ({
    atMs: Math.round(w.startMs),
    spec: w.step.spec,
    services: w.step.grudges ? [] : [...w.step.services],
    forMs: Math.max(1, Math.round(w.endMs - w.startMs)),
  }));
}

export interface RandomScheduleDeps {
  readonly actions: FaultActions;
  readonly active: ActiveFaults;
  /** Milliseconds since the run started, for the timeline. */
  readonly sinceStart: () => number;
  /** Records a start or heal on the history's clock. */
  readonly record: (event: Omit<NemesisEvent, 'time'>) => void;
}

export interface WindowOutcome {
  readonly window: Window;
  readonly applied: { ok: true; description: string } | { ok: false; detail: string };
  readonly beganMs?: number;
  readonly healedMs?: number;
  readonly heal?: HealOutcome;
}

/**
 * Runs the windows against the clock until all are over (or the run is cancelled); heals always. Windows on a common
 * service run one after the other: a window whose start falls while an earlier one on that service still holds (an
 * explicit schedule may ask for that) starts once the earlier one healed, and then holds for its whole duration.
 */
export async function runWindows(ctx: CheckContext, windows: readonly Window[], deps: RandomScheduleDeps): Promise<WindowOutcome[]> {
  const started = ctx.clock.now();
  // Windows on a common service never overlap on paper, but one may be planned to start the moment another ends,
  // and healing takes time: a fault applied while the last one's heal is still removing rules from the same
  // namespace would have its rules flushed, or leave that heal finding rules it did not expect. So each window waits
  // until every earlier window on its services has healed.
  const healed = new Map<string, Promise<unknown>>();
  return Promise.all(
    windows.map((window) => {
      const earlier = window.step.services.flatMap((s) => (healed.has(s) ? [healed.get(s)!] : []));
      const run = runWindow(ctx, window, started, Promise.all(earlier), deps);
      for (const s of window.step.services) healed.set(s, run);
      return run;
    }),
  );
}

async function runWindow(
  ctx: CheckContext,
  window: Window,
  started: number,
  earlier: Promise<unknown>,
  deps: RandomScheduleDeps,
): Promise<WindowOutcome> {
  const { step } = window;
  const wait = started + window.startMs - ctx.clock.now();
  if (wait > 0) await ctx.clock.sleep(wait, ctx.signal);
  await earlier;
  if (ctx.signal.aborted) return { window, applied: { ok: false, detail: 'the run was cancelled first' } };
  const problem = planProblem(step);
  if (problem) return { window, applied: { ok: false, detail: problem } };
  const a = await applyStep(deps.actions, deps.active, step);
  if (!a.ok) return { window, applied: { ok: false, detail: a.detail } };
  const beganAt = ctx.clock.now();
  const beganMs = deps.sinceStart();
  deps.record({ f: 'start', fault: step.spec.name, target: step.target });
  let outcome: HealOutcome | undefined;
  try {
    // The whole hold, even when an earlier heal on the same service made it start late.
    const left = beganAt + (window.endMs - window.startMs) - ctx.clock.now();
    if (left > 0) await ctx.clock.sleep(left, ctx.signal);
  } finally {
    outcome = await a.heal();
    deps.record({ f: 'stop', fault: step.spec.name, target: step.target });
  }
  return { window, applied: { ok: true, description: a.description }, beganMs, healedMs: deps.sinceStart(), heal: outcome };
}

/** After every window healed: does each node a fault touched answer again? (The reads the judge needs.) */
export async function observeRecovery(ctx: CheckContext, outcomes: readonly WindowOutcome[]): Promise<Map<NodeInfo, RecoveryRead>> {
  const nodes = [...new Set(outcomes.filter((o) => o.applied.ok && o.heal?.ok).flatMap((o) => o.window.step.targets))];
  const reads = await Promise.all(
    nodes.map(async (node): Promise<[NodeInfo, RecoveryRead]> => {
      const back = await untilRecovered(ctx, node, undefined);
      return [node, { node, done: back.done, elapsedMs: back.elapsedMs, last: observe(back.last?.outcome) }];
    }),
  );
  return new Map(reads);
}

/**
 * Judges each window (pure): it applied, it healed, and every node it touched answers again. The workload history
 * is judged as a whole elsewhere; catch-up is not judged per window.
 */
export function judgeWindows(
  outcomes: readonly WindowOutcome[],
  recovery: ReadonlyMap<NodeInfo, RecoveryRead>,
  limits: Limits,
): { checks: Check[]; reports: FaultReport[]; phases: Phase[] } {
  const checks: Check[] = [];
  const reports: FaultReport[] = [];
  const phases: Phase[] = [];
  for (const o of outcomes) {
    const { step } = o.window;
    const p = step.idPrefix;
    const voice = faultVoice({ kind: step.kind, name: step.spec.name, target: step.target, services: step.services, limits });
    const where = step.services[0] ? { service: step.services[0] } : {};
    const mine: Check[] = [];
    if (!o.applied.ok) {
      mine.push(makeCheck({ id: `${p}:apply`, kind: 'fault', status: 'failed', said: voice.apply(o.applied.detail), ...where }));
    } else if (o.heal && !o.heal.ok) {
      mine.push(makeCheck({ id: `${p}:heal`, kind: 'fault', status: 'failed', said: voice.heal(o.heal.detail), ...where }));
    } else {
      for (const node of step.targets) {
        const r = recovery.get(node);
        if (!r) continue;
        // Polled once every window of the schedule had healed, so no time since this one's heal is claimed.
        const said = r.done
          ? {
              ...voice.recovered(node.label, 0, undefined),
              detail: `${node.label} answered again once the faults of the schedule were healed.`,
            }
          : voice.notRecovered(node.label, r.last);
        const status = r.done ? 'passed' : 'failed';
        mine.push(
          makeCheck({ id: `${p}:recovery:${node.label}`, kind: 'recovery', status, said, durationMs: r.elapsedMs, node, actual: r.last }),
        );
      }
    }
    checks.push(...mine);
    const failed = mine.some((c) => c.status === 'failed');
    reports.push({
      kind: step.kind,
      target: step.target,
      action: o.applied.ok ? o.applied.description : `${step.spec.name} ${step.target}`,
      ...(o.beganMs !== undefined ? { beganMs: o.beganMs } : {}),
      ...(o.healedMs !== undefined ? { healedMs: o.healedMs } : {}),
      ...(o.beganMs !== undefined && o.healedMs !== undefined ? { heldMs: o.healedMs - o.beganMs } : {}),
      writesAccepted: 0,
      writesRefused: 0,
      refusedBy: [],
      availability: 'n/a',
      staleNodes: [],
      lostKeys: [],
      verdict: failed ? 'failed' : 'passed',
      checkIds: mine.map((c) => c.id),
    });
    if (o.beganMs !== undefined && o.healedMs !== undefined) {
      phases.push({
        name: `${step.phase} held`,
        startMs: o.beganMs,
        endMs: o.healedMs,
        status: failed ? 'failed' : 'ok',
        note: `schedule: ${step.spec.name} began at ${formatMs(o.beganMs)}, healed at ${formatMs(o.healedMs)}`,
      });
    }
  }
  return { checks, reports, phases };
}
