// The session and causal checkers on a million operations: 16 clients, 20 keys, unique values, from a simulated
// store, once healthy (one copy, every operation applied inside its interval: linearizable) and once with
// asynchronous replication to five replicas that apply what arrives in arrival order (violations). Per checker:
// time, the heap it left grown, and the process's peak resident memory so far; the linearizability checker runs
// on the same histories for comparison. Run: npx tsx bench/consistency.ts [operations] [--ladder [runs]]
// (--ladder: only the whole ladder, `runs` times per history (default 3), wall and CPU time per part and their
// medians: on a shared machine CPU time is the steadier figure.)
import { loadavg } from 'node:os';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { seededRandom } from '../src/core/random.js';
import { checkHistory, type History, type HistoryOperation, type Value } from '../src/linearizability/index.js';
import { checkCausal, checkSessionAndCausal } from '../src/consistency/causal.js';
import { checkSessionGuarantees } from '../src/consistency/session.js';
import { judgeLadder, linearizableVerdict } from '../src/consistency/ladder.js';
import type { ModelVerdict } from '../src/consistency/verdict.js';
import { linearizabilityResults } from '../src/workload/analyse.js';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

const LADDER_ONLY = process.argv.includes('--ladder');
// --history NAME: only that history (healthy or replicated), for a profile of one.
const ONLY = process.argv.includes('--history') ? process.argv[process.argv.indexOf('--history') + 1] : undefined;
const args = process.argv.slice(2).filter((a, i, all) => a !== '--ladder' && a !== '--history' && all[i - 1] !== '--history');
const OPERATIONS = Number(args[0] ?? 1_000_000);
const RUNS = Number(args[1] ?? 3);
const CLIENTS = 16;
const KEYS = 20;

interface Message {
  readonly to: number;
  readonly key: number;
  readonly value: Value;
}

/** replicas = 1: one copy, linearizable. Otherwise each write reaches the others 1-40 steps later, in no order. */
function simulate(replicas: number, seed: number): History {
  const rnd = seededRandom(seed);
  const state = Array.from({ length: replicas }, () => new Array<Value>(KEYS).fill(null));
  const due = new Map<number, Message[]>();
  const operations: HistoryOperation[] = new Array(OPERATIONS);
  for (let i = 0; i < OPERATIONS; i++) {
    for (const m of due.get(i) ?? []) state[m.to]![m.key] = m.value;
    due.delete(i);
    const client = i % CLIENTS;
    const node = Math.floor(rnd() * replicas);
    const key = Math.floor(rnd() * KEYS);
    // Client c's operations are CLIENTS steps apart; each takes effect at step i, inside its interval.
    const invoke = i - 0.4 * rnd();
    const complete = i + 0.4 * rnd();
    // One object shape for every operation (literals, no spreads): what a parsed history looks like to V8.
    const read = rnd() < 0.5;
    const value = read ? state[node]![key]! : `v${i}`;
    const r = rnd();
    const type = read || r < 0.98 ? 'ok' : r < 0.99 ? 'info' : 'fail';
    operations[i] = {
      process: client,
      node: `n${node}`,
      key: `k${key}`,
      f: read ? 'read' : 'write',
      value,
      type,
      invoke,
      complete: type === 'info' ? null : complete,
    };
    if (read) continue;
    if (type === 'fail') continue;
    state[node]![key] = value;
    for (let to = 0; to < replicas; to++) {
      if (to === node) continue;
      const at = i + 1 + Math.floor(rnd() * 40);
      let list = due.get(at);
      if (!list) due.set(at, (list = []));
      list.push({ to, key, value });
    }
  }
  return { schemaVersion: 1, model: 'register', operations };
}

const MiB = 1024 * 1024;

interface Row {
  readonly history: string;
  readonly checker: string;
  readonly verdict: string;
  readonly seconds: number;
  readonly heapMiB: number;
  readonly maxRssMiB: number;
}

