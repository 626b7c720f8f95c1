// Whether nodes are serving: the probe behind readiness, restarts and fault recovery. Any HTTP answer below 500
// counts as serving; an error, a timeout or a 5xx does not.
import type { CheckContext } from './context.js';
import type { NodeInfo } from '../model/result.js';
import type { HttpOutcome } from '../http/client.js';
import { pollUntil, type PollResult } from './poll.js';

export function isServing(outcome: HttpOutcome): boolean {
  return outcome.ok && outcome.status < 500;
}

/** Polls one node until it serves, or `timeoutMs` passes; the result's last value is its last answer. */
export function untilServing(ctx: CheckContext, node: NodeInfo, timeoutMs: number, delays = { minDelayMs: 10, maxDelayMs: 200 }): Promise<PollResult<HttpOutcome>> {
  return pollUntil<HttpOutcome>(
    async () => {
      const outcome = await ctx.api.probe(node.url, ctx.signal);
      return { done: isServing(outcome), value: outcome };
    },
    { timeoutMs, clock: ctx.clock, signal: ctx.signal, ...delays },
  );
}

/**
 * Polls (tightly: a restart takes well under a second) until one of `nodes` stops serving, or `over()` says the
 * fault is already over. True when a node was seen down before that.
 */
export async function untilOneIsDown(ctx: CheckContext, nodes: readonly NodeInfo[], over: () => boolean): Promise<boolean> {
  const r = await pollUntil(
    async () => {
      const answers = await Promise.all(nodes.map((n) => ctx.api.probe(n.url, ctx.signal)));
      return { done: over() || answers.some((a) => !isServing(a)), value: undefined };
    },
    { timeoutMs: 60_000, clock: ctx.clock, signal: ctx.signal, minDelayMs: 5, maxDelayMs: 20 },
  );
  return r.done && !over();
}
