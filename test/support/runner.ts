// Emulates the GitHub runner around `node dist/index.js`, as ../shared/reference/runner-protocol.md describes:
// INPUT_* variables (with action.yml defaults filled in), fresh file-command files per step, STATE_* for the post
// step, and a parser of the workflow commands in stdout/stderr that honours ::stop-commands::.
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'yaml';
import type { RunResult } from '../../src/model/result.js';

export const ROOT = new URL('../../', import.meta.url).pathname.replace(/\/$/, '');
/** The bundle under test: dist/index.js, or another build (REPLICHECK_ACTION_ENTRY) so parallel work never races on dist/. */
export const ACTION_ENTRY = process.env.REPLICHECK_ACTION_ENTRY ?? join(ROOT, 'dist/index.js');

export interface WorkflowCommand {
  readonly command: string;
  readonly properties: Record<string, string>;
  readonly message: string;
}

export interface StepRun {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
  readonly commands: WorkflowCommand[];
  readonly outputs: Record<string, string>;
  readonly state: Record<string, string>;
  readonly summary: string;
  readonly durationMs: number;
}

export interface StepOptions {
  readonly env?: Record<string, string | undefined>;
  readonly state?: Record<string, string>;
  readonly timeoutMs?: number;
  /** Called with the child once it runs (to send signals). */
  readonly onStart?: (child: import('node:child_process').ChildProcess, stdout: () => string) => void;
  readonly entry?: string;
  /** Runs the TypeScript source instead of the bundle (unit tests: no build needed). */
  readonly source?: boolean;
}

/** The action's entry point in the source, run through the TypeScript loader. */
export const SOURCE_ENTRY = join(ROOT, 'src/action/index.ts');

function unescapeData(s: string): string {
  return s.replace(/%0D/g, '\r').replace(/%0A/g, '\n').replace(/%25/g, '%');
}
function unescapeProperty(s: string): string {
  return unescapeData(s).replace(/%3A/g, ':').replace(/%2C/g, ',');
}

/**
 * Where a line ends: the runner splits at CR, LF and CRLF; NEL and the Unicode line and paragraph separators are
 * taken as breaks too, as a log viewer may show them, so a test is stricter than the runner, never laxer.
 */
export const LINE_BREAKS = /\r\n|[\r\n\u0085\u2028\u2029]/;

/**
 * The lines the runner parses for commands: all but those inside a `::stop-commands::TOKEN` block (the line that
 * opens a block is parsed; the lines up to and including `::TOKEN::` are not). Leading whitespace is ignored.
 */
export function parsedLines(text: string): string[] {
  const out: string[] = [];
  let token: string | undefined;
  for (const raw of text.split(LINE_BREAKS)) {
    const line = raw.trimStart();
    if (token !== undefined) {
      if (line === `::${token}::`) token = undefined;
      continue;
    }
    const stop = /^::stop-commands::(.*)$/.exec(line);
    if (stop) token = unescapeData(stop[1]!);
    out.push(raw);
  }
  return out;
}

/** Parses workflow commands as the runner does, including stop-commands and the legacy ##[...] form. */
export function parseCommands(text: string): WorkflowCommand[] {
  const out: WorkflowCommand[] = [];
  for (const raw of parsedLines(text)) {
    const m = /^::([A-Za-z-]+)(?: ([^:]*?))?::(.*)$/.exec(raw.trimStart());
    if (m) {
      const properties: Record<string, string> = {};
      for (const part of (m[2] ?? '').split(',').filter(Boolean)) {
        const eq = part.indexOf('=');
        if (eq > 0) properties[part.slice(0, eq)] = unescapeProperty(part.slice(eq + 1));
      }
      out.push({ command: m[1]!, properties, message: unescapeData(m[3] ?? '') });
      continue;
    }
    const legacy = /##\[([A-Za-z-]+)(?: ([^\]]*))?\](.*)$/.exec(raw);
    if (legacy) out.push({ command: legacy[1]!, properties: {}, message: legacy[3] ?? '' });
  }
  return out;
}

/** A line that a runner (or a laxer one) could take for a command: `::` after whitespace or invisible characters, or `##[`. */
export function looksLikeCommand(line: string): boolean {
  return /^[\s\p{Cf}]*::/u.test(line) || line.includes('##[');
}

/**
 * What is not inert in what a step printed, parsed as the runner parses it: each line outside stop-commands blocks
 * that looks like a command but is not a recognised command of `own`'s kinds, and each line of a recognised
 * command's message or properties (as the runner unescapes them) that looks like one.
 */
export function notInert(text: string, own: readonly string[] = OWN_COMMANDS): string[] {
  const bad: string[] = [];
  for (const line of parsedLines(text)) {
    const [command] = parseCommands(line);
    if (!command) {
      if (looksLikeCommand(line)) bad.push(`a line: ${JSON.stringify(line)}`);
      continue;
    }
    if (!own.includes(command.command)) bad.push(`a ${command.command} command: ${JSON.stringify(line)}`);
    // A stop-commands token and the data of Replicheck's own mask are not shown as text.
    if (command.command === 'stop-commands' || command.command === 'add-mask') continue;
    for (const value of [command.message, ...Object.values(command.properties)]) {
      for (const part of value.split(LINE_BREAKS)) if (looksLikeCommand(part)) bad.push(`in a ${command.command}: ${JSON.stringify(part)}`);
    }
  }
  return bad;
}

