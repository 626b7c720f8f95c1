// How long Replicheck takes on the healthy example next to the floor: what any harness must spend anyway
// (compose up, until every node first answers, a restart of kv_4, compose down), measured directly in the same run.
// Also: cold start of the bundle (spawn to exit on a run that fails at input validation) and, in the real run,
// spawn until the engine starts. Prints figures; asserts nothing.
import { spawn, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { runStep, ROOT } from '../test/support/runner.js';
import { kvEnv, KV_SERVERS } from '../test/support/docker.js';
import type { RunResult } from '../src/model/result.js';

const ROUNDS = Number(process.env.ROUNDS ?? 3);
const kvDir = `${ROOT}/examples/kv`;
const env = { ...process.env, ...kvEnv('healthy') };

function compose(project: string, args: string[]): number {
  const t = performance.now();
  const r = spawnSync('docker', ['compose', '-p', project, ...args], { cwd: kvDir, env, stdio: 'ignore' });
  if (r.status !== 0) throw new Error(`compose ${args.join(' ')} failed`);
  return performance.now() - t;
}

async function untilAnswers(urls: string[], deadlineMs = 60_000): Promise<number> {
  const t = performance.now();
  await Promise.all(
    urls.map(async (url) => {
      for (let i = 0; i < 10_000 && performance.now() - t < deadlineMs; i++) {
        try {
          const r = await fetch(`${url}/key/bench-probe`, { signal: AbortSignal.timeout(1000) });
          await r.arrayBuffer();
          if (r.status < 500) return;
        } catch {
          // not up yet
        }
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      throw new Error(`${url} never answered`);
    }),
  );
  return performance.now() - t;
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
}

async function floorRun(i: number): Promise<{ total: number; restart: number }> {
  const project = `rc-bench-floor-${process.pid}-${i}`;
  const t = performance.now();
  try {
    compose(project, ['up', '--detach', '--build', '--force-recreate', '--remove-orphans']);
    await untilAnswers(KV_SERVERS.split(','));
    const floor1 = performance.now() - t;
    const restart = compose(project, ['restart', 'kv_4']);
    await untilAnswers(['http://localhost:8084']);
    const restartTotal = performance.now() - t - floor1;
    const t2 = performance.now();
    compose(project, ['down', '--volumes', '--remove-orphans', '--timeout', '5']);
    return { total: floor1 + (performance.now() - t2), restart: Math.max(restart, restartTotal) };
  } finally {
    spawnSync('docker', ['compose', '-p', project, 'down', '-v'], { cwd: kvDir, env, stdio: 'ignore' });
  }
}

async function replicheckRun(i: number): Promise<{ wall: number; engine: number; untilEngine: number; result: RunResult }> {
  const project = `rc-bench-rc-${process.pid}-${i}`;
  const run = await runStep(
    { 'working-directory': 'examples/kv', servers: KV_SERVERS, 'restart-target': 'kv_4', 'project-name': project },
    { env: kvEnv('healthy') },
  );
  if (run.outputs.result !== 'passed') throw new Error(`replicheck did not pass:\n${run.stdout.slice(-3000)}`);
  const result = JSON.parse(readFileSync(run.outputs.report!, 'utf8')) as RunResult;
  return { wall: run.durationMs, engine: result.durationMs, untilEngine: run.durationMs - result.durationMs, result };
}

async function coldStart(): Promise<number[]> {
  const times: number[] = [];
  for (let i = 0; i < 10; i++) {
    const t = performance.now();
    await new Promise<void>((resolve) => {
      const child = spawn(process.execPath, [`${ROOT}/dist/index.js`], {
        env: { PATH: process.env.PATH, INPUT_SERVERS: 'not a url', GITHUB_STEP_SUMMARY: '' },
        stdio: 'ignore',
      });
      child.on('close', () => resolve());
    });
    times.push(performance.now() - t);
  }
  return times;
}

const cold = await coldStart();
console.log(
  `cold start of dist/index.js to exit (input validation failure, report written): ` +
    `median ${median(cold).toFixed(0)} ms, min ${Math.min(...cold).toFixed(0)} ms (10 runs)`,
);

// One warm-up of each so image build caches are equal for both sides.
await floorRun(-1);
await replicheckRun(-1);

const floors: number[] = [];
const restarts: number[] = [];
const walls: number[] = [];
const firstHttp: number[] = [];
for (let i = 0; i < ROUNDS; i++) {
  const f = await floorRun(i);
  floors.push(f.total);
  restarts.push(f.restart);
  const r = await replicheckRun(i);
  walls.push(r.wall);
  const ready = r.result.phases.find((p) => p.name === 'ready')!;
  const up = r.result.phases.find((p) => p.name === 'up')!;
  const validate = r.result.phases.find((p) => p.name === 'validate')!;
  firstHttp.push(r.untilEngine);
  console.log(
    `round ${i + 1}: floor ${(f.total / 1000).toFixed(2)} s (restart ${(f.restart / 1000).toFixed(2)} s) | ` +
      `replicheck ${(r.wall / 1000).toFixed(2)} s` +
      ` [outside the engine (start-up, reports) ${r.untilEngine.toFixed(0)} ms, ` +
      `validate ${(validate.endMs - validate.startMs).toFixed(0)} ms, up ${((up.endMs - up.startMs) / 1000).toFixed(2)} s, ` +
      `first HTTP request ${(ready.startMs - up.endMs).toFixed(0)} ms after up]`,
  );
}
const floor = median(floors);
const wall = median(walls);
console.log(`\nfloor (up + all nodes answer + restart kv_4 until it answers + down), median: ${(floor / 1000).toFixed(2)} s`);
console.log(
  `replicheck (validate, up, ready, 9 replication checks, restart + catch-up + durability, logs on failure, down), ` +
    `median: ${(wall / 1000).toFixed(2)} s`,
);
console.log(`replicheck adds ${((wall - floor) / 1000).toFixed(2)} s to the floor (target: under 2 s); ratio ${(wall / floor).toFixed(2)}`);
console.log(`outside the engine (process start-up and reports), median: ${median(firstHttp).toFixed(0)} ms`);
console.log(`the reference shell harness took 221 s on the same shape of cluster`);
