// disconnect: `docker network disconnect` the target from its networks (all, or partition-networks), and reconnect
// it with its aliases to heal. Unlike partition, it cuts the target off from clients on those networks too.
import type { Compose } from '../../compose/driver.js';
import { resultText, type Exec } from '../../exec/process.js';
import type { HealOutcome } from '../active.js';
import type { ApplyResult } from '../actions.js';
import { serviceContainers } from '../containers.js';
import { noParameter, type FaultKindDescriptor } from './types.js';

const SECOND = 1000;

export const disconnect: FaultKindDescriptor<'disconnect'> = {
  kind: 'disconnect',
  syntax: 'disconnect',
  parse: noParameter('disconnect'),
  words: { done: 'disconnected', noun: 'disconnect', stillState: 'disconnected' },
  answersWhileHeld: true,
  cutsPeers: true,
  measuresOnly: false,
  healsItself: false,
  needs: [],
  cutsNetworks: true,
  apply: ({ compose, exec, partitionNetworks }, _spec, service) => disconnectNetworks(compose, exec, service, partitionNetworks),
};

interface Cut {
  readonly container: string;
  readonly network: string;
  readonly aliases: string[];
}

async function disconnectNetworks(compose: Compose, exec: Exec, service: string, wanted: readonly string[]): Promise<ApplyResult> {
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

/**
 * Which of a container's networks disconnect cuts. `wanted` empty: all of them. Names match the full network
 * name or the Compose name (`<project>_<name>`).
 */
export function networksToCut(
  attached: readonly string[],
  wanted: readonly string[],
  project: string,
): { cut: string[]; missing: string[] } {
  if (wanted.length === 0) return { cut: [...attached], missing: [] };
  const cut: string[] = [];
  const missing: string[] = [];
  for (const name of wanted) {
    const hit = attached.find((a) => a === name || a === `${project}_${name}`);
    if (hit === undefined) missing.push(name);
    else if (!cut.includes(hit)) cut.push(hit);
  }
  return { cut, missing };
}

/** Aliases to restore on reconnect: what the container had, minus the short container id Docker adds itself. */
export function aliasesToRestore(aliases: readonly string[] | null | undefined, containerId: string): string[] {
  const shortId = containerId.slice(0, 12);
  return [...new Set((aliases ?? []).filter((a) => a !== shortId && a !== containerId))];
}
