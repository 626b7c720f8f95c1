// The engine end to end without Docker: a scripted process runner plays Docker and Compose, real local HTTP servers
// play the containers, and a virtual clock makes every wait instant. What is checked is the engine's own
// guarantees: the order of phases, nothing started before the inputs are known good, teardown per policy however
// the run ends, and the state handed to the post step.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runEngine } from '../../src/engine/run.js';
import type { EngineDeps } from '../../src/engine/deps.js';
import { nodeFiles } from '../../src/engine/files.js';
import { createHttpClient } from '../../src/http/client.js';
import { decodePostState, encodePostState, type PostState } from '../../src/model/post-state.js';
import type { InputName } from '../../src/inputs/list.js';
import { startFakeCluster, type FakeCluster, type NodeBehaviour } from '../support/fake-cluster.js';
import { optionsFrom } from '../support/options.js';
import { ScriptedExec } from '../support/scripted-exec.js';
import { VirtualClock } from '../support/virtual-clock.js';
import { seededSource } from '../../src/core/random.js';
import { FAKETIME_LIB } from '../../src/faults/clock.js';

const http = createHttpClient();
after(() => http.close());

let dir: string;
before(() => {
  dir = mkdtempSync(join(tmpdir(), 'rc-engine-'));
  writeFileSync(join(dir, 'docker-compose.yml'), 'services:\n  kv_0:\n    image: x\n  kv_1:\n    image: x\n  kv_2:\n    image: x\n');
});

/** A deterministic random source: the same run gets the same ids. */
const seeded = (seed = 1): EngineDeps['random'] => seededSource(seed);

interface Run {
  readonly result: Awaited<ReturnType<typeof runEngine>>;
  readonly exec: ScriptedExec;
  readonly known: PostState[];
  readonly logs: string[];
}

async function run(
  behaviours: NodeBehaviour[],
  inputs: Partial<Record<InputName, string>> = {},
  o: {
    abort?: boolean;
    upCode?: number;
    files?: EngineDeps['files'];
    random?: number;
    logText?: (service: string) => string;
    onVerb?: (verb: string, service: string, cluster: FakeCluster) => Promise<void> | void;
  } = {},
): Promise<Run> {
  const cluster: FakeCluster = await startFakeCluster(behaviours);
  try {
    const services = cluster.nodes.map((n, i) => ({ name: `kv_${i}`, hostPort: Number(new URL(n.url).port) }));
    const options = optionsFrom({
      servers: cluster.nodes.map((n) => n.url).join(','),
      'project-name': 'rcengine',
      'working-directory': dir,
      'convergence-timeout': '1',
      'startup-timeout': '2',
      ...inputs,
    });
    const exec = new ScriptedExec({
      project: 'rcengine',
      services,
      ...(o.upCode !== undefined ? { upCode: o.upCode } : {}),
      ...(o.logText ? { logText: o.logText } : {}),
      ...(o.onVerb ? { onVerb: (verb: string, service: string) => o.onVerb!(verb, service, cluster) } : {}),
    });
    const controller = new AbortController();
    if (o.abort) controller.abort();
    const known: PostState[] = [];
    const logs: string[] = [];
    const deps: EngineDeps = {
      exec,
      http,
      clock: new VirtualClock(),
      random: seeded(o.random),
      log: { info: (m) => logs.push(m), warn: (m) => logs.push(`warn: ${m}`), untrusted: (t) => logs.push(`untrusted: ${t}`) },
      files: o.files ?? nodeFiles,
      // The test's servers listen already: the port probe is the engine's dependency, so it can say "free".
      isListening: async () => false,
      isRoot: () => true,
      onProjectKnown: (s) => known.push(s),
      signal: controller.signal,
      version: 'test',
    };
    const result = await runEngine(options, deps, dir);
    return { result, exec, known, logs };
  } finally {
    await cluster.close();
  }
}

const HEALTHY: NodeBehaviour[] = [{ kind: 'healthy' }, { kind: 'healthy' }, { kind: 'healthy' }];
const composeVerbs = (exec: ScriptedExec) =>
  exec.calls
    .filter((c) => c.startsWith('docker compose --project-name'))
    .map((c) => c.split(' --project-directory ')[1]!.split(' ').slice(1).join(' '));

