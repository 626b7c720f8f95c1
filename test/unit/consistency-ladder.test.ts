// The ladder: every model's checker run on one history, verdicts combined so none contradicts the lattice (a model
// is violated whenever one it includes is), and the strongest model read as a chain.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { judgeLadder, strongestOf } from '../../src/consistency/ladder.js';
import { CONSISTENCY_MODELS, includedBy, type ConsistencyModel } from '../../src/consistency/models.js';
import type { ModelVerdict } from '../../src/consistency/verdict.js';
import type { History, HistoryOperation } from '../../src/linearizability/index.js';

const op = (process: number, f: 'read' | 'write', key: string, value: string | null, invoke: number): HistoryOperation => ({
  process,
  f,
  key,
  value,
  type: 'ok',
  invoke,
  complete: invoke + 1,
  node: `n${process}`,
});
const history = (operations: HistoryOperation[]): History => ({ schemaVersion: 1, initialValue: null, operations });
const held = (model: ConsistencyModel): ModelVerdict => ({ model, verdict: 'held', elapsedMs: 1 });
const ends = { eventual: held('eventual'), linearizable: held('linearizable') };
const verdicts = (h: History, o = ends) => Object.fromEntries(judgeLadder(h, o).models.map((m) => [m.model, m.verdict]));

describe('the ladder', () => {
  test('a history every model allows climbs to linearizable', () => {
    const h = history([op(0, 'write', 'x', 'a', 0), op(1, 'read', 'x', 'a', 5), op(0, 'read', 'x', 'a', 10)]);
    const l = judgeLadder(h, ends);
    assert.deepEqual(
      l.models.map((m) => m.model),
      [...CONSISTENCY_MODELS],
    );
    assert.ok(l.models.every((m) => m.verdict === 'held'));
    assert.equal(l.strongest, 'linearizable');
  });

  test('a client that misses its own write breaks read-your-writes and every model that includes it', () => {
    const h = history([op(0, 'write', 'x', 'a', 0), op(0, 'read', 'x', null, 5)]);
    const v = verdicts(h);
    assert.equal(v['read-your-writes'], 'violated');
    for (const m of CONSISTENCY_MODELS) {
      if (includedBy(m).has('read-your-writes')) assert.equal(v[m], 'violated', m);
    }
    // Incomparable with it: both held.
    assert.equal(v['monotonic-writes'], 'held');
    assert.equal(v['writes-follow-reads'], 'held');
    const l = judgeLadder(h, ends);
    assert.equal(l.strongest, 'eventual', 'the chain stops below the first model that did not hold');
    const pram = l.models.find((m) => m.model === 'pram')!;
    assert.match(pram.witness!.explanation, /\(pram includes read-your-writes\)$/);
    assert.deepEqual(pram.witness!.operations, l.models.find((m) => m.model === 'read-your-writes')!.witness!.operations);
  });

  test('an undecided model leaves every model that includes it unknown, and the chain stops there', () => {
    const h = history([op(0, 'write', 'x', 'a', 0), op(1, 'read', 'x', 'a', 5)]);
    const unknownLin: ModelVerdict = { model: 'linearizable', verdict: 'unknown', elapsedMs: 1, reason: 'out of time' };
    const l = judgeLadder(h, { ...ends, linearizable: unknownLin });
    assert.equal(l.strongest, 'sequential');
    assert.equal(l.models.find((m) => m.model === 'linearizable')!.reason, 'out of time');
    const noEventual: ModelVerdict = { model: 'eventual', verdict: 'violated', elapsedMs: 1 };
    assert.equal(judgeLadder(h, { ...ends, eventual: noEventual }).strongest, null);
  });

  test('strongestOf reads the ladder as a chain', () => {
    const all = (bad: ConsistencyModel, verdict: 'violated' | 'unknown') =>
      CONSISTENCY_MODELS.map((m) => (m === bad ? { ...held(m), verdict } : held(m)));
    assert.equal(strongestOf(all('monotonic-writes', 'violated')), 'monotonic-reads');
    assert.equal(strongestOf(all('causal', 'unknown')), 'pram');
    assert.equal(strongestOf(all('eventual', 'violated')), null);
    assert.equal(strongestOf(CONSISTENCY_MODELS.map(held)), 'linearizable');
  });
});
