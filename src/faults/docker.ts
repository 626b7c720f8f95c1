// How each fault is done: Compose verbs (restart, stop, kill, pause), plain docker (network disconnect), packet
// filters and queueing disciplines inside the containers' network namespaces (partition, loss, latency), and
// libfaketime offset files (clock). The fault driver only sees FaultActions, so unit tests can count applies and
// heals without Docker.
import type { Compose } from '../compose/driver.js';
import { resultText, type Exec } from '../exec/process.js';
import type { InspectedContainer } from '../compose/ports.js';
import type { HealOutcome } from './active.js';
import type { ApplyResult, FaultActions } from './actions.js';

export type { AppliedFault, ApplyResult, FaultActions } from './actions.js';
import type { FaultSpec } from './kinds.js';
import { aliasesToRestore, networksToCut } from './plan.js';
import { applyDelay, applyFilter, undelay, unfilter, type Drop, type NetnsRunner } from './netns.js';
import { offsetText, resetClock, resetClocks, setOffset } from './clock.js';

const SECOND = 1000;

export interface DockerFaultOptions {
  readonly partitionNetworks: readonly string[];
  /** Enters containers' network namespaces (as root, or through sudo). */
  readonly netns: NetnsRunner;
  /** Where the clock fault's offset files are (the compose override mounts it); absent without a clock fault. */
  readonly clockDir?: string;
}

export function dockerFaultActions(compose: Compose, exec: Exec, o: DockerFaultOptions): FaultActions {
  const verb = async (v: 'stop' | 'start' | 'kill' | 'pause' | 'unpause', service: string): Promise<HealOutcome> => {
    const r = await compose.serviceCommand(v, service);
    return { ok: r.code === 0, detail: r.code === 0 ? `compose ${v} ${service}` : `compose ${v} ${service} failed: ${resultText(r)}` };
  };
  const simple = async (service: string, apply: 'stop' | 'kill' | 'pause', heal: 'start' | 'unpause'): Promise<ApplyResult> => {
    const a = await verb(apply, service);
    // Even a failed apply may have half-worked (one of two replicas paused): heal anyway.
    if (!a.ok) {
      await verb(heal, service);
      return { ok: false, detail: a.detail };
    }
    return { ok: true, fault: { description: `compose ${apply} ${service}, then compose ${heal}`, heal: () => verb(heal, service) } };
  };

  return {
    async apply(spec, service) {
      switch (spec.kind) {
        case 'restart': {
          const running = compose.restart(service);
          return {
            ok: true,
            fault: {
              description: `compose restart ${service}`,
              heal: async () => {
                const r = await running;
                return {
                  ok: r.code === 0,
                  detail: r.code === 0 ? `compose restart ${service}` : `compose restart ${service} failed: ${resultText(r)}`,
                };
              },
            },
          };
        }
        case 'stop':
          return simple(service, 'stop', 'start');
        case 'kill':
          return simple(service, 'kill', 'start');
        case 'pause':
          return simple(service, 'pause', 'unpause');
        case 'disconnect':
          return partition(compose, exec, service, o.partitionNetworks);
        case 'partition':
        case 'loss':
          return cutFromPeers(compose, o.netns, spec, service);
        case 'latency':
          return delayToPeers(compose, o.netns, spec, service);
        case 'clock':
          return skewClock(o.clockDir, spec, service);
      }
    },
    applyGrudges: (spec, grudges) => applyGrudges(compose, o.netns, spec, grudges),
  };
}

/** A container of the project, as the network faults need it: its PID 1 and its addresses. */
interface NetContainer {
  readonly id: string;
  readonly service: string;
  readonly pid: number;
  readonly ips: readonly string[];
}

