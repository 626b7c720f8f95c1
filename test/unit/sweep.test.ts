// The final sweep against real local servers: a node that served a value and then lost it has regressed; a node
// that never had a value is not judged by the sweep (other checks report that).
import { test, describe, after } from 'node:test';
import assert from 'node:assert/strict';
import { judgeSweep, sweep, type SweepObservations } from '../../src/checks/sweep.js';
import { awaitValue } from '../../src/checks/context.js';
import { httpKvApi } from '../../src/checks/kv-api.js';
import { createHttpClient } from '../../src/http/client.js';
import type { NodeInfo } from '../../src/model/result.js';
import { startFakeCluster } from '../support/fake-cluster.js';
import { checkContext } from '../support/context.js';
import { optionsFrom } from '../support/options.js';

const http = createHttpClient();
after(() => http.close());

const node = (label: string): NodeInfo => ({ url: `http://${label}`, label, service: label, mapping: 'test' });
const [A, B] = [node('a'), node('b')];

describe('sweep judge', () => {
  const table: { name: string; reads: SweepObservations['reads']; expect: Record<string, string> }[] = [
    {
      name: 'everything still there',
      reads: [{ node: A, key: 'k1', value: 'v1', had: true, returned: true, last: { status: 200 } }],
      expect: { 'sweep:a': 'passed' },
    },
    {
      name: 'a value a node had is gone: regressed',
      reads: [{ node: A, key: 'k1', value: 'v1', had: true, returned: false, last: { status: 404 } }],
      expect: { 'sweep:a': 'failed' },
    },
    {
      name: 'a value a node never had is not its regression',
      reads: [{ node: B, key: 'k1', value: 'v1', had: false, returned: false, last: { status: 404 } }],
      expect: {},
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
        reads: ['k1', 'k2'].map((key) => ({ node: A, key, value: `v-${key}`, had: true, returned: false, last: { status: 404 } })),
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

describe('sweep against servers', () => {
  test('a node that loses a value it served fails; the others pass', async () => {
    const cluster = await startFakeCluster([{ kind: 'healthy' }, { kind: 'healthy' }]);
    try {
      const options = optionsFrom({ servers: cluster.nodes.map((n) => n.url).join(','), 'convergence-timeout': '1' });
      const nodes = cluster.nodes.map((n, i) => ({ url: n.url, label: `kv_${i}`, service: `kv_${i}`, mapping: 'test' }));
      const ctx = checkContext(httpKvApi(http, options), nodes, { limits: options.limits });
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
