// Pure summaries of a recorded workload: counts per node, latency quantiles, and the per-key verdicts turned into
// checks for the report. The I/O (running clients, polling for convergence, saving files) is in phase.ts.
import { checkHistory, formatWitness, type History, type HistoryOperation, type KeyResult } from '../linearizability/index.js';
import type { Check, LatencyQuantiles, NodeInfo, OpCounts, WorkloadKeyResult } from '../model/result.js';
import type { OperationRecord } from './generator.js';
import { judgeFinalValue } from '../consistency/eventual.js';
import { quantiles } from '../core/stats.js';
import { makeCheck } from '../model/check.js';
import { modelInfo, type ConsistencyModel } from '../consistency/models.js';
import type { ModelVerdict } from '../consistency/verdict.js';
import type { Ladder } from '../consistency/ladder.js';

const zero = (): { ok: number; fail: number; info: number } => ({ ok: 0, fail: 0, info: 0 });

export function countOperations(records: readonly OperationRecord[], nodeOrder: readonly string[]) {
  const total = zero();
  const perNode = new Map<string, { read: ReturnType<typeof zero>; write: ReturnType<typeof zero> }>();
  for (const n of nodeOrder) perNode.set(n, { read: zero(), write: zero() });
  for (const { op } of records) {
    const node = op.node ?? '?';
    if (!perNode.has(node)) perNode.set(node, { read: zero(), write: zero() });
    const entry = perNode.get(node)!;
    // A compare-and-set counts as a write: it writes when it matches.
    (op.f === 'read' ? entry.read : entry.write)[op.type]++;
    total[op.type]++;
  }
  return {
    operations: { total: records.length, ...total } as OpCounts & { total: number },
    perNode: [...perNode].map(([node, c]) => ({ node, read: c.read as OpCounts, write: c.write as OpCounts })),
  };
}

/** Latency of the operations that got an answer (ok or fail); indeterminate ones have no meaningful end. */
export function latencies(records: readonly OperationRecord[]): { read: LatencyQuantiles | null; write: LatencyQuantiles | null } {
  const of = (reads: boolean): number[] =>
    records.filter((r) => (r.op.f === 'read') === reads && r.op.type !== 'info').map((r) => r.endedAt - r.op.invoke);
  return { read: quantiles(of(true)), write: quantiles(of(false)) };
}

export const CHECK_BUDGET_MS = 30_000;

/** Per-key linearizability verdicts. `unknown` (budget spent) does not pass: nothing was proven. */
export function linearizabilityResults(
  history: History,
  model: 'register' | 'cas-register' = 'register',
  o: { budgetMs?: number; maxSteps?: number; algorithm?: 'auto' | 'search' | 'unique'; maxMemoryBytes?: number } = {},
): { results: WorkloadKeyResult[]; elapsedMs: number } {
  const budgetMs = o.budgetMs ?? CHECK_BUDGET_MS;
  const checked = checkHistory(history, {
    model,
    initialValue: null,
    timeoutMs: budgetMs,
    checkAllKeys: true,
    ...(o.maxSteps !== undefined ? { maxSteps: o.maxSteps } : {}),
    ...(o.algorithm !== undefined ? { algorithm: o.algorithm } : {}),
    ...(o.maxMemoryBytes !== undefined ? { maxMemoryBytes: o.maxMemoryBytes } : {}),
  });
  const results = checked.keys.map((k): WorkloadKeyResult => keyResult(k, budgetMs));
  return { results, elapsedMs: checked.elapsedMs };
}

function keyResult(k: KeyResult, budgetMs: number): WorkloadKeyResult {
  const base = { key: k.key, operations: k.operations.total, verdict: k.verdict, algorithm: k.algorithm };
  if (k.verdict === 'linearizable') {
    return {
      ...base,
      passed: true,
      detail: `${k.operations.total} operations (${k.operations.open} indeterminate writes) are linearizable.`,
    };
  }
  if (k.verdict === 'unknown') {
    const why =
      k.reason === 'step-budget'
        ? 'the search step budget ran out'
        : k.reason === 'memory'
          ? 'the search would take more memory than max-memory allows'
          : `the search did not finish within ${Math.round(budgetMs / 1000)} s`;
    return {
      ...base,
      passed: false,
      detail:
        `Could not decide whether the ${k.operations.total} operations are linearizable: ${why}. Nothing was proven; check ` +
        `the history file offline with \`replicheck check-history FILE --timeout 0\`, or run a shorter workload with fewer clients.`,
    };
  }
  const w = k.witness;
  return {
    ...base,
    passed: false,
    detail: w ? `Not linearizable: ${w.explanation}` : 'Not linearizable.',
    ...(w ? { witness: w, witnessText: formatWitness(w, '') } : {}),
  };
}

export interface Convergence {
  readonly key: string;
  readonly converged: boolean;
  /** The value per node at the last poll (undefined: no answer). */
  readonly values: readonly { readonly node: string; readonly value: string | null | undefined; readonly error?: string }[];
  readonly waitedMs: number;
}

