// A clock whose time moves only when somebody sleeps: the earliest sleeper wakes next, at once, with the clock set
// to its wake time. Runs the engine's waits (fault holds, poll back-off, timeouts) in no wall time at all.
import type { Clock } from '../../src/core/clock.js';

export class VirtualClock implements Clock {
  private t = 0;
  private readonly sleepers = new Set<{ at: number; wake: () => void }>();
  private scheduled = false;

  constructor(private readonly wallStart = Date.UTC(2026, 10, 25, 12, 0, 0)) {}

  now(): number {
    return this.t;
  }

  wallMs(): number {
    return this.wallStart + this.t;
  }

  sleep(ms: number, signal?: AbortSignal): Promise<void> {
    if (signal?.aborted) return Promise.resolve();
    return new Promise((resolve) => {
      const sleeper = {
        at: this.t + Math.max(0, ms),
        wake: () => {
          this.sleepers.delete(sleeper);
          signal?.removeEventListener('abort', sleeper.wake);
          resolve();
        },
      };
      this.sleepers.add(sleeper);
      signal?.addEventListener('abort', sleeper.wake, { once: true });
      this.schedule();
    });
  }

  /** After the current turn (so in-flight work can register its own sleeps), wake the earliest sleepers. */
  private schedule(): void {
    if (this.scheduled) return;
    this.scheduled = true;
    setImmediate(() => {
      this.scheduled = false;
      if (this.sleepers.size === 0) return;
      const at = Math.min(...[...this.sleepers].map((s) => s.at));
      this.t = Math.max(this.t, at);
      for (const s of [...this.sleepers]) if (s.at <= this.t) s.wake();
      if (this.sleepers.size > 0) this.schedule();
    });
  }
}
