// The concurrent register workload: a fixed number of clients, each a bounded loop that sends a random read or
// write of a random key to a random node until the duration is over. Every operation is recorded with invoke and
// completion times from the monotonic clock, and every one is kept: errors become `fail` or `info` (outcome.ts),
// never dropped, because dropping an indeterminate write would hide the very anomalies the checker looks for.
import type { KvApi } from '../checks/kv-api.js';
import type { Clock } from '../core/clock.js';
import type { History, HistoryOperation, OpType, Value } from '../linearizability/index.js';
import { classifyCas, classifyRead, classifyWrite } from './outcome.js';
import { clientRandom, pick } from '../core/random.js';

export interface WorkloadNode {
  readonly url: string;
  readonly label: string;
  /** A read replica (input writers names other nodes): it gets reads only. */
  readonly readOnly?: true;
}

export interface WorkloadPlan {
  readonly clients: number;
  readonly durationMs: number;
  readonly keys: readonly string[];
  readonly seed: number;
  /** Prefix of every written value; with the client and its counter it makes each value unique. */
  readonly valuePrefix: string;
  /** Turns that unique head into a value of the run's format (value-format); default: the head as it is. */
  readonly formatValue?: (head: string) => string;
  /** Share of reads, 0..1 (default 0.5). */
  readonly readRatio?: number;
  /** cas-register: half of the non-reads are compare-and-set from the last value the client saw of the key. */
  readonly model?: 'register' | 'cas-register';
  /** Hard cap on operations over all clients, so a very fast service cannot produce an uncheckable history. */
  readonly maxOperations?: number;
  /** Past the duration, the clients go on while this says so (the faults they run through are not over yet). */
  readonly keepRunning?: () => boolean;
  /** Operations a second over all clients at most (default MAX_RATE); each client paces itself to its share. */
  readonly maxRate?: number;
  /** roaming (default): each operation to a drawn node; sticky: client i always on node i mod nodes. */
  readonly sessions?: 'roaming' | 'sticky';
  /**
   * The nodes that take writes, among `nodes`; absent: every node not marked read-only. Writes and compare-and-sets go
   * to a writer only: sticky, the client's own node when it is one, else a writer of its own; roaming, a drawn one.
   */
  readonly writers?: readonly WorkloadNode[];
}

/** An operation with the fields only the reports need (the history keeps what the checker needs). */
export interface OperationRecord {
  readonly op: HistoryOperation;
  /** When the answer (or the error) arrived; unlike `op.complete` it is set for `info` operations too. */
  readonly endedAt: number;
}

export interface WorkloadRun {
  readonly history: History;
  readonly records: readonly OperationRecord[];
  /** Start and end of the workload on the clock. */
  readonly startedAt: number;
  readonly endedAt: number;
  /** True when the operation cap stopped the clients before the duration was over. */
  readonly capped: boolean;
}

/**
 * Hard cap on a history's operations, and the pace that keeps a workload under it for minutes: a fast store would
 * otherwise reach the cap in seconds and the clients would stop before the faults they run through are over.
 * 100,000 operations check in seconds (values are unique) and draw in a page of a few MiB.
 */
export const DEFAULT_MAX_OPERATIONS = 100_000;
export const MAX_RATE = 500;

// Times in the history are milliseconds since the workload started, kept to microseconds.
const round = (ms: number): number => Math.round(ms * 1000) / 1000;

/**
 * Collects the operations of one workload, possibly over several runs of the clients (one per fault window):
 * one clock origin, one operation cap and one value counter per client, so values stay unique across runs.
 */
export class WorkloadRecorder {
  readonly t0: number;
  readonly records: OperationRecord[] = [];
  started = 0;
  capped = false;
  private readonly counters = new Map<number, number>();

  constructor(
    readonly clock: Clock,
    readonly model: 'register' | 'cas-register' = 'register',
  ) {
    this.t0 = clock.now();
  }

  nextValue(prefix: string, client: number): string {
    const n = (this.counters.get(client) ?? 0) + 1;
    this.counters.set(client, n);
    return `${prefix}-c${client}-${n}`;
  }

  /** The history so far, operations in invocation order and numbered in that order. */
  finish(): WorkloadRun {
    const sorted = [...this.records].sort((a, b) => a.op.invoke - b.op.invoke);
    const numbered = sorted.map((r, i) => ({ op: { id: i, ...r.op }, endedAt: r.endedAt }));
    return {
      history: { schemaVersion: 1, model: this.model, initialValue: null, operations: numbered.map((r) => r.op) },
      records: numbered,
      startedAt: this.t0,
      endedAt: this.clock.now(),
      capped: this.capped,
    };
  }
}

