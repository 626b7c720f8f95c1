// Explicit fault schedules: the line syntax both ways (parse(format(x)) is x), every bad line an input error naming
// it, the inputs around it (workload needed, faults and fault-targets empty, shrink only with a schedule), the
// windows planned from lines, the replay command line, the check families a shrink holds reruns to, the output.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { formatSchedule, parseSchedule, isExplicitSchedule, type ScheduleEntry } from '../../src/faults/schedule.js';
import { planTimeline, planWindows, windowsAsSchedule } from '../../src/faults/nemesis.js';
import { planFaults } from '../../src/faults/plan.js';
import { parseFaultSpecs } from '../../src/faults/kinds/index.js';
import { InputError } from '../../src/inputs/errors.js';
import { optionsFrom } from '../support/options.js';
import { replayRecord, shellQuote } from '../../src/host/replay.js';
import { readRawInputs } from '../../src/inputs/list.js';
import { checkFamily, targetFamily } from '../../src/engine/schedule-phase.js';
import { outputsOf } from '../../src/host/outputs.js';
import { emptyResult } from '../../src/model/empty.js';
import { makeCheck } from '../../src/model/check.js';
import { seededRandom } from '../../src/core/random.js';
import type { NodeInfo } from '../../src/model/result.js';

const nodes: NodeInfo[] = ['kv_0', 'kv_2', 'kv_4'].map((s, i) => ({
  url: `http://localhost:${8080 + i}`,
  label: s,
  service: s,
  mapping: 'test',
}));

function problemsOf(fn: () => unknown): readonly { input: string; message: string; fix: string }[] {
  try {
    fn();
  } catch (error) {
    if (error instanceof InputError) return error.problems;
    throw error;
  }
  return [];
}

describe('schedule lines', () => {
  test('lines with decimals, faults with parameters, groups and cluster-wide partitions parse', () => {
    const { entries, problems } = parseSchedule(
      'at 1s pause kv_2 for 5s; at 2.25s loss:30% kv_0+kv_4 for 0.5s\n\n' +
        'at 0s partition:halves cluster for 3s;at 4s latency:200/50 kv_2 for 1s',
    );
    assert.deepEqual(problems, []);
    assert.deepEqual(
      entries.map((e) => [e.atMs, e.spec.name, e.services, e.forMs]),
      [
        [1000, 'pause', ['kv_2'], 5000],
        [2250, 'loss:30%', ['kv_0', 'kv_4'], 500],
        [0, 'partition:halves', [], 3000],
        [4000, 'latency:200/50', ['kv_2'], 1000],
      ],
    );
    assert.equal(
      formatSchedule(entries),
      'at 0s partition:halves cluster for 3s\nat 1s pause kv_2 for 5s\n' +
        'at 2.25s loss:30% kv_0+kv_4 for 0.5s\nat 4s latency:200/50 kv_2 for 1s',
    );
    assert.ok(isExplicitSchedule('  at 1s kill kv_0 for 1s') && !isExplicitSchedule('random'));
  });

  test('parse(format(x)) is x, for random schedules of every fault kind', () => {
    const { specs } = parseFaultSpecs([
      'kill',
      'pause',
      'stop',
      'restart',
      'partition',
      'partition:one-way',
      'partition:bridge',
      'loss:12%',
      'latency:30',
      'clock:-5s',
      'disconnect',
    ]);
    const random = seededRandom(7);
    for (let round = 0; round < 50; round++) {
      const entries: ScheduleEntry[] = Array.from({ length: 1 + Math.floor(random() * 6) }, () => {
        const spec = specs[Math.floor(random() * specs.length)]!;
        const wide = spec.topology !== undefined && spec.topology !== 'one-way';
        const services = wide ? [] : ['kv_0', 'kv_2', 'kv_4'].filter(() => random() < 0.5);
        return {
          atMs: Math.floor(random() * 100_000),
          spec,
          services: services.length > 0 || wide ? services : ['kv_2'],
          forMs: 1 + Math.floor(random() * 9999),
        };
      });
      const sorted = [...entries].sort((a, b) => a.atMs - b.atMs);
      for (const sep of ['\n', '; ']) assert.deepEqual(parseSchedule(formatSchedule(entries, sep)).entries, sorted);
    }
  });

  test('every bad line is one problem that names it and says how to write it', () => {
    const bad = [
      ['at 1 pause kv_2 for 5s', /'1' is not a start time/],
      ['at 1s pause kv_2 for 0s', /'0s' is not a duration/],
      ['at 1s pause kv_2 for -2s', /'-2s' is not a duration/],
      ['at 1s pause kv_2 for 4000s', /'4000s' is not a duration/],
      ['at 1s nuke kv_2 for 5s', /'nuke' is not a fault/],
      ['at 1s loss:300% kv_2 for 5s', /loss/],
      ['at 1s pause cluster for 5s', /acts on services, not on the whole cluster/],
      ['at 1s partition:halves kv_2 for 5s', /splits the whole cluster/],
      ['at 1s pause kv_2+ for 5s', /empty name/],
      ['at 1s pause kv_2+kv_2 for 5s', /more than once/],
      ['pause kv_2 at 1s for 5s', /is not a schedule line/],
      ['at 1s pause kv_2 5s', /is not a schedule line/],
    ] as const;
    for (const [line, why] of bad) {
      const { entries, problems } = parseSchedule(`at 0s kill kv_0 for 1s; ${line}`);
      assert.equal(entries.length, 1, line);
      assert.equal(problems.length, 1, line);
      assert.equal(problems[0]!.line, line);
      assert.match(problems[0]!.message, why, line);
      assert.ok(problems[0]!.fix.length > 10, line);
    }
  });
});

