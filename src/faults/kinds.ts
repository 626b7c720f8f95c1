// What `faults` may name. A kind may carry a parameter after a colon: `partition:halves`, `loss:30%`,
// `latency:200` (ms, or `latency:200/50` with 50 ms of jitter), `clock:-30s`. Pure: parsed before anything starts.

export const FAULT_KINDS = ['restart', 'stop', 'kill', 'pause', 'partition', 'disconnect', 'loss', 'latency', 'clock'] as const;
export type FaultKind = (typeof FAULT_KINDS)[number];

/** Partitions over all of the project's nodes (fault-targets ignored), and the one-way cut of a target. */
export const TOPOLOGIES = ['halves', 'majorities-ring', 'bridge', 'one-way'] as const;
export type Topology = (typeof TOPOLOGIES)[number];

export interface FaultSpec {
  readonly kind: FaultKind;
  /** As reports name it: the kind, and its parameter when one was given (`partition:halves`, `loss:30%`). */
  readonly name: string;
  readonly topology?: Topology;
  /** loss: share of the target's packets to and from its peers dropped, 0 < p < 1. */
  readonly loss?: number;
  /** latency: added delay and jitter of the target's packets to its peers. */
  readonly delayMs?: number;
  readonly jitterMs?: number;
  /** clock: seconds the target's wall clock is shifted by (negative: behind). */
  readonly clockOffsetS?: number;
}

export const DEFAULT_LOSS = 0.3;
export const DEFAULT_CLOCK_OFFSET_S = -30;
const MAX_DELAY_MS = 60_000;
const MAX_CLOCK_OFFSET_S = 10 * 365 * 24 * 3600;

/** Kinds that act on the target's network namespace (packet filters, queueing disciplines). */
export function isLinkFault(spec: Pick<FaultSpec, 'kind'>): boolean {
  return spec.kind === 'partition' || spec.kind === 'loss' || spec.kind === 'latency';
}

/** Topologies that cut the whole cluster rather than one target. */
export function isClusterWide(spec: Pick<FaultSpec, 'topology'>): boolean {
  return spec.topology !== undefined && spec.topology !== 'one-way';
}

/** Faults during which convergence is measured but not judged (the link still works, only worse). */
export function measuresOnly(spec: Pick<FaultSpec, 'kind'>): boolean {
  return spec.kind === 'loss' || spec.kind === 'latency';
}

/** Parses `faults` entries in order (repeats kept); every entry that is not a fault is one problem sentence. */
export function parseFaultSpecs(items: readonly string[]): { specs: FaultSpec[]; problems: string[] } {
  const specs: FaultSpec[] = [];
  const problems: string[] = [];
  for (const item of items) {
    const r = parseFaultSpec(item);
    if ('problem' in r) problems.push(r.problem);
    else specs.push(r.spec);
  }
  return { specs, problems };
}

