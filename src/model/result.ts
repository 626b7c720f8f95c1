// The one result model. The engine fills it; every reporter (step summary, annotations, outputs, JSON report,
// terminal) only reads it. Plain data, so it serialises as the JSON report unchanged.

export const SCHEMA_VERSION = 1;

export type CheckStatus = 'passed' | 'failed' | 'skipped';

/** What a node last answered, bounded for reports. */
export interface Observation {
  readonly status?: number;
  readonly error?: string;
  /** Printable preview of the body (untrusted: reporters escape it). */
  readonly bodyPreview?: string;
  readonly bodyBytes?: number;
  readonly truncated?: boolean;
}

export interface Check {
  readonly id: string;
  /** readiness | replication | restart | recovery | catch-up | durability | ... */
  readonly kind: string;
  readonly title: string;
  readonly status: CheckStatus;
  readonly durationMs: number;
  /** One sentence saying what happened. */
  readonly detail: string;
  /** Service the finding belongs to, so annotations can point at its compose definition. */
  readonly service?: string;
  readonly node?: string;
  readonly expected?: string;
  readonly actual?: Observation;
  readonly waitedMs?: number;
}

export interface NodeInfo {
  readonly url: string;
  /** Service name where the URL maps to one, else host:port. */
  readonly label: string;
  readonly service?: string;
  /** Why the URL maps (or does not map) to a service. */
  readonly mapping: string;
  /** Milliseconds from the end of `compose up` until the node first answered below 500. */
  readonly readyMs?: number;
}

export interface Phase {
  readonly name: string;
  /** Milliseconds since the run started. */
  readonly startMs: number;
  readonly endMs: number;
  readonly status: 'ok' | 'failed';
  readonly note?: string;
}

/** Time from a write's acknowledgement until each reader first returned the value; null: never within the timeout. */
export interface ConvergenceMatrix {
  readonly writers: readonly string[];
  readonly readers: readonly string[];
  readonly ms: readonly (readonly (number | null)[])[];
}

export interface ServiceLog {
  readonly service: string;
  /** Bounded tail of the log (untrusted). */
  readonly text: string;
}

export interface RunError {
  readonly message: string;
  readonly fix?: string;
  readonly input?: string;
  /** Bounded output of the failing program (untrusted). */
  readonly detail?: string;
}

export interface RunResult {
  readonly schemaVersion: typeof SCHEMA_VERSION;
  readonly tool: { readonly name: 'replicheck'; readonly version: string };
  readonly verdict: 'passed' | 'failed';
  readonly startedAt: string;
  readonly durationMs: number;
  readonly project: {
    readonly name: string;
    readonly directory: string;
    readonly composeFiles: readonly string[];
    readonly compose?: { readonly kind: 'v2' | 'v1'; readonly version: string };
  };
  /** Where each service is defined, for annotations on the pull request diff. */
  readonly serviceLocations: Readonly<Record<string, { readonly file: string; readonly line: number }>>;
  readonly nodes: readonly NodeInfo[];
  readonly phases: readonly Phase[];
  readonly checks: readonly Check[];
  readonly convergence: ConvergenceMatrix;
  readonly maxConvergenceMs: number | null;
  readonly logs: readonly ServiceLog[];
  readonly errors: readonly RunError[];
  readonly teardown: { readonly policy: string; readonly performed: boolean; readonly leftovers?: readonly string[] };
}

/** The run fails when any check failed or the run could not be carried out; skipped checks do not fail it. */
export function decideVerdict(checks: readonly Check[], errors: readonly RunError[]): 'passed' | 'failed' {
  if (errors.length > 0) return 'failed';
  return checks.some((c) => c.status === 'failed') ? 'failed' : 'passed';
}

export function maxConvergence(matrix: ConvergenceMatrix): number | null {
  let max: number | null = null;
  for (const row of matrix.ms) for (const v of row) if (v !== null && (max === null || v > max)) max = v;
  return max;
}
