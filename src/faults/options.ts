// Validation of the fault-suite inputs (pure), kept beside the faults so options.ts only calls it.
import type { InputName, RawInputs } from '../config/inputs.js';
import { FAULT_KINDS, parseFaultKinds, type FaultKind } from './plan.js';

type Fail = (input: InputName, message: string, fix: string) => undefined;

export const MAX_FAULT_DURATION_S = 600;

export interface FaultOptions {
  /** Fault kinds in the order given; empty: no fault suite (restart-target alone keeps the restart check). */
  readonly kinds: readonly FaultKind[];
  /** Services to fault; empty: restart-target. Checked against the project's services once it is resolved. */
  readonly targets: readonly string[];
  readonly durationMs: number;
  /** Networks a partition cuts (Compose names or full names); empty: every network of the service. */
  readonly partitionNetworks: readonly string[];
}

function list(value: string): string[] {
  return value
    .split(/[\n,]/)
    .map((item) => item.trim())
    .filter((item) => item !== '');
}

export function parseFaultOptions(raw: RawInputs, restartTarget: string | undefined, fail: Fail): FaultOptions {
  const { kinds, unknown } = parseFaultKinds(list(raw.faults));
  if (unknown.length > 0) {
    fail('faults', `${unknown.map((u) => `'${u}'`).join(', ')} ${unknown.length === 1 ? 'is not a fault' : 'are not faults'}.`, `Use any of: ${FAULT_KINDS.join(', ')}.`);
  }
  const targets = [...new Set(list(raw['fault-targets']))];
  if (kinds.length > 0 && targets.length === 0 && restartTarget === undefined) {
    fail('fault-targets', 'is empty, and so is restart-target, so the faults have no service to act on.', 'Name the compose service(s) to fault, e.g. kv_4.');
  }
  const text = raw['fault-duration'];
  const seconds = /^\d+(\.\d+)?$/.test(text) ? Number(text) : Number.NaN;
  if (!Number.isFinite(seconds) || seconds <= 0 || seconds > MAX_FAULT_DURATION_S) {
    fail('fault-duration', `'${text}' is not a number of seconds between 0 and ${MAX_FAULT_DURATION_S}.`, "Give a positive number, e.g. '3'.");
  }
  return {
    kinds,
    targets: targets.length > 0 ? targets : restartTarget !== undefined ? [restartTarget] : [],
    durationMs: Number.isFinite(seconds) ? Math.round(seconds * 1000) : 0,
    partitionNetworks: [...new Set(list(raw['partition-networks']))],
  };
}
