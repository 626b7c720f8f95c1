// The history types shared by the parsers, the checker and the action's recorder, and the validator of the
// project's own versioned JSON form (documented in docs/history-format.md).

import { clipText } from './display.js';

export const HISTORY_SCHEMA_VERSION = 1;

export const MODEL_NAMES = ['register', 'cas-register', 'kv'] as const;
export type ModelName = (typeof MODEL_NAMES)[number];

export const OP_FUNCTIONS = ['read', 'write', 'cas', 'get', 'put', 'append'] as const;
export type OpFunction = (typeof OP_FUNCTIONS)[number];

/** `ok`: completed and took effect; `fail`: certainly did not take effect; `info`: may or may not have. */
export type OpType = 'ok' | 'fail' | 'info';

/** Values compare with strict equality: the number 3 and the string "3" differ. `null` = absent / never written. */
export type Value = string | number | null;

export interface HistoryOperation {
  /** Optional identifier; the checker reports operations by their index in `operations` and echoes `id`. */
  id?: number;
  /** The client (Jepsen "process") that issued the operation. */
  process: number | string;
  /** The node (service replica) the request went to, when known. */
  node?: string;
  /** Partition key; operations on different keys are checked independently. Absent = the single key "". */
  key?: string;
  f: OpFunction;
  /**
   * read/get: the value returned (null = absent); write/put/append: the argument; cas: `[from, to]`.
   * For reads of type `info` or `fail` the value is ignored.
   */
  value: Value | [Value, Value];
  type: OpType;
  /** cas only, type `ok`: whether the comparison matched (default true). false = it ran and changed nothing. */
  succeeded?: boolean;
  /** Invocation time, ms on a monotonic clock (any unit works as long as it is consistent). */
  invoke: number;
  /** Completion time in the same unit; null for `info` (the operation stays open to the end of the history). */
  complete: number | null;
  /** Free-form note (e.g. the error of a failed request); not used by the checker. */
  error?: string;
}

export interface History {
  schemaVersion: 1;
  model?: ModelName;
  /** The value every key holds before the first operation. Default null (absent). */
  initialValue?: Value;
  operations: HistoryOperation[];
  /** Free-form metadata (service, run id, ...); ignored by the checker. */
  meta?: Record<string, unknown>;
  /** When faults began and were healed (the nemesis), in the operations' time unit; ignored by the checker. */
  nemesis?: NemesisEvent[];
}

export interface NemesisEvent {
  readonly time: number;
  /** start: the fault began; stop: it was healed. */
  readonly f: 'start' | 'stop';
  /** The fault as reports name it (`partition`, `loss:30%`) and what it was applied to. */
  readonly fault: string;
  readonly target: string;
}

export class HistoryError extends Error {
  /** 1-based line of the input that is wrong, when known. */
  readonly line: number | undefined;
  constructor(message: string, line?: number) {
    super(line === undefined ? message : `line ${line}: ${message}`);
    this.name = 'HistoryError';
    this.line = line;
  }
}

export function isValue(v: unknown): v is Value {
  return v === null || typeof v === 'string' || (typeof v === 'number' && Number.isFinite(v));
}

export function isModelName(v: unknown): v is ModelName {
  return typeof v === 'string' && (MODEL_NAMES as readonly string[]).includes(v);
}

function isOpFunction(v: unknown): v is OpFunction {
  return typeof v === 'string' && (OP_FUNCTIONS as readonly string[]).includes(v);
}

export function isReadFunction(f: OpFunction): boolean {
  return f === 'read' || f === 'get';
}

/** Functions each model accepts; kv also takes read/write (as get/put) so one recorder can serve all. */
export const MODEL_FUNCTIONS: Record<ModelName, readonly OpFunction[]> = {
  register: ['read', 'write'],
  'cas-register': ['read', 'write', 'cas'],
  kv: ['get', 'put', 'append', 'read', 'write', 'cas'],
};

