// Times the per-key sequential check on 1,000,000-operation histories: 16 clients, 20 keys, unique values, from
// three simulated stores:
// - eventual: three replicas, each operation on a random one, writes copied to the others after a random lag and
//   applied in arrival order (replicas can disagree for good). Not sequential: the check should find it quickly.
//   eventual-sticky: the same with each client on one replica, so each client reads its own writes and the
//   violation takes clients seeing writes in different orders.
// - sequential: one primary orders every write; each client reads from its own replica, which applies the
//   primary's log in order after a lag, and a write returns once the client's replica applied it. Sequential but
//   not linearizable (reads are stale in real time).
// - linearizable: one copy, each operation taking effect inside its interval.
// Run: npx tsx bench/sequential.ts [--ops N] [--budget MS]
// (node --expose-gc --import tsx bench/sequential.ts collects the previous history first: steadier memory figures)

import { checkSequential } from '../src/consistency/sequential.js';
import type { History, HistoryOperation, Value } from '../src/linearizability/index.js';
import { seededRandom, type Random } from '../src/core/random.js';

function argValue(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

const TOTAL = Number(argValue('--ops') ?? 1_000_000);
const BUDGET_MS = Number(argValue('--budget') ?? 10_000);
const CLIENTS = 16;
const KEYS = 20;
const REPLICAS = 3;

type Store = 'eventual' | 'eventual-sticky' | 'sequential' | 'linearizable';

/** A binary min-heap of [time, payload] pairs (replication messages in arrival order). */
class Heap<T> {
  private readonly items: { at: number; item: T }[] = [];
  get size(): number {
    return this.items.length;
  }
  peek(): number {
    return this.items.length > 0 ? this.items[0]!.at : Infinity;
  }
  push(at: number, item: T): void {
    const a = this.items;
    a.push({ at, item });
    for (let i = a.length - 1; i > 0;) {
      const p = (i - 1) >> 1;
      if (a[p]!.at <= a[i]!.at) break;
      [a[p], a[i]] = [a[i]!, a[p]!];
      i = p;
    }
  }
  pop(): T {
    const a = this.items;
    const top = a[0]!;
    const last = a.pop()!;
    if (a.length > 0) {
      a[0] = last;
      for (let i = 0; ;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < a.length && a[l]!.at < a[m]!.at) m = l;
        if (r < a.length && a[r]!.at < a[m]!.at) m = r;
        if (m === i) break;
        [a[m], a[i]] = [a[i]!, a[m]!];
        i = m;
      }
    }
    return top.item;
  }
}

/** The replicated state each store keeps, behind one interface: a read and a write at an instant on a node. */
interface Replicas {
  read(node: number, key: number, at: number): Value;
  /** Returns when the write is acknowledged (at or after `at`). */
  write(node: number, key: number, value: string, at: number): number;
}

function eventualStore(rnd: Random): Replicas {
  const copies = Array.from({ length: REPLICAS }, () => new Array<Value>(KEYS).fill(null));
  const inbox = new Heap<[number, number, string]>();
  const deliver = (until: number): void => {
    while (inbox.peek() <= until) {
      const [node, key, value] = inbox.pop();
      copies[node]![key] = value;
    }
  };
  return {
    read(node, key, at) {
      deliver(at);
      return copies[node]![key]!;
    },
    write(node, key, value, at) {
      deliver(at);
      copies[node]![key] = value;
      for (let n = 0; n < REPLICAS; n++) {
        if (n !== node) inbox.push(at + (rnd() < 0.05 ? rnd() * 500 : rnd() * 30), [n, key, value]);
      }
      return at + 0.2 + rnd();
    },
  };
}

