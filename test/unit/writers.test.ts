// Primary/replica stores (issue 23): the `writers` input and where each kind of write goes (replication, faults,
// workload), and servers of any scheme with an adapter. Pure parts only; test/e2e/redis.e2e.test.ts runs real Redis.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { optionsFrom } from '../support/options.js';
import { InputError } from '../../src/inputs/errors.js';
import { parseServers } from '../../src/inputs/servers.js';
import { parseWriters, resolveWriters } from '../../src/inputs/writers.js';
import { writerProblems } from '../../src/engine/preflight.js';
import { planFaults, planRestartCheck } from '../../src/faults/plan.js';
import { runWorkload, type WorkloadPlan } from '../../src/workload/generator.js';
import { systemClock } from '../../src/core/clock.js';
import { valueCodec } from '../../src/core/values.js';
import type { KvApi } from '../../src/checks/kv-api.js';
import type { NodeInfo } from '../../src/model/result.js';
import type { InputName } from '../../src/inputs/list.js';

function problems(inputs: Partial<Record<InputName, string>>): { input: string; message: string; fix: string }[] {
  try {
    optionsFrom(inputs);
    return [];
  } catch (error) {
    if (error instanceof InputError) return error.problems.map((p) => ({ ...p }));
    throw error;
  }
}

const REDIS = 'redis://127.0.0.1:6379, redis://127.0.0.1:6479, redis://127.0.0.1:6579';

describe('servers of any scheme through an adapter', () => {
  test('a redis:// URL without adapter is an input error naming servers and the fix', () => {
    const p = problems({ servers: REDIS });
    assert.equal(p.length, 3);
    assert.ok(p.every((x) => x.input === 'servers'));
    assert.match(
      p[0]!.message,
      /'redis:\/\/127\.0\.0\.1:6379' is not an HTTP\(S\) URL, and only an adapter module speaks another protocol/,
    );
    assert.match(p[0]!.fix, /set adapter to a module that speaks this protocol/);
  });

  test('with adapter any scheme with a port is taken, as written, with its host and port', () => {
    const o = optionsFrom({ servers: 'redis://LocalHost:6379/0, tcp://[::1]:7000, http://h:8080/', adapter: 'a.mjs' });
    assert.deepEqual(
      o.servers.map((s) => [s.url, s.host, s.port]),
      [
        ['redis://LocalHost:6379/0', 'LocalHost', 6379],
        ['tcp://[::1]:7000', '::1', 7000],
        ['http://h:8080', 'h', 8080],
      ],
    );
  });

  test('a non-HTTP URL needs a port; credentials and queries stay refused', () => {
    const fails: string[] = [];
    parseServers('redis://cache, redis://user:pw@cache:6379, postgres://db:5432/app?sslmode=require', (m) => fails.push(m), {
      anyScheme: true,
    });
    assert.deepEqual(fails, [
      "'redis://cache' has no port.",
      'a server URL contains credentials (redis://***@cache:6379).',
      "'postgres://db:5432/app?sslmode=require' has a query or fragment.",
    ]);
  });
});