/** Picks the least powerful model that accepts every function in the history. */
export function inferModel(operations: readonly HistoryOperation[]): ModelName {
  let model: ModelName = 'register';
  for (const op of operations) {
    if (op.f === 'get' || op.f === 'put' || op.f === 'append') return 'kv';
    if (op.f === 'cas') model = 'cas-register';
  }
  return model;
}

type LineOf = (index: number) => number | undefined;

/**
 * Checks a parsed JSON value against the own history form and returns it typed. `lineOf` maps an operation's
 * index to its line in the source text so that errors can name it.
 */
export function validateHistory(input: unknown, lineOf: LineOf = () => undefined): History {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) throw new HistoryError(NOT_AN_OBJECT);
  const obj = input as Record<string, unknown>;
  const history = validateHead(obj);
  if (!Array.isArray(obj.operations)) throw new HistoryError('"operations" must be an array');
  obj.operations.forEach((raw: unknown, i: number) => {
    history.operations.push(validateOperation(raw, i, lineOf(i)));
  });
  return history;
}

export const NOT_AN_OBJECT = 'a history must be a JSON object with "schemaVersion" and "operations"';

/** Everything of the own form but its operations: the history it describes, with no operations yet. */
export function validateHead(obj: Record<string, unknown>): History {
  if (obj.schemaVersion !== HISTORY_SCHEMA_VERSION) {
    throw new HistoryError(`unsupported schemaVersion ${shortJson(obj.schemaVersion)} (expected ${HISTORY_SCHEMA_VERSION})`);
  }
  if (obj.model !== undefined && !isModelName(obj.model)) {
    throw new HistoryError(`unknown model ${shortJson(obj.model)} (expected one of ${MODEL_NAMES.join(', ')})`);
  }
  if (obj.initialValue !== undefined && !isValue(obj.initialValue)) {
    throw new HistoryError('initialValue must be a string, a number or null');
  }
  const history: History = { schemaVersion: 1, operations: [] };
  if (obj.model !== undefined) history.model = obj.model as ModelName;
  if (obj.initialValue !== undefined) history.initialValue = obj.initialValue as Value;
  if (obj.nemesis !== undefined) history.nemesis = validateNemesis(obj.nemesis);
  if (obj.meta !== undefined) {
    if (typeof obj.meta !== 'object' || obj.meta === null || Array.isArray(obj.meta)) throw new HistoryError('"meta" must be an object');
    history.meta = obj.meta as Record<string, unknown>;
  }
  return history;
}

function validateNemesis(nemesis: unknown): NemesisEvent[] {
  if (!Array.isArray(nemesis)) throw new HistoryError('"nemesis" must be an array');
  return nemesis.map((e: unknown, i: number) => {
    const x = e as Partial<NemesisEvent>;
    if (
      typeof x !== 'object' ||
      x === null ||
      typeof x.time !== 'number' ||
      !Number.isFinite(x.time) ||
      (x.f !== 'start' && x.f !== 'stop') ||
      typeof x.fault !== 'string' ||
      typeof x.target !== 'string'
    ) {
      throw new HistoryError(`nemesis[${i}] must be { time, f: "start" | "stop", fault, target }`);
    }
    return { time: x.time, f: x.f, fault: x.fault, target: x.target };
  });
}

/** A value as a bounded, escaped line of JSON for an error message (it may be anything, of any size or depth). */
function shortJson(v: unknown): string {
  if (v === undefined) return 'undefined';
  if (typeof v === 'object' && v !== null) return Array.isArray(v) ? 'an array' : 'an object';
  return clipText(JSON.stringify(v), 100);
}

/**
 * What is wrong with an operation's times, the same rule for every format: finite, an `ok` operation completes,
 * and never before it was invoked. Undefined when nothing is.
 */
