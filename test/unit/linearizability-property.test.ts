// Histories generated from a real sequential execution with random concurrency are linearizable by construction;
// changing one read to a value no execution could return must make them fail. The PRNG is seeded, so a failure
// names the seed that reproduces it.

import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import {
  appendValue,
  checkHistory,
  parseHistoryText,
  step,
  toEdn,
  type History,
  type HistoryOperation,
  type ModelName,
  type Value,
} from '../../src/linearizability/index.js';
import { seededRandom } from '../../src/core/random.js';

interface Planned {
  op: HistoryOperation;
  /** When the operation takes effect; NaN when it never does (failed, or crashed before taking effect). */
  at: number;
}

/**
 * Each client runs operations one after another; each takes effect at a random instant inside its interval. Some
 * clients crash (`info`, open to the end; they took effect or not at random) and some operations fail (no effect).
 */
function generate(model: ModelName, seed: number, clients: number, opsPerClient: number, keys: number): History {
  const rnd = seededRandom(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)] as T;
  const planned: Planned[] = [];
  let nextProcess = clients;
  let counter = 0;
  for (let c = 0; c < clients; c++) {
    let process = c;
    let t = rnd() * 5;
    for (let i = 0; i < opsPerClient; i++) {
      const key = `k${Math.floor(rnd() * keys)}`;
      const invoke = t;
      const duration = 0.5 + rnd() * 6;
      const complete = invoke + duration;
      const at = invoke + rnd() * duration;
      const r = rnd();
      let op: HistoryOperation;
      const fresh = (): Value => (rnd() < 0.5 ? ++counter : `v${++counter}`);
      if (model === 'kv') {
        const f = r < 0.45 ? 'get' : r < 0.7 ? 'put' : 'append';
        op = { process, key, f, value: f === 'get' ? null : `${f === 'append' ? '+' : ''}${++counter};`, type: 'ok', invoke, complete };
      } else {
        const f = model === 'cas-register' ? (r < 0.45 ? 'read' : r < 0.7 ? 'write' : 'cas') : r < 0.55 ? 'read' : 'write';
        // cas from a small set of recent values so that some succeed and some do not
        const value: HistoryOperation['value'] =
          f === 'read' ? null : f === 'cas' ? [pick([null, 1, 2, 3, counter, `v${counter}`]), fresh()] : fresh();
        op = { process, key, f, value, type: 'ok', invoke, complete };
      }
      const fate = rnd();
      if (fate < 0.05) {
        op.type = 'fail';
        planned.push({ op, at: NaN });
      } else if (fate < 0.12 && op.f !== 'read' && op.f !== 'get') {
        op.type = 'info';
        op.complete = null;
        planned.push({ op, at: rnd() < 0.5 ? at : NaN });
        process = nextProcess++; // a crashed client comes back as a new process, as in Jepsen
      } else {
        planned.push({ op, at });
      }
      t = complete + rnd() * 2;
    }
  }
  // Run the sequential specification in the order the operations take effect, filling in what reads return.
  const states = new Map<string, Value>();
  for (const p of [...planned].filter((x) => !Number.isNaN(x.at)).sort((a, b) => a.at - b.at)) {
    const key = p.op.key as string;
    const state = states.has(key) ? (states.get(key) as Value) : null;
    if (p.op.f === 'read' || p.op.f === 'get') {
      p.op.value = state;
    } else if (p.op.f === 'cas') {
      const [from] = p.op.value as [Value, Value];
      if (p.op.type === 'ok' && state !== from) p.op.succeeded = false;
      const s = step(state, p.op);
      assert.ok(s.ok);
      states.set(key, s.state);
    } else if (p.op.f === 'append') {
      states.set(key, appendValue(state, p.op.value as Value));
    } else {
      states.set(key, p.op.value as Value);
    }
  }
  const operations = planned.map((p) => p.op).sort((a, b) => a.invoke - b.invoke);
  operations.forEach((op, i) => (op.id = i));
  return { schemaVersion: 1, model, operations };
}

/** Changes one completed read to a value nothing ever wrote. */
function corrupt(h: History, seed: number): { history: History; index: number } | undefined {
  const rnd = seededRandom(seed ^ 0x5bd1e995);
  const reads = h.operations.map((o, i) => [o, i] as const).filter(([o]) => (o.f === 'read' || o.f === 'get') && o.type === 'ok');
  if (reads.length === 0) return undefined;
  const [, index] = reads[Math.floor(rnd() * reads.length)] as readonly [HistoryOperation, number];
  const operations = h.operations.map((o) => ({ ...o }));
  (operations[index] as HistoryOperation).value = 'impossible';
  return { history: { ...h, operations }, index };
}

const SEEDS = Array.from({ length: 60 }, (_, i) => 1000 + i);

for (const model of ['register', 'cas-register', 'kv'] as const) {
  describe(`generated ${model} histories`, () => {
    test('real executions are linearizable; one impossible read is not', () => {
      for (const seed of SEEDS) {
        const h = generate(model, seed, 2 + (seed % 6), 20, model === 'kv' ? 3 : 1 + (seed % 2));
        const ok = checkHistory(h, { timeoutMs: 5000 });
        assert.equal(ok.verdict, 'linearizable', `seed ${seed}: generated history should be linearizable`);
        const bad = corrupt(h, seed);
        if (bad === undefined) continue;
        const r = checkHistory(bad.history, { timeoutMs: 5000, checkAllKeys: true });
        assert.equal(r.verdict, 'not-linearizable', `seed ${seed}: corrupted read #${bad.index} should fail`);
        const failing = r.keys.filter((k) => k.witness !== undefined);
        assert.equal(failing.length, 1, `seed ${seed}: exactly the corrupted key fails`);
        assert.equal(failing[0]?.witness?.failing.index, bad.index, `seed ${seed}: the witness names the corrupted read`);
      }
    });
  });
}

describe('generated histories through EDN', () => {
  test('toEdn keeps linearizable histories linearizable (Knossos reading is weaker, never stronger)', () => {
    for (const seed of SEEDS.slice(0, 15)) {
      const h = generate('kv', seed, 4, 10, 2);
      const back = parseHistoryText(toEdn(h), { initialValue: null }).history;
      assert.equal(checkHistory(back).verdict, 'linearizable', `seed ${seed}`);
      const bad = corrupt(h, seed);
      if (bad !== undefined)
        assert.equal(
          checkHistory(parseHistoryText(toEdn(bad.history), { initialValue: null }).history).verdict,
          'not-linearizable',
          `seed ${seed}`,
        );
    }
  });
});
