// Linearizability without search, for registers whose written values are unique (Replicheck's own workloads write
// unique values). Each written value v forms a cluster: its write and every read that returned it. With unique
// values a history is linearizable iff (Gibbons & Korach 1997; the "zones" of Golab, Li & Shah 2011):
//   1. every read returns the initial value or a value some write wrote, and no read of v ends before v's write
//      begins;
//   2. no two clusters' forward zones overlap, and
//   3. no cluster's backward zone lies inside another cluster's forward zone,
// where a cluster's zone runs between its earliest completion (f) and its latest invocation (s): forward when
// f < s (some operation of it ended before another began, so the value was in place for all of [f, s]), backward
// otherwise (all of it overlaps one point). The initial value is a cluster whose write ends before everything.
// Indeterminate (`info`) writes: one no read observed may never have happened and is left out; one that was read
// stays, open to the end. Failed writes did not happen. Sorting the zones makes it O(n log n) in time, O(n) in
// memory. A history with a repeated written value does not qualify: the search decides it instead.
import type { HistoryOperation, Value } from './history.js';
import { quoteText } from './display.js';
import { nameText } from './model.js';
import type { Witness, WitnessOperation } from './witness.js';

export interface UniqueOutcome {
  readonly verdict: 'linearizable' | 'not-linearizable';
  readonly witness?: Omit<Witness, 'key'>;
}

/** Whether a key's operations qualify: reads and writes only, every write's value written once. */
export function qualifies(operations: readonly HistoryOperation[], indices: readonly number[], initialValue: Value): boolean {
  const seen = new Set<Value>();
  for (const i of indices) {
    const op = operations[i]!;
    if (op.f === 'read' || op.f === 'get') continue;
    if (op.f !== 'write' && op.f !== 'put') return false;
    if (op.type === 'fail') continue;
    const v = op.value as Value;
    if (v === initialValue || seen.has(v)) return false;
    seen.add(v);
  }
  return true;
}

interface Cluster {
  readonly value: Value;
  /** The write (undefined for the initial value). */
  readonly write?: number;
  readonly reads: number[];
  /** Earliest completion (f) and the operation it belongs to; latest invocation (s) and its operation. */
  f: number;
  fOp: number;
  s: number;
  sOp: number;
}

const INITIAL = -1;

/**
 * The verdict, or undefined when `expired` said so between two phases (each is at most O(n log n), so the time
 * budget is looked at after every linear pass).
 */
export function checkUnique(
  operations: readonly HistoryOperation[],
  indices: readonly number[],
  initialValue: Value,
  expired: () => boolean = () => false,
): UniqueOutcome | undefined {
  const clusters = writeClusters(operations, indices, initialValue);
  if (expired()) return undefined;
  const misread = addReads(operations, indices, clusters);
  if (misread) return misread;
  if (expired()) return undefined;
  // An indeterminate write nobody read may not have happened: it constrains nothing.
  const live = [...clusters.values()].filter((c) => c.write === undefined || operations[c.write]!.type !== 'info' || c.reads.length > 0);
  // The initial value's "write" ends before everything; its zone is forward up to its last read's invocation.
  const initial = clusters.get(initialValue)!;
  if (initial.reads.length === 0) live.splice(live.indexOf(initial), 1);
  const forward = live.filter((c) => c.f < c.s).sort((a, b) => a.f - b.f);
  const backward = live.filter((c) => !(c.f < c.s));
  if (expired()) return undefined;
  const overlap = forwardOverlap(operations, forward);
  if (overlap !== undefined || expired()) return overlap;
  return backwardInside(operations, forward, backward) ?? { verdict: 'linearizable' };
}

/** When an operation ends: never, for one that may still take effect. */
function end(op: HistoryOperation): number {
  return op.type === 'ok' && op.complete !== null ? op.complete : Infinity;
}

/** One cluster per value written (failed writes did not happen), and the initial value's, each with no reads yet. */
function writeClusters(operations: readonly HistoryOperation[], indices: readonly number[], initialValue: Value): Map<Value, Cluster> {
  const clusters = new Map<Value, Cluster>();
  clusters.set(initialValue, { value: initialValue, reads: [], f: -Infinity, fOp: INITIAL, s: -Infinity, sOp: INITIAL });
  for (const i of indices) {
    const op = operations[i]!;
    if ((op.f === 'write' || op.f === 'put') && op.type !== 'fail') {
      clusters.set(op.value as Value, { value: op.value as Value, write: i, reads: [], f: end(op), fOp: i, s: op.invoke, sOp: i });
    }
  }
  return clusters;
}

/** Puts each completed read in its value's cluster, widening the cluster's zone; the failure when rule 1 breaks. */
function addReads(
  operations: readonly HistoryOperation[],
  indices: readonly number[],
  clusters: Map<Value, Cluster>,
): UniqueOutcome | undefined {
  for (const i of indices) {
    const op = operations[i]!;
    if ((op.f !== 'read' && op.f !== 'get') || op.type !== 'ok') continue;
    const c = clusters.get(op.value as Value);
    if (!c) return unwritten(operations, i);
    if (c.write !== undefined && end(op) < operations[c.write]!.invoke) {
      return fail(
        operations,
        `read ${label(op)} ended before the write of its value began (${label(operations[c.write]!)})`,
        [i, c.write],
        i,
      );
    }
    c.reads.push(i);
    const e = end(op);
    if (e < c.f) {
      c.f = e;
      c.fOp = i;
    }
    if (op.invoke > c.s) {
      c.s = op.invoke;
      c.sOp = i;
    }
  }
  return undefined;
}