describe('the writers input', () => {
  const servers = parseServers('http://127.0.0.1:8080, b=http://127.0.0.1:8082, http://127.0.0.1:8084', () => assert.fail());

  test('empty: every node writes; entries by URL (as listed, with or without a slash) or by name', () => {
    assert.equal(optionsFrom({ servers: 'http://localhost:8080' }).writers, undefined);
    const fail = (m: string) => assert.fail(m);
    assert.deepEqual(parseWriters('http://127.0.0.1:8080/, b, primary', servers, 'compose', fail), [
      { text: 'http://127.0.0.1:8080/', url: 'http://127.0.0.1:8080' },
      { text: 'b' },
      { text: 'primary' },
    ]);
  });

  test('an entry that names no node is an input error naming writers and the fix', () => {
    const p = problems({ servers: 'http://127.0.0.1:8080, http://127.0.0.1:8082', writers: 'http://127.0.0.1:9999' });
    assert.deepEqual(
      p.map((x) => x.input),
      ['writers'],
    );
    assert.match(p[0]!.message, /'http:\/\/127\.0\.0\.1:9999' names no node of servers/);
    assert.match(p[0]!.fix, /a URL as listed in servers/);
    // With cluster: external a name must be a server's.
    const ext = problems({ cluster: 'external', servers: 'db-0=http://a:1, db-1=http://b:1', writers: 'db-0, db-9' });
    assert.deepEqual(
      ext.map((x) => [x.input, x.message]),
      [['writers', "'db-9' names no node of servers."]],
    );
    assert.match(ext[0]!.fix, /db-0, db-1/);
  });

  test('with compose a service name is checked against the project: one no server is published by names no node', () => {
    const options = { servers, writers: parseWriters('primary, replica', servers, 'compose', () => assert.fail()) };
    const published = [
      { service: 'primary', containerPort: 80, hostIp: '127.0.0.1', hostPort: 8080 },
      { service: 'replica', containerPort: 80, hostIp: '127.0.0.1', hostPort: 8084 },
    ];
    assert.deepEqual(writerProblems(options, { services: ['primary', 'replica'], published, hasRandomPorts: false }), []);
    const p = writerProblems(
      { servers, writers: parseWriters('primary, ghost, lonely', servers, 'compose', () => assert.fail()) },
      { services: ['primary', 'replica', 'lonely'], published, hasRandomPorts: false },
    );
    assert.equal(p.length, 1);
    assert.equal(p[0]!.input, 'writers');
    assert.match(
      p[0]!.message,
      /^'ghost', 'lonely' name no node \(lonely is a service of the project, but no server is published by it\)\.$/,
    );
    assert.match(p[0]!.fix, /primary, b, replica/);
  });

  test('resolved against the mapped nodes, in their order, by URL, label or service', () => {
    const nodes = [node('primary'), node('replica_1'), node('replica_2')];
    const entries = parseWriters(
      'replica_2, http://primary:8080',
      parseServers('http://primary:8080', () => undefined),
      'compose',
      () => assert.fail(),
    );
    const { writers, unmatched } = resolveWriters(entries, nodes);
    assert.deepEqual(
      writers.map((n) => n.label),
      ['primary', 'replica_2'],
    );
    assert.deepEqual(unmatched, []);
    assert.deepEqual(resolveWriters(undefined, nodes).writers, nodes);
  });
});

function node(label: string): NodeInfo {
  return { url: `http://${label}:8080`, label, service: label, mapping: 'test' };
}

describe('faults write through the writers that are up', () => {
  const nodes = [node('primary'), node('replica_1'), node('replica_2')];
  const primary = [nodes[0]!];

  test('a fault on a replica writes on the primary only, and reads on every node that answers', () => {
    const [step] = planFaults({ specs: [{ kind: 'partition', name: 'partition' }], groups: [['replica_1']], nodes, writers: primary });
    assert.deepEqual(
      step!.writeTo.map((n) => n.label),
      ['primary'],
    );
    assert.deepEqual(
      step!.readFrom.map((n) => n.label),
      ['primary', 'replica_1', 'replica_2'],
    );
  });

  test('a fault that takes the primary down leaves no writer up: its writes go to the primary and are refused', () => {
    const step = planRestartCheck('primary', nodes, primary);
    assert.deepEqual(
      step.writeTo.map((n) => n.label),
      ['primary'],
    );
    assert.deepEqual(
      step.readFrom.map((n) => n.label),
      ['replica_1', 'replica_2'],
    );
  });

  test('nodes marked read-only (how a run passes writers on) are written to as if listed', () => {
    const marked = nodes.map((n) => (n.label === 'primary' ? n : { ...n, readOnly: true as const }));
    const [step] = planFaults({ specs: [{ kind: 'kill', name: 'kill' }], groups: [['replica_2']], nodes: marked });
    assert.deepEqual(
      step!.writeTo.map((n) => n.label),
      ['primary'],
    );
  });

  test('without writers every node that stays up is written to, as before', () => {
    const [step] = planFaults({ specs: [{ kind: 'stop', name: 'stop' }], groups: [['replica_1']], nodes });
    assert.deepEqual(
      step!.writeTo.map((n) => n.label),
      ['primary', 'replica_2'],
    );
  });
});

