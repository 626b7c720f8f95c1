// The one result model. The engine fills it; every reporter (step summary, annotations, outputs, JSON report,
// terminal) only reads it. Plain data, so it serialises as the JSON report unchanged.

import type { Witness } from '../linearizability/index.js';
import type { LatencyQuantiles } from '../core/stats.js';
import type { ByteDifference } from '../core/values.js';
import type { ConsistencyModel } from '../consistency/models.js';
import type { ModelVerdict } from '../consistency/verdict.js';

export type { ModelVerdict };

export const SCHEMA_VERSION = 1;

export type CheckStatus = 'passed' | 'failed' | 'skipped';

/** What a node last answered, bounded for reports. */
export interface Observation {
  readonly status?: number;
  readonly error?: string;
  /** Printable preview of the body (untrusted: reporters escape it). */
  readonly bodyPreview?: string;
  readonly bodyBytes?: number;
  readonly truncated?: boolean;
  /** When the node returned a value other than the one expected: where the two first differ, byte by byte. */
  readonly difference?: ByteDifference;
}

export interface Check {
  readonly id: string;
  /**
   * readiness | replication | restart | recovery | catch-up | durability | workload | liveness | ... `liveness`: a node
   * up after the faults healed did not take or return a fresh write, or a node gave no answer to the final sweep, in
   * time (no data lost, reported apart).
   */
  readonly kind: string;
  readonly title: string;
  readonly status: CheckStatus;
  readonly durationMs: number;
  /** One sentence saying what happened. */
  readonly detail: string;
  /** Service the finding belongs to, so annotations can point at its compose definition. */
  readonly service?: string;
  readonly node?: string;
  readonly expected?: string;
  readonly actual?: Observation;
  readonly waitedMs?: number;
  /**
   * First-run guidance, set where the failure looks like an API the inputs do not describe (a write refused on every
   * node, no written value ever read back, a readiness probe answered 4xx): what was sent, what came back, and the
   * inputs that decide it.
   */
  readonly guidance?: Guidance;
}

/** A request as Replicheck sent it, for a report: secrets redacted, the body bounded (untrusted: reporters escape it). */
export interface SentRequest {
  readonly method: string;
  readonly url: string;
  readonly bodyPreview?: string;
  /** Names of the extra headers (input `headers`); their values are secret and never recorded. */
  readonly headers?: readonly string[];
}

export interface Guidance {
  /** One sentence: what the answer suggests about the setup. */
  readonly hint: string;
  readonly request: SentRequest;
  readonly answer: Observation;
  /** The inputs that decide this request or how its answer is read, the likeliest first. */
  readonly inputs: readonly string[];
}

export interface NodeInfo {
  readonly url: string;
  /** Service name where the URL maps to one, else host:port. */
  readonly label: string;
  readonly service?: string;
  /** Why the URL maps (or does not map) to a service. */
  readonly mapping: string;
  /** Set when input `writers` names other nodes: this one takes no writes (a read replica), only reads. */
  readonly readOnly?: true;
  /** Milliseconds from the end of `compose up` until the node first answered below 500. */
  readonly readyMs?: number;
}

export interface Phase {
  readonly name: string;
  /** Milliseconds since the run started. */
  readonly startMs: number;
  readonly endMs: number;
  readonly status: 'ok' | 'failed';
  readonly note?: string;
}

/** Time from a write's acknowledgement until each reader first returned the value; null: never within the timeout. */
export interface ConvergenceMatrix {
  readonly writers: readonly string[];
  readonly readers: readonly string[];
  readonly ms: readonly (readonly (number | null)[])[];
}

export interface ServiceLog {
  readonly service: string;
  /** Bounded tail of the log (untrusted). */
  readonly text: string;
}

export interface RunError {
  readonly message: string;
  readonly fix?: string;
  readonly input?: string;
  /** Bounded output of the failing program (untrusted). */
  readonly detail?: string;
}

