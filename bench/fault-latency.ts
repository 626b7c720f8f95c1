// How long a lifecycle fault takes to strike, from the moment Replicheck sends it to the moment it returns: through
// a Compose CLI process (`docker compose kill`, as before) and through the Docker engine API on its socket (what
// the lifecycle faults use where the socket answers). On the example cluster, N kills of kv_4 each way.
// Run: node --import tsx bench/fault-latency.ts [--runs N]
import { execFileSync, spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { connectEngineApi, engineSocket } from '../src/compose/engine-api.js';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const runs = Number(process.argv[process.argv.indexOf('--runs') + 1] || 10) || 10;
const project = `rc-bench-latency-${process.pid}`;
const env = { ...process.env, KV_BASE_IMAGE: 'replicheck-node-base:local', KV_PORT_0: '20580', KV_PORT_2: '20582', KV_PORT_4: '20584' };
const compose = (...args: string[]) =>
  spawnSync('docker', ['compose', '--project-name', project, ...args], {
    cwd: `${ROOT}examples/kv`,
    env,
    encoding: 'utf8',
    timeout: 300_000,
  });

function summary(label: string, ms: number[]): string {
  const s = [...ms].sort((a, b) => a - b);
  const median = s[Math.floor(s.length / 2)]!.toFixed(1);
  return `${label}: median ${median} ms (${s[0]!.toFixed(1)}–${s.at(-1)!.toFixed(1)} ms, ${s.length} kills)`;
}

const up = compose('up', '--detach', '--build', '--wait');
if (up.status !== 0) throw new Error(`compose up failed: ${up.stderr}`);
try {
  const id = execFileSync(
    'docker',
    ['ps', '-q', '--filter', `label=com.docker.compose.project=${project}`, '--filter', 'label=com.docker.compose.service=kv_4'],
    {
      encoding: 'utf8',
    },
  ).trim();
  const cliMs: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t = performance.now();
    const r = compose('kill', 'kv_4');
    cliMs.push(performance.now() - t);
    if (r.status !== 0) throw new Error(`compose kill failed: ${r.stderr}`);
    compose('start', 'kv_4');
  }
  const api = await connectEngineApi(engineSocket(process.env));
  if (!api) throw new Error('the Docker engine API does not answer on its socket');
  const apiMs: number[] = [];
  try {
    for (let i = 0; i < runs; i++) {
      const t = performance.now();
      const r = await api.containerVerb(id, 'kill');
      apiMs.push(performance.now() - t);
      if (!r.ok) throw new Error(r.detail);
      await api.containerVerb(id, 'start');
    }
  } finally {
    await api.close();
  }
  console.log(summary('compose kill (a CLI process)', cliMs));
  console.log(summary('docker engine API kill (socket)', apiMs));
} finally {
  compose('down', '--volumes', '--remove-orphans', '--timeout', '1');
}
