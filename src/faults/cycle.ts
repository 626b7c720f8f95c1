// One fault, start to finish: write on every node just before it, apply it (to one service, or to a group of
// services at once), write and read while it holds, heal it (always, in a finally), then prove every faulted node
// recovers, catches up, and that nothing acknowledged before the fault was lost anywhere.
// Only acknowledged writes are ever expected back. A write refused or timed out while the fault held (a quorum
// store without quorum) is availability loss; it may still be committed later, so nothing checks it either way.
import type { CheckContext } from '../checks/context.js';
import { awaitValue, failedCheck as failed, freshKey, uniqueValue } from '../checks/context.js';
import { describeObservation, observe } from '../checks/kv-api.js';
import { pollUntil } from '../checks/poll.js';
import { untilOneIsDown, untilServing } from '../checks/serving.js';
import type { Check, FaultReport, NodeInfo, Observation } from '../model/result.js';
import type { HttpOutcome } from '../http/client.js';
import type { ActiveFaults, HealOutcome } from './active.js';
import type { FaultActions } from './docker.js';
import { applyTogether } from './group.js';
import type { AckedWrite, FaultStep, ReadState } from './plan.js';
import { availability, carryForward, classifyRead, faultVerdict, planProblem } from './plan.js';

/** Runs alongside the checks while a fault holds (e.g. a concurrent workload); its signal aborts when healing is due. */
export type DuringFault = (fault: { readonly kind: string; readonly target: string; readonly idPrefix: string; readonly heldForMs: number; readonly signal: AbortSignal }) => Promise<void>;

export interface FaultCycleOptions {
  readonly actions: FaultActions;
  readonly active: ActiveFaults;
  /** How long the fault holds at least (restart: as long as the restart takes). */
  readonly durationMs: number;
  /** Everything acknowledged before this fault (replication and earlier faults). */
  readonly earlier: readonly AckedWrite[];
  /** Milliseconds since the run started, for the timeline. */
  readonly sinceStart: () => number;
  readonly duringFault?: DuringFault;
}

export interface FaultCycleOutcome {
  readonly checks: Check[];
  readonly report: FaultReport;
  /** Every write acknowledged by this cycle, for the durability checks of later faults. */
  readonly acked: AckedWrite[];
  /** Keys found lost (not to be reported again by later faults). */
  readonly lost: string[];
  /** Set when the fault could not be applied because of an input (partition-networks). */
  readonly inputProblem?: { readonly input: string; readonly message: string };
}

const WORDS: Record<string, [string, string]> = {
  restart: ['restarted', 'restart'],
  stop: ['stopped', 'stop'],
  kill: ['killed', 'kill'],
  pause: ['paused', 'pause'],
  partition: ['partitioned', 'partition'],
};

interface HeldRead {
  readonly node: NodeInfo;
  readonly key: string;
  readonly state: ReadState;
  readonly ms: number | null;
  readonly last: Observation;
  readonly waitedMs: number;
}

