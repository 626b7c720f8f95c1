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
import { ValueTable } from './value-table.js';

export interface UniqueOutcome {
  readonly verdict: 'linearizable' | 'not-linearizable';
  readonly witness?: Omit<Witness, 'key'>;
}

/**
 * The clusters, as parallel arrays indexed by cluster number (cluster 0 is the initial value's): a million
 * operations make half a million clusters, and arrays of numbers cost a fraction of the time and garbage that as
 * many objects would.
 */
interface Clusters {
  /** Cluster number by value (cluster 0 is not in it: the initial value may be read, never written). */
  readonly id: ValueTable;
  readonly value: Value[];
  /** The write's operation index, INITIAL for the initial value. */
  readonly write: Int32Array;
  /** How many completed reads returned the value. */
  readonly reads: Int32Array;
  /** Earliest completion (f) and the operation it belongs to; latest invocation (s) and its operation. */
  readonly f: Float64Array;
  readonly fOp: Int32Array;
  readonly s: Float64Array;
  readonly sOp: Int32Array;
  size: number;
}

const INITIAL = -1;

/**
 * The verdict; 'does-not-qualify' when the key has an operation other than a read or a write, or a value written
 * twice (the search decides it then); 'expired' when `expired` said so between two phases (each is at most
 * O(n log n), so the time budget is looked at after every linear pass).
 */
export function checkUnique(
  operations: readonly HistoryOperation[],
  indices: readonly number[],
  initialValue: Value,
  expired: () => boolean = () => false,
): UniqueOutcome | 'does-not-qualify' | 'expired' {
  const c = writeClusters(operations, indices, initialValue);
  if (c === undefined) return 'does-not-qualify';
  if (expired()) return 'expired';
  const misread = addReads(operations, indices, c);
  if (misread) return misread;
  if (expired()) return 'expired';
  const forward: number[] = [];
  const backward: number[] = [];
  for (let k = 0; k < c.size; k++) {
    const w = c.write[k]!;
    // An indeterminate write nobody read may not have happened: it constrains nothing. The initial value's "write"
    // ends before everything; its zone is forward up to its last read's invocation, and nothing without reads.
    if (c.reads[k] === 0 && (w === INITIAL || operations[w]!.type === 'info')) continue;
    (c.f[k]! < c.s[k]! ? forward : backward).push(k);
  }
  // Ties in order of cluster number, as a stable sort of the clusters in history order would leave them.
  forward.sort((a, b) => c.f[a]! - c.f[b]! || a - b);
  if (expired()) return 'expired';
  const overlap = forwardOverlap(operations, c, forward);
  if (overlap !== undefined) return overlap;
  if (expired()) return 'expired';
  return backwardInside(operations, c, forward, backward) ?? { verdict: 'linearizable' };
}

/** When an operation ends: never, for one that may still take effect. */
function end(op: HistoryOperation): number {
  return op.type === 'ok' && op.complete !== null ? op.complete : Infinity;
}

/**
 * One cluster per value written (failed writes did not happen), and the initial value's, each with no reads yet;
 * undefined when the key does not qualify: an operation that is neither a read nor a write, or a value written twice
 * (or the initial value written).
 */
function writeClusters(operations: readonly HistoryOperation[], indices: readonly number[], initialValue: Value): Clusters | undefined {
  const n = indices.length + 1;
  const value: Value[] = [initialValue];
  const c: Clusters = {
    id: new ValueTable(n, (k) => value[k]!),
    value,
    write: new Int32Array(n),
    reads: new Int32Array(n),
    f: new Float64Array(n),
    fOp: new Int32Array(n),
    s: new Float64Array(n),
    sOp: new Int32Array(n),
    size: 1,
  };
  c.write[0] = c.fOp[0] = c.sOp[0] = INITIAL;
  c.f[0] = c.s[0] = -Infinity;
  for (const i of indices) {
    const op = operations[i]!;
    if (op.f === 'read' || op.f === 'get') continue;
    if (op.f !== 'write' && op.f !== 'put') return undefined;
    if (op.type === 'fail') continue;
    const v = op.value as Value;
    const k = c.size;
    value.push(v);
    if (v === initialValue || !c.id.add(0, v, k)) return undefined; // written before, or the initial value
    c.write[k] = c.fOp[k] = c.sOp[k] = i;
    c.f[k] = end(op);
    c.s[k] = op.invoke;
    c.size = k + 1;
  }
  return c;
}