export function eventualResults(history: History, convergence: readonly Convergence[]): WorkloadKeyResult[] {
  return convergence.map((c): WorkloadKeyResult => {
    const operations = history.operations.filter((op) => op.key === c.key).length;
    const show = (v: string | null | undefined, error?: string): string =>
      v === undefined ? `no answer (${error ?? 'error'})` : v === null ? 'missing' : JSON.stringify(v);
    if (!c.converged) {
      return {
        key: c.key,
        operations,
        nodeValues: c.values.map((v) => ({ node: v.node, value: v.value })),
        verdict: 'not-converged',
        passed: false,
        detail:
          `The nodes did not agree within ${Math.round(c.waitedMs)} ms: ` +
          `${c.values.map((v) => `${v.node} ${show(v.value, v.error)}`).join(', ')}.`,
      };
    }
    const value = c.values[0]?.value ?? null;
    const judged = judgeFinalValue(history.operations, c.key, value, history.initialValue ?? null);
    return {
      key: c.key,
      operations,
      nodeValues: c.values.map((v) => ({ node: v.node, value: v.value })),
      verdict: judged.legal ? 'converged' : 'illegal-final-value',
      passed: judged.legal,
      finalValue: value,
      detail: judged.legal
        ? `Every node holds ${show(value)} (${Math.round(c.waitedMs)} ms after the workload), a value that can legally be last.`
        : `Every node holds ${show(value)}, which cannot be the last value: ${judged.reason}.`,
    };
  });
}

const FAILED_TITLE: Record<string, string> = {
  'not-linearizable': 'is not linearizable',
  unknown: 'could not be decided',
  'not-converged': 'did not converge',
  'illegal-final-value': 'converged to a value that cannot be last',
};

/** The `eventual` rung from the convergence results: held when every key converged to a value that can be last. */
export function eventualVerdict(convergence: readonly WorkloadKeyResult[], elapsedMs: number): ModelVerdict {
  const failed = convergence.find((r) => !r.passed);
  if (!failed) return { model: 'eventual', verdict: 'held', elapsedMs };
  return { model: 'eventual', verdict: 'violated', elapsedMs, witness: { operations: [], key: failed.key, explanation: failed.detail } };
}

export interface WorkloadVerdicts {
  /** By the claim: linearizability per key under `linearizable`, else convergence. */
  readonly results: readonly WorkloadKeyResult[];
  /** Convergence per key when `results` holds linearizability. */
  readonly convergence?: readonly WorkloadKeyResult[];
  readonly ladder: Ladder;
  /** The history's operations, which the witnesses' indexes point into. */
  readonly operations?: readonly HistoryOperation[];
}

/**
 * The report's checks: one per key (convergence, which every claim requires; linearizability too under that claim),
 * one for a claim between the two (its ladder verdict), plus one when no operation succeeded (a workload that
 * proves nothing). The other models of the ladder are reported, not judged.
 */
export function workloadChecks(
  v: WorkloadVerdicts,
  consistency: ConsistencyModel,
  nodes: readonly NodeInfo[],
  okOperations: number,
  checkMs: number,
): Check[] {
  const checks: Check[] = [];
  if (okOperations === 0) {
    const said = {
      title: 'Workload: no operation succeeded',
      detail: 'Every read and write of the workload failed or timed out, so nothing could be checked. See the operation counts per node.',
    };
    checks.push(makeCheck({ id: 'workload:progress', kind: 'workload', status: 'failed', said }));
  }
  const nodeOf = (label: string | undefined) => (label !== undefined ? nodes.find((n) => n.label === label) : undefined);
  const perKey = (results: readonly WorkloadKeyResult[], model: 'eventual' | 'linearizable'): void =>
    results.forEach((r, i) => {
      const node = nodeOf(r.witness?.failing.node);
      const said = {
        title: `${modelInfo(model).title}: key ${r.key}${r.passed ? '' : ` ${FAILED_TITLE[r.verdict] ?? r.verdict}`}`,
        detail: r.witnessText ? `Not linearizable. Witness:\n${r.witnessText}` : r.detail,
      };
      const status = r.passed ? 'passed' : 'failed';
      checks.push(
        makeCheck({ id: `workload:${model}:${i}`, kind: 'workload', status, said, durationMs: checkMs, ...(node ? { node } : {}) }),
      );
    });
  perKey(v.convergence ?? (consistency === 'linearizable' ? [] : v.results), 'eventual');
  if (consistency === 'linearizable') perKey(v.results, 'linearizable');
  else if (consistency !== 'eventual') checks.push(claimCheck(v, consistency, nodes, checkMs));
  return checks;
}

function claimCheck(v0: WorkloadVerdicts, claim: ConsistencyModel, nodes: readonly NodeInfo[], checkMs: number): Check {
  const ladder = v0.ladder;
  const v = ladder.models.find((m) => m.model === claim)!;
  const info = modelInfo(claim);
  const said =
    v.verdict === 'held'
      ? { title: `${info.title}: held`, detail: `The workload's history satisfies ${claim}: ${info.promise}.` }
      : v.verdict === 'violated'
        ? { title: `${info.title}: violated`, detail: `Not ${claim}: ${v.witness?.explanation ?? 'a violation was found'}.` }
        : { title: `${info.title}: could not be decided`, detail: `Nothing was proven: ${v.reason ?? 'a budget ran out'}.` };
  const status = v.verdict === 'held' ? 'passed' : 'failed';
  // The node of the witness's last operation (where the stale answer came from), for the annotation.
  const last = v.witness?.operations.at(-1);
  const label = last !== undefined ? v0.operations?.[last]?.node : undefined;
  const node = label !== undefined ? nodes.find((n) => n.label === label) : undefined;
  return makeCheck({
    id: `workload:model:${claim}`,
    kind: 'workload',
    status,
    said,
    durationMs: v.elapsedMs || checkMs,
    ...(node ? { node } : {}),
  });
}
