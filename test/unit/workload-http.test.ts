// The workload generator and recorder against real in-process HTTP servers: a linearizable cluster (one shared
// store), a lagging one that serves stale reads, and nodes that hang or refuse, whose operations must be recorded
// as indeterminate or failed, never dropped.
import { test, describe, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { startFakeCluster, type NodeBehaviour } from '../support/fake-cluster.js';
import { optionsFrom } from '../support/options.js';
import { createHttpClient } from '../../src/http/client.js';
import { httpKvApi } from '../../src/checks/kv-api.js';
import type { CheckContext } from '../../src/checks/context.js';
import { systemClock } from '../../src/core/clock.js';
import { checkContext } from '../support/context.js';
import type { NodeInfo } from '../../src/model/result.js';
import { classifyWrite } from '../../src/workload/outcome.js';
import { runWorkload } from '../../src/workload/generator.js';
import { WorkloadSession, type HistorySink } from '../../src/workload/phase.js';
import type { WorkloadOptions } from '../../src/workload/options.js';
import { deriveSeed } from '../../src/core/random.js';
import { checkHistory, validateHistory, parseEdnHistory, type History } from '../../src/linearizability/index.js';

const http = createHttpClient();
after(() => http.close());

async function withCluster(
  behaviours: NodeBehaviour[],
  inputs: Record<string, string>,
  fn: (ctx: CheckContext) => Promise<void>,
): Promise<void> {
  const cluster = await startFakeCluster(behaviours);
  try {
    const options = optionsFrom({ servers: cluster.nodes.map((n) => n.url).join(','), 'request-timeout': '2', ...inputs });
    const nodes: NodeInfo[] = cluster.nodes.map((n, i) => ({ url: n.url, label: `kv_${i}`, service: `kv_${i}`, mapping: 'test' }));
    await fn(checkContext(httpKvApi(http, options), nodes, { limits: options.limits }));
  } finally {
    await cluster.close();
  }
}

const plan = { clients: 4, durationMs: 400, keys: ['a', 'b'], seed: 7, valuePrefix: 'v' };

describe('workload generator', () => {
  // Bounded by count, not time: a loaded machine makes fewer requests in a given time, and must not fail the test.
  test('records every operation with unique write values, times in order, and random nodes and keys', async () => {
    await withCluster([{ kind: 'shared' }, { kind: 'shared' }, { kind: 'shared' }], {}, async (ctx) => {
      const run = await runWorkload(ctx.api, ctx.nodes, ctx.clock, { ...plan, durationMs: 60_000, maxOperations: 80 }, ctx.signal);
      const ops = run.history.operations;
      assert.equal(ops.length, 80);
      assert.ok(run.capped);
      validateHistory(JSON.parse(JSON.stringify(run.history)));
      const writes = ops.filter((o) => o.f === 'write');
      assert.equal(new Set(writes.map((w) => w.value)).size, writes.length, 'write values are unique');
      assert.ok(writes.length > 0 && ops.some((o) => o.f === 'read'));
      for (const o of ops) {
        assert.equal(o.type, 'ok');
        assert.ok(o.complete !== null && o.complete >= o.invoke);
      }
      // 80 random picks among 3 nodes and 2 keys miss one with a chance below 10^-13.
      assert.deepEqual(new Set(ops.map((o) => o.node)), new Set(['kv_0', 'kv_1', 'kv_2']));
      assert.deepEqual(new Set(ops.map((o) => o.key)), new Set(['a', 'b']));
      assert.deepEqual(new Set(ops.map((o) => o.process)), new Set([0, 1, 2, 3]));
      // Invocation order, ids in that order.
      ops.forEach((o, i) => assert.equal(o.id, i));
      for (let i = 1; i < ops.length; i++) assert.ok(ops[i]!.invoke >= ops[i - 1]!.invoke);
      assert.equal(checkHistory(run.history, { model: 'register' }).verdict, 'linearizable');
    });
  });

  test('the clients start no operation after the duration, and run for all of it', async () => {
    await withCluster([{ kind: 'shared' }, { kind: 'shared' }], {}, async (ctx) => {
      const run = await runWorkload(ctx.api, ctx.nodes, ctx.clock, { ...plan, durationMs: 300 }, ctx.signal);
      const ops = run.history.operations;
      assert.ok(ops.length > 0);
      assert.ok(run.endedAt - run.startedAt >= 300, `ran ${run.endedAt - run.startedAt} ms`);
      // The deadline is taken a few microseconds after the history's clock starts: no invocation comes later.
      for (const o of ops) assert.ok(o.invoke < 305, `operation ${o.id} invoked at ${o.invoke} ms`);
    });
  });

  test('the same seed makes the same choices', async () => {
    await withCluster([{ kind: 'shared' }, { kind: 'shared' }], {}, async (ctx) => {
      const one = { ...plan, clients: 1, maxOperations: 30, durationMs: 5000 };
      const a = await runWorkload(ctx.api, ctx.nodes, ctx.clock, one, ctx.signal);
      const b = await runWorkload(ctx.api, ctx.nodes, ctx.clock, one, ctx.signal);
      const c = await runWorkload(ctx.api, ctx.nodes, ctx.clock, { ...one, seed: 8 }, ctx.signal);
      const shape = (h: History): string => h.operations.map((o) => `${o.node}:${o.key}:${o.f}`).join(',');
      assert.equal(a.history.operations.length, 30);
      assert.ok(a.capped);
      assert.equal(shape(a.history), shape(b.history));
      assert.notEqual(shape(a.history), shape(c.history));
    });
  });

  test('a node that hangs gives indeterminate operations, recorded with their error, not dropped', async () => {
    await withCluster([{ kind: 'shared' }, { kind: 'hang' }], { 'request-timeout': '0.2' }, async (ctx) => {
      const run = await runWorkload(ctx.api, ctx.nodes, ctx.clock, { ...plan, durationMs: 700 }, ctx.signal);
      const hung = run.history.operations.filter((o) => o.node === 'kv_1');
      assert.ok(hung.length > 0);
      for (const o of hung) {
        assert.equal(o.type, 'info');
        assert.equal(o.complete, null);
        assert.equal(o.error, 'timeout');
      }
      // An indeterminate write may have taken effect: the history stays linearizable.
      assert.equal(checkHistory(run.history, { model: 'register' }).verdict, 'linearizable');
      const rec = run.records.find((r) => r.op.node === 'kv_1')!;
      assert.ok(rec.endedAt - rec.op.invoke >= 190, 'the time of the error is kept for the report');
      // A client whose operation may or may not have happened goes on as a new process (its old one stays open).
      const ops = run.history.operations;
      for (const o of hung) assert.ok(!ops.some((x) => x.process === o.process && x.invoke > o.invoke), `process ${o.process} went on`);
      assert.ok(new Set(ops.map((o) => o.process)).size > plan.clients, 'new processes after indeterminate operations');
      // At most the hung node's share of the clients (4 clients, 2 nodes: 2) wait on it at once; the rest go on.
      const hungRecords = run.records.filter((r) => r.op.node === 'kv_1');
      for (const r of hungRecords) {
        const overlapping = hungRecords.filter((x) => x.op.invoke <= r.op.invoke && x.endedAt > r.op.invoke);
        assert.ok(overlapping.length <= 2, `${overlapping.length} clients waited on kv_1 at ${r.op.invoke} ms`);
      }
      assert.ok(ops.filter((o) => o.node === 'kv_0').length > 20, 'the healthy node stayed busy');
    });
  });

  test('refusals are failed operations (4xx, a refused connection); a 503 is indeterminate', async () => {
    // Writes to key a are refused (409), to the others answered 503, which may have been committed.
    const server = createServer((req, res) => {
      res.writeHead(req.method === 'GET' ? 400 : (req.url ?? '').endsWith('/a') ? 409 : 503).end('no');
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const port = (server.address() as AddressInfo).port;
    const closed = createServer();
    await new Promise<void>((r) => closed.listen(0, '127.0.0.1', r));
    const closedPort = (closed.address() as AddressInfo).port;
    await new Promise<void>((r) => closed.close(() => r()));
    try {
      const options = optionsFrom({ servers: `http://127.0.0.1:${port},http://127.0.0.1:${closedPort}`, 'request-timeout': '1' });
      const api = httpKvApi(http, options);
      const nodes = [
        { url: `http://127.0.0.1:${port}`, label: 'refuser' },
        { url: `http://127.0.0.1:${closedPort}`, label: 'down' },
      ];
      const run = await runWorkload(api, nodes, systemClock, { ...plan, durationMs: 200 }, new AbortController().signal);
      const ops = run.history.operations;
      const refused = ops.filter((x) => x.node === 'refuser' && x.f === 'write');
      for (const o of refused) assert.deepEqual([o.type, o.error], o.key === 'a' ? ['fail', 'HTTP 409'] : ['info', 'HTTP 503']);
      // Both answers, whatever the random workload drew on a loaded machine.
      assert.deepEqual(classifyWrite(await api.write(nodes[0]!.url, 'a', 'v')), { type: 'fail', error: 'HTTP 409' });
      assert.deepEqual(classifyWrite(await api.write(nodes[0]!.url, 'b', 'v')), { type: 'info', error: 'HTTP 503' });
      for (const o of ops.filter((x) => x.node === 'refuser' && x.f === 'read')) assert.equal(o.type, 'info');
      for (const o of ops.filter((x) => x.node === 'down' && x.f === 'write')) {
        assert.equal(o.type, 'fail');
        assert.equal(o.error, 'connection refused');
      }
      assert.ok(ops.some((o) => o.node === 'down') && ops.some((o) => o.node === 'refuser'));
    } finally {
      server.closeAllConnections();
      await new Promise<void>((r) => server.close(() => r()));
    }
  });
});

describe('workload phase', () => {
  test('a linearizable cluster passes the linearizable check and the history files are written', async () => {
    await withCluster([{ kind: 'shared' }, { kind: 'shared' }, { kind: 'shared' }], {}, async (ctx) => {
      let saved: History | undefined;
      const r = await runWorkloadPhase(
        ctx,
        { model: 'register', clients: 4, durationMs: 400, keys: 2, consistency: 'linearizable', sessions: 'roaming' },
        1,
        async (h) => {
          saved = h;
          return { json: '/tmp/x.history.json', edn: '/tmp/x.history.edn' };
        },
        () => assert.fail('no warning expected'),
      );
      // Two keys: convergence and linearizability of each, which the claim requires.
      assert.deepEqual(
        r.checks.map((c) => `${c.id} ${c.status}`),
        ['workload:eventual:0 passed', 'workload:eventual:1 passed', 'workload:linearizable:0 passed', 'workload:linearizable:1 passed'],
      );
      assert.equal(r.section.models?.strongest, 'linearizable', JSON.stringify(r.section.models));
      assert.equal(r.section.seed, 1);
      assert.deepEqual(r.section.history, { json: '/tmp/x.history.json', edn: '/tmp/x.history.edn' });
      assert.equal(saved?.operations.length, r.section.operations.total);
      assert.deepEqual(
        r.section.keyResults.map((k) => k.verdict),
        ['linearizable', 'linearizable'],
      );
      assert.equal(r.section.perNode.length, 3);
      assert.ok(r.section.latency.read && r.section.latency.write);
      assert.ok(r.section.latency.read.p50 <= r.section.latency.read.p99);
    });
  });

  test('a lagging cluster serves stale reads: not linearizable with a read witness, but eventually consistent', async () => {
    // A lag long beside a request (even on a loaded machine) and short beside the convergence timeout, so a read on
    // another node soon after a write is stale in every run, and the nodes still converge in time.
    const lagging: NodeBehaviour[] = [
      { kind: 'healthy', lagMs: 300, lww: true },
      { kind: 'healthy', lagMs: 300, lww: true },
      { kind: 'healthy', lagMs: 300, lww: true },
    ];
    await withCluster(lagging, {}, async (ctx) => {
      const r = await runWorkloadPhase(
        ctx,
        { model: 'register', clients: 6, durationMs: 1500, keys: 1, consistency: 'linearizable', sessions: 'roaming' },
        3,
        undefined,
        () => undefined,
      );
      const failed = r.checks.filter((c) => c.status === 'failed');
      assert.equal(failed.length, 1, JSON.stringify(r.checks));
      const key = r.section.keyResults[0]!;
      assert.equal(key.verdict, 'not-linearizable');
      assert.equal(key.witness?.failing.f, 'read');
      assert.match(
        failed[0]!.detail,
        new RegExp(
          /Witness:\nkey "replicheck-test-wl-0": /.source +
            '(' +
            [
              /the read by client \d+ via kv_\d at [\d.]+–[\d.]+ ms returned/.source,
              /read by client \d+ via kv_\d at [\d.]+–[\d.]+ ms ended before the write of its value began/.source,
              /the write of/.source,
            ].join('|') +
            ')',
        ),
      );
      assert.ok(failed[0]!.service?.startsWith('kv_'), 'the finding points at the node that served the stale read');
    });
    await withCluster(lagging, { 'convergence-timeout': '5' }, async (ctx) => {
      const r = await runWorkloadPhase(
        ctx,
        { model: 'register', clients: 6, durationMs: 1500, keys: 2, consistency: 'eventual', sessions: 'roaming' },
        3,
        undefined,
        () => undefined,
      );
      assert.ok(
        r.checks.every((c) => c.status === 'passed'),
        JSON.stringify(r.checks),
      );
      assert.deepEqual(
        r.section.keyResults.map((k) => k.verdict),
        ['converged', 'converged'],
      );
    });
  });

  test('eventual fails when replication applies writes out of order', async () => {
    // Without versions, a late replica message overwrites a newer local write: the nodes diverge or settle on a
    // value an acknowledged later write should have replaced.
    // As above: writes on two nodes within the lag of each other are certain, and every message arrives well within
    // the convergence timeout, so what fails is the order, not the wait.
    const unordered: NodeBehaviour[] = [
      { kind: 'healthy', lagMs: 300 },
      { kind: 'healthy', lagMs: 300 },
      { kind: 'healthy', lagMs: 300 },
    ];
    await withCluster(unordered, { 'convergence-timeout': '3' }, async (ctx) => {
      const r = await runWorkloadPhase(
        ctx,
        { model: 'register', clients: 6, durationMs: 1500, keys: 2, consistency: 'eventual', sessions: 'roaming' },
        3,
        undefined,
        () => undefined,
      );
      const failed = r.section.keyResults.filter((k) => !k.passed);
      assert.ok(failed.length > 0, JSON.stringify(r.section.keyResults));
      for (const k of failed) assert.ok(['not-converged', 'illegal-final-value'].includes(k.verdict));
      assert.ok(r.checks.some((c) => c.status === 'failed'));
    });
  });

  test('a workload where nothing succeeds fails instead of passing vacuously', async () => {
    await withCluster([{ kind: 'error500' }, { kind: 'error500' }], { 'convergence-timeout': '0.2' }, async (ctx) => {
      const r = await runWorkloadPhase(
        ctx,
        { model: 'register', clients: 2, durationMs: 150, keys: 1, consistency: 'linearizable', sessions: 'roaming' },
        3,
        undefined,
        () => undefined,
      );
      assert.equal(r.checks[0]!.id, 'workload:progress');
      assert.equal(r.checks[0]!.status, 'failed');
      assert.equal(r.section.operations.ok, 0);
      assert.ok(r.section.operations.info > 0, '500 answers to writes are indeterminate');
    });
  });

  test('a failing history sink is a warning, not a crash', async () => {
    await withCluster([{ kind: 'shared' }], {}, async (ctx) => {
      const warnings: string[] = [];
      const r = await runWorkloadPhase(
        ctx,
        { model: 'register', clients: 1, durationMs: 50, keys: 1, consistency: 'linearizable', sessions: 'roaming' },
        3,
        () => Promise.reject(new Error('disk full')),
        (m) => warnings.push(m),
      );
      assert.equal(r.section.history, undefined);
      assert.deepEqual(warnings, ['Could not write the workload history: disk full']);
    });
  });
});

test('the EDN written for a history reads back with --independent', async () => {
  const { toEdn } = await import('../../src/linearizability/index.js');
  const h: History = {
    schemaVersion: 1,
    operations: [
      { process: 0, key: 'k', f: 'write', value: 'a', type: 'ok', invoke: 0, complete: 1 },
      { process: 1, key: 'k', f: 'read', value: 'a', type: 'ok', invoke: 2, complete: 3 },
    ],
  };
  const back = parseEdnHistory(toEdn(h, { keys: 'independent' }), true);
  assert.equal(back.operations.length, 2);
  assert.equal(back.operations[1]!.key, 'k');
});

/** A plain workload as the engine runs one: the clients once, then the judgement. */
/** `seed`: the run's seed; the clients draw from its workload stream, as in a run. */
async function runWorkloadPhase(
  ctx: CheckContext,
  // The operation timeout is the engine's business (it builds the workload's API with it); ctx's API has its own.
  wl: Omit<WorkloadOptions, 'timeoutMs'>,
  seed: number,
  sink: HistorySink | undefined,
  warn: (message: string) => void,
) {
  const session = new WorkloadSession(ctx, { ...wl, timeoutMs: 1000 }, { seed, workload: deriveSeed(seed, 'workload') });
  await session.run();
  return session.finish(sink, warn);
}
