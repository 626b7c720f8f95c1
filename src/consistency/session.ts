// The four session guarantees (docs/consistency.md, "writes r must know"). A read r of key k by client c that
// returned write v violates a guarantee when a write u != v of k that the guarantee requires r to know has
// v co< u, or r returned the initial state although such a u exists. Every required set is a union of chain
// prefixes (of writes, or of the writes that reads returned), so each question is a binary search per chain and a
// clock comparison: a prefix's latest write is the one to ask about (v co< an earlier one implies v co< it), and a
// prefix of reads answers from its running top two clocks.
import type { History } from '../linearizability/index.js';
import { BudgetExceeded } from '../linearizability/index.js';
import { CausalScan, latestWrite, misses, nodeAt, prepare, readAfter, soBound, Probe, type CausalOrder } from './causal-order.js';
import type { ConsistencyModel } from './models.js';
import { K_INFO_CAS, THIN_AIR, Ticker, budgetOf, isReading } from './ops.js';

const INFO_CAS = K_INFO_CAS;
const THIN = THIN_AIR;
import type { CheckerOptions, ModelVerdict, ModelWitness } from './verdict.js';
import { mrWitness, mwWitness, rywWitness, thinAirWitness, wfrWitness } from './words.js';

export const SESSION_MODELS = ['read-your-writes', 'monotonic-reads', 'monotonic-writes', 'writes-follow-reads'] as const;
export type SessionModel = (typeof SESSION_MODELS)[number];

/**
 * Causal's scan of the reads, on an acyclic order: each guarantee requires a subset of the writes causal requires,
 * so only the reads it flags can violate one. Undefined: every read is asked.
 */
type Suspects = CausalScan | undefined;

interface Hooks {
  /** Called at the start of each client's chain. */
  start(c: number): void;
  /** A read (or an indeterminate compare-and-set's read); a witness ends the scan. */
  read(x: number): ModelWitness | undefined;
  /** After a chain read, before the next event: it now precedes what follows. */
  after(x: number): void;
}

/**
 * Each client's chain in session order, and its off-chain compare-and-sets right after the last chain event
 * before them (what precedes them in session order is then exactly what the hooks have seen).
 */
function walk(o: CausalOrder, ticker: Ticker, hooks: Hooks, only: Suspects): ModelWitness | undefined {
  const norm = o.norm;
  if (only && only.first(ticker) < 0) return undefined;
  const ask = (x: number): ModelWitness | undefined => (only && !only.violates(x, ticker) ? undefined : hooks.read(x));
  for (let c = 0; c < norm.clients; c++) {
    hooks.start(c);
    let off = norm.nChain + norm.offStart[c]!;
    const offEnd = norm.nChain + norm.offStart[c + 1]!;
    const offUpTo = (p: number): ModelWitness | undefined => {
      for (; off < offEnd && norm.pos[off]! <= p; off++) {
        ticker.tick();
        const found = norm.kind[off] === INFO_CAS && norm.rf[off] !== THIN ? ask(off) : undefined;
        if (found) return found;
      }
      return undefined;
    };
    let found = offUpTo(-1);
    for (let x = norm.chainStart[c]!; found === undefined && x < norm.chainStart[c + 1]!; x++) {
      ticker.tick();
      if (!isReading(norm.kind[x]!)) {
        found = offUpTo(norm.pos[x]!);
        continue;
      }
      if (norm.rf[x] !== THIN) found = ask(x);
      hooks.after(x);
      found ??= offUpTo(norm.pos[x]!);
    }
    if (found) return found;
  }
  return undefined;
}

// Each read is decided by a Probe (its cursors reset per client, whose bounds only grow); only a read it finds
// violating is asked again in full, to name the same witness as a full question would.

function readYourWrites(o: CausalOrder, ticker: Ticker, only?: Suspects): ModelWitness | undefined {
  const norm = o.norm;
  const K = norm.keys.length;
  const p = new Probe(o, ticker);
  return walk(
    o,
    ticker,
    {
      start: () => p.next(),
      after: () => {},
      read: (x) => {
        const c = norm.client[x]!;
        const v = norm.rf[x]!;
        if (!p.writeMissed(c * K + norm.key[x]!, norm.chainStart[c]!, soBound(norm, x), v)) return undefined;
        const u = latestWrite(o, c, norm.key[x]!, soBound(norm, x), v);
        return misses(o, v, u) ? rywWitness(norm, x, u) : undefined;
      },
    },
    only,
  );
}

function monotonicReads(o: CausalOrder, ticker: Ticker, only?: Suspects): ModelWitness | undefined {
  const norm = o.norm;
  const K = norm.keys.length;
  const p = new Probe(o, ticker);
  return walk(
    o,
    ticker,
    {
      start: () => p.next(),
      after: () => {},
      read: (x) => {
        const c = norm.client[x]!;
        if (!p.readMissed(c * K + norm.key[x]!, soBound(norm, x), norm.rf[x]!)) return undefined;
        const e = readAfter(o, c, norm.key[x]!, soBound(norm, x), norm.rf[x]!, ticker);
        return e >= 0 ? mrWitness(norm, nodeAt(norm, c, o.rlPos[e]!), x) : undefined;
      },
    },
    only,
  );
}

/**
 * What a client's earlier reads make it depend on: per chain, the highest position that precedes a write some
 * earlier read returned (and the read), shared by monotonic writes and writes-follow-reads.
 */
class Horizon {
  readonly bound: Int32Array;
  readonly by: Int32Array;
  /** Writes read by indeterminate compare-and-sets an earlier read returned, with that read. */
  readonly extra: number[] = [];
  constructor(private readonly o: CausalOrder) {
    this.bound = new Int32Array(o.norm.clients);
    this.by = new Int32Array(o.norm.clients);
  }

