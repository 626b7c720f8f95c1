// A fault applied to several services together: each service's fault is applied at the same time, and healing
// heals all of them. Built over FaultActions only, so the unit tests drive it with an in-memory cluster.
import { threw, type ActiveFaults, type HealOutcome } from './active.js';
import type { ApplyResult, FaultActions } from './docker.js';
import type { FaultSpec } from './kinds/index.js';
import type { FaultStep } from './plan.js';

/** A step applied and registered as held: heal() heals it once, whoever (its driver, or the engine) calls first. */
export type HeldStep =
  | { readonly ok: true; readonly description: string; readonly heal: () => Promise<HealOutcome> }
  | { readonly ok: false; readonly detail: string; readonly input?: string };

/**
 * Applies one planned step, as the sequence and the random schedule both do: a cluster-wide partition as its
 * grudges, anything else on each of its services at once; registers what applied with the faults held.
 */
export async function applyStep(actions: FaultActions, active: ActiveFaults, step: FaultStep): Promise<HeldStep> {
  const a = step.grudges ? await actions.applyGrudges(step.spec, step.grudges) : await applyTogether(actions, step.spec, step.services);
  if (!a.ok) return { ok: false, detail: a.detail, ...(a.input !== undefined ? { input: a.input } : {}) };
  return { ok: true, description: a.fault.description, heal: active.add(`${step.spec.name} ${step.target}`, () => a.fault.heal()) };
}

export async function applyTogether(actions: FaultActions, kind: FaultSpec, services: readonly string[]): Promise<ApplyResult> {
  if (services.length === 1) return actions.apply(kind, services[0]!);
  // At once, not in turn: with a quorum store, faulting one member and then the next would let a leader change
  // happen in between, and the group would not be lost together.
  const results = await Promise.all(
    services.map(async (service) => ({ service, r: await actions.apply(kind, service).catch(threw('applying')) })),
  );
  const applied = results.flatMap(({ service, r }) => (r.ok ? [{ service, fault: r.fault }] : []));
  const healAll = async (): Promise<HealOutcome> => {
    const outcomes = await Promise.all(
      applied.map(async ({ service, fault }) => ({
        service,
        o: await fault.heal().catch(threw('healing')),
      })),
    );
    const bad = outcomes.filter((x) => !x.o.ok);
    return bad.length === 0
      ? { ok: true, detail: outcomes.map((x) => x.o.detail).join('; ') }
      : { ok: false, detail: bad.map((x) => `${x.service}: ${x.o.detail}`).join('; ') };
  };
  const failures = results.filter((x) => !x.r.ok) as { service: string; r: Extract<ApplyResult, { ok: false }> }[];
  if (failures.length > 0) {
    // The services whose fault did apply must not stay faulted.
    const healed = applied.length > 0 ? await healAll() : undefined;
    const input = failures.find((f) => f.r.input !== undefined)?.r.input;
    const detail =
      failures.map((f) => `${f.service}: ${f.r.detail}`).join('; ') +
      (healed && !healed.ok ? `; healing the others failed too: ${healed.detail}` : '');
    return { ok: false, detail, ...(input !== undefined ? { input } : {}) };
  }
  return { ok: true, fault: { description: applied.map((a) => a.fault.description).join('; '), heal: healAll } };
}
