// A small seeded generator (mulberry32): the same seed gives every client the same sequence of choices, so a
// run's plan (which node, key and operation each client picks) can be replayed. Not for anything secret.

export type Random = () => number;

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

/** A copy of `items` in an order drawn from `seed` (Fisher-Yates): the same seed, the same order. */
export function seededShuffle(seed: number): <T>(items: readonly T[]) => T[] {
  return <T>(items: readonly T[]): T[] => {
    const random = seededRandom(seed);
    const out = [...items];
    for (let i = out.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [out[i], out[j]] = [out[j]!, out[i]!];
    }
    return out;
  };
}
