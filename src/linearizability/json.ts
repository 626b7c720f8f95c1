// The own JSON form, read from its bytes a batch of operations at a time. JSON.parse only ever sees one slice of the
// "operations" array (a few hundred kilobytes), never the whole text, so the reader holds the operations it has
// validated and little else, and counts them against the memory budget. A light scan over the bytes finds where
// each value ends, counts the lines for the errors, and refuses nesting past a bound before anything is parsed.

import { Buffer } from 'node:buffer';
import { Meter, type Budget } from './budget.js';
import { clipText, quoteText } from './display.js';
import { MAX_NESTING, toBuffer } from './edn.js';
import { HistoryError, NOT_AN_OBJECT, validateHead, validateOperation, type History, type HistoryOperation } from './history.js';

const BATCH_BYTES = 1 << 18;
const BATCH_OPERATIONS = 4096;
const TICK_BYTES = 1 << 22;
// A value JSON.parse builds costs at most about this many times its text ([], {}, "" and 0 are the worst).
const PARSED_PER_BYTE = 16;
/** The fields of the own form that are kept; any other top-level field is skipped without being parsed. */
const HEAD_FIELDS = new Set(['schemaVersion', 'model', 'initialValue', 'nemesis', 'meta']);

const SCALAR_ENDS = new Uint8Array(256);
for (const c of ' \t\r\n,:]}') SCALAR_ENDS[c.charCodeAt(0)] = 1;
/** The bytes a scan for a value's end stops at: strings, brackets and line breaks. */
const STRUCTURE = new Uint8Array(256);
for (const c of '"{}[]\n') STRUCTURE[c.charCodeAt(0)] = 1;

function text(s: unknown): number {
  return typeof s === 'string' ? 24 + 2 * s.length : 0;
}

/** Estimated heap bytes of one validated operation (V8, 64-bit): the object, its numbers and its strings. */
export function operationBytes(op: HistoryOperation): number {
  let bytes = 160 + text(op.process) + text(op.key) + text(op.node) + text(op.error);
  if (Array.isArray(op.value)) bytes += 64 + text(op.value[0]) + text(op.value[1]);
  else bytes += text(op.value);
  return bytes;
}

class Scanner {
  pos = 0;
  line = 1;
  private tickAt = TICK_BYTES;

  constructor(
    readonly b: Buffer,
    private readonly budget: Budget | undefined,
  ) {}

  error(message: string, line = this.line): never {
    throw new HistoryError(`invalid JSON: ${message}`, line);
  }

  byte(): number | undefined {
    return this.b[this.pos];
  }

  ws(): void {
    const b = this.b;
    let pos = this.pos;
    for (;;) {
      const c = b[pos];
      if (c === 0x20 || c === 0x09 || c === 0x0d) pos++;
      else if (c === 0x0a) {
        this.line++;
        pos++;
      } else break;
    }
    this.pos = pos;
    this.tick();
  }

  private tick(): void {
    if (this.pos < this.tickAt) return;
    this.tickAt = this.pos + TICK_BYTES;
    this.budget?.checkTime('reading the history');
  }

  expect(c: number, what: string): void {
    if (this.b[this.pos] !== c) this.error(`expected ${what}, found ${this.found()}`);
    this.pos++;
  }

  found(): string {
    const c = this.b[this.pos];
    return c === undefined ? 'the end of the input' : `'${clipText(this.b.toString('utf8', this.pos, this.pos + 1))}'`;
  }

  /** Moves past the string that starts at `pos` (a quote). */
  skipString(): void {
    const b = this.b;
    let pos = this.pos + 1;
    // The closing quote is the first one not escaped: after an even run of backslashes.
    for (;;) {
      const q = b.indexOf(0x22, pos);
      if (q < 0) this.error('unterminated string');
      let slashes = 0;
      while (b[q - 1 - slashes] === 0x5c) slashes++;
      pos = q + 1;
      if (slashes % 2 === 0) break;
    }
    // A raw line break cannot be in a JSON string (JSON.parse refuses it), so lines are not counted here.
    this.pos = pos;
    if (pos >= this.tickAt) this.tick();
  }

  /** Moves past one value without building it; nesting past MAX_NESTING is refused at the line it happens. */
  skipValue(): void {
    const b = this.b;
    const c = b[this.pos];
    if (c === 0x22) return this.skipString();
    if (c !== 0x7b && c !== 0x5b) {
      const start = this.pos;
      while (this.pos < b.length && SCALAR_ENDS[b[this.pos] as number] === 0) this.pos++;
      if (this.pos === start) this.error(`expected a value, found ${this.found()}`);
      return;
    }
    const startLine = this.line;
    const end = b.length;
    let depth = 0;
    let pos = this.pos;
    for (;;) {
      while (pos < end && STRUCTURE[b[pos] as number] === 0) pos++;
      const d = b[pos];
      if (d === undefined) {
        this.pos = pos;
        this.error(`'${c === 0x7b ? '}' : ']'}' missing for the value opened here`, startLine);
      }
      if (d === 0x22) {
        this.pos = pos;
        this.skipString();
        pos = this.pos;
        continue;
      }
      pos++;
      if (d === 0x0a) this.line++;
      else if (d === 0x7b || d === 0x5b) {
        if (++depth > MAX_NESTING) this.error(`values nested deeper than ${MAX_NESTING} levels`);
      } else if (--depth === 0) break;
    }
    this.pos = pos;
    if (pos >= this.tickAt) this.tick();
  }