function measure<T>(history: string, checker: string, run: () => T, verdict: (t: T) => string): Row {
  gc();
  const before = process.memoryUsage().heapUsed;
  const start = performance.now();
  const result = run();
  const seconds = (performance.now() - start) / 1000;
  const heapMiB = (process.memoryUsage().heapUsed - before) / MiB;
  return { history, checker, verdict: verdict(result), seconds, heapMiB, maxRssMiB: process.resourceUsage().maxRSS / 1024 };
}

function bench(name: string, history: History): Row[] {
  const rows: Row[] = [];
  // All five at once (one shared preparation): what a run's ladder calls; then each alone, for their own cost.
  const all = measure(
    name,
    'sessions + causal, shared',
    () => checkSessionAndCausal(history),
    (vs) => vs.map((v) => v.verdict).join(' '),
  );
  rows.push(all);
  const each = checkSessionAndCausal(history);
  for (const v of each) {
    rows.push({ history: name, checker: `  ${v.model}`, verdict: v.verdict, seconds: v.elapsedMs / 1000, heapMiB: NaN, maxRssMiB: NaN });
  }
  rows.push(
    measure(
      name,
      'session guarantees alone',
      () => checkSessionGuarantees(history),
      (vs) => vs.map((v) => v.verdict).join(' '),
    ),
  );
  rows.push(
    measure(
      name,
      'causal alone',
      () => checkCausal(history),
      (v) => v.verdict,
    ),
  );
  const lin = measure(
    name,
    'linearizable (auto)',
    () => checkHistory(history, { algorithm: 'auto' }),
    (r) => r.verdict,
  );
  rows.push(lin);
  const total = all.seconds + lin.seconds;
  rows.push({
    history: name,
    checker: 'ladder (shared + lin.)',
    verdict: '',
    seconds: total,
    heapMiB: NaN,
    maxRssMiB: process.resourceUsage().maxRSS / 1024,
  });
  rows.push(...wholeLadder(name, history));
  return rows;
}

/**
 * The whole ladder as a run judges it (workload/phase.ts): the linearizability checker per key, then judgeLadder
 * (session guarantees + causal, sequential), eventual given as held (it is the run's convergence, not a checker).
 */
function wholeLadder(name: string, history: History): Row[] {
  gc();
  const start = performance.now();
  const lin = linearizabilityResults(history, 'register', { algorithm: 'auto' });
  const eventual: ModelVerdict = { model: 'eventual', verdict: 'held', elapsedMs: 0 };
  const ladder = judgeLadder(history, { eventual, linearizable: linearizableVerdict(lin.results, lin.elapsedMs) });
  const seconds = (performance.now() - start) / 1000;
  const rows: Row[] = ladder.models.map((v) => ({
    history: name,
    checker: `  ladder: ${v.model}`,
    verdict: v.verdict,
    seconds: v.elapsedMs / 1000,
    heapMiB: NaN,
    maxRssMiB: NaN,
  }));
  const maxRssMiB = process.resourceUsage().maxRSS / 1024;
  rows.push({
    history: name,
    checker: 'whole ladder (judgeLadder)',
    verdict: `strongest ${ladder.strongest}`,
    seconds,
    heapMiB: NaN,
    maxRssMiB,
  });
  return rows;
}

function table(rows: readonly Row[]): string {
  const head = ['history', 'checker', 'verdict', 'time', 'heap grown', 'max RSS'];
  const body = rows.map((r) => [
    r.history,
    r.checker,
    r.verdict,
    `${r.seconds.toFixed(2)} s`,
    Number.isNaN(r.heapMiB) ? '' : `${r.heapMiB.toFixed(0)} MiB`,
    Number.isNaN(r.maxRssMiB) ? '' : `${r.maxRssMiB.toFixed(0)} MiB`,
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((b) => b[i]!.length)));
  const line = (cells: string[]): string => cells.map((c, i) => c.padEnd(widths[i]!)).join('  ');
  return [line(head), line(widths.map((w) => '-'.repeat(w))), ...body.map(line)].join('\n');
}