/** Puts each completed read in its value's cluster, widening the cluster's zone; the failure when rule 1 breaks. */
function addReads(operations: readonly HistoryOperation[], indices: readonly number[], c: Clusters): UniqueOutcome | undefined {
  for (const i of indices) {
    const op = operations[i]!;
    if ((op.f !== 'read' && op.f !== 'get') || op.type !== 'ok') continue;
    const v = op.value as Value;
    const k = v === c.value[0] ? 0 : c.id.get(0, v);
    if (k < 0) return unwritten(operations, i);
    const w = c.write[k]!;
    const e = end(op);
    if (w !== INITIAL && e < operations[w]!.invoke) {
      return fail(operations, `read ${label(op)} ended before the write of its value began (${label(operations[w]!)})`, [i, w], i);
    }
    c.reads[k]!++;
    if (e < c.f[k]!) {
      c.f[k] = e;
      c.fOp[k] = i;
    }
    if (op.invoke > c.s[k]!) {
      c.s[k] = op.invoke;
      c.sOp[k] = i;
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
function forwardOverlap(operations: readonly HistoryOperation[], c: Clusters, forward: readonly number[]): UniqueOutcome | undefined {
  for (let k = 1; k < forward.length; k++) {
    const a = forward[k - 1]!;
    const b = forward[k]!;
    if (c.f[b]! < c.s[a]!) {
      // With the initial value this is a read of it after a write was in place: say it as the stale read it is.
      if (a === 0 || b === 0) return staleInitial(operations, c, a === 0 ? b : a);
      const [fa, sa, fb, sb] = [
        opText(operations, c.fOp[a]!),
        opText(operations, c.sOp[a]!),
        opText(operations, c.fOp[b]!),
        opText(operations, c.sOp[b]!),
      ];
      return fail(
        operations,
        `${describe(operations, c, a)} and ${describe(operations, c, b)}: ` +
          `${fa} ended before ${sb} began, so ${val(c, a)} was written before ${val(c, b)}; ` +
          `but ${fb} ended before ${sa} began, so ${val(c, b)} was written before ${val(c, a)}. ` +
          'No order satisfies both',
        ops(c, a, b),
        c.sOp[a]!,
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
  c: Clusters,
  forward: readonly number[],
  backward: readonly number[],
): UniqueOutcome | undefined {
  for (const b of backward) {
    let lo = 0;
    let hi = forward.length - 1;
    let host = -1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const a = forward[mid]!;
      if (c.f[a]! < c.s[b]!) {
        host = a;
        lo = mid + 1;
      } else hi = mid - 1;
    }
    if (host >= 0 && host !== b && c.f[b]! < c.s[host]! && c.f[host]! < c.s[b]!) {
      if (host === 0) return staleInitial(operations, c, b);
      // The late operation of the host cluster (a read, in practice a stale one) is the one no order can place.
      return fail(
        operations,
        `${opText(operations, c.sOp[host]!)} returned ${val(c, host)}, but ${describe(operations, c, b)} happened entirely ` +
          `after ${val(c, host)} was in place (${opText(operations, c.fOp[host]!)} ended before it) and before that read ` +
          `began, so the read should have seen ${val(c, b)} or a later value`,
        ops(c, host, b),
        c.sOp[host]!,
      );
    }
  }
  return undefined;
}

/** A read of the initial value (cluster 0) after some write was in place: a stale read of "nothing yet". */
function staleInitial(operations: readonly HistoryOperation[], c: Clusters, other: number): UniqueOutcome {
  return fail(
    operations,
    `${opText(operations, c.sOp[0]!)} returned ${val(c, 0)}, but ${describe(operations, c, other)} was already in place: ` +
      `${opText(operations, c.fOp[other]!)} ended before that read began`,
    ops(c, 0, other),
    c.sOp[0]!,
  );
}

function fail(operations: readonly HistoryOperation[], why: string, indices: number[], failing: number): UniqueOutcome {
  return { verdict: 'not-linearizable', witness: witnessOf(operations, why, indices, failing) };
}

function ops(c: Clusters, ...ks: number[]): number[] {
  return [...new Set(ks.flatMap((k) => [c.fOp[k]!, c.sOp[k]!, c.write[k]!]).filter((i) => i !== INITIAL))];
}

function val(c: Clusters, k: number): string {
  const v = c.value[k]!;
  return k === 0 ? `the initial value (${v === null ? 'absent' : shown(v)})` : shown(v);
}

function describe(operations: readonly HistoryOperation[], c: Clusters, k: number): string {
  return k === 0 ? 'the initial value' : `the write of ${shown(c.value[k]!)} (by client ${nameText(operations[c.write[k]!]!.process)})`;
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
