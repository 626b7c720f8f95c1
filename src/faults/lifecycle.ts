// The lifecycle faults' one way of acting: a Compose verb on the service, undone by its opposite. stop, kill and
// pause (each in kinds/) are this with their own verbs and words.
import type { Compose } from '../compose/driver.js';
import { resultText } from '../exec/process.js';
import type { HealOutcome } from './active.js';
import type { ApplyResult } from './actions.js';
import { noParameter, type FaultKindDescriptor } from './kinds/types.js';

type Verb = 'stop' | 'start' | 'kill' | 'pause' | 'unpause';

export async function composeVerb(compose: Compose, verb: Verb, service: string): Promise<HealOutcome> {
  const r = await compose.serviceCommand(verb, service);
  return { ok: r.code === 0, detail: r.code === 0 ? `compose ${verb} ${service}` : `compose ${verb} ${service} failed: ${resultText(r)}` };
}

export async function verbFault(compose: Compose, service: string, apply: Verb, heal: Verb): Promise<ApplyResult> {
  const a = await composeVerb(compose, apply, service);
  // Even a failed apply may have half-worked (one of two replicas paused): heal anyway.
  if (!a.ok) {
    await composeVerb(compose, heal, service);
    return { ok: false, detail: a.detail };
  }
  return {
    ok: true,
    fault: { description: `compose ${apply} ${service}, then compose ${heal}`, heal: () => composeVerb(compose, heal, service) },
  };
}

/** A kind that a Compose verb applies and another undoes; clients cannot reach the target while it holds. */
export function verbKind<K extends 'stop' | 'kill' | 'pause'>(
  kind: K,
  o: { readonly done: string; readonly stillState: string; readonly heal: Verb },
): FaultKindDescriptor<K> {
  return {
    kind,
    syntax: kind,
    parse: noParameter(kind),
    words: { done: o.done, noun: kind, stillState: o.stillState },
    answersWhileHeld: false,
    measuresOnly: false,
    healsItself: false,
    needs: [],
    apply: ({ compose }, _spec, service) => verbFault(compose, service, kind, o.heal),
  };
}