export interface RunResult {
  readonly schemaVersion: typeof SCHEMA_VERSION;
  readonly tool: { readonly name: 'replicheck'; readonly version: string };
  readonly verdict: 'passed' | 'failed';
  readonly startedAt: string;
  readonly durationMs: number;
  readonly project: {
    readonly name: string;
    readonly directory: string;
    readonly composeFiles: readonly string[];
    readonly compose?: { readonly kind: 'v2' | 'v1'; readonly version: string };
  };
  /** Where each service is defined, for annotations on the pull request diff. */
  readonly serviceLocations: Readonly<Record<string, { readonly file: string; readonly line: number }>>;
  readonly nodes: readonly NodeInfo[];
  readonly phases: readonly Phase[];
  readonly checks: readonly Check[];
  readonly convergence: ConvergenceMatrix;
  readonly maxConvergenceMs: number | null;
  readonly logs: readonly ServiceLog[];
  readonly errors: readonly RunError[];
  /** The run's seed: the same seed and inputs make the same random choices (input `seed`). Absent on bad input. */
  readonly seed?: number;
  readonly teardown: { readonly policy: string; readonly performed: boolean; readonly leftovers?: readonly string[] };
  /** The concurrent workload (input `workload`), when one ran. */
  readonly workload?: WorkloadSection;
  /** One entry per fault of the fault suite (the `faults` input), in the order they ran. */
  readonly faults?: readonly FaultReport[];
  /** What replays the run: its seed, the schedule it ran and a CLI command line. Absent on bad input. */
  readonly replay?: ReplayRecord;
  /** Input `shrink`: the failing schedule made smaller by reruns on the same cluster. */
  readonly shrink?: ShrinkRecord;
}

export interface ReplayRecord {
  readonly seed: number;
  /** The fault schedule as it ran (random or explicit), one `at <T>s <fault> <target> for <D>s` line per fault. */
  readonly schedule?: string;
  /** `replicheck run --seed N …` with the run's inputs that are not their defaults; secret inputs never. */
  readonly command?: string;
  /** Inputs that were set but left out of the command because they are secret: set them again yourself. */
  readonly omitted?: readonly string[];
}

export interface ShrinkRecord {
  /** The check family the schedule failed with (`workload:model:causal`, `liveness`, ...), which every rerun is held to. */
  readonly family: string;
  /** The schedule that failed, and the smallest that still failed the same way, both in schedule syntax. */
  readonly original: string;
  readonly minimal: string;
  readonly originalFaults: number;
  readonly minimalFaults: number;
  /** Removing any one fault of `minimal` made it pass (each such schedule rerun `reproduce.m` times): proven, not assumed. */
  readonly oneMinimal: boolean;
  /** A candidate reproduced when `k` of at most `m` reruns failed with `family`. */
  readonly reproduce: { readonly k: number; readonly m: number };
  /** Reruns of `minimal` after the search and how many failed with `family`; absent when the budget was spent. */
  readonly rate?: { readonly failed: number; readonly runs: number };
  readonly reruns: number;
  readonly maxReruns: number;
  readonly elapsedMs: number;
  readonly budgetMs: number;
  /** done: the search ended by itself; runs, budget: it stopped at `shrink` or `shrink-budget`; cancelled. */
  readonly stoppedBy: 'done' | 'runs' | 'budget' | 'cancelled';
  /** Each candidate rerun, in order: its schedule, whether it reproduced, and the reruns it took. */
  readonly tried: readonly { readonly schedule: string; readonly reproduced: boolean; readonly reruns: number }[];
}

/** What one fault did and what it found; every time is milliseconds. */
export interface FaultReport {
  /** restart | stop | kill | pause | partition */
  readonly kind: string;
  readonly target: string;
  /** How it was done (compose verb, networks cut). */
  readonly action: string;
  /** Since the run started; absent when the fault could not be applied. */
  readonly beganMs?: number;
  readonly healedMs?: number;
  readonly heldMs?: number;
  readonly writesAccepted: number;
  /** Writes not acknowledged while the fault held, refused or indeterminate. */
  readonly writesRefused: number;
  /**
   * Of the writes not acknowledged, those the answer did not prove refused (a 5xx outside refusal-statuses, a
   * timeout): they may have taken effect, so no check expects them present or absent.
   */
  readonly writesIndeterminate?: number;
  /**
   * Nodes that answered reads from their own copy while the fault cut them off, under a claim that allows it
   * (anything below linearizable): which keys they served stale, and for how long they were seen doing it.
   */
  readonly servedStale?: readonly { readonly node: string; readonly keys: readonly string[]; readonly staleForMs: number }[];
  /** Nodes that refused a write or a read while the fault held (availability loss, not a failure by itself). */
  readonly refusedBy: readonly string[];
  /** full | partial | none | n/a */
  readonly availability: string;
  /**
   * Slowest convergence of a write made while the fault held, on the live nodes; null: some node never got it;
   * absent: nothing to check.
   */
  readonly convergenceMs?: number | null;
  /** Nodes that kept answering without an acknowledged value while the fault held, past the convergence timeout. */
  readonly staleNodes: readonly string[];
  /**
   * Writes that raced the fault to its target (kill, stop): how many were sent and acknowledged, and how long before
   * the target stopped answering (its first failed write, or the fault's return) the last acknowledgement came.
   */
  readonly race?: { readonly sent: number; readonly acked: number; readonly lastAckGapMs?: number };
  /** Requests Replicheck sent while the fault held: latency quantiles in ms, and how many failed or got a 5xx. */
  readonly requests?: LatencyQuantiles & { readonly errors: number };
  /** From healing until every faulted node answered again. */
  readonly recoveryMs?: number;
  /** From recovery until the faulted node returned every write made while the fault held. */
  readonly catchUpMs?: number;
  /** Keys acknowledged before the fault that a node returned (or acknowledged) before and no longer returns after it healed. */
  readonly lostKeys: readonly string[];
  /**
   * Every key acknowledged before the fault that some node does not return after it healed, lost or never had;
   * absent when it equals lostKeys.
   */
  readonly missingKeys?: readonly string[];
  readonly verdict: 'passed' | 'failed';
  /** Ids of this fault's checks. */
  readonly checkIds: readonly string[];
}

