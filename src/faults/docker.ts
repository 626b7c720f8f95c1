// How each fault is done with Docker: each kind's descriptor (kinds/) applies it to a service; cluster-wide
// partitions apply their grudges in every namespace. The fault driver only sees FaultActions, so unit tests can
// count applies and heals without Docker.
import type { Compose } from '../compose/driver.js';
import type { Exec } from '../exec/process.js';
import type { FaultActions } from './actions.js';
import { netContainers } from './containers.js';
import { describeKind } from './kinds/index.js';
import { applyGrudges } from './kinds/partition.js';
import type { DockerFaultEnv } from './kinds/types.js';
import { resetClocks } from './clock.js';
import { undelay, unfilter, type NetnsRunner } from './netns.js';

export type { AppliedFault, ApplyResult, FaultActions } from './actions.js';

export type DockerFaultOptions = Omit<DockerFaultEnv, 'compose' | 'exec'>;

export function dockerFaultActions(compose: Compose, exec: Exec, o: DockerFaultOptions): FaultActions {
  const env: DockerFaultEnv = { ...o, compose, exec };
  return {
    prepare: async (services) => void (await Promise.all(services.map((s) => o.lifecycle.prepare(s)))),
    apply: (spec, service) => describeKind(spec.kind).apply(env, spec, service),
    applyGrudges: (spec, grudges) => applyGrudges(compose, o.netns, spec, grudges),
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
