// `replicheck check-history` at its limits: the largest histories it is meant to take (1M operations in JSON and in
// EDN, EDN with long strings), an endless standard input, and a search whose every step is expensive under
// `--timeout`. Each case runs the CLI in a fresh process under /usr/bin/time, so the peak memory (max RSS) and the
// wall time are the command's own, parsing included.
// Run: node --import tsx bench/check-history.ts [--root DIR] [--only NAME] [--quick]
//   --root: the checkout whose src/cli/index.ts is run (default: this one), to compare two trees.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { historyToJson, toEdn, type History, type HistoryOperation } from '../src/linearizability/index.js';
import { generate } from './scale.js';

interface BenchCase {
  name: string;
  /** Writes the input file (once; kept between runs) and returns its path, or the stdin producer's command. */
  input: () => { file: string } | { stdin: string[] };
  args: string[];
}

interface Measured {
  code: number | null;
  wallS: number;
  maxRssMb: number;
  verdict: string;
  stderr: string;
}

const arg = (name: string): string | undefined => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
};
const root = resolve(arg('--root') ?? fileURLToPath(new URL('..', import.meta.url)));
const only = arg('--only');
const quick = process.argv.includes('--quick');
const dir = join(tmpdir(), 'replicheck-bench-check-history');
mkdirSync(dir, { recursive: true });

function cached(name: string, make: () => string): { file: string } {
  const file = join(dir, name);
  if (!existsSync(file)) writeFileSync(file, make());
  return { file };
}

const ops = quick ? 100_000 : 1_000_000;
const big = (): History => generate({ clients: 16, ops, crashed: true, stale: false });

/**
 * Appends of long strings on one key, all concurrent, and a read no order explains: every step makes a long value,
 * and values past 16,383 characters of one length share V8's string hash.
 */
function longAppends(): History {
  const operations: HistoryOperation[] = [];
  const n = 16;
  for (let i = 0; i < n; i++) {
    const value = String.fromCharCode(97 + i).repeat(2000);
    operations.push({ process: i, key: 'k', f: 'append', value, type: 'ok', invoke: 0, complete: 100 });
  }
  operations.push({ process: n, key: 'k', f: 'get', value: 'never', type: 'ok', invoke: 101, complete: 102 });
  return { schemaVersion: 1, model: 'kv', initialValue: '', operations };
}

/** Writes and reads that each pin a different order (hard to refute), behind many operations that are never reached. */
function wideHard(): History {
  const operations: HistoryOperation[] = [];
  const n = 60;
  for (let i = 0; i < n; i++) operations.push({ process: i, f: 'write', value: i, type: 'ok', invoke: 0, complete: 1000 });
  for (let i = 0; i < n; i++) {
    operations.push({ process: n + i, f: 'read', value: (i * 7) % n, type: 'ok', invoke: 1 + i, complete: 999 - i });
  }
  operations.push({ process: 3 * n, f: 'read', value: -1, type: 'ok', invoke: 1001, complete: 1002 });
  for (let i = 0; i < 200_000; i++) {
    operations.push({ process: 0, f: i % 2 ? 'read' : 'write', value: -2, type: 'ok', invoke: 2000 + 2 * i, complete: 2001 + 2 * i });
  }
  return { schemaVersion: 1, model: 'register', operations };
}

const cases: BenchCase[] = [
  {
    name: 'baseline (2 operations)',
    input: () => cached('tiny.json', () => historyToJson(generate({ clients: 1, ops: 2, crashed: false, stale: false }))),
    args: [],
  },
  { name: `JSON, ${ops} operations`, input: () => cached(`big-${ops}.json`, () => historyToJson(big())), args: [] },
  { name: `EDN, ${ops} operations`, input: () => cached(`big-${ops}.edn`, () => toEdn(big())), args: [] },
  {
    name: 'EDN, 100000 operations, 256-character strings',
    input: () =>
      cached('strings.edn', () => {
        const h = generate({ clients: 16, ops: 100_000, crashed: false, stale: false });
        for (const op of h.operations) if (typeof op.value === 'string') op.value = op.value.padEnd(256, '.');
        return toEdn(h);
      }),
    args: [],
  },
  { name: 'stdin, 1 GiB of zeros', input: () => ({ stdin: ['head', '-c', String(1024 ** 3), '/dev/zero'] }), args: ['-'] },
  { name: 'stdin, 3 GiB of zeros', input: () => ({ stdin: ['head', '-c', String(3 * 1024 ** 3), '/dev/zero'] }), args: ['-'] },
  {
    name: 'long appends, --timeout 5',
    input: () => cached('appends-16.json', () => historyToJson(longAppends())),
    args: ['--timeout', '5'],
  },
  {
    name: 'wide hard search, --timeout 1',
    input: () => cached('wide-hard.json', () => historyToJson(wideHard())),
    args: ['--timeout', '1', '--algorithm', 'search'],
  },
];

async function measure(c: BenchCase): Promise<Measured> {
  const input = c.input();
  const cli = join(root, 'src', 'cli', 'index.ts');
  const args = [
    '-v',
    process.execPath,
    '--import',
    'tsx',
    cli,
    'check-history',
    ...('file' in input ? [input.file] : []),
    ...c.args,
    '--json',
  ];
  const t0 = performance.now();
  const child = spawn('/usr/bin/time', args, { cwd: root, stdio: ['pipe', 'pipe', 'pipe'] });
  if ('stdin' in input) {
    const producer = spawn(input.stdin[0]!, input.stdin.slice(1), { stdio: ['ignore', 'pipe', 'ignore'] });
    producer.stdout.pipe(child.stdin);
    // The checker may stop reading early; the producer then gets EPIPE, which is expected.
    child.stdin.on('error', () => producer.kill());
  } else {
    child.stdin.end();
  }
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (d: Buffer) => (stdout += d.toString()));
  child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
  const code = await new Promise<number | null>((done) => child.on('close', done));
  const wallS = (performance.now() - t0) / 1000;
  const rss = /Maximum resident set size \(kbytes\): (\d+)/.exec(stderr);
  const exit = /Exit status: (\d+)/.exec(stderr);
  let verdict = '-';
  try {
    const out = JSON.parse(stdout) as { verdict: string; reason?: string; keys?: { reason?: string }[] };
    verdict = out.verdict + (out.keys?.[0]?.reason ? ` (${out.keys[0].reason})` : out.reason ? ` (${out.reason})` : '');
  } catch {
    // no JSON: the command failed before printing a result
  }
  const message = stderr.split('\n').find((l) => l.startsWith('replicheck')) ?? '';
  return {
    code: exit ? Number(exit[1]) : code,
    wallS,
    maxRssMb: rss ? Number(rss[1]) / 1024 : NaN,
    verdict,
    stderr: message.slice(0, 160),
  };
}

console.log(`root ${root}`);
console.log('case                                             exit  verdict                 wall       peak RSS');
for (const c of cases) {
  if (only !== undefined && !c.name.includes(only)) continue;
  const m = await measure(c);
  console.log(
    [
      c.name.padEnd(47),
      String(m.code).padStart(4),
      m.verdict.padEnd(22),
      `${m.wallS.toFixed(2)} s`.padStart(9),
      `${Math.round(m.maxRssMb)} MB`.padStart(9),
    ].join('  '),
  );
  if (m.stderr !== '') console.log(`    ${m.stderr}`);
}
