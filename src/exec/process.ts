// Runs external programs (docker, docker compose). node:child_process is used directly rather than @actions/exec
// because a hung Docker daemon must not hang the step: every call needs a deadline, a kill on cancel, and output
// captured up to a cap instead of echoed (container output is untrusted and may be unbounded).
import { spawn } from 'node:child_process';
import { tailText } from '../util/text.js';

export interface ExecOptions {
  readonly cwd?: string;
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** Kill the process after this long. */
  readonly timeoutMs?: number;
  /** Keep at most this many bytes of each stream (the rest is counted, not kept). */
  readonly maxBytes?: number;
  readonly signal?: AbortSignal;
}

export interface ExecResult {
  /** Exit code, or null when the process could not start or was killed. */
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
  readonly truncated: boolean;
  readonly timedOut: boolean;
  /** Set when the program could not be started at all (e.g. ENOENT: not installed). */
  readonly startError?: string;
  readonly durationMs: number;
}

export interface Exec {
  run(file: string, args: readonly string[], options?: ExecOptions): Promise<ExecResult>;
}

const DEFAULT_MAX_BYTES = 4 * 1024 * 1024;

class BoundedBuffer {
  private readonly chunks: Buffer[] = [];
  private kept = 0;
  truncated = false;
  constructor(private readonly max: number) {}
  push(chunk: Buffer): void {
    const room = this.max - this.kept;
    if (room <= 0) {
      this.truncated = true;
      return;
    }
    const part = chunk.length > room ? chunk.subarray(0, room) : chunk;
    if (part !== chunk) this.truncated = true;
    this.chunks.push(part);
    this.kept += part.length;
  }
  text(): string {
    return Buffer.concat(this.chunks).toString('utf8');
  }
}

export const processExec: Exec = {
  run(file, args, options = {}) {
    const started = performance.now();
    return new Promise((resolve) => {
      const out = new BoundedBuffer(options.maxBytes ?? DEFAULT_MAX_BYTES);
      const err = new BoundedBuffer(options.maxBytes ?? DEFAULT_MAX_BYTES);
      let timedOut = false;
      let settled = false;
      const child = spawn(file, [...args], {
        cwd: options.cwd,
        env: options.env ? { ...process.env, ...options.env } : process.env,
        stdio: ['ignore', 'pipe', 'pipe'],
        // Its own process group: a Ctrl-C in a terminal reaches only Replicheck, which then stops what it started
        // in order (heal, then tear down) instead of Compose being interrupted halfway through.
        detached: true,
      });
      const kill = (): void => {
        if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      };
      const timer = options.timeoutMs
        ? setTimeout(() => {
            timedOut = true;
            kill();
          }, options.timeoutMs)
        : undefined;
      const onAbort = (): void => kill();
      options.signal?.addEventListener('abort', onAbort, { once: true });
      const finish = (code: number | null, startError?: string): void => {
        if (settled) return;
        settled = true;
        if (timer) clearTimeout(timer);
        options.signal?.removeEventListener('abort', onAbort);
        resolve({
          code,
          stdout: out.text(),
          stderr: err.text(),
          truncated: out.truncated || err.truncated,
          timedOut,
          ...(startError ? { startError } : {}),
          durationMs: performance.now() - started,
        });
      };
      child.stdout.on('data', (c: Buffer) => out.push(c));
      child.stderr.on('data', (c: Buffer) => err.push(c));
      child.on('error', (e: NodeJS.ErrnoException) => finish(null, e.code ?? e.message));
      child.on('close', (code) => finish(code));
      if (options.signal?.aborted) kill();
    });
  },
};

/** How a command ended: `exit 1`, `exit signal (timed out)`. */
export function exitText(r: ExecResult): string {
  return `exit ${r.code ?? 'signal'}${r.timedOut ? ' (timed out)' : ''}`;
}

/** The last `lines` lines of what a command printed (untrusted), or how it ended when it printed nothing. */
export function resultText(r: ExecResult, lines = 5): string {
  return tailText(`${r.stderr}\n${r.stdout}`.trim(), lines) || exitText(r);
}
