// Replicheck against a real, well-known replicated store: a three-member etcd cluster (examples/etcd) spoken to
// through the etcd-v2 preset, with real Docker. Its verdicts on our own example could be our own bias; here a
// correct Raft store must pass and a misconfigured read must fail.
import { test, describe, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { runMainAndPost, errors, ROOT } from '../support/runner.js';
import { needEtcd, leavesNothing, uniqueProject, assertNothingLeft, forceCleanup, ETCD_IMAGE } from '../support/docker.js';
import { optionsFrom } from '../support/options.js';
import { createHttpClient } from '../../src/http/client.js';
import { httpKvApi, observe } from '../../src/checks/kv-api.js';
import type { RunResult } from '../../src/model/result.js';

const PORTS = [process.env.ETCD_PORT_0 ?? '32379', process.env.ETCD_PORT_1 ?? '32479', process.env.ETCD_PORT_2 ?? '32579'] as const;
const SERVERS = PORTS.map((p) => `http://127.0.0.1:${p}`);
const ENV = { ETCD_IMAGE, ETCD_PORT_0: PORTS[0], ETCD_PORT_1: PORTS[1], ETCD_PORT_2: PORTS[2] };
const SERVICES = ['etcd_0', 'etcd_1', 'etcd_2'];

function project(name: string): string {
  return uniqueProject('rc-adapt-etcd', name);
}

function inputs(name: string, extra: Record<string, string> = {}): Record<string, string> {
  return {
    'working-directory': 'examples/etcd',
    servers: SERVERS.join('\n'),
    'project-name': name,
    api: 'etcd-v2',
    build: 'false',
    'startup-timeout': '60',
    'convergence-timeout': '5',
    ...extra,
  };
}

function report(path: string | undefined): { parsed: RunResult; text: string } {
  const text = readFileSync(path!, 'utf8');
  return { parsed: JSON.parse(text) as RunResult, text };
}

function scenario(name: string, stepInputs: Record<string, string>) {
  return leavesNothing(name, () => runMainAndPost(stepInputs, { env: ENV }));
}

describe('etcd (examples/etcd) through the etcd-v2 preset', () => {
  test('replication passes on every member pair, a restart of etcd_2 passes, and header values stay masked', async (t) => {
    if (!needEtcd(t)) return;
    const name = project('pass');
    const secret = 'e2e-header-secret-7781';
    const { main, post } = await scenario(name, inputs(name, { 'restart-target': 'etcd_2', headers: `X-Replicheck-E2e: ${secret}` }));
    assert.equal(main.code, 0, main.stdout);
    assert.deepEqual(errors(main), []);
    assert.equal(main.outputs.result, 'passed');
    const { parsed: r, text } = report(main.outputs.report);
    assert.deepEqual(
      r.nodes.map((n) => n.service),
      SERVICES,
    );
    const replication = r.checks.filter((c) => c.kind === 'replication');
    assert.equal(replication.length, 9);
    assert.ok(replication.every((c) => c.status === 'passed'));
    const byId = new Map(r.checks.map((c) => [c.id, c]));
    for (const id of ['restart:recovery:etcd_2', 'restart:catch-up:etcd_2', 'restart:durability:etcd_2']) {
      assert.equal(byId.get(id)?.status, 'passed', `${id}: ${JSON.stringify(byId.get(id))}`);
    }
    assert.ok(r.convergence.ms.flat().every((ms) => ms !== null));
    assert.match(main.summary, /## ✅ Replicheck passed/);
    // The header value is registered as a secret before anything else is printed, and appears nowhere else.
    const masks = main.commands.filter((c) => c.command === 'add-mask').map((c) => c.message);
    assert.ok(masks.includes(secret), JSON.stringify(masks));
    assert.equal(main.stdout.split(secret).length - 1, 1, 'only the add-mask command carries it');
    assert.ok(!main.stderr.includes(secret) && !main.summary.includes(secret) && !text.includes(secret));
    assert.equal(post.code, 0);
  });

  test('restart, stop, kill, pause and partition of one member pass, and a quorum-read workload is linearizable', async (t) => {
    if (!needEtcd(t)) return;
    const name = project('faults');
    const kinds = ['restart', 'stop', 'kill', 'pause', 'partition'];
    const { main } = await scenario(
      name,
      inputs(name, {
        faults: kinds.join(','),
        'fault-targets': 'etcd_2',
        'fault-duration': '1',
        workload: 'register',
        consistency: 'linearizable',
        'workload-duration': '3',
        'workload-clients': '4',
      }),
    );
    assert.equal(main.code, 0, main.stdout);
    assert.deepEqual(errors(main), []);
    const { parsed: r } = report(main.outputs.report);
    assert.equal(r.verdict, 'passed');
    // A majority stays up through every one-member fault: all acknowledged writes survive, the member catches up.
    assert.deepEqual(
      r.faults?.map((f) => `${f.kind} ${f.target} ${f.verdict}`),
      kinds.map((k) => `${k} etcd_2 passed`),
    );
    for (const f of r.faults ?? []) {
      assert.deepEqual(f.lostKeys, [], `${f.kind}: nothing lost`);
      assert.ok(f.writesAccepted > 0, `${f.kind}: the majority kept accepting writes`);
      assert.equal(typeof f.recoveryMs, 'number', `${f.kind}: etcd_2 came back`);
    }
    const w = r.workload!;
    assert.equal(w.consistency, 'linearizable');
    assert.ok(w.operations.ok > 50, JSON.stringify(w.operations));
    assert.ok(
      w.keyResults.length > 0 && w.keyResults.every((k) => k.verdict === 'linearizable'),
      JSON.stringify(w.keyResults.map((k) => k.verdict)),
    );
    // The clients run while each fault holds on etcd_2, so only the majority is sure to serve them.
    const majority = w.perNode.filter((n) => n.node !== 'etcd_2');
    assert.equal(majority.length, 2);
    assert.ok(
      majority.every((n) => n.read.ok > 0 && n.write.ok > 0),
      `the majority served reads and writes: ${JSON.stringify(w.perNode)}`,
    );
  });

  test('a read-value pointer that misses the value fails replication with the node and its answer', async (t) => {
    if (!needEtcd(t)) return;
    const name = project('fail');
    const { main } = await scenario(name, inputs(name, { 'read-value': '/node/nope', 'convergence-timeout': '1' }));
    assert.equal(main.code, 1);
    assert.equal(main.outputs.result, 'failed');
    const titles = errors(main).map((a) => a.properties.title);
    assert.ok(titles.includes('Replication: etcd_1 never returned the value written on etcd_0'), JSON.stringify(titles));
    const { parsed: r } = report(main.outputs.report);
    const check = r.checks.find((c) => c.id === 'replication:etcd_0->etcd_1')!;
    assert.equal(check.actual?.status, 200);
    assert.match(check.actual?.bodyPreview ?? '', /"action":"get","node":\{"key":"\/replicheck-/);
  });
});

describe('awkward keys and values round-trip through real etcd', () => {
  const http = createHttpClient();
  after(() => http.close());

  test('written on one member, read with quorum from every member, byte for byte', async (t) => {
    if (!needEtcd(t)) return;
    const name = project('roundtrip');
    const compose = (...args: string[]) =>
      spawnSync('docker', ['compose', '-p', name, '-f', `${ROOT}/examples/etcd/docker-compose.yml`, ...args], {
        env: { ...process.env, ...ENV },
        encoding: 'utf8',
        timeout: 120_000,
      });
    try {
      const up = compose('up', '--detach');
      assert.equal(up.status, 0, up.stderr);
      const api = httpKvApi(http, optionsFrom({ servers: SERVERS.join(','), api: 'etcd-v2', 'request-timeout': '3' }));
      // Bounded wait for a quorum: every member answers the probe (a quorum read) below 500.
      const deadline = Date.now() + 60_000;
      for (let ready = false; !ready;) {
        assert.ok(Date.now() < deadline, 'etcd did not become ready within 60 s');
        const answers = await Promise.all(SERVERS.map((url) => api.probe(url)));
        ready = answers.every((a) => a.ok && a.status < 500);
        if (!ready) await new Promise((resolve) => setTimeout(resolve, 100));
      }
      const keys = ['with space', 'a/b/c', 'a&b=c', '100%', '%41 not A', 'plus+sign', 'quote " \' `', 'ünïcødé ✓ 😀', 'q?x=1#frag'];
      for (const [i, key] of keys.entries()) {
        const value = `${key} | a=b&c=d +%2B "q" 日本 \n second line`;
        const writer = SERVERS[i % SERVERS.length]!;
        const w = await api.write(writer, key, value);
        assert.ok(w.acked, `write of ${JSON.stringify(key)}: ${JSON.stringify(observe(w.outcome))}`);
        for (const reader of SERVERS) {
          const r = await api.read(reader, key);
          assert.equal(r.value?.toString('utf8'), value, `${JSON.stringify(key)} read on ${reader}: ${JSON.stringify(observe(r.outcome))}`);
        }
      }
      assert.equal((await api.read(SERVERS[1]!, 'never written')).value, null);
    } finally {
      compose('down', '--volumes', '--remove-orphans', '--timeout', '1');
      forceCleanup(name);
    }
    await assertNothingLeft(name);
  });
});
