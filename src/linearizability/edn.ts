// A small EDN reader (enough for Jepsen op maps and log values) and a writer that renders a history as Jepsen
// op maps, one per line, for Knossos, Elle or Porcupine's kv tests to read.
//
// The reader works on the input's bytes, so the history never exists as one big string: a string value is one
// allocation of its own size, keywords are shared, nesting is bounded (no input can exhaust the stack), and what it
// builds is counted against the check's memory budget (a `Meter`) while the clock is looked at as it goes.

import { Buffer } from 'node:buffer';
import { Meter, type Budget } from './budget.js';
import { clipText } from './display.js';
import { HistoryError, type History, type HistoryOperation, type Value } from './history.js';

export class Keyword {
  constructor(readonly name: string) {}
  toString(): string {
    return ':' + this.name;
  }
}

export class EdnSymbol {
  constructor(readonly name: string) {}
  toString(): string {
    return this.name;
  }
}

export class EdnMap {
  constructor(
    /** Keys and values in turn: k0, v0, k1, v1, ... (one array, not one per entry). */
    readonly items: EdnValue[],
    /** 1-based line where the map starts, so that errors about an op map can name it. */
    readonly line = 0,
  ) {}
  /** Looks up a keyword key, e.g. `get('type')` for `:type`. */
  get(name: string): EdnValue | undefined {
    const items = this.items;
    for (let i = 0; i < items.length; i += 2) {
      const k = items[i];
      if (k instanceof Keyword && k.name === name) return items[i + 1];
    }
    return undefined;
  }
  /** Looks up a key by identity: a keyword shared by the reader (EdnContext.names), found without comparing names. */
  at(key: Keyword): EdnValue | undefined {
    const items = this.items;
    for (let i = 0; i < items.length; i += 2) if (items[i] === key) return items[i + 1];
    return undefined;
  }
  has(name: string): boolean {
    return this.get(name) !== undefined;
  }
  get entries(): Array<[EdnValue, EdnValue]> {
    const out: Array<[EdnValue, EdnValue]> = [];
    for (let i = 0; i < this.items.length; i += 2) out.push([this.items[i] as EdnValue, this.items[i + 1] as EdnValue]);
    return out;
  }
}

export class EdnSet {
  constructor(readonly items: EdnValue[]) {}
}

export class EdnTagged {
  constructor(
    readonly tag: string,
    readonly value: EdnValue,
  ) {}
}

/** Vectors and lists both read as arrays: op histories do not distinguish them. */
export type EdnValue = null | boolean | number | string | Keyword | EdnSymbol | EdnMap | EdnSet | EdnTagged | EdnValue[];

export interface EdnForm {
  value: EdnValue;
  /** 1-based line where the form starts. */
  line: number;
}

/** How deep collections may nest; op maps need three levels, and recursion this deep is far from the stack's end. */
export const MAX_NESTING = 256;

// Estimated heap bytes of what the reader builds (V8, 64-bit): one slot per element, a header per object.
const SLOT_BYTES = 8;
const OBJECT_BYTES = 40;
const STRING_BYTES = 24;
const NUMBER_BYTES = 16;
// The clock is looked at after this many bytes of input, so one long string or run of spaces cannot outlast it.
const TICK_BYTES = 1 << 22;
const MAX_SHARED_NAMES = 1 << 16;

const enum C {
  Tab = 0x09,
  Newline = 0x0a,
  Return = 0x0d,
  Space = 0x20,
  Quote = 0x22,
  Hash = 0x23,
  LParen = 0x28,
  RParen = 0x29,
  Plus = 0x2b,
  Comma = 0x2c,
  Minus = 0x2d,
  Colon = 0x3a,
  Semicolon = 0x3b,
  LBracket = 0x5b,
  Backslash = 0x5c,
  RBracket = 0x5d,
  Underscore = 0x5f,
  LBrace = 0x7b,
  RBrace = 0x7d,
}