export type { LatencyQuantiles };

export interface OpCounts {
  readonly ok: number;
  readonly fail: number;
  /** Indeterminate: timed out or errored in a way that may or may not have taken effect. */
  readonly info: number;
}

export interface WorkloadKeyResult {
  readonly key: string;
  readonly operations: number;
  /** linearizable | not-linearizable | unknown (linearizable mode); converged | not-converged | illegal-final-value (eventual). */
  readonly verdict: string;
  readonly passed: boolean;
  /** One sentence (may quote values servers returned: untrusted). */
  readonly detail: string;
  /** eventual: the value every node converged to (null: missing everywhere). */
  readonly finalValue?: string | null;
  /** eventual: what each node held at the end (untrusted). */
  readonly nodeValues?: readonly { readonly node: string; readonly value: string | null | undefined }[];
  /** linearizable: what decided, the search or the unique-value zones (no search). */
  readonly algorithm?: 'search' | 'unique-values';
  /** linearizable, failed key: the checker's witness, structured and as text. */
  readonly witness?: Witness;
  readonly witnessText?: string;
}

export interface WorkloadSection {
  readonly model: 'register' | 'cas-register';
  /** The run's claim: the model whose violation fails the run. */
  readonly consistency: ConsistencyModel;
  /** How clients picked nodes: every operation to a random node, or each client on one node. */
  readonly sessions: 'roaming' | 'sticky';
  readonly clients: number;
  /** The duration asked for, and how long the clients actually ran. */
  readonly durationMs: number;
  readonly elapsedMs: number;
  /** Seed of the clients' random choices; the same seed replays the same choices. */
  readonly seed: number;
  readonly keys: readonly string[];
  /** True when the operation cap ended the workload early. */
  readonly capped: boolean;
  /** How many times the clients ran when more than once: once per fault while the fault suite held each fault. */
  readonly runs?: number;
  readonly operations: OpCounts & { readonly total: number };
  readonly perNode: readonly { readonly node: string; readonly read: OpCounts; readonly write: OpCounts }[];
  readonly latency: { readonly read: LatencyQuantiles | null; readonly write: LatencyQuantiles | null };
  /** Per key, by the claim: linearizability under `linearizable`, else convergence to a value that can be last. */
  readonly keyResults: readonly WorkloadKeyResult[];
  /** Under `linearizable`, convergence per key too (which every claim requires); absent otherwise (keyResults has it). */
  readonly convergence?: readonly WorkloadKeyResult[];
  /** The history checked against every model of the ladder (consistency/models.ts). */
  readonly models?: ModelsRecord;
  /** Milliseconds the verdict took (linearizability search, or waiting for convergence). */
  readonly checkMs: number;
  /**
   * The full history: JSON (the checker's own form), Jepsen EDN and the page that shows it, next to each other.
   * Absent when it could not be written.
   */
  readonly history?: { readonly json: string; readonly edn: string; readonly html?: string };
}

/** Every model's verdict on the workload's history, and the strongest the run climbed to. */
export interface ModelsRecord {
  readonly claim: ConsistencyModel;
  readonly sessions: 'roaming' | 'sticky';
  /**
   * The highest model that held together with every model before it on the ladder; null when not even `eventual`
   * held. The headline of every report and the `strongest-model` output.
   */
  readonly strongest: ConsistencyModel | null;
  readonly models: readonly ModelVerdict[];
}

/** The run fails when any check failed or the run could not be carried out; skipped checks do not fail it. */
export function decideVerdict(checks: readonly Check[], errors: readonly RunError[]): 'passed' | 'failed' {
  if (errors.length > 0) return 'failed';
  return checks.some((c) => c.status === 'failed') ? 'failed' : 'passed';
}

export function maxConvergence(matrix: ConvergenceMatrix): number | null {
  let max: number | null = null;
  for (const row of matrix.ms) for (const v of row) if (v !== null && (max === null || v > max)) max = v;
  return max;
}
