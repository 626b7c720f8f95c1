// The driver of one fault: it acts and records what it saw, and judges nothing. Write on every node just before
// the fault, apply it (to one service, or to a group at once), write and read while it holds, heal it (always, in
// a finally), then read back from every faulted node what it must have: recovery, catch-up and durability are
// decided afterwards from these observations by the pure judge (judge.ts).
import type { CheckContext } from '../checks/context.js';
import { awaitValue, observeRead, pollAs, writersOf } from '../checks/context.js';
import { observe, type ReadOutcome, type WriteResult } from '../checks/kv-api.js';
import type { HttpOutcome } from '../http/client.js';
import type { AckedWrite } from '../checks/seen.js';
import { untilOneIsDown, untilRecovered } from '../checks/serving.js';
import type { NodeInfo, Observation } from '../model/result.js';
import type { ActiveFaults, HealOutcome } from './active.js';
import type { FaultActions } from './docker.js';
import { applyStep } from './group.js';
import { raceWrites, type RaceObservation } from './race.js';
import { describeKind } from './kinds/index.js';
import type { FaultStep, ReadState } from './plan.js';
import { carryForward, classifyRead, latestPerKey, planProblem } from './plan.js';

export interface ObserveOptions {
  readonly actions: FaultActions;
  readonly active: ActiveFaults;
  /** How long the fault holds at least (restart: as long as the restart takes). */
  readonly durationMs: number;
  /** Everything acknowledged before this fault (replication and earlier faults). */
  readonly earlier: readonly AckedWrite[];
  /** Milliseconds since the run started, for the timeline. */
  readonly sinceStart: () => number;
  /** Told when the fault began to hold and when it was healed (a workload running through it records both). */
  readonly mark?: (event: 'start' | 'stop', step: FaultStep) => void;
}

/** One write sent while the fault held, and whether it was acknowledged. */
export interface WriteAttempt {
  readonly node: NodeInfo;
  readonly write: AckedWrite;
  readonly acked: boolean;
  /** Not acknowledged, and not definitely refused either: it may have taken effect (checks/kv-api.ts). */
  readonly indeterminate: boolean;
  readonly byTarget: boolean;
}

/** One node polled for one value while the fault held. */
export interface HeldRead {
  readonly node: NodeInfo;
  readonly write: AckedWrite;
  readonly state: ReadState;
  /** From the first poll to the read that returned the value; null unless it converged. */
  readonly ms: number | null;
  readonly last: Observation;
  readonly waitedMs: number;
}

export interface RecoveryRead {
  readonly node: NodeInfo;
  readonly done: boolean;
  /** From the start of the restart, or from healing, to the first answer below 500. */
  readonly ms?: number;
  readonly elapsedMs: number;
  readonly last: Observation;
  /** The key the probe read (the first the node must catch up on), when there was one. */
  readonly probeKey?: string;
}

/** One node read for a list of acknowledged writes until each is there or the convergence timeout passes. */
export interface KeysRead {
  readonly node: NodeInfo;
  readonly expected: readonly AckedWrite[];
  /** The writes the node never returned, in the order written. */
  readonly missing: readonly AckedWrite[];
  /** Of those, the keys the node had returned at some earlier point of the run (lost, not just never had). */
  readonly lost: readonly string[];
  /** The slowest of the values that did arrive, from the start of the reads. */
  readonly slowestMs: number;
  readonly waitedMs: number;
  readonly last?: Observation;
}

export interface WritableAgain {
  readonly write?: AckedWrite;
  readonly node?: NodeInfo;
  readonly ms: number;
  readonly attempts: number;
  readonly last: Observation;
  readonly triedOn: readonly NodeInfo[];
}

/** Everything one fault did and saw, in order. Absent parts were not reached. */
export interface FaultObservations {
  readonly step: FaultStep;
  readonly planProblem?: string;
  /** Everything that must still be there after the fault (earlier writes and the ones just before it). */
  readonly mustKeep: readonly AckedWrite[];
  readonly before: readonly AckedWrite[];
  readonly applied?:
    { readonly ok: true; readonly description: string } | { readonly ok: false; readonly detail: string; readonly input?: string };
  readonly beganMs?: number;
  readonly healedMs?: number;
  readonly writes: readonly WriteAttempt[];
  readonly held: readonly HeldRead[];
  readonly heal?: HealOutcome;
  /** The run was cancelled before the checks after healing. */
  readonly cancelled: boolean;
  readonly recovery: readonly RecoveryRead[];
  readonly writable?: WritableAgain;
  readonly catchUp: readonly KeysRead[];
  readonly afterHeal: readonly KeysRead[];
  readonly durability: readonly KeysRead[];
  /** Wall time the restart command took, for a restart. */
  readonly restartMs?: number;
  /** Keys whose later write by the target (clock) was not acknowledged: either value may be the one kept. */
  readonly unsure?: readonly string[];
  /** The writes that raced the fault (kill, stop); their acknowledged ones are in `before`. */
  readonly race?: RaceObservation;
  /** Every request Replicheck sent while the fault held: how long each took, and how many failed. */
  readonly requests?: { readonly ms: readonly number[]; readonly errors: number };
}

