// The small interfaces the engine talks to the world through. Real implementations live beside each front end;
// tests pass real-but-local ones (in-process HTTP servers, a real Docker engine).
import type { Exec } from '../exec/process.js';
import type { HttpClient } from '../http/client.js';

export interface Clock {
  /** Monotonic milliseconds. */
  now(): number;
  /** Resolves after `ms`, or early (without throwing) when `signal` aborts. */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

export interface Logger {
  info(message: string): void;
  warn(message: string): void;
  /** Text that came from outside (container logs, compose output): printed so it can never act as a command. */
  untrusted(title: string, text: string): void;
  /** A phase started or ended; front ends may show progress. */
  phase?(name: string, state: 'start' | 'ok' | 'failed'): void;
}

export interface Files {
  exists(path: string): Promise<boolean>;
  readText(path: string): Promise<string>;
}

/** What a front end must remember so it can tear the project down even if the main process dies. */
export interface TeardownState {
  readonly project: string;
  readonly composeFile: string;
  readonly composePrefix: readonly string[];
  readonly files: readonly string[];
  readonly directory: string;
  readonly teardown: string;
}

export interface EngineDeps {
  readonly exec: Exec;
  readonly http: HttpClient;
  readonly clock: Clock;
  readonly log: Logger;
  readonly files: Files;
  /** Called once the project is known and before anything is created. */
  readonly onProjectKnown?: (state: TeardownState) => void;
  /** Aborted on cancel (SIGINT/SIGTERM): the engine stops checking, heals, and tears down. */
  readonly signal: AbortSignal;
  readonly version: string;
}

export const systemClock: Clock = {
  now: () => performance.now(),
  sleep: (ms, signal) =>
    new Promise((resolve) => {
      if (signal?.aborted) return resolve();
      const timer = setTimeout(done, ms);
      function done(): void {
        clearTimeout(timer);
        signal?.removeEventListener('abort', done);
        resolve();
      }
      signal?.addEventListener('abort', done, { once: true });
    }),
};