const WHITESPACE = new Uint8Array(256);
for (const c of ' \t\n\r\f,') WHITESPACE[c.charCodeAt(0)] = 1;
/** Bytes that end a token: whitespace and the delimiters (`#` may appear inside a token). */
const ENDS_TOKEN = new Uint8Array(WHITESPACE);
for (const c of '{}[]()";\\') ENDS_TOKEN[c.charCodeAt(0)] = 1;

const SIMPLE_ESCAPES: Array<string | undefined> = [];
for (const [c, v] of Object.entries({ n: '\n', t: '\t', r: '\r', b: '\b', f: '\f', '"': '"', '\\': '\\' }))
  SIMPLE_ESCAPES[c.charCodeAt(0)] = v;

const isDigit = (c: number | undefined): boolean => c !== undefined && c >= 0x30 && c <= 0x39;

/** Keywords shared by name, found from their bytes without building a string per occurrence. */
class Names {
  private readonly buckets = new Map<number, Array<{ bytes: Uint8Array; keyword: Keyword }>>();
  // The keyword last found for each short hash: an op map's few keywords are found without the Map.
  private readonly recent: Array<{ bytes: Uint8Array; keyword: Keyword } | undefined> = new Array(256);
  private size = 0;

  /** The shared keyword of a name (for lookups by identity, e.g. `:process`). */
  named(name: string): Keyword {
    const b = Buffer.from(name, 'utf8');
    return this.keyword(b, 0, b.length, undefined);
  }

  keyword(b: Buffer, start: number, end: number, meter: Meter | undefined): Keyword {
    let h = 0x811c9dc5;
    for (let i = start; i < end; i++) h = Math.imul(h ^ (b[i] as number), 0x01000193);
    const hit = this.recent[h & 0xff];
    if (hit !== undefined && sameBytes(hit.bytes, b, start, end)) return hit.keyword;
    const bucket = this.buckets.get(h);
    if (bucket !== undefined) {
      for (const e of bucket) {
        if (!sameBytes(e.bytes, b, start, end)) continue;
        this.recent[h & 0xff] = e;
        return e.keyword;
      }
    }
    meter?.add(OBJECT_BYTES + STRING_BYTES + 2 * (end - start));
    const keyword = new Keyword(decode(b, start, end, false));
    // Past this many names (a history of made-up keywords) they are no longer shared: the table stays bounded.
    if (this.size < MAX_SHARED_NAMES && end - start <= 64) {
      this.size++;
      const entry = { bytes: Uint8Array.from(b.subarray(start, end)), keyword };
      if (bucket === undefined) this.buckets.set(h, [entry]);
      else if (bucket.length < 8) bucket.push(entry);
    }
    return keyword;
  }
}

function sameBytes(a: Uint8Array, b: Buffer, start: number, end: number): boolean {
  if (a.length !== end - start) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[start + i]) return false;
  return true;
}

function decode(b: Buffer, start: number, end: number, ascii: boolean): string {
  return b.toString(ascii ? 'latin1' : 'utf8', start, end);
}

/** What the readers of one input share: the memory meter, the budget's clock and the table of keywords. */
export class EdnContext {
  readonly names = new Names();
  readonly meter: Meter;
  constructor(readonly budget?: Budget) {
    this.meter = new Meter(budget, 'reading the history');
  }
}

export function toBuffer(input: string | Uint8Array): Buffer {
  if (typeof input === 'string') return Buffer.from(input, 'utf8');
  return Buffer.isBuffer(input) ? input : Buffer.from(input.buffer, input.byteOffset, input.byteLength);
}

// A sentinel object so that `#_ form` disappears from its collection.
const DISCARDED = new EdnSymbol('#_') as EdnValue;

class Reader {
  pos: number;
  line: number;
  private depth = 0;
  private tickAt: number;
  private readonly meter: Meter;

  constructor(
    private readonly b: Buffer,
    start: number,
    private readonly end: number,
    line: number,
    private readonly ctx: EdnContext,
  ) {
    this.pos = start;
    this.line = line;
    this.tickAt = start + TICK_BYTES;
    this.meter = ctx.meter;
  }

  error(message: string, line = this.line): never {
    throw new HistoryError(`EDN: ${message}`, line);
  }

