// Faults through the user's own commands (`fault-commands`), for clusters Replicheck does not start: a YAML mapping
// from fault kind to shell command templates, `{ apply: "...", heal: "..." }`, with `{target}` (the node's name)
// and `{url}` (its base URL) shell-quoted into place. A kind keeps its meaning for the checks (a stopped node does
// not answer, a partitioned one may), whatever the commands do.
import { parse } from 'yaml';
import { exitText, resultText, type Exec, type ExecResult } from '../exec/process.js';
import type { HealOutcome } from './active.js';
import type { ApplyResult, FaultActions } from './actions.js';
import { FAULT_KINDS, describeKind, isFaultKind, type FaultKind } from './kinds/index.js';

export interface FaultCommand {
  readonly apply: string;
  /** Absent only for a kind that heals itself (restart). */
  readonly heal?: string;
}

export type FaultCommands = Readonly<Partial<Record<FaultKind, FaultCommand>>>;

/** Longest output kept of one command, in lines (the rest is cut). */
export const COMMAND_OUTPUT_LINES = 40;

/** Parses the input; every problem is one sentence naming the kind. */
export function parseFaultCommands(text: string): { commands: FaultCommands; problems: string[] } {
  if (text.trim() === '') return { commands: {}, problems: [] };
  let doc: unknown;
  try {
    doc = parse(text, { maxAliasCount: 10 });
  } catch (error) {
    return { commands: {}, problems: [`is not YAML: ${(error as Error).message.split('\n')[0]}`] };
  }
  if (typeof doc !== 'object' || doc === null || Array.isArray(doc))
    return { commands: {}, problems: ['must be a mapping from fault kind to { apply, heal }'] };
  const commands: Partial<Record<FaultKind, FaultCommand>> = {};
  const problems: string[] = [];
  for (const [kind, entry] of Object.entries(doc as Record<string, unknown>)) {
    if (!isFaultKind(kind)) {
      problems.push(`'${kind}' is not a fault kind (${FAULT_KINDS.join(', ')})`);
      continue;
    }
    const e = entry as { apply?: unknown; heal?: unknown } | null;
    if (typeof e !== 'object' || e === null || typeof e.apply !== 'string' || e.apply.trim() === '') {
      problems.push(`${kind} needs an apply command, e.g. ${kind}: { apply: "...", heal: "..." }`);
      continue;
    }
    if (e.heal !== undefined && typeof e.heal !== 'string') {
      problems.push(`${kind}: heal must be a command (a string)`);
      continue;
    }
    if (!describeKind(kind).healsItself && (e.heal === undefined || e.heal.trim() === '')) {
      const selfHealing = FAULT_KINDS.filter((k) => describeKind(k).healsItself).join(' and ');
      problems.push(`${kind} needs a heal command: every fault but ${selfHealing} must be undone`);
      continue;
    }
    const stray = [...`${e.apply} ${e.heal ?? ''}`.matchAll(/\{([A-Za-z_][\w-]*)\}/g)]
      .map((m) => m[1])
      .filter((n) => n !== 'target' && n !== 'url');
    if (stray.length > 0) {
      problems.push(
        `${kind} uses unknown placeholder(s) ${[...new Set(stray)].map((n) => `{${n}}`).join(', ')}; only {target} and {url} are filled in`,
      );
      continue;
    }
    commands[kind as FaultKind] = { apply: e.apply, ...(typeof e.heal === 'string' && e.heal.trim() !== '' ? { heal: e.heal } : {}) };
  }
  return { commands, problems };
}

/** POSIX shell quoting: the value as one word, whatever it holds. */
export function shellQuote(value: string): string {
  return `'${value.replace(/'/g, `'\\''`)}'`;
}

/** A command line with `{target}` and `{url}` replaced by quoted values. */
export function fillCommand(template: string, fill: { target: string; url: string }): string {
  return template.replace(/\{(target|url)\}/g, (_, name: 'target' | 'url') => shellQuote(fill[name]));
}

export interface CommandRun {
  readonly command: string;
  readonly result: ExecResult;
}

export interface CommandActionOptions {
  readonly exec: Exec;
  readonly commands: FaultCommands;
  /** Node name -> base URL. */
  readonly urls: ReadonlyMap<string, string>;
  readonly cwd: string;
  readonly timeoutMs: number;
  /** Every command run, with its output: shown in a group in the log, and in the summary when one fails. */
  readonly onRun: (run: CommandRun) => void;
  /** Told what heal would undo a fault that now holds (undefined when it was healed), so the post step can. */
  readonly onPending?: (key: string, heal: { label: string; command: string } | undefined) => void;
}

/** The exit always, then what it printed: a user reads it to see which of their commands went wrong. */
function said(r: ExecResult): string {
  if (r.startError) return `could not start: ${r.startError}`;
  const printed = resultText(r);
  const exit = exitText(r);
  return printed === exit ? exit : `${exit}: ${printed}`;
}

export function commandFaultActions(o: CommandActionOptions): FaultActions {
  let pending = 0;
  const run = async (command: string): Promise<ExecResult> => {
    const result = await o.exec.run('sh', ['-c', command], { cwd: o.cwd, timeoutMs: o.timeoutMs, maxBytes: 64 * 1024 });
    o.onRun({ command, result });
    return result;
  };
  return {
    async apply(spec, target): Promise<ApplyResult> {
      const entry = o.commands[spec.kind];
      const url = o.urls.get(target);
      if (!entry) return { ok: false, detail: `fault-commands has no ${spec.kind} entry` };
      if (url === undefined) return { ok: false, detail: `no server is named ${target}` };
      const fill = { target, url };
      const heal = entry.heal ? fillCommand(entry.heal, fill) : undefined;
      const key = `${spec.kind}:${target}:${pending++}`;
      if (heal) o.onPending?.(key, { label: `${spec.name} ${target}`, command: heal });
      const applied = await run(fillCommand(entry.apply, fill));
      const healing = async (): Promise<HealOutcome> => {
        if (!heal) return { ok: true, detail: `${spec.kind} ${target} needs no heal` };
        const r = await run(heal);
        if (r.code === 0) o.onPending?.(key, undefined);
        return r.code === 0
          ? { ok: true, detail: `ran the ${spec.kind} heal command for ${target}` }
          : {
              ok: false,
              detail:
                `the ${spec.kind} heal command for ${target} failed (${said(r)}); ${target} may still be ` +
                `${describeKind(spec.kind).words.stillState}: run it by hand: ${heal}`,
            };
      };
      if (applied.code !== 0) {
        // It may have half-worked: undo what it may have done.
        if (heal) await healing();
        return { ok: false, detail: `the ${spec.kind} apply command for ${target} failed (${said(applied)})` };
      }
      return {
        ok: true,
        fault: { description: `ran the ${spec.kind} command for ${target}${heal ? ', then its heal command' : ''}`, heal: healing },
      };
    },
    async applyGrudges(spec) {
      return { ok: false, detail: `${spec.name} needs Docker and is not available with cluster: external` };
    },
  };
}
