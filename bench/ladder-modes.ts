// Catch rates of the consistency ladder on examples/kv: each mode that breaks one rung, run N times with sticky
// sessions and the claim of that rung, must fail naming it; the healthy mode, run with the strongest of those
// claims, must pass. The nodes run on loopback (no Docker): the modes are about replication, not containers.
//   npx tsx bench/ladder-modes.ts [runs=10] [seconds=4] [keys=20] [only-this-mode]
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:net';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const RUNS = Number(process.argv[2] ?? 10);
const SECONDS = Number(process.argv[3] ?? 4);
const KEYS = Number(process.argv[4] ?? 20);
const ONLY = process.argv[5];
const CLIENTS = Number(process.env.LADDER_CLIENTS ?? 3);
const SERVER = join(import.meta.dirname, '../examples/kv/server.js');
const CLI = join(import.meta.dirname, '../dist/cli/index.js');

/** Each mode with the claim it must break (the lowest rung it breaks for sticky clients); healthy keeps them all. */
const CASES: { mode: string; claim: string; breaks: boolean }[] = [
  { mode: 'ack-before-apply', claim: 'read-your-writes', breaks: true },
  { mode: 'stale-snapshot', claim: 'monotonic-reads', breaks: true },
  { mode: 'reorder-delivery', claim: 'monotonic-writes', breaks: true },
  { mode: 'origin-fifo', claim: 'writes-follow-reads', breaks: true },
  { mode: 'healthy', claim: 'causal', breaks: false },
];

async function freePorts(n: number): Promise<number[]> {
  const servers: Server[] = [];
  for (let i = 0; i < n; i++) {
    const s = createServer();
    await new Promise<void>((resolve) => s.listen(0, '127.0.0.1', resolve));
    servers.push(s);
  }
  const ports = servers.map((s) => (s.address() as AddressInfo).port);
  await Promise.all(servers.map((s) => new Promise<void>((resolve) => s.close(() => resolve()))));
  return ports;
}

async function cluster(mode: string): Promise<{ urls: string[]; stop: () => void }> {
  const ports = await freePorts(3);
  const dir = mkdtempSync(join(tmpdir(), `ladder-${mode}-`));
  const children: ChildProcess[] = ports.map((port, i) =>
    spawn(process.execPath, [SERVER], {
      env: {
        PATH: process.env.PATH ?? '',
        PORT: String(port),
        NODE_ID: `n${i + 1}`,
        PEERS: ports
          .filter((p) => p !== port)
          .map((p) => `http://127.0.0.1:${p}`)
          .join(','),
        KV_MODE: mode,
        KV_DATA_DIR: join(dir, `n${i + 1}`),
      },
      stdio: 'ignore',
    }),
  );
  const stop = (): void => {
    for (const c of children) c.kill('SIGKILL');
    rmSync(dir, { recursive: true, force: true });
  };
  return { urls: ports.map((p) => `http://127.0.0.1:${p}`), stop };
}

interface Outcome {
  readonly passed: boolean;
  readonly strongest: string;
  readonly claimVerdict: string;
  readonly ms: number;
}

async function once(mode: string, claim: string, seed: number): Promise<Outcome> {
  const c = await cluster(mode);
  const started = Date.now();
  try {
    const args = [CLI, 'run', '--no-config', '--json', '--cluster', 'external', '--servers', c.urls.join(','), '--ready-path', '/health'];
    const workload = ['--workload', 'register', '--workload-sessions', 'sticky', '--workload-duration', String(SECONDS)];
    const keep = process.env.LADDER_REPORT ? ['--report-file', process.env.LADDER_REPORT] : [];
    const sizes = ['--workload-clients', String(CLIENTS), '--workload-keys', String(KEYS), '--startup-timeout', '20'];
    const rest = [...keep, ...sizes, '--consistency', claim, '--seed', String(seed)];
    const out = await new Promise<string>((resolve) => {
      const child = spawn(process.execPath, [...args, ...workload, ...rest], { stdio: ['ignore', 'pipe', 'ignore'] });
      let text = '';
      child.stdout.on('data', (d: Buffer) => (text += d.toString('utf8')));
      const timer = setTimeout(() => child.kill('SIGKILL'), 120_000);
      child.on('close', () => {
        clearTimeout(timer);
        resolve(text);
      });
    });
    const report = JSON.parse(out) as {
      verdict: string;
      workload?: { models?: { strongest: string | null; models: { model: string; verdict: string }[] } };
    };
    const models = report.workload?.models;
    return {
      passed: report.verdict === 'passed',
      strongest: models?.strongest ?? 'none',
      claimVerdict: models?.models.find((m) => m.model === claim)?.verdict ?? '?',
      ms: Date.now() - started,
    };
  } finally {
    c.stop();
  }
}

console.log(`${RUNS} runs per mode, ${SECONDS} s sticky workload, ${CLIENTS} clients, ${KEYS} keys, 3 loopback nodes\n`);
console.log('| mode | claim | caught (run failed, claim violated) | strongest model seen | median run |');
console.log('| --- | --- | --- | --- | --- |');
for (const k of CASES.filter((c) => ONLY === undefined || c.mode === ONLY)) {
  const outcomes: Outcome[] = [];
  for (let i = 0; i < RUNS; i++) outcomes.push(await once(k.mode, k.claim, 1000 + i));
  const caught = outcomes.filter((o) => !o.passed && o.claimVerdict === 'violated').length;
  const strongest = [...new Set(outcomes.map((o) => o.strongest))].join(', ');
  const median = [...outcomes].sort((a, b) => a.ms - b.ms)[Math.floor(outcomes.length / 2)]!.ms;
  const score = k.breaks ? `${caught}/${RUNS}` : `${outcomes.filter((o) => o.passed).length}/${RUNS} passed (control)`;
  console.log(`| ${k.mode} | ${k.claim} | ${score} | ${strongest} | ${(median / 1000).toFixed(1)} s |`);
}