/** CPU milliseconds (user + system, every thread of the process: GC helpers too) since `from`. */
function cpuMs(from: NodeJS.CpuUsage): number {
  const d = process.cpuUsage(from);
  return (d.user + d.system) / 1000;
}

interface Timed {
  readonly wall: number;
  readonly cpu: number;
}

function timed<T>(run: () => T): [T, Timed] {
  const cpu = process.cpuUsage();
  const start = performance.now();
  const result = run();
  return [result, { wall: performance.now() - start, cpu: cpuMs(cpu) }];
}

function median(xs: readonly number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[s.length >> 1]!;
}

/** The whole ladder as wholeLadder times it, each part's wall and CPU time apart: the linearizability check, then judgeLadder. */
function ladderRuns(name: string, history: History): void {
  const parts = new Map<string, Timed[]>();
  const add = (part: string, t: Timed): void => void (parts.get(part) ?? parts.set(part, []).get(part)!).push(t);
  let verdicts = '';
  for (let run = 0; run < RUNS; run++) {
    gc();
    const [lin, linT] = timed(() => linearizabilityResults(history, 'register', { algorithm: 'auto' }));
    const eventual: ModelVerdict = { model: 'eventual', verdict: 'held', elapsedMs: 0 };
    const [ladder, ladderT] = timed(() =>
      judgeLadder(history, { eventual, linearizable: linearizableVerdict(lin.results, lin.elapsedMs) }),
    );
    add('linearizable', linT);
    add('judgeLadder', ladderT);
    add('total', { wall: linT.wall + ladderT.wall, cpu: linT.cpu + ladderT.cpu });
    for (const v of ladder.models)
      if (v.model !== 'eventual' && v.model !== 'pram') add(`  ${v.model} (elapsedMs)`, { wall: v.elapsedMs, cpu: NaN });
    verdicts = `strongest ${ladder.strongest}: ${ladder.models.map((v) => `${v.model} ${v.verdict}`).join(', ')}`;
  }
  console.log(`${name}: ${verdicts}`);
  for (const [part, ts] of parts) {
    const cpu = ts.map((t) => t.cpu);
    const wall = ts.map((t) => t.wall);
    const s = (ms: readonly number[]): string =>
      `median ${(median(ms) / 1000).toFixed(2)} s (${ms.map((m) => (m / 1000).toFixed(2)).join(' ')})`;
    const cpuText = cpu.some(Number.isNaN) ? '' : `  cpu ${s(cpu)}`;
    console.log(`  ${part.padEnd(34)} wall ${s(wall)}${cpuText}`);
  }
  console.log(`  peak RSS ${(process.resourceUsage().maxRSS / 1024).toFixed(0)} MiB`);
}

// One history at a time, so the peak is one history and its checks, not two histories.
if (LADDER_ONLY) {
  for (const [name, replicas, seed] of [
    ['healthy', 1, 1],
    ['replicated', 5, 2],
  ] as const) {
    if (ONLY === undefined || ONLY === name) ladderRuns(name, simulate(replicas, seed));
  }
  console.log(
    `load average ${loadavg()
      .map((l) => l.toFixed(1))
      .join(' ')}`,
  );
  process.exit(0);
}
console.log(`${OPERATIONS} operations per history, ${CLIENTS} clients, ${KEYS} keys`);
console.log('(indented rows: each model in the shared run, its elapsedMs: the shared preparation and its own check;');
console.log(' "ladder:" rows: each model in the whole ladder, its own checker\'s elapsedMs; pram has none of its own)');
const rows: Row[] = [];
for (const [name, replicas, seed] of [
  ['healthy', 1, 1],
  ['replicated', 5, 2],
] as const) {
  const t0 = performance.now();
  let history: History | undefined = simulate(replicas, seed);
  console.log(`${name}: simulated in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  for (const v of checkSessionAndCausal(history)) if (v.witness) console.log(`  ${v.model}: ${v.witness.explanation}`);
  rows.push(...bench(name, history));
  history = undefined;
}
console.log(table(rows));
console.log(
  `load average ${loadavg()
    .map((l) => l.toFixed(1))
    .join(' ')}`,
);
