// Values looked up by what they are, each kept under a number of the caller's (an operation index, a cluster number)
// and in a group (a key). Strings, the common kind, sit in one open-addressing table of those numbers, hashed with
// their group and compared with the value the number stands for: a Map of half a million strings is some 25 MB of
// old-generation heap, and that growth costs a full collection with the whole history live, while a typed array
// costs none. Numbers and null go to a Map per group, with a Map's equality.
import type { Value } from './history.js';

export class ValueTable {
  /** The number + 1 per slot; 0: empty. */
  private readonly table: Int32Array;
  private readonly mask: number;
  private readonly others: Map<Value, number>[] = [];

  /**
   * `capacity`: how many values at most (the table stays at most half full); `valueOf` and `groupOf` say what a
   * number stands for (one group when there is no `groupOf`).
   */
  constructor(
    capacity: number,
    private readonly valueOf: (n: number) => Value,
    private readonly groupOf: (n: number) => number = () => 0,
  ) {
    let size = 16;
    while (size < 2 * capacity) size *= 2;
    this.table = new Int32Array(size);
    this.mask = size - 1;
  }

  /** The number v is kept under in group g, -1 when it is not there. */
  get(g: number, v: Value): number {
    if (typeof v !== 'string') return this.others[g]?.get(v) ?? -1;
    const { table, mask } = this;
    for (let slot = hash(g, v) & mask; table[slot] !== 0; slot = (slot + 1) & mask) {
      const n = table[slot]! - 1;
      if (this.groupOf(n) === g && this.valueOf(n) === v) return n;
    }
    return -1;
  }

  /** Keeps v under number n in group g; false (nothing kept) when v is there already. */
  add(g: number, v: Value, n: number): boolean {
    if (typeof v !== 'string') {
      const map = (this.others[g] ??= new Map());
      const size = map.size;
      map.set(v, n);
      return map.size !== size;
    }
    const { table, mask } = this;
    let slot = hash(g, v) & mask;
    for (; table[slot] !== 0; slot = (slot + 1) & mask) {
      const m = table[slot]! - 1;
      if (this.groupOf(m) === g && this.valueOf(m) === v) return false;
    }
    table[slot] = n + 1;
    return true;
  }
}

/** FNV-1a over the group number and the string's code units, then mixed so that the low bits depend on all of them. */
function hash(g: number, s: string): number {
  let h = Math.imul(0x811c9dc5 ^ g, 0x01000193);
  for (let j = 0; j < s.length; j++) h = Math.imul(h ^ s.charCodeAt(j), 0x01000193);
  h ^= h >>> 16;
  h = Math.imul(h, 0x7feb352d);
  return h ^ (h >>> 15);
}
