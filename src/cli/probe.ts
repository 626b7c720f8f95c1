// `replicheck probe --servers …`: which API preset a running cluster speaks. Through each preset it writes one
// probe value on the first server and reads it back on every server; a preset fits when the write is acknowledged
// and every server returns the value. What each request answered is shown (status and a bounded, inert preview),
// so a cluster that fits none still says what it is. Bounded: each request by --request-timeout, the whole probe
// by --timeout. The only key ever written is the probe key (one value per preset); nothing is deleted.
import { randomBytes } from 'node:crypto';
import type { ParseArgsOptionsConfig } from 'node:util';
import { parseAdapter, type KvAdapter } from '../checks/api-options.js';
import { parseHeaders } from '../checks/headers.js';
import { describeObservation, httpKvApi, observe, type KvApi } from '../checks/kv-api.js';
import { PRESET_NAMES, type ApiPreset } from '../checks/presets/index.js';
import type { HttpClient, HttpOutcome } from '../http/client.js';
import { readRawInputs } from '../inputs/list.js';
import { parseServers, type ServerSpec } from '../inputs/servers.js';
import { inertJson, oneLine } from '../util/text.js';
import { DEFAULT_WIDTH, paragraph, table, textWidth } from './layout.js';
import type { CliIO } from './run.js';
import { EXIT_USAGE, UsageError, badValue, parseCommandLine, usageLine } from './usage.js';

export const EXIT_FITS = 0;
export const EXIT_NONE_FITS = 1;

export interface ProbeOptions {
  readonly servers: readonly ServerSpec[];
  readonly headers: string;
  readonly requestTimeoutMs: number;
  /** How long the value may take to reach every server once written. */
  readonly convergenceMs: number;
  /** The whole probe, every preset included. */
  readonly deadlineMs: number;
}

/** One request and what it answered, as printed: no body beyond a bounded preview. */
export interface ProbeAnswer {
  readonly server: string;
  readonly request: string;
  readonly answer: string;
  readonly status?: number;
  /** Reads: the server returned the probe value. */
  readonly matched?: boolean;
}

export interface PresetProbe {
  readonly api: ApiPreset;
  readonly fits: boolean;
  readonly why: string;
  readonly write?: ProbeAnswer;
  readonly reads: readonly ProbeAnswer[];
}

export interface ProbeResult {
  readonly key: string;
  readonly servers: readonly string[];
  readonly presets: readonly PresetProbe[];
  readonly fits: readonly ApiPreset[];
  /** The preset to use: the first that fits, the newer etcd API before the older. */
  readonly recommended?: ApiPreset;
}

/** Tried in this order; a preset added later is tried after these. etcd-v3 before v2: v2 is gone in etcd 3.6. */
const ORDER: readonly string[] = ['kv', 'etcd-v3', 'etcd-v2'];
const POLL_MS = 100;

function presetOrder(): ApiPreset[] {
  const rank = (p: string) => (ORDER.includes(p) ? ORDER.indexOf(p) : ORDER.length);
  return [...PRESET_NAMES].sort((a, b) => rank(a) - rank(b));
}

/** Probes every preset; `key` is the probe key (random per run unless a test fixes it). */
export async function probeCluster(http: HttpClient, options: ProbeOptions, key = `replicheck-probe-${randomBytes(4).toString('hex')}`) {
  const deadline = AbortSignal.timeout(options.deadlineMs);
  const presets: PresetProbe[] = [];
  for (const api of presetOrder()) {
    if (deadline.aborted) {
      presets.push({ api, fits: false, why: 'not tried: the whole probe ran out of time (--timeout)', reads: [] });
      continue;
    }
    presets.push(await probePreset(http, api, options, key, deadline));
  }
  const fits = presets.filter((p) => p.fits).map((p) => p.api);
  const result: ProbeResult = {
    key,
    servers: options.servers.map((s) => s.url),
    presets,
    fits,
    ...(fits[0] !== undefined ? { recommended: fits[0] } : {}),
  };
  return result;
}

function adapterOf(api: ApiPreset, headers: string): KvAdapter {
  const problems: string[] = [];
  const raw = readRawInputs((name) => (name === 'api' ? api : name === 'headers' ? headers : undefined));
  const kv = parseAdapter(raw, (_input, message) => void problems.push(message));
  // The presets are ours and headers were checked already: a problem here is a bug, not an input.
  if (problems.length > 0) throw new Error(`preset ${api}: ${problems.join(' ')}`);
  return kv;
}

