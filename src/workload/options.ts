// Validation of the workload inputs (pure), kept beside the workload so options.ts only calls it.
import type { GroupInputs } from '../inputs/list.js';
import { parseSize, secondsInput, wholeInput, type Fail } from '../inputs/values.js';
import { CONSISTENCY_MODELS, isConsistencyModel, type ConsistencyModel } from '../consistency/models.js';

/** Input consistency: the claim of the whole run (replication, faults, workload, sweep). */
export function parseClaim(raw: Pick<GroupInputs<'workload'>, 'consistency'>, fail: Fail): ConsistencyModel {
  const claim = raw.consistency.trim().toLowerCase();
  if (isConsistencyModel(claim)) return claim;
  fail(
    'consistency',
    `'${raw.consistency}' is not a consistency model.`,
    `Use one of ${CONSISTENCY_MODELS.map((m) => `'${m}'`).join(', ')} (weakest first).`,
  );
  return 'eventual';
}

export type Consistency = ConsistencyModel;

/** roaming: each operation to a random node; sticky: each client keeps to one node. */
export const SESSION_MODES = ['roaming', 'sticky'] as const;
export type SessionMode = (typeof SESSION_MODES)[number];

export type WorkloadModel = 'register' | 'cas-register';

export interface WorkloadOptions {
  /** register: reads and writes; cas-register: reads, writes and compare-and-set. */
  readonly model: WorkloadModel;
  readonly clients: number;
  readonly durationMs: number;
  readonly keys: number;
  /** The run's claim (input consistency): the model the workload's history must satisfy. */
  readonly consistency: Consistency;
  readonly sessions: SessionMode;
  /** How long one operation may take before it is indeterminate and its client moves on (workload-timeout). */
  readonly timeoutMs: number;
  /** Memory the linearizability search may take (input max-memory). */
  readonly maxMemoryBytes?: number;
}

export const MAX_CLIENTS = 64;
export const MAX_KEYS = 100;
export const MAX_DURATION_S = 600;

/** The workload to run, or undefined for `workload: none`; problems go to `fail`. */
export function parseWorkloadOptions(raw: GroupInputs<'workload'>, fail: Fail): WorkloadOptions | undefined {
  const kind = raw.workload.toLowerCase();
  if (kind !== 'none' && kind !== 'register' && kind !== 'cas-register')
    fail('workload', `'${raw.workload}' is not a workload.`, "Use 'none', 'register' or 'cas-register'.");
  const consistency = parseClaim(raw, fail);
  const sessions = raw['workload-sessions'].toLowerCase();
  if (!(SESSION_MODES as readonly string[]).includes(sessions)) {
    fail('workload-sessions', `'${raw['workload-sessions']}' is not a session mode.`, "Use 'roaming' or 'sticky'.");
  }
  const clients = wholeInput(raw, 'workload-clients', 1, MAX_CLIENTS, fail);
  const keys = wholeInput(raw, 'workload-keys', 1, MAX_KEYS, fail);
  const durationMs = secondsInput(raw, 'workload-duration', MAX_DURATION_S, fail);
  const timeoutMs = secondsInput(raw, 'workload-timeout', 300, fail);
  const maxMemoryBytes = parseSize(raw['max-memory'] || '1G');
  if (maxMemoryBytes === undefined)
    fail('max-memory', `'${raw['max-memory']}' is not a size of at least 16 MiB.`, "Write e.g. '512M' or '2G'.");
  if (kind !== 'register' && kind !== 'cas-register') return undefined;
  return {
    model: kind,
    clients,
    keys,
    durationMs,
    timeoutMs,
    consistency,
    sessions: sessions as SessionMode,
    ...(maxMemoryBytes !== undefined ? { maxMemoryBytes } : {}),
  };
}
