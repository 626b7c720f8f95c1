// The current APIs of real stores, end to end: a real etcd 3.4 cluster through its v3 JSON API (api: etcd-v3),
// and the revision-based example store through an adapter module (examples/revkv/adapter.mjs). Own ports, so this
// file shares none with the others.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { runMainAndPost, errors, readReport } from '../support/runner.js';
import { needDocker, needEtcd, leavesNothing, uniqueProject, ETCD_IMAGE, BASE_IMAGE } from '../support/docker.js';
import type { RunResult } from '../../src/model/result.js';

const ETCD_PORTS = ['29379', '29479', '29579'];
const ETCD_ENV = { ETCD_IMAGE, ETCD_PORT_0: ETCD_PORTS[0]!, ETCD_PORT_1: ETCD_PORTS[1]!, ETCD_PORT_2: ETCD_PORTS[2]! };
const ETCD_SERVERS = ETCD_PORTS.map((p) => `http://127.0.0.1:${p}`).join(',');
const REV_PORTS = ['29984', '29985', '29986'];
const REV_ENV = { REVKV_BASE_IMAGE: BASE_IMAGE, REVKV_PORT_0: REV_PORTS[0]!, REVKV_PORT_1: REV_PORTS[1]!, REVKV_PORT_2: REV_PORTS[2]! };

async function run(
  dir: string,
  env: Record<string, string>,
  extra: Record<string, string>,
): Promise<{ r: RunResult; code: number | null; stdout: string; annotations: string[] }> {
  const name = uniqueProject('rc-store', dir.replace(/\W/g, ''));
  const inputs = {
    'working-directory': `examples/${dir}`,
    'project-name': name,
    'startup-timeout': '60',
    'convergence-timeout': '5',
    ...extra,
  };
  const { main } = await leavesNothing(name, () => runMainAndPost(inputs, { env }));
  return {
    r: readReport(main),
    code: main.code,
    stdout: main.stdout,
    annotations: errors(main).map((a) => `${a.properties.title}: ${a.message}`),
  };
}

const failed = (r: RunResult): string =>
  JSON.stringify(r.checks.filter((c) => c.status === 'failed').map((c) => `${c.title}: ${c.detail}`));

describe('etcd 3.4 through its v3 JSON API (api: etcd-v3)', () => {
  test('replication on every member pair and a restart of etcd_2 pass', async (t) => {
    if (!needEtcd(t)) return;
    const { r, code, annotations } = await run('etcd', ETCD_ENV, {
      servers: ETCD_SERVERS,
      api: 'etcd-v3',
      build: 'false',
      'restart-target': 'etcd_2',
    });
    assert.equal(code, 0, annotations.join('\n'));
    assert.equal(r.verdict, 'passed', failed(r));
    assert.equal(r.checks.filter((c) => c.kind === 'replication' && c.status === 'passed').length, 9);
    for (const id of ['restart:recovery:etcd_2', 'restart:catch-up:etcd_2', 'restart:durability:etcd_2', 'sweep:etcd_2']) {
      assert.equal(r.checks.find((c) => c.id === id)?.status, 'passed', id);
    }
  });

  test('kill, stop and pause of one member pass, with a linearizable register workload running through them', async (t) => {
    if (!needEtcd(t)) return;
    const { r, annotations } = await run('etcd', ETCD_ENV, {
      servers: ETCD_SERVERS,
      api: 'etcd-v3',
      build: 'false',
      faults: 'kill,stop,pause',
      'fault-targets': 'etcd_2',
      'fault-duration': '1',
      workload: 'register',
      consistency: 'linearizable',
      'workload-clients': '4',
      'workload-duration': '3',
    });
    assert.equal(r.verdict, 'passed', `${failed(r)}\n${annotations.join('\n')}`);
    assert.deepEqual(
      r.faults?.map((f) => `${f.kind} ${f.verdict}`),
      ['kill passed', 'stop passed', 'pause passed'],
    );
    const w = r.workload!;
    assert.ok(w.operations.ok > 30, JSON.stringify(w.operations));
    assert.ok(
      w.keyResults.every((k) => k.verdict === 'linearizable'),
      JSON.stringify(w.keyResults),
    );
  });

  test('a cas-register workload through v3 transactions is linearizable', async (t) => {
    if (!needEtcd(t)) return;
    const { r } = await run('etcd', ETCD_ENV, {
      servers: ETCD_SERVERS,
      api: 'etcd-v3',
      build: 'false',
      workload: 'cas-register',
      consistency: 'linearizable',
      'workload-clients': '4',
      'workload-duration': '3',
      'workload-keys': '2',
    });
    assert.equal(r.verdict, 'passed', failed(r));
    const w = r.workload!;
    assert.equal(w.model, 'cas-register');
    assert.ok(
      w.keyResults.every((k) => k.verdict === 'linearizable'),
      JSON.stringify(w.keyResults),
    );
    const { readFileSync } = await import('node:fs');
    const history = JSON.parse(readFileSync(w.history!.json, 'utf8')) as {
      model: string;
      operations: { f: string; type: string; succeeded?: boolean }[];
    };
    assert.equal(history.model, 'cas-register');
    const cas = history.operations.filter((op) => op.f === 'cas');
    assert.ok(
      cas.some((op) => op.type === 'ok' && op.succeeded !== false),
      'some compare-and-sets swapped',
    );
    assert.ok(
      cas.some((op) => op.type === 'ok' && op.succeeded === false),
      'some found another value',
    );
  });
});

