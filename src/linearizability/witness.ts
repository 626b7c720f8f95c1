// Explanations of a not-linearizable verdict. The search records the furthest point it ever reached: the first
// return entry that no order of the operations could get past. The operation that returns there is the one that
// can never be linearized; the states the search was in at that point are the values the key could hold when it
// would have had to take effect. The window shown around it is the operations that overlap it plus the last ones
// to complete before it started (the ones that decide what it should have seen).

import { isIgnored } from './model.js';
import { describeValue, modelNoun, nameText } from './model.js';
import { quoteText } from './display.js';
import type { HistoryOperation, ModelName, Value } from './history.js';

export type WitnessRole = 'failing' | 'concurrent' | 'preceding';

export interface WitnessOperation extends HistoryOperation {
  /** Index in the history's `operations`. */
  index: number;
  role: WitnessRole;
}

export interface Witness {
  key: string;
  /** The operation no order of the history can place before it returned. */
  failing: WitnessOperation;
  /** The failing operation with the operations concurrent with it and the last ones before it, by invoke time. */
  window: WitnessOperation[];
  /** Every value the key could hold at the moments the failing operation could have taken effect. */
  possibleStates: Value[];
  /** How many operations the longest partial linearization placed before getting stuck. */
  linearizedBefore: number;
  /** The last operations of one such longest partial linearization, in linearization order. */
  lastLinearized: WitnessOperation[];
  explanation: string;
}

export interface WitnessInput {
  model: ModelName;
  key: string;
  operations: readonly HistoryOperation[];
  /** History indices of the operations the search placed. */
  checked: readonly number[];
  failing: number;
  states: Value[];
  /** The last operations of the longest partial linearization (history indices, in order). */
  prefix: number[];
  /** How many operations that partial linearization placed in all. */
  prefixLength: number;
}

const MAX_WINDOW = 40;
const LAST_LINEARIZED = 6;

export function buildWitness(input: WitnessInput): Witness {
  const { operations, checked, failing: failingIndex } = input;
  const x = operations[failingIndex] as HistoryOperation;
  const xEnd = x.complete ?? Infinity;
  const end = (op: HistoryOperation): number => (op.type === 'ok' && op.complete !== null ? op.complete : Infinity);

  let settled = -Infinity;
  for (const i of checked) {
    const e = end(operations[i] as HistoryOperation);
    if (e < x.invoke && e > settled) settled = e;
  }
  const roles = new Map<number, WitnessRole>();
  for (const i of checked) {
    const op = operations[i] as HistoryOperation;
    if (op.invoke > xEnd || end(op) < settled) continue;
    roles.set(i, i === failingIndex ? 'failing' : end(op) < x.invoke ? 'preceding' : 'concurrent');
  }
  // The last write of each value the key could hold explains where that value came from.
  for (const s of input.states) {
    let last = -1;
    for (const i of checked) {
      const op = operations[i] as HistoryOperation;
      if (op.invoke > xEnd || isIgnored(op)) continue;
      const writes = ((op.f === 'write' || op.f === 'put') && op.value === s) || (op.f === 'cas' && (op.value as [Value, Value])[1] === s);
      if (writes && (last < 0 || op.invoke >= (operations[last] as HistoryOperation).invoke)) last = i;
    }
    if (last >= 0 && !roles.has(last)) roles.set(last, 'preceding');
  }
  let windowIndices = [...roles.keys()];
  if (windowIndices.length > MAX_WINDOW) {
    windowIndices.sort(
      (a, b) =>
        Math.abs((operations[a] as HistoryOperation).invoke - x.invoke) - Math.abs((operations[b] as HistoryOperation).invoke - x.invoke),
    );
    windowIndices = windowIndices.slice(0, MAX_WINDOW);
    if (!windowIndices.includes(failingIndex)) windowIndices[MAX_WINDOW - 1] = failingIndex;
  }
  windowIndices.sort((a, b) => (operations[a] as HistoryOperation).invoke - (operations[b] as HistoryOperation).invoke || a - b);
  const withRole = (i: number, role: WitnessRole): WitnessOperation => ({ ...(operations[i] as HistoryOperation), index: i, role });
  const window = windowIndices.map((i) => withRole(i, roles.get(i) as WitnessRole));
  const failing = withRole(failingIndex, 'failing');
  return {
    key: input.key,
    failing,
    window,
    possibleStates: input.states,
    linearizedBefore: input.prefixLength,
    lastLinearized: input.prefix.slice(-LAST_LINEARIZED).map((i) => withRole(i, roles.get(i) ?? 'preceding')),
    explanation: explain(input.model, x, input.states),
  };
}