/** Runs the clients once, for the plan's duration or until `signal` aborts, recording into `recorder`. */
export async function runClients(
  recorder: WorkloadRecorder,
  api: KvApi,
  nodes: readonly WorkloadNode[],
  plan: WorkloadPlan,
  signal: AbortSignal,
  round0 = 0,
): Promise<void> {
  if (nodes.length === 0 || plan.keys.length === 0 || plan.clients < 1) throw new Error('a workload needs nodes, keys and clients');
  const { clock, t0 } = recorder;
  const end = clock.now() + plan.durationMs;
  const maxOps = plan.maxOperations ?? DEFAULT_MAX_OPERATIONS;
  const readRatio = plan.readRatio ?? 0.5;
  const intervalMs = (1000 * plan.clients) / (plan.maxRate ?? MAX_RATE);
  const nodeFor = nodeChooser(nodes, plan.writers, plan.clients, plan.sessions ?? 'roaming');
  const cas = plan.model === 'cas-register' ? api.cas : undefined;
  const client = async (id: number): Promise<void> => {
    // A different stream per run (round) of the same client, so fault windows do not replay each other's choices.
    const random = clientRandom(plan.seed + round0 * 7919, id);
    // The last value this client saw of each key: what its compare-and-set expects.
    const lastSeen = new Map<string, string>();
    // An operation that may or may not have taken effect leaves its process open for good, as Jepsen's clients do:
    // the client goes on as a new process, so each process's operations stay one after another.
    let process = id;
    // Bounded by time (and the faults still running), by the shared operation cap and by cancellation.
    while ((clock.now() < end || plan.keepRunning?.() === true) && !signal.aborted) {
      if (recorder.started >= maxOps) {
        recorder.capped = true;
        return;
      }
      recorder.started++;
      const drawn = pick(random, nodes); // drawn in both modes: a seed makes the same choices
      const key = pick(random, plan.keys);
      const isRead = random() < readRatio;
      const expected = !isRead && cas && random() < 0.5 ? lastSeen.get(key) : undefined;
      const node = nodeFor.take(drawn, id, !isRead, random);
      const written = isRead ? undefined : (plan.formatValue ?? String)(recorder.nextValue(plan.valuePrefix, id));
      const invoke = clock.now();
      const outcome: { f: 'read' | 'write' | 'cas'; value: Value | [Value, Value]; type: OpType; error?: string; succeeded?: false } =
        written === undefined
          ? { f: 'read', ...classifyRead(await api.read(node.url, key, signal), api.codec) }
          : expected !== undefined && cas
            ? { f: 'cas', value: [expected, written], ...classifyCas(await cas(node.url, key, expected, written, signal)) }
            : { f: 'write', value: written, ...classifyWrite(await api.write(node.url, key, written, signal)) };
      const done = clock.now();
      nodeFor.release(node);
      if (outcome.type === 'ok') {
        const now =
          outcome.f === 'cas'
            ? outcome.succeeded === false
              ? undefined
              : written
            : outcome.f === 'write'
              ? written
              : (outcome.value as Value);
        if (typeof now === 'string') lastSeen.set(key, now);
      }
      recorder.records.push({
        op: {
          process,
          node: node.label,
          key,
          f: outcome.f,
          value: outcome.value,
          type: outcome.type,
          ...(outcome.succeeded === false ? { succeeded: false } : {}),
          invoke: round(invoke - t0),
          complete: outcome.type === 'info' ? null : round(done - t0),
          ...(outcome.error !== undefined ? { error: outcome.error } : {}),
        },
        endedAt: round(done - t0),
      });
      if (outcome.type === 'info') process += plan.clients;
      const wait = invoke + intervalMs - clock.now();
      if (wait > 0) await clock.sleep(wait, signal);
    }
  };

  await Promise.all(Array.from({ length: plan.clients }, (_, i) => client(i)));
}

type Sessions = 'roaming' | 'sticky';

/**
 * At most a node's share of the clients wait on it at once, so a node that hangs holds those and the rest keep the
 * other nodes busy (with every client free to pick any node, nearly all would sit in a hung node's timeouts). A
 * drawn node that is full gives way to the next one that is not.
 */
function nodeChooser(nodes: readonly WorkloadNode[], only: readonly WorkloadNode[] | undefined, clients: number, sessions: Sessions) {
  const writers = only ? nodes.filter((n) => only.some((w) => w.label === n.label)) : nodes.filter((n) => n.readOnly !== true);
  if (writers.length === 0) throw new Error('a workload needs a node that takes writes');
  const waiting = new Map<WorkloadNode, number>();
  return {
    take(first: WorkloadNode, client: number, write: boolean, random: () => number): WorkloadNode {
      // Sticky: a client keeps to its node however slow it is, as an application's one connection does; its writes
      // go to that node when it takes writes, else to a writer of the client's own (its connection to the primary).
      if (sessions === 'sticky') {
        const own = nodes[client % nodes.length]!;
        return !write || writers.includes(own) ? own : writers[client % writers.length]!;
      }
      // A drawn replica gives a write to a drawn writer; with every node a writer nothing more is drawn, so a seed
      // makes the choices it always made. A full node gives way to the next one that may take the operation.
      const drawn = write && !writers.includes(first) ? pick(random, writers) : first;
      const pool = write ? writers : nodes;
      const share = Math.ceil(clients / pool.length);
      const start = pool.indexOf(drawn);
      let node = drawn;
      for (let i = 0; i < pool.length; i++) {
        const n = pool[(start + i) % pool.length]!;
        if ((waiting.get(n) ?? 0) < share) {
          node = n;
          break;
        }
      }
      waiting.set(node, (waiting.get(node) ?? 0) + 1);
      return node;
    },
    release(node: WorkloadNode): void {
      if (sessions === 'sticky') return;
      waiting.set(node, (waiting.get(node) ?? 1) - 1);
    },
  };
}

/** One run of the clients from a fresh recorder: the plain workload. */
export async function runWorkload(
  api: KvApi,
  nodes: readonly WorkloadNode[],
  clock: Clock,
  plan: WorkloadPlan,
  signal: AbortSignal,
): Promise<WorkloadRun> {
  const recorder = new WorkloadRecorder(clock);
  await runClients(recorder, api, nodes, plan, signal);
  return recorder.finish();
}
