// Flake budget: the healthy example end to end, N times in a row, as the runner runs the bundle (main step, then
// post step with the saved state). Every run must pass and leave nothing behind; any failure is a false failure.
//
//   node --import tsx bench/flake.ts                 N=20, ports 8080/8082/8084, dist/index.js
//   FLAKE_RUNS=5 KV_PORT_0=23080 KV_PORT_2=23082 KV_PORT_4=23084 FLAKE_PREFIX=rc-x \
//   REPLICHECK_ACTION_ENTRY=/tmp/build/index.js node --import tsx bench/flake.ts
//
// Needs Docker and the offline base image (scripts/build-base-image.sh). Exit code 1 when any run failed.
import { runMainAndPost, ACTION_ENTRY } from '../test/support/runner.js';
import { kvEnv, assertNothingLeft, forceCleanup } from '../test/support/docker.js';

const runs = Math.max(1, Math.min(1000, Number(process.env.FLAKE_RUNS ?? '20')));
const ports = [process.env.KV_PORT_0 ?? '8080', process.env.KV_PORT_2 ?? '8082', process.env.KV_PORT_4 ?? '8084'];
const prefix = process.env.FLAKE_PREFIX ?? 'replicheck-flake';
const compose = process.env.FLAKE_COMPOSE_VERSION ?? 'auto';

const times: number[] = [];
const failures: string[] = [];
console.log(`flake budget: ${runs} runs of the healthy example (restart check of kv_4, Compose ${compose}), bundle ${ACTION_ENTRY}`);
for (let i = 1; i <= runs; i++) {
  const project = `${prefix}-${process.pid}-${i}`;
  const started = performance.now();
  let problem: string | undefined;
  try {
    const { main, post } = await runMainAndPost(
      {
        'working-directory': 'examples/kv',
        servers: ports.map((p) => `http://localhost:${p}`).join(','),
        'project-name': project,
        'restart-target': 'kv_4',
        'compose-version': compose,
        'startup-timeout': '60',
      },
      { env: kvEnv('healthy', { KV_PORT_0: ports[0]!, KV_PORT_2: ports[1]!, KV_PORT_4: ports[2]! }), timeoutMs: 300_000 },
    );
    if (main.code !== 0 || main.outputs.result !== 'passed') {
      const titles = main.commands.filter((c) => c.command === 'error').map((c) => c.properties.title ?? c.message);
      problem = `main exit ${main.code}: ${titles.join('; ') || main.stdout.slice(-500)}`;
    } else if (post.code !== 0) {
      problem = `post exit ${post.code}`;
    } else {
      await assertNothingLeft(project);
    }
  } catch (error) {
    problem = String(error);
  } finally {
    forceCleanup(project);
  }
  const ms = performance.now() - started;
  times.push(ms);
  if (problem) failures.push(`run ${i}: ${problem}`);
  console.log(
    `run ${String(i).padStart(2)}/${runs}: ${problem ? 'FAILED' : 'passed'} in ${(ms / 1000).toFixed(2)} s` +
      (problem ? ` (${problem})` : ''),
  );
}

const sorted = [...times].sort((a, b) => a - b);
const median = sorted.length % 2 ? sorted[(sorted.length - 1) / 2]! : (sorted[sorted.length / 2 - 1]! + sorted[sorted.length / 2]!) / 2;
const s = (ms: number): string => `${(ms / 1000).toFixed(2)} s`;
console.log(
  `\n${runs - failures.length}/${runs} passed, ${failures.length} false failure(s); ` +
    `wall time per run (main + post): min ${s(sorted[0]!)}, median ${s(median)}, max ${s(sorted.at(-1)!)}`,
);
for (const f of failures) console.log(`  ${f}`);
process.exitCode = failures.length > 0 ? 1 : 0;
