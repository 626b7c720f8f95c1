// The words of every check a fault produces. The judge decides what happened; this says it. Two voices: the fault
// suite's (`Kill kv_4: kv_4 answers again`) and the restart check's (`Recovery: kv_4 answers again after the
// restart`), which `restart-target` has always used and keeps.
import type { Observation } from '../model/result.js';
import { describeObservation } from '../checks/kv-api.js';
import { describeKind, type FaultKind } from './kinds/index.js';
import type { Said } from '../model/check.js';

export type { Said };

/** The facts a sentence may need, all decided by the judge. */
export interface FaultFacts {
  readonly kind: FaultKind;
  /** The fault as `faults` named it, with its parameter (`loss:30%`); titles use it. */
  readonly name?: string;
  /** The faulted service or group, as named in reports. */
  readonly target: string;
  readonly services: readonly string[];
  readonly limits: { readonly convergenceTimeoutMs: number; readonly startupTimeoutMs: number };
}

export interface FaultVoice {
  plan(problem: string): Said;
  apply(detail: string): Said;
  heal(detail: string): Said;
  stale(node: string, keys: readonly string[], waitedMs: number): Said;
  /** A node cut off from its peers answered from its own copy, which the run's claim allows. */
  ownCopy(node: string, keys: readonly string[], waitedMs: number, claim: string): Said;
  /** During loss or latency: values were slow to arrive, which is measured, not judged. */
  slow(node: string, keys: readonly string[], waitedMs: number): Said;
  refusedReads(node: string, last: Observation): Said;
  converged(node: string, count: number, slowestMs: number): Said;
  recovered(node: string, ms: number, restartMs: number | undefined): Said;
  notRecovered(node: string, last: Observation): Said;
  writableAgain(node: string, ms: number, attempts: number): Said;
  stillRefused(triedOn: readonly string[], attempts: number, last: Observation): Said;
  nothingToCatchUp(node: string): Said;
  caughtUp(node: string, count: number, slowestMs: number, afterHeal: boolean): Said;
  missedCatchUp(node: string, keys: readonly string[], waitedMs: number, afterHeal: boolean): Said;
  gotTargetWrites(node: string, count: number): Said;
  missedTargetWrites(node: string, keys: readonly string[]): Said;
  kept(node: string, count: number): Said;
  /** `lost`: keys the node had returned or acknowledged before; `neverHad`: keys it never did. */
  notKept(node: string, lost: readonly string[], neverHad: readonly string[]): Said;
}

/** `a`, `a and b`, `a, b and c`. */
export function listed(names: readonly string[]): string {
  return names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}

const cap = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);
const ms = (n: number): number => Math.round(n);
const secs = (n: number): number => Math.round(n / 1000);

/** What lost and never-had keys are, in one clause each. */
function missingClauses(lost: readonly string[], neverHad: readonly string[], when: string): string {
  return [
    ...(lost.length > 0 ? [`it returned or acknowledged these before the ${when} and no longer does: ${lost.join(', ')}`] : []),
    ...(neverHad.length > 0 ? [`it never returned these, before or after: ${neverHad.join(', ')}`] : []),
  ].join('; ');
}

/** The fault suite's voice: every title starts with the fault, e.g. `Pause kv_4: ...`. */
export function faultVoice(f: FaultFacts): FaultVoice {
  const { done, noun: plain } = describeKind(f.kind).words;
  const noun = f.name && f.name !== f.kind ? f.name : plain;
  const what =
    f.target === 'cluster' ? `the cluster was split (${noun})` : `${listed(f.services)} ${f.services.length > 1 ? 'were' : 'was'} ${done}`;
  const title = (text: string): string => `${cap(noun)} ${f.target}: ${text}`;
  const since = describeKind(f.kind).healsItself ? `the ${plain} began` : 'the fault was healed';
  const v: Voicing = { f, noun, what, title, since };
  return { ...heldWords(v), ...healedWords(v) };
}

/** What every sentence of one fault's voice shares. */
interface Voicing {
  readonly f: FaultFacts;
  /** The fault as sentences name it (`pause`, `loss:30%`). */
  readonly noun: string;
  /** What happened to the target, as a clause (`kv_4 was paused`). */
  readonly what: string;
  readonly title: (text: string) => string;
  /** What recovery is timed from (`the fault was healed`). */
  readonly since: string;
}

type HeldWords = 'plan' | 'apply' | 'heal' | 'stale' | 'ownCopy' | 'slow' | 'refusedReads' | 'converged';

