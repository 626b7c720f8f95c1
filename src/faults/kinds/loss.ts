// loss[:P%]: a share of the packets between the target and its peers dropped (iptables' statistic match), both ways.
// The link still works, only worse, so slow convergence is measured, not judged.
import { cutFromPeers } from '../containers.js';
import type { FaultKindDescriptor } from './types.js';

export const DEFAULT_LOSS = 0.3;

export const loss: FaultKindDescriptor<'loss'> = {
  kind: 'loss',
  syntax: 'loss[:P%]',
  parse(param, item) {
    if (param === '') return { spec: { kind: 'loss', name: 'loss', loss: DEFAULT_LOSS } };
    const m = /^(\d+(?:\.\d+)?)%?$/.exec(param);
    const p = m ? Number(m[1]) : NaN;
    if (!(p > 0 && p < 100)) return { problem: `'${item}': the loss must be a percentage above 0 and below 100, e.g. loss:30%` };
    return { spec: { kind: 'loss', name: `loss:${p}%`, loss: p / 100 } };
  },
  words: { done: 'losing packets', noun: 'loss', stillState: 'losing packets' },
  answersWhileHeld: true,
  measuresOnly: true,
  healsItself: false,
  needs: ['netns'],
  apply: ({ compose, netns }, spec, service) =>
    cutFromPeers(
      compose,
      netns,
      spec,
      service,
      (peers) => `dropped ${Math.round((spec.loss ?? 0) * 100)}% of ${service}'s packets to and from its ${peers} peer address(es)`,
    ),
};