function answerOf(server: string, request: string, outcome: HttpOutcome, matched?: boolean): ProbeAnswer {
  const seen = observe(outcome);
  return {
    server,
    request,
    answer: oneLine(describeObservation(seen)).slice(0, 160),
    ...(seen.status !== undefined ? { status: seen.status } : {}),
    ...(matched !== undefined ? { matched } : {}),
  };
}

async function probePreset(http: HttpClient, api: ApiPreset, options: ProbeOptions, key: string, deadline: AbortSignal) {
  const kv = adapterOf(api, options.headers);
  const store = httpKvApi(http, { kv, readyPath: undefined, requestTimeoutMs: options.requestTimeoutMs, valueFormat: 'text' });
  const value = `${key}-${api}`;
  const first = options.servers[0]!.url;
  const written = await store.write(first, key, value, deadline);
  const write = answerOf(first, `${kv.writeMethod} ${kv.writePath}`, written.outcome);
  const readRequest = `${kv.readMethod} ${kv.readPath}`;
  if (!written.acked) {
    // One read each all the same: what the servers answer on this API's read path says something too.
    const reads = await Promise.all(
      options.servers.map(async (s) => answerOf(s.url, readRequest, (await store.read(s.url, key, deadline)).outcome)),
    );
    return { api, fits: false, why: `the write was not acknowledged (${write.answer})`, write, reads } satisfies PresetProbe;
  }
  const reads = await readBack(store, options, key, value, readRequest, deadline);
  const matched = reads.filter((r) => r.matched).length;
  const fits = matched === reads.length;
  const seconds = options.convergenceMs / 1000;
  const why = fits
    ? `written and read back on every server (${matched} of ${reads.length})`
    : `written, but read back on ${matched} of ${reads.length} servers within ${seconds} s`;
  return { api, fits, why, write, reads } satisfies PresetProbe;
}

/** Reads the key on every server until each returns the value, or the convergence time (or the deadline) is over. */
async function readBack(store: KvApi, options: ProbeOptions, key: string, value: string, request: string, deadline: AbortSignal) {
  const until = performance.now() + options.convergenceMs;
  const want = Buffer.from(value, 'utf8');
  return Promise.all(
    options.servers.map(async (s) => {
      for (;;) {
        const read = await store.read(s.url, key, deadline);
        const matched = read.value != null && read.value.equals(want);
        if (matched || deadline.aborted || performance.now() + POLL_MS >= until) return answerOf(s.url, request, read.outcome, matched);
        await new Promise((resolve) => setTimeout(resolve, POLL_MS));
      }
    }),
  );
}

const OPTIONS = {
  servers: { type: 'string', multiple: true },
  headers: { type: 'string' },
  'request-timeout': { type: 'string' },
  'convergence-timeout': { type: 'string' },
  timeout: { type: 'string' },
  json: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
} as const satisfies ParseArgsOptionsConfig;

const DEFAULTS = { requestTimeoutS: 5, convergenceS: 5, timeoutS: 60 };

const OPTION_ROWS: readonly (readonly [string, string])[] = [
  ['--servers URL', 'the base URLs of the nodes, comma-separated or the flag given again (as the servers input; required)'],
  ['--headers VALUE', 'headers sent with every request, as the headers input (secret: prefer an environment variable)'],
  ['--request-timeout S', `seconds one request may take (default ${DEFAULTS.requestTimeoutS})`],
  ['--convergence-timeout S', `seconds a written value may take to reach every server (default ${DEFAULTS.convergenceS})`],
  ['--timeout S', `seconds the whole probe may take, every preset included (default ${DEFAULTS.timeoutS})`],
  ['--json', 'print the result as JSON (what each request answered included)'],
  ['-h, --help', 'this help'],
];

export function probeUsage(width = DEFAULT_WIDTH): string {
  return `Usage: replicheck probe --servers URL[,URL...] [options]

Examples:
  replicheck probe --servers http://localhost:8080,http://localhost:8082,http://localhost:8084
  replicheck probe --servers http://10.0.0.1:2379 --servers http://10.0.0.2:2379 --json

${paragraph(
  `Finds which API preset (the api input: ${presetOrder().join(', ')}) a running cluster speaks. Through each preset it writes ` +
    'one probe value on the first server and reads it back on every server; a preset fits when the write is acknowledged and ' +
    'every server returns the value. It prints what each request answered (the status and a short preview), so a cluster that ' +
    'fits none still shows what it said.',
  width,
)}

${paragraph(
  'What it leaves: one key, replicheck-probe-<random>, holding the value of the last preset that wrote it; nothing else is ' +
    'written, and nothing is deleted. Each request names only that key. It never starts or stops anything.',
  width,
)}

Options:
${table(OPTION_ROWS, width)}

${paragraph(`Exit status: 0 a preset fits, 1 none fits, ${EXIT_USAGE} bad usage or bad input (the same status as every command).`, width)}
`;
}

