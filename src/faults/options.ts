// Validation of the fault-suite inputs (pure), kept beside the faults so options.ts only calls it.
import type { GroupInputs } from '../inputs/list.js';
import { secondsInput, splitList, wholeInput, type Fail } from '../inputs/values.js';
import { describeKind, faultSyntax, parseFaultSpecs, type FaultSpec } from './kinds/index.js';
import { isClusterWide } from './kinds/partition.js';
import { isExplicitSchedule, parseSchedule, type ScheduleEntry } from './schedule.js';

export const MAX_FAULT_DURATION_S = 600;
/** The most reruns `shrink` may ask for, and the longest budget: bounds on what one job may spend shrinking. */
export const MAX_SHRINK_RUNS = 500;
export const MAX_SHRINK_BUDGET_S = 6 * 3600;
export const MAX_LIVENESS_TIMEOUT_S = 600;

export const FAULT_SCHEDULES = ['sequence', 'random'] as const;
/** `explicit`: the input was a list of `at <T>s <fault> <target> for <D>s` lines (faults/schedule.ts). */
export type FaultSchedule = (typeof FAULT_SCHEDULES)[number] | 'explicit';

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
  /** The lines of an explicit schedule, as given; empty unless `schedule` is explicit. */
  readonly timeline: readonly ScheduleEntry[];
  /** Reruns `shrink` may spend on a failed scheduled run (0: no shrinking), and the time they may take. */
  readonly shrink: number;
  readonly shrinkBudgetMs: number;
  /** How long each node has, once a schedule healed, to take and return a fresh write; 0: no liveness phase. */
  readonly livenessTimeoutMs: number;
}

export function parseFaultOptions(raw: GroupInputs<'faults'>, restartTarget: string | undefined, fail: Fail): FaultOptions {
  const explicit = isExplicitSchedule(raw['fault-schedule']);
  const parsed = explicit ? fromTimeline(raw, fail) : fromFaultList(raw, restartTarget, fail);
  const durationMs = secondsInput(raw, 'fault-duration', MAX_FAULT_DURATION_S, fail);
  const schedule = explicit ? 'explicit' : ((raw['fault-schedule'] || 'sequence').toLowerCase() as FaultSchedule);
  if (!explicit && !(FAULT_SCHEDULES as readonly string[]).includes(schedule)) {
    fail(
      'fault-schedule',
      `'${raw['fault-schedule']}' is not a fault schedule.`,
      "Use 'sequence', 'random', or lines 'at <T>s <fault> <target> for <D>s', e.g. 'at 1s pause kv_2 for 5s'.",
    );
  }
  const partitionNetworks = [...new Set(splitList(raw['partition-networks']))];
  if (partitionNetworks.length > 0 && parsed.specs.length > 0 && !parsed.specs.some((s) => describeKind(s.kind).cutsNetworks)) {
    fail(
      'partition-networks',
      'applies to the disconnect fault only, and faults has none.',
      'partition cuts a node off from its peers inside its network namespace, whatever its networks; ' +
        "use 'disconnect' to cut networks with Docker, or leave partition-networks empty.",
    );
  }
  const shrink = wholeInput(raw, 'shrink', 0, MAX_SHRINK_RUNS, fail, '20');
  if (shrink > 0 && schedule !== 'random' && schedule !== 'explicit') {
    fail(
      'shrink',
      'shrinks a fault schedule that runs against the workload clock, and fault-schedule is sequence.',
      "Use fault-schedule 'random' (or explicit 'at <T>s ...' lines) with a workload, or set shrink to 0.",
    );
  }
  return {
    ...parsed,
    schedule,
    targets: [...new Set(parsed.groups.flat())],
    durationMs,
    partitionNetworks,
    shrink: Number.isNaN(shrink) ? 0 : shrink,
    shrinkBudgetMs: secondsInput(raw, 'shrink-budget', MAX_SHRINK_BUDGET_S, fail),
    livenessTimeoutMs: livenessTimeout(raw, fail),
  };
}

/** `faults` × `fault-targets` (sequence, random). */
function fromFaultList(
  raw: GroupInputs<'faults'>,
  restartTarget: string | undefined,
  fail: Fail,
): Pick<FaultOptions, 'specs' | 'groups' | 'timeline'> {
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
  const chosen = groups.length > 0 ? groups : restartTarget !== undefined ? [[restartTarget]] : [];
  return { specs, groups: chosen, timeline: [] };
}

/**
 * An explicit schedule names each fault and its target on its own line, so `faults` and `fault-targets` would
 * only say it twice (and could disagree): they must be empty. Its services join `targets`, which the engine checks
 * against the project's services like any fault target.
 */
function fromTimeline(raw: GroupInputs<'faults'>, fail: Fail): Pick<FaultOptions, 'specs' | 'groups' | 'timeline'> {
  const { entries, problems } = parseSchedule(raw['fault-schedule']);
  for (const p of problems) fail('fault-schedule', `line '${p.line}' ${p.message}`, p.fix);
  for (const name of ['faults', 'fault-targets'] as const) {
    if (raw[name] !== '') {
      fail(
        name,
        `is set ('${raw[name]}'), and fault-schedule lists its faults line by line.`,
        `Leave ${name} empty: each schedule line names its fault and target (at 1s pause kv_2 for 5s).`,
      );
    }
  }
  const specs = [...new Map(entries.map((e) => [e.spec.name, e.spec])).values()];
  const groups = [...new Map(entries.filter((e) => e.services.length > 0).map((e) => [e.services.join('+'), e.services])).values()];
  return { specs, groups, timeline: entries };
}

/** Seconds, 0 allowed (no liveness phase). */
function livenessTimeout(raw: GroupInputs<'faults'>, fail: Fail): number {
  const text = raw['liveness-timeout'];
  if (text === '0') return 0;
  return secondsInput(raw, 'liveness-timeout', MAX_LIVENESS_TIMEOUT_S, fail);
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
