// The final sweep: at the end of a run, every acknowledged value is read once more on every node. A node that
// returned a value earlier in the run (or acknowledged it) and no longer does has regressed: it lost data after
// serving it, which no check that waits for a value to arrive can see. The driver reads; judgeSweep decides.
import type { CheckContext } from './context.js';
import { observeRead } from './context.js';
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
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < todo.length && !ctx.signal.aborted) {
      const i = next++;
      const p = todo[i]!;
      const want = ctx.api.codec.toBytes(p.value);
      const read = await ctx.api.read(p.node.url, p.key, ctx.signal);
      reads[i] = {
        node: p.node,
        key: p.key,
        value: p.value,
        had: p.had,
        returned: read.value != null && read.value.equals(want),
        last: observeRead(read, want),
      };
    }
  };
  await Promise.all(Array.from({ length: PARALLEL }, worker));
  return { reads: reads.filter(Boolean), skipped: pairs.length - todo.length };
}

/** One check per node: passed when it still returns every value it had returned; failed naming the keys it lost. */
export function judgeSweep(o: SweepObservations, nodes: readonly NodeInfo[]): Check[] {
  return nodes.flatMap((node): Check[] => {
    const mine = o.reads.filter((r) => r.node === node && r.had);
    if (mine.length === 0) return [];
    const regressed = mine.filter((r) => !r.returned);
    const base = { id: `sweep:${node.label}`, kind: 'regressed', node };
    if (regressed.length === 0) {
      const capped = o.skipped > 0 ? ` (${o.skipped} reads over the cap of ${MAX_SWEEP_READS} were not made)` : '';
      const said = {
        title: `Sweep: ${node.label} still returns every value it returned before`,
        detail: `${node.label} returned all ${mine.length} value(s) it had returned or acknowledged earlier in the run${capped}.`,
      };
      return [makeCheck({ ...base, status: 'passed', said })];
    }
    const first = regressed[0]!;
    const said = {
      title: `Sweep: ${node.label} regressed: ${regressed.length} value(s) it returned before are gone`,
      detail:
        `${node.label} returned or acknowledged these keys earlier in the run and no longer returns their values: ` +
        `${regressed.map((r) => r.key).join(', ')}.`,
    };
    return [makeCheck({ ...base, status: 'failed', said, expected: first.value, actual: first.last })];
  });
}