function seconds(flag: string, text: string | undefined, fallback: number, max: number): number {
  if (text === undefined) return fallback * 1000;
  const v = /^\d+(\.\d+)?$/.test(text.trim()) ? Number(text) : NaN;
  if (!(v > 0 && v <= max))
    throw badValue(flag, text, 'is not a number of seconds', `use a positive number up to ${max}, e.g. ${fallback}`);
  return Math.round(v * 1000);
}

function parseProbeArgs(argv: readonly string[]): { options: ProbeOptions; json: boolean } | 'help' {
  const { values } = parseCommandLine('probe', argv, OPTIONS, false);
  if (values.help) return 'help';
  const problems: string[] = [];
  const text = (values.servers ?? []).join('\n');
  if (text.trim() === '') throw new UsageError('--servers is required: replicheck probe --servers URL[,URL...].');
  const servers = parseServers(text, (message, fix) => void problems.push(`--servers: ${message} ${fix}`));
  const headers = values.headers ?? '';
  parseHeaders(headers, (_input, message, fix) => void problems.push(`--headers: ${message} ${fix}`));
  if (problems.length > 0) throw new UsageError(problems.join('\n'));
  return {
    json: values.json ?? false,
    options: {
      servers,
      headers,
      requestTimeoutMs: seconds('request-timeout', values['request-timeout'], DEFAULTS.requestTimeoutS, 300),
      convergenceMs: seconds('convergence-timeout', values['convergence-timeout'], DEFAULTS.convergenceS, 600),
      deadlineMs: seconds('timeout', values.timeout, DEFAULTS.timeoutS, 3600),
    },
  };
}

export async function probeCommand(argv: readonly string[], io: CliIO): Promise<number> {
  let parsed: ReturnType<typeof parseProbeArgs>;
  try {
    parsed = parseProbeArgs(argv);
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.stderr.write(usageLine('probe', error.message));
    return EXIT_USAGE;
  }
  if (parsed === 'help') {
    io.stdout.write(probeUsage(textWidth(io.stdout, io.env)));
    return EXIT_FITS;
  }
  const { options, json } = parsed;
  const n = options.servers.length;
  io.stderr.write(`Probing ${n} server${n === 1 ? '' : 's'}: ${presetOrder().length} presets, at most ${options.deadlineMs / 1000} s…\n`);
  const { createHttpClient } = await import('../http/client.js');
  const http = createHttpClient({ bodyCap: 64 * 1024 });
  let result: ProbeResult;
  try {
    result = await probeCluster(http, options);
  } finally {
    await http.close();
  }
  io.stdout.write(json ? `${inertJson(result, 2)}\n` : renderProbe(result, textWidth(io.stdout, io.env)));
  return result.fits.length > 0 ? EXIT_FITS : EXIT_NONE_FITS;
}

/** The result as text: one block per preset (its verdict, then every request and its answer), then the advice. */
export function renderProbe(result: ProbeResult, width = DEFAULT_WIDTH): string {
  const out: string[] = [
    paragraph(
      `Probe key ${result.key}: one write per preset on ${result.servers[0]}, read back on ${result.servers.length} server(s).`,
      width,
    ),
    '',
  ];
  for (const p of result.presets) {
    out.push(paragraph(`${p.api}: ${p.fits ? 'FITS' : 'does not fit'}: ${p.why}`, width, 0, true));
    const requests = [...(p.write ? [['write', p.write] as const] : []), ...p.reads.map((r) => ['read', r] as const)];
    for (const [kind, r] of requests) {
      const note = r.matched === false ? ' (not the probe value)' : '';
      out.push(paragraph(`${kind} ${r.request} on ${r.server}: ${r.answer}${note}`, width, 4, true));
    }
    out.push('');
  }
  if (result.recommended !== undefined) {
    const also = result.fits.length > 1 ? ` (${result.fits.join(', ')} all fit; ${result.recommended} is the first of them)` : '';
    out.push(
      paragraph(`Use api: ${result.recommended} (the action's input) or --api ${result.recommended} (replicheck run)${also}.`, width),
    );
  } else {
    out.push(
      paragraph(
        'No preset fits. If every request was refused or timed out, check the URLs and that the cluster runs. If the API answered ' +
          'but not as a preset does, describe it with the api inputs (key-path, write-method, write-body, read-value, ...: ' +
          'replicheck run --help) or an adapter module.',
        width,
      ),
    );
  }
  return `${out.join('\n')}\n`;
}
