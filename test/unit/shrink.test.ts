// The shrinking strategy on simulated oracles: a failure that needs two faults to overlap, one that needs one
// fault, one that needs none; a flaky store; the rerun count, the time budget and a cancel.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { REPRODUCE_M, shrinkSchedule, MIN_HOLD_MS, type ShrinkLimits } from '../../src/faults/shrink.js';
import { formatSchedule, parseSchedule, type ScheduleEntry } from '../../src/faults/schedule.js';
import { seededRandom } from '../../src/core/random.js';

const SIX = parseSchedule(
  [
    'at 0.5s pause kv_4 for 3s',
    'at 2s kill kv_0 for 3s', // A
    'at 3s pause kv_2 for 3s', // B: overlaps A from 3 s to 5 s
    'at 7s kill kv_4 for 2s',
    'at 9.5s loss:30% kv_0 for 2s',
    'at 12s latency:200 kv_2 for 3s',
  ].join('\n'),
).entries;

const target = (e: ScheduleEntry): string => e.services.join('+');
const find = (c: readonly ScheduleEntry[], kind: string, service: string): ScheduleEntry | undefined =>
  c.find((e) => e.spec.kind === kind && target(e) === service);

/** Fails iff kill kv_0 and pause kv_2 hold at once for at least `overlapMs`. */
function overlapFails(c: readonly ScheduleEntry[], overlapMs = 100): boolean {
  const a = find(c, 'kill', 'kv_0');
  const b = find(c, 'pause', 'kv_2');
  if (!a || !b) return false;
  const from = Math.max(a.atMs, b.atMs);
  const to = Math.min(a.atMs + a.forMs, b.atMs + b.forMs);
  return to - from >= overlapMs;
}

function limits(over: Partial<ShrinkLimits> = {}): ShrinkLimits {
  let t = 0;
  // Each call of now() is a moment later, so elapsed time grows without a real clock.
  return { maxRuns: 200, budgetMs: 1e9, now: () => (t += 1), ...over };
}

describe('shrinking a schedule', () => {
  test('a failure that needs two faults to overlap shrinks to those two, 1-minimal, still overlapping', async () => {
    let calls = 0;
    const out = await shrinkSchedule(SIX, async (c) => (calls++, overlapFails(c)), limits());
    assert.equal(out.minimal.length, 2, formatSchedule(out.minimal));
    assert.ok(find(out.minimal, 'kill', 'kv_0') && find(out.minimal, 'pause', 'kv_2'));
    assert.ok(overlapFails(out.minimal), 'the minimal schedule still fails');
    assert.equal(out.oneMinimal, true);
    assert.equal(out.stoppedBy, 'done');
    assert.equal(out.reruns, calls);
    assert.deepEqual(out.rate, { failed: 3, runs: 3 });
    // Holds were halved, starts moved together: no longer than before, and never under the floor.
    for (const e of out.minimal) {
      const before = SIX.find((o) => o.spec.name === e.spec.name && target(o) === target(e))!;
      assert.ok(e.forMs <= before.forMs && e.forMs >= MIN_HOLD_MS);
    }
    const span = (c: readonly ScheduleEntry[]): number => Math.max(...c.map((e) => e.atMs + e.forMs)) - Math.min(...c.map((e) => e.atMs));
    assert.ok(span(out.minimal) < 4000, formatSchedule(out.minimal));
    // A pass costs M reruns, a reproduction one: every candidate tried is accounted for.
    const spent = out.tried.reduce((n, t) => n + t.reruns, 0) + out.rate!.runs;
    assert.equal(spent, out.reruns);
    for (const t of out.tried) assert.equal(t.reruns, t.reproduced ? 1 : REPRODUCE_M);
    // What the output carries round-trips through the parser.
    assert.deepEqual(
      parseSchedule(formatSchedule(out.minimal, '; ')).entries,
      out.minimal.map(({ atMs, spec, services, forMs }) => ({ atMs, spec, services, forMs })),
    );
  });

  test('a failure one fault causes shrinks to that fault, proven 1-minimal by the workload alone passing', async () => {
    const out = await shrinkSchedule(SIX, async (c) => find(c, 'loss', 'kv_0') !== undefined, limits());
    assert.deepEqual(
      out.minimal.map((e) => e.spec.name),
      ['loss:30%'],
    );
    assert.equal(out.oneMinimal, true);
    assert.ok(
      out.tried.some((t) => t.schedule === '' && !t.reproduced),
      'the empty schedule was tried and passed',
    );
  });

  test('a failure without any fault shrinks to the empty schedule', async () => {
    const out = await shrinkSchedule(SIX, async () => true, limits());
    assert.deepEqual(out.minimal, []);
    assert.equal(out.oneMinimal, true);
  });

  test('a flaky store: only schedules that failed are kept, so the two faults always stay', async () => {
    for (const seed of [1, 2, 3, 4, 5]) {
      const random = seededRandom(seed);
      const out = await shrinkSchedule(SIX, async (c) => overlapFails(c) && random() < 0.6, limits());
      assert.ok(find(out.minimal, 'kill', 'kv_0') && find(out.minimal, 'pause', 'kv_2'), `seed ${seed}: ${formatSchedule(out.minimal)}`);
      assert.ok(out.minimal.length <= SIX.length);
      for (const t of out.tried) if (t.reproduced) assert.ok(overlapFails(parseSchedule(t.schedule).entries), t.schedule);
      assert.ok(out.rate === undefined || out.rate.runs === 3);
    }
  });

  test('the rerun limit stops the search with the best schedule so far, not proven minimal', async () => {
    const out = await shrinkSchedule(SIX, async (c) => overlapFails(c), limits({ maxRuns: 5 }));
    assert.ok(out.reruns <= 5);
    assert.equal(out.stoppedBy, 'runs');
    assert.equal(out.oneMinimal, false);
    assert.ok(overlapFails(out.minimal), 'whatever it kept still fails');
    // One of the five is kept for the rate (a quarter of the runs, at most three).
    assert.deepEqual(out.rate, { failed: 1, runs: 1 });
  });

  test('the time budget stops it too, and nothing starts once it is spent', async () => {
    let t = 0;
    const oracle = async (c: readonly ScheduleEntry[]): Promise<boolean> => {
      t += 10_000; // each rerun takes 10 s
      return overlapFails(c);
    };
    const out = await shrinkSchedule(SIX, oracle, { maxRuns: 100, budgetMs: 35_000, now: () => t });
    assert.equal(out.stoppedBy, 'budget');
    assert.ok(out.reruns <= 4, `${out.reruns} reruns`);
    assert.equal(out.rate, undefined, 'no budget was left to measure the rate');
  });

  test('a cancel stops it before the next rerun', async () => {
    const controller = new AbortController();
    let calls = 0;
    const out = await shrinkSchedule(
      SIX,
      async (c) => {
        if (++calls === 3) controller.abort();
        return overlapFails(c);
      },
      limits({ signal: controller.signal }),
    );
    assert.equal(out.stoppedBy, 'cancelled');
    assert.equal(calls, 3);
    assert.equal(out.rate, undefined);
  });
});
