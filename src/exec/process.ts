// Runs external programs (docker, docker compose). node:child_process is used directly rather than @actions/exec
// because a hung Docker daemon must not hang the step: every call needs a deadline, a kill on cancel, and output
// captured up to a cap instead of echoed (container output is untrusted and may be unbounded).
import { spawn, type ChildProcessByStdio } from 'node:child_process';
import type { Readable } from 'node:stream';
import { tailText } from '../util/text.js';

export interface ExecOptions {
  readonly cwd?: string;
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** End the program and everything it started (its process group) after this long. */
  readonly timeoutMs?: number;
  /** After the deadline or a cancel, how long the group has between SIGTERM and SIGKILL (default 2 s). */
  readonly killGraceMs?: number;
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

// After SIGTERM, what a process group has to finish before SIGKILL: Compose stops its own work on SIGTERM, a
// program that ignores it gets no longer than this.
const KILL_GRACE_MS = 2000;
// A program may exit while something it started in the background still holds its stdout or stderr open; then
// 'close' would wait for that child. Output already written is read within milliseconds, so after the exit the
// run waits only while output keeps arriving (quiet for QUIET_MS), and never longer than AFTER_EXIT_MS.
const QUIET_MS = 200;
const AFTER_EXIT_MS = 2000;
// After SIGKILL the program's exit normally follows at once; one that cannot be reaped does not hold the run.
const AFTER_KILL_MS = 1000;

/** Sends `signal` to the whole process group of `pid`; false when the group is gone. */
function signalGroup(pid: number, signal: NodeJS.Signals | 0): boolean {
  try {
    process.kill(-pid, signal);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ESRCH') return false;
    // No process groups here (not POSIX): the program itself at least.
    try {
      process.kill(pid, signal);
      return true;
    } catch {
      return false;
    }
  }
}

/** One started program: its output, its deadline, and how it is ended. */
class Running {
  private readonly out: BoundedBuffer;
  private readonly err: BoundedBuffer;
  private readonly started = performance.now();
  private readonly timers: NodeJS.Timeout[] = [];
  private quiet: NodeJS.Timeout | undefined;
  private kill: NodeJS.Timeout | undefined;
  private timedOut = false;
  private stopping = false;
  private settled = false;
  private exit: { code: number | null } | undefined;
  private readonly onAbort = (): void => this.stop();

  constructor(
    private readonly child: ChildProcessByStdio<null, Readable, Readable>,
    private readonly options: ExecOptions,
    private readonly resolve: (r: ExecResult) => void,
  ) {
    this.out = new BoundedBuffer(options.maxBytes ?? DEFAULT_MAX_BYTES);
    this.err = new BoundedBuffer(options.maxBytes ?? DEFAULT_MAX_BYTES);
  }

  watch(): void {
    const { child, options } = this;
    child.stdout.on('data', (c: Buffer) => this.output(this.out, c));
    child.stderr.on('data', (c: Buffer) => this.output(this.err, c));
    // Streams destroyed early may still report an error (EPIPE, reset): the result is already decided.
    child.stdout.on('error', () => undefined);
    child.stderr.on('error', () => undefined);
    child.on('error', (e: NodeJS.ErrnoException) => this.finish(null, e.code ?? e.message));
    child.on('exit', (code) => this.exited(code));
    child.on('close', (code) => this.finish(this.exit?.code ?? code));
    if (options.timeoutMs) {
      this.later(options.timeoutMs, () => {
        this.timedOut = true;
        this.stop();
      });
    }
    options.signal?.addEventListener('abort', this.onAbort, { once: true });
    if (options.signal?.aborted) this.stop();
  }

  private later(ms: number, fn: () => void): void {
    this.timers.push(setTimeout(fn, ms));
  }

  private output(buffer: BoundedBuffer, chunk: Buffer): void {
    buffer.push(chunk);
    if (this.exit) this.quiet?.refresh();
  }

  private exited(code: number | null): void {
    this.exit = { code };
    this.quiet = setTimeout(() => this.finish(code), QUIET_MS);
    this.later(AFTER_EXIT_MS, () => this.finish(code));
  }

  /** Ends the whole group: children a shell or Compose started would otherwise outlive the deadline. */
  private stop(): void {
    const pid = this.child.pid;
    if (this.stopping || pid === undefined) return;
    this.stopping = true;
    signalGroup(pid, 'SIGTERM');
    const grace = this.options.killGraceMs ?? KILL_GRACE_MS;
    // Not one of this.timers: it must still fire when the result was given before the group was gone.
    this.kill = setTimeout(() => signalGroup(pid, 0) && signalGroup(pid, 'SIGKILL'), grace);
    this.later(grace + AFTER_KILL_MS, () => this.finish(null));
  }

  private finish(code: number | null, startError?: string): void {
    if (this.settled) return;
    this.settled = true;
    for (const t of this.timers) clearTimeout(t);
    clearTimeout(this.quiet);
    // Nothing left to kill: the pending SIGKILL would only hold Replicheck up.
    if (this.kill && this.child.pid !== undefined && !signalGroup(this.child.pid, 0)) clearTimeout(this.kill);
    this.options.signal?.removeEventListener('abort', this.onAbort);
    // A grandchild may hold the pipes open for as long as it lives: stop reading rather than wait for it.
    this.child.stdout.destroy();
    this.child.stderr.destroy();
    this.resolve({
      code,
      stdout: this.out.text(),
      stderr: this.err.text(),
      truncated: this.out.truncated || this.err.truncated,
      timedOut: this.timedOut,
      ...(startError ? { startError } : {}),
      durationMs: performance.now() - this.started,
    });
  }
}

export const processExec: Exec = {
  run(file, args, options = {}) {
    return new Promise((resolve) => {
      const child = spawn(file, [...args], {
        cwd: options.cwd,
        env: options.env ? { ...process.env, ...options.env } : process.env,
        stdio: ['ignore', 'pipe', 'pipe'],
        // Its own process group: a Ctrl-C in a terminal reaches only Replicheck, which then stops what it started
        // in order (heal, then tear down) instead of Compose being interrupted halfway through; and a deadline or
        // a cancel can end the program together with everything it started.
        detached: true,
      });
      new Running(child, options, resolve).watch();
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
