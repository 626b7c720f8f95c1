// Write a fresh value on each writer in turn (every node, unless `writers` names a primary) and read it back from
// every node.
import type { CheckContext } from './context.js';
import { awaitValue, convergenceCheck, writersOf } from './context.js';
import { observe, describeObservation } from './kv-api.js';
import type { Check, ConvergenceMatrix } from '../model/result.js';
import type { AckedWrite } from './seen.js';
import { makeCheck } from '../model/check.js';
import { keepFirstRunGuidance, readGuidance, writeGuidance } from './guidance.js';

export interface ReplicationOutcome {
  readonly checks: Check[];
  readonly matrix: ConvergenceMatrix;
  /** Every acknowledged write, for later durability checks (which node returned it is in the context's record). */
  readonly written: AckedWrite[];
}

export async function checkReplication(ctx: CheckContext): Promise<ReplicationOutcome> {
  const checks: Check[] = [];
  const labels = ctx.nodes.map((n) => n.label);
  const writers = writersOf(ctx);
  const ms: (number | null)[][] = [];
  const written: ReplicationOutcome['written'] = [];
  for (const writer of writers) {
    if (ctx.signal.aborted) break;
    const key = ctx.ids.key('rep');
    const value = ctx.ids.value(writer.label, 'rep');
    const started = ctx.clock.now();
    const write = await ctx.api.write(writer.url, key, value, ctx.signal);
    const ackAt = ctx.clock.now();
    if (!write.acked) {
      const actual = observe(write.outcome);
      // Kept only when no node acknowledges any write (keepFirstRunGuidance): then the setup is the likely cause.
      const request = ctx.api.describe?.write(writer.url, key, value);
      const said = {
        title: `Replication: ${writer.label} refused a write`,
        detail: `Writing key ${key} on ${writer.label} failed: ${describeObservation(actual)}.`,
      };
      checks.push(
        makeCheck({
          id: `write:${writer.label}`,
          kind: 'replication',
          status: 'failed',
          said,
          durationMs: ackAt - started,
          node: writer,
          expected: value,
          actual,
          ...(request ? { guidance: writeGuidance(request, actual) } : {}),
        }),
      );
      ms.push(ctx.nodes.map(() => null));
      continue;
    }
    ctx.seen.record(key, value, writer.label);
    written.push({ key, value, writer: writer.label });
    const outcomes = await awaitValue(ctx, ctx.nodes, key, value, ackAt);
    ms.push(outcomes.map((o) => o.ms));
    for (const o of outcomes) {
      const check = convergenceCheck(
        'replication',
        `replication:${writer.label}->${o.node.label}`,
        o.converged
          ? `Replication: ${o.node.label} returned the value written on ${writer.label}`
          : `Replication: ${o.node.label} never returned the value written on ${writer.label}`,
        o,
        value,
        `written on ${writer.label}`,
      );
      // Kept only when no read returns any written value (keepFirstRunGuidance).
      const request = o.converged ? undefined : ctx.api.describe?.read(o.node.url, key);
      const missing = ctx.api.describe?.missingStatus ?? [];
      checks.push(request ? { ...check, guidance: readGuidance(request, o.last, value, missing) } : check);
    }
  }
  const anyRead = ms.some((row) => row.some((v) => v !== null));
  return {
    checks: keepFirstRunGuidance(checks, written.length > 0, anyRead),
    matrix: { writers: writers.map((n) => n.label), readers: labels, ms },
    written,
  };
}
