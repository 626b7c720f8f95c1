// The ladder: one workload history checked against every model of models.ts, each by its own checker, combined so
// that no verdict contradicts the lattice (a model is violated whenever a model it includes is), and the strongest
// model the run climbed to. Pure; each checker is bounded in time and memory and says `unknown` past its budget.
import type { History, Witness } from '../linearizability/index.js';
import { CONSISTENCY_MODELS, includedBy, modelInfo, type ConsistencyModel } from './models.js';
import type { CheckerOptions, ModelVerdict } from './verdict.js';
import { checkSessionAndCausal } from './causal.js';
import { checkSequential } from './sequential.js';
import type { SharedValues } from './ops.js';

export interface LadderInput extends CheckerOptions {
  /** Decided by the run itself: convergence after the workload (and final values that can be last). */
  readonly eventual: ModelVerdict;
  /** Decided by the linearizability checker, per key. */
  readonly linearizable: ModelVerdict;
}

export interface Ladder {
  readonly strongest: ConsistencyModel | null;
  /** One verdict per model, weakest first. */
  readonly models: readonly ModelVerdict[];
}

export function judgeLadder(history: History, o: LadderInput): Ladder {
  const own = new Map<ConsistencyModel, ModelVerdict>();
  own.set('eventual', o.eventual);
  // One preparation (the causal order) serves the four session guarantees and causal consistency; its numbering of
  // keys and values serves the sequential checker too (each checker alone numbers them itself).
  const shared: { values?: SharedValues } = {};
  for (const v of checkSessionAndCausal(history, o, shared)) own.set(v.model, v);
  own.set('sequential', checkSequential(history, o, shared.values));
  own.set('linearizable', o.linearizable);
  const models = CONSISTENCY_MODELS.map((m) => combine(m, own));
  return { strongest: strongestOf(models), models };
}

/**
 * A model's verdict as reported: its own checker's, unless a model it includes was violated (then it is violated
 * too, with that witness) or could not be decided (then nothing is proven of it either). `pram` has no checker of
 * its own: it is exactly its three session guarantees.
 */
function combine(model: ConsistencyModel, own: ReadonlyMap<ConsistencyModel, ModelVerdict>): ModelVerdict {
  const mine = own.get(model);
  const below = [...includedBy(model)].map((m) => own.get(m)).filter((v): v is ModelVerdict => v !== undefined);
  const violated = below.find((v) => v.verdict === 'violated');
  const elapsedMs = mine?.elapsedMs ?? 0;
  if (mine?.verdict === 'violated') return mine;
  if (violated) {
    return {
      model,
      verdict: 'violated',
      elapsedMs,
      ...(violated.witness
        ? { witness: { ...violated.witness, explanation: `${violated.witness.explanation} (${model} includes ${violated.model})` } }
        : {}),
    };
  }
  const unknown = mine?.verdict === 'unknown' ? mine : below.find((v) => v.verdict === 'unknown');
  if (unknown) {
    const reason =
      unknown === mine ? (mine.reason ?? 'a budget ran out') : `${unknown.model} could not be decided: ${unknown.reason ?? ''}`;
    return { model, verdict: 'unknown', elapsedMs, reason };
  }
  if (mine === undefined && modelInfo(model).includes.length === 0) {
    return { model, verdict: 'unknown', elapsedMs, reason: 'no checker decided it' };
  }
  return { model, verdict: 'held', elapsedMs };
}

/** The highest model that held with every model before it; null when the first one did not. */
export function strongestOf(models: readonly ModelVerdict[]): ConsistencyModel | null {
  let strongest: ConsistencyModel | null = null;
  for (const m of CONSISTENCY_MODELS) {
    if (models.find((v) => v.model === m)?.verdict !== 'held') break;
    strongest = m;
  }
  return strongest;
}

/** Per-key linearizability as both the checker and the workload report it. */
interface LinearizabilityKey {
  readonly key: string;
  readonly verdict: string;
  readonly witness?: Witness;
  /** Why, in words, when it is not linearizable or undecided (the workload's results have it). */
  readonly detail?: string;
}

/** The `linearizable` rung from per-key results: violated by any key, unknown when some key is undecided. */
export function linearizableVerdict(keys: readonly LinearizabilityKey[], elapsedMs: number): ModelVerdict {
  const failed = keys.find((k) => k.verdict === 'not-linearizable');
  if (failed) {
    const w = failed.witness;
    const operations = w ? w.window.map((o) => o.index) : [];
    const explanation = w ? `key ${failed.key}: ${w.explanation}` : (failed.detail ?? `key ${failed.key} is not linearizable`);
    return { model: 'linearizable', verdict: 'violated', elapsedMs, witness: { operations, key: failed.key, explanation } };
  }
  const unknown = keys.find((k) => k.verdict === 'unknown');
  if (unknown) {
    const reason = `key ${unknown.key}: ${unknown.detail ?? 'the linearizability check did not finish'}`;
    return { model: 'linearizable', verdict: 'unknown', elapsedMs, reason };
  }
  return { model: 'linearizable', verdict: 'held', elapsedMs };
}
