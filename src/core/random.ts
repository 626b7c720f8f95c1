// A small seeded generator (mulberry32) and the run's streams drawn from one seed: the same seed gives the same
// workload operations, value bytes, fault schedule and partition sides, so a run's choices can be replayed. Not for
// anything secret.
import type { Random as RandomSource } from './clock.js';

export type Random = () => number;

/** Seeds are whole numbers in [0, 2^31): what the `seed` input accepts and what a run draws when none is given. */
export const SEED_RANGE = 2 ** 31;

export function seededRandom(seed: number): Random {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** One independent stream per client, derived from the run's seed. */
export function clientRandom(seed: number, client: number): Random {
  return seededRandom((Math.imul(seed >>> 0, 0x9e3779b1) + Math.imul(client + 1, 0x85ebca6b)) >>> 0);
}

export function pick<T>(random: Random, items: readonly T[]): T {
  return items[Math.min(items.length - 1, Math.floor(random() * items.length))] as T;
}

/** A copy of `items` in an order drawn from `random` (Fisher-Yates). */
function shuffleWith<T>(random: Random, items: readonly T[]): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j]!, out[i]!];
  }
  return out;
}

/**
 * An independent seed for one purpose, derived from the run's seed (FNV-1a over the purpose, mixed with the seed),
 * so the workload's choices and the partition's sides do not come from one shared sequence.
 */
export function deriveSeed(seed: number, purpose: string): number {
  let h = (0x811c9dc5 ^ Math.imul(seed >>> 0, 0x9e3779b1)) >>> 0;
  for (let i = 0; i < purpose.length; i++) h = Math.imul(h ^ purpose.charCodeAt(i), 0x01000193) >>> 0;
  return h % SEED_RANGE;
}

/** A seeded source of hex strings and whole numbers, the engine's kind of random source. */
export function seededSource(seed: number): RandomSource {
  const random = seededRandom(seed);
  return {
    hex: (n) =>
      Array.from({ length: n }, () =>
        Math.floor(random() * 256)
          .toString(16)
          .padStart(2, '0'),
      ).join(''),
    int: (max) => Math.min(max - 1, Math.floor(random() * max)),
  };
}

/** Every random choice of one run, each from its own stream of the run's seed. */
export interface RunStreams {
  readonly seed: number;
  /** The random parts of keys and values (value-format bytes: which bytes), one stream per name. */
  readonly values: (stream: string) => RandomSource;
  /** The order of the services each cluster-wide partition splits, so which side a node is on varies. */
  readonly partition: <T>(items: readonly T[]) => T[];
  /** Where `fault-schedule: random` places each fault. */
  readonly schedule: number;
  /** The workload clients' operations, nodes and keys. */
  readonly workload: number;
}

export function runStreams(seed: number): RunStreams {
  const values = new Map<string, RandomSource>();
  // One generator for every partition of the run: each draws its own order (a fresh one per call would give every
  // partition of the run the same sides).
  const partition = seededRandom(deriveSeed(seed, 'partition'));
  return {
    seed,
    values: (stream) => {
      let source = values.get(stream);
      if (!source) values.set(stream, (source = seededSource(deriveSeed(seed, `values:${stream}`))));
      return source;
    },
    partition: (items) => shuffleWith(partition, items),
    schedule: deriveSeed(seed, 'schedule'),
    workload: deriveSeed(seed, 'workload'),
  };
}
