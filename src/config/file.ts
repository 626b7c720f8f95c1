// The config file of both front ends: the same keys as the inputs, in JSON or YAML, so a setup tuned with
// `replicheck run` locally is the setup the action runs (input `config`). Below both front ends, so neither one's
// reading of the file can drift from the other's; each puts a ConfigFileError in its own words (a usage error on
// the command line, an input error of `config` in the action).
import { readFile, access } from 'node:fs/promises';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { INPUTS, type InputName, type InputSpec } from '../inputs/list.js';
import type { InputProblem } from '../inputs/errors.js';
import { suggest } from '../util/suggest.js';

/** Looked for in the current directory by the CLI, in this order, unless --config or --no-config is given. */
export const DEFAULT_CONFIG_FILES = ['replicheck.json', 'replicheck.yml', 'replicheck.yaml'] as const;

/** Input values given one way or another (flags, `with:`, a file): only those present. */
export type GivenInputs = Partial<Record<InputName, string>>;

export interface ConfigFile {
  readonly path: string;
  /** Relative paths in the file (working-directory, report-file) are relative to this folder. */
  readonly directory: string;
  readonly inputs: GivenInputs;
}

/** A config file that cannot be used: unreadable, not JSON or YAML, not a mapping, or a key that is not an input. */
export class ConfigFileError extends Error {
  constructor(
    message: string,
    readonly fix: string,
  ) {
    super(message);
    this.name = 'ConfigFileError';
  }
}

const specs = INPUTS as readonly InputSpec[];
const NAMES = specs.map((s) => s.name);

/** The default config file in `cwd`, if there is exactly one; two of them is an error (which one is meant?). */
export async function findDefaultConfig(cwd: string): Promise<string | undefined> {
  const found: string[] = [];
  for (const name of DEFAULT_CONFIG_FILES) {
    const path = join(cwd, name);
    if (
      await access(path).then(
        () => true,
        () => false,
      )
    )
      found.push(path);
  }
  if (found.length > 1) {
    throw new ConfigFileError(
      `Found ${found.map((f) => basename(f)).join(' and ')}: which one is meant?`,
      'Keep one, or choose with --config FILE.',
    );
  }
  return found[0];
}

export async function loadConfigFile(file: string, cwd: string): Promise<ConfigFile> {
  const path = resolve(cwd, file);
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new ConfigFileError(`Cannot read the config file ${file}: ${(error as Error).message}.`, 'Check its path.');
  }
  const ext = extname(path).toLowerCase();
  if (ext !== '.json' && ext !== '.yml' && ext !== '.yaml') {
    throw new ConfigFileError(`The config file ${file} must end in .json, .yml or .yaml.`, 'Rename it, e.g. replicheck.yml.');
  }
  let data: unknown;
  try {
    // YAML is loaded only here, so commands without a YAML file never pay for the parser.
    data = ext === '.json' ? JSON.parse(text) : (await import('yaml')).parse(text);
  } catch (error) {
    throw new ConfigFileError(
      `The config file ${file} is not valid ${ext === '.json' ? 'JSON' : 'YAML'}: ${(error as Error).message}`,
      'Mend it where the message points.',
    );
  }
  return { path, directory: dirname(path), inputs: configInputs(data, file) };
}

/**
 * Checks the keys and turns values into input strings: numbers and booleans as written, a list of plain values
 * as one item per line (like a multi-line input), anything nested as JSON (which YAML-valued inputs and JSON body
 * templates accept). `config` itself is refused: a file naming another file is a chain nobody can follow.
 */
export function configInputs(data: unknown, file: string): GivenInputs {
  if (data === null || data === undefined) return {};
  if (typeof data !== 'object' || Array.isArray(data)) {
    throw new ConfigFileError(
      `The config file ${file} must hold an object of input names and values.`,
      'Write one key per input, e.g. servers: http://localhost:8080.',
    );
  }
  const keys = Object.keys(data);
  const unknown = keys.filter((k) => !NAMES.includes(k));
  if (unknown.length > 0) {
    const list = unknown.map((k) => `'${k}'${suggest(k, NAMES, (s) => ` (did you mean '${s}'?)`)}`).join(', ');
    throw new ConfigFileError(
      `Unknown key${unknown.length > 1 ? 's' : ''} in ${file}: ${list}.`,
      'Keys are the input names (those of action.yml and of replicheck run --help).',
    );
  }
  if (keys.includes('config')) {
    throw new ConfigFileError(`The key 'config' in ${file} names another config file.`, 'Remove it: a config file cannot include another.');
  }
  const out: GivenInputs = {};
  for (const [key, value] of Object.entries(data as Record<string, unknown>)) {
    if (value === null || value === undefined) continue;
    out[key as InputName] = toInputString(value);
  }
  return out;
}

function toInputString(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value) && value.every((v) => ['string', 'number', 'boolean'].includes(typeof v))) return value.join('\n');
  return JSON.stringify(value);
}

/**
 * Given inputs over the config file over the defaults. Paths written in the file are relative to the file's folder
 * (so `deploy/replicheck.yml` works from anywhere); paths given directly are relative to `cwd`.
 */
export function mergeInputs(given: GivenInputs, config: ConfigFile | undefined, cwd: string): GivenInputs {
  const merged: GivenInputs = { ...config?.inputs };
  if (config && resolve(config.directory) !== resolve(cwd)) {
    merged['working-directory'] = resolve(config.directory, merged['working-directory'] || '.');
    const report = merged['report-file'];
    if (report) merged['report-file'] = resolve(config.directory, report);
  }
  return { ...merged, ...given };
}

/** The inputs whose value comes from the file: in it, and not given directly. */
export function inputsFromFile(given: GivenInputs, config: ConfigFile | undefined): InputName[] {
  return Object.keys(config?.inputs ?? {}).filter((k) => given[k as InputName] === undefined) as InputName[];
}

/**
 * What the runner's inputs say that the defaults do not. The runner hands every declared input to the action, its
 * default filled in when `with:` leaves it out, so "left out" and "written as the default" look the same: both
 * are taken as not given, and the config file decides. Booleans compare case-insensitively (`True` is `true`).
 */
export function givenByRunner(get: (name: InputName) => string | undefined): GivenInputs {
  const given: GivenInputs = {};
  for (const spec of specs) {
    const value = (get(spec.name as InputName) ?? '').trim();
    if (value === '' || isDefault(spec, value)) continue;
    given[spec.name as InputName] = value;
  }
  return given;
}

function isDefault(spec: InputSpec, value: string): boolean {
  const fallback = spec.default ?? '';
  if (fallback === 'true' || fallback === 'false') return value.toLowerCase() === fallback;
  return value === fallback;
}

/** A config file's problem as the action reports bad inputs: a problem of the `config` input. */
export function configProblem(error: ConfigFileError): InputProblem {
  return { input: 'config', message: error.message, fix: error.fix };
}
