// The command line that replays a run (pure): `replicheck run --seed N` with every input the run set to something
// other than its default, the schedule as explicit lines in place of faults × targets, and no secret. The host
// adds it to the result, since only the host knows the raw inputs: the engine stays pure of them.
import { INPUTS, type InputName, type InputSpec, type RawInputs } from '../inputs/list.js';
import type { ReplayRecord } from '../model/result.js';

/**
 * Inputs a replay does not pass on: the config file (its inputs are in `raw` already), the seed (given once, as
 * --seed), and shrinking (a replay reruns the run; shrinking it again is a choice of its own).
 */
const NOT_REPLAYED = new Set<string>(['config', 'seed', 'workload-seed', 'shrink', 'shrink-budget']);
/** With the schedule given as lines, these would only repeat it (and an explicit schedule refuses them). */
const SCHEDULE_PARTS = new Set<string>(['faults', 'fault-targets', 'fault-duration', 'fault-schedule']);

export function replayRecord(raw: RawInputs, seed: number, schedule: string | undefined): ReplayRecord {
  const args: string[] = ['replicheck', 'run', '--no-config', '--seed', String(seed)];
  const omitted: string[] = [];
  for (const spec of INPUTS as readonly InputSpec[]) {
    const name = spec.name as InputName;
    const value = raw[name] ?? '';
    if (NOT_REPLAYED.has(name) || value === (spec.default ?? '')) continue;
    if (schedule !== undefined && SCHEDULE_PARTS.has(name)) continue;
    if (spec.secret) {
      omitted.push(name);
      continue;
    }
    // A flag given twice is a list (its values joined by newlines), so a value of several lines is one flag a line.
    for (const line of value.split('\n')) args.push(`--${name}`, shellQuote(line));
  }
  if (schedule !== undefined && schedule !== '') args.push('--fault-schedule', shellQuote(schedule));
  return {
    seed,
    ...(schedule !== undefined ? { schedule } : {}),
    command: args.join(' '),
    ...(omitted.length > 0 ? { omitted } : {}),
  };
}

/** POSIX shell quoting: bare when only safe characters, else in single quotes (a quote inside as '\''). */
export function shellQuote(text: string): string {
  if (/^[A-Za-z0-9_@%+=:,./-]+$/.test(text)) return text;
  return `'${text.replaceAll("'", "'\\''")}'`;
}
