// The CLI bundle run as a person runs it: a child process with its own stdout and stderr, signals sent to it at
// the right moment, and a bound on how long it may take.
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { ROOT } from './runner.js';

export const CLI_ENTRY = process.env.REPLICHECK_CLI_ENTRY ?? join(ROOT, 'dist/cli/index.js');

export interface CliRun {
  readonly code: number | null;
  readonly signal: NodeJS.Signals | null;
  readonly stdout: string;
  readonly stderr: string;
}

export interface CliRunOptions {
  readonly env?: Record<string, string>;
  readonly timeoutMs?: number;
  /** Called once the child runs, with its stdout so far (to send signals at the right moment). */
  readonly onStart?: (child: ChildProcess, stdout: () => string) => void;
}

export function runCli(args: string[], options: CliRunOptions = {}): Promise<CliRun> {
  return new Promise((resolve, reject) => {
    const env: Record<string, string | undefined> = { ...process.env, ...options.env };
    // The runner's variables would change the default project name and report directory.
    for (const key of ['GITHUB_ACTIONS', 'GITHUB_RUN_ID', 'GITHUB_JOB', 'RUNNER_TEMP', 'NO_COLOR']) delete env[key];
    const child = spawn(process.execPath, [CLI_ENTRY, ...args], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`CLI timed out\n${stdout}\n${stderr}`));
    }, options.timeoutMs ?? 120_000);
    child.on('error', reject);
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr });
    });
    options.onStart?.(child, () => stdout);
  });
}

/** Waits (bounded: 60 s) until the CLI has printed `text` or has ended. */
export async function untilPrinted(child: ChildProcess, stdout: () => string, text: string): Promise<void> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline && child.exitCode === null && !stdout().includes(text)) {
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
