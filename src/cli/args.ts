// Command-line arguments of `replicheck run`, pure. Every action input is a `--name` flag, derived from the one
// INPUTS list, so an input added for the action is a flag here without touching this file.
import type { ParseArgsOptionsConfig } from 'node:util';
import { INPUTS, type InputName, type InputSpec } from '../inputs/list.js';
import { parseCommandLine } from './usage.js';

export interface RunArgs {
  /** Input values given as flags (a flag given twice is a list: values joined with newlines). */
  readonly inputs: Partial<Record<InputName, string>>;
  readonly config?: string;
  /** Do not load replicheck.json / .yml / .yaml from the working directory. */
  readonly noConfig: boolean;
  readonly json: boolean;
  readonly help: boolean;
  /** Help was asked for only as `-h`: the short form (each input's first sentence), as `--help` is the whole text. */
  readonly briefHelp: boolean;
}

/** Flags of `run` that are not inputs. */
export const CLI_FLAGS = ['config', 'no-config', 'json', 'help'] as const;

// The `config` input is the CLI's own --config flag: the same file, which the CLI also finds in the current
// directory by itself (and --no-config stops it from looking).
const specs = (INPUTS as readonly InputSpec[]).filter((s) => s.name !== 'config');

/** Inputs whose value is a boolean: they also take `--name` alone (true) and `--no-name` (false). */
export function isBooleanInput(spec: InputSpec): boolean {
  return spec.default === 'true' || spec.default === 'false';
}

const INPUT_NAMES = new Set(specs.map((s) => s.name));
const BOOLEAN_FLAGS = new Set(specs.filter(isBooleanInput).map((s) => `--${s.name}`));
/** `no-build` → `build`, for every boolean input. */
const NEGATIONS = new Map(specs.filter(isBooleanInput).map((s) => [`no-${s.name}`, s.name as InputName]));

const OPTIONS: ParseArgsOptionsConfig = {
  config: { type: 'string' },
  'no-config': { type: 'boolean' },
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
  ...Object.fromEntries(specs.map((s) => [s.name, { type: 'string', multiple: true }])),
  ...Object.fromEntries([...NEGATIONS.keys()].map((name) => [name, { type: 'boolean' }])),
};

export function parseRunArgs(argv: readonly string[]): RunArgs {
  const { values, tokens } = parseCommandLine('run', withBareBooleans(argv), OPTIONS, false);
  const inputs: Partial<Record<InputName, string>> = {};
  // Tokens, not values: `--build` and `--no-build` write the same input, so their order on the line counts.
  for (const token of tokens) {
    if (token.kind !== 'option') continue;
    const negated = NEGATIONS.get(token.name);
    if (negated !== undefined) {
      inputs[negated] = 'false';
    } else if (INPUT_NAMES.has(token.name) && token.value !== undefined) {
      const key = token.name as InputName;
      inputs[key] = inputs[key] === undefined ? token.value : `${inputs[key]}\n${token.value}`;
    }
  }
  const config = values.config as string | undefined;
  return {
    inputs,
    ...(config !== undefined ? { config } : {}),
    noConfig: values['no-config'] === true,
    json: values.json === true,
    help: values.help === true,
    briefHelp: values.help === true && tokens.every((t) => t.kind !== 'option' || t.rawName !== '--help'),
  };
}

/**
 * A boolean input takes a value (`--build false`, `--build=false`) or none (`--build`), which parseArgs cannot
 * declare for one option: a bare one, not followed by true or false, is written out as `--build=true` first.
 */
function withBareBooleans(argv: readonly string[]): string[] {
  const end = argv.includes('--') ? argv.indexOf('--') : argv.length;
  return argv.map((arg, i) => (i < end && BOOLEAN_FLAGS.has(arg) && !/^(true|false)$/i.test(argv[i + 1] ?? '') ? `${arg}=true` : arg));
}
