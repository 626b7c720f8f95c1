// The config file on the command line: the shared reader (src/config/file.ts), its refusals made usage errors so
// that a bad file fails like a bad flag.
import * as file from '../config/file.js';
import { UsageError } from './usage.js';

export { DEFAULT_CONFIG_FILES, mergeInputs, inputsFromFile, type ConfigFile } from '../config/file.js';

function asUsage(error: unknown): never {
  if (error instanceof file.ConfigFileError) throw new UsageError(`${error.message} ${error.fix}`);
  throw error;
}

export async function findDefaultConfig(cwd: string): Promise<string | undefined> {
  return file.findDefaultConfig(cwd).catch(asUsage);
}

export async function loadConfigFile(path: string, cwd: string): Promise<file.ConfigFile> {
  return file.loadConfigFile(path, cwd).catch(asUsage);
}

export function configInputs(data: unknown, path: string): file.GivenInputs {
  try {
    return file.configInputs(data, path);
  } catch (error) {
    return asUsage(error);
  }
}
