import { test } from 'node:test';
import assert from 'node:assert/strict';
import { decideVerdict, maxConvergence } from '../../src/model/result.js';
import { check } from '../support/result.js';

test('a run passes only when no check failed and nothing stopped it', () => {
  const passed = check({ id: 'a', title: 'a', status: 'passed' });
  const skipped = check({ id: 'b', title: 'b', status: 'skipped' });
  const failed = check({ id: 'c', title: 'c', status: 'failed' });
  assert.equal(decideVerdict([passed, skipped], []), 'passed');
  assert.equal(decideVerdict([passed, failed], []), 'failed');
  assert.equal(decideVerdict([passed], [{ message: 'compose up failed' }]), 'failed');
  // No checks at all is not a pass when the run could not be carried out.
  assert.equal(decideVerdict([], [{ message: 'Docker is not installed' }]), 'failed');
});

test('the slowest convergence ignores readers that never converged', () => {
  assert.equal(
    maxConvergence({
      writers: ['a', 'b'],
      readers: ['a', 'b'],
      ms: [
        [1, 40],
        [null, 3],
      ],
    }),
    40,
  );
  assert.equal(maxConvergence({ writers: ['a'], readers: ['a'], ms: [[null]] }), null);
  assert.equal(maxConvergence({ writers: [], readers: [], ms: [] }), null);
});
