// The sequential specifications: a register (read/write), a compare-and-set register, and a key-value store
// (get/put/append per key). The checker runs a compiled integer form of the same rules (see search.ts); the
// value-level `step` here is the reference the tests and the witness use.

import { escapeText, quoteText } from './display.js';
import { MODEL_FUNCTIONS, isReadFunction, type HistoryOperation, type ModelName, type Value } from './history.js';

export type HistoryFormat = 'json' | 'edn' | 'jepsen-log';

/** How an operation enters the search. */
export const OpKind = {
  /** Returned a value: legal only when the state equals it. */
  Read: 0,
  Write: 1,
  /** A cas that matched: legal only when the state equals `from`; then the state becomes `to`. */
  CasOk: 2,
  /** A cas that ran and did not match: legal only when the state differs from `from`; no change. */
  CasFalse: 3,
  /** A cas whose outcome is unknown: any state is legal; it sets `to` when the state equals `from`. */
  CasOpen: 4,
  Append: 5,
} as const;
export type OpKind = (typeof OpKind)[keyof typeof OpKind];

/**
 * Whether an operation constrains the search at all. `fail` operations did not happen; a read that did not
 * complete (or whose result is unknown) neither changes the state nor says anything about it.
 */
export function isIgnored(op: HistoryOperation): boolean {
  if (op.type === 'fail') return true;
  return op.type === 'info' && isReadFunction(op.f);
}

export function opKind(op: HistoryOperation): OpKind {
  switch (op.f) {
    case 'read':
    case 'get':
      return OpKind.Read;
    case 'write':
    case 'put':
      return OpKind.Write;
    case 'append':
      return OpKind.Append;
    case 'cas':
      if (op.type === 'info') return OpKind.CasOpen;
      return op.succeeded === false ? OpKind.CasFalse : OpKind.CasOk;
  }
}

/** Append concatenates text; appending to an absent key starts from the empty string. */
export function appendValue(state: Value, arg: Value): string {
  return (state === null ? '' : String(state)) + (arg === null ? '' : String(arg));
}

export interface StepResult {
  ok: boolean;
  state: Value;
}

/** One step of the sequential specification, on plain values. */
export function step(state: Value, op: HistoryOperation): StepResult {
  switch (opKind(op)) {
    case OpKind.Read:
      return { ok: state === op.value, state };
    case OpKind.Write:
      return { ok: true, state: op.value as Value };
    case OpKind.Append:
      return { ok: true, state: appendValue(state, op.value as Value) };
    case OpKind.CasOk: {
      const [from, to] = op.value as [Value, Value];
      return state === from ? { ok: true, state: to } : { ok: false, state };
    }
    case OpKind.CasFalse: {
      const [from] = op.value as [Value, Value];
      return { ok: state !== from, state };
    }
    case OpKind.CasOpen: {
      const [from, to] = op.value as [Value, Value];
      return { ok: true, state: state === from ? to : state };
    }
  }
}

/** Throws a message naming the first operation the model does not support. */
export function unsupportedOperation(model: ModelName, operations: readonly HistoryOperation[]): string | undefined {
  const allowed = MODEL_FUNCTIONS[model];
  const i = operations.findIndex((op) => !allowed.includes(op.f));
  if (i < 0) return undefined;
  const op = operations[i] as HistoryOperation;
  return `operation ${i} (${op.f}) is not supported by the ${model} model (it takes ${allowed.join(', ')})`;
}

/**
 * The initial value each key holds when neither the history nor the caller says: null (absent) everywhere, except
 * kv histories in EDN, which follow Porcupine's kv tests (a key that was never written reads as "").
 */
export function defaultInitialValue(model: ModelName, format: HistoryFormat): Value {
  return model === 'kv' && format === 'edn' ? '' : null;
}

/** A value as a person reads it; a string is quoted and escaped (it comes from the history). */
export function describeValue(v: Value): string {
  if (v === null) return 'nothing (absent)';
  return typeof v === 'string' ? quoteText(v) : String(v);
}

/** A process or node name from the history, escaped. */
export function nameText(name: number | string): string {
  return typeof name === 'number' ? String(name) : escapeText(name);
}

export function modelNoun(model: ModelName): string {
  return model === 'kv' ? 'the key' : 'the register';
}
