// Waits until every node answers HTTP below 500: the cluster is ready as soon as it is, never after a fixed sleep.
import type { CheckContext } from './context.js';
import { untilReady } from './serving.js';
import { observe, describeObservation } from './kv-api.js';
import type { Check, NodeInfo } from '../model/result.js';
import { makeCheck } from '../model/check.js';
import { readinessGuidance } from './guidance.js';

export interface ReadinessOutcome {
  readonly checks: Check[];
  /** Per node URL, ms from `since` until the first answer below 500. */
  readonly readyMs: Map<string, number>;
}

export async function waitForReady(ctx: CheckContext, nodes: readonly NodeInfo[], since: number): Promise<ReadinessOutcome> {
  const readyMs = new Map<string, number>();
  const checks = await Promise.all(
    nodes.map(async (node): Promise<Check> => {
      const r = await untilReady(ctx, node);
      const ms = r.doneAt !== undefined ? r.doneAt - since : undefined;
      if (r.done && ms !== undefined) readyMs.set(node.url, ms);
      const last = observe(r.last);
      // A node of another protocol answered its adapter's ready (or a TCP connection), not an HTTP request.
      const answer = /^https?:/.test(node.url) ? `HTTP ${last.status} ` : '';
      const said = r.done
        ? {
            title: `Readiness: ${node.label} is serving`,
            detail: `${node.label} (${node.url}) answered ${answer}after ${Math.round(ms ?? 0)} ms.`,
          }
        : {
            title: `Readiness: ${node.label} never answered below 500`,
            detail:
              `${node.label} (${node.url}) did not answer below 500 within ${Math.round(r.elapsedMs / 1000)} s; ` +
              `last: ${describeObservation(last)}.`,
          };
      const status = r.done ? 'passed' : 'failed';
      // Serving, but answering 4xx where the probe expected otherwise: maybe not the API the inputs describe.
      const guidance = r.done ? readinessGuidance(ctx.api.describe, node.url, last) : undefined;
      return makeCheck({
        id: `readiness:${node.label}`,
        kind: 'readiness',
        status,
        said,
        durationMs: ms ?? r.elapsedMs,
        node,
        actual: last,
        waitedMs: r.elapsedMs,
        ...(guidance ? { guidance } : {}),
      });
    }),
  );
  return { checks, readyMs };
}
