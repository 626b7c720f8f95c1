// Fault planning, verdicts and the fault cycle against an in-memory cluster (no Docker, no HTTP): the cycle must
// tell availability loss from data loss, catch stale reads and missed catch-up, and always heal.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { availability, carryForward, classifyRead, faultVerdict, planFaults, planProblem } from '../../src/faults/plan.js';
import { parseFaultSpecs, type FaultKind, type FaultSpec } from '../../src/faults/kinds/index.js';
import { aliasesToRestore, networksToCut } from '../../src/faults/kinds/disconnect.js';

function specsOf(names: readonly string[]): FaultSpec[] {
  return parseFaultSpecs(names).specs;
}
import { ActiveFaults } from '../../src/faults/active.js';
import { observeFault, type ObserveOptions } from '../../src/faults/observe.js';
import { judgeFault } from '../../src/faults/judge.js';
import type { ConsistencyModel } from '../../src/consistency/models.js';
import type { FaultStep } from '../../src/faults/plan.js';
import type { FaultActions } from '../../src/faults/docker.js';
import { writeOutcome, type KvApi } from '../../src/checks/kv-api.js';
import { parseStatusSet } from '../../src/checks/api-options.js';

const REFUSALS = parseStatusSet('3xx,4xx')!;
import type { CheckContext } from '../../src/checks/context.js';
import type { HttpOutcome } from '../../src/http/client.js';
import type { NodeInfo, RunResult } from '../../src/model/result.js';
import { checkContext } from '../support/context.js';
import { valueCodec } from '../../src/core/values.js';
import { optionsFrom } from '../support/options.js';
import { InputError } from '../../src/inputs/errors.js';
import { renderFaultTables } from '../../src/report/faults.js';

const NODES: NodeInfo[] = ['kv_0', 'kv_2', 'kv_4'].map((s, i) => ({ url: `http://n${i}`, label: s, service: s, mapping: 'test' }));

