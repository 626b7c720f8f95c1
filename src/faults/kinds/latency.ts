// latency:MS[/JITTER]: what the target sends to its peers is delayed (tc netem in its network namespace); clients'
// traffic is not. The link still works, only slower, so slow convergence is measured, not judged.
import { healEach, withPeers } from '../containers.js';
import { applyDelay, undelay } from '../netns.js';
import type { FaultKindDescriptor } from './types.js';

const MAX_DELAY_MS = 60_000;

export const latency: FaultKindDescriptor<'latency'> = {
  kind: 'latency',
  syntax: 'latency:MS[/JITTER]',
  parse(param, item) {
    const m = /^(\d+)(?:ms)?(?:\/(\d+)(?:ms)?)?$/.exec(param);
    const delay = m ? Number(m[1]) : NaN;
    const jitter = m?.[2] !== undefined ? Number(m[2]) : 0;
    if (!(delay > 0 && delay <= MAX_DELAY_MS) || jitter > delay) {
      return {
        problem:
          `'${item}': give the delay in ms (1 to ${MAX_DELAY_MS}) and optionally a jitter no larger than it, ` +
          'e.g. latency:200 or latency:200/50',
      };
    }
    const name = `latency:${delay}${jitter ? `/${jitter}` : ''}`;
    return { spec: { kind: 'latency', name, delayMs: delay, ...(jitter ? { jitterMs: jitter } : {}) } };
  },
  words: { done: 'slowed down', noun: 'latency', stillState: 'slowed down' },
  answersWhileHeld: true,
  measuresOnly: true,
  healsItself: false,
  needs: ['netns', 'netem'],
  async apply({ compose, netns }, spec, service) {
    const found = await withPeers(compose, service);
    if (!found) return { ok: false, detail: `no running container of ${service} was found` };
    const { mine, peers } = found;
    // undelay on a container the delay never reached finds nothing to remove, so a failed apply heals them all.
    const heal = healEach(netns, mine, undelay, `${service}: queueing disciplines removed`);
    for (const c of mine) {
      const r = await applyDelay(netns, c.pid, peers, spec.delayMs ?? 0, spec.jitterMs);
      if (!r.ok) {
        await heal();
        return { ok: false, detail: r.detail };
      }
    }
    const jitter = spec.jitterMs ? ` ± ${spec.jitterMs} ms` : '';
    return {
      ok: true,
      fault: { description: `delayed ${service}'s packets to its peers by ${spec.delayMs} ms${jitter} (tc netem)`, heal },
    };
  },
};
