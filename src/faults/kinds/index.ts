// The registry of fault kinds: one line a kind. A descriptor's `kind` must equal its key (the compiler checks), the
// list of kinds `faults` accepts is this registry's keys, and everything that differs between kinds is asked of
// the descriptor, so adding a kind is its file in this folder and its line here.
import { clock } from './clock.js';
import { disconnect } from './disconnect.js';
import { kill } from './kill.js';
import { latency } from './latency.js';
import { loss } from './loss.js';
import { partition } from './partition.js';
import { pause } from './pause.js';
import { restart } from './restart.js';
import { stop } from './stop.js';
import type { FaultKindDescriptor, Need, SpecOf } from './types.js';

export { TOPOLOGIES, type Topology } from './types.js';

function registry<const R extends { readonly [K in keyof R]: FaultKindDescriptor<K & string> }>(kinds: R): R {
  return kinds;
}

export const KINDS = registry({ restart, stop, kill, pause, partition, disconnect, loss, latency, clock });

export type FaultKind = keyof typeof KINDS;
/** A fault as `faults` names it, parsed: its kind and what its parameter set. */
export type FaultSpec = SpecOf<FaultKind>;
export const FAULT_KINDS = Object.keys(KINDS) as FaultKind[];

export function describeKind(kind: FaultKind): FaultKindDescriptor {
  return KINDS[kind] as FaultKindDescriptor;
}

export function isFaultKind(name: string): name is FaultKind {
  return Object.hasOwn(KINDS, name);
}

/** Parses `faults` entries in order (repeats kept); every entry that is not a fault is one problem sentence. */
export function parseFaultSpecs(items: readonly string[]): { specs: FaultSpec[]; problems: string[] } {
  const specs: FaultSpec[] = [];
  const problems: string[] = [];
  for (const item of items) {
    const r = parseFaultSpec(item);
    if ('problem' in r) problems.push(r.problem);
    else specs.push(r.spec);
  }
  return { specs, problems };
}

export function parseFaultSpec(item: string): { spec: FaultSpec } | { problem: string } {
  const [rawKind, ...rest] = item.split(':');
  const kind = (rawKind ?? '').trim().toLowerCase();
  if (!isFaultKind(kind)) return { problem: `'${item}' is not a fault` };
  return describeKind(kind).parse(rest.join(':').trim(), item) as { spec: FaultSpec } | { problem: string };
}

/** How `faults` may write each kind, for an input error's fix. */
export function faultSyntax(): string {
  return FAULT_KINDS.map((k) => KINDS[k].syntax).join(', ');
}

/** Everything the given faults need of the machine, each need once. */
export function needsOf(specs: readonly Pick<FaultSpec, 'kind'>[]): Set<Need> {
  return new Set(specs.flatMap((s) => KINDS[s.kind].needs));
}
