// The few numbers deep code may depend on. Checks, faults and the workload get this small record and the named
// poll policies below, never the whole options object, so what a part can be tuned by is visible in its types.

export interface Limits {
  /** How long a value may take to reach a node (input convergence-timeout). */
  readonly convergenceTimeoutMs: number;
  /** How long a node may take to answer (again) after start, restart or healing (input startup-timeout). */
  readonly startupTimeoutMs: number;
}

interface PollPolicy {
  /** Which limit bounds the wait, or a fixed bound in ms. */
  readonly timeout: keyof Limits | number;
  /** First pause between attempts; grows by half each time up to maxDelayMs. */
  readonly minDelayMs: number;
  readonly maxDelayMs: number;
}

/**
 * Every kind of waiting the engine does, once. Reads of a value poll tightly (convergence is what is measured, so
 * the delay must stay small against it); waiting for a node to come up backs off further; watching a restart take
 * a node down is the tightest, since a restart takes well under a second.
 */
export const POLL = {
  /** Until a node returns an expected value (replication, catch-up, durability, reads while a fault holds). */
  value: { timeout: 'convergenceTimeoutMs', minDelayMs: 2, maxDelayMs: 100 },
  /** Until every node returns the same value for a key (the end of an eventual workload). */
  settle: { timeout: 'convergenceTimeoutMs', minDelayMs: 5, maxDelayMs: 200 },
  /** Until a node answers below 500 after the cluster started. */
  ready: { timeout: 'startupTimeoutMs', minDelayMs: 20, maxDelayMs: 250 },
  /** Until a node answers below 500 again after a fault. */
  recover: { timeout: 'startupTimeoutMs', minDelayMs: 10, maxDelayMs: 200 },
  /** Until some node acknowledges a write after a fault that refused every write. */
  writable: { timeout: 'startupTimeoutMs', minDelayMs: 20, maxDelayMs: 250 },
  /** Until a restarting node is seen down (or its restart is over). */
  down: { timeout: 60_000, minDelayMs: 5, maxDelayMs: 20 },
} as const satisfies Record<string, PollPolicy>;

export type PollName = keyof typeof POLL;

/** The timeout and delays of one policy under these limits. */
export function pollSettings(name: PollName, limits: Limits): { timeoutMs: number; minDelayMs: number; maxDelayMs: number } {
  const p: PollPolicy = POLL[name];
  return { timeoutMs: typeof p.timeout === 'number' ? p.timeout : limits[p.timeout], minDelayMs: p.minDelayMs, maxDelayMs: p.maxDelayMs };
}
