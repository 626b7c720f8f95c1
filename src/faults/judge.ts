// The judge of one fault: a pure function from what the driver observed (observe.ts) and the limits to checks and
// the fault's report. No I/O and no clock: tested with tables of observations.
import type { Check, FaultReport, NodeInfo } from '../model/result.js';
import type { AckedWrite } from '../checks/seen.js';
import type { Limits } from '../core/policies.js';
import { faultVoice, restartVoice, type FaultVoice, type Said } from '../report/wording/faults.js';
import type { FaultObservations, KeysRead } from './observe.js';
import { availability, faultVerdict } from './plan.js';

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

function check(id: string, kind: string, status: Check['status'], said: Said, durationMs: number, node?: NodeInfo, extra: Partial<Check> = {}): Check {
  return {
    id,
    kind,
    title: said.title,
    status,
    durationMs,
    detail: said.detail,
    ...(node?.service ? { service: node.service } : {}),
    ...(node ? { node: node.label } : {}),
    ...extra,
  };
}

function keysExtra(read: KeysRead): Partial<Check> {
  return { ...(read.missing[0] ? { expected: read.missing[0].value } : {}), ...(read.last ? { actual: read.last } : {}) };
}

export function judgeFault(o: FaultObservations, limits: Limits): FaultJudgement {
  const { step } = o;
  const p = step.idPrefix;
  const voice: FaultVoice = (step.voice === 'restart' ? restartVoice : faultVoice)({ kind: step.kind, target: step.target, services: step.services, limits });
  const service = step.services[0];
  const checks: Check[] = [];
  const failed = (id: string, said: Said): Check => check(id, 'fault', 'failed', said, 0, undefined, service ? { service } : {});

  const acked = [...o.before, ...o.writes.filter((w) => w.acked).map((w) => w.write), ...(o.writable?.write ? [o.writable.write] : [])];
  const accepted = o.writes.filter((w) => w.acked).length;
  const refused = o.writes.length - accepted;
  const refusedBy = new Set(o.writes.filter((w) => !w.acked).map((w) => w.node.label));
  const stale = new Set<string>();
  let convergenceMs: number | null | undefined;

  if (o.planProblem !== undefined) checks.push(failed(`${p}:plan`, voice.plan(o.planProblem)));
  if (o.applied && !o.applied.ok) checks.push(failed(`${p}:apply`, voice.apply(o.applied.detail)));

  // While the fault held: per node that still serves reads, stale (failed), refused (skipped) or converged.
  if (o.held.length > 0) {
    let slowest = 0;
    for (const node of step.readFrom) {
      const mine = o.held.filter((r) => r.node === node);
      if (mine.length === 0) continue;
      const staleReads = mine.filter((r) => r.state === 'stale');
      const refusedReads = mine.filter((r) => r.state === 'refused');
      for (const r of mine) if (r.ms !== null) slowest = Math.max(slowest, r.ms);
      const id = `${p}:converge:${node.label}`;
      if (staleReads.length > 0) {
        stale.add(node.label);
        const first = staleReads[0]!;
        const said = voice.stale(node.label, staleReads.map((r) => r.write.key), first.waitedMs);
        checks.push(check(id, 'convergence', 'failed', said, first.waitedMs, node, { expected: first.write.value, actual: first.last, waitedMs: first.waitedMs }));
      } else if (refusedReads.length > 0) {
        refusedBy.add(node.label);
        checks.push(check(id, 'convergence', 'skipped', voice.refusedReads(node.label, refusedReads[0]!.last), refusedReads[0]!.waitedMs, node, { actual: refusedReads[0]!.last }));
      } else {
        const slowestHere = Math.max(...mine.map((r) => r.ms ?? 0));
        checks.push(check(id, 'convergence', 'passed', voice.converged(node.label, mine.length, slowestHere), slowestHere, node));
      }
    }
    convergenceMs = stale.size > 0 ? null : slowest;
  }
  if (o.heal && !o.heal.ok) checks.push(failed(`${p}:heal`, voice.heal(o.heal.detail)));

  let recoveryMs: number | undefined;
  for (const r of o.recovery) {
    if (r.done) recoveryMs = Math.max(recoveryMs ?? 0, r.ms ?? 0);
    const said = r.done ? voice.recovered(r.node.label, r.ms ?? 0, o.restartMs) : voice.notRecovered(r.node.label, r.last);
    checks.push(check(`${p}:recovery:${r.node.label}`, 'recovery', r.done ? 'passed' : 'failed', said, r.ms ?? r.elapsedMs, r.node, { actual: r.last }));
  }

  const w = o.writable;
  if (w) {
    const node = w.node;
    const said = w.write && node ? voice.writableAgain(node.label, w.ms, w.attempts) : voice.stillRefused(w.triedOn.map((n) => n.label), w.attempts, w.last);
    const where: Partial<Check> = node ? { ...(node.service ? { service: node.service } : {}), node: node.label } : service ? { service } : {};
    checks.push(check(`${p}:writable`, 'recovery', w.write ? 'passed' : 'failed', said, w.ms, undefined, { ...where, ...(w.write ? {} : { actual: w.last }) }));
  }

  // Catch-up of the faulted nodes: what was acknowledged while they were away (or the first write after healing).
  const afterHeal = o.writes.every((x) => !x.acked);
  let catchUpMs: number | undefined;
  const recovered = o.recovery.filter((r) => r.done).map((r) => r.node);
  for (const node of recovered) {
    const read = o.catchUp.find((c) => c.node === node);
    const id = `${p}:catch-up:${node.label}`;
    if (!read) {
      checks.push(check(id, 'catch-up', 'skipped', voice.nothingToCatchUp(node.label), 0, node));
      continue;
    }
    const ok = read.missing.length === 0;
    if (ok) catchUpMs = Math.max(catchUpMs ?? 0, read.slowestMs);
    const keys = read.missing.map((m) => m.key);
    const said = ok ? voice.caughtUp(node.label, read.expected.length, read.slowestMs, afterHeal) : voice.missedCatchUp(node.label, keys, read.waitedMs, afterHeal);
    checks.push(check(id, 'catch-up', ok ? 'passed' : 'failed', said, ok ? read.slowestMs : read.waitedMs, node, keysExtra(read)));
  }
  // The other side: what the cut-off target acknowledged must reach the rest once healed.
  for (const read of o.afterHeal) {
    const ok = read.missing.length === 0;
    const said = ok ? voice.gotTargetWrites(read.node.label, read.expected.length) : voice.missedTargetWrites(read.node.label, read.missing.map((m) => m.key));
    checks.push(check(`${p}:after-heal:${read.node.label}`, 'catch-up', ok ? 'passed' : 'failed', said, ok ? read.slowestMs : read.waitedMs, read.node, keysExtra(read)));
  }

  // Durability: a key a node returned (or acknowledged) before and no longer returns is lost; one it never
  // returned is missing, which fails too, but is not called a loss.
  const lost = new Set<string>();
  const missing = new Set<string>();
  for (const read of o.durability) {
    for (const k of read.lost) lost.add(k);
    for (const m of read.missing) missing.add(m.key);
    const ok = read.missing.length === 0;
    const neverHad = read.missing.map((m) => m.key).filter((k) => !read.lost.includes(k));
    const said = ok ? voice.kept(read.node.label, read.expected.length) : voice.notKept(read.node.label, read.lost, neverHad);
    checks.push(check(`${p}:durability:${read.node.label}`, 'durability', ok ? 'passed' : 'failed', said, read.waitedMs, read.node, keysExtra(read)));
  }

  const beganMs = o.beganMs;
  const healedMs = o.healedMs;
  const report: FaultReport = {
    kind: step.kind,
    target: step.target,
    action: o.applied?.ok ? o.applied.description : `${step.kind} ${step.target}`,
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
    lostKeys: [...lost],
    ...(missing.size > lost.size ? { missingKeys: [...missing] } : {}),
    verdict: faultVerdict(checks),
    checkIds: checks.map((c) => c.id),
  };
  const inputProblem = o.applied && !o.applied.ok && o.applied.input ? { input: o.applied.input, message: o.applied.detail } : undefined;
  return { checks, report, acked, missing: [...missing], ...(inputProblem ? { inputProblem } : {}) };
}

