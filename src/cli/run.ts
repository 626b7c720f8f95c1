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
import { inertJson } from '../util/text.js';
import { parseRunArgs } from './args.js';
import { findDefaultConfig, inputsFromFile, loadConfigFile, mergeInputs, type ConfigFile } from './config-file.js';
import { isBadInput } from '../engine/errors.js';
import { textWidth } from './layout.js';
import { runUsage } from './help.js';
import { cliStyle, createProgress, wantsColour, type CliStyle, type Output, type Progress } from './terminal.js';
import { EXIT_USAGE, UsageError, usageLine } from './usage.js';

export const EXIT_PASSED = 0;
export const EXIT_FAILED = 1;
export const EXIT_NOT_CARRIED_OUT = 2;
export const EXIT_INTERRUPTED = 130;

export interface CliIO {
  readonly stdout: Output;
  readonly stderr: Output;
  readonly env: Readonly<Record<string, string | undefined>>;
  readonly cwd: string;
}

/**
 * 1 when a check failed: the cluster misbehaved, whatever else went wrong. EXIT_USAGE when an input was bad (the
 * engine found it: the parser's refusals never get this far). 2 when the run could not be carried out (Docker or
 * Compose missing, compose up failed, a busy port) and no check failed. 0 otherwise.
 */
export function exitCodeFor(result: RunResult): number {
  if (failedChecks(result).length > 0) return EXIT_FAILED;
  // A bad input found once the engine looked (a target that is not a service, a missing adapter module) is as bad
  // an input as one the parser refused: one status for bad input, whichever part found it.
  if (result.errors.some(isBadInput)) return EXIT_USAGE;
  if (result.errors.length > 0 || result.verdict === 'failed') return EXIT_NOT_CARRIED_OUT;
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
  const commands = heals.map((h) => `  ${h.command}    # ${h.label}`).join('\n');
  return `${heals.length} fault(s) may still hold. Heal them by hand (in ${state.cwd ?? 'the working directory'}):\n${commands}`;
}

export async function runCommand(argv: readonly string[], io: CliIO): Promise<number> {
  let json: boolean;
  let config: ConfigFile | undefined;
  let merged: Partial<Record<InputName, string>>;
  let fromFile: InputName[];
  try {
    const args = parseRunArgs(argv);
    if (args.help) {
      io.stdout.write(runUsage(textWidth(io.stdout, io.env), args.briefHelp));
      return EXIT_PASSED;
    }
    json = args.json;
    const configPath = args.config ?? (args.noConfig ? undefined : await findDefaultConfig(io.cwd));
    config = configPath === undefined ? undefined : await loadConfigFile(configPath, io.cwd);
    merged = mergeInputs(args.inputs, config, io.cwd);
    fromFile = inputsFromFile(args.inputs, config);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.stderr.write(usageLine('run', error.message));
    return EXIT_USAGE;
  }
  return execute(
    readRawInputs((name) => merged[name]),
    json,
    config,
    io,
    fromFile,
  );
}

/** One run as the signal handler and the final message see it; filled in while the run goes on. */
interface Session {
  readonly controller: AbortController;
  readonly progress: Progress;
  readonly style: CliStyle;
  project: string;
  /**
   * What the action would hand to its post step: set once something exists (or, on an external cluster, whenever
   * the heals of faults that hold change). The CLI has no post step, so on a quit it tells the user what is left.
   */
  state?: PostState;
}