export function timeProblem(
  type: OpType,
  invoke: number,
  complete: number | null,
): 'invoke' | 'complete' | 'missing' | 'order' | undefined {
  if (!Number.isFinite(invoke)) return 'invoke';
  if (complete === null) return type === 'ok' ? 'missing' : undefined;
  if (!Number.isFinite(complete)) return 'complete';
  return complete < invoke ? 'order' : undefined;
}

/** One operation of the own form, typed; errors name it by index and line. */
function bad(i: number, line: number | undefined, msg: string): never {
  throw new HistoryError(`operations[${i}]: ${msg}`, line);
}

export function validateOperation(raw: unknown, i: number, line: number | undefined): HistoryOperation {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) bad(i, line, 'must be an object');
  const o = raw as Record<string, unknown>;
  if (!isOpFunction(o.f)) bad(i, line, `"f" must be one of ${OP_FUNCTIONS.join(', ')}`);
  const f = o.f as OpFunction;
  if (o.type !== 'ok' && o.type !== 'fail' && o.type !== 'info') bad(i, line, '"type" must be "ok", "fail" or "info"');
  const type = o.type as OpType;
  if (typeof o.process !== 'number' && typeof o.process !== 'string') bad(i, line, '"process" must be a number or a string');
  if (typeof o.invoke !== 'number') bad(i, line, '"invoke" must be a finite number');
  if (o.complete !== null && o.complete !== undefined && typeof o.complete !== 'number')
    bad(i, line, '"complete" must be a finite number or null');
  const invoke = o.invoke as number;
  const complete = (o.complete ?? null) as number | null;
  const problem = timeProblem(type, invoke, complete);
  if (problem === 'invoke') bad(i, line, '"invoke" must be a finite number');
  if (problem === 'complete') bad(i, line, '"complete" must be a finite number or null');
  if (problem === 'missing') bad(i, line, 'an "ok" operation needs a "complete" time');
  if (problem === 'order') bad(i, line, `"complete" (${complete}) is before "invoke" (${invoke})`);
  let value: Value | [Value, Value];
  if (f === 'cas') {
    if (!Array.isArray(o.value) || o.value.length !== 2 || !isValue(o.value[0]) || !isValue(o.value[1])) {
      bad(i, line, 'a cas value must be [from, to]');
    }
    value = [(o.value as Value[])[0] as Value, (o.value as Value[])[1] as Value];
  } else {
    const v = o.value === undefined && isReadFunction(f) && type !== 'ok' ? null : o.value;
    if (!isValue(v)) bad(i, line, '"value" must be a string, a number or null');
    value = v as Value;
  }
  const op: HistoryOperation = { process: o.process as number | string, f, value, type, invoke, complete };
  if (o.id !== undefined) {
    if (typeof o.id !== 'number') bad(i, line, '"id" must be a number');
    op.id = o.id as number;
  }
  if (o.node !== undefined) {
    if (typeof o.node !== 'string') bad(i, line, '"node" must be a string');
    op.node = o.node as string;
  }
  if (o.key !== undefined) {
    if (typeof o.key !== 'string') bad(i, line, '"key" must be a string');
    op.key = o.key as string;
  }
  if (o.succeeded !== undefined) {
    if (typeof o.succeeded !== 'boolean') bad(i, line, '"succeeded" must be a boolean');
    if (f !== 'cas') bad(i, line, '"succeeded" is only meaningful for cas');
    op.succeeded = o.succeeded as boolean;
  }
  if (o.error !== undefined) {
    if (typeof o.error !== 'string') bad(i, line, '"error" must be a string');
    op.error = o.error as string;
  }
  return op;
}

/** Renders a history as JSON with one operation per line, so that error messages and diffs stay readable. */
export function historyToJson(history: History): string {
  const { operations, ...head } = history;
  const headJson = JSON.stringify(head);
  const body = operations.map((op) => '  ' + JSON.stringify(op)).join(',\n');
  return `${headJson.slice(0, -1)}${headJson.length > 2 ? ',' : ''}"operations":[\n${body}\n]}\n`;
}
