// Readers for Jepsen's two forms: EDN op maps (Knossos semantics) and the log lines of Porcupine's etcd tests
// (etcd-client semantics). Both stream: each event is paired with its process's open invocation as soon as it is
// read, so what is held is the operations (counted against the memory budget) and the invocations still open.
// Every error names the input line.

import { Buffer } from 'node:buffer';
import type { Meter, Budget } from './budget.js';
import { clipText } from './display.js';
import { EdnContext, EdnMap, Keyword, readEdnSlice, toBuffer, visitEdnHistory, type EdnValue } from './edn.js';
import {
  HistoryError,
  OP_FUNCTIONS,
  isReadFunction,
  timeProblem,
  type History,
  type HistoryOperation,
  type OpFunction,
  type OpType,
  type Value,
} from './history.js';
import { operationBytes } from './json.js';

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

const KNOSSOS: Dialect = { nilReadIsUnknown: true, failedCasRan: false, failedReadTimedOut: false };
const ETCD_LOG: Dialect = { nilReadIsUnknown: false, failedCasRan: true, failedReadTimedOut: true };

// An open invocation holds its event; its value is counted as this much until it completes.
const OPEN_BYTES = 200;
// The per-operation numbers kept until the times are decided (indices, :time and lines of both events).
const PAIRING_BYTES = 64;

function toValue(v: EdnValue, line: number, what: string): Value {
  if (v === null || typeof v === 'string') return v;
  if (typeof v === 'number') return v;
  if (v instanceof Keyword) return ':' + v.name;
  throw new HistoryError(`${what}: unsupported value ${ednText(v)} (expected nil, a number, a string or a keyword)`, line);
}

/** A value for an error message: bounded in depth and length, escaped. */
export function ednText(v: EdnValue, depth = 0): string {
  let text: string;
  if (Array.isArray(v))
    text =
      depth > 3
        ? '[...]'
        : '[' +
          v
            .slice(0, 10)
            .map((x) => ednText(x, depth + 1))
            .join(' ') +
          (v.length > 10 ? ' ...]' : ']');
  else if (v instanceof EdnMap) text = '{...}';
  else text = typeof v === 'object' && v !== null && !(v instanceof Keyword) ? '#<...>' : String(v);
  return clipText(text, 120);
}

/** Pairs each completion with its process's open invocation as the events arrive; operations in invocation order. */
class Pairing {
  readonly operations: HistoryOperation[] = [];
  events = 0;
  private timed = true;
  private readonly open = new Map<number | string, { event: JepsenEvent; index: number; slot: number }>();
  // Per operation, until the times are decided at the end: each event's index, :time and line.
  private readonly at: number[][] = [[], [], [], [], [], []];

  constructor(
    private readonly dialect: Dialect,
    private readonly meter: Meter,
  ) {}

  add(e: JepsenEvent): void {
    const index = this.events++;
    if (e.time === undefined) this.timed = false;
    const open = this.open.get(e.process);
    if (e.type === 'invoke') {
      if (open !== undefined) {
        throw new HistoryError(
          `process ${clipText(String(e.process))} invokes again while its operation from line ${open.event.line} has not completed`,
          e.line,
        );
      }
      const slot = this.operations.length;
      this.meter.add(OPEN_BYTES + PAIRING_BYTES);
      // The slot keeps operations in invocation order.
      this.operations.push(undefined as unknown as HistoryOperation);
      this.record(slot, 0, index, e);
      this.open.set(e.process, { event: e, index, slot });
      return;
    }
    if (open === undefined)
      throw new HistoryError(`process ${clipText(String(e.process))} completes an operation it never invoked`, e.line);
    const inv = open.event;
    if (inv.f !== e.f) {
      throw new HistoryError(`process ${clipText(String(e.process))} invoked :${inv.f} (line ${inv.line}) but completes :${e.f}`, e.line);
    }
    this.open.delete(e.process);
    this.record(open.slot, 1, index, e);
    this.place(open.slot, makeOperation(inv, e, this.dialect));
  }

  // On invocation every array grows by one (the completion's entries as NaN), so they stay dense.
  private record(slot: number, which: 0 | 1, index: number, e: JepsenEvent): void {
    const at = this.at;
    if (which === 0) {
      (at[0] as number[]).push(index);
      (at[1] as number[]).push(NaN);
      (at[2] as number[]).push(e.time ?? NaN);
      (at[3] as number[]).push(NaN);
      (at[4] as number[]).push(e.line);
      (at[5] as number[]).push(0);
      return;
    }
    (at[1] as number[])[slot] = index;
    (at[3] as number[])[slot] = e.time ?? NaN;
    (at[5] as number[])[slot] = e.line;
  }

