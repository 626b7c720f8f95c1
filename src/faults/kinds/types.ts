// What every fault kind says about itself. Each kind lives in one file of this folder as one descriptor (how it is
// written in `faults`, what the machine needs for it, how Docker applies and undoes it, who may answer while it
// holds, how sentences name it), and index.ts lists them; the rest of Replicheck asks the descriptor and never
// tests a kind by name, so adding a kind is its file and a line in the registry.
import type { Compose } from '../../compose/driver.js';
import type { Exec } from '../../exec/process.js';
import type { ApplyResult } from '../actions.js';
import type { NetnsRunner } from '../netns.js';
import type { Lifecycle } from '../lifecycle.js';

/** A fault as `faults` names it, parsed: the kind and what its parameter set. */
export interface SpecOf<K extends string> {
  readonly kind: K;
  /** As reports name it: the kind, and its parameter when one was given (`partition:halves`, `loss:30%`). */
  readonly name: string;
  /** partition: a topology over the whole cluster, or the one-way cut of a target. */
  readonly topology?: Topology;
  /** loss: share of the target's packets to and from its peers dropped, 0 < p < 1. */
  readonly loss?: number;
  /** latency: added delay and jitter of the target's packets to its peers. */
  readonly delayMs?: number;
  readonly jitterMs?: number;
  /** clock: seconds the target's wall clock is shifted by (negative: behind). */
  readonly clockOffsetS?: number;
}

/** Partitions over all of the project's nodes (fault-targets ignored), and the one-way cut of a target. */
export const TOPOLOGIES = ['halves', 'majorities-ring', 'bridge', 'one-way'] as const;
export type Topology = (typeof TOPOLOGIES)[number];

/**
 * What a kind needs of the machine the run is on, checked before anything starts: `netns` (root or passwordless
 * sudo, nsenter and iptables, to enter the containers' network namespaces), `netem` (tc, unshare and the kernel's
 * netem queueing discipline), `faketime` (libfaketime on the host, preloaded into the targets). A need also says
 * what a run that dies may leave behind (namespace rules, clock offsets), which the engine's last sweep and the
 * post step undo.
 */
export type Need = 'netns' | 'netem' | 'faketime';

/** What a Docker-level apply may use. */
export interface DockerFaultEnv {
  readonly compose: Compose;
  readonly exec: Exec;
  /** Networks the disconnect fault cuts (empty: all of the service's). */
  readonly partitionNetworks: readonly string[];
  /** Enters containers' network namespaces (as root, or through sudo). */
  readonly netns: NetnsRunner;
  /** Stops, kills, pauses, restarts and starts the service's containers. */
  readonly lifecycle: Lifecycle;
  /** Where the clock fault's offset files are (the compose override mounts it); absent without a clock fault. */
  readonly clockDir?: string;
}

export type Parsed<K extends string> = { readonly spec: SpecOf<K> } | { readonly problem: string };

export interface FaultKindDescriptor<K extends string = string> {
  readonly kind: K;
  /** How `faults` may write it, for the input error's fix, e.g. `loss[:P%]`. */
  readonly syntax: string;
  /** The parameter after the colon (`''` when none): the spec, or one sentence saying what is wrong with `item`. */
  parse(param: string, item: string): Parsed<K>;
  /** How sentences say it: `kv_4 was paused`, `the pause`, and what a node may still be when its heal failed. */
  readonly words: { readonly done: string; readonly noun: string; readonly stillState: string };
  /** Whether clients still reach the target while it holds (a partitioned node does; a paused one does not). */
  readonly answersWhileHeld: boolean;
  /** Whether slow convergence while it holds is measured but not judged (the link works, only worse). */
  readonly measuresOnly: boolean;
  /** Whether the fault ends by itself (restart): it holds as long as it takes, and needs no heal command. */
  readonly healsItself: boolean;
  readonly needs: readonly Need[];
  /**
   * Whether the target is cut off from its peers while its clients still reach it (partition, disconnect): what it
   * answers then comes from its own copy, which every claim below linearizable allows.
   */
  readonly cutsPeers?: true;
  /** Whether it cuts the target's Docker networks, which `partition-networks` chooses (disconnect). */
  readonly cutsNetworks?: true;
  /**
   * Whether writes to the target race the fault: sent one after another until the fault has struck, so a node that
   * acknowledges before it persists or replicates is caught by the durability checks (kill, stop).
   */
  readonly racesWrites?: boolean;
  /**
   * Whether the target writes last: while it holds, keys the other nodes wrote are written again on the target,
   * after the others' writes were acknowledged, so a store that orders writes by a skewed clock keeps the earlier
   * value and the target's acknowledged later write is lost (clock).
   */
  readonly targetWritesLast?: true;
  /** Applies the fault to one service's containers with Docker; the result says how to heal it. */
  apply(env: DockerFaultEnv, spec: SpecOf<K>, service: string): Promise<ApplyResult>;
}

/** The parse of a kind that takes no parameter. */
export function noParameter<K extends string>(kind: K): (param: string, item: string) => Parsed<K> {
  return (param, item) => (param === '' ? { spec: { kind, name: kind } } : { problem: `'${item}': ${kind} takes no parameter` });
}