describe('fault planning', () => {
  test('parses kinds in order, keeps repeats, collects unknown names', () => {
    const r = parseFaultSpecs([
      'kill',
      'Pause',
      'kill',
      'nuke',
      'partition:halves',
      'partition:moon',
      'loss',
      'loss:12.5%',
      'loss:0',
      'latency:200/50',
      'latency:5/9',
      'clock',
      'clock:+5s',
      'clock:5',
      'stop:now',
    ]);
    assert.deepEqual(
      r.specs.map((s) => s.name),
      ['kill', 'pause', 'kill', 'partition:halves', 'loss', 'loss:12.5%', 'latency:200/50', 'clock', 'clock:+5s'],
    );
    assert.deepEqual(r.specs.find((s) => s.name === 'loss')?.loss, 0.3);
    assert.deepEqual(r.specs.find((s) => s.name === 'loss:12.5%')?.loss, 0.125);
    assert.deepEqual(
      r.specs.find((s) => s.kind === 'latency'),
      { kind: 'latency', name: 'latency:200/50', delayMs: 200, jitterMs: 50 },
    );
    assert.deepEqual(
      r.specs.filter((s) => s.kind === 'clock').map((s) => s.clockOffsetS),
      [-30, 5],
    );
    assert.deepEqual(r.problems, [
      "'nuke' is not a fault",
      "'partition:moon': 'moon' is not a partition topology (halves, majorities-ring, bridge, one-way)",
      "'loss:0': the loss must be a percentage above 0 and below 100, e.g. loss:30%",
      "'latency:5/9': give the delay in ms (1 to 60000) and optionally a jitter no larger than it, e.g. latency:200 or latency:200/50",
      "'clock:5': give a signed offset in seconds, e.g. clock:-30s or clock:+5s",
      "'stop:now': stop takes no parameter",
    ]);
  });

  test('every kind against every target in order, with ids and live nodes', () => {
    const steps = planFaults({ specs: specsOf(['pause', 'partition']), groups: [['kv_4'], ['kv_0']], nodes: NODES });
    assert.deepEqual(
      steps.map((s) => `${s.index} ${s.phase} ${s.idPrefix}`),
      [
        '1 pause kv_4 fault:pause:kv_4',
        '2 pause kv_0 fault:pause:kv_0',
        '3 partition kv_4 fault:partition:kv_4',
        '4 partition kv_0 fault:partition:kv_0',
      ],
    );
    // A paused target is not written to (it would hang); a partitioned one may still answer on another network.
    assert.deepEqual(
      steps[0]!.writeTo.map((n) => n.label),
      ['kv_0', 'kv_2'],
    );
    assert.deepEqual(
      steps[2]!.writeTo.map((n) => n.label),
      ['kv_0', 'kv_2', 'kv_4'],
    );
    assert.deepEqual(
      steps[3]!.targets.map((n) => n.label),
      ['kv_0'],
    );
    assert.deepEqual(
      steps[3]!.others.map((n) => n.label),
      ['kv_2', 'kv_4'],
    );
  });

  test('a repeated kind gets a distinct id and phase', () => {
    const steps = planFaults({ specs: specsOf(['kill', 'kill']), groups: [['kv_4']], nodes: NODES });
    assert.deepEqual(
      steps.map((s) => s.idPrefix),
      ['fault:kill:kv_4', 'fault:kill:kv_4#2'],
    );
    assert.deepEqual(
      steps.map((s) => s.phase),
      ['kill kv_4', 'kill kv_4 #2'],
    );
  });

  test('a group is faulted as one: id, phase and report name join its services with +, the rest stay live', () => {
    const steps = planFaults({ specs: specsOf(['pause', 'partition']), groups: [['kv_2', 'kv_4'], ['kv_0']], nodes: NODES });
    assert.deepEqual(
      steps.map((s) => `${s.phase} | ${s.idPrefix} | ${s.target}`),
      [
        'pause kv_2+kv_4 | fault:pause:kv_2+kv_4 | kv_2+kv_4',
        'pause kv_0 | fault:pause:kv_0 | kv_0',
        'partition kv_2+kv_4 | fault:partition:kv_2+kv_4 | kv_2+kv_4',
        'partition kv_0 | fault:partition:kv_0 | kv_0',
      ],
    );
    assert.deepEqual(steps[0]!.services, ['kv_2', 'kv_4']);
    assert.deepEqual(
      steps[0]!.targets.map((n) => n.label),
      ['kv_2', 'kv_4'],
    );
    assert.deepEqual(
      steps[0]!.others.map((n) => n.label),
      ['kv_0'],
    );
    assert.deepEqual(
      steps[0]!.writeTo.map((n) => n.label),
      ['kv_0'],
    );
    assert.deepEqual(
      steps[2]!.writeTo.map((n) => n.label),
      ['kv_0', 'kv_2', 'kv_4'],
    );
    assert.equal(planProblem(steps[0]!), undefined);
  });

  test('plan problems: a group that leaves nothing live, a service no server publishes', () => {
    const [all] = planFaults({ specs: specsOf(['stop']), groups: [['kv_0', 'kv_2', 'kv_4']], nodes: NODES });
    assert.match(planProblem(all!)!, /Every server maps to a service of kv_0\+kv_2\+kv_4; .* or fault fewer services at once\./);
    const [partly] = planFaults({ specs: specsOf(['stop']), groups: [['kv_4', 'worker']], nodes: NODES });
    assert.match(
      planProblem(partly!)!,
      /^None of the servers is published by worker, so their recovery .* or leave those services out of the group\.$/,
    );
    const [one] = planFaults({ specs: specsOf(['stop']), groups: [['worker']], nodes: NODES });
    assert.match(planProblem(one!)!, /^None of the servers is published by worker, so its recovery/);
  });

  test('reads: the value converges, a refusal is availability loss, anything else is stale', () => {
    assert.equal(classifyRead({ ok: true, status: 200, matches: true }), 'converged');
    assert.equal(classifyRead({ ok: true, status: 503, matches: false }), 'refused');
    assert.equal(classifyRead({ ok: false, matches: false }), 'refused');
    assert.equal(classifyRead({ ok: true, status: 404, matches: false }), 'stale');
    assert.equal(classifyRead({ ok: true, status: 200, matches: false }), 'stale');
  });

  test('availability and verdicts', () => {
    assert.equal(availability(3, 0), 'full');
    assert.equal(availability(2, 1), 'partial');
    assert.equal(availability(0, 2), 'none');
    assert.equal(availability(0, 0), 'n/a');
    const c = (status: 'passed' | 'failed' | 'skipped') => ({ id: 'x', kind: 'k', title: 't', status, durationMs: 0, detail: '' });
    assert.equal(faultVerdict([c('passed'), c('skipped')]), 'passed');
    assert.equal(faultVerdict([c('passed'), c('failed')]), 'failed');
  });

  test('networks to cut: all by default, Compose names or full names, unknown ones reported', () => {
    const attached = ['p_client', 'p_cluster'];
    assert.deepEqual(networksToCut(attached, [], 'p'), { cut: attached, missing: [] });
    assert.deepEqual(networksToCut(attached, ['cluster'], 'p'), { cut: ['p_cluster'], missing: [] });
    assert.deepEqual(networksToCut(attached, ['p_client', 'backend'], 'p'), { cut: ['p_client'], missing: ['backend'] });
  });

  test('aliases to restore drop the short id Docker adds itself', () => {
    assert.deepEqual(aliasesToRestore(['p-kv_4-1', 'kv_4', 'cluster-kv_4', '6213b49a0b78', 'kv_4'], '6213b49a0b78ffff'), [
      'p-kv_4-1',
      'kv_4',
      'cluster-kv_4',
    ]);
    assert.deepEqual(aliasesToRestore(null, 'abc'), []);
  });

  test('durability carries forward every acknowledged key once, minus those already reported lost', () => {
    const w = (key: string) => ({ key, value: `v-${key}`, writer: 'kv_0' });
    assert.deepEqual(
      carryForward([w('a'), w('b'), w('a'), w('c')], new Set(['b'])).map((x) => x.key),
      ['a', 'c'],
    );
  });
});

