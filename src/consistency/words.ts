// Witnesses in plain words: which client did what, on which node, when (seconds, two decimals), and what it got.
// Everything shown from the history (clients, keys, nodes, values) goes through clipText, so a hostile history
// cannot reach a terminal unescaped, and a long value stays a short line.
import { clipText } from '../linearizability/display.js';
import type { Value } from '../linearizability/index.js';
import type { CausalOrder } from './causal-order.js';
import type { ConsistencyModel } from './models.js';
import { INIT, K_CAS_READ, K_CAS_WRITE, K_INFO_CAS, K_INFO_WRITE, isWriting, readValue, type Normalised } from './ops.js';
import type { ModelWitness } from './verdict.js';

const VALUE_CHARS = 60;

function shown(v: Value): string {
  return clipText(JSON.stringify(v), VALUE_CHARS);
}

function seconds(t: number): string {
  return `${(t / 1000).toFixed(2)} s`;
}

export function clientName(norm: Normalised, x: number): string {
  return `client ${clipText(String(norm.clientNames[norm.client[x]!]), VALUE_CHARS)}`;
}

function keyOf(norm: Normalised, x: number): string {
  return shown(norm.keys[norm.key[x]!]!);
}

function where(norm: Normalised, x: number): string {
  const op = norm.history.operations[norm.op[x]!]!;
  const node = op.node === undefined ? '' : ` on ${clipText(op.node, VALUE_CHARS)}`;
  return `${node} at ${seconds(op.invoke)}`;
}

function writtenValue(norm: Normalised, w: number): Value {
  const op = norm.history.operations[norm.op[w]!]!;
  return op.f === 'cas' ? (op.value as [Value, Value])[1] : (op.value as Value);
}

/** What a read got: a value, or the initial state. */
function got(norm: Normalised, x: number): string {
  if (norm.rf[x] === INIT) {
    return norm.initialValue === null ? 'found it missing (the initial state)' : `got ${shown(norm.initialValue)}, the initial value`;
  }
  return `got ${shown(readValue(norm.history.operations[norm.op[x]!]!))}`;
}

/** "wrote "v" to "k" on n1 at 1.20 s", told from the writer's side (without its client). */
export function wroteText(norm: Normalised, w: number): string {
  const op = norm.history.operations[norm.op[w]!]!;
  const kind = norm.kind[w]!;
  const verb =
    kind === K_CAS_WRITE || kind === K_INFO_CAS
      ? `swapped ${keyOf(norm, w)} from ${shown(readValue(op))} to ${shown(writtenValue(norm, w))}`
      : `wrote ${shown(writtenValue(norm, w))} to ${keyOf(norm, w)}`;
  const open = kind === K_INFO_WRITE || kind === K_INFO_CAS ? ' (no reply; a read shows it took effect)' : '';
  return `${verb}${where(norm, w)}${open}`;
}

/** "read "k" on n2 at 1.31 s and got "v"" (without its client). */
export function readText(norm: Normalised, r: number): string {
  const kind = norm.kind[r]!;
  const what = kind === K_CAS_READ || kind === K_INFO_CAS ? 'compared-and-set' : 'read';
  return `${what} ${keyOf(norm, r)}${where(norm, r)} and ${got(norm, r)}`;
}

function ops(norm: Normalised, nodes: readonly number[]): number[] {
  const out: number[] = [];
  for (const x of nodes) if (x >= 0 && !out.includes(norm.op[x]!)) out.push(norm.op[x]!);
  return out;
}

function witness(norm: Normalised, key: number, nodes: readonly number[], explanation: string): ModelWitness {
  return { operations: ops(norm, nodes), key: norm.keys[norm.key[key]!]!, explanation };
}

/** "v", the value a node wrote, for "which "v" had replaced". */
function valueOf(norm: Normalised, w: number): string {
  return shown(writtenValue(norm, w));
}

export function thinAirWitness(norm: Normalised, model: ConsistencyModel): ModelWitness {
  const r = norm.thinAir;
  const refused = norm.refusedOp;
  let why = `which no write of ${keyOf(norm, r)} wrote`;
  if (refused >= 0) {
    const op = norm.history.operations[refused]!;
    const node = op.node === undefined ? '' : ` on ${clipText(op.node, VALUE_CHARS)}`;
    const error = op.error === undefined ? '' : ` (${clipText(op.error, VALUE_CHARS)})`;
    why = `which only a refused write wrote (client ${clipText(String(op.process), VALUE_CHARS)}${node} at ${seconds(op.invoke)}${error})`;
  }
  const explanation = `${clientName(norm, r)} ${readText(norm, r)}, ${why}: a value out of thin air, which ${model} forbids`;
  const operations = refused >= 0 ? [norm.op[r]!, refused] : [norm.op[r]!];
  return { operations, key: norm.keys[norm.key[r]!]!, explanation };
}

