// The nemesis's pure parts: the exact packet filter and queueing commands, the topologies' grudges, and the
// random schedule's windows.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { delayCommands, filterCommands, unfilterCommands } from '../../src/faults/netns.js';
import { topologyGrudges } from '../../src/faults/kinds/partition.js';
import { planWindows, runWindows } from '../../src/faults/nemesis.js';
import { parseFaultSpecs } from '../../src/faults/kinds/index.js';
import { ActiveFaults } from '../../src/faults/active.js';
import type { FaultActions } from '../../src/faults/actions.js';
import type { CheckContext } from '../../src/checks/context.js';
import { systemClock } from '../../src/core/clock.js';
import { planFaults } from '../../src/faults/plan.js';
import { offsetText, clockOverride } from '../../src/faults/clock.js';
import type { NodeInfo } from '../../src/model/result.js';

describe('commands in the network namespace', () => {
  test('a partition: one chain hooked first into INPUT and OUTPUT, a DROP per peer address and direction', () => {
    assert.deepEqual(
      filterCommands([
        { ip: '172.18.0.3', direction: 'in' },
        { ip: '172.18.0.3', direction: 'out' },
      ]),
      [
        ['iptables', '-w', '-N', 'REPLICHECK'],
        ['iptables', '-w', '-I', 'INPUT', '1', '-j', 'REPLICHECK'],
        ['iptables', '-w', '-I', 'OUTPUT', '1', '-j', 'REPLICHECK'],
        ['iptables', '-w', '-A', 'REPLICHECK', '-s', '172.18.0.3/32', '-j', 'DROP'],
        ['iptables', '-w', '-A', 'REPLICHECK', '-d', '172.18.0.3/32', '-j', 'DROP'],
      ],
    );
  });
  test('loss: the same drops, each for a random share of packets', () => {
    assert.deepEqual(filterCommands([{ ip: '10.0.0.2', direction: 'in' }], 0.3).at(-1), [
      'iptables',
      '-w',
      '-A',
      'REPLICHECK',
      '-s',
      '10.0.0.2/32',
      '-m',
      'statistic',
      '--mode',
      'random',
      '--probability',
      '0.3',
      '-j',
      'DROP',
    ]);
  });
  test('healing removes the hooks, then the chain', () => {
    assert.deepEqual(
      unfilterCommands().map((c) => c.slice(2, 4).join(' ')),
      ['-D INPUT', '-D OUTPUT', '-F REPLICHECK', '-X REPLICHECK'],
    );
  });
  test('latency: a prio qdisc whose fourth band is netem, and a filter per peer into it', () => {
    const cmds = delayCommands('eth0', ['172.18.0.3', '172.18.0.4'], 200, 50);
    assert.deepEqual(cmds[1], ['tc', 'qdisc', 'add', 'dev', 'eth0', 'parent', '1:4', 'handle', '40:', 'netem', 'delay', '200ms', '50ms']);
    assert.deepEqual(
      cmds.slice(2).map((c) => c.slice(-4)),
      [
        ['dst', '172.18.0.3/32', 'flowid', '1:4'],
        ['dst', '172.18.0.4/32', 'flowid', '1:4'],
      ],
    );
    assert.match(cmds[0]!.join(' '), /^tc qdisc add dev eth0 root handle 1: prio bands 4 priomap( [0-2]){16}$/);
  });
  test('clock: the offset as libfaketime reads it, and the override that preloads it', () => {
    assert.deepEqual([offsetText(-30), offsetText(5), offsetText(0)], ['-30s', '+5s', '+0']);
    const yaml = clockOverride(['kv_4'], '/usr/lib/x86_64-linux-gnu/faketime', '/tmp/clk');
    assert.match(yaml, /LD_PRELOAD: \/replicheck-faketime\/libfaketimeMT\.so\.1/);
    assert.match(yaml, /FAKETIME_TIMESTAMP_FILE: \/replicheck-clock\/kv_4/);
    assert.match(yaml, /FAKETIME_DONT_FAKE_MONOTONIC: "1"/);
  });
});

