// `replicheck check-history FILE`: checks a recorded history for linearizability.
// Exit codes: 0 linearizable, 1 not linearizable, 2 unknown (budget ran out), 3 bad input or usage.

import { readFile, writeFile } from 'node:fs/promises';
import type { ParseArgsOptionsConfig } from 'node:util';
import { renderHistoryPage } from '../report/page/history-page.js';
import { parseSize } from '../inputs/values.js';
import {
  HistoryError,
  MODEL_NAMES,
  DEFAULT_MAX_MEMORY_BYTES,
  checkHistory,
  formatWitness,
  parseHistoryText,
  type CheckResult,
  type History,
  type HistoryFormat,
  type KeyResult,
  type ModelName,
  type Value,
} from '../linearizability/index.js';
import { EXIT_USAGE, UsageError, badValue, parseCommandLine, usageLine } from './usage.js';

export interface CommandIO {
  stdout(text: string): void;
  stderr(text: string): void;
}

export const EXIT_LINEARIZABLE = 0;
export const EXIT_NOT_LINEARIZABLE = 1;
export const EXIT_UNKNOWN = 2;
/** A history that cannot be read or parsed; the same status as bad usage. */
export const EXIT_BAD_INPUT = EXIT_USAGE;

const FORMATS = ['auto', 'json', 'edn', 'jepsen-log'] as const;
const ALGORITHMS = ['auto', 'search', 'unique'] as const;
const DEFAULT_TIMEOUT_S = 60;
const MAX_KEYS_SHOWN = 20;

export const CHECK_HISTORY_USAGE = `Usage: replicheck check-history FILE [options]

Checks a history of operations on a register, a compare-and-set register or a key-value store for
linearizability. FILE is the action's JSON history, Jepsen EDN op maps or Jepsen log lines ('-' reads stdin).

Options:
  --model register|cas-register|kv   the model (default: the file's, else inferred from the operations)
  --format auto|json|edn|jepsen-log  the input format (default: auto)
  --initial VALUE                    the value every key holds at the start (JSON: 0, null, "x"; default:
                                     null, or "" for kv histories in EDN)
  --independent                      EDN: values are [key value] tuples (jepsen.independent)
  --timeout S                        give up after S seconds with verdict unknown (default ${DEFAULT_TIMEOUT_S}; 0 = no limit)
  --all-keys                         keep checking the other keys after one fails
  --algorithm auto|search|unique     auto (default): keys whose written values are unique are decided without
                                     search (near-linear time); others by search. search/unique force one.
  --html OUT                         also write the history page (one self-contained HTML file) to OUT
  --max-memory SIZE                  memory the search may take, e.g. 512M, 2G (default 1G); past it: unknown
  --json                             print the result as JSON
  -h, --help                         show this help

A value that starts with '-' is written with '=': --initial=-1.

Exit status: 0 linearizable, 1 not linearizable, 2 unknown (time budget ran out), 3 bad usage or input.
See docs/history-format.md for the formats and the semantics of :fail, :info and nil reads.
`;

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
  html?: string;
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
  'max-memory': { type: 'string' },
  json: { type: 'boolean' },
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
    algorithm: oneOf('algorithm', values.algorithm ?? 'auto', ALGORITHMS, 'an algorithm'),
    maxMemoryBytes: values['max-memory'] === undefined ? DEFAULT_MAX_MEMORY_BYTES : size(values['max-memory']),
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

async function readInput(file: string): Promise<string> {
  if (file !== '-') return readFile(file, 'utf8');
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

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
    io.stdout(CHECK_HISTORY_USAGE);
    return EXIT_LINEARIZABLE;
  }
  const opts = parsed;
  let text: string;
  try {
    text = await readInput(opts.file);
  } catch (err) {
    io.stderr(`replicheck check-history: cannot read ${opts.file}: ${(err as Error).message}\n`);
    return EXIT_BAD_INPUT;
  }
  let result: CheckResult;
  let parsedHistory: History;
  let format: HistoryFormat;
  let operationCount: number;
  try {
    const parseOptions: Parameters<typeof parseHistoryText>[1] = { format: opts.format, independent: opts.independent };
    if (opts.model !== undefined) parseOptions.model = opts.model;
    if (opts.initialValue !== undefined) parseOptions.initialValue = opts.initialValue;
    const { history, format: detected } = parseHistoryText(text, parseOptions);
    parsedHistory = history;
    format = detected;
    operationCount = history.operations.length;
    result = checkHistory(history, {
      timeoutMs: opts.timeoutS * 1000,
      checkAllKeys: opts.allKeys,
      algorithm: opts.algorithm,
      maxMemoryBytes: opts.maxMemoryBytes,
    });
  } catch (err) {
    if (err instanceof HistoryError) {
      io.stderr(`replicheck check-history: ${opts.file}: ${err.message}\n`);
      return EXIT_BAD_INPUT;
    }
    throw err;
  }

  if (opts.html !== undefined) {
    const page = renderHistoryPage({
      title: `${opts.file}: ${result.verdict}`,
      history: parsedHistory,
      consistency: 'linearizable',
      results: result.keys.map((k) => ({
        key: k.key,
        verdict: k.verdict,
        passed: k.verdict === 'linearizable',
        detail: k.witness?.explanation ?? k.verdict,
        ...(k.witness ? { witness: k.witness } : {}),
      })),
    });
    try {
      await writeFile(opts.html, page);
    } catch (err) {
      io.stderr(`replicheck check-history: cannot write ${opts.html}: ${(err as Error).message}\n`);
      return EXIT_BAD_INPUT;
    }
    io.stderr(`history page: ${opts.html}\n`);
  }
  if (opts.json) {
    io.stdout(JSON.stringify({ file: opts.file, format, operations: operationCount, ...result }, null, 2) + '\n');
  } else {
    io.stdout(renderHuman(opts.file, format, operationCount, result));
  }
  if (result.verdict === 'linearizable') return EXIT_LINEARIZABLE;
  return result.verdict === 'not-linearizable' ? EXIT_NOT_LINEARIZABLE : EXIT_UNKNOWN;
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
  memory: 'the search would take more memory than --max-memory allows',
};

function renderHuman(file: string, format: HistoryFormat, operations: number, result: CheckResult): string {
  const out: string[] = [];
  const initial = JSON.stringify(result.initialValue);
  out.push(
    `${file}: ${operations} operations, ${result.keys.length} key(s), format ${format}, model ${result.model}, initial value ${initial}`,
  );
  const interesting = result.keys.filter((k) => k.verdict !== 'linearizable');
  const fine = result.keys.filter((k) => k.verdict === 'linearizable');
  const shown = [...interesting, ...fine.slice(0, Math.max(0, MAX_KEYS_SHOWN - interesting.length))];
  const order = new Map(result.keys.map((k, i) => [k, i]));
  shown.sort((a, b) => (order.get(a) as number) - (order.get(b) as number));
  for (const k of shown) {
    const reason = k.reason !== undefined ? ` (${REASONS[k.reason]})` : '';
    const by = k.algorithm === 'unique-values' ? 'unique values (no search)' : 'search';
    out.push(`  key ${JSON.stringify(k.key)}: ${k.verdict}${reason} - ${countsText(k)}, ${k.elapsedMs.toFixed(1)} ms, by ${by}`);
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
        ? 'The search would need more memory than --max-memory allows.'
        : 'The search did not finish within the budget; try a larger --timeout.',
    );
  }
  return out.join('\n') + '\n';
}
