// The config file of `replicheck run`: the same keys as the action's inputs, in JSON or YAML, so a long command
// line can live in the repository next to the compose file.
import { readFile, access } from 'node:fs/promises';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { INPUTS, type InputName, type InputSpec } from '../inputs/list.js';
import { UsageError, suggest } from './usage.js';

/** Looked for in the current directory, in this order, unless --config or --no-config is given. */
export const DEFAULT_CONFIG_FILES = ['replicheck.json', 'replicheck.yml', 'replicheck.yaml'] as const;

export interface ConfigFile {
  readonly path: string;
  /** Relative paths in the file (working-directory, report-file) are relative to this folder. */
  readonly directory: string;
  readonly inputs: Partial<Record<InputName, string>>;
}

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
    throw new UsageError(`Found ${found.map((f) => basename(f)).join(' and ')}: keep one, or choose with --config FILE.`);
  }
  return found[0];
}

export async function loadConfigFile(file: string, cwd: string): Promise<ConfigFile> {
  const path = resolve(cwd, file);
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    throw new UsageError(`Cannot read the config file ${file}: ${(error as Error).message}.`);
  }
  const ext = extname(path).toLowerCase();
  let data: unknown;
  try {
    if (ext === '.json') {
      data = JSON.parse(text);
    } else if (ext === '.yml' || ext === '.yaml') {
      // Loaded only here, so commands without a YAML file never pay for the parser.
      const { parse } = await import('yaml');
      data = parse(text);
    } else {
      throw new UsageError(`The config file ${file} must end in .json, .yml or .yaml.`);
    }
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new UsageError(`The config file ${file} is not valid ${ext === '.json' ? 'JSON' : 'YAML'}: ${(error as Error).message}`);
  }
  return { path, directory: dirname(path), inputs: configInputs(data, file) };
}

/**
 * Checks the keys and turns values into input strings: numbers and booleans as written, a list of plain values
 * as one item per line (like a multi-line input), anything nested as JSON (which YAML-valued inputs accept).
 */
export function configInputs(data: unknown, file: string): Partial<Record<InputName, string>> {
  if (data === null || data === undefined) return {};
  if (typeof data !== 'object' || Array.isArray(data)) {
    throw new UsageError(`The config file ${file} must hold an object of input names and values.`);
  }
  const names = (INPUTS as readonly InputSpec[]).map((s) => s.name);
  const unknown = Object.keys(data).filter((k) => !names.includes(k));
  if (unknown.length > 0) {
    const list = unknown.map((k) => `'${k}'${suggest(k, names, (s) => ` (did you mean '${s}'?)`)}`).join(', ');
    throw new UsageError(`Unknown key${unknown.length > 1 ? 's' : ''} in ${file}: ${list}. Keys are the input names.`);
  }
  const out: Partial<Record<InputName, string>> = {};
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
 * Flags over the config file over the defaults. Paths written in the file are relative to the file's folder (so
 * `--config deploy/replicheck.yml` works from anywhere); paths given as flags are relative to the current one.
 */
export function mergeInputs(
  flags: Partial<Record<InputName, string>>,
  config: ConfigFile | undefined,
  cwd: string,
): Partial<Record<InputName, string>> {
  const merged: Partial<Record<InputName, string>> = { ...config?.inputs };
  if (config && resolve(config.directory) !== resolve(cwd)) {
    merged['working-directory'] = resolve(config.directory, merged['working-directory'] || '.');
    const report = merged['report-file'];
    if (report) merged['report-file'] = resolve(config.directory, report);
  }
  return { ...merged, ...flags };
}