describe('fault-schedule lines as inputs', () => {
  const base = { servers: 'http://localhost:8080,http://localhost:8082', workload: 'register' };

  test('the lines become the faults, their services the targets, and the schedule explicit', () => {
    const f = optionsFrom({
      ...base,
      'fault-schedule': 'at 1s pause kv_2 for 5s\nat 2s kill kv_0+kv_2 for 1s\nat 3s pause kv_4 for 1s',
    }).faults;
    assert.equal(f.schedule, 'explicit');
    assert.deepEqual(
      f.specs.map((s) => s.name),
      ['pause', 'kill'],
    );
    assert.deepEqual(f.targets, ['kv_2', 'kv_0', 'kv_4']);
    assert.equal(f.timeline.length, 3);
  });

  test('an invalid line is an input error of fault-schedule naming the line; so is a schedule without a workload', () => {
    const p = problemsOf(() => optionsFrom({ ...base, 'fault-schedule': 'at 1s pause kv_2 for 5s; at 2s kill kv_0 for soon' }));
    assert.equal(p.length, 1);
    assert.equal(p[0]!.input, 'fault-schedule');
    assert.match(p[0]!.message, /^line 'at 2s kill kv_0 for soon' 'soon' is not a duration/);
    const none = problemsOf(() => optionsFrom({ servers: base.servers, 'fault-schedule': 'at 1s pause kv_2 for 5s' }));
    assert.match(none.find((x) => x.input === 'fault-schedule')!.message, /explicit schedule runs the faults against the workload clock/);
  });

  test('faults and fault-targets must stay empty beside lines; shrink needs a schedule against the workload clock', () => {
    const p = problemsOf(() =>
      optionsFrom({ ...base, 'fault-schedule': 'at 1s pause kv_2 for 5s', faults: 'kill', 'fault-targets': 'kv_0' }),
    );
    assert.deepEqual(p.map((x) => x.input).sort(), ['fault-targets', 'faults']);
    const s = problemsOf(() => optionsFrom({ ...base, faults: 'kill', 'fault-targets': 'kv_0', shrink: '10' }));
    assert.equal(s[0]!.input, 'shrink');
    const ok = optionsFrom({
      ...base,
      faults: 'kill',
      'fault-targets': 'kv_0',
      'fault-schedule': 'random',
      shrink: '10',
      'shrink-budget': '60',
    });
    assert.equal(ok.faults.shrink, 10);
    assert.equal(ok.faults.shrinkBudgetMs, 60_000);
    assert.equal(optionsFrom({ ...base, 'liveness-timeout': '0' }).faults.livenessTimeoutMs, 0);
    assert.equal(problemsOf(() => optionsFrom({ ...base, 'liveness-timeout': 'soon' }))[0]!.input, 'liveness-timeout');
  });
});