export function rywWitness(norm: Normalised, r: number, u: number): ModelWitness {
  const v = norm.rf[r]!;
  const after = v === INIT ? 'as if its write had never happened' : `which its write had replaced`;
  const text = `${clientName(norm, u)} ${wroteText(norm, u)}, then ${readText(norm, r)}, ${after}: read-your-writes`;
  return witness(norm, r, [u, v, r], text);
}

export function mrWitness(norm: Normalised, r1: number, r: number): ModelWitness {
  const v = norm.rf[r]!;
  const u = norm.rf[r1]!;
  const after = v === INIT ? 'as if it had never been written' : `which ${valueOf(norm, u)} had replaced`;
  const text = `${clientName(norm, r)} ${readText(norm, r1)}, then ${readText(norm, r)}, ${after}: monotonic-reads`;
  return witness(norm, r, [u, r1, v, r], text);
}

export function mwWitness(norm: Normalised, r: number, u: number, r1: number): ModelWitness {
  const v = norm.rf[r]!;
  const w2 = norm.rf[r1]!;
  const after = v === INIT ? `as if ${valueOf(norm, u)} had never been written` : `which ${valueOf(norm, u)} had replaced`;
  const text =
    `${clientName(norm, u)} ${wroteText(norm, u)} and later ${wroteText(norm, w2)}; ${clientName(norm, r)} ` +
    `${readText(norm, r1)}, then ${readText(norm, r)}, ${after}: monotonic-writes`;
  return witness(norm, r, [u, w2, r1, v, r], text);
}

/** r2 is the read (or the indeterminate compare-and-set's read) that came before the write w2 that r1 returned. */
export function wfrWitness(norm: Normalised, r: number, r2: number, r1: number): ModelWitness {
  const v = norm.rf[r]!;
  const w1 = norm.rf[r2]!;
  const w2 = norm.rf[r1]!;
  const first = r2 === w2 ? `${clientName(norm, w2)} ${wroteText(norm, w2)}` : `${clientName(norm, r2)} ${readText(norm, r2)}`;
  const then = r2 === w2 ? '' : ` before it ${wroteText(norm, w2)}`;
  const after = v === INIT ? `as if ${valueOf(norm, w1)} had never been written` : `which ${valueOf(norm, w1)} had replaced`;
  const text = `${first}${then}; ${clientName(norm, r)} ${readText(norm, r1)}, then ${readText(norm, r)}, ${after}: writes-follow-reads`;
  return witness(norm, r, [w1, r2, w2, r1, v, r], text);
}

function stepText(norm: Normalised, x: number): string {
  return `${clientName(norm, x)} ${isWriting(norm.kind[x]!) ? wroteText(norm, x) : readText(norm, x)}`;
}

/** The operations along a causal path, oldest first, as one line. */
export function pathText(norm: Normalised, path: readonly number[]): string {
  const steps: string[] = [];
  let last = -1;
  for (const x of path) {
    if (norm.op[x] === last) continue;
    last = norm.op[x]!;
    steps.push(stepText(norm, x));
  }
  const shownSteps = steps.length > 6 ? [...steps.slice(0, 3), `… ${steps.length - 5} more …`, ...steps.slice(-2)] : steps;
  return shownSteps.join(' → ');
}

export function causalReadWitness(o: CausalOrder, r: number, u: number, path: readonly number[]): ModelWitness {
  const norm = o.norm;
  const v = norm.rf[r]!;
  const via = path.length > 0 ? ` (${pathText(norm, path)})` : '';
  const text =
    v === INIT
      ? `${clientName(norm, r)} ${readText(norm, r)}, though ${valueOf(norm, u)} (${clientName(norm, u)} ${wroteText(norm, u)}) ` +
        `causally preceded the read${via}: causal (WriteCOInitRead)`
      : `${clientName(norm, r)} ${readText(norm, r)}, though ${valueOf(norm, u)} (${clientName(norm, u)} ${wroteText(norm, u)}) had ` +
        `replaced it and causally preceded the read${via}: causal (WriteCORead)`;
  return witness(norm, r, v >= 0 ? [v, u, ...path, r] : [u, ...path, r], text);
}

export function cycleWitness(norm: Normalised, cycle: readonly number[]): ModelWitness {
  const steps = pathText(norm, cycle);
  const text = `causal order has a cycle, each step happened before the next and the last before the first: ${steps}: causal (CyclicCO)`;
  return witness(norm, cycle[0]!, cycle, text);
}
