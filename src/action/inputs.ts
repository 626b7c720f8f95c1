// The action's inputs: `with:` over the config file (input `config`) over the declared defaults, read the same way
// by the main step and the post step, so the post step checks the saved state against what the main step ran.
import { relative } from 'node:path';
import {
  ConfigFileError,
  configProblem,
  givenByRunner,
  inputsFromFile,
  loadConfigFile,
  mergeInputs,
  type ConfigFile,
  type GivenInputs,
} from '../config/file.js';
import type { InputProblem } from '../inputs/errors.js';
import { readRawInputs, type InputName, type RawInputs } from '../inputs/list.js';

export interface ActionInputs {
  readonly raw: RawInputs;
  /** What is wrong with the config file: reported as bad input, before anything starts. */
  readonly problems: readonly InputProblem[];
  /** The config file read, and the inputs taken from it (a problem with one of them says so). */
  readonly fromFile?: { readonly file: string; readonly config: ConfigFile; readonly inputs: readonly InputName[] };
}

/**
 * `get` reads `with:` as the runner passes it (every input, defaults filled in); `cwd` is the workspace, where
 * `config` and paths in `with:` start.
 */
export async function readActionInputs(get: (name: InputName) => string | undefined, cwd: string): Promise<ActionInputs> {
  const given: GivenInputs = givenByRunner(get);
  const file = given.config;
  if (file === undefined) return { raw: readRawInputs((n) => given[n]), problems: [] };
  let config: ConfigFile;
  try {
    config = await loadConfigFile(file, cwd);
  } catch (error) {
    if (!(error instanceof ConfigFileError)) throw error;
    // Only what is wrong with the file: the inputs it would have set are not missing, they are unread.
    return { raw: readRawInputs((n) => given[n]), problems: [configProblem(error)] };
  }
  const merged = mergeInputs(given, config, cwd);
  const shown = relative(cwd, config.path) || config.path;
  return { raw: readRawInputs((n) => merged[n]), problems: [], fromFile: { file: shown, config, inputs: inputsFromFile(given, config) } };
}
