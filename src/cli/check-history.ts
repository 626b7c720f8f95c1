// `replicheck check-history FILE`: checks a recorded history for linearizability.
// Exit codes: 0 linearizable, 1 not linearizable, 2 unknown (a budget ran out), 3 bad input or usage.
// Everything it does is bounded: the input by --max-input (read as a stream, refused past the cap), what parsing
// and the search hold by --max-memory, reading, parsing and checking together by --timeout; and whatever the
// history holds is printed through one escaping.

import { judgeLadder, linearizableVerdict, type Ladder } from '../consistency/ladder.js';
import type { ModelVerdict } from '../consistency/verdict.js';
import { Buffer, constants as bufferConstants } from 'node:buffer';
import { open, writeFile, type FileHandle } from 'node:fs/promises';
import type { ParseArgsOptionsConfig } from 'node:util';
import { linearizabilityPageResults, renderHistoryPage } from '../report/page/history-page.js';
import { parseSize } from '../inputs/values.js';
import {
  Budget,
  BudgetExceeded,
  HistoryError,
  MODEL_NAMES,
  DEFAULT_MAX_MEMORY_BYTES,
  checkHistory,
  escapeText,
  formatBytes,
  formatWitness,
  parseHistoryText,
  quoteText,
  type CheckResult,
  type History,
  type HistoryFormat,
  type KeyResult,
  type ModelName,
  type Value,
} from '../linearizability/index.js';
import { EXIT_USAGE, UsageError, badValue, parseCommandLine, usageLine } from './usage.js';
import { DEFAULT_WIDTH, paragraph, table } from './layout.js';

export interface CommandIO {
  stdout(text: string): void;
  stderr(text: string): void;
  /** What '-' reads (default: the process's standard input). */
  stdin?: NodeJS.ReadableStream;
  /** Where help text is wrapped (the terminal's width). */
  width?: number;
}

export const EXIT_LINEARIZABLE = 0;
export const EXIT_NOT_LINEARIZABLE = 1;
export const EXIT_UNKNOWN = 2;
/** A history that cannot be read or parsed; the same status as bad usage. */
export const EXIT_BAD_INPUT = EXIT_USAGE;

const FORMATS = ['auto', 'json', 'edn', 'jepsen-log'] as const;
const ALGORITHMS = ['auto', 'search', 'unique'] as const;
const DEFAULT_TIMEOUT_S = 60;
/** The largest input read by default: about ten million operations of any format. */
export const DEFAULT_MAX_INPUT_BYTES = 1024 ** 3;
const MAX_KEYS_SHOWN = 20;
const READ_CHUNK = 8 * 1024 * 1024;

const OPTION_ROWS: readonly (readonly [string, string])[] = [
  ['--model register|cas-register|kv', "the model (default: the file's, else inferred from the operations)"],
  ['--format auto|json|edn|jepsen-log', 'the input format (default: auto)'],
  ['--initial VALUE', 'the value every key holds at the start (JSON: 0, null, "x"; default: null, or "" for kv histories in EDN)'],
  ['--independent', 'EDN: values are [key value] tuples (jepsen.independent)'],
  [
    '--timeout S',
    `give up after S seconds with verdict unknown, reading and parsing included (default ${DEFAULT_TIMEOUT_S}; 0 = no limit)`,
  ],
  ['--all-keys', 'keep checking the other keys after one fails'],
  [
    '--algorithm auto|search|unique',
    'auto (default): keys whose written values are unique are decided without search (near-linear time); others by search. ' +
      'search/unique force one.',
  ],
  ['--html OUT', 'also write the history page (one self-contained HTML file) to OUT'],
  ['--max-input SIZE', 'the largest input read, e.g. 64M, 2G (default 1G); past it: bad input'],
  ['--max-memory SIZE', 'memory the parsed history and the search may take, e.g. 512M, 2G (default 1G); past it: unknown'],
  [
    '--models',
    'also check every model of the consistency ladder (session guarantees, causal, sequential; clients are the ' +
      "history's processes) and print each verdict; eventual needs the nodes' final values and is not judged",
  ],
  ['--json', 'print the result as JSON'],
  ['-h, --help', 'show this help'],
];

