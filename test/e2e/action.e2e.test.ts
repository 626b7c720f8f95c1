// The bundled action (dist/index.js) run as the GitHub runner runs it, against the real example cluster with a
// real Docker engine and both Compose generations.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { runMainAndPost, runStep, errors, readReport } from '../support/runner.js';
import { needDocker, kvEnv, assertNothingLeft, forceCleanup, leavesNothing, uniqueProject, KV_SERVERS } from '../support/docker.js';

function project(name: string): string {
  return uniqueProject('rc-e2e', name);
}

function baseInputs(name: string, extra: Record<string, string> = {}): Record<string, string> {
  return {
    'working-directory': 'examples/kv',
    servers: KV_SERVERS,
    'project-name': name,
    'startup-timeout': '60',
    ...extra,
  };
}

/** Runs main then post, and proves nothing of the project is left. */
function scenario(name: string, inputs: Record<string, string>, env: Record<string, string>) {
  return leavesNothing(name, () => runMainAndPost(inputs, { env }));
}

describe('healthy example cluster', () => {
  for (const [label, env] of [
    ['Compose v2', { 'compose-version': 'v2' }],
    ['Compose v1', { 'compose-version': 'v1' }],
  ] as const) {
    test(`passes with ${label}: outputs, summary, restart check of kv_4`, async (t) => {
      if (!needDocker(t)) return;
      const name = project(label === 'Compose v1' ? 'v1' : 'v2');
      const { main, post } = await scenario(name, baseInputs(name, { 'restart-target': 'kv_4', ...env }), kvEnv('healthy'));
      assert.equal(main.code, 0, main.stdout);
      assert.deepEqual(errors(main), []);
      assert.equal(main.outputs.result, 'passed');
      assert.match(main.outputs['max-convergence-ms'] ?? '', /^\d+$/);
      const r = readReport(main);
      assert.equal(r.schemaVersion, 1);
      assert.equal(r.project.compose?.kind, label === 'Compose v1' ? 'v1' : 'v2');
      assert.match(main.stdout, new RegExp(`using Compose ${label === 'Compose v1' ? 'v1' : 'v2'}`));
      assert.deepEqual(
        r.nodes.map((n) => n.service),
        ['kv_0', 'kv_2', 'kv_4'],
      );
      assert.ok(r.nodes.every((n) => typeof n.readyMs === 'number'));
      // The restart check ran against kv_4 and the restarted node caught up and kept its data.
      const byId = new Map(r.checks.map((c) => [c.id, c]));
      assert.equal(byId.get('restart:catch-up:kv_4')?.status, 'passed');
      assert.equal(byId.get('restart:durability:kv_4')?.status, 'passed');
      assert.equal(byId.get('restart:recovery:kv_4')?.status, 'passed');
      assert.equal(r.checks.filter((c) => c.kind === 'replication').length, 9);
      assert.deepEqual(
        r.phases.map((p) => p.name),
        ['validate', 'up', 'ready', 'replication', 'restart', 'sweep', 'down'],
      );
      assert.match(main.summary, /## ✅ Replicheck passed/);
      // A passing run folds its checks: the verdict leads.
      assert.match(main.summary, /<details><summary>✅ 22 passed checks<\/summary>/);
      assert.match(main.summary, /### Convergence/);
      assert.match(main.summary, /Catch-up: kv_4 has the value written while it was down/);
      assert.equal(r.teardown.performed, true);
      assert.equal(post.code, 0);
      assert.match(post.stdout, /nothing of project .* is left/);
    });
  }
});

describe('faulty example variants fail with the right node and check', () => {
  const cases: { mode: string; inputs?: Record<string, string>; env?: Record<string, string>; titles: string[]; service: string }[] = [
    {
      mode: 'no-replication',
      inputs: { 'convergence-timeout': '1.5' },
      titles: ['Replication: kv_2 never returned the value written on kv_0', 'Replication: kv_4 never returned the value written on kv_0'],
      service: 'kv_2',
    },
    {
      mode: 'skip-peer',
      inputs: { 'convergence-timeout': '1.5' },
      // kv_0 and kv_2 skip kv_4 and refuse it their state; kv_2 still gets kv_4's writes through kv_0.
      titles: ['Replication: kv_4 never returned the value written on kv_0', 'Replication: kv_4 never returned the value written on kv_2'],
      service: 'kv_4',
    },
    {
      mode: 'no-catch-up',
      inputs: { 'restart-target': 'kv_4', 'convergence-timeout': '2' },
      // No persistence and no catch-up: what kv_4 had returned before the restart is gone after it.
      titles: [
        'Catch-up: kv_4 never returned the value written while it was down',
        'Durability: kv_4 lost 3 earlier write(s) after the restart',
      ],
      service: 'kv_4',
    },
    {
      mode: 'slow-replication',
      inputs: { 'convergence-timeout': '1' },
      env: { KV_REPLICATION_DELAY_MS: '4000' },
      titles: ['Replication: kv_2 never returned the value written on kv_0'],
      service: 'kv_2',
    },
  ];
  for (const c of cases) {
    test(`${c.mode} is caught`, async (t) => {
      if (!needDocker(t)) return;
      const name = project(c.mode);
      const { main } = await scenario(name, baseInputs(name, c.inputs), { ...kvEnv(c.mode), ...c.env });
      assert.equal(main.code, 1, 'the step fails');
      assert.equal(main.outputs.result, 'failed');
      const annotations = errors(main);
      const titles = annotations.map((a) => a.properties.title);
      for (const title of c.titles) assert.ok(titles.includes(title), `missing annotation "${title}" in ${JSON.stringify(titles)}`);
      const one = annotations.find((a) => a.properties.title === c.titles[0])!;
      assert.equal(one.properties.file, 'examples/kv/docker-compose.yml');
      const line = readFileSync('examples/kv/docker-compose.yml', 'utf8').split('\n')[Number(one.properties.line) - 1];
      const svc = /never returned the value .*/.test(c.titles[0]!) ? c.titles[0]!.split(' ')[1]! : c.service;
      assert.match(line ?? '', new RegExp(`^\\s*${svc}:`), 'the annotation points at the service definition');
      assert.match(one.message, /Expected: "rc-/);
      assert.match(main.summary, /## ❌ Replicheck failed/);
      assert.match(main.summary, /<summary>Last log lines of kv_0<\/summary>/);
      // Logs are printed inside a stop-commands block, never as live commands.
      assert.ok(main.stdout.includes('::stop-commands::'));
    });
  }
});

describe('bad inputs fail before any container exists', () => {
  const cases: { name: string; inputs: Record<string, string>; input: string; pattern: RegExp }[] = [
    { name: 'missing compose file', inputs: { 'compose-file': 'nope.yml' }, input: 'compose-file', pattern: /'nope\.yml' not found/ },
    {
      name: 'unknown restart target',
      inputs: { 'restart-target': 'kv_9' },
      input: 'restart-target',
      pattern: /'kv_9' is not a service.*kv_0, kv_2, kv_4/,
    },
    {
      name: 'malformed server URL',
      inputs: { servers: 'http://localhost:8080,localhost' },
      input: 'servers',
      pattern: /not a URL|not an HTTP/,
    },
    {
      name: 'partition network the target is not on',
      inputs: { faults: 'disconnect', 'fault-targets': 'kv_4', 'partition-networks': 'backbone' },
      input: 'partition-networks',
      pattern: /kv_4 is not attached to backbone \(it is on client, cluster\)/,
    },
    {
      name: 'server URL no node answers',
      inputs: { servers: `${KV_SERVERS},http://localhost:8099` },
      input: 'servers',
      pattern: /localhost:8099 is not published by any service/,
    },
  ];
  for (const c of cases) {
    test(c.name, async (t) => {
      if (!needDocker(t)) return;
      const name = project('bad');
      const main = await runStep(baseInputs(name, c.inputs), { env: kvEnv() });
      try {
        assert.equal(main.code, 1);
        const annotations = errors(main).filter((a) => a.properties.title?.startsWith('Replicheck: input'));
        assert.equal(annotations.length, 1, JSON.stringify(errors(main)));
        assert.equal(annotations[0]!.properties.title, `Replicheck: input '${c.input}'`);
        assert.match(annotations[0]!.message, c.pattern);
        assert.equal(main.outputs.result, 'failed');
        await assertNothingLeft(name);
        assert.doesNotMatch(main.stdout, /\bup\b.*--detach/);
      } finally {
        forceCleanup(name);
      }
    });
  }
});