async function execute(
  raw: RawInputs,
  json: boolean,
  config: ConfigFile | undefined,
  io: CliIO,
  fromFile: readonly InputName[],
): Promise<number> {
  // stdout carries only the result (the table, or the JSON report), so `> result.txt` or `| jq` gets just that;
  // everything said on the way goes to stderr.
  const progressOut = io.stderr;
  const style = cliStyle(wantsColour(progressOut, io.env));
  const progress = createProgress(progressOut, {
    interactive: progressOut.isTTY === true && io.env.TERM !== 'dumb',
    style,
    // Wrapped to a terminal (or a COLUMNS the user set); a pipe or a CI log keeps each message on one line, to grep.
    ...(progressOut.isTTY === true || io.env.COLUMNS !== undefined ? { width: textWidth(progressOut, io.env) } : {}),
  });
  const session: Session = { controller: new AbortController(), progress, style, project: '' };
  const onSignal = interruptHandler(session, io);
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  let run: HostedRun;
  try {
    run = await runReplicheck(raw, {
      env: io.env,
      cwd: io.cwd,
      tempDir: io.env.RUNNER_TEMP || tmpdir(),
      log: progress,
      signal: session.controller.signal,
      reportBadInputs: false,
      ...(config ? { fromFile: { file: config.path, inputs: fromFile } } : {}),
      onStart: (options) => {
        session.project = options.projectName;
        const what = options.cluster === 'external' ? 'an external cluster' : `project ${session.project}`;
        const nodes = `${options.servers.length} node${options.servers.length === 1 ? '' : 's'}`;
        progress.line(style.bold(`replicheck ${VERSION}: ${what}, ${nodes}`));
      },
      onProjectKnown: (known) => {
        session.state = known;
      },
    });
  } finally {
    progress.stop();
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }

  if (run.kind === 'bad-input') return reportBadInputs(run, json, io);
  printResult(run, json, cliStyle(wantsColour(io.stdout, io.env)), io);
  if (session.controller.signal.aborted) {
    io.stderr.write(`${interruptedMessage(session, run)}\n`);
    return EXIT_INTERRUPTED;
  }
  return exitCodeFor(run.result);
}

/** The first Ctrl-C asks the run to stop and clean up; the second quits at once and says what may be left. */
function interruptHandler(session: Session, io: CliIO): (signal: NodeJS.Signals) => void {
  let interrupts = 0;
  return (signal) => {
    interrupts++;
    const what = signal === 'SIGINT' ? 'Ctrl-C' : signal;
    if (interrupts === 1) {
      const doing =
        session.state?.cluster === 'external'
          ? 'stopping the checks and healing faults (the cluster itself is left running)'
          : `stopping the checks, healing faults and tearing down project ${session.project}`;
      session.progress.line(session.style.yellow(`${what}: ${doing}… (${what} again quits at once)`));
      session.controller.abort();
      return;
    }
    session.progress.stop();
    io.stderr.write(`${what} again: ${quitMessage(session)}\n`);
    process.exit(EXIT_INTERRUPTED);
  };
}

function quitMessage({ state, project }: Session): string {
  if (state?.cluster === 'external') return `quitting. ${unhealedHint(state)}`;
  if (!state) return `quitting. Nothing of project ${project} had been created yet.`;
  return (
    `quitting without finishing the teardown. Project ${project} may be left behind (containers, network, volumes). ` +
    `Remove it with:\n${cleanupHint(project)}`
  );
}

function reportBadInputs(run: Extract<HostedRun, { kind: 'bad-input' }>, json: boolean, io: CliIO): number {
  if (json) io.stdout.write(`${inertJson(run.result, 2)}\n`);
  // A problem with an input the config file set says so itself (host: whereFrom).
  const lines = run.problems.map((p) => `  --${p.input}: ${p.message} ${p.fix}`);
  io.stderr.write(usageLine('run', `Bad input${lines.length > 1 ? 's' : ''}:\n${lines.join('\n')}`));
  return EXIT_USAGE;
}

function printResult(run: Extract<HostedRun, { kind: 'ran' }>, json: boolean, style: CliStyle, io: CliIO): void {
  // A blank line between the progress and the table where both share a terminal; on stderr, so stdout stays the result.
  if (!json) io.stderr.write('\n');
  io.stdout.write(json ? `${inertJson(run.result, 2)}\n` : `${renderText(run.result, style)}\n`);
  io.stderr.write(`JSON report: ${run.reportPath}\n`);
}

function interruptedMessage({ state, project }: Session, run: Extract<HostedRun, { kind: 'ran' }>): string {
  const { teardown } = run.result;
  const left = teardown.leftovers ?? [];
  if (!state) return 'Interrupted before anything was created.';
  if (state.cluster === 'external') return `Interrupted. ${unhealedHint(state)}`;
  if (!teardown.performed) {
    return `Interrupted; teardown '${run.options.teardown}' left project ${project} running. Remove it with:\n${cleanupHint(project)}`;
  }
  if (left.length > 0) return `Interrupted; ${left.length} object(s) of project ${project} could not be removed:\n${cleanupHint(project)}`;
  return `Interrupted; project ${project} was torn down, nothing is left.`;
}
