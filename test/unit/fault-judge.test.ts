// The fault judge from tables of observations: no HTTP, no clock, no Docker. Each row is what a driver could have
// seen; the judge must turn it into the right checks and report.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { judgeFault } from '../../src/faults/judge.js';
import type { FaultObservations, KeysRead } from '../../src/faults/observe.js';
import { planFaults, planRestartCheck, type FaultStep } from '../../src/faults/plan.js';
import type { NodeInfo } from '../../src/model/result.js';
import type { ConsistencyModel } from '../../src/consistency/models.js';

const NODES: NodeInfo[] = ['kv_0', 'kv_2', 'kv_4'].map((s, i) => ({ url: `http://n${i}`, label: s, service: s, mapping: 'test' }));
const [N0, N2, N4] = NODES as [NodeInfo, NodeInfo, NodeInfo];
const LIMITS = { convergenceTimeoutMs: 1000, startupTimeoutMs: 5000 };
const w = (key: string, writer = 'kv_0') => ({ key, value: `v-${key}`, writer });
const keys = (node: NodeInfo, expected: string[], missing: string[] = [], lost: string[] = []): KeysRead => ({
  node,
  expected: expected.map((k) => w(k)),
  missing: missing.map((k) => w(k)),
  lost,
  slowestMs: 7,
  waitedMs: missing.length > 0 ? 1000 : 7,
  ...(missing.length > 0 ? { last: { status: 404 } } : {}),
});

function step(kind: 'kill' | 'partition' | 'pause' | 'clock' = 'kill'): FaultStep {
  return planFaults({ specs: [{ kind, name: kind }], groups: [['kv_4']], nodes: NODES })[0]!;
}

/** A fault that went well: two writes while it held, read back everywhere, recovered, caught up, nothing lost. */
function healthy(s: FaultStep = step()): FaultObservations {
  return {
    step: s,
    mustKeep: [w('early')],
    before: [w('pre0')],
    applied: { ok: true, description: 'compose kill kv_4, then compose start' },
    beganMs: 100,
    healedMs: 1300,
    writes: [
      { node: N0, write: w('d0'), acked: true, indeterminate: false, byTarget: false },
      { node: N2, write: w('d2', 'kv_2'), acked: true, indeterminate: false, byTarget: false },
    ],
    held: [N0, N2].flatMap((node) =>
      ['d0', 'd2'].map((k) => ({ node, write: w(k), state: 'converged' as const, ms: 3, last: { status: 200 }, waitedMs: 3 })),
    ),
    heal: { ok: true, detail: 'compose start kv_4' },
    cancelled: false,
    recovery: [{ node: N4, done: true, ms: 420, elapsedMs: 420, last: { status: 404 }, probeKey: 'd0' }],
    catchUp: [keys(N4, ['d0', 'd2'])],
    afterHeal: [],
    durability: NODES.map((n) => keys(n, ['early', 'pre0'])),
  };
}

const statuses = (o: FaultObservations) => Object.fromEntries(judgeFault(o, LIMITS).checks.map((c) => [c.id, c.status]));

