// Resolves compose files as Compose would, and reads where each service is defined. Runs before anything starts.
import { resolve, isAbsolute } from 'node:path';
import { access, readFile, constants } from 'node:fs/promises';
import type { Options } from '../config/options.js';
import { InputError } from '../inputs/errors.js';
import type { Files } from './deps.js';
import { serviceLines } from '../compose/lines.js';

/** Compose's own order of default file names. */
export const COMPOSE_DEFAULT_NAMES = ['compose.yaml', 'compose.yml', 'docker-compose.yaml', 'docker-compose.yml'];

export const nodeFiles: Files = {
  exists: (path) =>
    access(path, constants.R_OK).then(
      () => true,
      () => false,
    ),
  readText: (path) => readFile(path, 'utf8'),
};

export async function resolveComposeFiles(options: Options, files: Files, cwd: string): Promise<{ directory: string; files: string[] }> {
  const directory = isAbsolute(options.workingDirectory) ? options.workingDirectory : resolve(cwd, options.workingDirectory);
  if (!(await files.exists(directory))) {
    throw new InputError([
      {
        input: 'working-directory',
        message: `'${options.workingDirectory}' does not exist.`,
        fix: 'Point it at the folder that holds the compose file.',
      },
    ]);
  }
  if (options.composeFileDefaulted) {
    const primary = resolve(directory, options.composeFiles[0]!);
    if (await files.exists(primary)) return { directory, files: [primary] };
    for (const name of COMPOSE_DEFAULT_NAMES) {
      const candidate = resolve(directory, name);
      if (await files.exists(candidate)) return { directory, files: [candidate] };
    }
    throw new InputError([
      {
        input: 'compose-file',
        message: `no compose file found in ${directory} (looked for ${COMPOSE_DEFAULT_NAMES.join(', ')}).`,
        fix: "Set 'compose-file' to your compose file, or 'working-directory' to the folder that holds it.",
      },
    ]);
  }
  const out: string[] = [];
  const missing: string[] = [];
  for (const f of options.composeFiles) {
    const path = resolve(directory, f);
    if (await files.exists(path)) out.push(path);
    else missing.push(f);
  }
  if (missing.length > 0) {
    throw new InputError([
      {
        input: 'compose-file',
        message: `${missing.map((m) => `'${m}'`).join(', ')} not found or not readable in ${directory}.`,
        fix: "Check the path (it is relative to 'working-directory') and that the file is checked out.",
      },
    ]);
  }
  return { directory, files: out };
}

/** The first file that defines each service (an override file usually repeats services; the base defines them). */
export async function locateServices(files: Files, paths: readonly string[]): Promise<Record<string, { file: string; line: number }>> {
  const out: Record<string, { file: string; line: number }> = {};
  for (const file of paths) {
    const text = await files.readText(file).catch(() => '');
    for (const [service, line] of serviceLines(text)) {
      if (!(service in out)) out[service] = { file, line };
    }
  }
  return out;
}
