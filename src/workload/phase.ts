// The workload phase of a run: run the clients (once, or while each fault of the fault suite holds), then judge
// the history by the chosen consistency model, save the history files, and return the report section and checks.
import type { CheckContext } from '../checks/context.js';
import { pollAs } from '../checks/context.js';
import type { WorkloadOptions } from './options.js';
import type { RunStreams } from '../core/random.js';
import { formatValue } from '../core/values.js';
import type { History, NemesisEvent } from '../linearizability/index.js';
import type { Check, ModelsRecord, WorkloadKeyResult, WorkloadSection } from '../model/result.js';
import { WorkloadRecorder, runClients, type WorkloadPlan } from './generator.js';
import { classifyRead } from './outcome.js';
import {
  countOperations,
  eventualResults,
  eventualVerdict,
  latencies,
  linearizabilityResults,
  workloadChecks,
  type Convergence,
} from './analyse.js';
import { judgeLadder, linearizableVerdict } from '../consistency/ladder.js';
import type { ConsistencyModel } from '../consistency/models.js';

/** Writes the history somewhere durable, with the page that shows it and its verdicts, and says where. */
export type HistorySink = (
  history: History,
  results: readonly WorkloadKeyResult[],
  consistency: ConsistencyModel,
  models?: ModelsRecord,
) => Promise<{ json: string; edn: string; html?: string }>;

/** Time each checker of the ladder may take (the linearizability checker has its own, CHECK_BUDGET_MS). */
export const LADDER_BUDGET_MS = 20_000;

export interface WorkloadPhaseResult {
  readonly section: WorkloadSection;
  readonly checks: Check[];
}

/**
 * One workload of a run: `run()` runs the clients (with faults, through all of them), `record` marks when faults
 * began and were healed on the history's clock, and `finish()` judges the whole history.
 */
export class WorkloadSession {
  /** The run's seed, as reports give it (the clients draw from its workload stream). */
  readonly seed: number;
  private readonly clientSeed: number;
  readonly keys: readonly string[];
  private readonly recorder: WorkloadRecorder;
  private rounds = 0;
  /** When faults began and were healed, on the history's clock (the page shows them as bands). */
  private readonly events: NemesisEvent[] = [];

  /** Records a fault's start or heal on the history's clock. */
  readonly record = (e: Omit<NemesisEvent, 'time'>): void => {
    this.events.push({ ...e, time: this.elapsed() });
  };

  constructor(
    private readonly ctx: CheckContext,
    private readonly wl: WorkloadOptions,
    streams: Pick<RunStreams, 'seed' | 'workload'>,
  ) {
    this.seed = streams.seed;
    this.clientSeed = streams.workload;
    this.keys = Array.from({ length: wl.keys }, (_, i) => `replicheck-${ctx.ids.runId}-wl-${i}`);
    this.recorder = new WorkloadRecorder(ctx.clock, wl.model);
  }

  get operations(): number {
    return this.recorder.records.length;
  }

  private plan(): WorkloadPlan {
    return {
      clients: this.wl.clients,
      durationMs: this.wl.durationMs,
      keys: this.keys,
      seed: this.clientSeed,
      valuePrefix: `rc-${this.ctx.ids.runId}`,
      model: this.wl.model,
      sessions: this.wl.sessions,
      formatValue: (head) => formatValue(this.ctx.api.codec.format, head, () => Buffer.alloc(0)),
    };
  }

  /**
   * The clients for the workload duration, and past it while `keepRunning` says so (faults run inside the
   * workload, however long they take), until the run is cancelled or `signal` aborts.
   */
  run(o: { readonly keepRunning?: () => boolean; readonly signal?: AbortSignal } = {}): Promise<void> {
    const plan = { ...this.plan(), ...(o.keepRunning ? { keepRunning: o.keepRunning } : {}) };
    const signal = o.signal ? AbortSignal.any([this.ctx.signal, o.signal]) : this.ctx.signal;
    return runClients(this.recorder, this.ctx.api, this.ctx.nodes, plan, signal, this.rounds++);
  }

