// The run's one seed and the streams drawn from it: the same seed, the same choices in every stream; streams that
// do not share a sequence; a seeded source of the engine's shape.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { SEED_RANGE, deriveSeed, runStreams, seededSource } from '../../src/core/random.js';
import { planFaults } from '../../src/faults/plan.js';
import { parseFaultSpecs } from '../../src/faults/kinds/index.js';
import { planWindows } from '../../src/faults/nemesis.js';

const nodes = ['a', 'b', 'c', 'd', 'e'].map((s) => ({ url: `http://${s}`, label: s, service: s, mapping: 'test' }));

function partitionSides(seed: number): string {
  const [step] = planFaults({ specs: parseFaultSpecs(['partition:halves']).specs, groups: [], nodes, shuffle: runStreams(seed).partition });
  return JSON.stringify(step!.grudges);
}

test('the same seed splits a cluster-wide partition the same way; other seeds split it other ways', () => {
  assert.equal(partitionSides(42), partitionSides(42));
  const sides = new Set(Array.from({ length: 20 }, (_, i) => partitionSides(i)));
  assert.ok(sides.size > 3, `20 seeds gave ${sides.size} splits`);
});

test('two cluster-wide partitions of one run split it their own ways', () => {
  const s = runStreams(11);
  const orders = Array.from({ length: 6 }, () => s.partition(['a', 'b', 'c', 'd', 'e']).join(''));
  assert.ok(new Set(orders).size > 1, orders.join(' '));
});

test('the same seed places the random schedule the same way', () => {
  const steps = planFaults({ specs: parseFaultSpecs(['pause', 'kill']).specs, groups: [['a'], ['b']], nodes });
  const place = (seed: number) =>
    JSON.stringify(planWindows(steps, 10_000, 2_000, runStreams(seed).schedule).windows.map((w) => w.startMs));
  assert.equal(place(7), place(7));
  assert.notEqual(place(7), place(8));
});

test('each purpose has its own stream, in range, and the seeded source is deterministic', () => {
  const s = runStreams(123);
  assert.notEqual(s.schedule, s.workload);
  for (const seed of [0, 1, SEED_RANGE - 1]) {
    for (const purpose of ['values', 'partition', 'schedule', 'workload']) {
      const d = deriveSeed(seed, purpose);
      assert.ok(Number.isInteger(d) && d >= 0 && d < SEED_RANGE, `${seed}/${purpose}: ${d}`);
    }
  }
  // One stream per name: drawing from one does not move another.
  const a = runStreams(5).values;
  const b = runStreams(5).values;
  a('key:race').hex(64);
  assert.equal(a('key:pre').hex(8), b('key:pre').hex(8));
  const [x, y] = [seededSource(9), seededSource(9)];
  assert.equal(x.hex(8), y.hex(8));
  assert.match(seededSource(9).hex(4), /^[0-9a-f]{8}$/);
  const ints = Array.from({ length: 1000 }, () => x.int(3));
  assert.deepEqual([...new Set(ints)].sort(), [0, 1, 2]);
});
