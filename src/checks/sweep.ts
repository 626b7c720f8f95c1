// The final sweep: at the end of a run, every acknowledged value is read once more on every node. A node that
// returned a value earlier in the run (or acknowledged it) and no longer does has regressed: it lost data after
// serving it, which no check that waits for a value to arrive can see. A node that gives no answer (a 5xx, a
// timeout, a refused or reset connection) says nothing of what it holds: it may still be catching up after a fault,
// so its reads of values it had are made again until it answers or the convergence timeout passes. Any other answer
// (a wrong or unreadable value, a 4xx) is an answer, and judged. The driver reads; judgeSweep decides.
import type { CheckContext } from './context.js';
import { observeRead, pollAs } from './context.js';
import { LIVENESS_KIND } from './liveness.js';
import type { Check, NodeInfo, Observation } from '../model/result.js';
import { makeCheck } from '../model/check.js';

/** Reads at most this many (key, node) pairs, so a run that wrote a great deal still ends promptly. */
export const MAX_SWEEP_READS = 5000;
const PARALLEL = 16;

export interface SweepRead {
  readonly node: NodeInfo;
  readonly key: string;
  readonly value: string;
  /** The node had returned or acknowledged this value before the sweep. */
  readonly had: boolean;
  /** The node answered with a status below 500 (it did not time out, fail with a 5xx, or refuse the connection). */
  readonly answered: boolean;
  readonly returned: boolean;
  readonly last: Observation;
}

export interface SweepObservations {
  readonly reads: readonly SweepRead[];
  /** Pairs left unread because of the cap. */
  readonly skipped: number;
}

export async function sweep(ctx: CheckContext): Promise<SweepObservations> {
  const pairs = ctx.seen.entries().flatMap((e) => ctx.nodes.map((node) => ({ node, ...e, had: e.nodes.includes(node.label) })));
  const todo = pairs.slice(0, MAX_SWEEP_READS);
  const reads: SweepRead[] = new Array<SweepRead>(todo.length);
  let waiting = todo.map((_, i) => i);
  await pollAs(ctx, 'settle', async () => {
    await readPairs(ctx, todo, waiting, reads);
    // Only a value the node had is worth waiting for: the judge looks at no other.
    waiting = waiting.filter((i) => todo[i]!.had && reads[i]?.answered === false);
    return { done: waiting.length === 0, value: undefined };
  });
  return { reads: reads.filter(Boolean), skipped: pairs.length - todo.length };
}

/** Reads the pairs at `which` into `reads`, PARALLEL at a time. */
async function readPairs(
  ctx: CheckContext,
  todo: readonly Omit<SweepRead, 'answered' | 'returned' | 'last'>[],
  which: readonly number[],
  reads: SweepRead[],
): Promise<void> {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < which.length && !ctx.signal.aborted) {
      const i = which[next++]!;
      const p = todo[i]!;
      const want = ctx.api.codec.toBytes(p.value);
      const read = await ctx.api.read(p.node.url, p.key, ctx.signal);
      reads[i] = {
        node: p.node,
        key: p.key,
        value: p.value,
        had: p.had,
        answered: read.outcome.ok && read.outcome.status < 500,
        returned: read.value != null && read.value.equals(want),
        last: observeRead(read, want),
      };
    }
  };
  await Promise.all(Array.from({ length: PARALLEL }, worker));
}

/**
 * One check per node: passed when it still returns every value it had returned; failed naming the keys it lost, or,
 * when it lost none it answered for, naming those it never answered for (a liveness failure, not lost data).
 */
export function judgeSweep(o: SweepObservations, nodes: readonly NodeInfo[]): Check[] {
  return nodes.flatMap((node): Check[] => {
    const mine = o.reads.filter((r) => r.node === node && r.had);
    if (mine.length === 0) return [];
    const regressed = mine.filter((r) => r.answered && !r.returned);
    const silent = mine.filter((r) => !r.answered);
    const base = { id: `sweep:${node.label}`, kind: 'regressed', node };
    if (regressed.length === 0 && silent.length === 0) {
      const capped = o.skipped > 0 ? ` (${o.skipped} reads over the cap of ${MAX_SWEEP_READS} were not made)` : '';
      const said = {
        title: `Sweep: ${node.label} still returns every value it returned before`,
        detail: `${node.label} returned all ${mine.length} value(s) it had returned or acknowledged earlier in the run${capped}.`,
      };
      return [makeCheck({ ...base, status: 'passed', said })];
    }
    const unanswered =
      silent.length > 0
        ? `${silent.length} read(s) of keys it had returned got no answer within the convergence timeout: ${keysOf(silent)}.`
        : '';
    if (regressed.length === 0) {
      const said = {
        title: `Sweep: ${node.label} did not answer ${silent.length} final read(s)`,
        detail:
          `${node.label} kept failing, timing out or refusing the final reads, so nothing shows whether it still ` +
          `holds what it returned earlier: ${unanswered}`,
      };
      return [makeCheck({ ...base, kind: LIVENESS_KIND, status: 'failed', said, expected: silent[0]!.value, actual: silent[0]!.last })];
    }
    const first = regressed[0]!;
    const said = {
      title: `Sweep: ${node.label} regressed: ${regressed.length} value(s) it returned before are gone`,
      detail:
        `${node.label} returned or acknowledged these keys earlier in the run and no longer returns their values: ` +
        `${keysOf(regressed)}.${unanswered ? ` Besides, ${unanswered}` : ''}`,
    };
    return [makeCheck({ ...base, status: 'failed', said, expected: first.value, actual: first.last })];
  });
}

function keysOf(reads: readonly SweepRead[]): string {
  return reads.map((r) => r.key).join(', ');
}
