// The fault suite as the engine runs it: every planned fault in turn, each as its own phase, observed by the
// driver and then judged. Durability carries over: each fault checks everything acknowledged before it.
import type { CheckContext } from '../checks/context.js';
import type { AckedWrite } from '../checks/seen.js';
import type { Check, FaultReport, Phase } from '../model/result.js';
import type { ActiveFaults } from './active.js';
import type { FaultActions } from './docker.js';
import { judgeFault, type FaultJudgement } from './judge.js';
import { observeFault, type ObserveOptions } from './observe.js';
import { carryForward, type FaultStep } from './plan.js';
import { formatMs } from '../util/text.js';

export interface FaultSuiteDeps {
  readonly actions: FaultActions;
  readonly active: ActiveFaults;
  /** How long each fault holds at least. */
  readonly durationMs: number;
  /** The engine's phase runner (records a timeline row). */
  readonly phase: <T>(name: string, fn: () => Promise<T>, ok: (value: T) => boolean) => Promise<T>;
  /** Appends a row to the timeline as is (used for "held" rows with a note). */
  readonly addPhase: (phase: Phase) => void;
  readonly sinceStart: () => number;
  readonly info: (message: string) => void;
  /** Acknowledged writes from before the suite (the replication phase). */
  readonly earlier: readonly AckedWrite[];
  /** Told when each fault began to hold and was healed (a workload running through the suite records both). */
  readonly mark?: ObserveOptions['mark'];
  /** Receives each fault's checks and report as soon as it is done, so nothing is lost if a later one throws. */
  readonly record: (checks: readonly Check[], report: FaultReport, step: FaultStep) => void;
}

/** A fault that could not be applied because of an input: the engine turns it into an input error. */
export class FaultInputProblem extends Error {
  constructor(
    readonly input: string,
    message: string,
  ) {
    super(message);
  }
}

export async function runFaultSuite(ctx: CheckContext, steps: readonly FaultStep[], deps: FaultSuiteDeps): Promise<boolean> {
  let allPassed = true;
  let known: AckedWrite[] = [...deps.earlier];
  const missing = new Set<string>();
  for (const step of steps) {
    if (ctx.signal.aborted) break;
    if (step.voice === 'fault')
      deps.info(
        `Fault ${step.index}/${steps.length}: ${step.kind} ${step.target} ` +
          `(${step.targets.map((n) => n.url).join(', ') || 'no server maps to it'}).`,
      );
    else deps.info(`Restarting ${step.target} (${step.targets.map((n) => n.url).join(', ') || 'no server maps to it'}).`);
    const out: FaultJudgement = await deps.phase(
      step.phase,
      async () => {
        const seen = await observeFault(ctx, step, {
          actions: deps.actions,
          active: deps.active,
          durationMs: deps.durationMs,
          earlier: known,
          sinceStart: deps.sinceStart,
          ...(deps.mark ? { mark: deps.mark } : {}),
        });
        return judgeFault(seen, ctx.limits, ctx.claim);
      },
      (r) => r.report.verdict === 'passed',
    );
    deps.record(out.checks, out.report, step);
    if (out.report.verdict === 'failed') allPassed = false;
    const r = out.report;
    if (step.voice === 'fault' && r.beganMs !== undefined && r.healedMs !== undefined) {
      deps.addPhase({
        name: `${step.phase} held`,
        startMs: r.beganMs,
        endMs: r.healedMs,
        status: r.verdict === 'passed' ? 'ok' : 'failed',
        note: `${step.kind} began at ${formatMs(r.beganMs)}, healed at ${formatMs(r.healedMs)}`,
      });
    }
    // A key some node no longer returns has been reported; later faults do not report it again.
    for (const k of out.missing) missing.add(k);
    known = carryForward([...known, ...out.acked], missing);
    if (out.inputProblem) throw new FaultInputProblem(out.inputProblem.input, out.inputProblem.message);
  }
  return allPassed;
}
