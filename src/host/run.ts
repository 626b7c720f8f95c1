// The one run host: Replicheck from raw inputs to a result and a report file, the same for the action and the
// CLI. It parses the inputs (bad ones become a result, before anything starts), owns the HTTP client's lifetime,
// assembles the engine's dependencies and writes the JSON report. Front ends only read inputs and publish.
import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { InputName, RawInputs } from '../inputs/list.js';
import { parseOptions, type Options } from '../config/options.js';
import { InputError, type InputProblem } from '../inputs/errors.js';
import { systemClock, systemRandom } from '../core/clock.js';
import type { EngineDeps, Logger } from '../engine/deps.js';
import { toRunErrors } from '../engine/errors.js';
import { emptyResult } from '../model/empty.js';
import type { PostState } from '../model/post-state.js';
import type { RunResult } from '../model/result.js';
import { reportPath } from '../report/paths.js';
import { replayRecord } from './replay.js';
import { VERSION } from '../version.js';

export interface RunHost {
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Where relative paths (working-directory, report-file) start. */
  readonly cwd: string;
  /** Where the report goes when report-file is not set. */
  readonly tempDir: string;
  readonly log: Logger;
  /** Aborted on cancel: the engine heals and tears down, then returns. */
  readonly signal: AbortSignal;
  /** Also write a report when the inputs were bad (the action does; the CLI prints the problems instead). */
  readonly reportBadInputs: boolean;
  /** Problems found before the inputs could be parsed (the config file): reported alone, as bad input. */
  readonly inputProblems?: readonly InputProblem[];
  /** The config file the inputs were merged with, and the inputs it set: a problem with one of those says so. */
  readonly fromFile?: { readonly file: string; readonly inputs: readonly InputName[] };
  /** Called once the inputs are valid, before anything runs. */
  readonly onStart?: (options: Options, reportPath: string) => void;
  /** Called before anything is created, with what a later step needs to clean up. */
  readonly onProjectKnown?: (state: PostState) => void;
  /** Replaces real dependencies (tests: a scripted process runner, a virtual clock). */
  readonly deps?: Partial<EngineDeps>;
}

export type HostedRun =
  | { readonly kind: 'bad-input'; readonly result: RunResult; readonly problems: readonly InputProblem[]; readonly reportPath?: string }
  | { readonly kind: 'ran'; readonly result: RunResult; readonly options: Options; readonly reportPath: string };

export async function runReplicheck(raw: RawInputs, host: RunHost): Promise<HostedRun> {
  const random = host.deps?.random ?? systemRandom;
  let options: Options;
  try {
    if (host.inputProblems !== undefined && host.inputProblems.length > 0) throw new InputError(host.inputProblems);
    options = parseOptions(raw, { env: host.env, randomSuffix: random.hex(3) });
  } catch (error) {
    if (!(error instanceof InputError)) throw error;
    const problems = whereFrom(error.problems, host.fromFile);
    const result = emptyResult(VERSION, toRunErrors(new InputError(problems)), new Date(systemClock.wallMs()).toISOString());
    if (!host.reportBadInputs) return { kind: 'bad-input', result, problems };
    const path = reportPath(raw['report-file'] || undefined, host.cwd, '', host.tempDir);
    await writeReport(path, result);
    return { kind: 'bad-input', result, problems, reportPath: path };
  }

  const path = reportPath(options.reportFile, host.cwd, options.projectName, host.tempDir);
  host.onStart?.(options, path);
  // The engine pulls in the HTTP client and the Docker edge: loaded only now, so a CLI --help stays fast.
  const [{ runEngine }, { nodeFiles }, { processExec }, { createHttpClient }, { fileHistorySink }, { isListening }, engineApi] =
    await Promise.all([
      import('../engine/run.js'),
      import('../engine/files.js'),
      import('../exec/process.js'),
      import('../http/client.js'),
      import('./history-files.js'),
      import('../http/port-probe.js'),
      import('../compose/engine-api.js'),
    ]);
  const http = host.deps?.http ?? createHttpClient();
  let result: RunResult;
  try {
    const deps: EngineDeps = {
      exec: processExec,
      http,
      clock: systemClock,
      random,
      log: host.log,
      files: nodeFiles,
      isListening,
      isRoot: () => process.getuid?.() === 0,
      connectDocker: () => engineApi.connectEngineApi(engineApi.engineSocket(host.env)),
      signal: host.signal,
      version: VERSION,
      ...(host.onProjectKnown ? { onProjectKnown: host.onProjectKnown } : {}),
      ...host.deps,
    };
    result = await runEngine(options, deps, host.cwd, { saveHistory: fileHistorySink(path) });
  } finally {
    if (!host.deps?.http) await http.close();
  }
  // Only here are the raw inputs known: the replay's command line is made from them, never from the options.
  if (result.replay) result = { ...result, replay: replayRecord(raw, result.replay.seed, result.replay.schedule) };
  await writeReport(path, result);
  return { kind: 'ran', result, options, reportPath: path };
}

/** Problems with inputs the config file set name the file: that is where the value to mend is written. */
function whereFrom(problems: readonly InputProblem[], fromFile: RunHost['fromFile']): InputProblem[] {
  if (!fromFile) return [...problems];
  return problems.map((p) => (fromFile.inputs.includes(p.input) ? { ...p, message: `${p.message} Set in ${fromFile.file}.` } : p));
}

async function writeReport(path: string, result: RunResult): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, `${JSON.stringify(result, null, 2)}\n`);
}
