// The action's outputs as a pure function of the result and where its report went.
import type { RunResult } from '../model/result.js';

export function outputsOf(
  result: RunResult,
  reportPath: string,
): Record<'result' | 'report' | 'max-convergence-ms' | 'history' | 'history-html' | 'seed', string> {
  return {
    result: result.verdict,
    report: reportPath,
    'max-convergence-ms': result.maxConvergenceMs === null ? '' : String(Math.round(result.maxConvergenceMs)),
    history: result.workload?.history?.json ?? '',
    'history-html': result.workload?.history?.html ?? '',
    seed: result.seed === undefined ? '' : String(result.seed),
  };
}