describe('etcd 3.4 under a partition that cuts one member from its peers, while clients still reach it', () => {
  // Writes go to the majority only: a write sent to the cut-off member hangs for the request timeout and holds one of
  // its client slots, so with writes everywhere it served three reads in a 3 s partition and a loaded machine could
  // miss the stale one; read-only, it serves well over a hundred while the majority commits new values.
  const partitioned = (readBody?: string) => ({
    writers: 'etcd_0,etcd_1',
    servers: ETCD_SERVERS,
    api: 'etcd-v3',
    build: 'false',
    faults: 'partition',
    'fault-targets': 'etcd_2',
    'fault-duration': '3',
    workload: 'register',
    consistency: 'linearizable',
    'workload-clients': '6',
    'workload-duration': '3',
    'workload-keys': '2',
    'request-timeout': '1',
    ...(readBody ? { 'read-body': readBody } : {}),
  });

  test(
    'serializable reads: the cut-off member serves stale values, ' + 'and the linearizable check fails with a stale-read witness',
    async (t) => {
      if (!needEtcd(t)) return;
      const { r, annotations } = await run('etcd', ETCD_ENV, partitioned('{"key":"{key:base64}","serializable":true}'));
      assert.equal(r.verdict, 'failed');
      const bad = r.workload!.keyResults.filter((k) => k.verdict === 'not-linearizable');
      assert.ok(bad.length > 0, JSON.stringify(r.workload!.keyResults.map((k) => k.verdict)));
      assert.ok(
        bad.some((k) => k.witness && /etcd_2/.test(k.witnessText ?? '')),
        JSON.stringify(bad.map((k) => k.witnessText)),
      );
      assert.ok(
        annotations.some((a) => /^Linearizability: key .* is not linearizable/.test(a) || /not linearizable/i.test(a)),
        annotations.join('\n'),
      );
    },
  );

  test('the default linearizable reads: the cut-off member refuses (times out), and the check passes', async (t) => {
    if (!needEtcd(t)) return;
    const { r } = await run('etcd', ETCD_ENV, partitioned());
    assert.equal(r.verdict, 'passed', failed(r));
    assert.ok(r.workload!.keyResults.every((k) => k.verdict === 'linearizable'));
  });
});

describe('an adapter module against a revision-based store (examples/revkv)', () => {
  const servers = REV_PORTS.map((p) => `http://127.0.0.1:${p}`).join(',');
  test('replication, a restart and the sweep pass through adapter.mjs', async (t) => {
    if (!needDocker(t)) return;
    const { r, annotations } = await run('revkv', REV_ENV, { servers, adapter: 'adapter.mjs', 'restart-target': 'doc_2' });
    assert.equal(r.verdict, 'passed', `${failed(r)}\n${annotations.join('\n')}`);
    assert.equal(r.checks.filter((c) => c.kind === 'replication' && c.status === 'passed').length, 9);
    assert.equal(r.checks.find((c) => c.id === 'restart:catch-up:doc_2')?.status, 'passed');
  });

  test('a linearizable cas-register workload through the module on one node', async (t) => {
    if (!needDocker(t)) return;
    const { r } = await run('revkv', REV_ENV, {
      servers: `http://127.0.0.1:${REV_PORTS[0]}`,
      adapter: 'adapter.mjs',
      workload: 'cas-register',
      consistency: 'linearizable',
      'workload-clients': '4',
      'workload-duration': '2',
      'workload-keys': '1',
    });
    assert.equal(r.verdict, 'passed', failed(r));
    assert.equal(r.workload?.model, 'cas-register');
    assert.ok(r.workload!.operations.ok > 20);
  });

  test('a module that fails before anything starts: an input error naming adapter, and no container', async (t) => {
    if (!needDocker(t)) return;
    const { r, annotations } = await run('revkv', REV_ENV, { servers, adapter: 'no-such-adapter.mjs' });
    assert.equal(r.verdict, 'failed');
    assert.ok(
      annotations.some((a) => /^Replicheck: input 'adapter': Input 'adapter': 'no-such-adapter\.mjs' not found/.test(a)),
      annotations.join('\n'),
    );
    assert.ok(!r.phases.some((p) => p.name === 'up'));
  });
});