describe('workload writes go to a writer', () => {
  const nodes = ['primary', 'replica_1', 'replica_2'].map((label) => ({ url: `http://${label}`, label }));
  const recording = () => {
    const ops: { f: 'read' | 'write'; node: string }[] = [];
    const api: KvApi = {
      codec: valueCodec('token'),
      async write(url) {
        ops.push({ f: 'write', node: url.slice(7) });
        return { acked: true, result: 'acked', outcome: { ok: true, status: 200, body: Buffer.alloc(0), truncated: false, durationMs: 0 } };
      },
      async read(url) {
        ops.push({ f: 'read', node: url.slice(7) });
        return { outcome: { ok: true, status: 404, body: Buffer.alloc(0), truncated: false, durationMs: 0 }, value: null };
      },
      async probe() {
        return { ok: true, status: 200, body: Buffer.alloc(0), truncated: false, durationMs: 0 };
      },
    };
    return { ops, api };
  };
  const plan = (extra: Partial<WorkloadPlan>): WorkloadPlan => ({
    clients: 6,
    durationMs: 60_000,
    keys: ['k1', 'k2'],
    seed: 7,
    valuePrefix: 'v',
    maxOperations: 600,
    maxRate: 1_000_000,
    ...extra,
  });
  const tally = (ops: { f: string; node: string }[], f: string) =>
    Object.fromEntries(['primary', 'replica_1', 'replica_2'].map((n) => [n, ops.filter((o) => o.f === f && o.node === n).length]));

  test('roaming: every write to the primary, reads on every node; replicas marked read-only need no list', async () => {
    const { ops, api } = recording();
    const marked = nodes.map((n, i) => (i === 0 ? n : { ...n, readOnly: true as const }));
    await runWorkload(api, marked, systemClock, plan({}), new AbortController().signal);
    const writes = tally(ops, 'write');
    const reads = tally(ops, 'read');
    assert.ok(writes.primary! > 100 && writes.replica_1 === 0 && writes.replica_2 === 0, JSON.stringify(writes));
    assert.ok(
      Object.values(reads).every((n) => n > 30),
      JSON.stringify(reads),
    );
  });

  test('roaming with two writers: writes spread over both, never to the replica', async () => {
    const { ops, api } = recording();
    await runWorkload(api, nodes, systemClock, plan({ writers: [nodes[0]!, nodes[2]!] }), new AbortController().signal);
    const writes = tally(ops, 'write');
    assert.ok(writes.primary! > 50 && writes.replica_2! > 50 && writes.replica_1 === 0, JSON.stringify(writes));
  });

  test('sticky: a client on a replica reads there and writes to a writer; one on the primary does both there', async () => {
    const { api } = recording();
    const run = await runWorkload(
      api,
      nodes,
      systemClock,
      plan({ sessions: 'sticky', clients: 3, writers: [nodes[0]!] }),
      new AbortController().signal,
    );
    const byClient = (c: number, f: string) => [
      ...new Set(run.history.operations.filter((o) => Number(o.process) % 3 === c && o.f === f).map((o) => o.node)),
    ];
    assert.deepEqual(byClient(0, 'read'), ['primary']);
    assert.deepEqual(byClient(0, 'write'), ['primary']);
    assert.deepEqual(byClient(1, 'read'), ['replica_1']);
    assert.deepEqual(byClient(1, 'write'), ['primary']);
    assert.deepEqual(byClient(2, 'read'), ['replica_2']);
    assert.deepEqual(byClient(2, 'write'), ['primary']);
  });

  test('every node a writer makes exactly the choices of a run without writers (a seed replays the same run)', async () => {
    const a = recording();
    const b = recording();
    await runWorkload(a.api, nodes, systemClock, plan({ maxOperations: 200, clients: 1 }), new AbortController().signal);
    await runWorkload(b.api, nodes, systemClock, plan({ maxOperations: 200, clients: 1, writers: nodes }), new AbortController().signal);
    assert.deepEqual(a.ops, b.ops);
  });
});