describe('fault judge', () => {
  test('a fault that went well passes, with every time in the report', () => {
    const j = judgeFault(healthy(), LIMITS);
    assert.equal(j.report.verdict, 'passed');
    assert.deepEqual(
      j.checks.map((c) => `${c.id} ${c.status}`),
      [
        'fault:kill:kv_4:converge:kv_0 passed',
        'fault:kill:kv_4:converge:kv_2 passed',
        'fault:kill:kv_4:recovery:kv_4 passed',
        'fault:kill:kv_4:catch-up:kv_4 passed',
        'fault:kill:kv_4:durability:kv_0 passed',
        'fault:kill:kv_4:durability:kv_2 passed',
        'fault:kill:kv_4:durability:kv_4 passed',
      ],
    );
    assert.deepEqual(
      {
        held: j.report.heldMs,
        acc: j.report.writesAccepted,
        av: j.report.availability,
        conv: j.report.convergenceMs,
        rec: j.report.recoveryMs,
        cu: j.report.catchUpMs,
      },
      { held: 1200, acc: 2, av: 'full', conv: 3, rec: 420, cu: 7 },
    );
    assert.deepEqual(
      j.acked.map((x) => x.key),
      ['pre0', 'd0', 'd2'],
    );
    assert.equal(j.checks.find((c) => c.id.endsWith('recovery:kv_4'))!.title, 'Kill kv_4: kv_4 answers again');
  });

  const rows: {
    name: string;
    change: (o: FaultObservations) => FaultObservations;
    expect: Record<string, string>;
    verdict: 'passed' | 'failed';
  }[] = [
    {
      name: 'a stale read while the fault holds fails that node',
      change: (o) => ({
        ...o,
        held: o.held.map((r) => (r.node === N2 && r.write.key === 'd0' ? { ...r, state: 'stale' as const, ms: null, waitedMs: 1000 } : r)),
      }),
      expect: { 'fault:kill:kv_4:converge:kv_2': 'failed', 'fault:kill:kv_4:converge:kv_0': 'passed' },
      verdict: 'failed',
    },
    {
      name: 'refused reads are availability loss: skipped, not failed',
      change: (o) => ({ ...o, held: o.held.map((r) => (r.node === N2 ? { ...r, state: 'refused' as const, ms: null } : r)) }),
      expect: { 'fault:kill:kv_4:converge:kv_2': 'skipped' },
      verdict: 'passed',
    },
    {
      name: 'a node that never answers again fails recovery and is not read for catch-up',
      change: (o) => ({
        ...o,
        recovery: [{ node: N4, done: false, elapsedMs: 5000, last: { error: 'connection refused' } }],
        catchUp: [],
        durability: o.durability.filter((d) => d.node !== N4),
      }),
      expect: { 'fault:kill:kv_4:recovery:kv_4': 'failed' },
      verdict: 'failed',
    },
    {
      name: 'missed catch-up fails',
      change: (o) => ({ ...o, catchUp: [keys(N4, ['d0', 'd2'], ['d2'])] }),
      expect: { 'fault:kill:kv_4:catch-up:kv_4': 'failed' },
      verdict: 'failed',
    },
    {
      name: 'a heal that fails is reported and nothing after it is judged',
      change: (o) => ({ ...o, heal: { ok: false, detail: 'compose start failed' }, recovery: [], catchUp: [], durability: [] }),
      expect: { 'fault:kill:kv_4:heal': 'failed' },
      verdict: 'failed',
    },
    {
      name: 'every write refused, and one accepted after healing: passes, and the catch-up is of that write',
      change: (o) => ({
        ...o,
        writes: o.writes.map((x) => ({ ...x, acked: false })),
        held: [],
        writable: { write: w('healed'), node: N0, ms: 80, attempts: 2, last: { status: 204 }, triedOn: [N0, N2, N4] },
        catchUp: [keys(N4, ['healed'])],
      }),
      expect: { 'fault:kill:kv_4:writable': 'passed', 'fault:kill:kv_4:catch-up:kv_4': 'passed' },
      verdict: 'passed',
    },
    {
      name: 'every write refused, still refused after healing: fails',
      change: (o) => ({
        ...o,
        writes: o.writes.map((x) => ({ ...x, acked: false })),
        held: [],
        writable: { ms: 5000, attempts: 40, last: { status: 503 }, triedOn: [N0, N2, N4] },
        catchUp: [],
      }),
      expect: { 'fault:kill:kv_4:writable': 'failed', 'fault:kill:kv_4:catch-up:kv_4': 'skipped' },
      verdict: 'failed',
    },
    {
      name: 'an apply that failed because of an input is handed up as that input',
      change: (o) => ({
        ...o,
        applied: { ok: false, detail: 'kv_4 is not attached to backbone', input: 'partition-networks' },
        writes: [],
        held: [],
        heal: undefined as never,
        recovery: [],
        catchUp: [],
        durability: [],
      }),
      expect: { 'fault:kill:kv_4:apply': 'failed' },
      verdict: 'failed',
    },
  ];
  for (const row of rows) {
    test(row.name, () => {
      const o = row.change(healthy());
      const got = statuses(o);
      for (const [id, status] of Object.entries(row.expect)) assert.equal(got[id], status, `${id} in ${JSON.stringify(got)}`);
      assert.equal(judgeFault(o, LIMITS).report.verdict, row.verdict);
    });
  }

  test('durability tells a lost key (the node had it) from one it never had', () => {
    const o = {
      ...healthy(),
      durability: [
        keys(N0, ['early', 'pre0'], ['pre0']),
        keys(N2, ['early', 'pre0']),
        keys(N4, ['early', 'pre0'], ['early', 'pre0'], ['early']),
      ],
    };
    const j = judgeFault(o, LIMITS);
    const byId = new Map(j.checks.map((c) => [c.id, c]));
    assert.equal(byId.get('fault:kill:kv_4:durability:kv_4')!.title, 'Kill kv_4: kv_4 lost 1 acknowledged write(s)');
    assert.match(
      byId.get('fault:kill:kv_4:durability:kv_4')!.detail,
      /returned or acknowledged these before the kill and no longer does: early; it never returned these, before or after: pre0/,
    );
    assert.equal(byId.get('fault:kill:kv_4:durability:kv_0')!.title, 'Kill kv_4: kv_0 is missing 1 acknowledged write(s)');
    assert.deepEqual(j.report.lostKeys, ['early']);
    assert.deepEqual(j.report.missingKeys, ['pre0', 'early']);
    assert.deepEqual(j.missing.sort(), ['early', 'pre0']);
  });

  test('a partitioned target that acknowledged writes: the others must get them after healing', () => {
    const s = step('partition');
    const o: FaultObservations = {
      ...healthy(s),
      writes: [...healthy(s).writes, { node: N4, write: w('cut', 'kv_4'), acked: true, indeterminate: false, byTarget: true }],
      afterHeal: [keys(N0, ['cut']), keys(N2, ['cut'], ['cut'])],
    };
    const got = statuses(o);
    assert.equal(got['fault:partition:kv_4:after-heal:kv_0'], 'passed');
    assert.equal(got['fault:partition:kv_4:after-heal:kv_2'], 'failed');
  });

  test('the restart check speaks in its own voice, under its own ids', () => {
    const s = planRestartCheck('kv_4', NODES);
    assert.equal(s.idPrefix, 'restart');
    assert.equal(s.phase, 'restart');
    assert.equal(s.writeBefore, false);
    const o: FaultObservations = {
      ...healthy(s),
      before: [],
      restartMs: 900,
      catchUp: [keys(N4, ['d0', 'd2'], ['d0', 'd2'])],
      durability: [keys(N4, ['early'], ['early'], ['early'])],
    };
    const titles = judgeFault(o, LIMITS).checks.map((c) => `${c.id}: ${c.title}`);
    assert.deepEqual(titles, [
      'restart:converge:kv_0: Restart: kv_0 returned the value written while kv_4 restarted',
      'restart:converge:kv_2: Restart: kv_2 returned the value written while kv_4 restarted',
      'restart:recovery:kv_4: Recovery: kv_4 answers again after the restart',
      'restart:catch-up:kv_4: Catch-up: kv_4 never returned the value written while it was down',
      'restart:durability:kv_4: Durability: kv_4 lost 1 earlier write(s) after the restart',
    ]);
  });

  describe('a node answering from its own copy while the fault holds, by claim', () => {
    const staleOn = (s: FaultStep, node: NodeInfo): FaultObservations => {
      const o = healthy(s);
      const has = o.held.some((r) => r.node === node);
      const readers = has ? o.held : [...o.held, ...o.held.filter((r) => r.node === N0).map((r) => ({ ...r, node }))];
      const held = readers.map((r) => (r.node === node ? { ...r, state: 'stale' as const, ms: null, waitedMs: 1000 } : r));
      return { ...o, held };
    };
    const converge = (o: FaultObservations, claim: ConsistencyModel, node: string) =>
      judgeFault(o, LIMITS, claim).checks.find((c) => c.id.endsWith(`:converge:${node}`))?.status;

    test('a partitioned target: allowed below linearizable (reported), failed under linearizable', () => {
      const o = staleOn(step('partition'), N4);
      for (const claim of ['eventual', 'read-your-writes', 'pram', 'causal', 'sequential'] as const) {
        const j = judgeFault(o, LIMITS, claim);
        assert.equal(converge(o, claim, 'kv_4'), 'passed', claim);
        assert.deepEqual(j.report.servedStale, [{ node: 'kv_4', keys: ['d0', 'd2'], staleForMs: 1000 }], claim);
        assert.deepEqual(j.report.staleNodes, []);
      }
      assert.equal(converge(o, 'linearizable', 'kv_4'), 'failed');
      assert.deepEqual(judgeFault(o, LIMITS, 'linearizable').report.staleNodes, ['kv_4']);
    });

    test('a node that was not cut off, or a fault that cuts nothing (clock), fails under every claim', () => {
      for (const claim of ['eventual', 'causal', 'linearizable'] as const) {
        assert.equal(converge(staleOn(step('partition'), N2), claim, 'kv_2'), 'failed', `partition, live node, ${claim}`);
        assert.equal(converge(staleOn(step('clock'), N4), claim, 'kv_4'), 'failed', `clock, ${claim}`);
      }
    });

    test('indeterminate writes are counted apart from refused ones', () => {
      const o = healthy(step('partition'));
      const extra = [
        { node: N4, write: w('t1', 'kv_4'), acked: false, indeterminate: true, byTarget: true },
        { node: N4, write: w('t2', 'kv_4'), acked: false, indeterminate: false, byTarget: true },
      ];
      const r = judgeFault({ ...o, writes: [...o.writes, ...extra] }, LIMITS).report;
      assert.deepEqual([r.writesAccepted, r.writesRefused, r.writesIndeterminate], [2, 2, 1]);
    });
  });
});
