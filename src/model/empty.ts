import type { RunError, RunResult } from './result.js';
import { SCHEMA_VERSION } from './result.js';

/** The result of a run that stopped before it had a project: bad inputs. */
export function emptyResult(version: string, errors: readonly RunError[], startedAt: string): RunResult {
  return {
    schemaVersion: SCHEMA_VERSION,
    tool: { name: 'replicheck', version },
    verdict: 'failed',
    startedAt,
    durationMs: 0,
    project: { name: '', directory: '', composeFiles: [] },
    serviceLocations: {},
    nodes: [],
    phases: [],
    checks: [],
    convergence: { writers: [], readers: [], ms: [] },
    maxConvergenceMs: null,
    logs: [],
    errors,
    teardown: { policy: 'never', performed: false },
  };
}