function statesText(states: readonly Value[]): string {
  if (states.length === 0) return 'no value at all';
  if (states.length === 1) return describeValue(states[0] as Value);
  return 'one of ' + states.map(describeValue).join(', ');
}

function explain(model: ModelName, op: HistoryOperation, states: readonly Value[]): string {
  const noun = modelNoun(model);
  const who = `process ${nameText(op.process)}${op.node !== undefined ? ` (node ${nameText(op.node)})` : ''}`;
  const holds = `every order of the operations before and during it leaves ${noun} holding ${statesText(states)}`;
  if (op.f === 'read' || op.f === 'get') {
    return `${op.f} by ${who} returned ${describeValue(op.value as Value)}, but ${holds}.`;
  }
  if (op.f === 'cas') {
    const [from, to] = op.value as [Value, Value];
    const what = `cas ${describeValue(from)} -> ${describeValue(to)} by ${who}`;
    if (op.succeeded === false) {
      return `${what} reported that the value did not match, but ${noun} must hold ${describeValue(from)} whenever it could have run.`;
    }
    return `${what} succeeded, but ${holds}, never ${describeValue(from)}.`;
  }
  return `${op.f} by ${who} cannot be placed: ${holds}.`;
}

function fmtTime(t: number | null): string {
  if (t === null || !Number.isFinite(t)) return 'open';
  return Number.isInteger(t) ? String(t) : t.toFixed(3);
}

/** One operation as a line of text, e.g. `p3 (kv_2) read -> 3  ok  [12.500, 14.100]`. */
export function formatOperation(op: HistoryOperation): string {
  let what: string;
  if (op.f === 'read' || op.f === 'get') {
    what = op.type === 'ok' ? `${op.f} -> ${describeValue(op.value as Value)}` : `${op.f} -> ?`;
  } else if (op.f === 'cas') {
    const [from, to] = op.value as [Value, Value];
    const outcome = op.type === 'info' ? ' (outcome unknown)' : op.succeeded === false ? ' (no match)' : '';
    what = `cas ${describeValue(from)} -> ${describeValue(to)}${outcome}`;
  } else {
    what = `${op.f} ${describeValue(op.value as Value)}`;
  }
  const node = op.node !== undefined ? ` (${nameText(op.node)})` : '';
  const complete = op.type === 'ok' ? fmtTime(op.complete) : op.type === 'info' ? 'open' : fmtTime(op.complete);
  return `p${nameText(op.process)}${node} ${what}  ${op.type}  [${fmtTime(op.invoke)}, ${complete}]`;
}

/** A readable multi-line rendering of a witness. */
export function formatWitness(w: Witness, indent = '  '): string {
  const lines: string[] = [];
  lines.push(`${indent}key ${quoteText(w.key)}: ${w.explanation}`);
  lines.push(`${indent}operations around it (#index, by invoke time):`);
  for (const op of w.window) {
    const mark = op.role === 'failing' ? '  <-- cannot be linearized' : op.role === 'preceding' ? '  (before)' : '';
    lines.push(`${indent}  #${op.index} ${formatOperation(op)}${mark}`);
  }
  if (w.linearizedBefore > 0) {
    lines.push(`${indent}the longest partial order placed ${w.linearizedBefore} operation(s); it ended with:`);
    for (const op of w.lastLinearized) lines.push(`${indent}  #${op.index} ${formatOperation(op)}`);
  }
  return lines.join('\n');
}