  private tick(): void {
    this.tickAt = this.pos + TICK_BYTES;
    this.ctx.budget?.checkTime('reading the history');
  }

  /** Skips whitespace, commas and comments; returns false at the end of the input. */
  skip(): boolean {
    const b = this.b;
    for (;;) {
      const stop = Math.min(this.end, this.tickAt);
      let pos = this.pos;
      while (pos < stop) {
        const c = b[pos] as number;
        if (c === C.Newline) this.line++;
        else if (c === C.Semicolon) {
          const nl = b.indexOf(C.Newline, pos);
          pos = nl < 0 || nl >= this.end ? this.end : nl;
          continue;
        } else if (WHITESPACE[c] === 0) break;
        pos++;
      }
      this.pos = pos;
      if (pos < this.tickAt || pos >= this.end) return pos < this.end;
      this.tick();
    }
  }

  peek(): number | undefined {
    return this.pos < this.end ? this.b[this.pos] : undefined;
  }

  read(): EdnValue {
    if (!this.skip()) this.error('unexpected end of input');
    const c = this.b[this.pos] as number;
    const startLine = this.line;
    let value: EdnValue;
    switch (c) {
      case C.Quote:
        return this.readString(startLine);
      case C.Backslash:
        return this.readCharacter();
      case C.RBrace:
      case C.RBracket:
      case C.RParen:
        return this.error(`unexpected '${String.fromCharCode(c)}'`);
      case C.LBrace:
      case C.LBracket:
      case C.LParen:
      case C.Hash:
        break;
      default:
        return this.readAtom();
    }
    if (++this.depth > MAX_NESTING) this.error(`forms nested deeper than ${MAX_NESTING} levels`, startLine);
    if (c === C.LBrace) value = this.readMap(startLine);
    else if (c === C.Hash) value = this.readDispatch(startLine);
    else value = this.readSeq(c === C.LBracket ? C.RBracket : C.RParen, startLine);
    this.depth--;
    return value;
  }

  private readMap(startLine: number): EdnMap {
    const items = this.readSeq(C.RBrace, startLine);
    if (items.length % 2 !== 0) this.error('a map needs an even number of forms', startLine);
    this.meter.add(OBJECT_BYTES);
    return new EdnMap(items, startLine);
  }

  /** The forms up to `close`; the opening byte is at `pos`. */
  readSeq(close: number, startLine: number, visit?: (value: EdnValue, line: number) => void): EdnValue[] {
    this.pos++;
    const items: EdnValue[] = [];
    this.meter.add(OBJECT_BYTES);
    for (;;) {
      if (!this.skip()) this.error(`'${String.fromCharCode(close)}' missing for the form opened here`, startLine);
      if (this.b[this.pos] === close) {
        this.pos++;
        return items;
      }
      const line = this.line;
      const value = this.read();
      if (value === DISCARDED) continue;
      if (visit !== undefined) {
        visit(value, line);
      } else {
        this.meter.add(SLOT_BYTES);
        items.push(value);
      }
    }
  }

  private readString(startLine: number): string {
    const b = this.b;
    let pos = ++this.pos;
    let ascii = true;
    let pieces: string[] | undefined;
    let pieceChars = 0;
    let segment = pos;
    for (;;) {
      if (pos >= this.end) this.error('unterminated string', startLine);
      if (pos >= this.tickAt) {
        this.pos = pos;
        this.tick();
      }
      const c = b[pos] as number;
      if (c === C.Quote) break;
      if (c === C.Backslash) {
        pieces ??= [];
        this.meter.add(STRING_BYTES + 2 * (pos - segment) + 2 * SLOT_BYTES);
        pieces.push(decode(b, segment, pos, ascii));
        pieceChars += pos - segment + 1;
        pos = this.escape(pos, pieces);
        segment = pos;
        ascii = true;
        continue;
      }
      if (c === C.Newline) this.line++;
      else if (c >= 0x80) ascii = false;
      pos++;
    }
    this.meter.add(STRING_BYTES + (ascii ? 1 : 2) * (pos - segment));
    const last = decode(b, segment, pos, ascii);
    this.pos = pos + 1;
    if (pieces === undefined) return last;
    pieces.push(last);
    // The pieces are garbage once joined; the joined string is what stays.
    this.meter.add(STRING_BYTES + 2 * (pieceChars + pos - segment));
    return pieces.join('');
  }

