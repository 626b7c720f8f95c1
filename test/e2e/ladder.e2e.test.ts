// The consistency claim and the ladder end to end: the bundled action against the example cluster with real Docker.
// A node that answers from its own copy while partitioned passes below linearizable and fails under it; modes of
// examples/kv that break one rung for sticky clients are caught and named by that rung, the healthy mode passes.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { runStep, readReport } from '../support/runner.js';
import { needDocker, kvEnv, leavesNothing, uniqueProject } from '../support/docker.js';
import { rankOf, type ConsistencyModel } from '../../src/consistency/models.js';

// Ports no other end-to-end file uses, so this file runs beside them.
const PORTS = { KV_PORT_0: '26080', KV_PORT_2: '26082', KV_PORT_4: '26084' };
const SERVERS = 'http://localhost:26080,http://localhost:26082,http://localhost:26084';

function inputs(name: string, extra: Record<string, string>): Record<string, string> {
  return { 'working-directory': 'examples/kv', servers: SERVERS, 'project-name': name, 'startup-timeout': '60', ...extra };
}

async function run(prefix: string, mode: string, extra: Record<string, string>) {
  const name = uniqueProject('rc-ladder', prefix);
  const main = await leavesNothing(name, () => runStep(inputs(name, extra), { env: { ...kvEnv(mode), ...PORTS } }));
  return { main, r: readReport(main) };
}

/** A sticky workload long enough for the mode's anomaly to show (the catch rates are in bench/ladder-modes.ts). */
const STICKY = {
  workload: 'register',
  'workload-sessions': 'sticky',
  'workload-clients': '3',
  'workload-keys': '30',
  'workload-duration': '6',
};

describe('consistency claim and ladder', () => {
  test('a node that answers from its own copy while partitioned: reported under eventual, failed under linearizable', async (t) => {
    if (!needDocker(t)) return;
    const faults = { faults: 'partition', 'fault-targets': 'kv_4', 'fault-duration': '1', 'convergence-timeout': '1.5' };
    const weak = await run('own-copy', 'stale-partition', faults);
    assert.equal(weak.main.outputs.result, 'passed', JSON.stringify(weak.r.checks.filter((c) => c.status === 'failed')));
    const f = weak.r.faults![0]!;
    assert.deepEqual(f.staleNodes, []);
    assert.deepEqual(
      f.servedStale?.map((s) => s.node),
      ['kv_4'],
    );
    assert.ok(weak.r.checks.some((c) => c.title === 'Partition kv_4: kv_4 answered from its own copy while kv_4 was partitioned'));
    assert.equal(weak.main.outputs['strongest-model'], '', 'no workload, no ladder');
    assert.equal(weak.main.outputs['checks-failed'], '0');

    const strict = await run('stale', 'stale-partition', { ...faults, consistency: 'linearizable' });
    assert.equal(strict.main.outputs.result, 'failed');
    assert.ok(strict.r.checks.some((c) => c.status === 'failed' && c.title.endsWith('kept serving stale data while kv_4 was partitioned')));
    assert.ok(Number(strict.main.outputs['checks-failed']) >= 1);
  });

  // Each mode breaks one rung for sticky clients (examples/kv/README.md says how); run with that rung as the claim, the
  // run fails naming it, and the ladder stops below it.
  // origin-fifo's anomaly needs three clients in a row inside the slow link's window, so it gets a longer workload.
  for (const [mode, claim, below, seconds] of [
    ['ack-before-apply', 'read-your-writes', ['eventual', 'none'], '6'],
    ['stale-snapshot', 'monotonic-reads', ['read-your-writes'], '6'],
    ['reorder-delivery', 'monotonic-writes', ['monotonic-reads'], '6'],
    ['origin-fifo', 'writes-follow-reads', ['monotonic-writes'], '8'],
  ] as const) {
    test(`${mode}: the ${claim} claim fails and names it`, async (t) => {
      if (!needDocker(t)) return;
      const { main, r } = await run(mode, mode, { ...STICKY, 'workload-duration': seconds, consistency: claim });
      assert.equal(main.outputs.result, 'failed');
      const check = r.checks.find((c) => c.id === `workload:model:${claim}`)!;
      assert.equal(check.status, 'failed', JSON.stringify(r.workload?.models?.models.map((m) => `${m.model} ${m.verdict}`)));
      assert.match(check.title, /: violated$/);
      assert.match(check.detail, new RegExp(`^Not ${claim}: client \\d+ .* at \\d+\\.\\d\\d s`));
      const models = r.workload!.models!;
      assert.equal(models.sessions, 'sticky');
      assert.equal(models.models.find((m) => m.model === claim)?.verdict, 'violated');
      assert.ok((below as readonly string[]).includes(main.outputs['strongest-model']!), main.outputs['strongest-model']);
    });
  }

  test('healthy with sticky sessions holds causal consistency: the control passes and the ladder climbs past it', async (t) => {
    if (!needDocker(t)) return;
    const { main, r } = await run('control', 'healthy', { ...STICKY, consistency: 'causal' });
    assert.equal(main.outputs.result, 'passed', JSON.stringify(r.workload?.models?.models.filter((m) => m.verdict !== 'held')));
    const strongest = main.outputs['strongest-model'] as ConsistencyModel;
    assert.ok(rankOf(strongest) >= rankOf('causal'), strongest);
    assert.equal(r.checks.find((c) => c.id === 'workload:model:causal')?.status, 'passed');
  });
});
