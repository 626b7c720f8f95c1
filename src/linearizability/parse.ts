// Readers for the three history formats: the project's own JSON form, Jepsen EDN op maps (Knossos semantics),
// and the Jepsen log lines of Porcupine's etcd tests (etcd-client semantics). Every error names the input line.

import { EdnMap, Keyword, readEdn, readEdnForms, type EdnValue } from './edn.js';
import {
  HistoryError,
  OP_FUNCTIONS,
  inferModel,
  isReadFunction,
  validateHistory,
  type History,
  type HistoryOperation,
  type ModelName,
  type OpFunction,
  type OpType,
  type Value,
} from './history.js';
import { defaultInitialValue, type HistoryFormat } from './model.js';

export type { HistoryFormat } from './model.js';

export interface ParseOptions {
  format?: HistoryFormat | 'auto';
  /** Overrides the model named by the file or inferred from its operations. */
  model?: ModelName;
  /** Overrides the initial value named by the file or the format's default. */
  initialValue?: Value;
  /** EDN only: values are `[key value]` tuples, as Jepsen's `jepsen.independent` records them. */
  independent?: boolean;
}

export interface ParsedHistory {
  history: History;
  format: HistoryFormat;
}

/** Parses a history text; throws HistoryError (with the line when known) on bad input. */
export function parseHistoryText(text: string, options: ParseOptions = {}): ParsedHistory {
  const format = options.format === undefined || options.format === 'auto' ? detectFormat(text) : options.format;
  let history: History;
  if (format === 'json') history = parseJsonHistory(text);
  else if (format === 'edn') history = parseEdnHistory(text, options.independent === true);
  else history = parseJepsenLog(text);
  const model = options.model ?? history.model ?? inferModel(history.operations);
  history.model = model;
  if (options.initialValue !== undefined) history.initialValue = options.initialValue;
  else if (history.initialValue === undefined) history.initialValue = defaultInitialValue(model, format);
  return { history, format };
}