export function parseFaultSpec(item: string): { spec: FaultSpec } | { problem: string } {
  const [rawKind, ...rest] = item.split(':');
  const kind = (rawKind ?? '').trim().toLowerCase() as FaultKind;
  const param = rest.join(':').trim();
  if (!(FAULT_KINDS as readonly string[]).includes(kind)) return { problem: `'${item}' is not a fault` };
  const none = (): { spec: FaultSpec } | { problem: string } =>
    param === '' ? { spec: { kind, name: kind } } : { problem: `'${item}': ${kind} takes no parameter` };
  switch (kind) {
    case 'partition': {
      if (param === '') return { spec: { kind, name: kind } };
      const topology = param.toLowerCase() as Topology;
      if (!(TOPOLOGIES as readonly string[]).includes(topology))
        return { problem: `'${item}': '${param}' is not a partition topology (${TOPOLOGIES.join(', ')})` };
      return { spec: { kind, name: `partition:${topology}`, topology } };
    }
    case 'loss': {
      if (param === '') return { spec: { kind, name: kind, loss: DEFAULT_LOSS } };
      const m = /^(\d+(?:\.\d+)?)%?$/.exec(param);
      const p = m ? Number(m[1]) : NaN;
      if (!(p > 0 && p < 100)) return { problem: `'${item}': the loss must be a percentage above 0 and below 100, e.g. loss:30%` };
      return { spec: { kind, name: `loss:${p}%`, loss: p / 100 } };
    }
    case 'latency': {
      const m = /^(\d+)(?:ms)?(?:\/(\d+)(?:ms)?)?$/.exec(param);
      const delay = m ? Number(m[1]) : NaN;
      const jitter = m?.[2] !== undefined ? Number(m[2]) : 0;
      if (!(delay > 0 && delay <= MAX_DELAY_MS) || jitter > delay) {
        return {
          problem: `'${item}': give the delay in ms (1 to ${MAX_DELAY_MS}) and optionally a jitter no larger than it, e.g. latency:200 or latency:200/50`,
        };
      }
      return {
        spec: { kind, name: `latency:${delay}${jitter ? `/${jitter}` : ''}`, delayMs: delay, ...(jitter ? { jitterMs: jitter } : {}) },
      };
    }
    case 'clock': {
      if (param === '') return { spec: { kind, name: kind, clockOffsetS: DEFAULT_CLOCK_OFFSET_S } };
      const m = /^([+-])(\d+(?:\.\d+)?)s$/.exec(param);
      const s = m ? Number(m[2]) * (m[1] === '-' ? -1 : 1) : NaN;
      if (!m || s === 0 || Math.abs(s) > MAX_CLOCK_OFFSET_S)
        return { problem: `'${item}': give a signed offset in seconds, e.g. clock:-30s or clock:+5s` };
      return { spec: { kind, name: `clock:${m[1]}${m[2]}s`, clockOffsetS: s } };
    }
    default:
      return none();
  }
}

/**
 * Which node may not receive from which, for a topology over `n` nodes in an order (already shuffled by the
 * caller from the run's seed). A pair [a, b] means a drops what b sends; `symmetric` pairs come both ways.
 */
export function topologyGrudges(topology: Exclude<Topology, 'one-way'>, n: number): { drops: [number, number][]; sides: string } {
  const all = Array.from({ length: n }, (_, i) => i);
  const both = (a: readonly number[], b: readonly number[]): [number, number][] =>
    a.flatMap((x) =>
      b.flatMap((y): [number, number][] => [
        [x, y],
        [y, x],
      ]),
    );
  switch (topology) {
    case 'halves': {
      const cut = Math.floor(n / 2);
      const [a, b] = [all.slice(0, cut), all.slice(cut)];
      return { drops: both(a, b), sides: `[${a.join(' ')}] | [${b.join(' ')}]` };
    }
    case 'bridge': {
      // Two halves that cannot talk, and one node (the last) that talks to both.
      const rest = all.slice(0, n - 1);
      const cut = Math.floor(rest.length / 2);
      const [a, b] = [rest.slice(0, cut), rest.slice(cut)];
      return { drops: both(a, b), sides: `[${a.join(' ')}] | [${b.join(' ')}], bridged by ${n - 1}` };
    }
    case 'majorities-ring': {
      // In a ring every node hears from the nodes closest to it, just enough for a majority, and no two nodes
      // hear from the same set. With symmetric links that needs five nodes or more; below that (three or four)
      // each node hears only from the nodes after it, which keeps every heard set a majority and all different.
      const majority = Math.floor(n / 2) + 1;
      const reach = Math.ceil((majority - 1) / 2);
      const symmetric = 2 * reach + 1 < n && n >= 5;
      const drops: [number, number][] = [];
      for (const i of all) {
        for (const j of all) {
          if (i === j) continue;
          const d = symmetric ? Math.min((j - i + n) % n, (i - j + n) % n) : (j - i + n) % n;
          if (d > (symmetric ? reach : majority - 1)) drops.push([i, j]);
        }
      }
      return {
        drops,
        sides: symmetric
          ? `each node hears its ${reach} neighbour(s) on each side`
          : `each node hears the ${majority - 1} node(s) after it`,
      };
    }
  }
}
