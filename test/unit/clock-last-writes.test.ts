// The clock fault's later writes on the target, on a healthy store: a group shares the keys out (two targets
// writing one key at once would leave either value), and a later write that was not acknowledged makes its key
// uncertain rather than a loss. And on a store that orders by a skewed clock, the later writes are lost and said so.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { observeFault } from '../../src/faults/observe.js';
import { judgeFault } from '../../src/faults/judge.js';
import { planFaults } from '../../src/faults/plan.js';
import { parseFaultSpecs } from '../../src/faults/kinds/index.js';
import { ActiveFaults } from '../../src/faults/active.js';
import type { FaultActions } from '../../src/faults/actions.js';
import { valueCodec } from '../../src/core/values.js';
import type { KvApi } from '../../src/checks/kv-api.js';
import { judgeSweep, sweep } from '../../src/checks/sweep.js';
import { checkContext } from '../support/context.js';
import { optionsFrom } from '../support/options.js';

const NODES = ['kv_0', 'kv_1', 'kv_2', 'kv_3'].map((s, i) => ({ url: `http://n${i}`, label: s, service: s, mapping: 'test' }));
const options = optionsFrom({ servers: NODES.map((n) => n.url).join(','), 'convergence-timeout': '0.3', 'startup-timeout': '1' });
const answer = (status: number, body = '') => ({ ok: true as const, status, body: Buffer.from(body), truncated: false, durationMs: 1 });
const actions: FaultActions = {
  applyGrudges: async () => ({ ok: false, detail: 'unused' }),
  apply: async (_spec, service) => ({
    ok: true,
    fault: { description: `clock ${service}`, heal: async () => ({ ok: true, detail: 'healed' }) },
  }),
};

/**
 * One register per key shared by every node (a linearizable store), each write after a random 0-3 ms. `lww`: a
 * write from a skewed node (kv_3) never replaces a value (its stamps are behind). `lostAck`: kv_3's later writes
 * are stored but answered with a timeout.
 */
function store(o: { lww?: boolean; lostAck?: boolean } = {}): KvApi {
  const values = new Map<string, string>();
  return {
    codec: valueCodec('text'),
    async write(url, key, value) {
      await new Promise((r) => setTimeout(r, Math.random() * 3));
      const skewed = url === 'http://n3';
      if (!(o.lww && skewed && values.has(key))) values.set(key, value);
      if (o.lostAck && skewed && value.includes('-last-'))
        return { acked: false, result: 'indeterminate', outcome: { ok: false, error: 'timeout', durationMs: 1000 } };
      return { acked: true, result: 'acked', outcome: answer(200, 'ok') };
    },
    async read(_url, key) {
      const v = values.get(key);
      return v === undefined ? { outcome: answer(404), value: null } : { outcome: answer(200, v), value: Buffer.from(v) };
    },
    probe: async () => answer(404),
  };
}

async function clockFault(api: KvApi, group: string[]) {
  const ctx = checkContext(api, NODES, { limits: options.limits });
  const [step] = planFaults({ specs: parseFaultSpecs(['clock']).specs, groups: [group], nodes: NODES });
  const o = await observeFault(ctx, step!, { actions, active: new ActiveFaults(), durationMs: 10, earlier: [], sinceStart: () => 0 });
  const failed = judgeFault(o, ctx.limits).checks.filter((c) => c.status === 'failed');
  const swept = judgeSweep(await sweep(ctx), NODES).filter((c) => c.status === 'failed');
  return { o, failed: [...failed, ...swept].map((c) => `${c.id}: ${c.title}`) };
}

test('a group under clock skew on a healthy store passes: each key is written last by one target', async () => {
  for (let run = 0; run < 10; run++) {
    const { o, failed } = await clockFault(store(), ['kv_2', 'kv_3']);
    assert.deepEqual(failed, []);
    const later = o.writes.filter((w) => w.byTarget && w.write.key.includes('-clock-'));
    assert.equal(new Set(later.map((w) => w.write.key)).size, later.length, 'no key written by two targets');
    assert.deepEqual(new Set(later.map((w) => w.node.label)), new Set(['kv_2', 'kv_3']), 'the keys are shared out');
  }
});

test('a later write that times out but took effect leaves its key uncertain, not lost', async () => {
  const { o, failed } = await clockFault(store({ lostAck: true }), ['kv_3']);
  assert.deepEqual(failed, []);
  assert.ok((o.unsure ?? []).length > 0);
});

test('a store that orders by the skewed clock loses the later writes, and the fault says so', async () => {
  const { failed } = await clockFault(store({ lww: true }), ['kv_3']);
  assert.ok(
    failed.some((f) => /never got \d+ write\(s\) kv_3 acknowledged while kv_3 was skewed$/.test(f)),
    failed.join('\n'),
  );
});
