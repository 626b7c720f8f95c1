// Liveness apart from safety: once the faults healed (any fault-schedule), every node that is up must take a fresh
// write and give it back within a stated bound (input liveness-timeout). A node that answers but never acknowledges
// (a leader election that never ends, a node wedged behind a lock since the partition) has lost no data: it is
// reported as a liveness failure, not among lost or stale values. The final sweep reports a node that never answers
// its reads the same way (sweep.ts).
import type { CheckContext } from './context.js';
import { observeRead, pollAs, writersOf } from './context.js';
import { observe } from './kv-api.js';
import type { Check, NodeInfo, Observation } from '../model/result.js';
import { makeCheck } from '../model/check.js';
import { formatMs } from '../util/text.js';

export const LIVENESS_KIND = 'liveness';

export interface LivenessInput {
  readonly nodes: readonly NodeInfo[];
  readonly timeoutMs: number;
  /** Nodes known to be down after the schedule (their recovery check failed): not judged here, said so. */
  readonly down?: ReadonlySet<string>;
}

/** One write and its read-back per node, all nodes at once, each within `timeoutMs` from the start of the phase. */
export async function checkLiveness(ctx: CheckContext, input: LivenessInput): Promise<Check[]> {
  const key = ctx.ids.key('liveness');
  return Promise.all(
    input.nodes.map((node) => (input.down?.has(node.label) ? skippedCheck(node) : nodeLiveness(ctx, node, key, input.timeoutMs))),
  );
}

async function nodeLiveness(ctx: CheckContext, node: NodeInfo, baseKey: string, timeoutMs: number): Promise<Check> {
  const key = `${baseKey}-${node.label.replace(/[^A-Za-z0-9_-]/g, '_')}`;
  // One value for every attempt: an attempt that timed out and took effect late writes the same bytes.
  const value = ctx.ids.value(node.label, 'liveness');
  const start = ctx.clock.now();
  // A read replica (input writers) takes no writes: its fresh write goes through a writer, and it must return it.
  const via = node.readOnly === true ? (writersOf(ctx)[0] ?? node) : node;
  const wrote = await pollAs(
    ctx,
    'writable',
    async () => {
      const w = await ctx.api.write(via.url, key, value, ctx.signal);
      return { done: w.acked, value: w };
    },
    timeoutMs,
  );
  const id = `${LIVENESS_KIND}:${node.label}`;
  const bound = formatMs(timeoutMs);
  if (!wrote.done) {
    const said = {
      title: `Liveness: ${via.label} did not acknowledge a fresh write`,
      detail:
        `Once every fault had healed, ${via.label} acknowledged none of ${wrote.attempts} attempts to write a fresh key within ` +
        `${bound} (liveness-timeout): it stays unavailable, though no data is known to be lost.`,
    };
    return failed(id, node, said, ctx.clock.now() - start, observe(wrote.last?.outcome), value);
  }
  const want = ctx.api.codec.toBytes(value);
  const left = Math.max(1, start + timeoutMs - ctx.clock.now());
  const read = await pollAs(
    ctx,
    'value',
    async () => {
      const r = await ctx.api.read(node.url, key, ctx.signal);
      return { done: r.value != null && r.value.equals(want), value: r };
    },
    left,
  );
  const tookMs = ctx.clock.now() - start;
  if (!read.done) {
    const said = {
      title: `Liveness: ${node.label} did not return a fresh write`,
      detail:
        `${node.label} acknowledged a fresh write once every fault had healed, but did not return it within ${bound} ` +
        '(liveness-timeout).',
    };
    return failed(id, node, said, tookMs, observeRead(read.last, want), value);
  }
  ctx.seen.record(key, value, node.label);
  const said = {
    title: `Liveness: ${node.label} took and returned a fresh write`,
    detail:
      `Once every fault had healed, ${node.label} acknowledged a fresh write and returned it after ${formatMs(tookMs)} ` +
      `(bound ${bound}).`,
  };
  return makeCheck({ id, kind: LIVENESS_KIND, status: 'passed', said, durationMs: tookMs, node });
}

function failed(
  id: string,
  node: NodeInfo,
  said: { title: string; detail: string },
  ms: number,
  actual: Observation,
  expected: string,
): Check {
  return makeCheck({ id, kind: LIVENESS_KIND, status: 'failed', said, durationMs: ms, node, actual, expected, waitedMs: ms });
}

function skippedCheck(node: NodeInfo): Promise<Check> {
  const said = {
    title: `Liveness: ${node.label} not judged`,
    detail: `${node.label} did not answer again once the faults healed (its recovery check failed), so its liveness was not judged.`,
  };
  return Promise.resolve(makeCheck({ id: `${LIVENESS_KIND}:${node.label}`, kind: LIVENESS_KIND, status: 'skipped', said, node }));
}
