// The concurrent workload end to end: the bundled action against the example cluster. The leader variant is
// linearizable and must pass `linearizable`; the default asynchronous variant serves stale reads, so it must fail
// `linearizable` with a stale-read witness, and still pass `eventual` (every node converges to a legal value).
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { runMainAndPost, errors, readReport, type StepRun } from '../support/runner.js';
import { needDocker, kvEnv, leavesNothing, uniqueProject } from '../support/docker.js';
import type { RunResult } from '../../src/model/result.js';
import { checkHistory, parseHistoryText } from '../../src/linearizability/index.js';

// Ports and project names of this file only, so it can run beside the other end-to-end files.
const PORTS = { KV_PORT_0: '18180', KV_PORT_2: '18182', KV_PORT_4: '18184' };
const SERVERS = 'http://localhost:18180,http://localhost:18182,http://localhost:18184';

function project(name: string): string {
  return uniqueProject('rc-work-wl', name);
}

// Short but enough: 8 clients on 2 keys for 2.5 s make a few thousand operations against the example; a write on
// one node followed by a read on another within the replication delay (a millisecond or two) happens hundreds of
// times in that span (see the measurement in the workload section of README.md).
function inputs(name: string, consistency: string): Record<string, string> {
  return {
    'working-directory': 'examples/kv',
    servers: SERVERS,
    'project-name': name,
    'startup-timeout': '60',
    'convergence-timeout': '5',
    'request-timeout': '2',
    workload: 'register',
    'workload-clients': '8',
    'workload-duration': '2.5',
    'workload-keys': '2',
    consistency,
  };
}

async function scenario(
  mode: string,
  consistency: string,
  extra: Record<string, string> = {},
): Promise<{ main: StepRun; result: RunResult }> {
  const name = project(`${mode}-${consistency}`);
  const { main } = await leavesNothing(name, () =>
    runMainAndPost({ ...inputs(name, consistency), ...extra }, { env: { ...kvEnv(mode), ...PORTS } }),
  );
  return { main, result: readReport(main) };
}