describe('windows from lines', () => {
  test('one window per line in line order; a fault on one target twice is numbered across the schedule', () => {
    const { entries } = parseSchedule('at 4s kill kv_2 for 1s; at 1s kill kv_2 for 1s; at 2s partition:halves cluster for 2s');
    const windows = planTimeline(entries, nodes);
    assert.deepEqual(
      windows.map((w) => [w.step.idPrefix, w.startMs, w.endMs]),
      [
        ['fault:kill:kv_2', 4000, 5000],
        ['fault:kill:kv_2#2', 1000, 2000],
        ['fault:partition:halves:cluster', 2000, 4000],
      ],
    );
    assert.equal(windows[2]!.step.services.length, 3, 'a cluster-wide partition splits every service');
    assert.deepEqual(windowsAsSchedule(windows), entries);
  });

  test('a random schedule prints itself as lines that plan the same windows', () => {
    const { specs } = parseFaultSpecs(['kill', 'pause']);
    const steps = planFaults({ specs, groups: [['kv_0'], ['kv_2']], nodes });
    const { windows } = planWindows(steps, 20_000, 3000, 99);
    const lines = formatSchedule(windowsAsSchedule(windows), '; ');
    const again = planTimeline(parseSchedule(lines).entries, nodes);
    assert.deepEqual(
      again.map((w) => [w.step.spec.name, w.step.target, w.startMs, w.endMs]),
      windows.map((w) => [w.step.spec.name, w.step.target, w.startMs, w.endMs]),
    );
  });
});

describe('replay', () => {
  const raw = readRawInputs(
    (name) =>
      ({
        servers: 'http://localhost:8080\nhttp://localhost:8082',
        workload: 'register',
        faults: 'kill,pause',
        'fault-targets': 'kv_0',
        'fault-schedule': 'random',
        headers: 'Authorization: Bearer s3cret',
        seed: '42',
        shrink: '20',
        'working-directory': "it's here",
      })[name as string],
  );

  test('the command has the seed, the schedule as lines, every non-default input, and no secret', () => {
    const r = replayRecord(raw, 42, 'at 1s kill kv_0 for 3s; at 2s pause kv_0 for 3s');
    assert.equal(
      r.command,
      'replicheck run --no-config --seed 42 --servers http://localhost:8080 --servers http://localhost:8082 ' +
        "--working-directory 'it'\\''s here' " +
        "--workload register --fault-schedule 'at 1s kill kv_0 for 3s; at 2s pause kv_0 for 3s'",
    );
    assert.deepEqual(r.omitted, ['headers']);
    assert.ok(!r.command!.includes('s3cret'));
    // A sequence run keeps its faults as they were.
    assert.match(replayRecord(raw, 42, undefined).command!, /--faults kill,pause --fault-targets kv_0 --fault-schedule random/);
    assert.equal(shellQuote('kv_0+kv_2'), 'kv_0+kv_2');
  });
});

