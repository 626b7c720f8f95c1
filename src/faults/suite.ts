// The fault suite as the engine runs it: every planned fault in turn, each as its own phase, with a timeline row
// for the time it held. Durability carries over: each fault checks everything acknowledged before it.
import type { CheckContext } from '../checks/context.js';
import type { Check, FaultReport, Phase } from '../model/result.js';
import { InputError } from '../config/options.js';
import type { InputName } from '../config/inputs.js';
import type { ActiveFaults } from './active.js';
import type { FaultActions } from './docker.js';
import type { DuringFault } from './cycle.js';
import { runFaultCycle } from './cycle.js';
import type { AckedWrite } from './plan.js';
import { carryForward, planFaults } from './plan.js';
import { formatMs } from '../util/text.js';

export interface FaultSuiteDeps {
  readonly actions: FaultActions;
  readonly active: ActiveFaults;
  /** The engine's phase runner (records a timeline row). */
  readonly phase: <T>(name: string, fn: () => Promise<T>, ok: (value: T) => boolean) => Promise<T>;
  /** Appends a row to the timeline as is (used for "held" rows with a note). */
  readonly addPhase: (phase: Phase) => void;
  readonly sinceStart: () => number;
  readonly info: (message: string) => void;
  /** Acknowledged writes from before the suite (the replication phase). */
  readonly earlier: readonly AckedWrite[];
  readonly duringFault?: DuringFault;
  /** Receives each fault's checks and report as soon as it is done, so nothing is lost if a later one throws. */
  readonly record: (checks: readonly Check[], report: FaultReport) => void;
}

export async function runFaultSuite(ctx: CheckContext, deps: FaultSuiteDeps): Promise<boolean> {
  const f = ctx.options.faults;
  const steps = planFaults({ kinds: f.kinds, groups: f.groups, nodes: ctx.nodes });
  let allPassed = true;
  let known: AckedWrite[] = [...deps.earlier];
  const lost = new Set<string>();
  for (const step of steps) {
    if (ctx.signal.aborted) break;
    deps.info(`Fault ${step.index}/${steps.length}: ${step.kind} ${step.target} (${step.targets.map((n) => n.url).join(', ') || 'no server maps to it'}).`);
    const out = await deps.phase(
      step.phase,
      () => runFaultCycle(ctx, step, { actions: deps.actions, active: deps.active, durationMs: f.durationMs, earlier: known, sinceStart: deps.sinceStart, ...(deps.duringFault ? { duringFault: deps.duringFault } : {}) }),
      (r) => r.report.verdict === 'passed',
    );
    deps.record(out.checks, out.report);
    if (out.report.verdict === 'failed') allPassed = false;
    const r = out.report;
    if (r.beganMs !== undefined && r.healedMs !== undefined) {
      deps.addPhase({
        name: `${step.phase} held`,
        startMs: r.beganMs,
        endMs: r.healedMs,
        status: r.verdict === 'passed' ? 'ok' : 'failed',
        note: `${step.kind} began at ${formatMs(r.beganMs)}, healed at ${formatMs(r.healedMs)}`,
      });
    }
    for (const k of out.lost) lost.add(k);
    known = carryForward([...known, ...out.acked], lost);
    if (out.inputProblem) {
      throw new InputError([{ input: out.inputProblem.input as InputName, message: out.inputProblem.message, fix: 'Name networks the service is attached to (as in the compose file), or leave partition-networks empty to cut all of them.' }]);
    }
  }
  return allPassed;
}
