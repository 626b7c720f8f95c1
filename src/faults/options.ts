// Validation of the fault-suite inputs (pure), kept beside the faults so options.ts only calls it.
import type { GroupInputs } from '../inputs/list.js';
import { secondsInput, splitList, type Fail } from '../inputs/values.js';
import { describeKind, faultSyntax, parseFaultSpecs, type FaultSpec } from './kinds/index.js';
import { isClusterWide } from './kinds/partition.js';

export const MAX_FAULT_DURATION_S = 600;

export const FAULT_SCHEDULES = ['sequence', 'random'] as const;
export type FaultSchedule = (typeof FAULT_SCHEDULES)[number];

export interface FaultOptions {
  /** Faults in the order given; empty: no fault suite (restart-target alone keeps the restart check). */
  readonly specs: readonly FaultSpec[];
  /** sequence: one fault after another; random: at random moments while the workload runs. */
  readonly schedule: FaultSchedule;
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

export function parseFaultOptions(raw: GroupInputs<'faults'>, restartTarget: string | undefined, fail: Fail): FaultOptions {
  const { specs, problems } = parseFaultSpecs(splitList(raw.faults));
  for (const problem of problems) {
    fail('faults', `${problem}.`, `Use any of: ${faultSyntax()}; e.g. partition:halves, loss:30%, latency:200, clock:-30s.`);
  }
  const groups = parseTargetGroups(splitList(raw['fault-targets']), fail);
  const needTargets = specs.some((s) => !isClusterWide(s));
  if (needTargets && groups.length === 0 && restartTarget === undefined) {
    fail(
      'fault-targets',
      'is empty, and so is restart-target, so the faults have no service to act on.',
      'Name the compose service(s) to fault, e.g. kv_4.',
    );
  }
  const durationMs = secondsInput(raw, 'fault-duration', MAX_FAULT_DURATION_S, fail);
  const chosen = groups.length > 0 ? groups : restartTarget !== undefined ? [[restartTarget]] : [];
  const schedule = (raw['fault-schedule'] || 'sequence').toLowerCase() as FaultSchedule;
  if (!FAULT_SCHEDULES.includes(schedule))
    fail('fault-schedule', `'${raw['fault-schedule']}' is not a fault schedule.`, "Use 'sequence' or 'random'.");
  const partitionNetworks = [...new Set(splitList(raw['partition-networks']))];
  if (partitionNetworks.length > 0 && specs.length > 0 && !specs.some((s) => describeKind(s.kind).cutsNetworks)) {
    fail(
      'partition-networks',
      'applies to the disconnect fault only, and faults has none.',
      'partition cuts a node off from its peers inside its network namespace, whatever its networks; ' +
        "use 'disconnect' to cut networks with Docker, or leave partition-networks empty.",
    );
  }
  return {
    specs,
    schedule,
    targets: [...new Set(chosen.flat())],
    groups: chosen,
    durationMs,
    partitionNetworks,
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
      fail(
        'fault-targets',
        `'${entry}' has an empty name beside a '+'.`,
        "Join two or more services with '+', e.g. etcd_1+etcd_2; separate groups with commas or newlines.",
      );
      continue;
    }
    const twice = [...new Set(services.filter((s, i) => services.indexOf(s) !== i))];
    if (twice.length > 0) {
      fail(
        'fault-targets',
        `'${entry}' names ${twice.join(', ')} more than once.`,
        `Name each service once per group, e.g. ${[...new Set(services)].join('+')}.`,
      );
      continue;
    }
    const key = services.join('+');
    if (seen.has(key)) continue;
    seen.add(key);
    groups.push(services);
  }
  return groups;
}