async function netContainers(compose: Compose): Promise<NetContainer[]> {
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

/** Undoes a namespace fault on every container given (each proving its namespace is back as it was). */
function healEach(ns: NetnsRunner, targets: readonly NetContainer[], undo: typeof unfilter, done: string): () => Promise<HealOutcome> {
  return async () => {
    const outcomes = await Promise.all(targets.map(async (t) => ({ t, r: await undo(ns, t.pid) })));
    const bad = outcomes.filter((x) => !x.r.ok);
    return bad.length === 0
      ? { ok: true, detail: done }
      : { ok: false, detail: bad.map((x) => `${x.t.service}: ${x.r.detail}`).join('; ') };
  };
}

const healFilters = (ns: NetnsRunner, targets: readonly NetContainer[], what: string) =>
  healEach(ns, targets, unfilter, `${what}: packet filter rules removed`);

/** The service's containers, and the addresses of every other container of the project (its peers). */
async function withPeers(compose: Compose, service: string): Promise<{ mine: NetContainer[]; peers: string[] } | undefined> {
  const all = await netContainers(compose);
  const mine = all.filter((c) => c.service === service);
  return mine.length === 0 ? undefined : { mine, peers: all.filter((c) => c.service !== service).flatMap((c) => c.ips) };
}

/** partition, partition:one-way, loss: drops between the service's containers and every other container. */
async function cutFromPeers(compose: Compose, ns: NetnsRunner, spec: FaultSpec, service: string): Promise<ApplyResult> {
  const found = await withPeers(compose, service);
  if (!found) return { ok: false, detail: `no running container of ${service} was found` };
  const { mine, peers } = found;
  const directions: Drop['direction'][] = spec.topology === 'one-way' ? ['in'] : ['in', 'out'];
  const drops = peers.flatMap((ip) => directions.map((direction) => ({ ip, direction })));
  const done: NetContainer[] = [];
  for (const c of mine) {
    const r = await applyFilter(ns, c.pid, drops, spec.kind === 'loss' ? spec.loss : undefined);
    if (!r.ok) {
      await healFilters(ns, done, service)();
      return { ok: false, detail: r.detail };
    }
    done.push(c);
  }
  const how =
    spec.kind === 'loss'
      ? `dropped ${Math.round((spec.loss ?? 0) * 100)}% of ${service}'s packets to and from its ${peers.length} peer address(es)`
      : spec.topology === 'one-way'
        ? `${service} receives nothing from its ${peers.length} peer address(es); what it sends still arrives`
        : `cut ${service} off from its ${peers.length} peer address(es), both ways; clients still reach it`;
  return { ok: true, fault: { description: `${how} (iptables in its network namespace)`, heal: healFilters(ns, done, service) } };
}

async function delayToPeers(compose: Compose, ns: NetnsRunner, spec: FaultSpec, service: string): Promise<ApplyResult> {
  const found = await withPeers(compose, service);
  if (!found) return { ok: false, detail: `no running container of ${service} was found` };
  const { mine, peers } = found;
  // undelay on a container the delay never reached finds nothing to remove, so a failed apply heals them all.
  const heal = healEach(ns, mine, undelay, `${service}: queueing disciplines removed`);
  for (const c of mine) {
    const r = await applyDelay(ns, c.pid, peers, spec.delayMs ?? 0, spec.jitterMs);
    if (!r.ok) {
      await heal();
      return { ok: false, detail: r.detail };
    }
  }
  return {
    ok: true,
    fault: {
      description: `delayed ${service}'s packets to its peers by ${spec.delayMs} ms${spec.jitterMs ? ` ± ${spec.jitterMs} ms` : ''} (tc netem)`,
      heal,
    },
  };
}

async function skewClock(clockDir: string | undefined, spec: FaultSpec, service: string): Promise<ApplyResult> {
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
  return {
    ok: true,
    fault: { description: `shifted ${service}'s wall clock by ${offsetText(spec.clockOffsetS ?? 0)} (libfaketime)`, heal },
  };
}

/** Cluster-wide partitions: each service drops what it receives from the services it holds a grudge against. */
async function applyGrudges(
  compose: Compose,
  ns: NetnsRunner,
  spec: FaultSpec,
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

/**
 * Removes whatever network or clock fault Replicheck may have left on any container of the project: the last
 * resort before teardown and in the post step (after a SIGKILL of the main step). One line per fault that would not
 * go; quiet when there is nothing.
 */
export async function undoLeftoverFaults(
  compose: Compose,
  o: { readonly netns?: NetnsRunner | undefined; readonly clockDir?: string | undefined },
): Promise<string[]> {
  const problems: string[] = [];
  if (o.netns) {
    const ns = o.netns;
    try {
      for (const c of await netContainers(compose)) {
        for (const r of [await unfilter(ns, c.pid), await undelay(ns, c.pid)]) if (!r.ok) problems.push(`${c.service}: ${r.detail}`);
      }
    } catch (error) {
      problems.push(String(error));
    }
  }
  if (o.clockDir) problems.push(...(await resetClocks(o.clockDir)));
  return problems;
}

interface Cut {
  readonly container: string;
  readonly network: string;
  readonly aliases: string[];
}

async function serviceContainers(compose: Compose, service: string): Promise<InspectedContainer[]> {
  return (await compose.inspect()).filter((c) => c.Config?.Labels?.['com.docker.compose.service'] === service);
}

async function partition(compose: Compose, exec: Exec, service: string, wanted: readonly string[]): Promise<ApplyResult> {
  const containers = await serviceContainers(compose, service);
  if (containers.length === 0) return { ok: false, detail: `no container of ${service} was found` };
  const plan: Cut[] = [];
  for (const c of containers) {
    const networks = c.NetworkSettings?.Networks ?? {};
    const { cut, missing } = networksToCut(Object.keys(networks), wanted, compose.project.name);
    if (missing.length > 0) {
      return {
        ok: false,
        input: 'partition-networks',
        detail: `${service} is not attached to ${missing.join(', ')} (it is on ${Object.keys(networks).join(', ') || 'no network'})`,
      };
    }
    for (const network of cut) plan.push({ container: c.Id, network, aliases: aliasesToRestore(networks[network]?.Aliases, c.Id) });
  }
  if (plan.length === 0) return { ok: false, detail: `${service} is attached to no network` };

  const done: Cut[] = [];
  const heal = async (): Promise<HealOutcome> => {
    const problems: string[] = [];
    for (const cut of done) {
      const args = ['network', 'connect', ...cut.aliases.flatMap((a) => ['--alias', a]), cut.network, cut.container];
      const r = await exec.run('docker', args, { timeoutMs: 30 * SECOND });
      // "already exists": someone (an earlier heal) reconnected it; the verification below decides.
      if (r.code !== 0 && !/already exists/i.test(r.stderr)) problems.push(`connect ${cut.network}: ${resultText(r)}`);
    }
    // Verify: every cut network is back with every alias, so peers find the node by name again.
    const now = await serviceContainers(compose, service);
    for (const cut of done) {
      const c = now.find((x) => x.Id === cut.container);
      const net = c?.NetworkSettings?.Networks?.[cut.network];
      if (!c) problems.push(`container ${cut.container.slice(0, 12)} is gone`);
      else if (!net) problems.push(`${cut.network} is still disconnected`);
      else {
        const missing = cut.aliases.filter((a) => !(net.Aliases ?? []).includes(a));
        if (missing.length > 0) problems.push(`${cut.network} lacks alias(es) ${missing.join(', ')}`);
      }
    }
    const names = [...new Set(done.map((d) => d.network))].join(', ');
    return problems.length === 0
      ? { ok: true, detail: `reconnected ${service} to ${names} with its aliases` }
      : { ok: false, detail: problems.join('; ') };
  };

  for (const cut of plan) {
    const r = await exec.run('docker', ['network', 'disconnect', cut.network, cut.container], { timeoutMs: 30 * SECOND });
    if (r.code !== 0) {
      await heal();
      return { ok: false, detail: `docker network disconnect ${cut.network} failed: ${resultText(r)}` };
    }
    done.push(cut);
  }
  const names = [...new Set(plan.map((d) => d.network))].join(', ');
  return { ok: true, fault: { description: `docker network disconnect ${service} from ${names}, then reconnect with its aliases`, heal } };
}