  private place(slot: number, op: HistoryOperation): void {
    this.meter.add(operationBytes(op));
    this.meter.drop(OPEN_BYTES);
    this.operations[slot] = op;
  }

  /**
   * The operations with their times: Jepsen's `:time` in milliseconds when every event has one, else the event's
   * position. Checked as the own form's are: a completion never comes before its invocation.
   */
  finish(): HistoryOperation[] {
    for (const open of this.open.values()) this.place(open.slot, makeOperation(open.event, undefined, this.dialect));
    this.open.clear();
    const useTime = this.events > 0 && this.timed;
    const [invokeIndex, completeIndex, invokeTime, completeTime, invokeLine, completeLine] = this.at as [
      number[],
      number[],
      number[],
      number[],
      number[],
      number[],
    ];
    this.operations.forEach((op, i) => {
      op.invoke = useTime ? (invokeTime[i] as number) / 1e6 : (invokeIndex[i] as number);
      if (op.type !== 'info') op.complete = useTime ? (completeTime[i] as number) / 1e6 : (completeIndex[i] as number);
      op.id = i;
      const problem = timeProblem(op.type, op.invoke, op.complete);
      if (problem === 'order') {
        throw new HistoryError(
          `the completion's :time (${completeTime[i]}) is before its invocation's (${invokeTime[i]}, line ${invokeLine[i]})`,
          completeLine[i],
        );
      }
      if (problem !== undefined) throw new HistoryError(`the operation invoked here has no usable times (${problem})`, invokeLine[i]);
    });
    return this.operations;
  }
}

