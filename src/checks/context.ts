import { randomBytes } from 'node:crypto';
import type { Options } from '../config/options.js';
import type { Clock } from '../engine/deps.js';
import type { NodeInfo, Check, Observation } from '../model/result.js';
import type { KvApi } from './kv-api.js';
import { observe } from './kv-api.js';
import { pollUntil } from './poll.js';

export interface CheckContext {
  readonly api: KvApi;
  readonly clock: Clock;
  readonly signal: AbortSignal;
  readonly options: Options;
  /** Short id of this run, part of every key and value so runs never read each other's data. */
  readonly runId: string;
  readonly nodes: readonly NodeInfo[];
}

export function newRunId(): string {
  return randomBytes(4).toString('hex');
}

/** A value no other write in any run produces: run id, writer, time and randomness. */
export function uniqueValue(ctx: CheckContext, writer: string, purpose: string): string {
  return `rc-${ctx.runId}-${purpose}-${writer}-${Date.now()}-${randomBytes(4).toString('hex')}`.replace(/[^A-Za-z0-9_.-]/g, '_');
}

export function freshKey(ctx: CheckContext, purpose: string): string {
  return `replicheck-${ctx.runId}-${purpose}-${randomBytes(3).toString('hex')}`;
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
  timeoutMs = ctx.options.convergenceTimeoutMs,
): Promise<ReaderOutcome[]> {
  const want = Buffer.from(expected, 'utf8');
  return Promise.all(
    readers.map(async (node) => {
      const r = await pollUntil(
        async () => {
          const read = await ctx.api.read(node.url, key, ctx.signal);
          return { done: read.value != null && read.value.equals(want), value: read.outcome };
        },
        { timeoutMs, clock: ctx.clock, signal: ctx.signal, minDelayMs: 2, maxDelayMs: 100 },
      );
      const last = observe(r.last);
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
  return {
    id,
    kind,
    title,
    status: outcome.converged ? 'passed' : 'failed',
    durationMs: outcome.ms ?? outcome.waitedMs,
    detail: outcome.converged
      ? `${node.label} returned the value ${context} after ${Math.round(outcome.ms ?? 0)} ms.`
      : `${node.label} never returned the value ${context} within ${Math.round(outcome.waitedMs)} ms.`,
    ...(node.service ? { service: node.service } : {}),
    node: node.label,
    expected,
    actual: outcome.last,
    waitedMs: outcome.waitedMs,
  };
}

/** A check that failed before it could measure anything (a plan that cannot work, a command that failed). */
export function failedCheck(id: string, kind: string, title: string, detail: string, service?: string): Check {
  return { id, kind, title, status: 'failed', durationMs: 0, detail, ...(service ? { service } : {}) };
}