/** Read `i` returned a value no checked write wrote. */
function unwritten(operations: readonly HistoryOperation[], i: number): UniqueOutcome {
  const op = operations[i]!;
  // A failed write is not among the operations checked (it did not happen), but it says where the value came from.
  const failed = operations.findIndex(
    (w) => w.type === 'fail' && (w.f === 'write' || w.f === 'put') && w.value === op.value && (w.key ?? '') === (op.key ?? ''),
  );
  return fail(
    operations,
    failed >= 0
      ? `read ${label(op)} returned a value whose write failed (${label(operations[failed]!)}), so it never happened`
      : `read ${label(op)} returned ${shown(op.value as Value)}, which no write wrote`,
    failed >= 0 ? [i, failed] : [i],
    i,
  );
}

/** 2. Forward zones, sorted by start: each must end before the next begins. */
function forwardOverlap(operations: readonly HistoryOperation[], forward: readonly Cluster[]): UniqueOutcome | undefined {
  for (let k = 1; k < forward.length; k++) {
    const a = forward[k - 1]!;
    const b = forward[k]!;
    if (b.f < a.s) {
      // With the initial value this is a read of it after a write was in place: say it as the stale read it is.
      const init = a.write === undefined ? a : b.write === undefined ? b : undefined;
      if (init) return staleInitial(operations, init, init === a ? b : a);
      return fail(
        operations,
        `${describe(operations, a)} and ${describe(operations, b)}: ` +
          `${opText(operations, a.fOp)} ended before ${opText(operations, b.sOp)} began, so ${val(a)} was written before ${val(b)}; ` +
          `but ${opText(operations, b.fOp)} ended before ${opText(operations, a.sOp)} began, so ${val(b)} was written before ${val(a)}. ` +
          'No order satisfies both',
        ops(a, b),
        a.sOp === INITIAL ? b.sOp : a.sOp,
      );
    }
  }
  return undefined;
}

/**
 * 3. A backward zone inside a forward one: the value would have to be written and read entirely while another
 *    value is known to be in place. Forward zones are disjoint and sorted, so a binary search finds the one.
 */
function backwardInside(
  operations: readonly HistoryOperation[],
  forward: readonly Cluster[],
  backward: readonly Cluster[],
): UniqueOutcome | undefined {
  for (const b of backward) {
    let lo = 0;
    let hi = forward.length - 1;
    let host: Cluster | undefined;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const a = forward[mid]!;
      if (a.f < b.s) {
        host = a;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    if (host && host !== b && b.f < host.s && host.f < b.s) {
      if (host.write === undefined) return staleInitial(operations, host, b);
      // The late operation of the host cluster (a read, in practice a stale one) is the one no order can place.
      return fail(
        operations,
        `${opText(operations, host.sOp)} returned ${val(host)}, but ${describe(operations, b)} happened entirely after ${val(host)} ` +
          `was in place (${opText(operations, host.fOp)} ended before it) and before that read began, ` +
          `so the read should have seen ${val(b)} or a later value`,
        ops(host, b),
        host.sOp,
      );
    }
  }
  return undefined;
}

/** A read of the initial value after some write was in place: a stale read of "nothing yet". */
function staleInitial(operations: readonly HistoryOperation[], init: Cluster, other: Cluster): UniqueOutcome {
  return fail(
    operations,
    `${opText(operations, init.sOp)} returned ${val(init)}, but ${describe(operations, other)} was already in place: ` +
      `${opText(operations, other.fOp)} ended before that read began`,
    ops(init, other),
    init.sOp,
  );
}

function fail(operations: readonly HistoryOperation[], why: string, indices: number[], failing: number): UniqueOutcome {
  return { verdict: 'not-linearizable', witness: witnessOf(operations, why, indices, failing) };
}

function ops(...cs: Cluster[]): number[] {
  return [...new Set(cs.flatMap((c) => [c.fOp, c.sOp, ...(c.write !== undefined ? [c.write] : [])]).filter((i) => i !== INITIAL))];
}

function val(c: Cluster): string {
  return c.write === undefined ? `the initial value (${c.value === null ? 'absent' : shown(c.value)})` : shown(c.value);
}

function describe(operations: readonly HistoryOperation[], c: Cluster): string {
  return c.write === undefined
    ? 'the initial value'
    : `the write of ${shown(c.value)} (by client ${nameText(operations[c.write]!.process)})`;
}

/** A value as JSON would show it, a string escaped (it comes from the history). */
function shown(v: Value): string {
  return typeof v === 'string' ? quoteText(v) : JSON.stringify(v);
}

/** Times to the microsecond at most: what the recorder keeps, and all a person can use. */
const ms = (t: number | null): string => (t === null ? '?' : String(Math.round(t * 1000) / 1000));

function label(op: HistoryOperation): string {
  return `by client ${nameText(op.process)}${op.node ? ` via ${nameText(op.node)}` : ''} at ${ms(op.invoke)}–${ms(op.complete)} ms`;
}

function opText(operations: readonly HistoryOperation[], i: number): string {
  if (i === INITIAL) return 'the initial state';
  const op = operations[i]!;
  return `the ${op.f === 'get' ? 'read' : op.f === 'put' ? 'write' : op.f} ${label(op)}`;
}

function witnessOf(operations: readonly HistoryOperation[], explanation: string, indices: number[], failing: number): Omit<Witness, 'key'> {
  const window: WitnessOperation[] = [...new Set(indices)]
    .sort((a, b) => operations[a]!.invoke - operations[b]!.invoke)
    .map((i) => ({ ...operations[i]!, index: i, role: i === failing ? 'failing' : 'concurrent' }));
  return {
    failing: window.find((w) => w.role === 'failing') ?? window[0]!,
    window,
    possibleStates: [],
    linearizedBefore: 0,
    lastLinearized: [],
    explanation: `${explanation}.`,
  };
}
