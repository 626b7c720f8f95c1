// The lifecycle faults' one way of acting: a verb on the service's containers, undone by its opposite. stop, kill,
// pause and restart (each in kinds/) are this with their own verbs and words. The verbs go through the Docker
// engine API where its socket answers (a few milliseconds, so a kill lands right after the write it raced) and
// through Compose otherwise.
import type { Compose } from '../compose/driver.js';
import type { ContainerVerb, EngineApi } from '../compose/engine-api.js';
import { resultText } from '../exec/process.js';
import type { HealOutcome } from './active.js';
import type { ApplyResult } from './actions.js';
import { noParameter, type FaultKindDescriptor } from './kinds/types.js';

export type Verb = ContainerVerb;

export interface Lifecycle {
  /** How the verbs are sent, for the log and the fault's description. */
  readonly via: string;
  verb(verb: Verb, service: string): Promise<HealOutcome>;
  /** Looks up what the verbs will need for a service now, so the moment a fault strikes costs no lookup. */
  prepare(service: string): Promise<void>;
}

export function composeLifecycle(compose: Compose): Lifecycle {
  return {
    via: 'compose',
    async verb(verb, service) {
      const r = await (verb === 'restart' ? compose.restart(service) : compose.serviceCommand(verb, service));
      return {
        ok: r.code === 0,
        detail: r.code === 0 ? `compose ${verb} ${service}` : `compose ${verb} ${service} failed: ${resultText(r)}`,
      };
    },
    prepare: async () => undefined,
  };
}

/**
 * Every container of the service at once; ids come from Compose's labels (one-off `run` containers left out), looked
 * up ahead, again when none was found, and again for the ones the engine no longer knows (recreated: 404).
 */
export function engineLifecycle(api: EngineApi, compose: Compose): Lifecycle {
  const ids = new Map<string, string[]>();
  const lookUp = async (service: string): Promise<string[]> => {
    const found = (await compose.inspect())
      .filter(
        (c) => c.Config?.Labels?.['com.docker.compose.service'] === service && c.Config?.Labels?.['com.docker.compose.oneoff'] !== 'True',
      )
      .map((c) => c.Id);
    if (found.length > 0) ids.set(service, found);
    return found;
  };
  return {
    via: 'docker engine API',
    async verb(verb, service) {
      const containers = ids.get(service) ?? (await lookUp(service));
      if (containers.length === 0) return { ok: false, detail: `no container of ${service} was found` };
      let outcomes = await Promise.all(containers.map(async (id) => ({ id, o: await api.containerVerb(id, verb) })));
      const stale = outcomes.filter((x) => !x.o.ok && / 404: /.test(x.o.detail));
      if (stale.length > 0) {
        // Only the stale ones again, under their new ids: the others already did it.
        const fresh = (await lookUp(service)).filter((id) => !containers.includes(id));
        const retried = await Promise.all(fresh.map(async (id) => ({ id, o: await api.containerVerb(id, verb) })));
        outcomes = [...outcomes.filter((x) => !stale.includes(x)), ...retried];
      }
      if (outcomes.length === 0) return { ok: false, detail: `no container of ${service} is left` };
      const bad = outcomes.filter((x) => !x.o.ok);
      return bad.length === 0
        ? { ok: true, detail: `docker engine API ${verb} ${service}` }
        : { ok: false, detail: bad.map((x) => x.o.detail).join('; ') };
    },
    prepare: async (service) => void (await lookUp(service)),
  };
}

export async function verbFault(lifecycle: Lifecycle, service: string, apply: Verb, heal: Verb): Promise<ApplyResult> {
  const a = await lifecycle.verb(apply, service);
  // Even a failed apply may have half-worked (one of two replicas paused): heal anyway.
  if (!a.ok) {
    await lifecycle.verb(heal, service);
    return { ok: false, detail: a.detail };
  }
  const description = `${lifecycle.via} ${apply} ${service}, then ${heal}`;
  return { ok: true, fault: { description, heal: () => lifecycle.verb(heal, service) } };
}

/** A kind that one verb applies and another undoes; clients cannot reach the target while it holds. */
export function verbKind<K extends 'stop' | 'kill' | 'pause'>(
  kind: K,
  o: { readonly done: string; readonly stillState: string; readonly heal: Verb; readonly racesWrites: boolean },
): FaultKindDescriptor<K> {
  return {
    kind,
    syntax: kind,
    parse: noParameter(kind),
    words: { done: o.done, noun: kind, stillState: o.stillState },
    answersWhileHeld: false,
    measuresOnly: false,
    healsItself: false,
    racesWrites: o.racesWrites,
    needs: [],
    apply: ({ lifecycle }, _spec, service) => verbFault(lifecycle, service, kind, o.heal),
  };
}
