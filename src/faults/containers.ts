// The project's containers as the network faults see them (PID 1 for its namespace, its addresses), and the heal
// they share: undo a namespace change on each container touched, proving each namespace back as it was. Also the
// packet filter that cuts a service from its peers, which partition and loss both are (loss drops only a share).
import type { Compose } from '../compose/driver.js';
import type { InspectedContainer } from '../compose/ports.js';
import type { HealOutcome } from './active.js';
import type { ApplyResult } from './actions.js';
import type { SpecOf } from './kinds/types.js';
import { applyFilter, unfilter, type Drop, type NetnsRunner } from './netns.js';

/** A container of the project, as the network faults need it: its PID 1 and its addresses. */
export interface NetContainer {
  readonly id: string;
  readonly service: string;
  readonly pid: number;
  readonly ips: readonly string[];
}

export async function netContainers(compose: Compose): Promise<NetContainer[]> {
  return (await compose.inspect()).flatMap((c) => {
    const service = c.Config?.Labels?.['com.docker.compose.service'];
    const pid = c.State?.Pid ?? 0;
    if (!service || pid <= 0) return [];
    const ips = Object.values(c.NetworkSettings?.Networks ?? {})
      .map((n) => n.IPAddress ?? '')
      .filter((ip) => ip !== '');
    return [{ id: c.Id, service, pid, ips }];
  });
}

export async function serviceContainers(compose: Compose, service: string): Promise<InspectedContainer[]> {
  return (await compose.inspect()).filter((c) => c.Config?.Labels?.['com.docker.compose.service'] === service);
}

/** Undoes a namespace fault on every container given (each proving its namespace is back as it was). */
export function healEach(
  ns: NetnsRunner,
  targets: readonly NetContainer[],
  undo: typeof unfilter,
  done: string,
): () => Promise<HealOutcome> {
  return async () => {
    const outcomes = await Promise.all(targets.map(async (t) => ({ t, r: await undo(ns, t.pid) })));
    const bad = outcomes.filter((x) => !x.r.ok);
    return bad.length === 0
      ? { ok: true, detail: done }
      : { ok: false, detail: bad.map((x) => `${x.t.service}: ${x.r.detail}`).join('; ') };
  };
}

export const healFilters = (ns: NetnsRunner, targets: readonly NetContainer[], what: string): (() => Promise<HealOutcome>) =>
  healEach(ns, targets, unfilter, `${what}: packet filter rules removed`);

/** The service's containers, and the addresses of every other container of the project (its peers). */
export async function withPeers(compose: Compose, service: string): Promise<{ mine: NetContainer[]; peers: string[] } | undefined> {
  const all = await netContainers(compose);
  const mine = all.filter((c) => c.service === service);
  return mine.length === 0 ? undefined : { mine, peers: all.filter((c) => c.service !== service).flatMap((c) => c.ips) };
}

/** Drops between the service's containers and every other container: all of it, one way, or a share (`loss`). */
export async function cutFromPeers(
  compose: Compose,
  ns: NetnsRunner,
  spec: Pick<SpecOf<string>, 'topology' | 'loss'>,
  service: string,
  how: (peers: number) => string,
): Promise<ApplyResult> {
  const found = await withPeers(compose, service);
  if (!found) return { ok: false, detail: `no running container of ${service} was found` };
  const { mine, peers } = found;
  const directions: Drop['direction'][] = spec.topology === 'one-way' ? ['in'] : ['in', 'out'];
  const drops = peers.flatMap((ip) => directions.map((direction) => ({ ip, direction })));
  const done: NetContainer[] = [];
  for (const c of mine) {
    const r = await applyFilter(ns, c.pid, drops, spec.loss);
    if (!r.ok) {
      await healFilters(ns, done, service)();
      return { ok: false, detail: r.detail };
    }
    done.push(c);
  }
  return {
    ok: true,
    fault: { description: `${how(peers.length)} (iptables in its network namespace)`, heal: healFilters(ns, done, service) },
  };
}
