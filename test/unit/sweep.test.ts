// The final sweep against real local servers: a node that served a value and then lost it has regressed; a node
// that never had a value is not judged by the sweep (other checks report that).
import { test, describe, after } from 'node:test';
import assert from 'node:assert/strict';
import { judgeSweep, sweep, type SweepObservations } from '../../src/checks/sweep.js';
import { livenessNote } from '../../src/report/replay.js';
import { awaitValue } from '../../src/checks/context.js';
import { httpKvApi } from '../../src/checks/kv-api.js';
import { createHttpClient } from '../../src/http/client.js';
import type { NodeInfo } from '../../src/model/result.js';
import { startFakeCluster, type FakeCluster } from '../support/fake-cluster.js';
import { checkContext } from '../support/context.js';
import { optionsFrom } from '../support/options.js';

const http = createHttpClient();
after(() => http.close());

/** The cluster's nodes as kv_0, kv_1, ... and a check context over them with the given convergence timeout. */
function contextOf(cluster: FakeCluster, convergenceTimeout: string) {
  const options = optionsFrom({ servers: cluster.nodes.map((n) => n.url).join(','), 'convergence-timeout': convergenceTimeout });
  const nodes = cluster.nodes.map((n, i) => ({ url: n.url, label: `kv_${i}`, service: `kv_${i}`, mapping: 'test' }));
  return { nodes, ctx: checkContext(httpKvApi(http, options), nodes, { limits: options.limits }) };
}

const node = (label: string): NodeInfo => ({ url: `http://${label}`, label, service: label, mapping: 'test' });
const [A, B] = [node('a'), node('b')];

describe('sweep judge', () => {
  const table: { name: string; reads: SweepObservations['reads']; expect: Record<string, string> }[] = [
    {
      name: 'everything still there',
      reads: [{ node: A, key: 'k1', value: 'v1', had: true, answered: true, returned: true, last: { status: 200 } }],
      expect: { 'sweep:a': 'passed' },
    },
    {
      name: 'a value a node had is gone: regressed',
      reads: [{ node: A, key: 'k1', value: 'v1', had: true, answered: true, returned: false, last: { status: 404 } }],
      expect: { 'sweep:a': 'failed' },
    },
    {
      name: 'a value a node never had is not its regression',
      reads: [{ node: B, key: 'k1', value: 'v1', had: false, answered: true, returned: false, last: { status: 404 } }],
      expect: {},
    },
    {
      name: 'a node that never answered is not judged to have lost anything, but fails to answer',
      reads: [{ node: A, key: 'k1', value: 'v1', had: true, answered: false, returned: false, last: { status: 503 } }],
      expect: { 'sweep:a': 'failed' },
    },
  ];
  for (const row of table) {
    test(row.name, () => {
      const checks = judgeSweep({ reads: row.reads, skipped: 0 }, [A, B]);
      assert.deepEqual(Object.fromEntries(checks.map((c) => [c.id, c.status])), row.expect);
    });
  }
  test('the failure names the keys and carries the first expected value', () => {
    const [c] = judgeSweep(
      {
        reads: ['k1', 'k2'].map((key) => ({
          node: A,
          key,
          value: `v-${key}`,
          had: true,
          answered: true,
          returned: false,
          last: { status: 404 },
        })),
        skipped: 0,
      },
      [A],
    );
    assert.equal(c!.title, 'Sweep: a regressed: 2 value(s) it returned before are gone');
    assert.match(c!.detail, /k1, k2/);
    assert.equal(c!.expected, 'v-k1');
    assert.equal(c!.kind, 'regressed');
  });
});

describe('sweep judge: unanswered reads', () => {
  test('a node that gave no answer fails as liveness, naming the keys; with a lost value too, the loss leads', () => {
    const silent = { node: A, key: 'k1', value: 'v1', had: true, answered: false, returned: false, last: { status: 503 } };
    const [c] = judgeSweep({ reads: [silent], skipped: 0 }, [A]);
    assert.equal(c!.title, 'Sweep: a did not answer 1 final read(s)');
    assert.equal(c!.kind, 'liveness');
    assert.match(c!.detail, /no answer within the convergence timeout: k1\./);
    const lost = { ...silent, key: 'k2', value: 'v2', answered: true, last: { status: 404 } };
    const [both] = judgeSweep({ reads: [silent, lost], skipped: 0 }, [A]);
    assert.equal(both!.title, 'Sweep: a regressed: 1 value(s) it returned before are gone');
    assert.equal(both!.kind, 'regressed');
    assert.match(both!.detail, /no longer returns their values: k2\. Besides, 1 read\(s\) .*: k1\./);
  });
});

