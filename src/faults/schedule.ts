// Explicit fault schedules (pure): `fault-schedule` as lines `at <T>s <fault> <target> for <D>s`, parsed and
// printed here, so a random schedule can print itself in the form a user pastes back, and a shrunk one can be
// handed out as an output. parse(format(x)) gives x back for every schedule this module accepts.
import { faultSyntax, parseFaultSpec, type FaultSpec } from './kinds/index.js';
import { isClusterWide } from './kinds/partition.js';

/** The longest a scheduled fault may start after the workload began, or hold: an hour, as other time inputs. */
export const MAX_SCHEDULE_S = 3600;
/** Past this many lines a schedule is refused: every line is a window the run holds open. */
export const MAX_SCHEDULE_LINES = 200;
/** The target of a fault that splits the whole cluster (partition:halves, :majorities-ring, :bridge). */
export const CLUSTER_TARGET = 'cluster';

export interface ScheduleEntry {
  /** Milliseconds after the workload starts, whole. */
  readonly atMs: number;
  readonly spec: FaultSpec;
  /** The compose services faulted together; empty for a cluster-wide partition (target `cluster`). */
  readonly services: readonly string[];
  /** Milliseconds the fault holds, whole and positive. */
  readonly forMs: number;
}

export interface ScheduleProblem {
  /** The line as written (trimmed). */
  readonly line: string;
  readonly message: string;
  readonly fix: string;
}

const EXAMPLE = 'at 1s pause kv_2 for 5s';
const FIX = `Write each line as 'at <T>s <fault> <target> for <D>s', e.g. '${EXAMPLE}'; separate lines with newlines or ';'.`;

/** True when the input is a list of schedule lines rather than the name of a schedule (sequence, random). */
export function isExplicitSchedule(text: string): boolean {
  return /^\s*at\s/i.test(text);
}

/** How the schedule's target is written: `cluster`, one service, or services joined by `+`. */
export function entryTarget(entry: Pick<ScheduleEntry, 'services'>): string {
  return entry.services.length === 0 ? CLUSTER_TARGET : entry.services.join('+');
}

/** Seconds as the schedule writes them: up to three decimals, no trailing zeros (1500 ms is `1.5s`). */
export function formatSeconds(ms: number): string {
  return `${Math.round(ms) / 1000}s`;
}

export function formatEntry(e: ScheduleEntry): string {
  return `at ${formatSeconds(e.atMs)} ${e.spec.name} ${entryTarget(e)} for ${formatSeconds(e.forMs)}`;
}

/** One line per fault, in start order (ties: as given), joined by `separator` (`; ` fits a command line). */
export function formatSchedule(entries: readonly ScheduleEntry[], separator = '\n'): string {
  return sortEntries(entries).map(formatEntry).join(separator);
}

export function sortEntries(entries: readonly ScheduleEntry[]): ScheduleEntry[] {
  return entries
    .map((e, i) => ({ e, i }))
    .sort((a, b) => a.e.atMs - b.e.atMs || a.i - b.i)
    .map((x) => x.e);
}

/** Parses every line (newline- or `;`-separated; blank ones skipped); each bad line is one problem naming it. */
export function parseSchedule(text: string): { entries: ScheduleEntry[]; problems: ScheduleProblem[] } {
  const lines = text
    .split(/[\n;]/)
    .map((l) => l.trim())
    .filter((l) => l !== '');
  const entries: ScheduleEntry[] = [];
  const problems: ScheduleProblem[] = [];
  if (lines.length > MAX_SCHEDULE_LINES) {
    const fix = `Keep the schedule to at most ${MAX_SCHEDULE_LINES} faults, or use fault-schedule 'random'.`;
    return { entries, problems: [{ line: lines[MAX_SCHEDULE_LINES]!, message: `has ${lines.length} lines.`, fix }] };
  }
  for (const line of lines) {
    const r = parseLine(line);
    if ('problem' in r) problems.push({ line, ...r.problem });
    else entries.push(r.entry);
  }
  return { entries, problems };
}

function parseLine(line: string): { entry: ScheduleEntry } | { problem: Omit<ScheduleProblem, 'line'> } {
  const words = line.split(/\s+/);
  if (words.length !== 6 || words[0]!.toLowerCase() !== 'at' || words[4]!.toLowerCase() !== 'for') {
    return { problem: { message: 'is not a schedule line.', fix: FIX } };
  }
  const [, at, fault, target, , hold] = words as [string, string, string, string, string, string];
  const atMs = seconds(at, true);
  if (atMs === undefined) {
    return {
      problem: { message: `'${at}' is not a start time.`, fix: `Give seconds from 0 to ${MAX_SCHEDULE_S} with an s, e.g. 'at 1.5s'.` },
    };
  }
  const forMs = seconds(hold, false);
  if (forMs === undefined) {
    const fix = `Give a positive number of seconds up to ${MAX_SCHEDULE_S} with an s, e.g. 'for 5s'.`;
    return { problem: { message: `'${hold}' is not a duration.`, fix } };
  }
  const parsed = parseFaultSpec(fault);
  if ('problem' in parsed) {
    return { problem: { message: `${parsed.problem}.`, fix: `Use any of: ${faultSyntax()}; e.g. '${EXAMPLE}'.` } };
  }
  const services = parseTarget(target, parsed.spec);
  if ('problem' in services) return { problem: services.problem };
  return { entry: { atMs, spec: parsed.spec, services: services.services, forMs } };
}

function parseTarget(target: string, spec: FaultSpec): { services: string[] } | { problem: Omit<ScheduleProblem, 'line'> } {
  const wide = isClusterWide(spec);
  if (target.toLowerCase() === CLUSTER_TARGET) {
    if (wide) return { services: [] };
    const fix =
      `Name the service(s) to fault, e.g. 'at 1s ${spec.name} kv_2 for 5s'; ` +
      "only partition:halves, :majorities-ring and :bridge take 'cluster'.";
    return { problem: { message: `${spec.name} acts on services, not on the whole cluster.`, fix } };
  }
  if (wide) {
    const fix = `Write 'cluster' as its target, e.g. 'at 1s ${spec.name} cluster for 5s'.`;
    return { problem: { message: `${spec.name} splits the whole cluster, so it takes no service ('${target}').`, fix } };
  }
  const services = target.split('+');
  if (services.some((s) => s === '')) {
    return { problem: { message: `'${target}' has an empty name beside a '+'.`, fix: "Join services with '+', e.g. kv_0+kv_2." } };
  }
  const twice = [...new Set(services.filter((s, i) => services.indexOf(s) !== i))];
  if (twice.length > 0) {
    const fix = `Name each service once, e.g. ${[...new Set(services)].join('+')}.`;
    return { problem: { message: `'${target}' names ${twice.join(', ')} more than once.`, fix } };
  }
  return { services };
}

/** `1.5s` as 1500 ms; undefined unless it is a number of seconds with an `s`, in range (0 allowed for a start). */
function seconds(text: string, zeroAllowed: boolean): number | undefined {
  const m = /^(\d+(?:\.\d+)?)s$/i.exec(text);
  if (!m) return undefined;
  const ms = Math.round(Number(m[1]) * 1000);
  if (!Number.isFinite(ms) || ms > MAX_SCHEDULE_S * 1000 || (!zeroAllowed && ms <= 0)) return undefined;
  return ms;
}