describe('fault inputs', () => {
  const base = { servers: 'http://localhost:8080,http://localhost:8082' };
  test('defaults: no faults; restart-target is the default target', () => {
    assert.deepEqual(optionsFrom(base).faults, {
      specs: [],
      schedule: 'sequence',
      targets: [],
      groups: [],
      durationMs: 3000,
      partitionNetworks: [],
      timeline: [],
      shrink: 0,
      shrinkBudgetMs: 600_000,
      livenessTimeoutMs: 10_000,
    });
    const o = optionsFrom({
      ...base,
      faults: 'kill\ndisconnect',
      'restart-target': 'kv_4',
      'fault-duration': '1.5',
      'partition-networks': 'cluster',
    });
    assert.deepEqual(o.faults, {
      specs: [
        { kind: 'kill', name: 'kill' },
        { kind: 'disconnect', name: 'disconnect' },
      ],
      schedule: 'sequence',
      targets: ['kv_4'],
      groups: [['kv_4']],
      durationMs: 1500,
      partitionNetworks: ['cluster'],
      timeline: [],
      shrink: 0,
      shrinkBudgetMs: 600_000,
      livenessTimeoutMs: 10_000,
    });
    assert.deepEqual(optionsFrom({ ...base, faults: 'stop', 'fault-targets': 'kv_0, kv_2', 'restart-target': 'kv_4' }).faults.targets, [
      'kv_0',
      'kv_2',
    ]);
  });

  test('partition-networks applies to disconnect only; cluster-wide partitions need no targets', () => {
    assert.throws(
      () => optionsFrom({ ...base, faults: 'partition', 'fault-targets': 'kv_4', 'partition-networks': 'cluster' }),
      /partition-networks.*applies to the disconnect fault only/s,
    );
    assert.deepEqual(optionsFrom({ ...base, faults: 'partition:halves' }).faults.groups, []);
    assert.throws(() => optionsFrom({ ...base, faults: 'partition:one-way' }), /fault-targets/);
  });

  test('groups: services joined by +, groups by commas or newlines; targets lists every service once', () => {
    const f = optionsFrom({ ...base, faults: 'pause', 'fault-targets': 'kv_2 + kv_4, kv_0\nkv_4+kv_0\nkv_2+kv_4' }).faults;
    assert.deepEqual(f.groups, [['kv_2', 'kv_4'], ['kv_0'], ['kv_4', 'kv_0']], 'the same group twice runs once');
    assert.deepEqual(f.targets, ['kv_2', 'kv_4', 'kv_0']);
  });

  test('a group with an empty name or a service named twice is reported, naming fault-targets and the fix', () => {
    for (const [text, message, fix] of [
      ['kv_2+', /'kv_2\+' has an empty name beside a '\+'/, /e\.g\. etcd_1\+etcd_2/],
      ['kv_0, +kv_4', /'\+kv_4' has an empty name/, /separate groups with commas or newlines/],
      ['kv_2+kv_4+kv_2', /'kv_2\+kv_4\+kv_2' names kv_2 more than once/, /e\.g\. kv_2\+kv_4\./],
    ] as const) {
      try {
        optionsFrom({ ...base, faults: 'pause', 'fault-targets': text });
        assert.fail(`expected an InputError for ${text}`);
      } catch (error) {
        assert.ok(error instanceof InputError, String(error));
        const [p] = error.problems.filter((x) => x.input === 'fault-targets');
        assert.match(p!.message, message);
        assert.match(p!.fix, fix);
      }
    }
  });

  test('unknown fault names, missing targets and a bad duration are all reported', () => {
    try {
      optionsFrom({ ...base, faults: 'kill,nuke,unplug', 'fault-duration': '0', 'fault-schedule': 'chaos' });
      assert.fail('expected an InputError');
    } catch (error) {
      assert.ok(error instanceof InputError);
      const byInput = new Map(error.problems.map((p) => [p.input, p]));
      assert.deepEqual(
        error.problems.filter((p) => p.input === 'faults').map((p) => p.message),
        ["'nuke' is not a fault.", "'unplug' is not a fault."],
      );
      // Every kind of the registry, each as `faults` may write it.
      assert.match(
        byInput.get('faults')!.fix,
        new RegExp(
          /restart, stop, kill, pause, partition\[:halves\|majorities-ring\|bridge\|one-way\], /.source +
            /disconnect, loss\[:P%\], latency:MS\[\/JITTER\], clock\[:±Ns\]/.source,
        ),
      );
      assert.match(byInput.get('fault-schedule')!.message, /'chaos' is not a fault schedule/);
      assert.match(byInput.get('fault-targets')!.message, /is empty/);
      assert.match(byInput.get('fault-duration')!.message, /'0' is not a number of seconds/);
    }
  });
});

