// The fault suite end to end: the bundled action against the example cluster with real Docker, every fault kind
// against the healthy cluster, and the broken variants each caught with the right annotation. After every run the
// faults must be healed (no paused container, no disconnected network) and teardown must leave nothing.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { runMainAndPost, runStep, errors, readReport, type StepRun } from '../support/runner.js';
import { needDocker, kvEnv, assertNothingLeft, forceCleanup, leavesNothing, uniqueProject } from '../support/docker.js';
import type { RunResult } from '../../src/model/result.js';

const PORTS = { KV_PORT_0: '28080', KV_PORT_2: '28082', KV_PORT_4: '28084' };
const SERVERS = 'http://localhost:28080,http://localhost:28082,http://localhost:28084';

function project(name: string): string {
  return uniqueProject('rc-faults', name);
}

function inputs(name: string, extra: Record<string, string>): Record<string, string> {
  return {
    'working-directory': 'examples/kv',
    servers: SERVERS,
    'project-name': name,
    'startup-timeout': '60',
    'fault-targets': 'kv_4',
    'fault-duration': '1',
    ...extra,
  };
}

function env(mode: string): Record<string, string> {
  return { ...kvEnv(mode), ...PORTS };
}

/** Every container of the project runs unpaused and is attached to both networks with its compose aliases. */
function assertHealed(name: string): void {
  const ids = execFileSync('docker', ['ps', '-aq', '--filter', `label=com.docker.compose.project=${name}`], { encoding: 'utf8' })
    .split('\n')
    .filter(Boolean);
  assert.equal(ids.length, 3, 'three containers');
  const inspected = JSON.parse(execFileSync('docker', ['inspect', ...ids], { encoding: 'utf8' })) as {
    Config: { Labels: Record<string, string> };
    State: { Paused: boolean; Running: boolean };
    NetworkSettings: { Networks: Record<string, { Aliases: string[] | null }> };
  }[];
  for (const c of inspected) {
    const service = c.Config.Labels['com.docker.compose.service']!;
    assert.equal(c.State.Paused, false, `${service} is not paused`);
    assert.equal(c.State.Running, true, `${service} runs`);
    const nets = c.NetworkSettings.Networks;
    assert.deepEqual(Object.keys(nets).sort(), [`${name}_client`, `${name}_cluster`], `${service} is on both networks`);
    assert.ok(nets[`${name}_cluster`]!.Aliases?.includes(`cluster-${service}`), `${service} kept its cluster alias`);
    assert.ok(nets[`${name}_cluster`]!.Aliases?.includes(service), `${service} kept its service alias`);
  }
}

async function failing(
  name: string,
  mode: string,
  extra: Record<string, string>,
): Promise<{ main: StepRun; r: RunResult; titles: string[] }> {
  const { main } = await leavesNothing(name, () => runMainAndPost(inputs(name, extra), { env: env(mode) }));
  assert.equal(main.code, 1, 'the step fails');
  assert.equal(main.outputs.result, 'failed');
  return { main, r: readReport(main), titles: errors(main).map((a) => a.properties.title ?? '') };
}

function annotationLine(main: StepRun, title: string): string {
  const a = errors(main).find((x) => x.properties.title === title)!;
  assert.equal(a.properties.file, 'examples/kv/docker-compose.yml');
  return readFileSync('examples/kv/docker-compose.yml', 'utf8').split('\n')[Number(a.properties.line) - 1] ?? '';
}

