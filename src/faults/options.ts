// Validation of the fault-suite inputs (pure), kept beside the faults so options.ts only calls it.
import type { RawInputs } from '../config/inputs.js';
import { secondsInput, splitList, type Fail } from '../config/values.js';
import { FAULT_KINDS, parseFaultKinds, type FaultKind } from './plan.js';

export const MAX_FAULT_DURATION_S = 600;

export interface FaultOptions {
  /** Fault kinds in the order given; empty: no fault suite (restart-target alone keeps the restart check). */
  readonly kinds: readonly FaultKind[];
  /**
   * Every service named in `fault-targets` (or restart-target), once each, in the order first named. The engine
   * checks these against the project's services once it is resolved.
   */
  readonly targets: readonly string[];
  /** What each fault is applied to, in turn: one or more services faulted together (`etcd_1+etcd_2`). */
  readonly groups: readonly (readonly string[])[];
  readonly durationMs: number;
  /** Networks a partition cuts (Compose names or full names); empty: every network of the service. */
  readonly partitionNetworks: readonly string[];
}


export function parseFaultOptions(raw: RawInputs, restartTarget: string | undefined, fail: Fail): FaultOptions {
  const { kinds, unknown } = parseFaultKinds(splitList(raw.faults));
  if (unknown.length > 0) {
    fail('faults', `${unknown.map((u) => `'${u}'`).join(', ')} ${unknown.length === 1 ? 'is not a fault' : 'are not faults'}.`, `Use any of: ${FAULT_KINDS.join(', ')}.`);
  }
  const groups = parseTargetGroups(splitList(raw['fault-targets']), fail);
  if (kinds.length > 0 && groups.length === 0 && restartTarget === undefined) {
    fail('fault-targets', 'is empty, and so is restart-target, so the faults have no service to act on.', 'Name the compose service(s) to fault, e.g. kv_4.');
  }
  const durationMs = secondsInput(raw, 'fault-duration', MAX_FAULT_DURATION_S, fail);
  const chosen = groups.length > 0 ? groups : restartTarget !== undefined ? [[restartTarget]] : [];
  return {
    kinds,
    targets: [...new Set(chosen.flat())],
    groups: chosen,
    durationMs,
    partitionNetworks: [...new Set(splitList(raw['partition-networks']))],
  };
}

/**
 * Each `fault-targets` entry is a group of services joined by `+`, faulted together. The same group twice runs
 * once (as a repeated single service always has); a service may still appear in several groups.
 */
function parseTargetGroups(entries: readonly string[], fail: Fail): string[][] {
  const groups: string[][] = [];
  const seen = new Set<string>();
  for (const entry of entries) {
    const services = entry.split('+').map((s) => s.trim());
    if (services.some((s) => s === '')) {
      fail('fault-targets', `'${entry}' has an empty name beside a '+'.`, "Join two or more services with '+', e.g. etcd_1+etcd_2; separate groups with commas or newlines.");
      continue;
    }
    const twice = [...new Set(services.filter((s, i) => services.indexOf(s) !== i))];
    if (twice.length > 0) {
      fail('fault-targets', `'${entry}' names ${twice.join(', ')} more than once.`, `Name each service once per group, e.g. ${[...new Set(services)].join('+')}.`);
      continue;
    }
    const key = services.join('+');
    if (seen.has(key)) continue;
    seen.add(key);
    groups.push(services);
  }
  return groups;
}