/** The help, wrapped to `width`. */
export function checkHistoryUsage(width = DEFAULT_WIDTH): string {
  return `Usage: replicheck check-history FILE [options]

Examples:
  replicheck check-history report.history.json
  replicheck check-history history.edn --model cas-register --html page.html
  replicheck check-history - --format jepsen-log --timeout 10 < jepsen.log

${paragraph(
  'Checks a history of operations on a register, a compare-and-set register or a key-value store for linearizability. ' +
    "FILE is the action's JSON history, Jepsen EDN op maps or Jepsen log lines ('-' reads stdin).",
  width,
)}

Options:
${table(OPTION_ROWS, width)}

${paragraph("A value that starts with '-' is written with '=': --initial=-1.", width)}

${paragraph(
  `Exit status: 0 linearizable, 1 not linearizable, 2 unknown (time or memory budget ran out), ${EXIT_USAGE} bad usage or input ` +
    '(the same status for bad input as every command of replicheck). ' +
    'See docs/history-format.md for the formats and the semantics of :fail, :info and nil reads.',
  width,
)}
`;
}

interface Args {
  file: string;
  model?: ModelName;
  format: HistoryFormat | 'auto';
  initialValue?: Value;
  independent: boolean;
  timeoutS: number;
  allKeys: boolean;
  json: boolean;
  algorithm: 'auto' | 'search' | 'unique';
  maxMemoryBytes: number;
  maxInputBytes: number;
  html?: string;
  models: boolean;
}

