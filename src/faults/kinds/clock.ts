// clock[:±Ns]: the target's wall clock shifted (libfaketime, preloaded by a compose override Replicheck adds before
// `up`, reading its offset from a file the fault rewrites). Clients and peers still reach the target.
import type { HealOutcome } from '../active.js';
import { offsetText, resetClock, setOffset } from '../clock.js';
import type { FaultKindDescriptor } from './types.js';

export const DEFAULT_CLOCK_OFFSET_S = -30;
const MAX_CLOCK_OFFSET_S = 10 * 365 * 24 * 3600;

export const clock: FaultKindDescriptor<'clock'> = {
  kind: 'clock',
  syntax: 'clock[:±Ns]',
  parse(param, item) {
    if (param === '') return { spec: { kind: 'clock', name: 'clock', clockOffsetS: DEFAULT_CLOCK_OFFSET_S } };
    const m = /^([+-])(\d+(?:\.\d+)?)s$/.exec(param);
    const s = m ? Number(m[2]) * (m[1] === '-' ? -1 : 1) : NaN;
    if (!m || s === 0 || Math.abs(s) > MAX_CLOCK_OFFSET_S)
      return { problem: `'${item}': give a signed offset in seconds, e.g. clock:-30s or clock:+5s` };
    return { spec: { kind: 'clock', name: `clock:${m[1]}${m[2]}s`, clockOffsetS: s } };
  },
  words: { done: 'skewed', noun: 'clock skew', stillState: 'skewed' },
  answersWhileHeld: true,
  measuresOnly: false,
  healsItself: false,
  needs: ['faketime'],
  targetWritesLast: true,
  async apply({ clockDir }, spec, service) {
    if (!clockDir) return { ok: false, detail: 'the clock fault was not prepared before the cluster started' };
    const heal = async (): Promise<HealOutcome> => {
      const problem = await resetClock(clockDir, service);
      return problem ? { ok: false, detail: problem } : { ok: true, detail: `${service}'s clock offset back to +0` };
    };
    try {
      await setOffset(clockDir, service, spec.clockOffsetS ?? 0);
    } catch (error) {
      await heal().catch(() => undefined);
      return { ok: false, detail: `could not write the clock offset: ${(error as Error).message}` };
    }
    const description = `shifted ${service}'s wall clock by ${offsetText(spec.clockOffsetS ?? 0)} (libfaketime)`;
    return { ok: true, fault: { description, heal } };
  },
};
