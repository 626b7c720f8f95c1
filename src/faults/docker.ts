// How each fault is done, over the Compose driver and plain docker (network disconnect/connect). The cycle only
// sees FaultActions, so unit tests can count applies and heals without Docker.
import type { Compose } from '../compose/driver.js';
import type { Exec, ExecResult } from '../exec/process.js';
import type { InspectedContainer } from '../compose/ports.js';
import type { HealOutcome } from './active.js';
import type { FaultKind } from './plan.js';
import { aliasesToRestore, networksToCut } from './plan.js';
import { tailText } from '../util/text.js';

export interface AppliedFault {
  /** One line saying what was done, for the report. */
  readonly description: string;
  /** Undoes the fault (for restart: waits for the restart to finish). */
  heal(): Promise<HealOutcome>;
}

export type ApplyResult = { readonly ok: true; readonly fault: AppliedFault } | { readonly ok: false; readonly detail: string; readonly input?: string };

export interface FaultActions {
  apply(kind: FaultKind, service: string): Promise<ApplyResult>;
}

const SECOND = 1000;

function said(r: ExecResult): string {
  return tailText(`${r.stderr}\n${r.stdout}`.trim(), 5) || `exit ${r.code ?? 'signal'}${r.timedOut ? ' (timed out)' : ''}`;
}

export function dockerFaultActions(compose: Compose, exec: Exec, partitionNetworks: readonly string[]): FaultActions {
  const verb = async (v: 'stop' | 'start' | 'kill' | 'pause' | 'unpause', service: string): Promise<HealOutcome> => {
    const r = await compose.serviceCommand(v, service);
    return { ok: r.code === 0, detail: r.code === 0 ? `compose ${v} ${service}` : `compose ${v} ${service} failed: ${said(r)}` };
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
    async apply(kind, service) {
      switch (kind) {
        case 'restart': {
          const running = compose.restart(service);
          return {
            ok: true,
            fault: {
              description: `compose restart ${service}`,
              heal: async () => {
                const r = await running;
                return { ok: r.code === 0, detail: r.code === 0 ? `compose restart ${service}` : `compose restart ${service} failed: ${said(r)}` };
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
        case 'partition':
          return partition(compose, exec, service, partitionNetworks);
      }
    },
  };
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
      if (r.code !== 0 && !/already exists/i.test(r.stderr)) problems.push(`connect ${cut.network}: ${said(r)}`);
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
    return problems.length === 0 ? { ok: true, detail: `reconnected ${service} to ${names} with its aliases` } : { ok: false, detail: problems.join('; ') };
  };

  for (const cut of plan) {
    const r = await exec.run('docker', ['network', 'disconnect', cut.network, cut.container], { timeoutMs: 30 * SECOND });
    if (r.code !== 0) {
      await heal();
      return { ok: false, detail: `docker network disconnect ${cut.network} failed: ${said(r)}` };
    }
    done.push(cut);
  }
  const names = [...new Set(plan.map((d) => d.network))].join(', ');
  return { ok: true, fault: { description: `docker network disconnect ${service} from ${names}, then reconnect with its aliases`, heal } };
}
