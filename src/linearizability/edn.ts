// A small EDN reader (enough for Jepsen op maps and log values) and a writer that renders a history as Jepsen
// op maps, one per line, for Knossos, Elle or Porcupine's kv tests to read.

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
    readonly entries: Array<[EdnValue, EdnValue]>,
    /** 1-based line where the map starts, so that errors about an op map can name it. */
    readonly line = 0,
  ) {}
  /** Looks up a keyword key, e.g. `get('type')` for `:type`. */
  get(name: string): EdnValue | undefined {
    for (const [k, v] of this.entries) if (k instanceof Keyword && k.name === name) return v;
    return undefined;
  }
  has(name: string): boolean {
    return this.entries.some(([k]) => k instanceof Keyword && k.name === name);
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

const DELIMITERS = new Set(['{', '}', '[', ']', '(', ')', '"', ';', ',', '#', '\\']);

function isWhitespace(c: string): boolean {
  return c === ' ' || c === '\t' || c === '\n' || c === '\r' || c === ',' || c === '\f';
}

class Reader {
  private pos = 0;
  line = 1;
  constructor(private readonly text: string) {}

  private error(message: string, line = this.line): never {
    throw new HistoryError(`EDN: ${message}`, line);
  }

  /** Skips whitespace, commas and comments; returns false at the end of the input. */
  skip(): boolean {
    const t = this.text;
    while (this.pos < t.length) {
      const c = t[this.pos];
      if (c === '\n') {
        this.line++;
        this.pos++;
      } else if (c !== undefined && isWhitespace(c)) {
        this.pos++;
      } else if (c === ';') {
        while (this.pos < t.length && t[this.pos] !== '\n') this.pos++;
      } else {
        return true;
      }
    }
    return false;
  }

  peek(): string | undefined {
    return this.text[this.pos];
  }

  read(): EdnValue {
    if (!this.skip()) this.error('unexpected end of input');
    const t = this.text;
    const c = t[this.pos] as string;
    const startLine = this.line;
    switch (c) {
      case '{':
        return this.readMap(startLine);
      case '[':
        this.pos++;
        return this.readSeq(']', startLine);
      case '(':
        this.pos++;
        return this.readSeq(')', startLine);
      case '"':
        return this.readString(startLine);
      case '}':
      case ']':
      case ')':
        this.error(`unexpected '${c}'`);
        break;
      case '#':
        return this.readDispatch(startLine);
      case '\\':
        return this.readCharacter();
      default:
        break;
    }
    return this.readAtom();
  }

  private readMap(startLine: number): EdnMap {
    this.pos++;
    const items = this.readSeq('}', startLine);
    if (items.length % 2 !== 0) this.error('a map needs an even number of forms', startLine);
    const entries: Array<[EdnValue, EdnValue]> = [];
    for (let i = 0; i < items.length; i += 2) entries.push([items[i] as EdnValue, items[i + 1] as EdnValue]);
    return new EdnMap(entries, startLine);
  }

  private readSeq(close: string, startLine: number): EdnValue[] {
    const items: EdnValue[] = [];
    for (;;) {
      if (!this.skip()) this.error(`'${close}' missing for the form opened here`, startLine);
      if (this.peek() === close) {
        this.pos++;
        return items;
      }
      const value = this.read();
      if (value !== DISCARDED) items.push(value);
    }
  }

  private readString(startLine: number): string {
    const t = this.text;
    this.pos++;
    let out = '';
    for (;;) {
      if (this.pos >= t.length) this.error('unterminated string', startLine);
      const c = t[this.pos++] as string;
      if (c === '"') return out;
      if (c === '\n') this.line++;
      if (c !== '\\') {
        out += c;
        continue;
      }
      const e = t[this.pos++];
      switch (e) {
        case 'n':
          out += '\n';
          break;
        case 't':
          out += '\t';
          break;
        case 'r':
          out += '\r';
          break;
        case 'b':
          out += '\b';
          break;
        case 'f':
          out += '\f';
          break;
        case '"':
          out += '"';
          break;
        case '\\':
          out += '\\';
          break;
        case 'u': {
          const hex = t.slice(this.pos, this.pos + 4);
          if (!/^[0-9a-fA-F]{4}$/.test(hex)) this.error('bad \\u escape');
          out += String.fromCharCode(parseInt(hex, 16));
          this.pos += 4;
          break;
        }
        default:
          this.error(`unknown string escape \\${e ?? ''}`);
      }
    }
  }

  private readDispatch(startLine: number): EdnValue {
    const t = this.text;
    const next = t[this.pos + 1];
    if (next === '{') {
      this.pos += 2;
      return new EdnSet(this.readSeq('}', startLine));
    }
    if (next === '_') {
      this.pos += 2;
      this.read();
      return DISCARDED;
    }
    this.pos++;
    const tag = this.readToken();
    if (tag === '') this.error("bad '#' dispatch");
    return new EdnTagged(tag, this.read());
  }

  private readCharacter(): string {
    this.pos++;
    const token = this.readToken();
    const named: Record<string, string> = { newline: '\n', space: ' ', tab: '\t', return: '\r' };
    return named[token] ?? token.slice(0, 1);
  }

  private readToken(): string {
    const t = this.text;
    const start = this.pos;
    while (this.pos < t.length) {
      const c = t[this.pos] as string;
      if (isWhitespace(c) || (DELIMITERS.has(c) && c !== '#')) break;
      this.pos++;
    }
    return t.slice(start, this.pos);
  }

  private readAtom(): EdnValue {
    const token = this.readToken();
    if (token === '') this.error(`unexpected character '${this.peek() ?? ''}'`);
    if (token === 'nil') return null;
    if (token === 'true') return true;
    if (token === 'false') return false;
    if (token.startsWith(':')) {
      if (token.length === 1) this.error("a keyword needs a name after ':'");
      return new Keyword(token.slice(1));
    }
    if (/^[+-]?\d/.test(token)) {
      // Clojure's N (bigint) and M (bigdecimal) suffixes only change the precision, not the value.
      const n = Number(token.replace(/[NM]$/, ''));
      if (!Number.isFinite(n)) this.error(`bad number ${token}`);
      return n;
    }
    return new EdnSymbol(token);
  }
}

// A sentinel object so that `#_ form` disappears from its collection.
const DISCARDED = new EdnSymbol('#_') as EdnValue;

/** Reads every top-level form of an EDN text, with the line each starts on. */
export function readEdnForms(text: string): EdnForm[] {
  const reader = new Reader(text);
  const forms: EdnForm[] = [];
  // Each iteration consumes at least one character, so the loop ends with the text.
  while (reader.skip()) {
    const line = reader.line;
    const value = reader.read();
    if (value !== DISCARDED) forms.push({ value, line });
  }
  return forms;
}

/** Reads exactly one EDN form (e.g. the value column of a Jepsen log line). */
export function readEdn(text: string): EdnValue {
  const forms = readEdnForms(text);
  if (forms.length !== 1) throw new HistoryError(`EDN: expected one form, found ${forms.length}`);
  return (forms[0] as EdnForm).value;
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
