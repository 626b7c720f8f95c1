// Shrinking a failing schedule against the real system: the example store in `ring-memory` mode (a write is lost
// only when its node is killed while its ring successor is paused: two faults at once, neither alone) under a
// six-fault random schedule (kill and pause on each of three nodes), run end to end with the CLI on real Docker and
// shrunk on the same cluster. Prints the schedule that failed, the minimal one, the reruns spent, the time and how
// often the minimal one reproduces. The seed is one whose random schedule has a kill inside its successor's pause
// (planned offline, from the same pure planner the run uses), so the first run fails without a search.
// Run: flock /tmp/docker.lock node --import tsx bench/shrink.ts [--shrink N] [--budget S] [--seed N] [--cli PATH]
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { planWindows } from '../src/faults/nemesis.js';
import { planFaults } from '../src/faults/plan.js';
import { parseFaultSpecs } from '../src/faults/kinds/index.js';
import { runStreams } from '../src/core/random.js';
import type { RunResult } from '../src/model/result.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const arg = (name: string): string | undefined => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
};
const SHRINK = Number(arg('--shrink') ?? 30);
const BUDGET_S = Number(arg('--budget') ?? 900);
const CLI = arg('--cli') ?? 'dist/cli/index.js';
const PORT = 25080;
const SERVICES = ['kv_0', 'kv_2', 'kv_4'];
const SUCCESSOR: Record<string, string> = { kv_0: 'kv_2', kv_2: 'kv_4', kv_4: 'kv_0' };
const WORKLOAD_MS = 20_000;
const HOLD_MS = 3000;

/** A seed whose random schedule kills a node at least 700 ms into its successor's pause (writes acknowledged from memory meanwhile). */
function failingSeed(): number {
  const { specs } = parseFaultSpecs(['kill', 'pause']);
  const nodes = SERVICES.map((s) => ({ url: `http://x/${s}`, label: s, service: s, mapping: 'bench' }));
  for (let seed = 1; seed < 10_000; seed++) {
    const streams = runStreams(seed);
    const steps = planFaults({ specs, groups: SERVICES.map((s) => [s]), nodes, shuffle: streams.partition });
    const { windows, left } = planWindows(steps, WORKLOAD_MS, HOLD_MS, streams.schedule);
    if (left.length > 0) continue;
    const hit = windows.some((k) => {
      if (k.step.kind !== 'kill') return false;
      const p = windows.find((w) => w.step.kind === 'pause' && w.step.target === SUCCESSOR[k.step.target]);
      return p !== undefined && k.startMs >= p.startMs + 700 && k.startMs <= p.endMs - 1000;
    });
    if (hit) return seed;
  }
  throw new Error('no seed found');
}

function runCli(args: string[], env: Record<string, string>): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [CLI, 'run', ...args], { cwd: ROOT, env: { ...process.env, ...env } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString('utf8')));
    child.stderr.on('data', (c: Buffer) => {
      stderr += c.toString('utf8');
      process.stderr.write(c);
    });
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

async function main(): Promise<void> {
  const seed = arg('--seed') !== undefined ? Number(arg('--seed')) : failingSeed();
  const env = {
    KV_MODE: 'ring-memory',
    KV_BASE_IMAGE: 'replicheck-node-base:local',
    KV_PORT_0: String(PORT),
    KV_PORT_2: String(PORT + 2),
    KV_PORT_4: String(PORT + 4),
  };
  const args = [
    ...['--no-config', '--json', '--working-directory', 'examples/kv', '--project-name', `rc-shrink-bench-${process.pid}`],
    ...['--servers', [0, 2, 4].map((d) => `http://localhost:${PORT + d}`).join(',')],
    ...['--faults', 'kill,pause', '--fault-targets', SERVICES.join(','), '--fault-schedule', 'random'],
    ...['--fault-duration', String(HOLD_MS / 1000), '--workload', 'register', '--workload-duration', String(WORKLOAD_MS / 1000)],
    // One sticky client per node, on many keys: a lost write is read back by its own client (read-your-writes
    // breaks) before another node's client writes that key again and hides the loss.
    ...['--workload-sessions', 'sticky', '--workload-clients', '3', '--workload-keys', '100'],
    ...['--consistency', 'read-your-writes', '--seed', String(seed)],
    ...['--shrink', String(SHRINK), '--shrink-budget', String(BUDGET_S), '--startup-timeout', '60', '--convergence-timeout', '5'],
  ];
  const began = Date.now();
  const r = await runCli(args, env);
  let result: RunResult;
  try {
    result = JSON.parse(r.stdout) as RunResult;
  } catch {
    throw new Error(`no JSON report (exit ${r.code})`);
  }
  const s = result.shrink;
  const lines = [
    `seed ${seed}; run ${result.verdict} (exit ${r.code}); ${Math.round((Date.now() - began) / 1000)} s in all`,
    `schedule: ${result.replay?.schedule ?? '(none)'}`,
    `failed: ${
      result.checks
        .filter((c) => c.status === 'failed')
        .map((c) => c.id)
        .join(', ') || 'nothing'
    }`,
  ];
  if (s) {
    lines.push(
      `family: ${s.family}`,
      `minimal (${s.minimalFaults} of ${s.originalFaults} faults): ${s.minimal}`,
      `1-minimal proven: ${s.oneMinimal}; stopped by: ${s.stoppedBy}`,
      `reruns: ${s.reruns} of ${s.maxReruns}; time: ${Math.round(s.elapsedMs / 1000)} s of ${Math.round(s.budgetMs / 1000)} s`,
      `reproduction rate: ${s.rate ? `${s.rate.failed}/${s.rate.runs}` : 'not measured'}`,
      `candidates: ${s.tried.length} (${s.tried.filter((t) => t.reproduced).length} reproduced)`,
    );
  } else lines.push('no shrink (the run did not fail with its schedule)');
  process.stdout.write(`${lines.join('\n')}\n`);
}

await main();