describe('fault suite', () => {
  test('healthy cluster survives restart, stop, kill, pause and partition of kv_4', async (t) => {
    if (!needDocker(t)) return;
    const name = project('healthy');
    try {
      const main = await runStep(
        inputs(name, { faults: 'restart,stop,kill,pause,partition', 'convergence-timeout': '5', teardown: 'never' }),
        { env: env('healthy') },
      );
      assert.equal(main.code, 0, main.stdout);
      assert.deepEqual(errors(main), []);
      assertHealed(name);
      const r = readReport(main);
      assert.deepEqual(
        r.faults?.map((f) => f.kind),
        ['restart', 'stop', 'kill', 'pause', 'partition'],
      );
      for (const f of r.faults ?? []) {
        assert.equal(f.verdict, 'passed', `${f.kind}: ${JSON.stringify(f)}`);
        assert.equal(f.target, 'kv_4');
        assert.deepEqual(f.lostKeys, []);
        assert.ok(f.writesAccepted >= 2, `${f.kind} accepted writes on the live nodes`);
        assert.equal(typeof f.recoveryMs, 'number');
        assert.equal(typeof f.catchUpMs, 'number');
        assert.ok(f.beganMs! < f.healedMs!);
        if (f.kind !== 'restart') assert.ok(f.heldMs! >= 1000, `${f.kind} held at least the fault duration`);
      }
      const byId = new Map(r.checks.map((c) => [c.id, c]));
      for (const kind of ['restart', 'stop', 'kill', 'pause', 'partition']) {
        assert.equal(byId.get(`fault:${kind}:kv_4:catch-up:kv_4`)?.status, 'passed', kind);
        assert.equal(byId.get(`fault:${kind}:kv_4:durability:kv_0`)?.status, 'passed', kind);
        assert.equal(byId.get(`fault:${kind}:kv_4:recovery:kv_4`)?.status, 'passed', kind);
      }
      assert.deepEqual(
        r.phases.map((p) => p.name),
        [
          'validate',
          'up',
          'ready',
          'replication',
          ...['restart', 'stop', 'kill', 'pause', 'partition'].flatMap((k) => [`${k} kv_4`, `${k} kv_4 held`]),
          'liveness',
          'sweep',
        ],
      );
      assert.match(r.phases.find((p) => p.name === 'pause kv_4 held')?.note ?? '', /pause began at .*, healed at/);
      assert.match(main.summary, /### Faults/);
      assert.match(main.summary, /\| Kind \| Target \| Held for \| Writes accepted \/ refused \|/);
      assert.match(main.summary, /\| partition \| kv_4 \|/);
    } finally {
      forceCleanup(name);
    }
    await assertNothingLeft(name);
  });

  test('lose-on-kill: kill loses an acknowledged write, named in a durability failure', async (t) => {
    if (!needDocker(t)) return;
    const { main, r, titles } = await failing(project('lose'), 'lose-on-kill', { faults: 'kill', 'convergence-timeout': '5' });
    const lost = r.faults?.[0]?.lostKeys ?? [];
    assert.ok(lost.length >= 1, JSON.stringify(r.faults));
    const title = titles.find((x) => /^Kill kv_4: kv_4 lost \d+ acknowledged write\(s\)$/.test(x));
    assert.ok(title, JSON.stringify(titles));
    const a = errors(main).find((x) => x.properties.title === title)!;
    for (const key of lost) assert.ok(a.message.includes(key), `annotation names ${key}`);
    assert.match(annotationLine(main, title), /^\s*kv_4:/);
    assert.equal(r.faults?.[0]?.verdict, 'failed');
  });

  test('no-heal: a partitioned node never catches up after reconnecting', async (t) => {
    if (!needDocker(t)) return;
    const { main, r, titles } = await failing(project('noheal'), 'no-heal', { faults: 'partition', 'convergence-timeout': '2' });
    const title = titles.find((x) => /^Partition kv_4: kv_4 never caught up with \d+ write\(s\) made while it was away$/.test(x));
    assert.ok(title, JSON.stringify(titles));
    assert.match(annotationLine(main, title), /^\s*kv_4:/);
    assert.equal(r.faults?.[0]?.verdict, 'failed');
  });

  test('linearizable: a node cut off from its peers that keeps serving stale data fails, and Replicheck still reaches it', async (t) => {
    if (!needDocker(t)) return;
    const claim = { faults: 'partition', 'convergence-timeout': '1.5', consistency: 'linearizable' };
    const { main, r, titles } = await failing(project('stale'), 'stale-partition', claim);
    const title = 'Partition kv_4: kv_4 kept serving stale data while kv_4 was partitioned';
    assert.ok(titles.includes(title), JSON.stringify(titles));
    assert.match(annotationLine(main, title), /^\s*kv_4:/);
    assert.deepEqual(r.faults?.[0]?.staleNodes, ['kv_4']);
  });

  for (const [kind, teardown] of [
    ['pause', 'never'],
    ['partition', 'always'],
  ] as const) {
    test(`cancel while a ${kind} holds heals it before teardown (teardown ${teardown})`, async (t) => {
      if (!needDocker(t)) return;
      const name = project(`cancel-${kind}`);
      try {
        let sent = false;
        const main = await runStep(inputs(name, { faults: kind, 'fault-duration': '60', teardown }), {
          env: env('healthy'),
          onStart: (child, stdout) => {
            const timer = setInterval(() => {
              if (!sent && stdout().includes(`Fault 1/1: ${kind} kv_4`)) {
                sent = true;
                clearInterval(timer);
                setTimeout(() => child.kill('SIGINT'), 1500);
              }
            }, 50);
            child.on('close', () => clearInterval(timer));
          },
        });
        assert.ok(sent, 'the fault began');
        assert.equal(main.outputs.result, 'failed');
        assert.ok(main.durationMs < 60_000, 'the fault did not run its course');
        if (teardown === 'never') assertHealed(name);
        else await assertNothingLeft(name);
      } finally {
        forceCleanup(name);
      }
      await assertNothingLeft(name);
    });
  }
});
