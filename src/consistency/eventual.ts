// The `eventual` consistency rule: after the workload, every node must converge to one value per key, and that
// value must be one that could legally be the last write.
//
// Which final values are legal (per key, over the recorded history):
// - the value of a write W that is `ok` or `info`, unless some `ok` write V to the same key was invoked strictly
//   after W completed (V.invoke > W.complete). Such a V began after W was acknowledged, so any order that respects
//   real time puts V after W: W's value winning would mean an acknowledged later write was lost. An `info` write
//   never completed, so nothing is known to follow it: its value is always legal.
// - the initial value (null: the key absent) only when no write to the key is `ok`: an acknowledged write
//   replaced it for good, and this workload has no deletes.
// `fail` writes did not happen, and a value nobody wrote is never legal.
import type { HistoryOperation, Value } from '../linearizability/index.js';

export interface FinalValueVerdict {
  readonly legal: boolean;
  /** Why the value is not legal, in one sentence; undefined when it is. */
  readonly reason?: string;
}

/**
 * The writes of a key: plain writes, and compare-and-sets that swapped (or may have) as writes of their new value.
 * A cas that certainly did not swap wrote nothing.
 */
function writesOf(operations: readonly HistoryOperation[], key: string): HistoryOperation[] {
  return operations.flatMap((op): HistoryOperation[] => {
    if (op.key !== key) return [];
    if (op.f === 'write') return [op];
    if (op.f === 'cas' && op.succeeded !== false) return [{ ...op, f: 'write', value: (op.value as [Value, Value])[1] }];
    return [];
  });
}

export function legalFinalValues(operations: readonly HistoryOperation[], key: string, initialValue: Value = null): Set<Value> {
  const writes = writesOf(operations, key).filter((op) => op.type === 'ok' || op.type === 'info');
  // The latest invocation of an ok write is all that matters: W is superseded iff it completed before that.
  let lastOkInvoke = -Infinity;
  for (const w of writes) if (w.type === 'ok' && w.invoke > lastOkInvoke) lastOkInvoke = w.invoke;
  const legal = new Set<Value>();
  if (lastOkInvoke === -Infinity) legal.add(initialValue);
  for (const w of writes) {
    const end = w.type === 'ok' && w.complete !== null ? w.complete : Infinity;
    if (!(lastOkInvoke > end)) legal.add(w.value as Value);
  }
  return legal;
}

export function judgeFinalValue(
  operations: readonly HistoryOperation[],
  key: string,
  value: Value,
  initialValue: Value = null,
): FinalValueVerdict {
  if (legalFinalValues(operations, key, initialValue).has(value)) return { legal: true };
  const writes = writesOf(operations, key);
  const own = writes.find((w) => w.value === value);
  if (value === initialValue && own === undefined) {
    return {
      legal: false,
      reason: `the key is ${value === null ? 'missing' : JSON.stringify(value)} everywhere, although writes to it were acknowledged`,
    };
  }
  if (own === undefined) return { legal: false, reason: `${JSON.stringify(value)} was never written to this key` };
  if (own.type === 'fail')
    return { legal: false, reason: `${JSON.stringify(value)} comes from a write that was refused (${own.error ?? 'failed'})` };
  const later = writes.find((w) => w.type === 'ok' && own.complete !== null && w.invoke > own.complete);
  const by = later ? ` (e.g. ${JSON.stringify(later.value)} by client ${String(later.process)} via ${later.node ?? '?'})` : '';
  return {
    legal: false,
    reason:
      `${JSON.stringify(value)} was acknowledged at ${own.complete ?? '?'} ms, but a write invoked after that was ` +
      `acknowledged too${by}: an acknowledged later write was lost`,
  };
}