  /** The escape at `pos` (a backslash) appended to `pieces`; returns the position after it. */
  private escape(pos: number, pieces: string[]): number {
    const e = this.b[pos + 1];
    const simple = e === undefined || pos + 1 >= this.end ? undefined : SIMPLE_ESCAPES[e];
    if (simple !== undefined) {
      pieces.push(simple);
      return pos + 2;
    }
    if (e === 0x75) {
      const hex = pos + 6 <= this.end ? this.b.toString('latin1', pos + 2, pos + 6) : '';
      if (!/^[0-9a-fA-F]{4}$/.test(hex)) this.error('bad \\u escape');
      pieces.push(String.fromCharCode(parseInt(hex, 16)));
      return pos + 6;
    }
    return this.error(`unknown string escape \\${e === undefined || pos + 1 >= this.end ? '' : clipText(String.fromCharCode(e))}`);
  }

  private readDispatch(startLine: number): EdnValue {
    const next = this.b[this.pos + 1];
    if (next === C.LBrace) {
      this.pos++;
      return new EdnSet(this.readSeq(C.RBrace, startLine));
    }
    if (next === C.Underscore) {
      this.pos += 2;
      this.read();
      return DISCARDED;
    }
    this.pos++;
    const start = this.pos;
    const end = this.tokenEnd();
    if (end === start) this.error("bad '#' dispatch");
    const tag = this.token(start, end);
    return new EdnTagged(tag, this.read());
  }

  private readCharacter(): string {
    const start = ++this.pos;
    const token = this.token(start, this.tokenEnd());
    const named: Record<string, string> = { newline: '\n', space: ' ', tab: '\t', return: '\r' };
    return named[token] ?? token.slice(0, 1);
  }

  /** Where the token at `pos` ends. */
  private tokenEnd(): number {
    const b = this.b;
    let pos = this.pos;
    while (pos < this.end && ENDS_TOKEN[b[pos] as number] === 0) pos++;
    return pos;
  }

  /** The token [start, end) as a string (its bytes counted); `pos` moves past it. */
  private token(start: number, end: number): string {
    this.pos = end;
    this.meter.add(STRING_BYTES + 2 * (end - start));
    return decode(this.b, start, end, false);
  }

  private readAtom(): EdnValue {
    const b = this.b;
    const start = this.pos;
    const end = this.tokenEnd();
    if (end === start) this.error(`unexpected character '${clipText(String.fromCharCode(b[start] as number))}'`);
    const c = b[start] as number;
    const n = end - start;
    if (c === C.Colon) {
      if (n === 1) this.error("a keyword needs a name after ':'");
      this.pos = end;
      return this.ctx.names.keyword(b, start + 1, end, this.meter);
    }
    if (isDigit(c) || ((c === C.Plus || c === C.Minus) && isDigit(b[start + 1]))) return this.readNumber(start, end);
    if (n === 3 && b[start] === 0x6e && b[start + 1] === 0x69 && b[start + 2] === 0x6c) {
      this.pos = end;
      return null;
    }
    const word = this.token(start, end);
    if (word === 'true') return true;
    if (word === 'false') return false;
    return new EdnSymbol(word);
  }

  private readNumber(start: number, end: number): number {
    const b = this.b;
    this.meter.add(NUMBER_BYTES);
    // Integers that fit a double exactly are read from their digits; anything else goes through Number().
    let i = start;
    const negative = b[i] === C.Minus;
    if (b[i] === C.Plus || b[i] === C.Minus) i++;
    if (end - i <= 15) {
      let v = 0;
      for (; i < end; i++) {
        const d = (b[i] as number) - 0x30;
        if (d < 0 || d > 9) break;
        v = v * 10 + d;
      }
      if (i === end) {
        this.pos = end;
        return negative ? -v : v;
      }
    }
    const token = this.token(start, end);
    // Clojure's N (bigint) and M (bigdecimal) suffixes only change the precision, not the value.
    const last = token.charCodeAt(token.length - 1);
    const v = Number(last === 0x4e || last === 0x4d ? token.slice(0, -1) : token);
    if (!Number.isFinite(v)) this.error(`bad number ${clipText(token, 40)}`);
    return v;
  }
}