export async function observeFault(ctx: CheckContext, step: FaultStep, opts: ObserveOptions): Promise<FaultObservations> {
  const { clock } = ctx;
  const o: { -readonly [K in keyof FaultObservations]: FaultObservations[K] } = {
    step,
    mustKeep: [],
    before: [],
    writes: [],
    held: [],
    cancelled: false,
    recovery: [],
    catchUp: [],
    afterHeal: [],
    durability: [],
  };
  const problem = planProblem(step);
  if (problem) return { ...o, planProblem: problem };
  // A fault that ends by itself (restart) holds as long as it takes, and heals on its own.
  const selfHealing = describeKind(step.kind).healsItself;

  // Just before the fault: a fresh write on every writer (the target too), so a node that acknowledges and then
  // loses a write on the way down (kill right after an ack) is caught by the durability check.
  await opts.actions.prepare?.(step.services);
  const before = step.writeBefore ? await Promise.all(writersOf(ctx).map((node) => write(ctx, node, 'pre'))) : [];
  o.before = before.filter((w) => w.acked).map((w) => w.write);
  // Then, for a fault that strikes a node's memory (kill, stop), writes to the target right up to the moment it
  // does: to a targeted writer (a replica takes none).
  const racers = writersIn(ctx, step.targets);
  const race =
    step.writeBefore && describeKind(step.kind).racesWrites && racers.length > 0
      ? raceWrites(ctx, racers, (n) => write(ctx, n, 'race'))
      : undefined;
  await race?.warm;
  const applied = await applyStep(opts.actions, opts.active, step);
  if (race) {
    o.race = await race.stop(clock.now());
    o.before = [...o.before, ...o.race.acked];
  }
  o.mustKeep = carryForward([...opts.earlier, ...o.before], new Set());

  // The fault holds from when the command that applies it returned (Compose v1 alone takes about a second).
  const began = clock.now();
  o.beganMs = opts.sinceStart();
  if (!applied.ok) {
    o.healedMs = o.beganMs;
    o.applied = applied;
    return o;
  }
  o.applied = { ok: true, description: applied.description };
  opts.mark?.('start', step);
  const { heal } = applied;
  let healStart = began;
  try {
    // A restart heals itself: the "hold" is the restart, and writes go out once the target stopped answering.
    if (selfHealing) {
      let settled = false;
      void heal().finally(() => (settled = true));
      await untilOneIsDown(ctx, step.targets, () => settled);
    }
    await whileHeld(ctx, step, opts, began, o);
  } finally {
    healStart = clock.now();
    o.heal = await heal();
    o.healedMs = opts.sinceStart();
    opts.mark?.('stop', step);
    if (selfHealing) o.restartMs = healStart - began;
  }
  if (!o.heal.ok) return o;
  if (ctx.signal.aborted) return { ...o, cancelled: true };
  await afterHealing(ctx, step, selfHealing ? began : healStart, healStart, o);
  return o;
}