/** One log; replica r applies entry e at applied[r][e], in log order. A node here is the client's own replica. */
function sequentialStore(rnd: Random): Replicas {
  const logKey: number[] = [];
  const logValue: string[] = [];
  const applied: number[][] = Array.from({ length: REPLICAS }, () => []);
  const next = new Array<number>(REPLICAS).fill(0);
  const state = Array.from({ length: REPLICAS }, () => new Array<Value>(KEYS).fill(null));
  const catchUp = (r: number, at: number): void => {
    while (next[r]! < logKey.length && applied[r]![next[r]!]! <= at) {
      state[r]![logKey[next[r]!]!] = logValue[next[r]!]!;
      next[r]!++;
    }
  };
  return {
    read(node, key, at) {
      catchUp(node, at);
      return state[node]![key]!;
    },
    write(node, key, value, at) {
      logKey.push(key);
      logValue.push(value);
      for (let r = 0; r < REPLICAS; r++) {
        const prev = applied[r]!.length > 0 ? applied[r]![applied[r]!.length - 1]! : 0;
        applied[r]!.push(Math.max(prev, at + rnd() * (r === 0 ? 1 : 40)));
      }
      return applied[node]![applied[node]!.length - 1]! + 0.1;
    },
  };
}

function linearizableStore(): Replicas {
  const state = new Array<Value>(KEYS).fill(null);
  return {
    read: (_node, key) => state[key]!,
    write(_node, key, value, at) {
      state[key] = value;
      return at;
    },
  };
}

/**
 * Clients act in global time order (the one whose next step is earliest goes): invoke, take effect a little later,
 * complete, think, repeat. Reads are 60 % of the operations.
 */
function build(store: Store, total: number, seed: number): History {
  const rnd = seededRandom(seed);
  const replicas = store.startsWith('eventual') ? eventualStore(rnd) : store === 'sequential' ? sequentialStore(rnd) : linearizableStore();
  const nextAt = Array.from({ length: CLIENTS }, () => rnd() * 5);
  // The sequential store's clients stay on their replica, and eventual-sticky's; the others roam.
  const home = Array.from({ length: CLIENTS }, (_, c) => c % REPLICAS);
  const operations: HistoryOperation[] = [];
  let counter = 0;
  while (operations.length < total) {
    let c = 0;
    for (let i = 1; i < CLIENTS; i++) if (nextAt[i]! < nextAt[c]!) c = i;
    const invoke = nextAt[c]!;
    const at = invoke + rnd() * 0.5;
    const key = Math.floor(rnd() * KEYS);
    const node = store === 'sequential' || store === 'eventual-sticky' ? home[c]! : Math.floor(rnd() * REPLICAS);
    let complete: number;
    let op: HistoryOperation;
    if (rnd() < 0.6) {
      const value = replicas.read(node, key, at);
      complete = at + rnd() * 0.5;
      op = { process: c, key: `k${key}`, node: `n${node}`, f: 'read', value, type: 'ok', invoke, complete };
    } else {
      const value = `v${++counter}`;
      complete = Math.max(at, replicas.write(node, key, value, at)) + rnd() * 0.5;
      op = { process: c, key: `k${key}`, node: `n${node}`, f: 'write', value, type: 'ok', invoke, complete };
    }
    operations.push(op);
    nextAt[c] = complete + 0.05 + rnd() * 2;
  }
  return { schemaVersion: 1, operations };
}

function mib(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(0)} MiB`;
}

console.log(`${TOTAL.toLocaleString('en-US')} operations, ${CLIENTS} clients, ${KEYS} keys, budget ${BUDGET_MS} ms`);
for (const store of ['eventual', 'eventual-sticky', 'sequential', 'linearizable'] as const) {
  (globalThis as { gc?: () => void }).gc?.();
  const t0 = performance.now();
  let history: History | undefined = build(store, TOTAL, 7);
  const t1 = performance.now();
  const heapBefore = process.memoryUsage().heapUsed;
  const verdict = checkSequential(history, { budgetMs: BUDGET_MS });
  const t2 = performance.now();
  const mem = process.memoryUsage();
  const maxRss = process.resourceUsage().maxRSS * 1024;
  const witness = verdict.witness ? `, witness ${verdict.witness.operations.length} operations: ${verdict.witness.explanation}` : '';
  const reason = verdict.reason !== undefined ? ` (${verdict.reason})` : '';
  console.log(
    `${store.padEnd(16)} built in ${((t1 - t0) / 1000).toFixed(2)} s; checked in ${((t2 - t1) / 1000).toFixed(2)} s: ` +
      `${verdict.verdict}${reason}; heap ${mib(heapBefore)} before, ${mib(mem.heapUsed)} after, rss ${mib(mem.rss)}, ` +
      `peak rss so far ${mib(maxRss)}${witness}`,
  );
  history = undefined;
}
