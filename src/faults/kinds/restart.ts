// restart: `compose restart` the target. It heals itself: the fault holds for as long as the restart takes.
import { resultText } from '../../exec/process.js';
import { noParameter, type FaultKindDescriptor } from './types.js';

export const restart: FaultKindDescriptor<'restart'> = {
  kind: 'restart',
  syntax: 'restart',
  parse: noParameter('restart'),
  words: { done: 'restarted', noun: 'restart', stillState: 'restarting' },
  answersWhileHeld: false,
  measuresOnly: false,
  healsItself: true,
  needs: [],
  async apply({ compose }, _spec, service) {
    const running = compose.restart(service);
    const heal = async () => {
      const r = await running;
      return {
        ok: r.code === 0,
        detail: r.code === 0 ? `compose restart ${service}` : `compose restart ${service} failed: ${resultText(r)}`,
      };
    };
    return { ok: true, fault: { description: `compose restart ${service}`, heal } };
  },
};
