// Readers for the three history formats: the project's own JSON form (json.ts), Jepsen EDN op maps (Knossos
// semantics) and the Jepsen log lines of Porcupine's etcd tests (etcd-client semantics; both in jepsen.ts). They
// read bytes, hold what they build against the memory budget and look at its clock as they go; every error names
// the input line.

import { Meter, type Budget } from './budget.js';
import { toBuffer } from './edn.js';
import { HistoryError, inferModel, type History, type ModelName, type Value } from './history.js';
import { readEdnHistory, readJepsenLog } from './jepsen.js';
import { readJsonHistory } from './json.js';
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
  /**
   * The check's budget: reading stops past its deadline, and the parsed history stays reserved in it (the search
   * then has what is left). Past either, a BudgetExceeded is thrown.
   */
  budget?: Budget;
}

export interface ParsedHistory {
  history: History;
  format: HistoryFormat;
}

/** Parses a history (text or its UTF-8 bytes); throws HistoryError (with the line when known) on bad input. */
export function parseHistoryText(input: string | Uint8Array, options: ParseOptions = {}): ParsedHistory {
  const bytes = toBuffer(input);
  const format = options.format === undefined || options.format === 'auto' ? detectFormat(bytes) : options.format;
  const history = readHistory(bytes, format, options.independent === true, options.budget);
  const model = options.model ?? history.model ?? inferModel(history.operations);
  history.model = model;
  if (options.initialValue !== undefined) history.initialValue = options.initialValue;
  else if (history.initialValue === undefined) history.initialValue = defaultInitialValue(model, format);
  return { history, format };
}

/** The history as the format has it (no model or initial value filled in). */
function readHistory(input: string | Uint8Array, format: HistoryFormat, independent: boolean, budget?: Budget): History {
  const bytes = toBuffer(input);
  const meter = new Meter(budget, 'the parsed history');
  let history: History;
  try {
    if (format === 'json') history = readJsonHistory(bytes, budget, meter);
    else if (format === 'edn') history = readEdnHistory(bytes, independent, budget, meter);
    else history = readJepsenLog(bytes, budget, meter);
  } catch (error) {
    meter.close();
    throw error;
  }
  meter.keep();
  return history;
}

const isSpace = (c: number | undefined): boolean => c === 0x20 || (c !== undefined && c >= 0x09 && c <= 0x0d);

/** Own JSON starts with `{"`; Jepsen logs have `INFO jepsen.util -` lines; anything else that looks like EDN is EDN. */
export function detectFormat(input: string | Uint8Array): HistoryFormat {
  const b = toBuffer(input);
  let start = b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf ? 3 : 0;
  while (start < b.length && isSpace(b[start])) start++;
  if (start >= b.length) throw new HistoryError('the history is empty');
  if (b[start] === 0x7b) {
    let next = start + 1;
    while (isSpace(b[next])) next++;
    if (b[next] === 0x22) return 'json';
  }
  if (hasLogMarker(b, Math.min(b.length, 100_000))) return 'jepsen-log';
  if ('{[(;#'.includes(String.fromCharCode(b[start] as number))) return 'edn';
  let line = 1;
  for (let p = b.indexOf(0x0a); p >= 0 && p < start; p = b.indexOf(0x0a, p + 1)) line++;
  throw new HistoryError('cannot tell the format (expected own JSON, Jepsen EDN op maps or Jepsen log lines); use --format', line);
}

/** Whether `INFO <spaces> jepsen.util <spaces> - <space>` occurs in the first `limit` bytes. */
function hasLogMarker(b: Buffer, limit: number): boolean {
  for (let at = b.indexOf('jepsen.util'); at >= 0 && at < limit; at = b.indexOf('jepsen.util', at + 1)) {
    let p = at - 1;
    while (p >= 0 && isSpace(b[p])) p--;
    if (p === at - 1 || b.toString('latin1', p - 3, p + 1) !== 'INFO') continue;
    let q = at + 'jepsen.util'.length;
    const spaced = q;
    while (isSpace(b[q])) q++;
    if (q > spaced && b[q] === 0x2d && isSpace(b[q + 1])) return true;
  }
  return false;
}

export function parseJsonHistory(input: string | Uint8Array): History {
  return readHistory(input, 'json', false);
}

export function parseEdnHistory(input: string | Uint8Array, independent = false): History {
  return readHistory(input, 'edn', independent);
}

export function parseJepsenLog(input: string | Uint8Array): History {
  return readHistory(input, 'jepsen-log', false);
}