/** Own JSON starts with `{"`; Jepsen logs have `jepsen.util -` lines; anything else that looks like EDN is EDN. */
export function detectFormat(text: string): HistoryFormat {
  const start = text.search(/\S/);
  if (start < 0) throw new HistoryError('the history is empty');
  if (/^\{\s*"/.test(text.slice(start))) return 'json';
  if (/INFO\s+jepsen\.util\s+-\s/.test(text.slice(0, 100_000))) return 'jepsen-log';
  if ('{[(;#'.includes(text[start] as string)) return 'edn';
  throw new HistoryError(
    'cannot tell the format (expected own JSON, Jepsen EDN op maps or Jepsen log lines); use --format',
    lineAt(text, start),
  );
}

function lineAt(text: string, position: number): number {
  let line = 1;
  for (let i = 0; i < position && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

// ---------------------------------------------------------------------------------------------------------------
// Own JSON

export function parseJsonHistory(text: string): History {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch (err) {
    const message = err instanceof Error ? err.message : String(err);
    const pos = /position (\d+)/.exec(message);
    const lineCol = /\(line (\d+) column \d+\)/.exec(message);
    const line = lineCol ? Number(lineCol[1]) : pos ? lineAt(text, Number(pos[1])) : undefined;
    throw new HistoryError(`invalid JSON: ${message.replace(/\s*\(line \d+ column \d+\)/, '')}`, line);
  }
  const lines = operationLines(text);
  return validateHistory(parsed, (i) => lines[i]);
}

/** The line on which each element of the top-level "operations" array starts (a light scan, no second parse). */
function operationLines(text: string): number[] {
  const lines: number[] = [];
  let depth = 0;
  let line = 1;
  let lastTopString = '';
  let opsDepth = -1;
  let expectElement = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i] as string;
    if (c === '\n') {
      line++;
      continue;
    }
    if (c === ' ' || c === '\t' || c === '\r') continue;
    if (depth === opsDepth && expectElement && c !== ']' && c !== ',') {
      lines.push(line);
      expectElement = false;
    }
    if (c === '"') {
      let j = i + 1;
      while (j < text.length && text[j] !== '"') j += text[j] === '\\' ? 2 : 1;
      if (depth === 1) lastTopString = text.slice(i + 1, j);
      i = j;
    } else if (c === '{' || c === '[') {
      depth++;
      if (c === '[' && depth === 2 && lastTopString === 'operations' && opsDepth < 0) {
        opsDepth = 2;
        expectElement = true;
      }
    } else if (c === '}' || c === ']') {
      if (depth === opsDepth && c === ']') opsDepth = -2;
      depth--;
    } else if (c === ',' && depth === opsDepth) {
      expectElement = true;
    }
  }
  return lines;
}

// ---------------------------------------------------------------------------------------------------------------
// Shared by the two Jepsen readers: pairing invocations with completions per process.

interface JepsenEvent {
  line: number;
  process: number | string;
  type: 'invoke' | OpType;
  f: OpFunction;
  key: string | undefined;
  value: EdnValue;
  /** Jepsen's `:time` (nanoseconds), when present. */
  time: number | undefined;
}

/** How a completion is read; the two Jepsen dialects differ (see docs/history-format.md). */
interface Dialect {
  /** An `:ok` read that returned nil: the value is unknown (Knossos) or the key is absent (etcd logs). */
  nilReadIsUnknown: boolean;
  /** A `:fail` cas: did not happen (Knossos) or ran and found another value (etcd logs). */
  failedCasRan: boolean;
  /** A `:fail` read: did not happen (Knossos), or timed out with an unknown result (etcd logs); dropped either way. */
  failedReadTimedOut: boolean;
}

function toValue(v: EdnValue, line: number, what: string): Value {
  if (v === null || typeof v === 'string') return v;
  if (typeof v === 'number') return v;
  if (v instanceof Keyword) return ':' + v.name;
  throw new HistoryError(`${what}: unsupported value ${ednText(v)} (expected nil, a number, a string or a keyword)`, line);
}

function ednText(v: EdnValue): string {
  if (Array.isArray(v)) return '[' + v.map(ednText).join(' ') + ']';
  if (v instanceof EdnMap) return '{...}';
  return String(v);
}

function pairEvents(events: readonly JepsenEvent[], dialect: Dialect): HistoryOperation[] {
  const useTime = events.length > 0 && events.every((e) => e.time !== undefined);
  const timeOf = (e: JepsenEvent, index: number): number => (useTime ? (e.time as number) / 1e6 : index);
  const pending = new Map<string, { event: JepsenEvent; index: number }>();
  const operations: HistoryOperation[] = [];
  const slotOf = new Map<string, number>();
  const procKey = (p: number | string): string => `${typeof p}:${p}`;

  events.forEach((e, index) => {
    const pk = procKey(e.process);
    if (e.type === 'invoke') {
      const open = pending.get(pk);
      if (open !== undefined) {
        throw new HistoryError(
          `process ${String(e.process)} invokes again while its operation from line ${open.event.line} has not completed`,
          e.line,
        );
      }
      pending.set(pk, { event: e, index });
      // Reserve the operation's place so that operations stay in invocation order.
      slotOf.set(pk, operations.length);
      operations.push(undefined as unknown as HistoryOperation);
      return;
    }
    const open = pending.get(pk);
    if (open === undefined) throw new HistoryError(`process ${String(e.process)} completes an operation it never invoked`, e.line);
    const inv = open.event;
    if (inv.f !== e.f)
      throw new HistoryError(`process ${String(e.process)} invoked :${inv.f} (line ${inv.line}) but completes :${e.f}`, e.line);
    pending.delete(pk);
    operations[slotOf.get(pk) as number] = makeOperation(inv, e, timeOf(inv, open.index), timeOf(e, index), dialect);
  });
  for (const [pk, open] of pending) {
    operations[slotOf.get(pk) as number] = makeOperation(open.event, undefined, timeOf(open.event, open.index), null, dialect);
  }
  operations.forEach((op, i) => (op.id = i));
  return operations;
}

function makeOperation(
  inv: JepsenEvent,
  done: JepsenEvent | undefined,
  invoke: number,
  complete: number | null,
  dialect: Dialect,
): HistoryOperation {
  const where = `:${inv.f}`;
  let type: OpType = done === undefined ? 'info' : (done.type as OpType);
  let value: Value | [Value, Value];
  let succeeded: boolean | undefined;
  if (inv.f === 'cas') {
    const v = inv.value;
    if (!Array.isArray(v) || v.length !== 2) throw new HistoryError(`${where}: a cas value must be [from to]`, inv.line);
    value = [toValue(v[0] as EdnValue, inv.line, where), toValue(v[1] as EdnValue, inv.line, where)];
    if (type === 'fail' && dialect.failedCasRan) {
      type = 'ok';
      succeeded = false;
    }
  } else if (isReadFunction(inv.f)) {
    value = type === 'ok' && done !== undefined ? toValue(done.value, done.line, where) : null;
    if (type === 'fail' && dialect.failedReadTimedOut) type = 'info';
    if (type === 'ok' && value === null && dialect.nilReadIsUnknown) type = 'info';
  } else {
    const v = inv.value === null && done !== undefined ? done.value : inv.value;
    value = toValue(v, inv.line, where);
  }
  const op: HistoryOperation = {
    process: inv.process,
    f: inv.f,
    value,
    type,
    invoke,
    complete: type === 'info' ? null : (complete ?? invoke),
  };
  if (inv.key !== undefined) op.key = inv.key;
  if (succeeded !== undefined) op.succeeded = succeeded;
  return op;
}

function opFunction(v: EdnValue, line: number): OpFunction {
  const name = v instanceof Keyword ? v.name : typeof v === 'string' ? v : undefined;
  if (name === undefined || !(OP_FUNCTIONS as readonly string[]).includes(name)) {
    throw new HistoryError(`unsupported :f ${ednText(v ?? null)} (expected one of ${OP_FUNCTIONS.map((f) => ':' + f).join(', ')})`, line);
  }
  return name as OpFunction;
}

function eventType(v: EdnValue, line: number): JepsenEvent['type'] {
  const name = v instanceof Keyword ? v.name : typeof v === 'string' ? v : '';
  if (name === 'invoke' || name === 'ok' || name === 'fail' || name === 'info') return name;
  throw new HistoryError(`unsupported :type ${ednText(v ?? null)} (expected :invoke, :ok, :fail or :info)`, line);
}

// ---------------------------------------------------------------------------------------------------------------
// Jepsen EDN op maps (Knossos semantics)

const KNOSSOS: Dialect = { nilReadIsUnknown: true, failedCasRan: false, failedReadTimedOut: false };
const ETCD_LOG: Dialect = { nilReadIsUnknown: false, failedCasRan: true, failedReadTimedOut: true };

export function parseEdnHistory(text: string, independent = false): History {
  const forms = readEdnForms(text);
  let maps: Array<{ value: EdnValue; line: number }> = forms;
  if (forms.length === 1 && Array.isArray(forms[0]?.value)) {
    maps = (forms[0].value as EdnValue[]).map((value) => ({ value, line: value instanceof EdnMap ? value.line : (forms[0]?.line ?? 0) }));
  }
  const events: JepsenEvent[] = [];
  for (const { value: m, line } of maps) {
    if (!(m instanceof EdnMap)) throw new HistoryError(`expected an op map {:type ... :f ... :value ...}, found ${ednText(m)}`, line);
    const process = m.get('process');
    // Nemesis and other non-client entries take no part in the model.
    if (process instanceof Keyword || process === undefined) continue;
    if (typeof process !== 'number' && typeof process !== 'string')
      throw new HistoryError(`unsupported :process ${ednText(process)}`, line);
    const type = eventType(m.get('type') ?? null, line);
    const f = opFunction(m.get('f') ?? null, line);
    let value = m.get('value') ?? null;
    let key: string | undefined;
    const rawKey = m.get('key');
    if (rawKey !== undefined && rawKey !== null) key = keyText(rawKey, line);
    if (independent) {
      if (!Array.isArray(value) || value.length !== 2)
        throw new HistoryError('with independent keys every :value must be [key value]', line);
      key = keyText(value[0] as EdnValue, line);
      value = value[1] as EdnValue;
    }
    const time = m.get('time');
    events.push({ line, process, type, f, key, value, time: typeof time === 'number' ? time : undefined });
  }
  return { schemaVersion: 1, operations: pairEvents(events, KNOSSOS) };
}

function keyText(v: EdnValue, line: number): string {
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return String(v);
  if (v instanceof Keyword) return ':' + v.name;
  throw new HistoryError(`unsupported key ${ednText(v)} (expected a string, a number or a keyword)`, line);
}

// ---------------------------------------------------------------------------------------------------------------
// Jepsen log lines (Porcupine's etcd histories)

const LOG_LINE = /jepsen\.util\s+-\s+(\S+)\s+(\S+)\s+(\S+)(?:\s+(.*?))?\s*$/;

export function parseJepsenLog(text: string): History {
  const events: JepsenEvent[] = [];
  const lines = text.split('\n');
  lines.forEach((raw, i) => {
    const lineNo = i + 1;
    if (!raw.includes('jepsen.util')) return; // other log output
    const m = LOG_LINE.exec(raw);
    if (m === null) throw new HistoryError('expected "INFO jepsen.util - <process> <type> <f> <value>"', lineNo);
    const [, proc, typeText, fText, valueText] = m as unknown as [string, string, string, string, string | undefined];
    if (!/^-?\d+$/.test(proc)) {
      if (proc.startsWith(':')) return; // :nemesis
      throw new HistoryError(`bad process ${proc}`, lineNo);
    }
    const read = (t: string): EdnValue => {
      try {
        return readEdn(t);
      } catch (err) {
        throw new HistoryError(`cannot read ${t}: ${err instanceof Error ? err.message : String(err)}`, lineNo);
      }
    };
    const value: EdnValue = valueText !== undefined && valueText !== '' ? read(valueText) : null;
    const type = eventType(read(typeText), lineNo);
    const f = opFunction(read(fText), lineNo);
    events.push({ line: lineNo, process: Number(proc), type, f, key: undefined, value, time: undefined });
  });
  if (events.length === 0) throw new HistoryError('no "jepsen.util -" operation lines found');
  return { schemaVersion: 1, operations: pairEvents(events, ETCD_LOG) };
}
