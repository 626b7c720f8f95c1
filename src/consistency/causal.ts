// Causal consistency (CC) by the bad patterns of Bouajjani, Enea, Guerraoui and Hamza (POPL 2017), exact for
// histories with unique values: ThinAirRead (a read of a value no write wrote), CyclicCO (a cycle in causal order),
// WriteCOInitRead (a read of the initial state although a write of its key causally precedes it) and WriteCORead
// (a read of v although a write u != v of its key has v co< u co< r).
//
// With co acyclic, the writes causally before r are, per chain c, the chain's writes up to clock[r][c] (a prefix),
// plus indeterminate writes, which reach r only through a read of one of them that is itself causally before r, so
// per chain through the chain's reads up to the same bound. Each read is thus a binary search and a clock
// comparison per chain.
import type { History } from '../linearizability/index.js';
import { CausalScan, latestWrite, misses, nodeAt, prepare, readAfter, soPred, type CausalOrder } from './causal-order.js';
import { Ticker, budgetOf, type SharedValues } from './ops.js';
import { SESSION_CHECKS, SESSION_MODELS, judge } from './session.js';
import type { CheckerOptions, ModelVerdict, ModelWitness } from './verdict.js';
import { causalReadWitness, cycleWitness } from './words.js';

/** Nodes strictly between `from` and `to` on a causal path, oldest first (empty when none is found in bounds). */
export function causalPath(o: CausalOrder, from: number, to: number, ticker: Ticker, maxSteps = 200_000): number[] {
  const norm = o.norm;
  const parent = new Map<number, number>([[to, -1]]);
  const queue = [to];
  for (let head = 0; head < queue.length && head < maxSteps; head++) {
    ticker.tick();
    const x = queue[head]!;
    for (const p of [soPred(norm, x), norm.rf[x]!]) {
      if (p < 0 || parent.has(p)) continue;
      parent.set(p, x);
      if (p === from) {
        const path: number[] = [];
        for (let y = x; y !== to; y = parent.get(y)!) path.push(y);
        return path;
      }
      queue.push(p);
    }
  }
  return [];
}

/** A cycle through the first cyclic component, each node before the next. */
function findCycle(o: CausalOrder, ticker: Ticker): number[] {
  const norm = o.norm;
  let start = 0;
  while (o.scc[start] !== o.firstCycle) start++;
  if (norm.rf[start] === start) return [start];
  // Backwards from start along predecessors inside the component, until start comes round again.
  const parent = new Map<number, number>();
  const queue = [start];
  for (let head = 0; head < queue.length; head++) {
    ticker.tick();
    const x = queue[head]!;
    for (const p of [soPred(norm, x), norm.rf[x]!]) {
      if (p < 0 || o.scc[p] !== o.firstCycle) continue;
      if (p === start) {
        const cycle = [start];
        for (let y = x; y !== start; y = parent.get(y)!) cycle.push(y);
        return cycle;
      }
      if (parent.has(p)) continue;
      parent.set(p, x);
      queue.push(p);
    }
  }
  return [start];
}

function causalRead(o: CausalOrder, x: number, ticker: Ticker): ModelWitness | undefined {
  const norm = o.norm;
  const C = norm.clients;
  const k = norm.key[x]!;
  const v = norm.rf[x]!;
  const at = o.scc[x]! * C;
  for (let c = 0; c < C; c++) {
    const b = o.clock[at + c]!;
    if (b < 0) continue;
    let u = latestWrite(o, c, k, b, v);
    if (!misses(o, v, u)) {
      const e = readAfter(o, c, k, b, v, ticker);
      u = e >= 0 ? norm.rf[nodeAt(norm, c, o.rlPos[e]!)]! : -1;
    }
    if (u >= 0) return causalReadWitness(o, x, u, causalPath(o, u, x, ticker));
  }
  return undefined;
}

/** Causal's verdict, its scan of the reads shared with the session checks when given (none when co has a cycle). */
function causalWith(o: CausalOrder, ticker: Ticker, scan: CausalScan | undefined): ModelWitness | undefined {
  const norm = o.norm;
  if (o.firstCycle >= 0) return cycleWitness(norm, findCycle(o, ticker));
  // The first violating read in node order is named by causalRead, as if every read had been asked in full.
  const found = (scan ?? new CausalScan(o)).first(ticker);
  return found >= 0 ? causalRead(o, found, ticker) : undefined;
}

function causal(o: CausalOrder, ticker: Ticker): ModelWitness | undefined {
  return causalWith(o, ticker, undefined);
}

/** Causal consistency (CC): ThinAirRead, CyclicCO, WriteCOInitRead, WriteCORead, within one budget. */
export function checkCausal(history: History, opts: CheckerOptions = {}): ModelVerdict {
  const start = performance.now();
  const ticker = new Ticker(budgetOf(opts, start), 'checking causal consistency');
  const prep = prepare(history, opts, ticker);
  if ('reason' in prep) return { model: 'causal', verdict: 'unknown', elapsedMs: performance.now() - start, reason: prep.reason };
  return judge('causal', prep.order, ticker, start, causal);
}

/**
 * The four session guarantees (in SESSION_MODELS order) and causal consistency, last: five verdicts over one
 * normalisation and one causal order, which is most of the work, so this costs little more than one checker.
 * Each verdict's elapsedMs counts the shared preparation and its own check; the budget covers all five together.
 */
export function checkSessionAndCausal(history: History, opts: CheckerOptions = {}, out?: { values?: SharedValues }): ModelVerdict[] {
  const start = performance.now();
  const ticker = new Ticker(budgetOf(opts, start), 'checking the session guarantees and causal consistency');
  const prep = prepare(history, opts, ticker);
  // `out` (the ladder's): the normalisation's value numbering, for the sequential checker to reuse.
  if (out !== undefined && 'order' in prep) out.values = prep.order.norm.values;
  const models = [...SESSION_MODELS, 'causal' as const];
  if ('reason' in prep)
    return models.map((model) => ({ model, verdict: 'unknown', elapsedMs: performance.now() - start, reason: prep.reason }));
  const prepMs = performance.now() - start;
  // Causal first: every session guarantee requires a subset of the writes causal does, so a read causal finds no
  // fault with is fine for all four, and they need to look only at the reads causal flags. Causal stops at its
  // first violating read; the session checks carry its scan on as far as their own walks go.
  const o = prep.order;
  const scan = o.firstCycle < 0 ? new CausalScan(o) : undefined;
  const own = judge('causal', o, ticker, performance.now() - prepMs, (order, t) => causalWith(order, t, scan));
  const sessions = SESSION_MODELS.map((model) =>
    judge(model, o, ticker, performance.now() - prepMs, (order, t) => SESSION_CHECKS[model](order, t, scan)),
  );
  return [...sessions, own];
}