export async function runFaultCycle(ctx: CheckContext, step: FaultStep, opts: FaultCycleOptions): Promise<FaultCycleOutcome> {
  const { clock } = ctx;
  const p = step.idPrefix;
  const [done, noun] = WORDS[step.kind] ?? [step.kind, step.kind];
  const what = `${listed(step.services)} ${step.services.length > 1 ? 'were' : 'was'} ${done}`;
  const service = step.services[0];
  const checks: Check[] = [];
  const acked: AckedWrite[] = [];
  const refusedBy = new Set<string>();
  const stale = new Set<string>();
  let accepted = 0;
  let refused = 0;
  let beganMs: number | undefined = undefined;
  let healedMs: number | undefined;
  let recoveryMs: number | undefined;
  let catchUpMs: number | undefined;
  let convergenceMs: number | null | undefined;
  let action = `${noun} ${step.target}`;
  let lost: string[] = [];
  let inputProblem: FaultCycleOutcome['inputProblem'];
  const title = (text: string): string => `${cap(noun)} ${step.target}: ${text}`;

  const finish = (): FaultCycleOutcome => ({
    checks,
    acked,
    lost,
    ...(inputProblem ? { inputProblem } : {}),
    report: {
      kind: step.kind,
      target: step.target,
      action,
      ...(beganMs !== undefined ? { beganMs } : {}),
      ...(healedMs !== undefined ? { healedMs } : {}),
      ...(beganMs !== undefined && healedMs !== undefined ? { heldMs: healedMs - beganMs } : {}),
      writesAccepted: accepted,
      writesRefused: refused,
      refusedBy: [...refusedBy],
      availability: availability(accepted, refused),
      ...(convergenceMs !== undefined ? { convergenceMs } : {}),
      ...(recoveryMs !== undefined ? { recoveryMs } : {}),
      ...(catchUpMs !== undefined ? { catchUpMs } : {}),
      staleNodes: [...stale],
      lostKeys: lost,
      verdict: faultVerdict(checks),
      checkIds: checks.map((c) => c.id),
    },
  });

  const problem = planProblem(step);
  if (problem) {
    checks.push(failed(`${p}:plan`, 'fault', title('cannot be checked'), problem, service));
    return finish();
  }

  // Just before the fault: a fresh write on every node (the target too), so a node that acknowledges and then
  // loses a write on the way down (kill right after an ack) is caught by the durability check.
  const before: AckedWrite[] = [];
  for (const node of ctx.nodes) {
    const w = await write(ctx, node, 'pre');
    if (w.acked) before.push(w.write);
  }
  acked.push(...before);
  const mustKeep = carryForward([...opts.earlier, ...before], new Set());

  const applied = await applyTogether(opts.actions, step.kind, step.services);
  // The fault holds from when the command that applies it returned (Compose v1 alone takes about a second).
  const began = clock.now();
  beganMs = opts.sinceStart();
  if (!applied.ok) {
    healedMs = beganMs;
    if (applied.input) inputProblem = { input: applied.input, message: applied.detail };
    checks.push(failed(`${p}:apply`, 'fault', title(`could not be applied`), `${cap(noun)} of ${step.target} failed: ${applied.detail}.`, service));
    return finish();
  }
  action = applied.fault.description;
  const heal = opts.active.add(`${noun} ${step.target}`, () => applied.fault.heal());
  let healStart = began;
  let healOutcome: HealOutcome | undefined;
  const during: AckedWrite[] = [];
  const byTarget: AckedWrite[] = [];
  try {
    // A restart heals itself: the "hold" is the restart, and writes go out once the target stopped answering.
    if (step.kind === 'restart') {
      let settled = false;
      void heal().finally(() => (settled = true));
      await untilOneIsDown(ctx, step.targets, () => settled);
    }
    const hookAbort = new AbortController();
    const stopHook = (): void => hookAbort.abort();
    ctx.signal.addEventListener('abort', stopHook, { once: true });
    const hook = opts.duringFault
      ? opts.duringFault({ kind: step.kind, target: step.target, idPrefix: p, heldForMs: opts.durationMs, signal: hookAbort.signal }).catch(() => undefined)
      : Promise.resolve();
    try {
      // Availability: one write on every node that may still answer.
      const writes = await Promise.all(step.writeTo.map(async (node) => ({ node, w: await write(ctx, node, step.kind) })));
      for (const { node, w } of writes) {
        if (w.acked) {
          accepted++;
          during.push(w.write);
          (step.targets.includes(node) ? byTarget : []).push(w.write);
        } else {
          refused++;
          refusedBy.add(node.label);
        }
      }
      acked.push(...during);

      // Convergence while the fault holds: writes acknowledged on the live side must reach every node that still
      // serves reads. A partitioned node cannot be expected to pass its own writes across the cut, so those are
      // checked after healing.
      const fromLive = during.filter((w) => !byTarget.includes(w));
      if (fromLive.length > 0) {
        const reads = await Promise.all(step.readFrom.flatMap((node) => fromLive.map((w) => readWhileHeld(ctx, node, w))));
        let slowest = 0;
        for (const node of step.readFrom) {
          const mine = reads.filter((r) => r.node === node);
          const staleReads = mine.filter((r) => r.state === 'stale');
          const refusedReads = mine.filter((r) => r.state === 'refused');
          for (const r of mine) if (r.ms !== null) slowest = Math.max(slowest, r.ms);
          const base = { kind: 'convergence', ...(node.service ? { service: node.service } : {}), node: node.label };
          if (staleReads.length > 0) {
            stale.add(node.label);
            const first = staleReads[0]!;
            checks.push({
              ...base,
              id: `${p}:converge:${node.label}`,
              title: title(`${node.label} kept serving stale data while ${what}`),
              status: 'failed',
              durationMs: first.waitedMs,
              detail: `${node.label} answered without the acknowledged value of ${staleReads.map((r) => r.key).join(', ')} for ${Math.round(first.waitedMs)} ms while ${what} (convergence timeout ${Math.round(ctx.options.convergenceTimeoutMs)} ms); a node that cannot get new writes must refuse reads, not serve old data.`,
              expected: fromLive.find((w) => w.key === first.key)!.value,
              actual: first.last,
              waitedMs: first.waitedMs,
            });
          } else if (refusedReads.length > 0) {
            refusedBy.add(node.label);
            checks.push({
              ...base,
              id: `${p}:converge:${node.label}`,
              title: title(`${node.label} refused reads while ${what}`),
              status: 'skipped',
              durationMs: refusedReads[0]!.waitedMs,
              detail: `${node.label} refused reads while ${what} (${describeObservation(refusedReads[0]!.last)}): availability loss, not data loss.`,
              actual: refusedReads[0]!.last,
            });
          } else {
            const ms = Math.max(...mine.map((r) => r.ms ?? 0));
            checks.push({
              ...base,
              id: `${p}:converge:${node.label}`,
              title: title(`${node.label} returned every write made while ${what}`),
              status: 'passed',
              durationMs: ms,
              detail: `${node.label} returned all ${mine.length} value(s) written while ${what}, the slowest after ${Math.round(ms)} ms.`,
            });
          }
        }
        convergenceMs = stale.size > 0 ? null : slowest;
      }

      // Hold for at least the fault duration (a restart holds as long as it takes).
      if (step.kind !== 'restart') {
        const left = began + opts.durationMs - clock.now();
        if (left > 0) await clock.sleep(left, ctx.signal);
      }
    } finally {
      hookAbort.abort();
      ctx.signal.removeEventListener('abort', stopHook);
      await hook;
    }
  } finally {
    healStart = clock.now();
    healOutcome = await heal();
    healedMs = opts.sinceStart();
  }
  if (!healOutcome.ok) {
    checks.push(failed(`${p}:heal`, 'fault', title('could not be healed'), `Healing ${step.target} failed: ${healOutcome.detail}.`, service));
    return finish();
  }
  if (ctx.signal.aborted) return finish();

  // Recovery: every node of the target answers again. A restart counts from its start, other faults from healing.
  const recoverFrom = step.kind === 'restart' ? began : healStart;
  const recovered: NodeInfo[] = [];
  for (const node of step.targets) {
    const back = await untilServing(ctx, node, ctx.options.startupTimeoutMs);
    const ms = back.doneAt !== undefined ? back.doneAt - recoverFrom : undefined;
    if (back.done) {
      recovered.push(node);
      recoveryMs = Math.max(recoveryMs ?? 0, ms ?? 0);
    }
    checks.push({
      id: `${p}:recovery:${node.label}`,
      kind: 'recovery',
      title: back.done ? title(`${node.label} answers again`) : title(`${node.label} did not answer again`),
      status: back.done ? 'passed' : 'failed',
      durationMs: ms ?? back.elapsedMs,
      detail: back.done
        ? `${node.label} answered ${Math.round(ms ?? 0)} ms after ${step.kind === 'restart' ? 'the restart began' : 'the fault was healed'}.`
        : `${node.label} did not answer below 500 within ${Math.round(ctx.options.startupTimeoutMs / 1000)} s after the fault was healed; last: ${describeObservation(observe(back.last))}.`,
      ...(node.service ? { service: node.service } : {}),
      node: node.label,
      actual: observe(back.last),
    });
  }

  // Every write refused while the fault held (a quorum store that lost its quorum): the store must take writes
  // again once healed, and the faulted nodes must get them; that write stands in for the missed ones below.
  let afterHeal: AckedWrite[] = [];
  if (during.length === 0 && refused > 0 && recovered.length > 0) {
    const again = await writableAgain(ctx, [...step.others, ...recovered], healStart);
    const node = again.node;
    if (again.write) {
      afterHeal = [again.write];
      acked.push(again.write);
    }
    checks.push({
      id: `${p}:writable`,
      kind: 'recovery',
      title: again.write ? title(`writes are accepted again after healing`) : title(`writes are still refused after healing`),
      status: again.write ? 'passed' : 'failed',
      durationMs: again.ms,
      detail: again.write
        ? `Every write was refused while ${what} (availability loss); ${node!.label} acknowledged one ${Math.round(again.ms)} ms after the fault was healed (${again.attempts} attempt(s)).`
        : `Every write was refused while ${what}, and still none of ${[...step.others, ...recovered].map((n) => n.label).join(', ')} acknowledged one within ${Math.round(ctx.options.startupTimeoutMs / 1000)} s after healing (${again.attempts} attempt(s)); last: ${describeObservation(again.last)}.`,
      ...(node?.service ? { service: node.service } : service ? { service } : {}),
      ...(node ? { node: node.label } : {}),
      ...(again.write ? {} : { actual: again.last }),
    });
  }

  // Catch-up: the faulted nodes get every write acknowledged while they were away (or, when none was, the first
  // one after healing); the others get what the partitioned side acknowledged.
  const missed = during.length > 0 ? during : afterHeal;
  const whileAway = during.length > 0 ? `written while ${what}` : 'acknowledged after healing';
  for (const node of recovered) {
    const since = clock.now();
    if (missed.length === 0) {
      checks.push({ id: `${p}:catch-up:${node.label}`, kind: 'catch-up', title: title(`nothing to catch up on for ${node.label}`), status: 'skipped', durationMs: 0, detail: `No node acknowledged a write while ${what}.`, ...(node.service ? { service: node.service } : {}), node: node.label });
      continue;
    }
    const missing = await missingOn(ctx, node, missed, since);
    const ms = clock.now() - since;
    if (missing.length === 0) catchUpMs = Math.max(catchUpMs ?? 0, missing.slowest);
    checks.push(keysCheck(`${p}:catch-up:${node.label}`, 'catch-up', node, missing,
      missing.length === 0
        ? title(during.length > 0 ? `${node.label} caught up with every write made while it was away` : `${node.label} caught up after healing`)
        : title(during.length > 0 ? `${node.label} never caught up with ${missing.length} write(s) made while it was away` : `${node.label} never got the write acknowledged after healing`),
      missing.length === 0 ? `${node.label} returned all ${missed.length} value(s) ${whileAway}, ${Math.round(missing.slowest)} ms after it answered again.` : `${node.label} never returned keys ${whileAway}: ${missing.keys.join(', ')} (waited ${Math.round(ms)} ms).`,
      missing.length === 0 ? missing.slowest : ms));
  }
  if (byTarget.length > 0) {
    for (const node of step.others) {
      const since = clock.now();
      const missing = await missingOn(ctx, node, byTarget, since);
      checks.push(keysCheck(`${p}:after-heal:${node.label}`, 'catch-up', node, missing,
        missing.length === 0 ? title(`${node.label} got the writes ${step.target} acknowledged while cut off`) : title(`${node.label} never got ${missing.length} write(s) ${step.target} acknowledged while cut off`),
        missing.length === 0 ? `${node.label} returned all ${byTarget.length} value(s) ${step.target} acknowledged while cut off.` : `${node.label} never returned keys ${step.target} acknowledged while cut off: ${missing.keys.join(', ')}.`,
        missing.length === 0 ? missing.slowest : clock.now() - since));
    }
  }

  // Durability: what was acknowledged before the fault is still there, on every node.
  const lostSet = new Set<string>();
  const readers = [...step.others, ...recovered];
  const results = await Promise.all(readers.map(async (node) => ({ node, since: clock.now(), missing: await missingOn(ctx, node, mustKeep, clock.now()) })));
  for (const { node, since, missing } of ctx.nodes.flatMap((n) => results.filter((r) => r.node === n))) {
    for (const k of missing.keys) lostSet.add(k);
    checks.push(keysCheck(`${p}:durability:${node.label}`, 'durability', node, missing,
      missing.length === 0 ? title(`${node.label} kept every earlier write`) : title(`${node.label} lost ${missing.length} acknowledged write(s)`),
      missing.length === 0
        ? `${node.label} still returns all ${mustKeep.length} value(s) acknowledged before the ${noun}.`
        : `${node.label} does not return keys acknowledged before the ${noun}: ${missing.keys.join(', ')}.`,
      clock.now() - since));
  }
  lost = [...lostSet];
  return finish();
}