describe('topologies', () => {
  const hears = (drops: [number, number][], n: number, i: number): number[] =>
    Array.from({ length: n }, (_, j) => j).filter((j) => !drops.some(([a, b]) => a === i && b === j));
  for (const n of [3, 4, 5, 7]) {
    test(`majorities-ring on ${n} nodes: every node hears a majority, no two the same one`, () => {
      const { drops } = topologyGrudges('majorities-ring', n);
      const sets = Array.from({ length: n }, (_, i) => hears(drops, n, i).join(','));
      for (const s of sets) assert.ok(s.split(',').length > n / 2, `${s} is a majority of ${n}`);
      assert.equal(new Set(sets).size, n, 'all different');
      assert.ok(drops.length > 0, 'something is cut');
    });
    test(`halves and bridge on ${n} nodes`, () => {
      const halves = topologyGrudges('halves', n).drops;
      // Two sides, nobody hears across: symmetric, and each node still hears its own side.
      for (const [a, b] of halves) assert.ok(halves.some(([x, y]) => x === b && y === a));
      const bridge = topologyGrudges('bridge', n).drops;
      assert.ok(!bridge.some(([a, b]) => a === n - 1 || b === n - 1), 'the bridge node hears and is heard by all');
    });
  }
});

describe('random schedule', () => {
  const nodes: NodeInfo[] = ['kv_0', 'kv_2', 'kv_4'].map((s, i) => ({ url: `http://n${i}`, label: s, service: s, mapping: 't' }));
  const steps = planFaults({
    specs: [
      { kind: 'pause', name: 'pause' },
      { kind: 'kill', name: 'kill' },
      { kind: 'partition', name: 'partition' },
    ],
    groups: [['kv_2'], ['kv_4']],
    nodes,
  });
  test('windows inside the duration, none overlapping on one service, the same for the same seed', () => {
    const a = planWindows(steps, 20_000, 2000, 7);
    assert.deepEqual(a, planWindows(steps, 20_000, 2000, 7));
    assert.notDeepEqual(
      a.windows.map((w) => w.startMs),
      planWindows(steps, 20_000, 2000, 8).windows.map((w) => w.startMs),
    );
    for (const w of a.windows) assert.ok(w.startMs >= 0 && w.endMs <= 20_000);
    for (const x of a.windows) {
      for (const y of a.windows) {
        if (x === y || !x.step.services.some((s) => y.step.services.includes(s))) continue;
        assert.ok(x.endMs <= y.startMs || y.endMs <= x.startMs, 'no two faults on one service at once');
      }
    }
    assert.equal(a.windows.length + a.left.length, steps.length);
  });
  test('a fault that cannot find a free moment is left out, not squeezed in', () => {
    const r = planWindows(steps, 3000, 2000, 1);
    assert.ok(r.left.length > 0);
  });
});

describe('random schedule: running the windows', () => {
  test('a window planned to start as another on the same service ends waits until that one has healed', async () => {
    const nodes: NodeInfo[] = ['kv_0', 'kv_2'].map((s) => ({ url: `http://${s}`, label: s, service: s, mapping: 'test' }));
    const steps = planFaults({ specs: parseFaultSpecs(['partition', 'loss']).specs, groups: [['kv_2']], nodes });
    // Back to back on kv_2, as planWindows may place them.
    const windows = [
      { step: steps[0]!, startMs: 0, endMs: 50 },
      { step: steps[1]!, startMs: 50, endMs: 100 },
    ];
    const events: string[] = [];
    let held = 0;
    const actions: FaultActions = {
      async apply(spec) {
        events.push(`apply ${spec.name} (${held} held)`);
        held++;
        return {
          ok: true,
          fault: {
            description: spec.name,
            heal: async () => {
              // A heal slower than the gap between the windows, as on a loaded machine.
              await new Promise((r) => setTimeout(r, 150));
              held--;
              events.push(`healed ${spec.name}`);
              return { ok: true, detail: 'healed' };
            },
          },
        };
      },
      applyGrudges: async () => ({ ok: false, detail: 'unused' }),
    };
    const ctx = { clock: systemClock, signal: new AbortController().signal } as CheckContext;
    const outcomes = await runWindows(ctx, windows, { actions, active: new ActiveFaults(), sinceStart: () => 0, record: () => undefined });
    assert.deepEqual(events, ['apply partition (0 held)', 'healed partition', 'apply loss (0 held)', 'healed loss']);
    assert.ok(outcomes.every((o) => o.applied.ok && o.heal?.ok));
  });
});
