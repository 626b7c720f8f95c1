// The judge of one fault: a pure function from what the driver observed (observe.ts) and the limits to checks and
// the fault's report. No I/O and no clock: tested with tables of observations.
import type { Check, FaultReport } from '../model/result.js';
import { makeCheck, type CheckFields, type Said } from '../model/check.js';
import type { AckedWrite } from '../checks/seen.js';
import type { Limits } from '../core/policies.js';
import { faultVoice, restartVoice, type FaultVoice } from './wording.js';
import type { FaultObservations, KeysRead } from './observe.js';
import type { RaceObservation } from './race.js';
import { availability, faultVerdict } from './plan.js';
import { describeKind } from './kinds/index.js';
import { quantiles } from '../core/stats.js';
import { allowsStaleWhileCut, type ConsistencyModel } from '../consistency/models.js';

export interface FaultJudgement {
  readonly checks: Check[];
  readonly report: FaultReport;
  /** Every write acknowledged by this fault, for the durability checks of later faults. */
  readonly acked: AckedWrite[];
  /** Keys some node no longer returns (not to be checked again by later faults). */
  readonly missing: string[];
  /** Set when the fault could not be applied because of an input (partition-networks). */
  readonly inputProblem?: { readonly input: string; readonly message: string };
}

function keysExtra(read: KeysRead): Pick<CheckFields, 'expected' | 'actual'> {
  return { ...(read.missing[0] ? { expected: read.missing[0].value } : {}), ...(read.last ? { actual: read.last } : {}) };
}

/** Everything one judge needs besides the observations. */
interface Scope {
  readonly o: FaultObservations;
  readonly p: string;
  readonly voice: FaultVoice;
  readonly claim: ConsistencyModel;
}

/** `claim`: the run's consistency claim; every model below linearizable lets a cut-off node serve its own copy. */
export function judgeFault(o: FaultObservations, limits: Limits, claim: ConsistencyModel = 'eventual'): FaultJudgement {
  const { step } = o;
  const voice: FaultVoice = (step.voice === 'restart' ? restartVoice : faultVoice)({
    kind: step.kind,
    name: step.spec.name,
    target: step.target,
    services: step.services,
    limits,
  });
  const scope: Scope = { o, p: step.idPrefix, voice, claim };
  const service = step.services[0];
  const failed = (id: string, said: Said): Check =>
    makeCheck({ id, kind: 'fault', status: 'failed', said, ...(service ? { service } : {}) });

  const checks: Check[] = [];
  if (o.planProblem !== undefined) checks.push(failed(`${scope.p}:plan`, voice.plan(o.planProblem)));
  if (o.applied && !o.applied.ok) checks.push(failed(`${scope.p}:apply`, voice.apply(o.applied.detail)));
  const held = judgeHeld(scope);
  checks.push(...held.checks);
  if (o.heal && !o.heal.ok) checks.push(failed(`${scope.p}:heal`, voice.heal(o.heal.detail)));
  const recovery = judgeRecovery(scope);
  checks.push(...recovery.checks, ...judgeWritable(scope, service));
  const catchUp = judgeCatchUp(scope);
  checks.push(...catchUp.checks);
  const durability = judgeDurability(scope);
  checks.push(...durability.checks);

  const accepted = o.writes.filter((w) => w.acked).length;
  const refused = o.writes.length - accepted;
  const indeterminate = o.writes.filter((w) => w.indeterminate).length;
  const refusedBy = new Set([...o.writes.filter((w) => !w.acked).map((w) => w.node.label), ...held.refusedBy]);
  const { beganMs, healedMs } = o;
  const report: FaultReport = {
    kind: step.kind,
    target: step.target,
    action: o.applied?.ok ? o.applied.description : `${step.kind} ${step.target}`,
    ...(beganMs !== undefined ? { beganMs } : {}),
    ...(healedMs !== undefined ? { healedMs } : {}),
    ...(beganMs !== undefined && healedMs !== undefined ? { heldMs: healedMs - beganMs } : {}),
    writesAccepted: accepted,
    writesRefused: refused,
    ...(indeterminate > 0 ? { writesIndeterminate: indeterminate } : {}),
    ...(held.servedStale.length > 0 ? { servedStale: held.servedStale } : {}),
    refusedBy: [...refusedBy],
    availability: availability(accepted, refused),
    ...(held.convergenceMs !== undefined ? { convergenceMs: held.convergenceMs } : {}),
    ...(o.race ? { race: raceReport(o.race) } : {}),
    ...(o.requests && o.requests.ms.length > 0 ? { requests: { ...quantiles(o.requests.ms)!, errors: o.requests.errors } } : {}),
    ...(recovery.ms !== undefined ? { recoveryMs: recovery.ms } : {}),
    ...(catchUp.ms !== undefined ? { catchUpMs: catchUp.ms } : {}),
    staleNodes: held.stale,
    lostKeys: durability.lost,
    ...(durability.missing.length > durability.lost.length ? { missingKeys: durability.missing } : {}),
    verdict: faultVerdict(checks),
    checkIds: checks.map((c) => c.id),
  };
  // A key whose last write is uncertain is left out of what later faults expect.
  const unsure = new Set(o.unsure ?? []);
  const acked = [
    ...o.before,
    ...o.writes.filter((w) => w.acked).map((w) => w.write),
    ...(o.writable?.write ? [o.writable.write] : []),
  ].filter((w) => !unsure.has(w.key));
  const inputProblem = o.applied && !o.applied.ok && o.applied.input ? { input: o.applied.input, message: o.applied.detail } : undefined;
  return { checks, report, acked, missing: durability.missing, ...(inputProblem ? { inputProblem } : {}) };
}