/** Sentences about the fault itself and while it held. */
function heldWords({ f, noun, what, title }: Voicing): Pick<FaultVoice, HeldWords> {
  return {
    plan: (problem) => ({ title: title('cannot be checked'), detail: problem }),
    apply: (detail) => ({ title: title('could not be applied'), detail: `${cap(noun)} of ${f.target} failed: ${detail}.` }),
    heal: (detail) => ({ title: title('could not be healed'), detail: `Healing ${f.target} failed: ${detail}.` }),
    stale: (node, keys, waitedMs) => ({
      title: title(`${node} kept serving stale data while ${what}`),
      detail:
        `${node} answered without the acknowledged value of ${keys.join(', ')} for ${ms(waitedMs)} ms while ${what} ` +
        `(convergence timeout ${ms(f.limits.convergenceTimeoutMs)} ms). Under consistency: linearizable a node that cannot get ` +
        `new writes must refuse reads, not serve old data.`,
    }),
    ownCopy: (node, keys, waitedMs, claim) => ({
      title: title(`${node} answered from its own copy while ${what}`),
      detail:
        `${node} answered without the acknowledged value of ${keys.join(', ')} for at least ${ms(waitedMs)} ms while ${what}. ` +
        `Allowed under consistency: ${claim} (only linearizable forbids it); the catch-up checks after healing hold it to ` +
        `every value it missed.`,
    }),
    slow: (node, keys, waitedMs) => ({
      title: title(`${node} was slow to converge while ${what}`),
      detail:
        `Measured, not judged (the link still works): ${node} answered without the acknowledged value of ${keys.join(', ')} ` +
        `for ${ms(waitedMs)} ms while ${what} (convergence timeout ${ms(f.limits.convergenceTimeoutMs)} ms).`,
    }),
    refusedReads: (node, last) => ({
      title: title(`${node} refused reads while ${what}`),
      detail: `${node} refused reads while ${what} (${describeObservation(last)}): availability loss, not data loss.`,
    }),
    converged: (node, count, slowestMs) => ({
      title: title(`${node} returned every write made while ${what}`),
      detail: `${node} returned all ${count} value(s) written while ${what}, the slowest after ${ms(slowestMs)} ms.`,
    }),
  };
}

/** Sentences about what came after healing: recovery, writes, catch-up, durability. */
function healedWords({ f, noun, what, title, since }: Voicing): Omit<FaultVoice, HeldWords> {
  return {
    recovered: (node, t) => ({ title: title(`${node} answers again`), detail: `${node} answered ${ms(t)} ms after ${since}.` }),
    notRecovered: (node, last) => ({
      title: title(`${node} did not answer again`),
      detail:
        `${node} did not answer below 500 within ${secs(f.limits.startupTimeoutMs)} s after the fault was healed; last: ` +
        `${describeObservation(last)}.`,
    }),
    writableAgain: (node, t, attempts) => ({
      title: title('writes are accepted again after healing'),
      detail:
        `Every write was refused while ${what} (availability loss); ${node} acknowledged one ${ms(t)} ms after the fault ` +
        `was healed (${attempts} attempt(s)).`,
    }),
    stillRefused: (triedOn, attempts, last) => ({
      title: title('writes are still refused after healing'),
      detail:
        `Every write was refused while ${what}, and still none of ${triedOn.join(', ')} acknowledged one within ` +
        `${secs(f.limits.startupTimeoutMs)} s after healing (${attempts} attempt(s)); last: ${describeObservation(last)}.`,
    }),
    nothingToCatchUp: (node) => ({
      title: title(`nothing to catch up on for ${node}`),
      detail: `No node acknowledged a write while ${what}.`,
    }),
    caughtUp: (node, count, slowestMs, afterHeal) => ({
      title: title(afterHeal ? `${node} caught up after healing` : `${node} caught up with every write made while it was away`),
      detail:
        `${node} returned all ${count} value(s) ${afterHeal ? 'acknowledged after healing' : `written while ${what}`}, ` +
        `${ms(slowestMs)} ms after it answered again.`,
    }),
    missedCatchUp: (node, keys, waitedMs, afterHeal) => ({
      title: title(
        afterHeal
          ? `${node} never got the write acknowledged after healing`
          : `${node} never caught up with ${keys.length} write(s) made while it was away`,
      ),
      detail:
        `${node} never returned keys ${afterHeal ? 'acknowledged after healing' : `written while ${what}`}: ` +
        `${keys.join(', ')} (waited ${ms(waitedMs)} ms).`,
    }),
    gotTargetWrites: (node, count) => ({
      title: title(`${node} got the writes ${f.target} acknowledged while ${what}`),
      detail: `${node} returned all ${count} value(s) ${f.target} acknowledged while ${what}.`,
    }),
    missedTargetWrites: (node, keys) => ({
      title: title(`${node} never got ${keys.length} write(s) ${f.target} acknowledged while ${what}`),
      detail: `${node} never returned keys ${f.target} acknowledged while ${what}: ${keys.join(', ')}.`,
    }),
    kept: (node, count) => ({
      title: title(`${node} kept every earlier write`),
      detail: `${node} still returns all ${count} value(s) acknowledged before the ${noun}.`,
    }),
    notKept: (node, lost, neverHad) => ({
      title: title(
        lost.length > 0
          ? `${node} lost ${lost.length} acknowledged write(s)`
          : `${node} is missing ${neverHad.length} acknowledged write(s)`,
      ),
      detail: `${node} does not return keys acknowledged before the ${noun}: ${missingClauses(lost, neverHad, noun)}.`,
    }),
  };
}

