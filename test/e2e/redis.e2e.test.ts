// A primary/replica store that does not speak HTTP: a real Redis 7.0 primary with two read replicas (examples/redis,
// asynchronous replication, Debian's packages) through the example's adapter module, which speaks Redis' protocol
// with ioredis from the example's own node_modules. Its own ports and project names, so it runs beside the others.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { runMainAndPost, errors, readReport, ROOT } from '../support/runner.js';
import { needDocker, leavesNothing, uniqueProject } from '../support/docker.js';
import type { RunResult } from '../../src/model/result.js';

const REDIS_IMAGE = process.env.REPLICHECK_REDIS_IMAGE ?? 'replicheck-redis:local';
const PORTS = ['27379', '27479', '27579'] as const;
const ENV = { REDIS_IMAGE, REDIS_PORT_0: PORTS[0], REDIS_PORT_1: PORTS[1], REDIS_PORT_2: PORTS[2] };
const SERVERS = PORTS.map((p) => `redis://127.0.0.1:${p}`).join('\n');
const DIR = join(ROOT, 'examples/redis');
// Set to run the action from the TypeScript source instead of dist/ (while developing, without a build).
const source = process.env.REPLICHECK_E2E_SOURCE === '1';

/** Docker, the offline Redis image (scripts/build-redis-image.sh) and the adapter's dependencies (npm ci there). */
function needRedis(t: Parameters<typeof needDocker>[0]): boolean {
  if (!needDocker(t)) return false;
  if (spawnSync('docker', ['image', 'inspect', REDIS_IMAGE], { stdio: 'ignore' }).status !== 0) {
    throw new Error(`image ${REDIS_IMAGE} is missing: build it with scripts/build-redis-image.sh`);
  }
  if (!existsSync(join(DIR, 'node_modules/ioredis'))) throw new Error('examples/redis has no node_modules: npm ci --prefix examples/redis');
  return true;
}

interface Outcome {
  readonly r: RunResult;
  readonly code: number | null;
  readonly annotations: string[];
  readonly seconds: number;
}

async function run(name: string, extra: Record<string, string>): Promise<Outcome> {
  const project = uniqueProject('rc-redis', name);
  const inputs = {
    'working-directory': 'examples/redis',
    servers: SERVERS,
    adapter: 'adapter.mjs',
    build: 'false',
    'project-name': project,
    'startup-timeout': '60',
    'convergence-timeout': '5',
    ...extra,
  };
  const started = performance.now();
  const { main, post } = await leavesNothing(project, () => runMainAndPost(inputs, { env: ENV, source }));
  assert.equal(post.code, 0, post.stdout);
  const seconds = Math.round((performance.now() - started) / 100) / 10;
  const outcome = {
    r: readReport(main),
    code: main.code,
    annotations: errors(main).map((a) => `${a.properties.title}: ${a.message}`),
    seconds,
  };
  // The closing note of issue 23 gives what each case reported and how long it took: the log says it.
  const failed = outcome.r.checks.filter((c) => c.status === 'failed').map((c) => c.id);
  const models = outcome.r.workload?.models;
  if (models) console.log(`[redis e2e] ${name}: ${models.sessions} workload, strongest model that held: ${models.strongest ?? 'none'}`);
  console.log(`[redis e2e] ${name}: ${outcome.r.verdict} in ${seconds} s${failed.length > 0 ? `; failed: ${failed.join(', ')}` : ''}`);
  if (process.env.REPLICHECK_E2E_VERBOSE === '1')
    for (const c of outcome.r.checks) console.log(`  ${c.status} ${c.id}: ${c.title} | ${c.detail}`);
  return outcome;
}

const failedChecks = (r: RunResult): string[] => r.checks.filter((c) => c.status === 'failed').map((c) => `${c.id}: ${c.detail}`);
const check = (r: RunResult, id: string) => r.checks.find((c) => c.id === id);

