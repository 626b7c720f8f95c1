// The one record the main step hands to the post step, and what the post step decides from it.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { decodePostState, encodePostState, planPost, type PostState } from '../../src/model/post-state.js';

const base: PostState = {
  project: 'p1',
  teardown: 'always',
  compose: { file: 'docker', prefix: ['compose'], files: ['/w/c.yml'], directory: '/w' },
};

describe('post state', () => {
  test('round-trips through one encoding, whatever the policy (the old double encoding read "never" with quotes)', () => {
    for (const teardown of ['always', 'on-success', 'never', 'post'] as const) {
      const s = { ...base, teardown, verdict: 'failed' as const };
      assert.deepEqual(decodePostState(encodePostState(s)), s);
    }
  });

  test('anything but a record this version wrote decodes to nothing', () => {
    for (const text of [
      '',
      'x',
      '"never"',
      '{}',
      JSON.stringify({ ...base, teardown: '"never"' }),
      JSON.stringify({ ...base, compose: { file: 'docker' } }),
      JSON.stringify({ ...base, verdict: 'maybe' }),
      JSON.stringify({ project: '', teardown: 'never', cluster: 'external', heals: [], cwd: '/w', verdict: 'maybe' }),
    ]) {
      assert.equal(decodePostState(text), undefined, text);
    }
  });

  const table: [Partial<PostState> | undefined, boolean, RegExp][] = [
    [undefined, false, /no project was created/],
    [{ teardown: 'always', verdict: 'passed' }, true, /teardown 'always'/],
    [{ teardown: 'always', verdict: 'failed' }, true, /teardown 'always'/],
    [{ teardown: 'always' }, true, /teardown 'always'/],
    [{ teardown: 'on-success', verdict: 'passed' }, true, /run passed/],
    [{ teardown: 'on-success', verdict: 'failed' }, false, /run failed: leaving project p1 for inspection/],
    [{ teardown: 'on-success' }, true, /did not finish/],
    [{ teardown: 'never', verdict: 'passed' }, false, /teardown 'never'/],
    [{ teardown: 'never', verdict: 'failed' }, false, /teardown 'never'/],
    [{ teardown: 'never' }, false, /teardown 'never'/],
    [{ teardown: 'post', verdict: 'passed' }, true, /teardown 'post'/],
    [{ teardown: 'post', verdict: 'failed' }, true, /teardown 'post'/],
    [{ teardown: 'post' }, true, /teardown 'post'/],
  ];
  for (const [change, remove, why] of table) {
    test(
      `planPost ${change ? `${change.teardown} / ${change.verdict ?? 'no verdict'}` : 'without state'}: ` + (remove ? 'remove' : 'keep'),
      () => {
        const plan = planPost(change ? { ...base, ...change } : undefined);
        assert.equal(plan.remove, remove);
        assert.match(plan.why, why);
        if (plan.remove) assert.equal(plan.project, 'p1');
      },
    );
  }
});