/** Availability writes, reads while the fault holds, and holding for the duration. */
async function whileHeld(
  outer: CheckContext,
  step: FaultStep,
  opts: ObserveOptions,
  began: number,
  o: { writes: readonly WriteAttempt[]; held: readonly HeldRead[]; requests?: FaultObservations['requests']; unsure?: readonly string[] },
): Promise<void> {
  // Measured: what every request took while the fault held (judged only where the fault should not slow them).
  const ms: number[] = [];
  let errors = 0;
  const note = (outcome: HttpOutcome): void => {
    ms.push(outcome.durationMs);
    if (!outcome.ok || outcome.status >= 500) errors++;
  };
  const api = outer.api;
  const ctx: CheckContext = {
    ...outer,
    api: {
      ...api,
      write: async (...args) => {
        const r = await api.write(...args);
        note(r.outcome);
        return r;
      },
      read: async (...args) => {
        const r = await api.read(...args);
        note(r.outcome);
        return r;
      },
    },
  };
  try {
    const writes = await Promise.all(
      step.writeTo.map(async (node) => ({ ...(await write(ctx, node, step.kind)), node, byTarget: step.targets.includes(node) })),
    );
    o.writes = writes.map(attempt);
    // Reads while the fault holds: writes acknowledged on the live side must reach every node that still serves
    // reads. A partitioned node cannot be expected to pass its own writes across the cut: checked after healing.
    const fromLive = o.writes.filter((w) => w.acked && !w.byTarget).map((w) => w.write);
    o.held = await Promise.all(step.readFrom.flatMap((node) => fromLive.map((w) => readWhileHeld(ctx, node, w))));
    // Then the target writes last on the keys the others wrote (clock): once healed, every node must return its
    // values, which an order by a skewed wall clock would lose.
    // Each key is written again by one target only (shared out among a group): two at once would leave either.
    const lastWriters = writersIn(ctx, step.targets);
    if (describeKind(step.kind).targetWritesLast && lastWriters.length > 0) {
      const later = await Promise.all(
        fromLive.map(async (w, i) => {
          const node = lastWriters[i % lastWriters.length]!;
          return { ...(await write(ctx, node, 'last', w.key)), node, byTarget: true };
        }),
      );
      o.writes = [...o.writes, ...later.map(attempt)];
      // A later write that may still have taken effect leaves its key with no one value to expect; one the API
      // refused for certain leaves the earlier value the one to keep.
      o.unsure = later.filter((l) => l.result === 'indeterminate').map((l) => l.write.key);
      for (const key of o.unsure) ctx.seen.forget(key);
    }
    // Hold for at least the fault duration (a restart holds as long as it takes).
    if (!describeKind(step.kind).healsItself) {
      const left = began + opts.durationMs - ctx.clock.now();
      if (left > 0) await ctx.clock.sleep(left, ctx.signal);
    }
  } finally {
    o.requests = { ms, errors };
  }
}

/** Recovery, writes after a fault that refused them all, catch-up, and durability, in that order. */
async function afterHealing(
  ctx: CheckContext,
  step: FaultStep,
  recoverFrom: number,
  healStart: number,
  o: { -readonly [K in keyof FaultObservations]: FaultObservations[K] },
): Promise<void> {
  // The last acknowledged value of each key is the one every node must come to return.
  const unsure = new Set(o.unsure ?? []);
  const during = latestPerKey(o.writes.filter((w) => w.acked).map((w) => w.write)).filter((w) => !unsure.has(w.key));
  const refused = o.writes.some((w) => !w.acked);
  // The first request a recovering node gets is a read of a key it must catch up on (see untilRecovered).
  const probeKey = (during[0] ?? o.mustKeep[0])?.key;
  o.recovery = await Promise.all(
    step.targets.map(async (node): Promise<RecoveryRead> => {
      const back = await untilRecovered(ctx, node, probeKey);
      return {
        node,
        done: back.done,
        ...(back.doneAt !== undefined ? { ms: back.doneAt - recoverFrom } : {}),
        elapsedMs: back.elapsedMs,
        last: observe(back.last?.outcome),
        ...(probeKey !== undefined ? { probeKey } : {}),
      };
    }),
  );
  const recovered = o.recovery.filter((r) => r.done).map((r) => r.node);

  // Every write refused while the fault held (a quorum store that lost its quorum): the store must take writes
  // again once healed, and the faulted nodes must get that one in place of the missed ones.
  let afterHeal: AckedWrite[] = [];
  const writable = writersIn(ctx, [...step.others, ...recovered]);
  if (during.length === 0 && refused && recovered.length > 0 && writable.length > 0) {
    o.writable = await writableAgain(ctx, writable, healStart);
    if (o.writable.write) afterHeal = [o.writable.write];
  }
  // The store's first write after healing reaches the other nodes before durability is judged: a node that follows
  // a writer (a replica of a restarted primary) may drop what it had when it resynchronises, and that is the loss.
  const healed = o.writable?.write;
  if (healed) await awaitValue(ctx, step.others, healed.key, healed.value, ctx.clock.now());
  const missed = during.length > 0 ? during : afterHeal;
  const targets = new Set(o.writes.filter((w) => w.byTarget).map((w) => w.write));
  const byTarget = during.filter((w) => targets.has(w));
  const [catchUp, others] = await Promise.all([
    Promise.all(recovered.filter(() => missed.length > 0).map((node) => readKeys(ctx, node, missed))),
    Promise.all(byTarget.length > 0 ? step.others.map((node) => readKeys(ctx, node, byTarget)) : []),
  ]);
  o.catchUp = catchUp;
  o.afterHeal = others;
  // Durability: what was acknowledged before the fault is still there, on every node that answers.
  const readers = ctx.nodes.filter((n) => step.others.includes(n) || recovered.includes(n));
  o.durability = await Promise.all(readers.map((node) => readKeys(ctx, node, o.mustKeep)));
}