describe('Redis 7: a primary and two read replicas, through an adapter module (examples/redis)', () => {
  test('healthy with writers: primary, a restart of a replica and a sticky workload: passes, writes only on the primary', async (t) => {
    if (!needRedis(t)) return;
    const { r, code, annotations } = await run('healthy', {
      writers: 'primary',
      'restart-target': 'replica_1',
      workload: 'register',
      'workload-sessions': 'sticky',
      'workload-clients': '3',
      'workload-duration': '2',
    });
    assert.equal(code, 0, annotations.join('\n'));
    assert.equal(r.verdict, 'passed', JSON.stringify(failedChecks(r)));
    assert.deepEqual(r.convergence.writers, ['primary']);
    assert.deepEqual(r.convergence.readers, ['primary', 'replica_1', 'replica_2']);
    assert.equal(r.checks.filter((c) => c.kind === 'replication' && c.status === 'passed').length, 3);
    for (const id of ['restart:recovery:replica_1', 'restart:catch-up:replica_1', 'restart:durability:replica_1']) {
      assert.equal(check(r, id)?.status, 'passed', id);
    }
    // Sticky clients read on their own node; every write went to the primary.
    const perNode = new Map(r.workload!.perNode.map((n) => [n.node, n]));
    assert.ok(perNode.get('primary')!.write.ok > 0, JSON.stringify(r.workload!.perNode));
    for (const replica of ['replica_1', 'replica_2']) {
      const n = perNode.get(replica)!;
      assert.equal(n.write.ok + n.write.fail + n.write.info, 0, `${replica} got no write: ${JSON.stringify(n)}`);
      assert.ok(n.read.ok > 0, `${replica} served reads: ${JSON.stringify(n)}`);
    }
  });

  test('every node as writer (writers left empty) fails, naming the replicas that refuse with READONLY', async (t) => {
    if (!needRedis(t)) return;
    const { r, code } = await run('all-writers', {});
    assert.equal(code, 1);
    assert.equal(r.verdict, 'failed');
    assert.equal(check(r, 'write:primary'), undefined, 'the primary took its write');
    for (const replica of ['replica_1', 'replica_2']) {
      const refused = check(r, `write:${replica}`);
      assert.equal(refused?.status, 'failed', replica);
      assert.equal(refused?.title, `Replication: ${replica} refused a write`);
      assert.match(refused?.detail ?? '', /READONLY You can't write against a read only replica/);
    }
    assert.equal(r.checks.filter((c) => c.kind === 'replication' && c.id.startsWith('replication:primary->')).length, 3);
  });

  test('a replica partitioned from the primary: stale reads fail linearizable, with a witness', async (t) => {
    if (!needRedis(t)) return;
    const { r, code } = await run('partition-linearizable', {
      writers: 'primary',
      faults: 'partition',
      'fault-targets': 'replica_1',
      'fault-duration': '2',
      consistency: 'linearizable',
      workload: 'register',
      'workload-clients': '4',
      'workload-duration': '2',
    });
    assert.equal(code, 1);
    assert.equal(r.verdict, 'failed');
    const stale = check(r, 'fault:partition:replica_1:converge:replica_1');
    assert.equal(stale?.status, 'failed', JSON.stringify(failedChecks(r)));
    assert.deepEqual(r.faults?.[0]?.staleNodes, ['replica_1']);
    // The workload's history shows it too: some key is not linearizable, and the witness names the stale read.
    const broken = r.workload!.keyResults.filter((k) => k.verdict === 'not-linearizable');
    assert.ok(broken.length > 0, JSON.stringify(r.workload!.keyResults.map((k) => k.verdict)));
    // Healed, the replica catches up and keeps everything.
    assert.equal(check(r, 'fault:partition:replica_1:catch-up:replica_1')?.status ?? 'passed', 'passed');
    assert.deepEqual(r.faults?.[0]?.lostKeys, []);
  });

  test('the same partition passes with consistency: eventual: the replica served its own copy and caught up', async (t) => {
    if (!needRedis(t)) return;
    const { r, code, annotations } = await run('partition-eventual', {
      writers: 'primary',
      faults: 'partition',
      'fault-targets': 'replica_1',
      'fault-duration': '2',
      consistency: 'eventual',
    });
    assert.equal(code, 0, annotations.join('\n'));
    assert.equal(r.verdict, 'passed', JSON.stringify(failedChecks(r)));
    const f = r.faults![0]!;
    assert.deepEqual(f.staleNodes, []);
    assert.deepEqual(
      f.servedStale?.map((s) => s.node),
      ['replica_1'],
    );
    assert.deepEqual(f.lostKeys, []);
  });

  test('the primary restarted without persistence comes back empty, the replicas follow it, and every earlier write is lost', async (t) => {
    if (!needRedis(t)) return;
    const { r, code } = await run('no-persistence', {
      'compose-file': 'docker-compose.yml, docker-compose.no-persistence.yml',
      writers: 'primary',
      'restart-target': 'primary',
    });
    assert.equal(code, 1);
    assert.equal(r.verdict, 'failed');
    const durability = r.checks.filter((c) => c.kind === 'durability' || c.id.includes(':durability:'));
    assert.ok(durability.length > 0, JSON.stringify(r.checks.map((c) => c.id)));
    assert.ok(
      durability.every((c) => c.status === 'failed'),
      JSON.stringify(durability.map((c) => `${c.id} ${c.status}: ${c.detail}`)),
    );
    const lostOn = r.checks
      .filter((c) => c.status === 'failed' && /lost|no longer/i.test(`${c.title} ${c.detail}`))
      .map((c) => c.node ?? c.service);
    for (const node of ['primary', 'replica_1', 'replica_2'])
      assert.ok(lostOn.includes(node), `${node}: ${JSON.stringify(failedChecks(r))}`);
    // The primary answers again and takes writes: only the data is gone.
    assert.equal(check(r, 'restart:recovery:primary')?.status, 'passed');
  });
});