/** The restart check's voice (`restart-target`): titles name the check, e.g. `Catch-up: kv_4 ...`. */
export function restartVoice(f: FaultFacts): FaultVoice {
  const base = faultVoice(f);
  const t = f.target;
  return {
    ...base,
    plan: (problem) => ({ title: `Restart: ${t} cannot be checked`, detail: problem }),
    apply: (detail) => ({ title: `Restart: compose restart ${t} failed`, detail: `Restarting ${t} failed: ${detail}.` }),
    heal: (detail) => ({ title: `Restart: compose restart ${t} failed`, detail: `Restarting ${t} failed: ${detail}.` }),
    stale: (node, keys, waitedMs) => ({
      title: `Restart: ${node} never returned the value written while ${t} restarted`,
      detail: base.stale(node, keys, waitedMs).detail,
    }),
    refusedReads: (node, last) => ({
      title: `Restart: ${node} refused reads while ${t} restarted`,
      detail: base.refusedReads(node, last).detail,
    }),
    converged: (node, count, slowestMs) => ({
      title: `Restart: ${node} returned the value written while ${t} restarted`,
      detail: base.converged(node, count, slowestMs).detail,
    }),
    recovered: (node, t0, restartMs) => ({
      title: `Recovery: ${node} answers again after the restart`,
      detail:
        `${node} answered ${ms(t0)} ms after the restart ` +
        `began${restartMs !== undefined ? ` (compose restart took ${ms(restartMs)} ms)` : ''}.`,
    }),
    notRecovered: (node, last) => ({
      title: `Recovery: ${node} did not answer after the restart`,
      detail:
        `${node} did not answer below 500 within ${secs(f.limits.startupTimeoutMs)} s after the restart; last: ` +
        `${describeObservation(last)}.`,
    }),
    writableAgain: (node, t0, attempts) => ({
      title: `Restart: writes are accepted again after the restart`,
      detail: base.writableAgain(node, t0, attempts).detail,
    }),
    stillRefused: (triedOn, attempts, last) => ({
      title: `Restart: no node accepted a write while ${t} restarted`,
      detail: base.stillRefused(triedOn, attempts, last).detail,
    }),
    nothingToCatchUp: (node) => ({ title: `Catch-up: nothing to catch up on for ${node}`, detail: base.nothingToCatchUp(node).detail }),
    caughtUp: (node, count, slowestMs, afterHeal) => ({
      title: `Catch-up: ${node} has the value written while it was down`,
      detail: base.caughtUp(node, count, slowestMs, afterHeal).detail,
    }),
    missedCatchUp: (node, keys, waitedMs, afterHeal) => ({
      title: `Catch-up: ${node} never returned the value written while it was down`,
      detail: base.missedCatchUp(node, keys, waitedMs, afterHeal).detail,
    }),
    kept: (node, count) => ({
      title: `Durability: ${node} kept every earlier write`,
      detail: `${node} still returns all ${count} values written before the restart.`,
    }),
    notKept: (node, lost, neverHad) => ({
      title:
        lost.length > 0
          ? `Durability: ${node} lost ${lost.length} earlier write(s) after the restart`
          : `Durability: ${node} is missing ${neverHad.length} earlier write(s) after the restart`,
      detail:
        `${node} does not return ${lost.length + neverHad.length} key(s) written before the restart: ` +
        `${missingClauses(lost, neverHad, 'restart')}.`,
    }),
  };
}