/** `a`, `a and b`, `a, b and c`. */
function listed(names: readonly string[]): string {
  return names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

/**
 * Writes, node after node, until one is acknowledged or startup-timeout passes. Each attempt uses a fresh key: an
 * attempt that timed out may still be committed later, and must not be mistaken for the one expected back.
 */
async function writableAgain(ctx: CheckContext, nodes: readonly NodeInfo[], from: number): Promise<{ write?: AckedWrite; node?: NodeInfo; ms: number; attempts: number; last: Observation }> {
  let i = 0;
  let hit: { write: AckedWrite; node: NodeInfo } | undefined;
  const r = await pollUntil<Observation>(
    async () => {
      const node = nodes[i++ % nodes.length]!;
      const w = await write(ctx, node, 'healed');
      if (w.acked) hit = { write: w.write, node };
      return { done: w.acked, value: w.last };
    },
    { timeoutMs: ctx.options.startupTimeoutMs, clock: ctx.clock, signal: ctx.signal, minDelayMs: 20, maxDelayMs: 250 },
  );
  return { ...(hit ? hit : {}), ms: (r.doneAt ?? ctx.clock.now()) - from, attempts: r.attempts, last: r.last ?? { error: 'no attempt was made' } };
}

function cap(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

async function write(ctx: CheckContext, node: NodeInfo, purpose: string): Promise<{ acked: boolean; write: AckedWrite; last: Observation }> {
  const key = freshKey(ctx, purpose);
  const value = uniqueValue(ctx, node.label, purpose);
  const w = await ctx.api.write(node.url, key, value, ctx.signal);
  return { acked: w.acked, write: { key, value, writer: node.label }, last: observe(w.outcome) };
}

/** Polls one node for one value until it is returned, refused, or the convergence timeout passes (stale). */
async function readWhileHeld(ctx: CheckContext, node: NodeInfo, w: AckedWrite): Promise<HeldRead> {
  const since = ctx.clock.now();
  const want = Buffer.from(w.value, 'utf8');
  let state = 'stale' as ReadState;
  const r = await pollUntil<HttpOutcome>(
    async () => {
      const read = await ctx.api.read(node.url, w.key, ctx.signal);
      const o = read.outcome;
      state = classifyRead({ ok: o.ok, ...(o.ok ? { status: o.status } : {}), matches: read.value != null && read.value.equals(want) });
      return { done: state !== 'stale', value: o };
    },
    { timeoutMs: ctx.options.convergenceTimeoutMs, clock: ctx.clock, signal: ctx.signal, minDelayMs: 2, maxDelayMs: 100 },
  );
  return {
    node,
    key: w.key,
    state: r.done ? state : 'stale',
    ms: r.done && state === 'converged' && r.doneAt !== undefined ? r.doneAt - since : null,
    last: observe(r.last),
    waitedMs: ctx.clock.now() - since,
  };
}

interface Missing {
  readonly length: number;
  readonly keys: string[];
  readonly slowest: number;
  readonly last?: Observation;
  readonly firstMissing?: AckedWrite;
}

async function missingOn(ctx: CheckContext, node: NodeInfo, writes: readonly AckedWrite[], since: number): Promise<Missing> {
  const outcomes = await Promise.all(writes.map(async (w) => ({ w, o: (await awaitValue(ctx, [node], w.key, w.value, since))[0]! })));
  const missing = outcomes.filter((x) => !x.o.converged);
  return {
    length: missing.length,
    keys: missing.map((x) => x.w.key),
    slowest: Math.max(0, ...outcomes.map((x) => x.o.ms ?? 0)),
    ...(missing[0] ? { last: missing[0].o.last, firstMissing: missing[0].w } : {}),
  };
}

function keysCheck(id: string, kind: string, node: NodeInfo, missing: Missing, title: string, detail: string, durationMs: number): Check {
  return {
    id,
    kind,
    title,
    status: missing.length === 0 ? 'passed' : 'failed',
    durationMs,
    detail,
    ...(node.service ? { service: node.service } : {}),
    node: node.label,
    ...(missing.firstMissing ? { expected: missing.firstMissing.value } : {}),
    ...(missing.last ? { actual: missing.last } : {}),
  };
}