const OPTIONS = {
  model: { type: 'string' },
  format: { type: 'string' },
  initial: { type: 'string' },
  independent: { type: 'boolean' },
  timeout: { type: 'string' },
  'all-keys': { type: 'boolean' },
  algorithm: { type: 'string' },
  html: { type: 'string' },
  'max-input': { type: 'string' },
  'max-memory': { type: 'string' },
  json: { type: 'boolean' },
  models: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const satisfies ParseArgsOptionsConfig;

function parseCheckHistoryArgs(argv: readonly string[]): Args | 'help' {
  const { values, positionals } = parseCommandLine('check-history', argv, OPTIONS, true);
  if (values.help) return 'help';
  const args: Omit<Args, 'file'> = {
    format: oneOf('format', values.format ?? 'auto', FORMATS, 'a format'),
    independent: values.independent ?? false,
    timeoutS: values.timeout === undefined ? DEFAULT_TIMEOUT_S : seconds(values.timeout),
    allKeys: values['all-keys'] ?? false,
    json: values.json ?? false,
    models: values.models ?? false,
    algorithm: oneOf('algorithm', values.algorithm ?? 'auto', ALGORITHMS, 'an algorithm'),
    maxMemoryBytes: values['max-memory'] === undefined ? DEFAULT_MAX_MEMORY_BYTES : size(values['max-memory']),
    maxInputBytes: values['max-input'] === undefined ? DEFAULT_MAX_INPUT_BYTES : inputSize(values['max-input']),
    ...(values.model !== undefined ? { model: oneOf('model', values.model, MODEL_NAMES, 'a model') } : {}),
    ...(values.initial !== undefined ? { initialValue: parseInitial(values.initial) } : {}),
    ...(values.html !== undefined ? { html: values.html } : {}),
  };
  const [file, extra] = positionals;
  if (file === undefined) throw new UsageError('A history FILE is required: replicheck check-history FILE [options].');
  if (extra !== undefined) throw new UsageError(`Unexpected argument '${extra}': check-history checks one FILE at a time.`);
  return { ...args, file };
}

function oneOf<T extends string>(flag: string, value: string, choices: readonly T[], what: string): T {
  if ((choices as readonly string[]).includes(value)) return value as T;
  throw badValue(flag, value, `is not ${what}`, `use one of ${choices.join(', ')}`);
}

function seconds(text: string): number {
  const v = Number(text);
  // Number('') is 0, which would quietly mean "no limit".
  if (text.trim() === '' || !Number.isFinite(v) || v < 0) {
    throw badValue('timeout', text, 'is not a number of seconds', 'use e.g. --timeout 30, or 0 for no limit');
  }
  return v;
}

function size(text: string): number {
  const v = parseSize(text);
  if (v === undefined) throw badValue('max-memory', text, 'is not a size', 'use e.g. 512M or 2G (at least 16M)');
  return v;
}

/** A byte count for --max-input: any size from one byte (tests and small pipes) to what one buffer can hold. */
function inputSize(text: string): number {
  const m = /^(\d{1,12}(?:\.\d{1,6})?) ?([KMGT]?)(?:i?B)?$/i.exec(text.trim());
  const unit = { '': 1, K: 1024, M: 1024 ** 2, G: 1024 ** 3, T: 1024 ** 4 }[(m?.[2] ?? '').toUpperCase()] ?? 1;
  const v = m ? Math.floor(Number(m[1]) * unit) : NaN;
  const most = bufferConstants.MAX_LENGTH;
  if (!(v >= 1 && v <= most)) {
    throw badValue('max-input', text, 'is not a size', `use e.g. 64M or 2G (from 1 byte to ${formatBytes(most)})`);
  }
  return v;
}

/** A JSON literal when it is one (0, null, "x"), else the text itself as a string. */
function parseInitial(text: string): Value {
  try {
    const v: unknown = JSON.parse(text);
    if (v === null || typeof v === 'string' || (typeof v === 'number' && Number.isFinite(v))) return v;
  } catch {
    // not JSON: a bare string
  }
  return text;
}

/** The input was longer than --max-input: refused, not cut (a history cut short would be checked as if whole). */
class InputTooLarge extends Error {}

function tooLarge(maxBytes: number, size?: number): InputTooLarge {
  const what = size === undefined ? `more than ${formatBytes(maxBytes)}` : `${formatBytes(size)}`;
  return new InputTooLarge(`the input is ${what}, over --max-input (${formatBytes(maxBytes)}); raise --max-input to check it`);
}

/** The input's bytes, never more than `maxBytes`; a regular file over the cap is refused before it is read. */
async function readInput(file: string, maxBytes: number, budget: Budget, stdin: NodeJS.ReadableStream): Promise<Buffer> {
  if (file === '-') return readStream(stdin, maxBytes, budget);
  const handle = await open(file, 'r');
  try {
    const stat = await handle.stat();
    if (!stat.isFile()) return await readStream(handle.createReadStream({ autoClose: false }), maxBytes, budget);
    if (stat.size > maxBytes) throw tooLarge(maxBytes, stat.size);
    return await readFileBounded(handle, stat.size, maxBytes, budget);
  } finally {
    await handle.close();
  }
}

/** A regular file read into one buffer of its size; if it grew since, what follows is read under the same cap. */
async function readFileBounded(handle: FileHandle, size: number, maxBytes: number, budget: Budget): Promise<Buffer> {
  const buffer = Buffer.allocUnsafe(size);
  let at = 0;
  while (at < size) {
    const { bytesRead } = await handle.read(buffer, at, Math.min(READ_CHUNK, size - at), at);
    if (bytesRead === 0) break;
    at += bytesRead;
    budget.checkTime('reading the history');
  }
  const rest = await readStream(handle.createReadStream({ start: at, autoClose: false }), maxBytes - at, budget);
  return rest.length === 0 ? buffer.subarray(0, at) : Buffer.concat([buffer.subarray(0, at), rest]);
}

/** Reads a stream up to `maxBytes`, stopping (and closing it) past the cap or the deadline. */
async function readStream(stream: NodeJS.ReadableStream, maxBytes: number, budget: Budget): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let total = 0;
  const iterator = (stream as AsyncIterable<Buffer | string>)[Symbol.asyncIterator]();
  let timer: NodeJS.Timeout | undefined;
  // A producer that stops sending would hold the read forever: the deadline ends the wait, not only the next chunk.
  const expiry =
    budget.deadline === Infinity
      ? undefined
      : new Promise<'expired'>((resolve) => {
          timer = setTimeout(() => resolve('expired'), Math.max(0, budget.deadline - performance.now()));
        });
  try {
    for (;;) {
      const next = await (expiry ? Promise.race([iterator.next(), expiry]) : iterator.next());
      if (next === 'expired') throw new BudgetExceeded('timeout', 'the time budget (--timeout) ran out while reading the history');
      if (next.done === true) break;
      const chunk = typeof next.value === 'string' ? Buffer.from(next.value) : next.value;
      total += chunk.length;
      if (total > maxBytes) throw tooLarge(maxBytes);
      chunks.push(chunk);
    }
  } catch (error) {
    (stream as NodeJS.ReadableStream & { destroy?: () => void }).destroy?.();
    throw error;
  } finally {
    clearTimeout(timer);
  }
  // Joining the chunks holds the input twice for a moment; a regular file is read into one buffer instead.
  return chunks.length === 1 ? (chunks[0] as Buffer) : Buffer.concat(chunks, total);
}

/** What the command learned: a result, or why there is none (bad input, a budget that ran out first). */
type Outcome =
  | { kind: 'checked'; history: History; format: HistoryFormat; result: CheckResult }
  | { kind: 'bad-input'; message: string }
  | { kind: 'budget'; reason: 'timeout' | 'memory'; message: string };