describe('engine', () => {
  test('a healthy cluster with the restart check: phases in order, the restart as a fault, torn down', async () => {
    const { result, exec, known } = await run(HEALTHY, { 'restart-target': 'kv_2' });
    assert.equal(result.verdict, 'passed', JSON.stringify(result.checks.filter((c) => c.status === 'failed')));
    assert.deepEqual(
      result.phases.map((p) => p.name),
      ['validate', 'up', 'ready', 'replication', 'restart', 'sweep', 'down'],
    );
    assert.deepEqual(composeVerbs(exec), [
      'config',
      'up --detach --build --force-recreate --remove-orphans',
      'restart kv_2',
      'down --volumes --remove-orphans --timeout 2',
    ]);
    for (const id of ['restart:recovery:kv_2', 'restart:catch-up:kv_2', 'restart:durability:kv_2'])
      assert.equal(result.checks.find((c) => c.id === id)?.status, 'passed', id);
    assert.equal(result.faults, undefined, 'the restart check is not listed as a fault of the suite');
    assert.deepEqual(result.teardown, { policy: 'always', performed: true });
    assert.equal(exec.exists, false);
    assert.equal(result.startedAt, '2026-11-25T12:00:00.000Z', 'wall time comes from the injected clock');
    // The post step's record, saved before `up`, survives one encoding exactly.
    assert.equal(known.length, 1);
    assert.deepEqual(decodePostState(encodePostState(known[0]!)), known[0]);
    assert.deepEqual(known[0]!.compose, { file: 'docker', prefix: ['compose'], files: [join(dir, 'docker-compose.yml')], directory: dir });
  });

  test('the same seed gives the same keys and values', async () => {
    const a = await run(HEALTHY);
    const b = await run(HEALTHY);
    // Values carry the (virtual) wall time, which moves with how many polls a read took; the rest is the seed's.
    const seeded = (r: Run) => r.result.checks.map((c) => c.expected?.replace(/-\d{13}-/, '-T-'));
    assert.deepEqual(seeded(a), seeded(b));
    assert.ok(seeded(a).some((v) => v?.includes('-T-')));
  });

  test('one run seed: recorded, and the same seed draws the same values whatever else is random', async () => {
    // The run id comes from the host's randomness (a replay must not read an earlier run's data); the rest is the seed's.
    const parts = (r: Run) =>
      r.result.checks.flatMap((c) => (c.expected ? [c.expected.replace(/^rc-([0-9a-f]+)-(.*)-\d{13}-([0-9a-f]+)$/, '$1 $2 $3')] : []));
    const a = await run(HEALTHY, { seed: '777', 'value-format': 'token' }, { random: 1 });
    const b = await run(HEALTHY, { seed: '777', 'value-format': 'token' }, { random: 2 });
    const c = await run(HEALTHY, { seed: '778', 'value-format': 'token' }, { random: 1 });
    assert.equal(a.result.seed, 777);
    assert.equal(c.result.seed, 778);
    const [pa, pb, pc] = [parts(a), parts(b), parts(c)];
    assert.ok(pa.length >= 3 && pa.every((p) => p.split(' ').length === 3), JSON.stringify(pa));
    const runId = (p: string[]) => p[0]!.split(' ')[0];
    const rest = (p: string[]) => p.map((x) => x.split(' ').slice(1).join(' '));
    assert.notEqual(runId(pa), runId(pb), 'each run its own run id');
    assert.deepEqual(rest(pa), rest(pb), 'the same seed, the same random parts');
    assert.notDeepEqual(rest(pa), rest(pc), 'another seed, other random parts');
    // Without the input the run draws a seed and records it.
    const drawn = (await run(HEALTHY)).result.seed;
    assert.ok(Number.isInteger(drawn) && drawn! >= 0 && drawn! < 2 ** 31);
  });

  for (const teardown of ['never', 'post'] as const) {
    test(`teardown '${teardown}' leaves the project for later`, async () => {
      const { result, exec, logs } = await run(HEALTHY, { teardown });
      assert.equal(result.verdict, 'passed');
      assert.ok(!composeVerbs(exec).some((v) => v.startsWith('down')));
      assert.equal(exec.exists, true);
      assert.deepEqual(result.teardown, { policy: teardown, performed: false });
      assert.ok(
        logs.some((l) => l.includes(teardown === 'post' ? 'until the post step' : 'leaving project rcengine running')),
        logs.join('\n'),
      );
    });
  }

  test("teardown 'on-success' keeps a failed cluster and collects its logs", async () => {
    const { result, exec } = await run([{ kind: 'healthy' }, { kind: 'isolated' }, { kind: 'healthy' }], { teardown: 'on-success' });
    assert.equal(result.verdict, 'failed');
    assert.deepEqual(
      result.phases.map((p) => p.name),
      ['validate', 'up', 'ready', 'replication', 'sweep', 'logs'],
    );
    assert.deepEqual(
      result.logs.map((l) => l.service),
      ['kv_0', 'kv_1', 'kv_2'],
    );
    assert.equal(exec.exists, true);
  });

  test('a service log that echoes the secret headers is redacted in every form before it is kept or printed', async () => {
    const token = 'tok-3f9a7c21e8d4';
    const logText = () => `got Authorization: Bearer ${token}; as base64 ${Buffer.from(token).toString('base64')}; ok\n`;
    const { result, logs } = await run(
      [{ kind: 'healthy' }, { kind: 'isolated' }, { kind: 'healthy' }],
      { headers: `Authorization: Bearer ${token}` },
      { logText },
    );
    assert.equal(result.verdict, 'failed');
    const kept = result.logs.map((l) => l.text).join('\n');
    assert.match(kept, /got Authorization: \*\*\*; as base64 \*\*\*; ok/);
    assert.ok(!JSON.stringify(result).includes(token) && !JSON.stringify(result).includes(Buffer.from(token).toString('base64')));
    assert.ok(!logs.join('\n').includes(token));
  });

  test('a fault target that is not a service fails before anything is created', async () => {
    const { result, exec, known } = await run(HEALTHY, { faults: 'kill', 'fault-targets': 'kv_9' });
    assert.equal(result.verdict, 'failed');
    assert.equal(result.errors[0]?.input, 'fault-targets');
    assert.deepEqual(composeVerbs(exec), ['config']);
    assert.equal(known.length, 0, 'no state for the post step: nothing to clean');
  });

  test('a clock fault on a target that is not a service: the input error, and no clock files left behind', async () => {
    const leftovers = () => readdirSync(tmpdir()).filter((n) => n.startsWith('replicheck-clock-rcengine-'));
    const before = leftovers();
    // libfaketime "installed" whatever this machine has, so the clock fault gets as far as it can.
    const files = { ...nodeFiles, exists: async (p: string) => p.endsWith(FAKETIME_LIB) || nodeFiles.exists(p) };
    const { result, exec } = await run(HEALTHY, { faults: 'clock', 'fault-targets': 'kv_9' }, { files });
    assert.equal(result.errors[0]?.input, 'fault-targets');
    assert.deepEqual(composeVerbs(exec), ['config']);
    assert.deepEqual(leftovers(), before);
  });

  test('compose up failing still tears down what it may have made', async () => {
    const { result, exec } = await run(HEALTHY, {}, { upCode: 1 });
    assert.equal(result.verdict, 'failed');
    assert.match(result.errors[0]!.message, /compose up failed \(exit 1\)/);
    assert.ok(composeVerbs(exec).some((v) => v.startsWith('down')));
  });

  test('a run cancelled before it starts creates nothing', async () => {
    const { result, exec } = await run(HEALTHY, {}, { abort: true });
    assert.equal(result.verdict, 'failed');
    assert.match(result.errors[0]!.message, /cancelled/);
    assert.ok(!composeVerbs(exec).some((v) => v.startsWith('up')));
  });

  test('after the fault suite, a node whose recovery failed is not judged by the liveness hold; the others are', async () => {
    // kv_1 never comes back from its stop: its server closes for good.
    const gone = async (verb: string, service: string, cluster: FakeCluster): Promise<void> => {
      if (verb !== 'stop' || service !== 'kv_1') return;
      const server = cluster.nodes[1]!.server;
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    };
    const { result } = await run(HEALTHY, { faults: 'stop', 'fault-targets': 'kv_1', 'fault-duration': '1' }, { onVerb: gone });
    assert.equal(result.checks.find((c) => c.id === 'fault:stop:kv_1:recovery:kv_1')?.status, 'failed');
    const liveness = result.checks.filter((c) => c.kind === 'liveness' && c.id.startsWith('liveness:'));
    assert.deepEqual(
      liveness.map((c) => `${c.id} ${c.status}`),
      ['liveness:kv_0 passed', 'liveness:kv_1 skipped', 'liveness:kv_2 passed'],
    );
  });

  test('faults run as phases with held rows, each healed', async () => {
    const { result, exec } = await run(HEALTHY, { faults: 'stop,pause', 'fault-targets': 'kv_1', 'fault-duration': '5' });
    assert.equal(result.verdict, 'passed', JSON.stringify(result.checks.filter((c) => c.status === 'failed')));
    assert.deepEqual(
      result.phases.map((p) => p.name),
      [
        'validate',
        'up',
        'ready',
        'replication',
        'stop kv_1',
        'stop kv_1 held',
        'pause kv_1',
        'pause kv_1 held',
        'liveness',
        'sweep',
        'down',
      ],
    );
    // The liveness hold after the suite: every node took and returned a fresh write.
    assert.deepEqual(
      result.checks.filter((c) => c.kind === 'liveness').map((c) => `${c.id} ${c.status}`),
      ['liveness:kv_0 passed', 'liveness:kv_1 passed', 'liveness:kv_2 passed'],
    );
    assert.deepEqual(
      composeVerbs(exec).filter((v) => /^(stop|start|pause|unpause) /.test(v)),
      ['stop kv_1', 'start kv_1', 'pause kv_1', 'unpause kv_1'],
    );
    // The 5 s hold took no wall time under the virtual clock, and the report still says it held 5 s.
    for (const f of result.faults!) assert.ok(f.heldMs! >= 5000, `${f.kind} held ${f.heldMs}`);
  });
});
