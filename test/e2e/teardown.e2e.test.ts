// Every teardown policy through the real runner protocol: the main step, what exists between it and the post step
// (where a user's later steps would run), then the post step with the state the main step saved, and what exists
// after it. The state is one record encoded once: before, `never` and `on-success` were read back with quotes and
// the post step removed clusters the user asked to keep.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { findLeftovers } from '../../src/compose/driver.js';
import { processExec } from '../../src/exec/process.js';
import { runStep } from '../support/runner.js';
import { needDocker, kvEnv, forceCleanup, uniqueProject } from '../support/docker.js';

// Ports of this file alone, so it can run beside the other end-to-end files.
const PORTS = { KV_PORT_0: '18380', KV_PORT_2: '18382', KV_PORT_4: '18384' };
const KV_SERVERS = 'http://localhost:18380,http://localhost:18382,http://localhost:18384';

async function containers(project: string): Promise<number> {
  return (await findLeftovers(processExec, project)).containers.length;
}

const cases: { teardown: string; mode: string; verdict: 'passed' | 'failed'; between: boolean; after: boolean }[] = [
  { teardown: 'always', mode: 'healthy', verdict: 'passed', between: false, after: false },
  { teardown: 'on-success', mode: 'healthy', verdict: 'passed', between: false, after: false },
  { teardown: 'on-success', mode: 'no-replication', verdict: 'failed', between: true, after: true },
  { teardown: 'never', mode: 'healthy', verdict: 'passed', between: true, after: true },
  { teardown: 'post', mode: 'healthy', verdict: 'passed', between: true, after: false },
];

describe('teardown policies from the main step to the post step', () => {
  for (const c of cases) {
    test(
      `${c.teardown} with a run that ${c.verdict}: ` +
        `${c.between ? 'kept' : 'removed'} after main, ${c.after ? 'kept' : 'removed'} after post`,
      async (t) => {
        if (!needDocker(t)) return;
        const name = uniqueProject('rc-td', c.teardown);
        try {
          const inputs = {
            'working-directory': 'examples/kv',
            servers: KV_SERVERS,
            'project-name': name,
            'startup-timeout': '60',
            'convergence-timeout': '1.5',
            teardown: c.teardown,
          };
          const main = await runStep(inputs, { env: { ...kvEnv(c.mode), ...PORTS } });
          assert.equal(main.outputs.result, c.verdict);
          assert.equal((await containers(name)) > 0, c.between, 'between the steps');
          if (c.teardown === 'post') {
            // The cluster serves the job's later steps.
            const res = await fetch('http://localhost:18380/key/replicheck-between-steps', { method: 'PUT', body: 'x' });
            assert.ok(res.ok, `a later step can write: ${res.status}`);
          }
          const post = await runStep(inputs, { env: { ...kvEnv(c.mode), ...PORTS }, state: main.state });
          assert.equal(post.code, 0);
          assert.equal((await containers(name)) > 0, c.after, `after the post step: ${post.stdout}`);
          assert.match(post.stdout, c.after ? /leaving project/ : /removed|nothing of project .* is left/);
        } finally {
          forceCleanup(name);
        }
      },
    );
  }
});
