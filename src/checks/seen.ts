// Which node has returned which acknowledged value, as observed by any check of the run. A value a node returned
// once and no longer returns was lost; one it never returned may simply never have reached it. The durability
// judges need the difference, and only observations can tell it. A node that acknowledged a write has said it
// has the value, so the writer counts as having had it too.

/** A write a node acknowledged: the value every node must return for the key from then on. */
export interface AckedWrite {
  readonly key: string;
  readonly value: string;
  /** Label of the node that acknowledged it. */
  readonly writer: string;
}

export class SeenValues {
  private readonly byKey = new Map<string, { value: string; nodes: Set<string> }>();

  /** Records that `node` returned `value` for `key`. A different value for the key replaces what was known. */
  record(key: string, value: string, node: string): void {
    let entry = this.byKey.get(key);
    if (!entry || entry.value !== value) this.byKey.set(key, (entry = { value, nodes: new Set() }));
    entry.nodes.add(node);
  }

  /** Forgets what is known of a key whose value is no longer certain (a write to it may or may not have happened). */
  forget(key: string): void {
    this.byKey.delete(key);
  }

  /** Whether `node` has returned `value` for `key` at some point of the run. */
  returned(key: string, value: string, node: string): boolean {
    const entry = this.byKey.get(key);
    return entry !== undefined && entry.value === value && entry.nodes.has(node);
  }

  /** Every acknowledged value known, with the nodes that returned (or acknowledged) it, in the order first seen. */
  entries(): { key: string; value: string; nodes: string[] }[] {
    return [...this.byKey].map(([key, e]) => ({ key, value: e.value, nodes: [...e.nodes] }));
  }

  /** The nodes that have returned `value` for `key`. */
  nodesFor(key: string, value: string): string[] {
    const entry = this.byKey.get(key);
    return entry && entry.value === value ? [...entry.nodes] : [];
  }
}
