// What a fault driver offers the fault engine: apply a fault to a service (or the grudges of a cluster-wide
// partition) and get back how to heal it. Docker (docker.ts) and the user's own commands (commands.ts) implement it;
// the unit tests, an in-memory cluster.
import type { HealOutcome } from './active.js';
import type { FaultSpec } from './kinds/index.js';

export interface AppliedFault {
  /** One line saying what was done, for the report. */
  readonly description: string;
  /** Undoes the fault (for restart: waits for the restart to finish). */
  heal(): Promise<HealOutcome>;
}

export type ApplyResult =
  { readonly ok: true; readonly fault: AppliedFault } | { readonly ok: false; readonly detail: string; readonly input?: string };

export interface FaultActions {
  /** Looks up, before the moment a fault strikes, what applying it to these services will need (container ids). */
  prepare?(services: readonly string[]): Promise<void>;
  /** Applies a fault to one service's containers. */
  apply(spec: FaultSpec, service: string): Promise<ApplyResult>;
  /** Applies a cluster-wide partition: each [a, b] means service a receives nothing from service b. */
  applyGrudges(spec: FaultSpec, grudges: readonly (readonly [string, string])[]): Promise<ApplyResult>;
}
