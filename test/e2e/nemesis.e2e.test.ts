// The nemesis end to end on the example cluster with real Docker: partitions that cut peers but not clients (and
// the cluster-wide topologies), lossy links, clock skew through libfaketime, random schedules while a workload
// runs. The healthy example passes each; a variant that each exposes fails with the right annotation; and after
// every run each namespace is back as it was (no rule of Replicheck's, clock offset +0).
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { POST_STATE_KEY, decodePostState } from '../../src/model/post-state.js';
import { runStep, runMainAndPost, errors, readReport, type StepRun } from '../support/runner.js';
import { needDocker, kvEnv, leavesNothing, forceCleanup, uniqueProject, assertNothingLeft } from '../support/docker.js';
import type { RunResult } from '../../src/model/result.js';

const PORTS = { KV_PORT_0: '19080', KV_PORT_2: '19082', KV_PORT_4: '19084' };
const SERVERS = 'http://localhost:19080,http://localhost:19082,http://localhost:19084';

function inputs(name: string, extra: Record<string, string>): Record<string, string> {
  return {
    'working-directory': 'examples/kv',
    servers: SERVERS,
    'project-name': name,
    'startup-timeout': '60',
    'fault-targets': 'kv_4',
    'fault-duration': '2',
    'convergence-timeout': '4',
    ...extra,
  };
}

async function run(mode: string, extra: Record<string, string>): Promise<{ main: StepRun; r: RunResult; titles: string[] }> {
  const name = uniqueProject('rc-nemesis', mode);
  const { main } = await leavesNothing(name, () => runMainAndPost(inputs(name, extra), { env: { ...kvEnv(mode), ...PORTS } }));
  return { main, r: readReport(main), titles: errors(main).map((a) => a.properties.title ?? '') };
}

const failed = (r: RunResult): string =>
  JSON.stringify(r.checks.filter((c) => c.status === 'failed').map((c) => `${c.title}: ${c.detail}`));

/** What each container's namespace holds of Replicheck's: packet filter rules and queueing disciplines. */
function namespaces(project: string): { service: string; rules: string; qdiscs: string }[] {
  const ids = execFileSync('docker', ['ps', '-q', '--filter', `label=com.docker.compose.project=${project}`], { encoding: 'utf8' })
    .split('\n')
    .filter(Boolean);
  return ids.map((id) => {
    const [pid, service] = execFileSync(
      'docker',
      ['inspect', '-f', '{{.State.Pid}} {{index .Config.Labels "com.docker.compose.service"}}', id],
      { encoding: 'utf8' },
    )
      .trim()
      .split(' ');
    const rules = execFileSync('nsenter', ['-t', pid!, '-n', 'iptables', '-S'], { encoding: 'utf8' });
    const qdiscs = execFileSync('nsenter', ['-t', pid!, '-n', 'tc', 'qdisc', 'show'], { encoding: 'utf8' });
    return { service: service!, rules, qdiscs };
  });
}

describe('partitions that cut peers but not clients', () => {
  for (const fault of ['partition', 'partition:one-way', 'partition:halves', 'partition:majorities-ring', 'partition:bridge', 'loss:30%']) {
    test(`${fault}: the healthy example passes, and every namespace is back as it was`, async (t) => {
      if (!needDocker(t)) return;
      const name = uniqueProject('rc-nemesis', fault.replace(/\W/g, ''));
      try {
        const main = await runStep(inputs(name, { faults: fault, teardown: 'never' }), { env: { ...kvEnv('healthy'), ...PORTS } });
        const r = readReport(main);
        assert.equal(r.verdict, 'passed', failed(r));
        const f = r.faults![0]!;
        assert.equal(f.verdict, 'passed');
        assert.match(f.action, /iptables/);
        assert.ok(f.writesAccepted > 0);
        if (fault === 'partition') {
          // Clients still reach the cut-off node: it answered (and, being healthy, refused while isolated).
          assert.ok(
            r.checks.some((c) => c.id === 'fault:partition:kv_4:converge:kv_4' && c.status === 'skipped'),
            failed(r),
          );
        }
        if (fault.startsWith('loss')) assert.equal(typeof f.requests?.p50, 'number', 'request latency measured while it held');
        const all = namespaces(name);
        assert.deepEqual(all.map((ns) => ns.service).sort(), ['kv_0', 'kv_2', 'kv_4'], 'every container was looked at');
        for (const ns of all) {
          assert.ok(!ns.rules.includes('REPLICHECK'), `${ns.service}: ${ns.rules}`);
          assert.ok(!/netem|prio/.test(ns.qdiscs), `${ns.service}: ${ns.qdiscs}`);
        }
      } finally {
        forceCleanup(name);
      }
      await assertNothingLeft(name);
    });
  }

  test('stale-partition: a node that answers from its own copy while cut off fails under linearizable', async (t) => {
    if (!needDocker(t)) return;
    const { r, titles } = await run('stale-partition', { faults: 'partition', consistency: 'linearizable' });
    assert.equal(r.verdict, 'failed');
    assert.ok(titles.includes('Partition kv_4: kv_4 kept serving stale data while kv_4 was partitioned'), JSON.stringify(titles));
  });

  test('give-up: a replica that gives up on replication after 100 ms loses writes under loss', async (t) => {
    if (!needDocker(t)) return;
    const { r, titles } = await run('give-up', { faults: 'loss:50%', 'fault-duration': '3', 'convergence-timeout': '3' });
    assert.equal(r.verdict, 'failed');
    assert.ok(
      titles.some((x) =>
        new RegExp(
          '^Loss:50% kv_4: (' +
            [
              /kv_4 never caught up with \d+ write\(s\) made while it was away/.source,
              /kv_\d never got \d+ write\(s\) kv_4 acknowledged while kv_4 was losing packets/.source,
            ].join('|') +
            ')$',
        ).test(x),
      ),
      JSON.stringify(titles),
    );
  });

  test('latency needs netem: on a kernel without it, an input error names the fault before anything starts', async (t) => {
    if (!needDocker(t)) return;
    const probe = (() => {
      try {
        execFileSync('unshare', ['-n', 'tc', 'qdisc', 'add', 'dev', 'lo', 'root', 'netem', 'delay', '1ms'], { stdio: 'ignore' });
        return true;
      } catch {
        return false;
      }
    })();
    const { main, r } = await run('healthy', { faults: 'latency:200' });
    if (probe) {
      assert.equal(r.verdict, 'passed', failed(r));
      return;
    }
    const a = errors(main).find((x) => x.properties.title === "Replicheck: input 'faults'");
    assert.ok(a, JSON.stringify(errors(main)));
    assert.match(a.message, /latency:200 needs the netem queueing discipline, which this kernel does not have/);
    assert.ok(!r.phases.some((p) => p.name === 'up'), 'nothing started');
  });
});

