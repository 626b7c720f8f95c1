// What clusters written elsewhere caught, as example variants: a service that form-decodes what it replicates, one
// that caches "not found" while it catches up after a restart, and one that loses values after serving them. Each
// must fail with the right annotation, and the healthy example must pass with every value format.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { runMainAndPost, errors, readReport, type StepRun } from '../support/runner.js';
import { needDocker, kvEnv, leavesNothing, uniqueProject } from '../support/docker.js';
import type { RunResult } from '../../src/model/result.js';

const PORTS = { KV_PORT_0: '17080', KV_PORT_2: '17082', KV_PORT_4: '17084' };
const SERVERS = 'http://localhost:17080,http://localhost:17082,http://localhost:17084';

async function run(mode: string, extra: Record<string, string>): Promise<{ main: StepRun; r: RunResult; titles: string[] }> {
  const name = uniqueProject('rc-values', mode);
  const inputs = {
    'working-directory': 'examples/kv',
    servers: SERVERS,
    'project-name': name,
    'startup-timeout': '60',
    'convergence-timeout': '1.5',
    ...extra,
  };
  const { main } = await leavesNothing(name, () => runMainAndPost(inputs, { env: { ...kvEnv(mode), ...PORTS } }));
  return { main, r: readReport(main), titles: errors(main).map((a) => a.properties.title ?? '') };
}

/** The annotation with a title matching `pattern`, which must point at `service`'s line in the compose file. */
function annotation(main: StepRun, pattern: RegExp, service: string) {
  const a = errors(main).find((x) => pattern.test(x.properties.title ?? ''));
  assert.ok(a, `no annotation ${pattern} in ${JSON.stringify(errors(main).map((x) => x.properties.title))}`);
  assert.equal(a.properties.file, 'examples/kv/docker-compose.yml');
  const line = readFileSync('examples/kv/docker-compose.yml', 'utf8').split('\n')[Number(a.properties.line) - 1] ?? '';
  assert.match(line, new RegExp(`^\\s*${service}:`));
  return a;
}

describe('value formats on the healthy example', () => {
  for (const format of ['text', 'token', 'bytes']) {
    test(`${format}: replication, a restart and the sweep pass`, async (t) => {
      if (!needDocker(t)) return;
      const { main, r } = await run('healthy', { 'value-format': format, 'restart-target': 'kv_4' });
      assert.equal(main.outputs.result, 'passed', JSON.stringify(r.checks.filter((c) => c.status === 'failed')));
      const written = r.checks.find((c) => c.id === 'replication:kv_0->kv_2')!;
      assert.ok(written.status === 'passed');
      assert.ok(r.checks.some((c) => c.id === 'sweep:kv_4' && c.status === 'passed'));
    });
  }
});

describe('variants each caught with the right annotation', () => {
  test('form-decode: replicas that form-decode values fail replication, with the first differing byte', async (t) => {
    if (!needDocker(t)) return;
    const { main, titles } = await run('form-decode', {});
    assert.equal(main.outputs.result, 'failed');
    assert.ok(titles.includes('Replication: kv_2 never returned the value written on kv_0'), JSON.stringify(titles));
    const a = annotation(main, /^Replication: kv_2 never returned the value written on kv_0$/, 'kv_2');
    // The value's '+' arrived as a space.
    assert.match(a.message, /First difference at byte \d+: expected 0x2b '\+', got 0x20 ' '/);
  });

  test('form-decode passes with value-format token: the reason text is the default', async (t) => {
    if (!needDocker(t)) return;
    const { main } = await run('form-decode', { 'value-format': 'token' });
    assert.equal(main.outputs.result, 'passed');
  });

  test('negative-cache: the first read after a restart is of the missed key, and the cached miss fails catch-up', async (t) => {
    if (!needDocker(t)) return;
    const { main } = await run('negative-cache', { 'restart-target': 'kv_4', 'convergence-timeout': '4' });
    assert.equal(main.outputs.result, 'failed');
    annotation(main, /^Catch-up: kv_4 never returned the value written while it was down$/, 'kv_4');
  });

  test('forget: values lost after they were served fail the final sweep, naming the keys', async (t) => {
    if (!needDocker(t)) return;
    const { main, r } = await run('forget', { faults: 'pause', 'fault-targets': 'kv_4', 'fault-duration': '1.5' });
    assert.equal(main.outputs.result, 'failed');
    const sweep = r.checks.find((c) => c.kind === 'regressed' && c.status === 'failed')!;
    assert.ok(sweep, JSON.stringify(r.checks.map((c) => `${c.id} ${c.status}`)));
    const a = annotation(main, new RegExp(`^Sweep: ${sweep.node} regressed: \\d+ value\\(s\\) it returned before are gone$`), sweep.node!);
    assert.match(a.message, /replicheck-[0-9a-f]+-rep-/, 'names the keys');
  });
});
