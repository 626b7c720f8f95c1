// The action's outputs as a pure function of the result and where its report went.
import type { RunResult } from '../model/result.js';

export function outputsOf(
  result: RunResult,
  reportPath: string,
): Record<
  | 'result'
  | 'report'
  | 'max-convergence-ms'
  | 'history'
  | 'history-html'
  | 'seed'
  | 'strongest-model'
  | 'checks-total'
  | 'checks-failed'
  | 'minimal-schedule',
  string
> {
  return {
    result: result.verdict,
    report: reportPath,
    'max-convergence-ms': result.maxConvergenceMs === null ? '' : String(Math.round(result.maxConvergenceMs)),
    history: result.workload?.history?.json ?? '',
    'history-html': result.workload?.history?.html ?? '',
    seed: result.seed === undefined ? '' : String(result.seed),
    // `none`: a workload ran and not even eventual consistency held; empty: no workload, so no ladder.
    'strongest-model': result.workload?.models ? (result.workload.models.strongest ?? 'none') : '',
    'checks-total': String(result.checks.length),
    'checks-failed': String(result.checks.filter((c) => c.status === 'failed').length),
    // Schedule syntax, `; `-separated: pasted as fault-schedule (or --fault-schedule) it runs the shrunk failure.
    'minimal-schedule': result.shrink?.minimal ?? '',
  };
}
