// Time and chance as the engine's dependencies: deep code never reads the wall clock or a random source itself,
// so the engine can run under a virtual clock and a seeded source in unit tests.
import { randomBytes, randomInt } from 'node:crypto';

export interface Clock {
  /** Monotonic milliseconds. */
  now(): number;
  /** Resolves after `ms`, or early (without throwing) when `signal` aborts. */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
  /** Wall-clock milliseconds since the epoch: only for timestamps a person reads, never for durations. */
  wallMs(): number;
}

export interface Random {
  /** `n` random bytes as lowercase hex. */
  hex(n: number): string;
  /** A whole number in [0, max). */
  int(max: number): number;
}

export const systemClock: Clock = {
  now: () => performance.now(),
  wallMs: () => Date.now(),
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

export const systemRandom: Random = {
  hex: (n) => randomBytes(n).toString('hex'),
  int: (max) => randomInt(0, max),
};