/** Reads every top-level form of an EDN text, with the line each starts on. */
export function readEdnForms(input: string | Uint8Array, ctx = new EdnContext()): EdnForm[] {
  const b = toBuffer(input);
  const reader = new Reader(b, 0, b.length, 1, ctx);
  const forms: EdnForm[] = [];
  while (reader.skip()) {
    const line = reader.line;
    const value = reader.read();
    if (value !== DISCARDED) forms.push({ value, line });
  }
  return forms;
}

/** Reads exactly one EDN form (e.g. the value column of a Jepsen log line). */
export function readEdn(input: string | Uint8Array): EdnValue {
  const b = toBuffer(input);
  return readEdnSlice(b, 0, b.length, 1, new EdnContext());
}

/** Reads the one form in bytes [start, end). */
export function readEdnSlice(b: Buffer, start: number, end: number, line: number, ctx: EdnContext): EdnValue {
  const reader = new Reader(b, start, end, line, ctx);
  let value: EdnValue | undefined;
  let count = 0;
  while (reader.skip()) {
    const v = reader.read();
    if (v === DISCARDED) continue;
    count++;
    value = v;
  }
  if (count !== 1) throw new HistoryError(`EDN: expected one form, found ${count}`);
  return value as EdnValue;
}

/**
 * Reads an EDN history one op at a time: `visit` gets each top-level form, or each element of a history written
 * as one vector (or list), as soon as it is read; what a form held is no longer counted once `visit` returns.
 */
