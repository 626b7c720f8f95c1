// partition: the target cut off from its peers inside its network namespace (iptables), while clients still reach
// it, which is how a real partition looks to a store: its peers are gone, its clients are not. `partition:one-way`
// cuts only what the target receives; `partition:halves`, `:majorities-ring` and `:bridge` split the whole cluster
// (fault-targets do not apply), each node dropping what it receives from the nodes it may not hear.
import type { Compose } from '../../compose/driver.js';
import type { ApplyResult } from '../actions.js';
import { cutFromPeers, healFilters, netContainers, type NetContainer } from '../containers.js';
import { applyFilter, type NetnsRunner } from '../netns.js';
import { TOPOLOGIES, type FaultKindDescriptor, type SpecOf, type Topology } from './types.js';

export const partition: FaultKindDescriptor<'partition'> = {
  kind: 'partition',
  syntax: `partition[:${TOPOLOGIES.join('|')}]`,
  parse(param, item) {
    if (param === '') return { spec: { kind: 'partition', name: 'partition' } };
    const topology = param.toLowerCase() as Topology;
    if (!(TOPOLOGIES as readonly string[]).includes(topology)) {
      return { problem: `'${item}': '${param}' is not a partition topology (${TOPOLOGIES.join(', ')})` };
    }
    return { spec: { kind: 'partition', name: `partition:${topology}`, topology } };
  },
  words: { done: 'partitioned', noun: 'partition', stillState: 'partitioned' },
  answersWhileHeld: true,
  cutsPeers: true,
  measuresOnly: false,
  healsItself: false,
  needs: ['netns'],
  apply: ({ compose, netns }, spec, service) =>
    cutFromPeers(compose, netns, spec, service, (peers) =>
      spec.topology === 'one-way'
        ? `${service} receives nothing from its ${peers} peer address(es); what it sends still arrives`
        : `cut ${service} off from its ${peers} peer address(es), both ways; clients still reach it`,
    ),
};

/** Topologies that cut the whole cluster rather than one target. */
export function isClusterWide(spec: Pick<SpecOf<string>, 'topology'>): boolean {
  return spec.topology !== undefined && spec.topology !== 'one-way';
}

export type ClusterTopology = Exclude<Topology, 'one-way'>;

export function topologyGrudges(topology: ClusterTopology, n: number): { drops: [number, number][]; sides: string } {
  const all = Array.from({ length: n }, (_, i) => i);
  const both = (a: readonly number[], b: readonly number[]): [number, number][] =>
    a.flatMap((x) =>
      b.flatMap((y): [number, number][] => [
        [x, y],
        [y, x],
      ]),
    );
  switch (topology) {
    case 'halves': {
      const cut = Math.floor(n / 2);
      const [a, b] = [all.slice(0, cut), all.slice(cut)];
      return { drops: both(a, b), sides: `[${a.join(' ')}] | [${b.join(' ')}]` };
    }
    case 'bridge': {
      // Two halves that cannot talk, and one node (the last) that talks to both.
      const rest = all.slice(0, n - 1);
      const cut = Math.floor(rest.length / 2);
      const [a, b] = [rest.slice(0, cut), rest.slice(cut)];
      return { drops: both(a, b), sides: `[${a.join(' ')}] | [${b.join(' ')}], bridged by ${n - 1}` };
    }
    case 'majorities-ring': {
      // In a ring every node hears from the nodes closest to it, just enough for a majority, and no two nodes
      // hear from the same set. With symmetric links that needs five nodes or more; below that (three or four)
      // each node hears only from the nodes after it, which keeps every heard set a majority and all different.
      const majority = Math.floor(n / 2) + 1;
      const reach = Math.ceil((majority - 1) / 2);
      const symmetric = 2 * reach + 1 < n && n >= 5;
      const drops: [number, number][] = [];
      for (const i of all) {
        for (const j of all) {
          if (i === j) continue;
          const d = symmetric ? Math.min((j - i + n) % n, (i - j + n) % n) : (j - i + n) % n;
          if (d > (symmetric ? reach : majority - 1)) drops.push([i, j]);
        }
      }
      return {
        drops,
        sides: symmetric
          ? `each node hears its ${reach} neighbour(s) on each side`
          : `each node hears the ${majority - 1} node(s) after it`,
      };
    }
  }
}

/** Cluster-wide partitions: each service drops what it receives from the services it holds a grudge against. */
export async function applyGrudges(
  compose: Compose,
  ns: NetnsRunner,
  spec: Pick<SpecOf<string>, 'name'>,
  grudges: readonly (readonly [string, string])[],
): Promise<ApplyResult> {
  const all = await netContainers(compose);
  const touched: NetContainer[] = [];
  for (const c of all) {
    const from = grudges.filter(([a]) => a === c.service).map(([, b]) => b);
    if (from.length === 0) continue;
    const drops = all.filter((x) => from.includes(x.service)).flatMap((x) => x.ips.map((ip) => ({ ip, direction: 'in' as const })));
    const r = await applyFilter(ns, c.pid, drops);
    if (!r.ok) {
      await healFilters(ns, touched, spec.name)();
      return { ok: false, detail: `${c.service}: ${r.detail}` };
    }
    touched.push(c);
  }
  const text = grudges.map(([a, b]) => `${a}<-${b}`).join(', ');
  return {
    ok: true,
    fault: { description: `${spec.name}: dropped ${text} (iptables in each network namespace)`, heal: healFilters(ns, touched, spec.name) },
  };
}
