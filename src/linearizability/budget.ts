// The limits of one check, shared by the readers and the search: a deadline and a memory cap. The memory is an
// account of what the check holds (the parsed history, the search's arrays, memo and values), reserved before it
// is allocated, so the cap is never crossed first and noticed later. Sizes are estimates of V8's layout on a
// 64-bit machine, on the high side.

export type BudgetReason = 'timeout' | 'memory';

/** The budget ran out: past the deadline, or an allocation would pass the memory cap. */
export class BudgetExceeded extends Error {
  constructor(
    readonly reason: BudgetReason,
    message: string,
  ) {
    super(message);
    this.name = 'BudgetExceeded';
  }
}

export interface BudgetOptions {
  /** Milliseconds from `start`; 0, a negative number or Infinity: no deadline. */
  timeoutMs?: number;
  maxMemoryBytes?: number;
  /** performance.now() at which the time budget began (default: now). */
  start?: number;
}

export const DEFAULT_MAX_MEMORY_BYTES = 1024 * 1024 * 1024;

export class Budget {
  /** performance.now() past which the work stops; Infinity for none. */
  readonly deadline: number;
  readonly maxBytes: number;
  private used = 0;
  private peak = 0;

  constructor(options: BudgetOptions = {}) {
    const start = options.start ?? performance.now();
    const t = options.timeoutMs;
    this.deadline = t !== undefined && Number.isFinite(t) && t > 0 ? start + t : Infinity;
    this.maxBytes = options.maxMemoryBytes ?? DEFAULT_MAX_MEMORY_BYTES;
  }

  /** Bytes reserved now. */
  get usedBytes(): number {
    return this.used;
  }

  /** The most ever reserved at once. */
  get peakBytes(): number {
    return this.peak;
  }

  /** Whether `bytes` more would still fit under the cap. */
  fits(bytes: number): boolean {
    return this.used + bytes <= this.maxBytes;
  }

  /** Reserves `bytes` before they are allocated; throws (reason memory) when that would pass the cap. */
  reserve(bytes: number, what: string): void {
    if (this.used + bytes > this.maxBytes) {
      throw new BudgetExceeded('memory', `${what} would take more memory than --max-memory (${formatBytes(this.maxBytes)}) allows`);
    }
    this.used += bytes;
    if (this.used > this.peak) this.peak = this.used;
  }

  release(bytes: number): void {
    this.used = Math.max(0, this.used - bytes);
  }

  expired(): boolean {
    return this.deadline !== Infinity && performance.now() >= this.deadline;
  }

  /** Throws (reason timeout) once the deadline has passed. */
  checkTime(what: string): void {
    if (this.expired()) throw new BudgetExceeded('timeout', `the time budget (--timeout) ran out while ${what}`);
  }
}

export function formatBytes(n: number): string {
  const units = ['bytes', 'KiB', 'MiB', 'GiB', 'TiB'];
  let v = n;
  let u = 0;
  while (v >= 1024 && u < units.length - 1) {
    v /= 1024;
    u++;
  }
  return u === 0 ? `${n} bytes` : `${Number.isInteger(v) ? v : v.toFixed(1)} ${units[u]}`;
}

/**
 * Reservations in batches: a reader that holds many small things reserves a slab at a time, so the account is
 * consulted once per slab, not per value, and stays ahead of what is held by at most one slab.
 */
export class Meter {
  private held = 0;
  private reserved = 0;
  constructor(
    private readonly budget: Budget | undefined,
    /** What holds the bytes, and what is being done meanwhile, for the messages. */
    private readonly what: string,
    private readonly doing = 'reading the history',
    private readonly slab = 1 << 20,
  ) {}

  /** Counts `bytes` as held; reserves another slab (and looks at the clock) when the last one is used up. */
  add(bytes: number): void {
    this.held += bytes;
    if (this.held > this.reserved) this.refill();
  }

  private refill(): void {
    if (this.budget === undefined) {
      this.reserved = this.held + this.slab;
      return;
    }
    const more = this.held - this.reserved + this.slab;
    // Near the cap a full slab would refuse what still fits; the last reservation is exact.
    const step = this.budget.fits(more) ? more : this.held - this.reserved;
    this.budget.reserve(step, this.what);
    this.reserved += step;
    this.budget.checkTime(this.doing);
  }

  /** Stops holding `bytes` (they were freed or handed over). */
  drop(bytes: number): void {
    this.held = Math.max(0, this.held - bytes);
  }

  get heldBytes(): number {
    return this.held;
  }

  /** Gives back everything reserved. */
  close(): void {
    this.budget?.release(this.reserved);
    this.held = 0;
    this.reserved = 0;
  }

  /** Keeps the bytes held as a reservation of the budget's own (e.g. the parsed history), returning their number. */
  keep(): number {
    const kept = this.held;
    this.budget?.release(this.reserved - kept);
    this.held = 0;
    this.reserved = 0;
    return kept;
  }
}

/** What one part of the check holds (a key's search), reserved in the budget and given back at once when it ends. */
export class Account {
  private held = 0;
  constructor(
    readonly budget: Budget,
    private readonly what: string,
  ) {}

  take(bytes: number): void {
    this.budget.reserve(bytes, this.what);
    this.held += bytes;
  }

  give(bytes: number): void {
    this.budget.release(bytes);
    this.held -= bytes;
  }

  get heldBytes(): number {
    return this.held;
  }

  close(): void {
    this.budget.release(this.held);
    this.held = 0;
  }
}
