// What every check, fault and workload driver is handed: the API to the nodes, time, cancel, the limits, the ids
// it writes, and the run's record of what each node returned. Nothing else of the run reaches deep code.
import type { Clock } from '../core/clock.js';
import type { Ids } from '../core/ids.js';
import { pollSettings, type Limits, type PollName } from '../core/policies.js';
import { pollUntil, type PollResult } from '../core/poll.js';
import type { NodeInfo, Check, Observation } from '../model/result.js';
import type { KvApi, ReadOutcome } from './kv-api.js';
import { firstDifference } from '../core/values.js';
import { observe } from './kv-api.js';
import type { SeenValues } from './seen.js';
import { makeCheck } from '../model/check.js';
import type { ConsistencyModel } from '../consistency/models.js';

export interface CheckContext {
  readonly api: KvApi;
  readonly clock: Clock;
  readonly signal: AbortSignal;
  readonly limits: Limits;
  /** The run's consistency claim (input consistency): what the judges hold every check to. */
  readonly claim: ConsistencyModel;
  readonly ids: Ids;
  readonly nodes: readonly NodeInfo[];
  /** Every acknowledged value a node returned, recorded by the reads below. */
  readonly seen: SeenValues;
}

/** The nodes writes go to: every node but the read-only ones (input writers names the others). */
export function writersOf(ctx: Pick<CheckContext, 'nodes'>): readonly NodeInfo[] {
  return ctx.nodes.filter((n) => n.readOnly !== true);
}

/** Polls `attempt` under one of the named policies (its timeout from the limits unless `timeoutMs` is given). */
export function pollAs<T>(
  ctx: CheckContext,
  name: PollName,
  attempt: () => Promise<{ done: boolean; value: T }>,
  timeoutMs?: number,
): Promise<PollResult<T>> {
  const s = pollSettings(name, ctx.limits);
  return pollUntil(attempt, { ...s, ...(timeoutMs !== undefined ? { timeoutMs } : {}), clock: ctx.clock, signal: ctx.signal });
}

export interface ReaderOutcome {
  readonly node: NodeInfo;
  readonly converged: boolean;
  /** From `since` until the first read that returned the value. */
  readonly ms: number | null;
  readonly last: Observation;
  readonly waitedMs: number;
}

/**
 * Polls every reader in parallel until it returns exactly `expected` (byte for byte) or the timeout passes.
 * Times are measured from `since` (normally the write's acknowledgement).
 */
export async function awaitValue(
  ctx: CheckContext,
  readers: readonly NodeInfo[],
  key: string,
  expected: string,
  since: number,
  timeoutMs?: number,
): Promise<ReaderOutcome[]> {
  const want = ctx.api.codec.toBytes(expected);
  return Promise.all(
    readers.map(async (node) => {
      const r = await pollAs(
        ctx,
        'value',
        async () => {
          const read = await ctx.api.read(node.url, key, ctx.signal);
          return { done: read.value != null && read.value.equals(want), value: read };
        },
        timeoutMs,
      );
      if (r.done) ctx.seen.record(key, expected, node.label);
      const last = observeRead(r.last, want);
      return {
        node,
        converged: r.done,
        ms: r.done && r.doneAt !== undefined ? Math.max(0, r.doneAt - since) : null,
        last,
        waitedMs: ctx.clock.now() - since,
      };
    }),
  );
}

/** What a read answered, with where its value first differs from the one expected when it returned another. */
export function observeRead(read: ReadOutcome | undefined, want: Buffer): Observation {
  const o = observe(read?.outcome);
  const difference = read?.value ? firstDifference(want, read.value) : undefined;
  return difference ? { ...o, difference } : o;
}

/** A check of one reader's convergence, worded for the report. */
export function convergenceCheck(
  kind: string,
  id: string,
  title: string,
  outcome: ReaderOutcome,
  expected: string,
  context: string,
): Check {
  const { node } = outcome;
  const detail = outcome.converged
    ? `${node.label} returned the value ${context} after ${Math.round(outcome.ms ?? 0)} ms.`
    : `${node.label} never returned the value ${context} within ${Math.round(outcome.waitedMs)} ms.`;
  return makeCheck({
    id,
    kind,
    status: outcome.converged ? 'passed' : 'failed',
    said: { title, detail },
    durationMs: outcome.ms ?? outcome.waitedMs,
    node,
    expected,
    actual: outcome.last,
    waitedMs: outcome.waitedMs,
  });
}
