// Statistics over measured durations, shared by the fault judge and the workload report.
/** Milliseconds from invocation to answer, over the operations of one kind that completed (ok or fail). */
export interface LatencyQuantiles {
  readonly count: number;
  readonly p50: number;
  readonly p90: number;
  readonly p99: number;
  readonly max: number;
}

/** Nearest-rank quantiles of completed operations; null when there is none. */
export function quantiles(samples: readonly number[]): LatencyQuantiles | null {
  if (samples.length === 0) return null;
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q: number): number => round(sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))] as number);
  return { count: sorted.length, p50: at(0.5), p90: at(0.9), p99: at(0.99), max: round(sorted[sorted.length - 1] as number) };
}

const round = (ms: number): number => Math.round(ms * 100) / 100;
