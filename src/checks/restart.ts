// Restart one service through Compose, write through another node while it is down, and prove that the others
// converge, that the restarted node comes back, catches up with the write, and kept what it had before.
import type { CheckContext } from './context.js';
import { awaitValue, convergenceCheck, failedCheck as failed, freshKey, uniqueValue } from './context.js';
import { observe, describeObservation } from './kv-api.js';
import { untilOneIsDown, untilServing } from './serving.js';
import { pollUntil } from './poll.js';
import type { Check, NodeInfo } from '../model/result.js';
import type { HttpOutcome } from '../http/client.js';
import type { ExecResult } from '../exec/process.js';
import type { WrittenValue } from './replication.js';

export interface RestartPlan {
  readonly target: string;
  readonly targets: readonly NodeInfo[];
  readonly others: readonly NodeInfo[];
}

/** Pure: which nodes are the target, and which stay up to take writes. URLs that map to no service are "not the target". */
export function planRestart(nodes: readonly NodeInfo[], target: string): RestartPlan {
  return { target, targets: nodes.filter((n) => n.service === target), others: nodes.filter((n) => n.service !== target) };
}

export interface RestartOutcome {
  readonly checks: Check[];
  readonly recoveryMs?: number;
  readonly catchUpMs?: number;
}

export async function checkRestart(
  ctx: CheckContext,
  plan: RestartPlan,
  restart: () => Promise<ExecResult>,
  earlier: readonly WrittenValue[],
): Promise<RestartOutcome> {
  const checks: Check[] = [];
  const { target } = plan;
  if (plan.others.length === 0) {
    checks.push(failed('restart:plan', 'restart', `Restart: no server outside ${target} to write through`, `Every server maps to ${target}; list at least one server of another service.`, target));
    return { checks };
  }
  if (plan.targets.length === 0) {
    checks.push(failed('restart:plan', 'restart', `Restart: no server maps to ${target}`, `None of the servers is published by ${target}, so its catch-up cannot be checked. Check the servers' ports against the compose file.`, target));
  }

  const started = ctx.clock.now();
  const restarting = restart();
  let restartDone = false;
  const restartResult = restarting.finally(() => {
    restartDone = true;
  });

  // Write while the target is down: wait (bounded by the restart itself) until it stops answering.
  let observedDown = plan.targets.length === 0;
  if (!observedDown) observedDown = await untilOneIsDown(ctx, plan.targets, () => restartDone);

  const key = freshKey(ctx, 'restart');
  const writer = plan.others[0]!;
  const value = uniqueValue(ctx, writer.label, 'restart');
  const write = await writeWithRetry(ctx, plan.others, key, value);
  const ackAt = ctx.clock.now();
  if (!write.acked) {
    checks.push(
      failed(
        'restart:write',
        'restart',
        `Restart: no node accepted a write while ${target} restarted`,
        `Writing key ${key} through ${plan.others.map((n) => n.label).join(', ')} failed: ${describeObservation(observe(write.last))}.`,
        writer.service,
      ),
    );
  } else {
    const outcomes = await awaitValue(ctx, plan.others, key, value, ackAt);
    for (const o of outcomes) {
      checks.push(
        convergenceCheck(
          'restart',
          `restart:converge:${o.node.label}`,
          o.converged
            ? `Restart: ${o.node.label} returned the value written while ${target} restarted`
            : `Restart: ${o.node.label} never returned the value written while ${target} restarted`,
          o,
          value,
          `written on ${write.node.label} while ${target} restarted${observedDown ? '' : ' (the restart finished before the write)'}`,
        ),
      );
    }
  }

  const result = await restartResult;
  const restartMs = ctx.clock.now() - started;
  if (result.code !== 0) {
    checks.push(failed('restart:compose', 'restart', `Restart: compose restart ${target} failed`, `Compose exited with ${result.code ?? 'a signal'}${result.timedOut ? ' (timed out)' : ''}.`, target));
    return { checks };
  }

  let recoveryMs: number | undefined;
  let catchUpMs: number | undefined;
  for (const node of plan.targets) {
    const back = await untilServing(ctx, node, ctx.options.startupTimeoutMs);
    const backMs = back.doneAt !== undefined ? back.doneAt - started : undefined;
    if (backMs !== undefined) recoveryMs = Math.max(recoveryMs ?? 0, backMs);
    checks.push({
      id: `restart:recovery:${node.label}`,
      kind: 'recovery',
      title: back.done ? `Recovery: ${node.label} answers again after the restart` : `Recovery: ${node.label} did not answer after the restart`,
      status: back.done ? 'passed' : 'failed',
      durationMs: backMs ?? back.elapsedMs,
      detail: back.done
        ? `${node.label} answered ${Math.round(backMs ?? 0)} ms after the restart began (compose restart took ${Math.round(restartMs)} ms).`
        : `${node.label} did not answer below 500 within ${Math.round(ctx.options.startupTimeoutMs / 1000)} s after the restart; last: ${describeObservation(observe(back.last))}.`,
      ...(node.service ? { service: node.service } : {}),
      node: node.label,
      actual: observe(back.last),
    });
    if (!back.done) continue;

    if (write.acked) {
      const since = ctx.clock.now();
      const [o] = await awaitValue(ctx, [node], key, value, since);
      if (o) {
        if (o.ms !== null) catchUpMs = Math.max(catchUpMs ?? 0, o.ms);
        checks.push(
          convergenceCheck(
            'catch-up',
            `restart:catch-up:${node.label}`,
            o.converged ? `Catch-up: ${node.label} has the value written while it was down` : `Catch-up: ${node.label} never returned the value written while it was down`,
            o,
            value,
            `written on ${write.node.label} while it restarted`,
          ),
        );
      }
    }

    // Durability: what the node had acknowledged or received before the restart must still be there.
    if (earlier.length > 0) {
      const since = ctx.clock.now();
      const reads = await Promise.all(earlier.map(async (w) => ({ key: w.key, o: (await awaitValue(ctx, [node], w.key, w.value, since))[0] })));
      const missing = reads.filter((r) => r.o && !r.o.converged);
      // A value the node returned before the restart and not after is lost; one it never had is a replication
      // failure already reported, but it is still not there, so durability cannot pass either.
      const seen = new Set(earlier.filter((w) => w.seenBy.includes(node.label)).map((w) => w.key));
      const lost = missing.filter((r) => seen.has(r.key)).map((r) => r.key);
      const neverHad = missing.filter((r) => !seen.has(r.key)).map((r) => r.key);
      const last = missing[0]?.o?.last;
      const problems = [
        ...(lost.length > 0 ? [`it returned these before the restart and no longer does: ${lost.join(', ')}`] : []),
        ...(neverHad.length > 0 ? [`it never returned these, before or after: ${neverHad.join(', ')}`] : []),
      ];
      checks.push({
        id: `restart:durability:${node.label}`,
        kind: 'durability',
        title:
          missing.length === 0
            ? `Durability: ${node.label} kept every earlier write`
            : lost.length > 0
              ? `Durability: ${node.label} lost ${lost.length} earlier write(s) after the restart`
              : `Durability: ${node.label} is missing ${neverHad.length} earlier write(s) after the restart`,
        status: missing.length === 0 ? 'passed' : 'failed',
        durationMs: ctx.clock.now() - since,
        detail:
          missing.length === 0
            ? `${node.label} still returns all ${earlier.length} values written before the restart.`
            : `${node.label} does not return ${missing.length} key(s) written before the restart: ${problems.join('; ')}.`,
        ...(node.service ? { service: node.service } : {}),
        node: node.label,
        ...(last ? { actual: last } : {}),
      });
    }
  }
  return { checks, ...(recoveryMs !== undefined ? { recoveryMs } : {}), ...(catchUpMs !== undefined ? { catchUpMs } : {}) };
}

async function writeWithRetry(ctx: CheckContext, nodes: readonly NodeInfo[], key: string, value: string) {
  let i = 0;
  let node = nodes[0]!;
  const r = await pollUntil<HttpOutcome>(
    async () => {
      node = nodes[i++ % nodes.length]!;
      const w = await ctx.api.write(node.url, key, value, ctx.signal);
      return { done: w.acked, value: w.outcome };
    },
    { timeoutMs: ctx.options.convergenceTimeoutMs, clock: ctx.clock, signal: ctx.signal, minDelayMs: 20, maxDelayMs: 250 },
  );
  return { acked: r.done, node, last: r.last };
}