/** The commands Replicheck itself issues through @actions/core (outputs and state go to files in a runner). */
export const OWN_COMMANDS = ['error', 'warning', 'notice', 'group', 'endgroup', 'stop-commands', 'add-mask'];

/** Everything written to process.stdout while `fn` runs (what @actions/core prints goes there). */
export async function captureStdout(fn: () => unknown): Promise<string> {
  const written: string[] = [];
  const original = process.stdout.write.bind(process.stdout);
  process.stdout.write = ((chunk: string | Uint8Array) => {
    written.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'));
    return true;
  }) as typeof process.stdout.write;
  try {
    await fn();
  } finally {
    process.stdout.write = original;
  }
  return written.join('');
}

/** Parses a GITHUB_OUTPUT / GITHUB_STATE file (NAME=VALUE and heredoc NAME<<DELIM forms). */
export function parseFileCommand(text: string): Record<string, string> {
  const out: Record<string, string> = {};
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (line === '') continue;
    const here = /^([^=<]+)<<(.+)$/.exec(line);
    if (here) {
      const value: string[] = [];
      i++;
      while (i < lines.length && lines[i] !== here[2]) value.push(lines[i++]!);
      out[here[1]!] = value.join('\n');
      continue;
    }
    const eq = line.indexOf('=');
    if (eq > 0) out[line.slice(0, eq)] = line.slice(eq + 1);
  }
  return out;
}

const action = parse(readFileSync(join(ROOT, 'action.yml'), 'utf8')) as { inputs: Record<string, { default?: string }> };

export function inputEnv(inputs: Record<string, string>): Record<string, string> {
  const env: Record<string, string> = {};
  for (const [name, spec] of Object.entries(action.inputs)) {
    if (spec.default !== undefined) env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] = String(spec.default);
  }
  for (const [name, value] of Object.entries(inputs)) env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] = value;
  return env;
}

/** Runs one step (main, or post when `state` is given) like the runner would. */
export function runStep(inputs: Record<string, string>, options: StepOptions = {}): Promise<StepRun> {
  const dir = mkdtempSync(join(tmpdir(), 'replicheck-step-'));
  const files = {
    GITHUB_OUTPUT: join(dir, 'output'),
    GITHUB_STATE: join(dir, 'state'),
    GITHUB_STEP_SUMMARY: join(dir, 'summary'),
    GITHUB_ENV: join(dir, 'env'),
    GITHUB_PATH: join(dir, 'path'),
  };
  for (const f of Object.values(files)) writeFileSync(f, '');
  const env: Record<string, string | undefined> = {
    PATH: process.env.PATH,
    HOME: process.env.HOME,
    CI: 'true',
    GITHUB_ACTIONS: 'true',
    GITHUB_WORKSPACE: ROOT,
    GITHUB_RUN_ID: '4242',
    GITHUB_RUN_ATTEMPT: '1',
    GITHUB_JOB: 'e2e',
    RUNNER_TEMP: dir,
    ...files,
    ...inputEnv(inputs),
    ...Object.fromEntries(Object.entries(options.state ?? {}).map(([k, v]) => [`STATE_${k}`, v])),
    ...options.env,
  };
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const args = options.source ? ['--import', 'tsx', options.entry ?? SOURCE_ENTRY] : [options.entry ?? ACTION_ENTRY];
    const child = spawn(process.execPath, args, {
      cwd: ROOT,
      env: env as NodeJS.ProcessEnv,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 180_000);
    options.onStart?.(child, () => stdout);
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({
        code,
        signal,
        stdout,
        stderr,
        commands: [...parseCommands(stdout), ...parseCommands(stderr)],
        outputs: parseFileCommand(readFileSync(files.GITHUB_OUTPUT, 'utf8')),
        state: parseFileCommand(readFileSync(files.GITHUB_STATE, 'utf8')),
        summary: readFileSync(files.GITHUB_STEP_SUMMARY, 'utf8'),
        durationMs: performance.now() - started,
      });
    });
  });
}

/** Main step, then the post step with the state the main step saved. */
export async function runMainAndPost(inputs: Record<string, string>, options: StepOptions = {}): Promise<{ main: StepRun; post: StepRun }> {
  const main = await runStep(inputs, options);
  const post = await runStep(inputs, { ...options, state: main.state, onStart: undefined });
  return { main, post };
}

export function errors(run: StepRun): WorkflowCommand[] {
  return run.commands.filter((c) => c.command === 'error');
}

/** The JSON report a step wrote (the path is its `report` output). */
export function readReport(run: StepRun): RunResult {
  return JSON.parse(readFileSync(run.outputs.report!, 'utf8')) as RunResult;
}