type ServedStale = NonNullable<FaultReport['servedStale']>[number];

/**
 * While the fault held: per node that still serves reads, stale, refused (skipped) or converged. A stale node cut
 * off from its peers is allowed its own copy under any claim below linearizable (reported, passed); one that was
 * not cut off, or under linearizable, fails.
 */
function judgeHeld({ o, p, voice, claim }: Scope): {
  checks: Check[];
  stale: string[];
  servedStale: ServedStale[];
  refusedBy: string[];
  convergenceMs?: number | null;
} {
  const checks: Check[] = [];
  const stale: string[] = [];
  const servedStale: ServedStale[] = [];
  const refusedBy: string[] = [];
  if (o.held.length === 0) return { checks, stale, servedStale, refusedBy };
  const kind = describeKind(o.step.kind);
  for (const node of o.step.readFrom) {
    const mine = o.held.filter((r) => r.node === node);
    if (mine.length === 0) continue;
    const staleReads = mine.filter((r) => r.state === 'stale');
    const refusedReads = mine.filter((r) => r.state === 'refused');
    const id = `${p}:converge:${node.label}`;
    if (staleReads.length > 0) {
      const first = staleReads[0]!;
      const keys = staleReads.map((r) => r.write.key);
      const ownCopy = kind.cutsPeers === true && o.step.targets.includes(node) && allowsStaleWhileCut(claim);
      if (ownCopy) servedStale.push({ node: node.label, keys, staleForMs: Math.max(...staleReads.map((r) => r.waitedMs)) });
      else stale.push(node.label);
      // A degraded link still works: how long values take is measured, and judged only once it is healed.
      const said = ownCopy
        ? voice.ownCopy(node.label, keys, first.waitedMs, claim)
        : (kind.measuresOnly ? voice.slow : voice.stale)(node.label, keys, first.waitedMs);
      const status = ownCopy ? 'passed' : kind.measuresOnly ? 'skipped' : 'failed';
      const at = { durationMs: first.waitedMs, node, expected: first.write.value, actual: first.last, waitedMs: first.waitedMs };
      checks.push(makeCheck({ id, kind: 'convergence', status, said, ...at }));
    } else if (refusedReads.length > 0) {
      refusedBy.push(node.label);
      checks.push(
        makeCheck({
          id,
          kind: 'convergence',
          status: 'skipped',
          said: voice.refusedReads(node.label, refusedReads[0]!.last),
          durationMs: refusedReads[0]!.waitedMs,
          node,
          actual: refusedReads[0]!.last,
        }),
      );
    } else {
      const slowest = Math.max(...mine.map((r) => r.ms ?? 0));
      const said = voice.converged(node.label, mine.length, slowest);
      checks.push(makeCheck({ id, kind: 'convergence', status: 'passed', said, durationMs: slowest, node }));
    }
  }
  const slowest = Math.max(0, ...o.held.map((r) => r.ms ?? 0));
  const allGot = stale.length === 0 && servedStale.length === 0;
  return { checks, stale, servedStale, refusedBy, convergenceMs: allGot ? slowest : null };
}

/** Every faulted node answers again; the report keeps the slowest. */
function judgeRecovery({ o, p, voice }: Scope): { checks: Check[]; ms?: number } {
  let ms: number | undefined;
  const checks = o.recovery.map((r) => {
    if (r.done) ms = Math.max(ms ?? 0, r.ms ?? 0);
    const said = r.done ? voice.recovered(r.node.label, r.ms ?? 0, o.restartMs) : voice.notRecovered(r.node.label, r.last);
    const status = r.done ? 'passed' : 'failed';
    return makeCheck({
      id: `${p}:recovery:${r.node.label}`,
      kind: 'recovery',
      status,
      said,
      durationMs: r.ms ?? r.elapsedMs,
      node: r.node,
      actual: r.last,
    });
  });
  return { checks, ...(ms !== undefined ? { ms } : {}) };
}