export async function checkHistoryCommand(args: string[], io: CommandIO): Promise<number> {
  let parsed: Args | 'help';
  try {
    parsed = parseCheckHistoryArgs(args);
  } catch (err) {
    if (!(err instanceof UsageError)) throw err;
    io.stderr(usageLine('check-history', err.message));
    return EXIT_USAGE;
  }
  if (parsed === 'help') {
    io.stdout(checkHistoryUsage(io.width));
    return EXIT_LINEARIZABLE;
  }
  const opts = parsed;
  const started = performance.now();
  const outcome = await readAndCheck(opts, io);
  const file = escapeText(opts.file);
  if (outcome.kind === 'bad-input') {
    io.stderr(`replicheck check-history: ${file}: ${escapeText(outcome.message)}\n`);
    return EXIT_BAD_INPUT;
  }
  if (outcome.kind === 'budget') {
    const elapsedMs = performance.now() - started;
    if (opts.json) {
      const out = { file: opts.file, verdict: 'unknown', reason: outcome.reason, message: outcome.message, keys: [], steps: 0, elapsedMs };
      io.stdout(JSON.stringify(out, null, 2) + '\n');
    } else io.stdout(`${file}: not checked: ${escapeText(outcome.message)}.\nUNKNOWN (after ${elapsedMs.toFixed(1)} ms)\n`);
    return EXIT_UNKNOWN;
  }
  const { history, format, result } = outcome;
  if (opts.html !== undefined && !(await writePage(opts.file, opts.html, history, result, io))) return EXIT_BAD_INPUT;
  // What is left of --timeout after reading and the linearizability check is the ladder's budget.
  const left = opts.timeoutS === 0 ? undefined : Math.max(1, opts.timeoutS * 1000 - (performance.now() - started));
  const models = opts.models ? ladderOf(history, result, left, opts.maxMemoryBytes) : undefined;
  if (opts.json) {
    const out = { file: opts.file, format, operations: history.operations.length, ...result, ...(models ? { models } : {}) };
    io.stdout(JSON.stringify(out, null, 2) + '\n');
  } else {
    io.stdout(renderHuman(opts.file, format, history.operations.length, result) + (models ? renderModels(models) : ''));
  }
  if (result.verdict === 'linearizable') return EXIT_LINEARIZABLE;
  return result.verdict === 'not-linearizable' ? EXIT_NOT_LINEARIZABLE : EXIT_UNKNOWN;
}

/** Reads, parses and checks under one budget; the input's bytes are let go as soon as they are parsed. */
async function readAndCheck(opts: Args, io: CommandIO): Promise<Outcome> {
  const budget = new Budget({ timeoutMs: opts.timeoutS * 1000, maxMemoryBytes: opts.maxMemoryBytes });
  let input: Buffer | undefined;
  try {
    input = await readInput(opts.file, opts.maxInputBytes, budget, io.stdin ?? process.stdin);
  } catch (err) {
    if (err instanceof BudgetExceeded) return { kind: 'budget', reason: err.reason, message: err.message };
    if (err instanceof InputTooLarge) return { kind: 'bad-input', message: err.message };
    return { kind: 'bad-input', message: `cannot read it: ${(err as Error).message}` };
  }
  try {
    const parseOptions: Parameters<typeof parseHistoryText>[1] = { format: opts.format, independent: opts.independent, budget };
    if (opts.model !== undefined) parseOptions.model = opts.model;
    if (opts.initialValue !== undefined) parseOptions.initialValue = opts.initialValue;
    const { history, format } = parseHistoryText(input, parseOptions);
    input = undefined;
    const result = checkHistory(history, { checkAllKeys: opts.allKeys, algorithm: opts.algorithm, budget });
    if (result.reason === 'memory') {
      return {
        kind: 'budget',
        reason: 'memory',
        message: `the check would take more memory than --max-memory (${formatBytes(budget.maxBytes)}) allows`,
      };
    }
    return { kind: 'checked', history, format, result };
  } catch (err) {
    if (err instanceof HistoryError) return { kind: 'bad-input', message: err.message };
    if (err instanceof BudgetExceeded) return { kind: 'budget', reason: err.reason, message: err.message };
    throw err;
  }
}

