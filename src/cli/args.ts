// Command-line arguments of `replicheck run`, pure. Every action input is a `--name` flag, derived from the one
// INPUTS list, so an input added for the action is a flag here without touching this file.
import { INPUTS, type InputName, type InputSpec } from '../inputs/list.js';

/** Bad usage: unknown flag, missing value, stray argument. The CLI exits 2 with this message. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

export interface RunArgs {
  /** Input values given as flags (a flag given twice is a list: values joined with newlines). */
  readonly inputs: Partial<Record<InputName, string>>;
  readonly config?: string;
  /** Do not load replicheck.json / .yml / .yaml from the working directory. */
  readonly noConfig: boolean;
  readonly json: boolean;
  readonly help: boolean;
}

/** Flags of `run` that are not inputs. */
export const CLI_FLAGS = ['config', 'no-config', 'json', 'help'] as const;

const specs = INPUTS as readonly InputSpec[];
const INPUT_NAMES = new Set(specs.map((s) => s.name));

/** Inputs whose value is a boolean: they also take `--name` alone (true) and `--no-name` (false). */
export function isBooleanInput(spec: InputSpec): boolean {
  return spec.default === 'true' || spec.default === 'false';
}

export function parseRunArgs(argv: readonly string[]): RunArgs {
  const inputs: Partial<Record<InputName, string>> = {};
  let config: string | undefined;
  let noConfig = false;
  let json = false;
  let help = false;

  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '-h' || arg === '--help') {
      help = true;
      continue;
    }
    if (!arg.startsWith('--') || arg === '--') {
      throw new UsageError(`unexpected argument '${arg}': \`run\` takes only --flags (see replicheck run --help).`);
    }
    const eq = arg.indexOf('=');
    const name = arg.slice(2, eq > 0 ? eq : undefined);
    const inline = eq > 0 ? arg.slice(eq + 1) : undefined;
    const next = argv[i + 1];
    const takeValue = (): string => {
      if (inline !== undefined) return inline;
      if (next === undefined || next.startsWith('--')) throw new UsageError(`--${name} needs a value.`);
      i++;
      return next;
    };
    const noValue = (): void => {
      if (inline !== undefined) throw new UsageError(`--${name} takes no value.`);
    };

    if (name === 'config') {
      config = takeValue();
    } else if (name === 'no-config') {
      noValue();
      noConfig = true;
    } else if (name === 'json') {
      noValue();
      json = true;
    } else if (INPUT_NAMES.has(name)) {
      const spec = specs.find((s) => s.name === name)!;
      let value: string;
      if (isBooleanInput(spec) && inline === undefined && (next === undefined || !/^(true|false)$/i.test(next))) {
        value = 'true';
      } else {
        value = takeValue();
      }
      const key = name as InputName;
      inputs[key] = inputs[key] === undefined ? value : `${inputs[key]}\n${value}`;
    } else if (name.startsWith('no-') && specs.some((s) => s.name === name.slice(3) && isBooleanInput(s))) {
      noValue();
      inputs[name.slice(3) as InputName] = 'false';
    } else {
      throw new UsageError(`unknown flag --${name}.${suggest(name, [...INPUT_NAMES, ...CLI_FLAGS], (s) => ` Did you mean --${s}?`)}`);
    }
  }
  return { inputs, ...(config !== undefined ? { config } : {}), noConfig, json, help };
}

/** ` Did you mean X?` for the closest known name, or '' when nothing is close. */
export function suggest(word: string, names: readonly string[], phrase: (name: string) => string): string {
  let best: string | undefined;
  let bestDistance = Infinity;
  for (const name of names) {
    const d = name.includes(word) || word.includes(name) ? Math.abs(name.length - word.length) / 2 : distance(word, name);
    if (d < bestDistance) {
      best = name;
      bestDistance = d;
    }
  }
  // Far-off suggestions are noise: allow about one edit in three characters.
  return best !== undefined && bestDistance <= Math.max(2, Math.floor(word.length / 3)) ? phrase(best) : '';
}

/** Levenshtein distance. */
function distance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      row[j] = Math.min(prev[j]! + 1, row[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    prev = row;
  }
  return prev[b.length]!;
}
