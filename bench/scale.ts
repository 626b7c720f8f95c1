// Checking at scale: generated single-register histories (unique write values; each operation takes effect at a
// random instant inside its interval, so every one is linearizable unless a read is made stale), checked in a
// fresh process each so peak memory (max RSS) is the history's own. Prints time and peak memory per history, and
// Porcupine's where Go and the porcupine module are available (they are not on the project's machines).
// Run: node --import tsx bench/scale.ts [--quick] [--algorithm auto|search] [--timeout S]
import { fork } from 'node:child_process';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { checkHistory, type History, type HistoryOperation } from '../src/linearizability/index.js';
import { seededRandom } from '../src/core/random.js';

interface Case {
  clients: number;
  ops: number;
  crashed: boolean;
  stale: boolean;
}

/** A single-register history from a simulated execution; `stale` changes one late read to an older value. */
export function generate(c: Case, seed = 42): History {
  const random = seededRandom(seed);
  const perClient = Math.ceil(c.ops / c.clients);
  const planned: { op: HistoryOperation; at: number; effect: boolean }[] = [];
  let n = 0;
  for (let client = 0; client < c.clients && planned.length < c.ops; client++) {
    let t = random() * 5;
    for (let i = 0; i < perClient && planned.length < c.ops; i++) {
      const invoke = t;
      const complete = invoke + 1 + random() * 9;
      const at = invoke + random() * (complete - invoke);
      if (random() < 0.5) {
        planned.push({ op: { process: client, f: 'read', value: null, type: 'ok', invoke, complete }, at, effect: true });
      } else {
        // With crashed writes, 5% of writes time out: half of those took effect.
        const info = c.crashed && random() < 0.05;
        planned.push({
          op: { process: client, f: 'write', value: `w${++n}`, type: info ? 'info' : 'ok', invoke, complete: info ? null : complete },
          at,
          effect: !info || random() < 0.5,
        });
      }
      t = complete + random() * 3;
    }
  }
  let state: string | null = null;
  const byTime = [...planned].sort((a, b) => a.at - b.at);
  for (const p of byTime) {
    if (p.op.f === 'write' && p.effect) state = p.op.value as string;
    else if (p.op.f === 'read') p.op.value = state;
  }
  const operations = planned.map((p) => p.op).sort((a, b) => a.invoke - b.invoke);
  if (c.stale) {
    // The last read that can be made surely stale: it returns a value that another write overwrote entirely
    // between that value's write and the read (older.complete < w2.invoke, w2.complete < read.invoke).
    const writes = operations.filter((o) => o.f === 'write' && o.type === 'ok');
    for (let i = operations.length - 1; i >= 0; i--) {
      const r = operations[i]!;
      if (r.f !== 'read') continue;
      const before = writes.filter((w) => (w.complete ?? Infinity) < r.invoke);
      const w2 = before.reduce<HistoryOperation | undefined>((best, w) => (!best || w.invoke > best.invoke ? w : best), undefined);
      const older = w2 && before.filter((w) => (w.complete ?? Infinity) < w2.invoke).at(-1);
      if (older && older.value !== r.value) {
        r.value = older.value;
        break;
      }
    }
  }
  return { schemaVersion: 1, model: 'register', operations };
}

interface Measured {
  verdict: string;
  algorithm: string;
  genMs: number;
  checkMs: number;
  maxRssMb: number;
  reason?: string;
}

const arg = (name: string): string | undefined => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
};

const main = process.argv[1] !== undefined && fileURLToPath(import.meta.url) === process.argv[1];
if (main && process.argv[2] === '--child') {
  const c = JSON.parse(process.argv[3]!) as Case & { algorithm: 'auto' | 'search'; timeoutMs: number };
  const g0 = performance.now();
  const h = generate(c);
  const genMs = performance.now() - g0;
  const t0 = performance.now();
  const r = checkHistory(h, { algorithm: c.algorithm, timeoutMs: c.timeoutMs });
  const checkMs = performance.now() - t0;
  const k = r.keys[0]!;
  const out: Measured = {
    verdict: r.verdict,
    algorithm: k.algorithm,
    genMs,
    checkMs,
    maxRssMb: process.resourceUsage().maxRSS / 1024,
    ...(k.reason ? { reason: k.reason } : {}),
  };
  process.send!(out);
  process.exit(0);
} else if (main) {
  const quick = process.argv.includes('--quick');
  const algorithm = (arg('--algorithm') ?? 'auto') as 'auto' | 'search';
  const timeoutMs = Number(arg('--timeout') ?? 60) * 1000;
  const sizes = quick ? [10_000, 100_000] : [10_000, 100_000, 1_000_000];
  const cases: Case[] = [];
  for (const clients of [4, 8, 16, 64])
    for (const ops of sizes)
      for (const crashed of [false, true]) for (const stale of [false, true]) cases.push({ clients, ops, crashed, stale });
  const go = spawnSync('go', ['version'], { encoding: 'utf8' });
  console.log(
    `algorithm ${algorithm}; Porcupine: ` +
      (go.status === 0 ? 'Go found, but the porcupine module cannot be fetched here' : 'not run (no Go on this machine)'),
  );
  console.log('clients  operations  crashed  stale  verdict             decided by     generate   check      peak RSS');
  const self = fileURLToPath(import.meta.url);
  for (const c of cases) {
    const m = await new Promise<Measured>((resolve, reject) => {
      const child = fork(self, ['--child', JSON.stringify({ ...c, algorithm, timeoutMs })], {
        execArgv: ['--import', 'tsx', '--max-old-space-size=4096'],
      });
      child.once('message', (msg) => resolve(msg as Measured));
      child.once('exit', (code) => (code === 0 ? undefined : reject(new Error(`child exited ${code}`))));
    });
    const verdict = m.verdict + (m.reason ? ` (${m.reason})` : '');
    console.log(
      [
        String(c.clients).padStart(7),
        String(c.ops).padStart(10),
        (c.crashed ? 'yes' : 'no').padEnd(7),
        (c.stale ? 'yes' : 'no').padEnd(5),
        verdict.padEnd(18),
        m.algorithm.padEnd(13),
        `${(m.genMs / 1000).toFixed(2)} s`.padStart(8),
        `${(m.checkMs / 1000).toFixed(3)} s`.padStart(9),
        `${Math.round(m.maxRssMb)} MB`.padStart(8),
      ].join('  '),
    );
    if (!c.stale && m.verdict !== 'linearizable') console.log('    ^ a simulated execution must be linearizable: this is a bug');
    if (c.stale && m.verdict === 'linearizable') console.log('    ^ one stale read must not be linearizable: this is a bug');
  }
}