describe('the liveness note names the bound each failure missed', () => {
  test('a sweep that got no answer: convergence-timeout; with a liveness hold failure too, both', () => {
    const silent = { node: A, key: 'k1', value: 'v1', had: true, answered: false, returned: false, last: { status: 503 } };
    const [sweepCheck] = judgeSweep({ reads: [silent], skipped: 0 }, [A]);
    assert.match(livenessNote([sweepCheck!]), /^1 node gave no answer to the final reads in time \(convergence-timeout\)\. /);
    const hold = { ...sweepCheck!, id: 'liveness:b' };
    assert.match(livenessNote([hold, sweepCheck!]), /^1 node up after the faults healed .*\(liveness-timeout\); 1 node gave no answer/);
  });
});

describe('sweep against servers, nothing to wait for', () => {
  test('a node that never answers but never had the value is not waited for', async () => {
    const cluster = await startFakeCluster([{ kind: 'shared' }, { kind: 'error500' }]);
    try {
      const { nodes, ctx } = contextOf(cluster, '3');
      const value = ctx.ids.value('kv_0', 'rep');
      cluster.nodes[0]!.store.set('k-only', Buffer.from(value));
      ctx.seen.record('k-only', value, 'kv_0');
      const started = ctx.clock.now();
      const checks = judgeSweep(await sweep(ctx), nodes);
      assert.deepEqual(
        checks.map((c) => `${c.id} ${c.status}`),
        ['sweep:kv_0 passed'],
      );
      assert.ok(ctx.clock.now() - started < 1000, 'kv_1 was read once, not for the convergence timeout');
    } finally {
      await cluster.close();
    }
  });
});

describe('sweep against servers', () => {
  test('a node that answers 503 before it serves again is read until it answers; one that never answers fails liveness', async () => {
    // flap answers 503 to every other read, as a node still catching up after a fault does at first.
    // kv_3 answers at once, with the wrong bytes: an answer, so it is judged (regressed), not waited for.
    const cluster = await startFakeCluster([{ kind: 'shared' }, { kind: 'flap' }, { kind: 'error500' }, { kind: 'healthy' }]);
    try {
      const { nodes, ctx } = contextOf(cluster, '1');
      const value = ctx.ids.value('kv_0', 'rep');
      for (const n of cluster.nodes) n.store.set('k-flap', Buffer.from(value));
      cluster.nodes[3]!.store.set('k-flap', Buffer.from('corrupted'));
      for (const n of nodes) ctx.seen.record('k-flap', value, n.label);
      const started = ctx.clock.now();
      const checks = judgeSweep(await sweep(ctx), nodes);
      assert.deepEqual(
        checks.map((c) => `${c.id} ${c.kind} ${c.status}`),
        ['sweep:kv_0 regressed passed', 'sweep:kv_1 regressed passed', 'sweep:kv_2 liveness failed', 'sweep:kv_3 regressed failed'],
      );
      assert.equal(checks[2]!.title, 'Sweep: kv_2 did not answer 1 final read(s)');
      // The reads of the silent node went on for the convergence timeout, and no longer.
      const waited = ctx.clock.now() - started;
      assert.ok(waited >= 1000 && waited < 5000, `${waited} ms`);
    } finally {
      await cluster.close();
    }
  });

  test('a node that loses a value it served fails; the others pass', async () => {
    const cluster = await startFakeCluster([{ kind: 'healthy' }, { kind: 'healthy' }]);
    try {
      const { nodes, ctx } = contextOf(cluster, '1');
      const value = ctx.ids.value('kv_0', 'rep');
      const w = await ctx.api.write(nodes[0]!.url, 'k-sweep', value);
      assert.ok(w.acked);
      ctx.seen.record('k-sweep', value, 'kv_0');
      const seen = await awaitValue(ctx, nodes, 'k-sweep', value, ctx.clock.now());
      assert.ok(seen.every((s) => s.converged));
      // kv_1 forgets it after having served it.
      cluster.nodes[1]!.store.delete('k-sweep');
      const checks = judgeSweep(await sweep(ctx), nodes);
      assert.deepEqual(
        checks.map((c) => `${c.id} ${c.status}`),
        ['sweep:kv_0 passed', 'sweep:kv_1 failed'],
      );
      assert.match(checks[1]!.detail, /k-sweep/);
    } finally {
      await cluster.close();
    }
  });
});
