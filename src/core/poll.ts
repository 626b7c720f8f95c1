// Polling without fixed sleeps: try at once, then back off gently, and stop at the deadline or on cancel.
import type { Clock } from './clock.js';

export interface PollOptions {
  readonly timeoutMs: number;
  readonly clock: Clock;
  readonly signal?: AbortSignal;
  /** First pause between attempts; grows by half each time up to maxDelayMs. */
  readonly minDelayMs?: number;
  readonly maxDelayMs?: number;
}

export interface PollResult<T> {
  readonly done: boolean;
  /** The last attempt's value (the one that succeeded, or the last failure). */
  readonly last: T | undefined;
  /** From the start of polling to the end of the successful (or last) attempt. */
  readonly elapsedMs: number;
  /** When the successful attempt ended, on the clock. */
  readonly doneAt?: number;
  readonly attempts: number;
}

export async function pollUntil<T>(attempt: () => Promise<{ done: boolean; value: T }>, options: PollOptions): Promise<PollResult<T>> {
  const { clock } = options;
  const start = clock.now();
  const deadline = start + options.timeoutMs;
  let delay = options.minDelayMs ?? 5;
  const maxDelay = options.maxDelayMs ?? 200;
  let last: T | undefined;
  let attempts = 0;
  // The count bound is a backstop against a clock that does not advance; the deadline is the real limit.
  while (attempts < 1_000_000) {
    attempts++;
    const r = await attempt();
    last = r.value;
    const now = clock.now();
    if (r.done) return { done: true, last, elapsedMs: now - start, doneAt: now, attempts };
    if (now >= deadline || options.signal?.aborted) break;
    await clock.sleep(Math.min(delay, Math.max(0, deadline - now)), options.signal);
    delay = Math.min(maxDelay, delay * 1.5);
  }
  return { done: false, last, elapsedMs: clock.now() - start, attempts };
}
