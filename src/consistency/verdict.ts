// What every consistency checker returns for one model, and the options they all take. The ladder (ladder.ts)
// combines these into the run's `models` record.
import type { HistoryOperation } from '../linearizability/index.js';
import type { ConsistencyModel } from './models.js';

export type ModelOutcome = 'held' | 'violated' | 'unknown';

export interface ModelWitness {
  /** Indexes into `history.operations` of the operations that show the violation, in the order the text tells them. */
  readonly operations: readonly number[];
  /** The key the violation is about, when it is about one. */
  readonly key?: string;
  /**
   * Plain words naming the client(s) and the operations, e.g. "client 3 wrote X on kv_2 at 1.20 s, then read kv_4 at
   * 1.31 s and got Y, which it had read before X".
   */
  readonly explanation: string;
}

export interface ModelVerdict {
  readonly model: ConsistencyModel;
  readonly verdict: ModelOutcome;
  readonly elapsedMs: number;
  /** Set when violated. */
  readonly witness?: ModelWitness;
  /** Set when unknown: which budget ran out, in words. */
  readonly reason?: string;
}

export interface CheckerOptions {
  /**
   * The session (client) an operation belongs to. Default: its `process`. Session order is the order in which one
   * client invoked its operations; an operation that stayed indeterminate (`info`) precedes nothing in it, since
   * it may take effect after the client's later operations.
   */
  readonly clientOf?: (op: HistoryOperation) => number | string;
  /** Wall-clock budget of one checker (ms); past it the verdict is `unknown`. */
  readonly budgetMs?: number;
  /** Memory one checker may take (bytes); a checker that would need more says `unknown` before allocating. */
  readonly maxMemoryBytes?: number;
}
