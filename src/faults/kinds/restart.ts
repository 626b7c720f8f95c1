// restart: the target's containers restarted. It heals itself: the fault holds for as long as the restart takes.
import { noParameter, type FaultKindDescriptor } from './types.js';

export const restart: FaultKindDescriptor<'restart'> = {
  kind: 'restart',
  syntax: 'restart',
  parse: noParameter('restart'),
  words: { done: 'restarted', noun: 'restart', stillState: 'restarting' },
  answersWhileHeld: false,
  measuresOnly: false,
  healsItself: true,
  racesWrites: false,
  needs: [],
  async apply({ lifecycle }, _spec, service) {
    const running = lifecycle.verb('restart', service);
    return { ok: true, fault: { description: `${lifecycle.via} restart ${service}`, heal: () => running } };
  },
};