describe('clock skew through libfaketime', () => {
  test('the healthy example passes clock:-30s with an eventual workload, and the offset is back to +0', async (t) => {
    if (!needDocker(t)) return;
    const name = uniqueProject('rc-nemesis', 'clock');
    let clockDir: string | undefined;
    try {
      // teardown never keeps the offset files, so what the fault left in them can be read.
      const main = await runStep(
        inputs(name, {
          faults: 'clock',
          workload: 'register',
          consistency: 'eventual',
          'workload-duration': '3',
          'workload-clients': '4',
          'workload-keys': '2',
          teardown: 'never',
        }),
        { env: { ...kvEnv('healthy'), ...PORTS } },
      );
      const r = readReport(main);
      assert.equal(r.verdict, 'passed', failed(r));
      assert.match(r.faults![0]!.action, /shifted kv_4's wall clock by -30s \(libfaketime\)/);
      clockDir = decodePostState(main.state[POST_STATE_KEY] ?? '')?.faults?.clockDir;
      assert.ok(clockDir, 'the post step knows the clock folder');
      assert.equal(readFileSync(join(clockDir, 'kv_4'), 'utf8').trim(), '+0');
    } finally {
      forceCleanup(name);
      if (clockDir) rmSync(clockDir, { recursive: true, force: true });
    }
    await assertNothingLeft(name);
  });

  test('lww-wallclock: the skewed node writes last, its acknowledged later writes lose, and the fault says so', async (t) => {
    if (!needDocker(t)) return;
    // While kv_4's clock is behind, it writes last on the keys the other nodes wrote: a store ordering writes by wall
    // clock keeps the others' values. No workload needed, and none of the luck the workload's keys needed.
    const { r, titles } = await run('lww-wallclock', { faults: 'clock', 'fault-duration': '2' });
    assert.equal(r.verdict, 'failed');
    assert.ok(
      titles.some((x) => /^Clock skew kv_4: kv_\d never got \d+ write\(s\) kv_4 acknowledged while kv_4 was skewed$/.test(x)),
      JSON.stringify(titles),
    );
  });
});

describe('random schedules', () => {
  test('faults start and heal at random moments while the workload runs; the history and EDN carry them', async (t) => {
    if (!needDocker(t)) return;
    const { r } = await run('healthy', {
      faults: 'partition,pause,loss',
      'fault-targets': 'kv_2\nkv_4',
      'fault-schedule': 'random',
      'fault-duration': '1',
      workload: 'register',
      consistency: 'eventual',
      'workload-duration': '6',
      'workload-clients': '4',
      'workload-seed': '7',
    });
    assert.equal(r.verdict, 'passed', failed(r));
    const history = JSON.parse(readFileSync(r.workload!.history!.json, 'utf8')) as {
      nemesis: { f: string; fault: string; target: string; time: number }[];
    };
    assert.ok(history.nemesis.length >= 2, JSON.stringify(history.nemesis));
    assert.equal(
      history.nemesis.filter((e) => e.f === 'start').length,
      history.nemesis.filter((e) => e.f === 'stop').length,
      'every start has its heal',
    );
    const edn = readFileSync(r.workload!.history!.edn, 'utf8');
    assert.match(edn, /:process :nemesis, :f :start, :value "[a-z:%0-9]+ kv_[24]"/);
    assert.ok(
      r.phases.some((p) => / held$/.test(p.name) && /^schedule: /.test(p.note ?? '')),
      JSON.stringify(r.phases.map((p) => p.name)),
    );
    assert.ok((r.faults ?? []).every((f) => f.verdict === 'passed'));
  });
});
