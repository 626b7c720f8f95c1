// Whether nodes are serving: the probe behind readiness, restarts and fault recovery. Any HTTP answer below 500
// counts as serving; an error, a timeout or a 5xx does not.
import type { CheckContext } from './context.js';
import { pollAs } from './context.js';
import type { NodeInfo } from '../model/result.js';
import type { HttpOutcome } from '../http/client.js';
import type { PollResult } from '../core/poll.js';
import type { ReadOutcome } from './kv-api.js';

export function isServing(outcome: HttpOutcome): boolean {
  return outcome.ok && outcome.status < 500;
}

/** Polls one node with the readiness probe until it serves (policy `ready`); the last value is its last answer. */
export function untilReady(ctx: CheckContext, node: NodeInfo): Promise<PollResult<HttpOutcome>> {
  return pollAs<HttpOutcome>(ctx, 'ready', async () => {
    const outcome = await ctx.api.probe(node.url, ctx.signal);
    return { done: isServing(outcome), value: outcome };
  });
}

/**
 * Polls one recovering node until it serves again (policy `recover`). The probe is a read of `key`, a key the node
 * must catch up on: its first requests after a fault are then the very reads that catch-up is judged by, so a
 * node that caches what it answered while still catching up cannot hide it behind an unrelated health path.
 */
export function untilRecovered(ctx: CheckContext, node: NodeInfo, key: string | undefined): Promise<PollResult<ReadOutcome>> {
  return pollAs<ReadOutcome>(ctx, 'recover', async () => {
    const read =
      key !== undefined
        ? await ctx.api.read(node.url, key, ctx.signal)
        : { outcome: await ctx.api.probe(node.url, ctx.signal), value: undefined };
    return { done: isServing(read.outcome), value: read };
  });
}

/**
 * Polls (tightly: a restart takes well under a second) until one of `nodes` stops serving, or `over()` says the
 * fault is already over. True when a node was seen down before that.
 */
export async function untilOneIsDown(ctx: CheckContext, nodes: readonly NodeInfo[], over: () => boolean): Promise<boolean> {
  const r = await pollAs(ctx, 'down', async () => {
    const answers = await Promise.all(nodes.map((n) => ctx.api.probe(n.url, ctx.signal)));
    return { done: over() || answers.some((a) => !isServing(a)), value: undefined };
  });
  return r.done && !over();
}