// ---------------------------------------------------------------------------------------------------------------
// An in-memory cluster: writes replicate at once to every node that is up and connected.

type NodeState = 'up' | 'down' | 'paused' | 'cut';
interface Behaviour {
  /** A cut-off node answers 503 (healthy) or serves its stale store (stale-partition). */
  readonly cut?: 'refuse' | 'stale' | 'unreachable';
  /** A healed node does not catch up. */
  readonly noHeal?: boolean;
  /** A kill loses the writes the node acknowledged just before it (not yet replicated). */
  readonly loseOnKill?: boolean;
  /** Every write is refused, even after healing (a cluster that never takes writes again). */
  readonly refuseWrites?: boolean;
  /**
   * A quorum store: without a majority up, writes and reads time out; a timed-out write may still be committed
   * once the majority is back.
   */
  readonly quorum?: boolean;
}

function memoryCluster(b: Behaviour = {}) {
  const stores = new Map(NODES.map((n) => [n.url, new Map<string, string>()]));
  const state = new Map<string, NodeState>(NODES.map((n) => [n.url, 'up']));
  const held = new Map<string, string[]>(); // writes a cut-off or lossy node has not passed on yet
  const limbo = new Map<string, string>(); // writes refused for want of a quorum, committed after all on healing
  const timedOut: HttpOutcome = { ok: false, error: 'timed out after 1000 ms', durationMs: 1000 };
  const noQuorum = (): boolean => b.quorum === true && [...state.values()].filter((s) => s === 'up').length < 2;
  const ans = (status: number, body = ''): HttpOutcome => ({ ok: true, status, body: Buffer.from(body), truncated: false, durationMs: 1 });
  const refused: HttpOutcome = { ok: false, error: 'connection refused', durationMs: 1 };
  const reachable = (url: string): HttpOutcome | undefined => {
    const s = state.get(url);
    if (s === 'down' || s === 'paused') return refused;
    if (s === 'cut' && b.cut === 'unreachable') return refused;
    if (s === 'cut' && (b.cut ?? 'refuse') === 'refuse') return ans(503, 'isolated');
    return undefined;
  };
  const api: KvApi = {
    codec: valueCodec('text'),
    async write(url, key, value) {
      const r = reachable(url);
      if (r) return writeOutcome(r, REFUSALS);
      if (b.refuseWrites) return { acked: false, result: 'refused', outcome: ans(503, 'no quorum') };
      if (noQuorum()) {
        limbo.set(key, value);
        return writeOutcome(timedOut, REFUSALS);
      }
      stores.get(url)!.set(key, value);
      const lossy = b.loseOnKill && key.includes('-pre-') && url === 'http://n2';
      if (state.get(url) === 'cut' || lossy) held.set(url, [...(held.get(url) ?? []), key]);
      else for (const [u, s] of stores) if (state.get(u) === 'up') s.set(key, value);
      return writeOutcome(ans(200, 'ok'), REFUSALS);
    },
    async read(url, key) {
      const r = reachable(url);
      if (r) return { outcome: r, value: undefined };
      if (noQuorum()) return { outcome: timedOut, value: undefined };
      const v = stores.get(url)!.get(key);
      return v === undefined ? { outcome: ans(404), value: null } : { outcome: ans(200, v), value: Buffer.from(v) };
    },
    async probe(url) {
      return reachable(url) ?? ans(404);
    },
  };
  const catchUp = (url: string): void => {
    if (b.noHeal) return;
    for (const [u, s] of stores) if (u !== url) for (const [k, v] of s) stores.get(url)!.set(k, v);
    for (const k of held.get(url) ?? []) for (const s of stores.values()) s.set(k, stores.get(url)!.get(k)!);
    held.delete(url);
    if (!noQuorum()) for (const [k, v] of limbo) for (const s of stores.values()) s.set(k, v);
  };
  const calls: string[] = [];
  const actions: FaultActions = {
    applyGrudges: async () => ({ ok: false, detail: 'no cluster-wide partitions in the memory cluster' }),
    async apply(spec, service) {
      const kind = spec.kind;
      const url = NODES.find((n) => n.service === service)!.url;
      calls.push(`apply ${kind}${service === 'kv_4' ? '' : ` ${service}`}`);
      const to: Partial<Record<FaultKind, NodeState>> = { restart: 'down', stop: 'down', kill: 'down', pause: 'paused', partition: 'cut' };
      state.set(url, to[kind]!);
      if (kind === 'kill' && b.loseOnKill) {
        for (const k of held.get(url) ?? []) stores.get(url)!.delete(k);
        held.delete(url);
      }
      return {
        ok: true,
        fault: {
          description: `${kind} ${service}`,
          heal: async () => {
            calls.push(`heal ${kind}${service === 'kv_4' ? '' : ` ${service}`}`);
            state.set(url, 'up');
            catchUp(url);
            return { ok: true, detail: 'healed' };
          },
        },
      };
    },
  };
  return { api, actions, calls, state, stores, limbo };
}

