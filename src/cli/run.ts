// `replicheck run`: the action's engine behind a command line. Inputs come from flags over a config file over the
// declared defaults; the verdict and the JSON report are the same objects the action produces.
import { tmpdir } from 'node:os';
import { readRawInputs, type InputName, type RawInputs } from '../inputs/list.js';
import { runReplicheck, type HostedRun } from '../host/run.js';
import type { RunResult } from '../model/result.js';
import type { PostState } from '../model/post-state.js';
import { renderText } from '../report/text.js';
import { failedChecks } from '../report/format.js';
import { VERSION } from '../version.js';
import { UsageError, parseRunArgs } from './args.js';
import { findDefaultConfig, loadConfigFile, mergeInputs, type ConfigFile } from './config-file.js';
import { runUsage } from './help.js';
import { cliStyle, createProgress, wantsColour, type Output } from './terminal.js';
import { inertText } from '../util/text.js';

export const EXIT_PASSED = 0;
export const EXIT_FAILED = 1;
export const EXIT_USAGE = 2;
export const EXIT_INTERRUPTED = 130;

export interface CliIO {
  readonly stdout: Output;
  readonly stderr: Output;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly cwd: string;
}

/**
 * 1 when a check failed: the cluster misbehaved, whatever else went wrong. 2 when the run could not be carried
 * out (bad input, Docker or Compose missing, compose up failed, a busy port) and no check failed. 0 otherwise.
 */
export function exitCodeFor(result: RunResult): number {
  if (failedChecks(result).length > 0) return EXIT_FAILED;
  if (result.errors.length > 0 || result.verdict === 'failed') return EXIT_USAGE;
  return EXIT_PASSED;
}

/** What to run by hand when the CLI was made to quit before it could tear the project down. */
export function cleanupHint(project: string): string {
  const label = `label=com.docker.compose.project=${project}`;
  return [
    `  docker compose -p ${project} down --volumes --remove-orphans`,
    `or, with any Compose version, by label:`,
    `  docker rm -f -v $(docker ps -aq --filter ${label})`,
    `  docker network rm $(docker network ls -q --filter ${label})`,
    `  docker volume rm $(docker volume ls -q --filter ${label})`,
  ].join('\n');
}

/** On an external cluster: which faults may still hold and the commands that heal them, or that none does. */
export function unhealedHint(state: PostState): string {
  const heals = state.heals ?? [];
  if (heals.length === 0) return "No fault of Replicheck's holds; the cluster was left running, as Replicheck found it.";
  return `${heals.length} fault(s) may still hold. Heal them by hand (in ${state.cwd ?? 'the working directory'}):\n${heals.map((h) => `  ${h.command}    # ${h.label}`).join('\n')}`;
}

export async function runCommand(argv: readonly string[], io: CliIO): Promise<number> {
  const fail = (message: string): number => {
    io.stderr.write(`replicheck run: ${inertText(message)}\nSee 'replicheck run --help'.\n`);
    return EXIT_USAGE;
  };
  let json: boolean;
  let config: ConfigFile | undefined;
  let merged: Partial<Record<InputName, string>>;
  try {
    const args = parseRunArgs(argv);
    if (args.help) {
      io.stdout.write(runUsage());
      return EXIT_PASSED;
    }
    json = args.json;
    const configPath = args.config ?? (args.noConfig ? undefined : await findDefaultConfig(io.cwd));
    config = configPath === undefined ? undefined : await loadConfigFile(configPath, io.cwd);
    merged = mergeInputs(args.inputs, config, io.cwd);
  } catch (error) {
    if (error instanceof UsageError) return fail(error.message);
    throw error;
  }
  return execute(
    readRawInputs((name) => merged[name]),
    json,
    config,
    io,
  );
}

async function execute(raw: RawInputs, json: boolean, config: ConfigFile | undefined, io: CliIO): Promise<number> {
  // With --json stdout carries only the report, so progress goes to stderr.
  const progressOut = json ? io.stderr : io.stdout;
  const style = cliStyle(wantsColour(progressOut, io.env));
  const progress = createProgress(progressOut, { interactive: progressOut.isTTY === true && io.env.TERM !== 'dumb', style });
  let project = '';
  const controller = new AbortController();
  // What the action would hand to its post step: set once something exists (or, on an external cluster, whenever
  // the heals of faults that hold change). The CLI has no post step, so on a quit it tells the user what is left.
  let state: PostState | undefined;
  let interrupts = 0;
  const onSignal = (signal: NodeJS.Signals): void => {
    interrupts++;
    const what = signal === 'SIGINT' ? 'Ctrl-C' : signal;
    const external = state?.cluster === 'external';
    if (interrupts === 1) {
      const doing = external
        ? 'stopping the checks and healing faults (the cluster itself is left running)'
        : `stopping the checks, healing faults and tearing down project ${project}`;
      progress.line(style.yellow(`${what}: ${doing}… (${what} again quits at once)`));
      controller.abort();
      return;
    }
    progress.stop();
    io.stderr.write(
      `${what} again: ${external ? `quitting. ${unhealedHint(state!)}` : !state ? `quitting. Nothing of project ${project} had been created yet.` : `quitting without finishing the teardown. Project ${project} may be left behind (containers, network, volumes). Remove it with:\n${cleanupHint(project)}`}\n`,
    );
    process.exit(EXIT_INTERRUPTED);
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  let run: HostedRun;
  try {
    run = await runReplicheck(raw, {
      env: io.env,
      cwd: io.cwd,
      tempDir: io.env.RUNNER_TEMP || tmpdir(),
      log: progress,
      signal: controller.signal,
      reportBadInputs: false,
      onStart: (options) => {
        project = options.projectName;
        const what = options.cluster === 'external' ? 'an external cluster' : `project ${project}`;
        progress.line(
          style.bold(`replicheck ${VERSION}: ${what}, ${options.servers.length} node${options.servers.length === 1 ? '' : 's'}`),
        );
      },
      onProjectKnown: (known) => {
        state = known;
      },
    });
  } finally {
    progress.stop();
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }

  if (run.kind === 'bad-input') {
    if (json) io.stdout.write(`${JSON.stringify(run.result, null, 2)}\n`);
    const lines = run.problems.map((p) => `  --${p.input}: ${p.message} ${p.fix}`);
    io.stderr.write(
      `replicheck run: bad input${lines.length > 1 ? 's' : ''}${config ? ` (flags and ${config.path})` : ''}:\n${inertText(lines.join('\n'))}\n`,
    );
    return EXIT_USAGE;
  }
  const { result, reportPath: path, options } = run;
  if (json) {
    io.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
    io.stderr.write(`JSON report: ${path}\n`);
  } else {
    io.stdout.write(`\n${renderText(result, style)}\nJSON report: ${path}\n`);
  }
  if (controller.signal.aborted) {
    const left = result.teardown.leftovers ?? [];
    const message = !state
      ? 'Interrupted before anything was created.'
      : state.cluster === 'external'
        ? `Interrupted. ${unhealedHint(state)}`
        : !result.teardown.performed
          ? `Interrupted; teardown '${options.teardown}' left project ${project} running. Remove it with:\n${cleanupHint(project)}`
          : left.length > 0
            ? `Interrupted; ${left.length} object(s) of project ${project} could not be removed:\n${cleanupHint(project)}`
            : `Interrupted; project ${project} was torn down, nothing is left.`;
    io.stderr.write(`${message}\n`);
    return EXIT_INTERRUPTED;
  }
  return exitCodeFor(result);
}
