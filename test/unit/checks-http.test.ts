// The HTTP checks against real in-process servers that lag, flap, fail and never converge.
import { test, describe, after } from 'node:test';
import assert from 'node:assert/strict';
import { startFakeCluster, type NodeBehaviour } from '../support/fake-cluster.js';
import { optionsFrom } from '../support/options.js';
import { createHttpClient } from '../../src/http/client.js';
import { httpKvApi } from '../../src/checks/kv-api.js';
import { checkReplication } from '../../src/checks/replication.js';
import { waitForReady } from '../../src/checks/readiness.js';
import type { CheckContext } from '../../src/checks/context.js';
import { checkContext } from '../support/context.js';
import type { NodeInfo } from '../../src/model/result.js';

const http = createHttpClient();
after(() => http.close());

async function withCluster(
  behaviours: NodeBehaviour[],
  convergenceSeconds: string,
  fn: (ctx: CheckContext) => Promise<void>,
): Promise<void> {
  const cluster = await startFakeCluster(behaviours);
  try {
    const options = optionsFrom({
      servers: cluster.nodes.map((n) => n.url).join(','),
      'convergence-timeout': convergenceSeconds,
      'request-timeout': '2',
    });
    const nodes: NodeInfo[] = cluster.nodes.map((n, i) => ({ url: n.url, label: `kv_${i}`, service: `kv_${i}`, mapping: 'test' }));
    await fn(checkContext(httpKvApi(http, options), nodes, { limits: options.limits }));
  } finally {
    await cluster.close();
  }
}

describe('replication check', () => {
  test('a healthy cluster passes and every pair converges', async () => {
    await withCluster([{ kind: 'healthy' }, { kind: 'healthy' }, { kind: 'healthy' }], '2', async (ctx) => {
      const r = await checkReplication(ctx);
      assert.equal(r.checks.length, 9);
      assert.ok(
        r.checks.every((c) => c.status === 'passed'),
        JSON.stringify(r.checks.filter((c) => c.status !== 'passed')),
      );
      assert.equal(r.matrix.ms.length, 3);
      assert.ok(r.matrix.ms.flat().every((v) => v !== null && v >= 0));
      assert.equal(r.written.length, 3);
    });
  });

  test('replication lag within the timeout passes and is measured, not mistaken for a mismatch', async () => {
    await withCluster([{ kind: 'healthy' }, { kind: 'healthy', lagMs: 300 }, { kind: 'healthy' }], '3', async (ctx) => {
      const r = await checkReplication(ctx);
      assert.ok(r.checks.every((c) => c.status === 'passed'));
      // Writes from kv_0 and kv_2 reach kv_1 after its lag; the measured time reflects it.
      const toLagged = r.matrix.ms[0]![1]!;
      assert.ok(toLagged >= 250 && toLagged < 2000, `measured ${toLagged} ms`);
      assert.ok(r.matrix.ms[0]![0]! < 250, 'the writer reads its own write at once');
    });
  });

  test('a node that never receives writes fails with the last answer it gave', async () => {
    await withCluster([{ kind: 'healthy' }, { kind: 'healthy' }, { kind: 'isolated' }], '0.5', async (ctx) => {
      const r = await checkReplication(ctx);
      const failed = r.checks.filter((c) => c.status === 'failed');
      assert.deepEqual(failed.map((c) => c.title).sort(), [
        'Replication: kv_2 never returned the value written on kv_0',
        'Replication: kv_2 never returned the value written on kv_1',
      ]);
      assert.equal(failed[0]!.actual?.status, 404);
      assert.ok((failed[0]!.waitedMs ?? 0) >= 500);
      assert.equal(r.matrix.ms[0]![2], null);
      // kv_2's own write still reaches the others: it sends, it just never receives.
      assert.ok(r.checks.filter((c) => c.id.startsWith('replication:kv_2->')).every((c) => c.status === 'passed'));
    });
  });

  test('a node that returns a different value fails with that value in the report', async () => {
    await withCluster([{ kind: 'healthy' }, { kind: 'corrupt' }], '0.3', async (ctx) => {
      const r = await checkReplication(ctx);
      const failed = r.checks.find((c) => c.id === 'replication:kv_0->kv_1');
      assert.equal(failed?.status, 'failed');
      assert.equal(failed?.actual?.bodyPreview, 'corrupted');
      assert.equal(failed?.actual?.status, 200);
    });
  });

  test('a flapping node still converges: polling rides out 503s', async () => {
    await withCluster([{ kind: 'healthy' }, { kind: 'flap', lagMs: 50 }], '2', async (ctx) => {
      const r = await checkReplication(ctx);
      assert.ok(
        r.checks.every((c) => c.status === 'passed'),
        JSON.stringify(r.checks),
      );
    });
  });

  test('a node answering 500 fails its write and its reads', async () => {
    await withCluster([{ kind: 'healthy' }, { kind: 'error500' }], '0.3', async (ctx) => {
      const r = await checkReplication(ctx);
      const write = r.checks.find((c) => c.id === 'write:kv_1');
      assert.equal(write?.status, 'failed');
      assert.equal(write?.title, 'Replication: kv_1 refused a write');
      assert.equal(write?.actual?.status, 500);
      assert.equal(r.checks.find((c) => c.id === 'replication:kv_0->kv_1')?.status, 'failed');
    });
  });
});

describe('readiness', () => {
  test('records when each node first answered below 500 and fails one that never does', async () => {
    await withCluster([{ kind: 'healthy' }, { kind: 'error500' }], '1', async (ctx) => {
      const since = ctx.clock.now();
      const r = await waitForReady({ ...ctx, limits: { ...ctx.limits, startupTimeoutMs: 400 } }, ctx.nodes, since);
      assert.equal(r.checks[0]!.status, 'passed');
      assert.ok(r.readyMs.has(ctx.nodes[0]!.url));
      assert.equal(r.checks[1]!.status, 'failed');
      assert.match(r.checks[1]!.detail, /did not answer below 500/);
      assert.equal(r.checks[1]!.actual?.status, 500);
    });
  });

  test('a port nobody listens on is reported as connection refused', async () => {
    await withCluster([{ kind: 'healthy' }], '1', async (ctx) => {
      const nodes: NodeInfo[] = [{ url: 'http://127.0.0.1:1', label: 'nobody', mapping: 'test' }];
      const r = await waitForReady({ ...ctx, limits: { ...ctx.limits, startupTimeoutMs: 200 } }, nodes, ctx.clock.now());
      assert.equal(r.checks[0]!.status, 'failed');
      assert.equal(r.checks[0]!.actual?.error, 'connection refused');
    });
  });
});