async function writePage(file: string, out: string, history: History, result: CheckResult, io: CommandIO): Promise<boolean> {
  const page = renderHistoryPage({
    title: `${file}: ${result.verdict}`,
    history,
    consistency: 'linearizable',
    results: linearizabilityPageResults(result),
  });
  try {
    await writeFile(out, page);
  } catch (err) {
    io.stderr(`replicheck check-history: cannot write ${escapeText(out)}: ${escapeText((err as Error).message)}\n`);
    return false;
  }
  io.stderr(`history page: ${escapeText(out)}\n`);
  return true;
}

function countsText(k: KeyResult): string {
  const c = k.operations;
  const parts = [`${c.ok} ok`];
  if (c.open > 0) parts.push(`${c.open} open`);
  if (c.failed > 0) parts.push(`${c.failed} failed`);
  if (c.unknownReads > 0) parts.push(`${c.unknownReads} unknown reads`);
  return `${c.total} ops (${parts.join(', ')})`;
}

const REASONS: Record<NonNullable<KeyResult['reason']>, string> = {
  timeout: 'time budget ran out',
  'step-budget': 'step budget ran out',
  stopped: 'not finished: another key already failed',
  memory: 'the check would take more memory than --max-memory allows',
};

function renderHuman(file: string, format: HistoryFormat, operations: number, result: CheckResult): string {
  const out: string[] = [];
  const initial = typeof result.initialValue === 'string' ? quoteText(result.initialValue, 200) : JSON.stringify(result.initialValue);
  out.push(
    `${escapeText(file)}: ${operations} operations, ${result.keys.length} key(s), format ${format}, model ${result.model}, ` +
      `initial value ${initial}`,
  );
  const interesting = result.keys.filter((k) => k.verdict !== 'linearizable');
  const fine = result.keys.filter((k) => k.verdict === 'linearizable');
  const shown = [...interesting, ...fine.slice(0, Math.max(0, MAX_KEYS_SHOWN - interesting.length))];
  const order = new Map(result.keys.map((k, i) => [k, i]));
  shown.sort((a, b) => (order.get(a) as number) - (order.get(b) as number));
  for (const k of shown) {
    const reason = k.reason !== undefined ? ` (${REASONS[k.reason]})` : '';
    const by = k.algorithm === 'unique-values' ? 'unique values (no search)' : 'search';
    out.push(`  key ${quoteText(k.key, 200)}: ${k.verdict}${reason} - ${countsText(k)}, ${k.elapsedMs.toFixed(1)} ms, by ${by}`);
  }
  if (shown.length < result.keys.length) out.push(`  ... and ${result.keys.length - shown.length} more linearizable key(s)`);
  const verdictText = { linearizable: 'LINEARIZABLE', 'not-linearizable': 'NOT LINEARIZABLE', unknown: 'UNKNOWN' }[result.verdict];
  out.push(`${verdictText} (checked in ${result.elapsedMs.toFixed(1)} ms, ${result.steps} search steps)`);
  for (const k of result.keys) {
    if (k.witness === undefined) continue;
    out.push('');
    out.push('Why:');
    out.push(formatWitness(k.witness));
  }
  if (result.verdict === 'unknown') {
    out.push(
      result.keys.some((k) => k.reason === 'memory')
        ? 'The check would need more memory than --max-memory allows.'
        : 'The search did not finish within the budget; try a larger --timeout.',
    );
  }
  return out.join('\n') + '\n';
}

const NOT_JUDGED: ModelVerdict = {
  model: 'eventual',
  verdict: 'unknown',
  elapsedMs: 0,
  reason: 'a history file has no final node values, which eventual consistency is about',
};

/** Every model's verdict on the file's history, the linearizable one from the check already made. */
function ladderOf(history: History, result: CheckResult, budgetMs: number | undefined, maxMemoryBytes: number): Ladder {
  const linearizable = linearizableVerdict(result.keys, result.elapsedMs);
  return judgeLadder(history, { eventual: NOT_JUDGED, linearizable, maxMemoryBytes, ...(budgetMs !== undefined ? { budgetMs } : {}) });
}

function renderModels(l: Ladder): string {
  const lines = ['', 'Consistency models (clients are the processes):'];
  for (const v of l.models) {
    const why = v.witness?.explanation ?? v.reason;
    const mark = v.verdict === 'held' ? '✓' : v.verdict === 'violated' ? '✗' : '?';
    lines.push(`  ${mark} ${v.model}: ${v.verdict}${why ? ` - ${escapeText(why)}` : ''}`);
  }
  return lines.join('\n') + '\n';
}