function historyOf(main: StepRun) {
  const path = main.outputs.history!;
  assert.ok(path.endsWith('.history.json') && existsSync(path), `history output ${path}`);
  const edn = path.replace(/\.json$/, '.edn');
  assert.ok(existsSync(edn));
  assert.match(readFileSync(edn, 'utf8'), /^\{:index 0, :type :invoke, :process \d+, :f :(read|write), :value \["replicheck-/);
  return parseHistoryText(readFileSync(path, 'utf8')).history;
}

describe('concurrent workload on the example cluster', () => {
  test('leader mode is linearizable', async (t) => {
    if (!needDocker(t)) return;
    const { main, result } = await scenario('leader', 'linearizable');
    assert.equal(main.code, 0, main.stdout);
    assert.deepEqual(errors(main), []);
    const w = result.workload!;
    assert.equal(w.consistency, 'linearizable');
    assert.deepEqual(
      w.keyResults.map((k) => k.verdict),
      ['linearizable', 'linearizable'],
    );
    assert.ok(w.operations.ok > 100, `only ${w.operations.ok} ok operations`);
    assert.deepEqual(
      w.perNode.map((n) => n.node),
      ['kv_0', 'kv_2', 'kv_4'],
    );
    assert.ok(result.phases.some((p) => p.name === 'workload' && p.status === 'ok'));
    const history = historyOf(main);
    assert.equal(history.operations.length, w.operations.total);
    assert.equal(checkHistory(history, { model: 'register' }).verdict, 'linearizable');
    assert.match(main.summary, /### Workload \(register, linearizable\)/);
    assert.match(main.summary, /\| read \| \d+ \| [\d.]+ \| [\d.]+ \| [\d.]+ \| [\d.]+ \|/);
  });

  test('the asynchronous default is not linearizable: a stale-read witness', async (t) => {
    if (!needDocker(t)) return;
    const { main, result } = await scenario('healthy', 'linearizable');
    assert.equal(main.code, 1, 'the step fails');
    const failing = result.workload!.keyResults.filter((k) => k.verdict === 'not-linearizable');
    assert.ok(failing.length >= 1, JSON.stringify(result.workload!.keyResults.map((k) => k.verdict)));
    const witness = failing[0]!.witness!;
    assert.equal(witness.failing.f, 'read', 'the operation that cannot be placed is a read');
    // Stale: the value it returned was written, but an order that respects real time has replaced it already.
    assert.ok(!witness.possibleStates.includes(witness.failing.value as string | null));
    const annotation = errors(main).find((a) => a.properties.title?.startsWith('Linearizability: key '));
    assert.ok(annotation, JSON.stringify(errors(main).map((a) => a.properties.title)));
    // Unique values: decided without search, and the witness names the operations that contradict each other.
    assert.match(
      annotation.message,
      new RegExp(
        /Witness:\nkey "replicheck-[0-9a-f]+-wl-\d": /.source +
          '(' +
          [
            /the read by client \d+ via kv_\d at .* returned/.source,
            /the write of .* and the write of .*No order satisfies both/.source,
            /read by client \d+ via kv_\d .* ended before the write/.source,
          ].join('|') +
          ')',
        's',
      ),
    );
    // Whatever the contradiction, the operation no order can place is a read the node answered.
    assert.equal(failing[0]!.algorithm, 'unique-values');
    assert.match(annotation.message, /<-- cannot be linearized/);
    assert.equal(annotation.properties.file, 'examples/kv/docker-compose.yml');
    // The witness is shown once, in the failed check at the top of the summary.
    assert.match(main.summary, /### ❌ Failed checks[\s\S]*<pre>\nkey &quot;replicheck-/);
    assert.equal(checkHistory(historyOf(main), { model: 'register' }).verdict, 'not-linearizable');
  });

  test('the asynchronous default is eventually consistent', async (t) => {
    if (!needDocker(t)) return;
    const { main, result } = await scenario('healthy', 'eventual');
    assert.equal(main.code, 0, main.stdout);
    const w = result.workload!;
    assert.deepEqual(
      w.keyResults.map((k) => k.verdict),
      ['converged', 'converged'],
    );
    assert.ok(w.keyResults.every((k) => typeof k.finalValue === 'string'));
    assert.match(main.summary, /### Workload \(register, eventual\)/);
    historyOf(main);
  });

  test('with the fault suite, the fault runs inside the workload, which runs its whole duration', async (t) => {
    if (!needDocker(t)) return;
    // kv_4 is a follower of kv_0: while it is killed its requests are refused, the rest stays linearizable.
    const { main, result } = await scenario('leader', 'linearizable', { faults: 'kill', 'fault-targets': 'kv_4', 'fault-duration': '2' });
    assert.equal(main.code, 0, main.stdout);
    const w = result.workload!;
    assert.deepEqual(
      w.keyResults.map((k) => k.verdict),
      ['linearizable', 'linearizable'],
    );
    const kv4 = w.perNode.find((n) => n.node === 'kv_4')!;
    assert.ok(kv4.write.fail + kv4.write.info + kv4.read.info > 0, `kv_4 was down during the workload: ${JSON.stringify(kv4)}`);
    assert.ok(w.elapsedMs >= 2500, `the workload ran its whole duration: ${w.elapsedMs} ms`);
    const phase = (match: (name: string) => boolean) => result.phases.find((p) => match(p.name))!;
    const workload = phase((n) => n === 'workload');
    const kill = phase((n) => n === 'kill kv_4');
    assert.ok(workload.startMs <= kill.startMs && workload.endMs >= kill.endMs, JSON.stringify(result.phases));
    // Operations before the kill, while it held and after it was healed: the clients never stopped.
    const history = JSON.parse(readFileSync(main.outputs.history!, 'utf8')) as {
      operations: { invoke: number }[];
      nemesis: { f: string; time: number }[];
    };
    const start = history.nemesis.find((e) => e.f === 'start')!.time;
    const stop = history.nemesis.find((e) => e.f === 'stop')!.time;
    for (const [from, to] of [
      [0, start],
      [start, stop],
      [stop, Infinity],
    ] as const) {
      assert.ok(
        history.operations.some((o) => o.invoke >= from && o.invoke < to),
        `operations between ${from} and ${to} ms`,
      );
    }
    // The kill raced writes to kv_4 up to the moment it struck.
    const race = result.faults![0]!.race!;
    assert.ok(race.acked > 0 && race.lastAckGapMs !== undefined, JSON.stringify(race));
  });
});