  /** Milliseconds since the workload's clock origin: the time unit of its history. */
  elapsed(): number {
    return Math.round((this.ctx.clock.now() - this.recorder.t0) * 1000) / 1000;
  }

  async finish(sink: HistorySink | undefined, warn: (message: string) => void): Promise<WorkloadPhaseResult> {
    const { ctx, wl, seed, keys } = this;
    const nemesis = this.events;
    const run = this.recorder.finish();
    const history: History = {
      ...run.history,
      meta: { tool: 'replicheck', runId: ctx.ids.runId, seed, clients: wl.clients, consistency: wl.consistency, sessions: wl.sessions },
      ...(nemesis.length > 0 ? { nemesis: [...nemesis].sort((a, b) => a.time - b.time) } : {}),
    };

    // Convergence first, while the nodes are fresh from the workload; then the checkers, which need only the history.
    const convergeStart = ctx.clock.now();
    const convergence = eventualResults(history, await awaitConvergence(ctx, keys));
    const checkStart = ctx.clock.now();
    const memory = wl.maxMemoryBytes !== undefined ? { maxMemoryBytes: wl.maxMemoryBytes } : {};
    const lin = linearizabilityResults(history, wl.model, memory);
    const ladder = judgeLadder(history, {
      eventual: eventualVerdict(convergence, checkStart - convergeStart),
      linearizable: linearizableVerdict(lin.results, lin.elapsedMs),
      // A client goes on as a new process after an indeterminate operation (generator.ts); its session is the client.
      clientOf: (op) => Number(op.process) % wl.clients,
      budgetMs: LADDER_BUDGET_MS,
      ...memory,
    });
    const results = wl.consistency === 'linearizable' ? lin.results : convergence;
    const checkMs = ctx.clock.now() - checkStart;
    const models: ModelsRecord = { claim: wl.consistency, sessions: wl.sessions, strongest: ladder.strongest, models: ladder.models };

    let files: { json: string; edn: string; html?: string } | undefined;
    if (sink) {
      try {
        files = await sink(history, results, wl.consistency, models);
      } catch (error) {
        warn(`Could not write the workload history: ${(error as Error).message}`);
      }
    }
    const counts = countOperations(
      run.records,
      ctx.nodes.map((n) => n.label),
    );
    const section: WorkloadSection = {
      model: wl.model,
      consistency: wl.consistency,
      sessions: wl.sessions,
      clients: wl.clients,
      durationMs: wl.durationMs,
      elapsedMs: run.endedAt - run.startedAt,
      seed,
      keys,
      capped: run.capped,
      ...(this.rounds > 1 ? { runs: this.rounds } : {}),
      operations: counts.operations,
      perNode: counts.perNode,
      latency: latencies(run.records),
      keyResults: results,
      ...(wl.consistency === 'linearizable' ? { convergence } : {}),
      models,
      checkMs,
      ...(files ? { history: files } : {}),
    };
    const verdicts = { results, ...(wl.consistency === 'linearizable' ? { convergence } : {}), ladder, operations: history.operations };
    return { section, checks: workloadChecks(verdicts, wl.consistency, ctx.nodes, counts.operations.ok, checkMs) };
  }
}

/** Polls every node for every key until all nodes return the same value, or the convergence timeout passes. */
async function awaitConvergence(ctx: CheckContext, keys: readonly string[]): Promise<Convergence[]> {
  return Promise.all(
    keys.map(async (key): Promise<Convergence> => {
      const start = ctx.clock.now();
      const r = await pollAs(ctx, 'settle', async () => {
        const values = await Promise.all(
          ctx.nodes.map(async (node) => {
            const read = classifyRead(await ctx.api.read(node.url, key, ctx.signal), ctx.api.codec);
            return read.type === 'ok'
              ? { node: node.label, value: read.value }
              : { node: node.label, value: undefined, ...(read.error !== undefined ? { error: read.error } : {}) };
          }),
        );
        const first = values[0]?.value;
        const done = first !== undefined && values.every((v) => v.value === first);
        return { done, value: values };
      });
      return { key, converged: r.done, values: r.last ?? [], waitedMs: ctx.clock.now() - start };
    }),
  );
}