export function visitEdnHistory(input: Uint8Array, visit: (value: EdnValue, line: number) => void, ctx: EdnContext): void {
  const b = toBuffer(input);
  const reader = new Reader(b, 0, b.length, 1, ctx);
  const meter = ctx.meter;
  const visitForm = (value: EdnValue, line: number): void => {
    visit(value, line);
    meter.drop(meter.heldBytes);
  };
  let first = true;
  while (reader.skip()) {
    const line = reader.line;
    const c = reader.peek();
    if (first && (c === C.LBracket || c === C.LParen)) {
      reader.readSeq(c === C.LBracket ? C.RBracket : C.RParen, line, visitForm);
      if (reader.skip()) reader.error('a history written as one vector must be the only form', reader.line);
      return;
    }
    first = false;
    const value = reader.read();
    if (value !== DISCARDED) visitForm(value, line);
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Writer

export function ednString(s: string): string {
  return '"' + s.replace(/[\\"\n\r\t]/g, (c) => ({ '\\': '\\\\', '"': '\\"', '\n': '\\n', '\r': '\\r', '\t': '\\t' })[c] ?? c) + '"';
}

function ednValue(v: Value): string {
  if (v === null) return 'nil';
  if (typeof v === 'number') return Number.isInteger(v) ? String(v) : String(v);
  return ednString(v);
}

function ednProcess(p: number | string): string {
  return typeof p === 'number' ? String(p) : ednString(p);
}

export interface ToEdnOptions {
  /**
   * How keys are written. `field` (default): a `:key` entry in each map, as Porcupine's kv histories do.
   * `independent`: `:value [key value]` tuples, as Jepsen's `jepsen.independent` checker (Knossos per key) reads.
   */
  keys?: 'field' | 'independent';
}

interface EdnEvent {
  time: number;
  /** Invocations sort before completions at the same time: that order is the permissive one. */
  phase: 0 | 1;
  seq: number;
  text: (index: number) => string;
}

/**
 * Renders a history as Jepsen op maps, one per line, in time order. Times become `:time` in integer nanoseconds
 * (the history's milliseconds x 1e6). Operations that never completed (`info`) get their `:info` completion at the
 * end of the history. A cas that ran but did not match (`succeeded: false`) is written as `:fail`, which Jepsen
 * reads as "did not take effect": true, though it drops the information that the comparison failed. An `ok` read of
 * null is written as `nil`, which Knossos reads as "value unknown".
 */
export function toEdn(history: History, options: ToEdnOptions = {}): string {
  const independent = options.keys === 'independent';
  const events: EdnEvent[] = [];
  let maxTime = 0;
  for (const op of history.operations) {
    maxTime = Math.max(maxTime, op.invoke, op.complete ?? op.invoke);
  }
  const end = maxTime + 1;
  const processes = renumberCrashedProcesses(history.operations);
  history.operations.forEach((op, seq) => {
    const process = processes[seq] as number | string;
    const keyed = (v: string): string => (independent && op.key !== undefined ? `[${ednString(op.key)} ${v}]` : v);
    const keyField = !independent && op.key !== undefined ? `, :key ${ednString(op.key)}` : '';
    const inputValue = (): string => {
      if (op.f === 'cas') {
        const [from, to] = op.value as [Value, Value];
        return `[${ednValue(from)} ${ednValue(to)}]`;
      }
      if (op.f === 'read' || op.f === 'get') return 'nil';
      return ednValue(op.value as Value);
    };
    const outputValue = (type: string): string => {
      if ((op.f === 'read' || op.f === 'get') && type === ':ok') return ednValue(op.value as Value);
      return inputValue();
    };
    const map = (index: number, type: string, time: number, value: string): string =>
      `{:index ${index}, :type ${type}, :process ${ednProcess(process)}, :f :${op.f}${keyField}, ` +
      `:value ${keyed(value)}, :time ${Math.round(time * 1e6)}}`;
    events.push({ time: op.invoke, phase: 0, seq, text: (i) => map(i, ':invoke', op.invoke, inputValue()) });
    let type: string;
    if (op.type === 'info') type = ':info';
    else if (op.type === 'fail' || (op.f === 'cas' && op.succeeded === false)) type = ':fail';
    else type = ':ok';
    const completeTime = op.type === 'info' ? end : (op.complete ?? op.invoke);
    events.push({ time: completeTime, phase: 1, seq, text: (i) => map(i, type, completeTime, outputValue(type)) });
  });
  // The nemesis's starts and heals, as Jepsen writes them: info ops of the process :nemesis.
  (history.nemesis ?? []).forEach((e, i) => {
    const seq = history.operations.length + i;
    events.push({
      time: e.time,
      phase: 0,
      seq,
      text: (n) =>
        `{:index ${n}, :type :info, :process :nemesis, :f :${e.f}, ` +
        `:value ${ednString(`${e.fault} ${e.target}`)}, :time ${Math.round(e.time * 1e6)}}`,
    });
  });
  events.sort((a, b) => a.time - b.time || a.phase - b.phase || a.seq - b.seq);
  return events.map((e, i) => e.text(i)).join('\n') + (events.length > 0 ? '\n' : '');
}

/**
 * Jepsen never reuses a process after an `:info` (the client is considered crashed; Knossos would see two open
 * operations on one process). A recorder may reuse it, so later operations of such a process get a fresh number.
 */
function renumberCrashedProcesses(operations: readonly HistoryOperation[]): Array<number | string> {
  const result: Array<number | string> = operations.map((op) => op.process);
  let next = 0;
  for (const op of operations) if (typeof op.process === 'number') next = Math.max(next, op.process + 1);
  const order = operations
    .map((_, i) => i)
    .sort((a, b) => (operations[a] as HistoryOperation).invoke - (operations[b] as HistoryOperation).invoke || a - b);
  const crashed = new Set<number | string>();
  const alias = new Map<number | string, number | string>();
  for (const i of order) {
    const op = operations[i] as HistoryOperation;
    let p: number | string = alias.get(op.process) ?? op.process;
    if (crashed.has(p)) {
      p = typeof op.process === 'number' ? next++ : `${op.process}#${next++}`;
      alias.set(op.process, p);
    }
    result[i] = p;
    if (op.type === 'info') crashed.add(p);
  }
  return result;
}