describe('check families and the output', () => {
  test('ids lose what names a key, a node or a target; lost or stale data comes before liveness and faults', () => {
    assert.equal(checkFamily('workload:linearizable:2'), 'workload:linearizable');
    assert.equal(checkFamily('workload:eventual:0'), 'workload:eventual');
    assert.equal(checkFamily('workload:model:causal'), 'workload:model:causal');
    assert.equal(checkFamily('liveness:kv_2'), 'liveness');
    assert.equal(checkFamily('fault:kill:kv_2#2:recovery:kv_2'), 'fault:recovery');
    const check = (id: string, kind: string) => makeCheck({ id, kind, status: 'failed', said: { title: id, detail: '' } });
    assert.equal(
      targetFamily([check('liveness:kv_0', 'liveness'), check('workload:model:read-your-writes', 'workload')]),
      'workload:model:read-your-writes',
    );
    assert.equal(targetFamily([check('fault:kill:kv_0:recovery:kv_0', 'recovery'), check('liveness:kv_0', 'liveness')]), 'liveness');
  });

  test('minimal-schedule is the shrunk schedule, empty without a shrink', () => {
    const result = emptyResult('0.0.0', [], '2024-01-01T00:00:00.000Z');
    assert.equal(outputsOf(result, '')['minimal-schedule'], '');
    const shrunk = { ...result, shrink: { minimal: 'at 1s kill kv_0 for 1s; at 1.5s pause kv_2 for 1s' } } as unknown as typeof result;
    assert.equal(outputsOf(shrunk, '')['minimal-schedule'], 'at 1s kill kv_0 for 1s; at 1.5s pause kv_2 for 1s');
  });
});

describe('the summary and the terminal', () => {
  const base = emptyResult('0.0.0', [], '2024-01-01T00:00:00.000Z');
  const liveness = makeCheck({
    id: 'liveness:kv_2',
    kind: 'liveness',
    status: 'failed',
    said: { title: 'Liveness: kv_2 did not acknowledge a fresh write', detail: 'kv_2 stays unavailable.' },
  });
  const safety = makeCheck({ id: 'workload:model:causal', kind: 'workload', status: 'failed', said: { title: 'Causal', detail: 'lost' } });
  const result = {
    ...base,
    verdict: 'failed' as const,
    project: { ...base.project, name: 'p' },
    checks: [safety, liveness],
    seed: 5,
    replay: {
      seed: 5,
      schedule: 'at 1s kill kv_0 for 1s; at 2s pause kv_2 for 1s',
      command: "replicheck run --seed 5 --fault-schedule '…'",
    },
    shrink: {
      family: 'workload:model:causal',
      original: 'at 1s kill kv_0 for 1s; at 2s pause kv_2 for 1s; at 3s pause kv_4 for 1s',
      minimal: 'at 1s kill kv_0 for 1s; at 1.5s pause kv_2 for 0.5s',
      originalFaults: 3,
      minimalFaults: 2,
      oneMinimal: true,
      reproduce: { k: 1, m: 2 },
      rate: { failed: 2, runs: 3 },
      reruns: 9,
      maxReruns: 20,
      elapsedMs: 120_000,
      budgetMs: 600_000,
      stoppedBy: 'done' as const,
      tried: [],
    },
  };

  test('liveness failures have their own section, apart from the failed safety checks; the shrink shows before and after', async () => {
    const { renderSummary } = await import('../../src/report/summary.js');
    const md = renderSummary(result);
    assert.match(md, /### ❌ Failed checks \(1 of 2\)/);
    assert.match(md, /### ⏳ Liveness \(1 failed\)/);
    assert.ok(md.indexOf('Causal') < md.indexOf('Liveness (1 failed)'));
    assert.match(md, /### 🔎 Minimal failing schedule/);
    assert.match(md, /3 fault\(s\) down to 2 in 9 of at most 20 reruns/);
    assert.match(md, /reproduced in 2 of 3 extra reruns; 1-minimal, proven/);
    assert.match(md, /at 1s kill kv_0 for 1s\nat 1.5s pause kv_2 for 0.5s/);
    assert.match(md, /\*\*Replay\*\* \(seed 5\)/);
  });

  test('the terminal says the same: the liveness label, the schedule, the shrink and the replay command', async () => {
    const { renderText } = await import('../../src/report/text.js');
    const text = renderText(result);
    assert.match(text, /Liveness: 1 node up after the faults healed/);
    assert.match(text, /Fault schedule\n {2}at 1s kill kv_0 for 1s\n {2}at 2s pause kv_2 for 1s/);
    assert.match(text, /Minimal failing schedule/);
    assert.match(text, /Replay: replicheck run --seed 5/);
  });
});
