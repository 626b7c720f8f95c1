// Pure planning and verdicts of the fault suite: which fault runs against which service, in what order, which
// nodes stay live while it holds, and how the findings of one fault add up to its verdict. No I/O here.
import type { Check, NodeInfo } from '../model/result.js';
import { decideVerdict } from '../model/result.js';
import type { AckedWrite } from '../checks/seen.js';
import { describeKind, type FaultKind, type FaultSpec } from './kinds/index.js';
import { isClusterWide, topologyGrudges, type ClusterTopology } from './kinds/partition.js';

export interface FaultStep {
  /** 1-based position in the suite. */
  readonly index: number;
  readonly kind: FaultKind;
  /** The fault as `faults` named it, with its parameter. */
  readonly spec: FaultSpec;
  /** Cluster-wide partitions: [a, b] means service a receives nothing from service b. */
  readonly grudges?: readonly (readonly [string, string])[];
  /** What the fault is applied to, as written in the report: one service, or a group joined by `+`. */
  readonly target: string;
  /** The compose service(s) the fault is applied to, together. */
  readonly services: readonly string[];
  /** Prefix of every check id of this fault, e.g. `fault:kill:kv_4` or `fault:pause:etcd_1+etcd_2`. */
  readonly idPrefix: string;
  /** Name of the engine phase (and timeline row). */
  readonly phase: string;
  /** Nodes published by the faulted service(s). */
  readonly targets: readonly NodeInfo[];
  /** Nodes of every other service: expected to stay live. */
  readonly others: readonly NodeInfo[];
  /**
   * Writers written to while the fault holds. A paused, stopped or killed target cannot answer (a paused one would
   * only hang until the request timeout); a partitioned one may still be reachable on another network, and
   * whether it then refuses or serves is exactly what the check wants to see. When the fault leaves no writer up
   * (the primary is the target), the faulted writers are written to all the same: their refusals are the
   * availability loss the report shows.
   */
  readonly writeTo: readonly NodeInfo[];
  /** Nodes whose reads must converge (or be refused) while the fault holds. */
  readonly readFrom: readonly NodeInfo[];
  /** Whose words the checks use: the fault suite's, or the restart check's (`restart-target`). */
  readonly voice: 'fault' | 'restart';
  /**
   * Write on every node just before applying the fault, so a write lost on the way down is caught. The restart
   * check (`restart-target`) has always judged durability by the replication writes alone, and keeps doing so.
   */
  readonly writeBefore: boolean;
}

export interface FaultPlanInput {
  readonly specs: readonly FaultSpec[];
  /** Each entry is faulted as one: a single service, or several at once. */
  readonly groups: readonly (readonly string[])[];
  readonly nodes: readonly NodeInfo[];
  /** The nodes that take writes; absent: every node not marked read-only (input writers). */
  readonly writers?: readonly NodeInfo[];
  /** Orders the nodes of a cluster-wide partition (from the run's seed), so which side a node is on varies. */
  readonly shuffle?: <T>(items: readonly T[]) => T[];
}

/** The name a group goes by in ids, phases and reports. */
export function groupName(services: readonly string[]): string {
  return services.join('+');
}

/**
 * Every fault in the order given, each against every group in the order given; a cluster-wide partition
 * (`partition:halves`, `majorities-ring`, `bridge`) once, over all of the project's services.
 */
export function planFaults(input: FaultPlanInput): FaultStep[] {
  const steps: FaultStep[] = [];
  const seen = new Map<string, number>();
  const services = [...new Set(input.nodes.flatMap((n) => (n.service ? [n.service] : [])))];
  const writers = input.writers ?? input.nodes.filter((n) => n.readOnly !== true);
  const isWriter = (node: NodeInfo): boolean => writers.some((w) => w.url === node.url);
  for (const spec of input.specs) {
    const wide = isClusterWide(spec);
    for (const group of wide ? [services] : input.groups) {
      const target = wide ? 'cluster' : groupName(group);
      const base = `fault:${spec.name}:${target}`;
      const n = (seen.get(base) ?? 0) + 1;
      seen.set(base, n);
      const inGroup = (node: NodeInfo): boolean => node.service !== undefined && group.includes(node.service);
      const targets = input.nodes.filter(inGroup);
      const others = input.nodes.filter((node) => !inGroup(node));
      const reachable = describeKind(spec.kind).answersWhileHeld ? [...others, ...targets] : [...others];
      const writeTo = reachable.filter(isWriter);
      const grudges = wide ? grudgesFor(spec.topology as ClusterTopology, (input.shuffle ?? ((x) => [...x]))(services)) : undefined;
      steps.push({
        index: steps.length + 1,
        kind: spec.kind,
        spec,
        ...(grudges ? { grudges } : {}),
        target,
        services: [...group],
        idPrefix: n > 1 ? `${base}#${n}` : base,
        phase: `${spec.name} ${target}${n > 1 ? ` #${n}` : ''}`,
        targets,
        others,
        writeTo: order(input.nodes, writeTo.length > 0 ? writeTo : targets.filter(isWriter)),
        readFrom: order(input.nodes, reachable),
        voice: 'fault',
        writeBefore: true,
      });
    }
  }
  return steps;
}