  /** JSON.parse of bytes [start, end), a value the scan has already delimited. */
  parse(start: number, end: number, line: number): unknown {
    try {
      return JSON.parse(this.b.toString('utf8', start, end));
    } catch (err) {
      this.parseError(err, start, end, line);
    }
  }

  parseError(err: unknown, start: number, end: number, line: number): never {
    const message = err instanceof Error ? err.message : String(err);
    // V8 names the position in some messages (and line and column in newer ones); the line is the value's plus that.
    const lineCol = /\(line (\d+) column \d+\)/.exec(message);
    const pos = /at position (\d+)/.exec(message);
    let at = line;
    if (lineCol) at = line + Number(lineCol[1]) - 1;
    else if (pos) {
      const text = this.b.toString('utf8', start, end).slice(0, Number(pos[1]));
      for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) at++;
    }
    throw new HistoryError(`invalid JSON: ${clipText(message.replace(/\s*\(line \d+ column \d+\)/, ''), 200)}`, at);
  }
}

/** Reads the own JSON form; the operations' bytes stay reserved in `meter` (they are the history). */
export function readJsonHistory(input: Uint8Array, budget: Budget | undefined, meter: Meter): History {
  const s = new Scanner(toBuffer(input), budget);
  const b = s.b;
  if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) s.pos = 3;
  s.ws();
  if (s.byte() !== 0x7b) {
    if (s.byte() === undefined) throw new HistoryError('the history is empty');
    throw new HistoryError(NOT_AN_OBJECT, s.line);
  }
  s.pos++;
  const head: Record<string, unknown> = {};
  const seen = new Set<string>();
  let operations: HistoryOperation[] | undefined;
  s.ws();
  if (s.byte() === 0x7d) s.pos++;
  else {
    for (;;) {
      s.ws();
      const key = readKey(s);
      if (seen.has(key)) s.error(`the field ${quoteText(key, 40)} appears twice`);
      seen.add(key);
      s.ws();
      s.expect(0x3a, "':' after a field name");
      s.ws();
      if (key === 'operations') operations = readOperations(s, budget, meter);
      else if (HEAD_FIELDS.has(key)) head[key] = readHeadValue(s, meter);
      else s.skipValue();
      s.ws();
      if (s.byte() === 0x2c) {
        s.pos++;
        continue;
      }
      s.expect(0x7d, "',' or '}'");
      break;
    }
  }
  s.ws();
  if (s.pos < b.length) s.error(`unexpected ${s.found()} after the history`);
  const history = validateHead(head);
  if (operations === undefined) throw new HistoryError('"operations" must be an array');
  history.operations = operations;
  return history;
}

function readKey(s: Scanner): string {
  if (s.byte() !== 0x22) s.error(`expected a field name in double quotes, found ${s.found()}`);
  const start = s.pos;
  const line = s.line;
  s.skipString();
  return s.parse(start, s.pos, line) as string;
}

function readHeadValue(s: Scanner, meter: Meter): unknown {
  const start = s.pos;
  const line = s.line;
  s.skipValue();
  meter.add(PARSED_PER_BYTE * (s.pos - start));
  return s.parse(start, s.pos, line);
}

/** The "operations" array, validated a batch at a time. */
function readOperations(s: Scanner, budget: Budget | undefined, meter: Meter): HistoryOperation[] {
  if (s.byte() !== 0x5b) throw new HistoryError('"operations" must be an array', s.line);
  s.pos++;
  const operations: HistoryOperation[] = [];
  const batch: number[] = [];
  const flush = (): void => {
    if (batch.length > 0) parseBatch(s, batch, operations, meter);
    batch.length = 0;
    budget?.checkTime('reading the history');
  };
  s.ws();
  if (s.byte() === 0x5d) {
    s.pos++;
    return operations;
  }
  for (;;) {
    s.ws();
    const line = s.line;
    const start = s.pos;
    s.skipValue();
    batch.push(start, s.pos, line);
    if (s.pos - (batch[0] as number) >= BATCH_BYTES || batch.length >= 3 * BATCH_OPERATIONS) flush();
    s.ws();
    if (s.byte() === 0x2c) {
      s.pos++;
      continue;
    }
    s.expect(0x5d, "',' or ']' after an operation");
    break;
  }
  flush();
  return operations;
}

/** Parses and validates the operations whose [start, end, line] triples are in `batch`. */
function parseBatch(s: Scanner, batch: readonly number[], operations: HistoryOperation[], meter: Meter): void {
  const first = batch[0] as number;
  const last = batch[batch.length - 2] as number;
  // What JSON.parse builds before validation is garbage once the batch is done, but it is held meanwhile.
  const transient = PARSED_PER_BYTE * (last - first);
  meter.add(transient);
  let raws: unknown[];
  try {
    raws = JSON.parse('[' + s.b.toString('utf8', first, last) + ']') as unknown[];
  } catch {
    // One of them is not JSON: parsed alone, it names its own line.
    for (let i = 0; i < batch.length; i += 3) s.parse(batch[i] as number, batch[i + 1] as number, batch[i + 2] as number);
    throw new HistoryError('invalid JSON in the operations', batch[2]);
  }
  for (let i = 0; i < raws.length; i++) {
    const op = validateOperation(raws[i], operations.length, batch[3 * i + 2]);
    meter.add(operationBytes(op));
    operations.push(op);
  }
  meter.drop(transient);
}