/** After a fault that refused every write: the store takes writes again. */
function judgeWritable({ o, p, voice }: Scope, service: string | undefined): Check[] {
  const w = o.writable;
  if (!w) return [];
  const node = w.node;
  const said =
    w.write && node
      ? voice.writableAgain(node.label, w.ms, w.attempts)
      : voice.stillRefused(
          w.triedOn.map((n) => n.label),
          w.attempts,
          w.last,
        );
  return [
    makeCheck({
      id: `${p}:writable`,
      kind: 'recovery',
      status: w.write ? 'passed' : 'failed',
      said,
      durationMs: w.ms,
      ...(node ? { node } : service ? { service } : {}),
      ...(w.write ? {} : { actual: w.last }),
    }),
  ];
}

/**
 * Catch-up of the faulted nodes (what was acknowledged while they were away, or the first write after healing),
 * and of the others (what a cut-off target acknowledged must reach the rest once healed).
 */
function judgeCatchUp({ o, p, voice }: Scope): { checks: Check[]; ms?: number } {
  const afterHeal = o.writes.every((x) => !x.acked);
  const checks: Check[] = [];
  let ms: number | undefined;
  for (const node of o.recovery.filter((r) => r.done).map((r) => r.node)) {
    const read = o.catchUp.find((c) => c.node === node);
    const id = `${p}:catch-up:${node.label}`;
    if (!read) {
      checks.push(makeCheck({ id, kind: 'catch-up', status: 'skipped', said: voice.nothingToCatchUp(node.label), node }));
      continue;
    }
    const ok = read.missing.length === 0;
    if (ok) ms = Math.max(ms ?? 0, read.slowestMs);
    const said = ok
      ? voice.caughtUp(node.label, read.expected.length, read.slowestMs, afterHeal)
      : voice.missedCatchUp(
          node.label,
          read.missing.map((m) => m.key),
          read.waitedMs,
          afterHeal,
        );
    const durationMs = ok ? read.slowestMs : read.waitedMs;
    checks.push(makeCheck({ id, kind: 'catch-up', status: ok ? 'passed' : 'failed', said, durationMs, node, ...keysExtra(read) }));
  }
  for (const read of o.afterHeal) {
    const ok = read.missing.length === 0;
    const said = ok
      ? voice.gotTargetWrites(read.node.label, read.expected.length)
      : voice.missedTargetWrites(
          read.node.label,
          read.missing.map((m) => m.key),
        );
    checks.push(
      makeCheck({
        id: `${p}:after-heal:${read.node.label}`,
        kind: 'catch-up',
        status: ok ? 'passed' : 'failed',
        said,
        durationMs: ok ? read.slowestMs : read.waitedMs,
        node: read.node,
        ...keysExtra(read),
      }),
    );
  }
  return { checks, ...(ms !== undefined ? { ms } : {}) };
}

/**
 * Durability: a key a node returned (or acknowledged) before and no longer returns is lost; one it never returned
 * is missing, which fails too, but is not called a loss.
 */
function judgeDurability({ o, p, voice }: Scope): { checks: Check[]; lost: string[]; missing: string[] } {
  const lost = new Set<string>();
  const missing = new Set<string>();
  const checks = o.durability.map((read) => {
    for (const k of read.lost) lost.add(k);
    for (const m of read.missing) missing.add(m.key);
    const ok = read.missing.length === 0;
    const neverHad = read.missing.map((m) => m.key).filter((k) => !read.lost.includes(k));
    const said = ok ? voice.kept(read.node.label, read.expected.length) : voice.notKept(read.node.label, read.lost, neverHad);
    return makeCheck({
      id: `${p}:durability:${read.node.label}`,
      kind: 'durability',
      status: ok ? 'passed' : 'failed',
      said,
      durationMs: read.waitedMs,
      node: read.node,
      ...keysExtra(read),
    });
  });
  return { checks, lost: [...lost], missing: [...missing] };
}

function raceReport(r: RaceObservation): NonNullable<FaultReport['race']> {
  return {
    sent: r.sent,
    acked: r.acked.length,
    ...(r.lastAckGapMs !== undefined ? { lastAckGapMs: Math.round(r.lastAckGapMs * 10) / 10 } : {}),
  };
}