function cap(s: string): string {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

function context(api: KvApi, signal = new AbortController().signal, claim: ConsistencyModel = 'eventual'): CheckContext {
  const options = optionsFrom({
    servers: 'http://n0,http://n1,http://n2',
    'convergence-timeout': '0.3',
    'startup-timeout': '1',
    'request-timeout': '1',
  });
  return checkContext(api, NODES, { limits: options.limits, signal, claim });
}

async function cycle(
  kind: FaultKind,
  b: Behaviour = {},
  extra: { mark?: ObserveOptions['mark']; api?: (api: KvApi) => KvApi; services?: string[]; claim?: ConsistencyModel } = {},
) {
  const services = extra.services ?? ['kv_4'];
  const m = memoryCluster(b);
  const active = new ActiveFaults();
  const [step] = planFaults({ specs: specsOf([kind]), groups: [services], nodes: NODES });
  const earlier = [{ key: 'early', value: 'v-early', writer: 'kv_0' }];
  for (const s of m.stores.values()) s.set('early', 'v-early');
  const api = extra.api ? extra.api(m.api) : m.api;
  const out = await runFaultCycle(context(api, undefined, extra.claim), step!, {
    actions: m.actions,
    active,
    durationMs: 50,
    earlier,
    sinceStart: () => performance.now(),
    ...(extra.mark ? { mark: extra.mark } : {}),
  });
  return { ...out, m, active, byId: new Map(out.checks.map((c) => [c.id, c])) };
}

describe('fault cycle', () => {
  for (const kind of ['restart', 'stop', 'kill', 'pause', 'partition'] as const) {
    test(`${kind}: a healthy cluster passes and the fault is healed`, async () => {
      const r = await cycle(kind);
      assert.equal(r.report.verdict, 'passed', JSON.stringify(r.checks.filter((c) => c.status === 'failed')));
      assert.deepEqual(r.m.calls, [`apply ${kind}`, `heal ${kind}`]);
      assert.equal(r.active.size, 0);
      assert.equal(r.byId.get(`fault:${kind}:kv_4:catch-up:kv_4`)?.status, 'passed');
      assert.equal(r.byId.get(`fault:${kind}:kv_4:durability:kv_4`)?.status, 'passed');
      assert.equal(r.byId.get(`fault:${kind}:kv_4:recovery:kv_4`)?.status, 'passed');
      assert.equal(typeof r.report.recoveryMs, 'number');
      assert.equal(typeof r.report.catchUpMs, 'number');
      assert.ok(r.report.writesAccepted >= 2);
      assert.deepEqual(r.report.lostKeys, []);
      if (kind !== 'restart') assert.ok((r.report.heldMs ?? 0) >= 45, 'held for the fault duration');
    });
  }

  test('partition of a node that refuses while cut off: availability loss, not a failure', async () => {
    const r = await cycle('partition', { cut: 'refuse' });
    assert.equal(r.report.verdict, 'passed');
    assert.equal(r.report.writesRefused, 1);
    assert.equal(r.report.availability, 'partial');
    assert.deepEqual(r.report.refusedBy, ['kv_4']);
    assert.equal(r.byId.get('fault:partition:kv_4:converge:kv_4')?.status, 'skipped');
  });

  test(
    'kill that loses an acknowledged write: durability fails on every node, naming the key; ' + 'lost on the node that acknowledged it',
    async () => {
      const r = await cycle('kill', { loseOnKill: true });
      assert.equal(r.report.verdict, 'failed');
      assert.equal(r.report.lostKeys.length, 1);
      const [key] = r.report.lostKeys;
      assert.match(key!, /-pre-/);
      for (const node of ['kv_0', 'kv_2', 'kv_4']) {
        const c = r.byId.get(`fault:kill:kv_4:durability:${node}`)!;
        assert.equal(c.status, 'failed');
        assert.equal(c.service, node);
        assert.ok(c.detail.includes(key!), c.detail);
        // kv_4 acknowledged the write and no longer has it: lost. The others never returned it: missing.
        assert.equal(
          c.title,
          node === 'kv_4' ? `Kill kv_4: kv_4 lost 1 acknowledged write(s)` : `Kill kv_4: ${node} is missing 1 acknowledged write(s)`,
        );
      }
      assert.deepEqual(r.lost, r.report.lostKeys);
    },
  );

  test('partition without healing: the node never catches up', async () => {
    const r = await cycle('partition', { cut: 'unreachable', noHeal: true });
    const c = r.byId.get('fault:partition:kv_4:catch-up:kv_4')!;
    assert.equal(c.status, 'failed');
    assert.equal(c.title, 'Partition kv_4: kv_4 never caught up with 2 write(s) made while it was away');
    assert.equal(r.report.catchUpMs, undefined);
  });

  test('partition of a node that serves stale data: fails under linearizable, reported and held to catch-up below it', async () => {
    const strict = await cycle('partition', { cut: 'stale' }, { claim: 'linearizable' });
    const c = strict.byId.get('fault:partition:kv_4:converge:kv_4')!;
    assert.equal(c.status, 'failed');
    assert.equal(c.title, 'Partition kv_4: kv_4 kept serving stale data while kv_4 was partitioned');
    assert.match(c.detail, /Under consistency: linearizable a node that cannot get new writes must refuse reads/);
    assert.deepEqual(strict.report.staleNodes, ['kv_4']);
    assert.equal(strict.report.convergenceMs, null);
    // Its own write made while cut off reaches the others after healing.
    assert.equal(strict.byId.get('fault:partition:kv_4:after-heal:kv_0')?.status, 'passed');

    for (const claim of ['eventual', 'causal', 'sequential'] as const) {
      const weak = await cycle('partition', { cut: 'stale' }, { claim });
      assert.equal(weak.report.verdict, 'passed', JSON.stringify(weak.checks.filter((x) => x.status === 'failed')));
      const own = weak.byId.get('fault:partition:kv_4:converge:kv_4')!;
      assert.equal(own.status, 'passed');
      assert.equal(own.title, 'Partition kv_4: kv_4 answered from its own copy while kv_4 was partitioned');
      assert.match(own.detail, new RegExp(`Allowed under consistency: ${claim}`));
      assert.deepEqual(weak.report.staleNodes, []);
      assert.deepEqual(
        weak.report.servedStale?.map((x) => [x.node, x.keys.length]),
        [['kv_4', 2]],
      );
      assert.ok(weak.report.servedStale![0]!.staleForMs >= 250, 'seen stale for the convergence timeout');
      // Healed, it must catch up with everything it missed: that is still judged.
      assert.equal(weak.byId.get('fault:partition:kv_4:catch-up:kv_4')?.status, 'passed');
    }
  });

  for (const kind of ['pause', 'partition', 'stop'] as const) {
    test(`${kind} of two of three quorum members: every write refused is availability loss, not data loss`, async () => {
      const r = await cycle(kind, { quorum: true, cut: 'unreachable' }, { services: ['kv_2', 'kv_4'] });
      assert.equal(r.report.verdict, 'passed', JSON.stringify(r.checks.filter((c) => c.status === 'failed')));
      assert.equal(r.report.target, 'kv_2+kv_4');
      assert.equal(r.report.availability, 'none');
      assert.equal(r.report.writesAccepted, 0);
      assert.equal(r.report.writesRefused, kind === 'partition' ? 3 : 1);
      assert.deepEqual(r.report.lostKeys, []);
      assert.equal(r.report.convergenceMs, undefined, 'nothing accepted, nothing to converge');
      assert.deepEqual(r.m.calls.slice(0, 2).sort(), [`apply ${kind}`, `apply ${kind} kv_2`]);
      assert.deepEqual(r.m.calls.slice(2).sort(), [`heal ${kind}`, `heal ${kind} kv_2`]);
      assert.equal(r.active.size, 0);
      // The timed-out write was committed after all on healing; it is neither expected nor held against anyone.
      assert.ok(r.m.limbo.size >= 1);
      assert.ok([...r.m.limbo.keys()].every((k) => !r.acked.some((w) => w.key === k)));
      const p = `fault:${kind}:kv_2+kv_4`;
      assert.equal(r.byId.get(`${p}:writable`)?.status, 'passed');
      assert.match(
        r.byId.get(`${p}:writable`)!.detail,
        /^Every write was refused while kv_2 and kv_4 were (paused|partitioned|stopped) \(availability loss\); kv_0 acknowledged one /,
      );
      for (const node of ['kv_2', 'kv_4']) {
        assert.equal(r.byId.get(`${p}:recovery:${node}`)?.status, 'passed', node);
        assert.equal(r.byId.get(`${p}:catch-up:${node}`)?.status, 'passed', node);
        assert.equal(r.byId.get(`${p}:catch-up:${node}`)?.title, `${cap(kind)} kv_2+kv_4: ${node} caught up after healing`);
      }
      for (const node of ['kv_0', 'kv_2', 'kv_4']) assert.equal(r.byId.get(`${p}:durability:${node}`)?.status, 'passed', node);
      assert.equal(new Set(r.checks.map((c) => c.id)).size, r.checks.length, 'check ids are unique');
      assert.equal(typeof r.report.catchUpMs, 'number');
    });
  }

  test('a cluster that still refuses every write after healing fails, naming what it answered', async () => {
    const r = await cycle('pause', { refuseWrites: true });
    assert.equal(r.report.availability, 'none');
    assert.equal(r.report.writesAccepted, 0);
    assert.equal(r.report.verdict, 'failed');
    const c = r.byId.get('fault:pause:kv_4:writable')!;
    assert.equal(c.status, 'failed');
    assert.equal(c.title, 'Pause kv_4: writes are still refused after healing');
    assert.match(c.detail, /still none of kv_0, kv_2, kv_4 acknowledged one within 1 s after healing .*HTTP 503/);
    assert.equal(r.byId.get('fault:pause:kv_4:catch-up:kv_4')?.status, 'skipped');
    assert.deepEqual(r.report.lostKeys, []);
  });

  test('a group whose members never catch up fails on each of them; durability still holds', async () => {
    const r = await cycle('stop', { noHeal: true }, { services: ['kv_2', 'kv_4'] });
    assert.equal(r.report.verdict, 'failed');
    assert.equal(r.report.availability, 'full');
    for (const node of ['kv_2', 'kv_4']) {
      const c = r.byId.get(`fault:stop:kv_2+kv_4:catch-up:${node}`)!;
      assert.equal(c.status, 'failed');
      assert.equal(c.service, node);
      assert.match(c.detail, new RegExp(`written while kv_2 and kv_4 were stopped`));
    }
    assert.equal(r.byId.get('fault:stop:kv_2+kv_4:catch-up:kv_0'), undefined, 'a live node has nothing to catch up on');
  });

  test('a group whose fault applies to one service but not the other heals the one and fails', async () => {
    const m = memoryCluster();
    const active = new ActiveFaults();
    const [step] = planFaults({ specs: specsOf(['pause']), groups: [['kv_2', 'kv_4']], nodes: NODES });
    const actions: FaultActions = {
      ...m.actions,
      apply: async (kind, service) =>
        service === 'kv_4' ? { ok: false, detail: 'compose pause kv_4 failed: no such service' } : m.actions.apply(kind, service),
    };
    const r = await runFaultCycle(context(m.api), step!, { actions, active, durationMs: 10, earlier: [], sinceStart: () => 0 });
    const c = r.checks.find((x) => x.id === 'fault:pause:kv_2+kv_4:apply')!;
    assert.equal(c.status, 'failed');
    assert.equal(c.detail, 'Pause of kv_2+kv_4 failed: kv_4: compose pause kv_4 failed: no such service.');
    assert.deepEqual(m.calls, ['apply pause kv_2', 'heal pause kv_2']);
    assert.equal(m.state.get('http://n1'), 'up');
    assert.equal(active.size, 0);
  });

  test('the fault is healed even when a check throws', async () => {
    const active = new ActiveFaults();
    const [step] = planFaults({ specs: specsOf(['pause']), groups: [['kv_4']], nodes: NODES });
    const m = memoryCluster();
    const throwing: KvApi = {
      ...m.api,
      write: async (url, key, value) =>
        m.state.get('http://n2') === 'paused' ? Promise.reject(new Error('boom')) : m.api.write(url, key, value),
    };
    await assert.rejects(
      runFaultCycle(context(throwing), step!, { actions: m.actions, active, durationMs: 10, earlier: [], sinceStart: () => 0 }),
      /boom/,
    );
    assert.deepEqual(m.calls, ['apply pause', 'heal pause']);
    assert.equal(m.state.get('http://n2'), 'up');
    assert.equal(active.size, 0);
  });

  test('a workload running through the fault hears when it began to hold and when it was healed', async () => {
    const seen: string[] = [];
    const r = await cycle('pause', {}, { mark: (e, step) => seen.push(`${e} ${step.kind} ${step.target}`) });
    // Marked once the fault was applied, and again once it was healed.
    assert.deepEqual(seen, ['start pause kv_4', 'stop pause kv_4']);
    assert.equal(r.report.verdict, 'passed');
  });

  test('heal runs once however many callers ask; healAll heals what is still held', async () => {
    const active = new ActiveFaults();
    let heals = 0;
    const heal = active.add('pause kv_4', async () => {
      heals++;
      await new Promise((r) => setTimeout(r, 10));
      return { ok: true, detail: 'unpaused' };
    });
    const [a, all] = await Promise.all([heal(), active.healAll()]);
    assert.equal(heals, 1);
    assert.equal(a.ok, true);
    assert.deepEqual(
      all.map((x) => x.label),
      ['pause kv_4'],
    );
    assert.equal(active.size, 0);
    assert.deepEqual(await active.healAll(), []);
  });

  test('an apply that fails is a failed check and nothing is held', async () => {
    const m = memoryCluster();
    const active = new ActiveFaults();
    const [step] = planFaults({ specs: specsOf(['partition']), groups: [['kv_4']], nodes: NODES });
    const actions: FaultActions = {
      apply: async () => ({ ok: false, detail: 'kv_4 is not attached to backend', input: 'partition-networks' }),
      applyGrudges: async () => ({ ok: false, detail: 'unused' }),
    };
    const r = await runFaultCycle(context(m.api), step!, { actions, active, durationMs: 10, earlier: [], sinceStart: () => 0 });
    assert.equal(r.checks.find((c) => c.id === 'fault:partition:kv_4:apply')?.status, 'failed');
    assert.deepEqual(r.inputProblem, { input: 'partition-networks', message: 'kv_4 is not attached to backend' });
    assert.equal(active.size, 0);
  });
});

describe('fault report', () => {
  test('one table per fault, untrusted text escaped', () => {
    const result = {
      faults: [
        {
          kind: 'kill',
          target: 'kv_4|<b>',
          action: 'compose kill',
          beganMs: 1000,
          healedMs: 3000,
          heldMs: 2000,
          writesAccepted: 2,
          writesRefused: 1,
          refusedBy: ['kv_4'],
          availability: 'partial',
          convergenceMs: 12,
          recoveryMs: 400,
          catchUpMs: 40,
          staleNodes: [],
          lostKeys: ['k1'],
          verdict: 'failed',
          checkIds: [],
        },
      ],
    } as unknown as RunResult;
    const text = renderFaultTables(result).join('\n');
    assert.match(text, /### Faults/);
    assert.match(
      text,
      /\| Kind \| Target \| Held for \| Writes accepted \/ refused \| Convergence while held \| Recovery \| Catch-up \| Verdict \|/,
    );
    assert.match(text, /\| kill \| kv_4&#124;&lt;b&gt; \| 2\.00 s \| 2 \/ 1 \| 12 ms \| 400 ms \| 40 ms \| ❌ failed \|/);
    assert.match(text, /Lost acknowledged keys: k1/);
    assert.doesNotMatch(text, /<b>/);
    assert.deepEqual(renderFaultTables({} as RunResult), []);
  });
});

/** One fault as the suite runs it: observed by the driver, then judged. */
async function runFaultCycle(ctx: CheckContext, step: FaultStep, opts: ObserveOptions) {
  const judged = judgeFault(await observeFault(ctx, step, opts), ctx.limits, ctx.claim);
  return { ...judged, lost: judged.report.lostKeys };
}