/** The writers among `nodes`, in their order. */
function writersIn(ctx: CheckContext, nodes: readonly NodeInfo[]): NodeInfo[] {
  const writers = writersOf(ctx);
  return nodes.filter((n) => writers.some((w) => w.url === n.url));
}

type Written = { acked: boolean; result: WriteResult; write: AckedWrite; last: Observation };

const attempt = (w: Written & { node: NodeInfo; byTarget: boolean }): WriteAttempt => ({
  node: w.node,
  write: w.write,
  acked: w.acked,
  indeterminate: w.result === 'indeterminate',
  byTarget: w.byTarget,
});

/** A fresh value for a fresh key, or for `key` (a later write of a key another node wrote). */
async function write(ctx: CheckContext, node: NodeInfo, purpose: string, key = ctx.ids.key(purpose)): Promise<Written> {
  const value = ctx.ids.value(node.label, purpose);
  const w = await ctx.api.write(node.url, key, value, ctx.signal);
  if (w.acked) ctx.seen.record(key, value, node.label);
  return { acked: w.acked, result: w.result, write: { key, value, writer: node.label }, last: observe(w.outcome) };
}

/**
 * Writes, node after node, until one is acknowledged or the policy's timeout passes. Each attempt uses a fresh key:
 * an attempt that timed out may still be committed later, and must not be mistaken for the one expected back.
 */
async function writableAgain(ctx: CheckContext, nodes: readonly NodeInfo[], from: number): Promise<WritableAgain> {
  let i = 0;
  let hit: { write: AckedWrite; node: NodeInfo } | undefined;
  const r = await pollAs<Observation>(ctx, 'writable', async () => {
    const node = nodes[i++ % nodes.length]!;
    const w = await write(ctx, node, 'healed');
    if (w.acked) hit = { write: w.write, node };
    return { done: w.acked, value: w.last };
  });
  return {
    ...(hit ? hit : {}),
    ms: (r.doneAt ?? ctx.clock.now()) - from,
    attempts: r.attempts,
    last: r.last ?? { error: 'no attempt was made' },
    triedOn: nodes,
  };
}

/** Polls one node for one value until it is returned, refused, or the convergence timeout passes (stale). */
async function readWhileHeld(ctx: CheckContext, node: NodeInfo, w: AckedWrite): Promise<HeldRead> {
  const since = ctx.clock.now();
  const want = ctx.api.codec.toBytes(w.value);
  let state = 'stale' as ReadState;
  const r = await pollAs<ReadOutcome>(ctx, 'value', async () => {
    const read = await ctx.api.read(node.url, w.key, ctx.signal);
    const out = read.outcome;
    state = classifyRead({ ok: out.ok, ...(out.ok ? { status: out.status } : {}), matches: read.value != null && read.value.equals(want) });
    if (state === 'converged') ctx.seen.record(w.key, w.value, node.label);
    return { done: state !== 'stale', value: read };
  });
  return {
    node,
    write: w,
    state: r.done ? state : 'stale',
    ms: r.done && state === 'converged' && r.doneAt !== undefined ? r.doneAt - since : null,
    last: observeRead(r.last, want),
    waitedMs: ctx.clock.now() - since,
  };
}

async function readKeys(ctx: CheckContext, node: NodeInfo, writes: readonly AckedWrite[]): Promise<KeysRead> {
  const since = ctx.clock.now();
  // What the node had returned before these reads: a write missing now that it returned then was lost.
  const hadBefore = new Set(writes.filter((w) => ctx.seen.returned(w.key, w.value, node.label)).map((w) => w.key));
  const outcomes = await Promise.all(writes.map(async (w) => ({ w, o: (await awaitValue(ctx, [node], w.key, w.value, since))[0]! })));
  const missing = outcomes.filter((x) => !x.o.converged);
  return {
    node,
    expected: writes,
    missing: missing.map((x) => x.w),
    lost: missing.filter((x) => hadBefore.has(x.w.key)).map((x) => x.w.key),
    slowestMs: Math.max(0, ...outcomes.map((x) => x.o.ms ?? 0)),
    waitedMs: ctx.clock.now() - since,
    ...(missing[0] ? { last: missing[0].o.last } : {}),
  };
}