/** One operation from its invocation and completion (none: it never completed); its times are set by `finish`. */
function makeOperation(inv: JepsenEvent, done: JepsenEvent | undefined, dialect: Dialect): HistoryOperation {
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
  const op: HistoryOperation = { process: inv.process, f: inv.f, value, type, invoke: 0, complete: null };
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

function keyText(v: EdnValue, line: number): string {
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return String(v);
  if (v instanceof Keyword) return ':' + v.name;
  throw new HistoryError(`unsupported key ${ednText(v)} (expected a string, a number or a keyword)`, line);
}

// ---------------------------------------------------------------------------------------------------------------
// Jepsen EDN op maps (Knossos semantics)

/** The keywords of an op map, shared by the reader so that a lookup compares identities. */
interface OpKeys {
  process: Keyword;
  type: Keyword;
  f: Keyword;
  value: Keyword;
  key: Keyword;
  time: Keyword;
}

function opKeys(ctx: EdnContext): OpKeys {
  const k = (name: string): Keyword => ctx.names.named(name);
  return { process: k('process'), type: k('type'), f: k('f'), value: k('value'), key: k('key'), time: k('time') };
}

/** The event an op map records, or undefined for the nemesis and other non-client entries. */
function ednEvent(m: EdnValue, line: number, independent: boolean, keys: OpKeys): JepsenEvent | undefined {
  if (!(m instanceof EdnMap)) throw new HistoryError(`expected an op map {:type ... :f ... :value ...}, found ${ednText(m)}`, line);
  const process = m.at(keys.process);
  // Nemesis and other non-client entries take no part in the model.
  if (process instanceof Keyword || process === undefined) return undefined;
  if (typeof process !== 'number' && typeof process !== 'string') throw new HistoryError(`unsupported :process ${ednText(process)}`, line);
  const type = eventType(m.at(keys.type) ?? null, line);
  const f = opFunction(m.at(keys.f) ?? null, line);
  let value = m.at(keys.value) ?? null;
  let key: string | undefined;
  const rawKey = m.at(keys.key);
  if (rawKey !== undefined && rawKey !== null) key = keyText(rawKey, line);
  if (independent) {
    if (!Array.isArray(value) || value.length !== 2) throw new HistoryError('with independent keys every :value must be [key value]', line);
    key = keyText(value[0] as EdnValue, line);
    value = value[1] as EdnValue;
  }
  const time = m.at(keys.time);
  if (time !== undefined && time !== null && typeof time !== 'number') {
    throw new HistoryError(`unsupported :time ${ednText(time)} (expected a number of nanoseconds)`, line);
  }
  return { line, process, type, f, key, value, time: time ?? undefined };
}

export function readEdnHistory(input: Uint8Array, independent: boolean, budget: Budget | undefined, meter: Meter): History {
  const ctx = new EdnContext(budget);
  const keys = opKeys(ctx);
  const pairing = new Pairing(KNOSSOS, meter);
  try {
    visitEdnHistory(
      input,
      (m, line) => {
        const e = ednEvent(m, line, independent, keys);
        if (e !== undefined) pairing.add(e);
      },
      ctx,
    );
  } finally {
    ctx.meter.close();
  }
  return { schemaVersion: 1, operations: pairing.finish() };
}

// ---------------------------------------------------------------------------------------------------------------
// Jepsen log lines (Porcupine's etcd histories): `INFO jepsen.util - <process> <type> <f> <value>`

const MARKER = Buffer.from('jepsen.util');
const LOG_SHAPE = 'expected "INFO jepsen.util - <process> <type> <f> <value>"';

/** Space, tab, vertical tab, form feed and carriage return: the whitespace a log line may hold. */
const isSpace = (c: number | undefined): boolean => c === 0x20 || (c !== undefined && c >= 0x09 && c <= 0x0d && c !== 0x0a);

function skipSpaces(b: Buffer, pos: number, end: number): number {
  while (pos < end && isSpace(b[pos])) pos++;
  return pos;
}

/** The event on the log line [at, end) whose `jepsen.util` marker is at `at`; undefined for the nemesis. */
function logEvent(b: Buffer, at: number, end: number, line: number, ctx: EdnContext): JepsenEvent | undefined {
  // By hand, not a regular expression: a line is read in one pass whatever runs of spaces or digits it holds.
  let p = skipSpaces(b, at + MARKER.length, end);
  if (p === at + MARKER.length || b[p] !== 0x2d) throw new HistoryError(LOG_SHAPE, line);
  p++;
  const tokens: Array<[number, number]> = [];
  for (let k = 0; k < 3; k++) {
    const start = skipSpaces(b, p, end);
    if (start === p) throw new HistoryError(LOG_SHAPE, line);
    p = start;
    while (p < end && !isSpace(b[p])) p++;
    if (start === p) throw new HistoryError(LOG_SHAPE, line);
    tokens.push([start, p]);
  }
  const [proc, typeToken, fToken] = tokens as [[number, number], [number, number], [number, number]];
  let valueEnd = end;
  const valueStart = skipSpaces(b, p, end);
  while (valueEnd > valueStart && isSpace(b[valueEnd - 1])) valueEnd--;
  const procText = b.toString('utf8', proc[0], proc[1]);
  if (!isInteger(procText)) {
    if (procText.startsWith(':')) return undefined; // :nemesis
    throw new HistoryError(`bad process ${clipText(procText, 60)}`, line);
  }
  const read = (start: number, stop: number): EdnValue => {
    try {
      return readEdnSlice(b, start, stop, line, ctx);
    } catch (err) {
      const text = clipText(b.toString('utf8', start, Math.min(stop, start + 200)), 80);
      throw new HistoryError(`cannot read ${text}: ${err instanceof Error ? err.message : String(err)}`, line);
    }
  };
  const value: EdnValue = valueStart < valueEnd ? read(valueStart, valueEnd) : null;
  const type = eventType(read(typeToken[0], typeToken[1]), line);
  const f = opFunction(read(fToken[0], fToken[1]), line);
  return { line, process: Number(procText), type, f, key: undefined, value, time: undefined };
}

function isInteger(s: string): boolean {
  let i = s.charCodeAt(0) === 0x2d ? 1 : 0;
  if (i >= s.length) return false;
  for (; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x30 || c > 0x39) return false;
  }
  return true;
}

function newlinesIn(b: Buffer, from: number, to: number): number {
  let n = 0;
  for (let p = b.indexOf(0x0a, from); p >= 0 && p < to; p = b.indexOf(0x0a, p + 1)) n++;
  return n;
}

export function readJepsenLog(input: Uint8Array, budget: Budget | undefined, meter: Meter): History {
  const b = toBuffer(input);
  const ctx = new EdnContext(budget);
  const pairing = new Pairing(ETCD_LOG, meter);
  let pos = 0;
  let line = 1;
  try {
    // Lines without the marker are other log output: the search jumps from one marker to the next.
    for (let at = b.indexOf(MARKER, 0); at >= 0; at = b.indexOf(MARKER, pos)) {
      line += newlinesIn(b, pos, at);
      let end = b.indexOf(0x0a, at);
      if (end < 0) end = b.length;
      const e = logEvent(b, at, end, line, ctx);
      if (e !== undefined) pairing.add(e);
      if (pairing.events % 1024 === 0) budget?.checkTime('reading the history');
      if (end >= b.length) break;
      pos = end + 1;
      line++;
    }
  } finally {
    ctx.meter.close();
  }
  if (pairing.events === 0) throw new HistoryError('no "jepsen.util -" operation lines found');
  return { schemaVersion: 1, operations: pairing.finish() };
}