  reset(): void {
    this.bound.fill(-1);
    this.extra.length = 0;
  }

  add(x: number): void {
    const norm = this.o.norm;
    const w2 = norm.rf[x]!;
    if (w2 < 0) return;
    const c1 = norm.client[w2]!;
    const b = soBound(norm, w2);
    if (b > this.bound[c1]!) {
      this.bound[c1] = b;
      this.by[c1] = x;
    }
    if (norm.kind[w2] === INFO_CAS && norm.rf[w2]! >= 0) this.extra.push(norm.rf[w2]!, x);
  }
}

function monotonicWrites(o: CausalOrder, ticker: Ticker, only?: Suspects): ModelWitness | undefined {
  const norm = o.norm;
  const K = norm.keys.length;
  const h = new Horizon(o);
  const p = new Probe(o, ticker);
  const witness = (x: number, c1: number): ModelWitness | undefined => {
    const u = latestWrite(o, c1, norm.key[x]!, h.bound[c1]!, norm.rf[x]!);
    return misses(o, norm.rf[x]!, u) ? mwWitness(norm, x, u, h.by[c1]!) : undefined;
  };
  return walk(
    o,
    ticker,
    {
      start: () => {
        h.reset();
        p.next();
      },
      after: (x) => h.add(x),
      read: (x) => {
        const k = norm.key[x]!;
        const v = norm.rf[x]!;
        const bound = h.bound;
        for (let c1 = 0; c1 < norm.clients; c1++) {
          const b = bound[c1]!;
          if (b >= 0 && p.writeMissed(c1 * K + k, norm.chainStart[c1]!, b, v)) return witness(x, c1);
        }
        return undefined;
      },
    },
    only,
  );
}

function writesFollowReads(o: CausalOrder, ticker: Ticker, only?: Suspects): ModelWitness | undefined {
  const norm = o.norm;
  const K = norm.keys.length;
  const h = new Horizon(o);
  const p = new Probe(o, ticker);
  const witness = (x: number, c1: number): ModelWitness | undefined => {
    const e = readAfter(o, c1, norm.key[x]!, h.bound[c1]!, norm.rf[x]!, ticker);
    return e >= 0 ? wfrWitness(norm, x, nodeAt(norm, c1, o.rlPos[e]!), h.by[c1]!) : undefined;
  };
  return walk(
    o,
    ticker,
    {
      start: () => {
        h.reset();
        p.next();
      },
      after: (x) => h.add(x),
      read: (x) => {
        const k = norm.key[x]!;
        const v = norm.rf[x]!;
        const bound = h.bound;
        for (let c1 = 0; c1 < norm.clients; c1++) {
          const b = bound[c1]!;
          if (b >= 0 && p.readMissed(c1 * K + k, b, v)) return witness(x, c1);
        }
        for (let i = 0; i < h.extra.length; i += 2) {
          ticker.tick();
          const w1 = h.extra[i]!;
          if (norm.key[w1] === k && w1 !== v && misses(o, v, w1)) return wfrWitness(norm, x, norm.rf[h.extra[i + 1]!]!, h.extra[i + 1]!);
        }
        return undefined;
      },
    },
    only,
  );
}

export const SESSION_CHECKS: Record<SessionModel, (o: CausalOrder, ticker: Ticker, only?: Suspects) => ModelWitness | undefined> = {
  'read-your-writes': readYourWrites,
  'monotonic-reads': monotonicReads,
  'monotonic-writes': monotonicWrites,
  'writes-follow-reads': writesFollowReads,
};

function unknown(model: ConsistencyModel, start: number, reason: string): ModelVerdict {
  return { model, verdict: 'unknown', elapsedMs: performance.now() - start, reason };
}

/** One checker run on a prepared order: its verdict, `unknown` when the budget ran out on the way. */
export function judge(
  model: ConsistencyModel,
  o: CausalOrder,
  ticker: Ticker,
  start: number,
  check: (o: CausalOrder, ticker: Ticker) => ModelWitness | undefined,
): ModelVerdict {
  if (o.norm.thinAir >= 0)
    return { model, verdict: 'violated', elapsedMs: performance.now() - start, witness: thinAirWitness(o.norm, model) };
  try {
    const witness = check(o, ticker.as(`checking ${model}`));
    const elapsedMs = performance.now() - start;
    return witness ? { model, verdict: 'violated', elapsedMs, witness } : { model, verdict: 'held', elapsedMs };
  } catch (error) {
    if (error instanceof BudgetExceeded) return unknown(model, start, error.message);
    throw error;
  }
}

/**
 * Read-your-writes, monotonic reads, monotonic writes and writes-follow-reads, one verdict each (in that order).
 * They share one normalisation and one causal order, and one budget (`budgetMs`, `maxMemoryBytes`).
 */
export function checkSessionGuarantees(history: History, opts: CheckerOptions = {}): ModelVerdict[] {
  const start = performance.now();
  const ticker = new Ticker(budgetOf(opts, start), 'checking the session guarantees');
  const prep = prepare(history, opts, ticker);
  if ('reason' in prep) return SESSION_MODELS.map((m) => unknown(m, start, prep.reason));
  const prepMs = performance.now() - start;
  const bad = suspects(prep.order);
  return SESSION_MODELS.map((model) =>
    judge(model, prep.order, ticker, performance.now() - prepMs, (o, t) => SESSION_CHECKS[model](o, t, bad)),
  );
}

/** Causal's scan, to be asked which reads it flags, when the order is acyclic and read nothing out of thin air. */
function suspects(o: CausalOrder): Suspects {
  return o.firstCycle >= 0 || o.norm.thinAir >= 0 ? undefined : new CausalScan(o);
}