function grudgesFor(topology: ClusterTopology, ordered: readonly string[]): [string, string][] {
  return topologyGrudges(topology, ordered.length).drops.map(([a, b]) => [ordered[a]!, ordered[b]!]);
}

function order(all: readonly NodeInfo[], subset: readonly NodeInfo[]): NodeInfo[] {
  return all.filter((n) => subset.includes(n));
}

/**
 * `restart-target` alone: the restart fault in the restart check's voice, with its ids (`restart:recovery:kv_4`)
 * and its phase name (`restart`), as reports and users have always known it.
 */
export function planRestartCheck(service: string, nodes: readonly NodeInfo[], writers?: readonly NodeInfo[]): FaultStep {
  const [step] = planFaults({ specs: [{ kind: 'restart', name: 'restart' }], groups: [[service]], nodes, ...(writers ? { writers } : {}) });
  return { ...step!, idPrefix: 'restart', phase: 'restart', voice: 'restart', writeBefore: false };
}

/** A problem with the plan itself, reported as a failed check rather than a crash. */
export function planProblem(step: FaultStep): string | undefined {
  const many = step.services.length > 1;
  if (step.grudges) {
    return step.services.length < 3
      ? `${step.spec.name} needs at least three services; the project has ${step.services.length}.`
      : undefined;
  }
  if (step.others.length === 0) {
    return (
      `Every server maps to ${many ? `a service of ${step.target}` : step.target}; list at least one server of another ` +
      `service so something stays up to take writes${many ? ', or fault fewer services at once' : ''}.`
    );
  }
  const unpublished = step.services.filter((s) => !step.targets.some((n) => n.service === s));
  if (unpublished.length > 0) {
    const names = unpublished.join(', ');
    return (
      `None of the servers is published by ${names}, so ${unpublished.length > 1 || many ? 'their' : 'its'} recovery and ` +
      `catch-up cannot be checked. Check the servers' ports against the compose ` +
      `file${many ? ', or leave those services out of the group' : ''}.`
    );
  }
  return undefined;
}

/** How one read while a fault holds ended. */
export type ReadState = 'converged' | 'refused' | 'stale';

/**
 * A node that answers a read below 500 without the acknowledged value is serving stale data; a node that refuses
 * (5xx, connection error, timeout) is unavailable, which is allowed while a fault holds.
 */
export function classifyRead(answer: { ok: boolean; status?: number; matches: boolean }): ReadState {
  if (answer.ok && answer.matches) return 'converged';
  if (!answer.ok || (answer.status ?? 0) >= 500) return 'refused';
  return 'stale';
}

export type Availability = 'full' | 'partial' | 'none' | 'n/a';

/** Refused writes are availability loss, never data loss: reported, not failed. */
export function availability(accepted: number, refused: number): Availability {
  if (accepted + refused === 0) return 'n/a';
  if (refused === 0) return 'full';
  return accepted === 0 ? 'none' : 'partial';
}

export type { AckedWrite };

/** Keys a node no longer returns, in the order they were written. */
export function lostKeys(written: readonly AckedWrite[], kept: ReadonlySet<string>): string[] {
  return written.filter((w) => !kept.has(w.key)).map((w) => w.key);
}

/**
 * Later faults check durability of everything acknowledged so far, except keys already reported lost. A key
 * written again keeps its latest value: the earlier one is rightly gone.
 */
export function carryForward(written: readonly AckedWrite[], lost: ReadonlySet<string>): AckedWrite[] {
  return latestPerKey(written).filter((w) => !lost.has(w.key));
}

/** The last write of each key, in the order of those last writes (writes come in acknowledgement order). */
export function latestPerKey(written: readonly AckedWrite[]): AckedWrite[] {
  const last = new Map<string, AckedWrite>();
  for (const w of written) last.set(w.key, w);
  return written.filter((w) => last.get(w.key) === w);
}

/** A fault fails when any of its checks failed; skipped checks (nothing to check) do not fail it. */
export function faultVerdict(checks: readonly Check[]): 'passed' | 'failed' {
  return decideVerdict(checks, []);
}
