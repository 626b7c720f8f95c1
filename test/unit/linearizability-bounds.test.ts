// The checker's bounds: the readers' memory is proportional to the input and counted against the cap, the cap covers
// everything the search holds and is consulted before it allocates, the clock is read by work, no regular
// expression backtracks on long runs, nesting never reaches the stack's end, and every format's times are validated.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import * as lin from '../../src/linearizability/index.js';
import {
  HistoryError,
  checkHistory,
  formatWitness,
  parseHistoryText,
  readEdn,
  readEdnForms,
  type History,
  type HistoryOperation,
} from '../../src/linearizability/index.js';

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

const MiB = 1024 * 1024;

/** The error a call throws, which must be a HistoryError. */
function historyError(fn: () => unknown): HistoryError {
  try {
    fn();
  } catch (err) {
    assert.ok(err instanceof HistoryError, `expected a HistoryError, got ${String(err)}`);
    return err;
  }
  assert.fail('expected an error');
}

function timed<T>(fn: () => T): { value: T; ms: number } {
  const t0 = performance.now();
  const value = fn();
  return { value, ms: performance.now() - t0 };
}

describe('readers: memory proportional to the input, and counted', () => {
  test('EDN strings cost about their size once parsed, not tens of times it', () => {
    const value = 'v'.repeat(2000);
    const lines: string[] = [];
    for (let i = 0; i < 1000; i++) {
      lines.push(
        `{:process ${i}, :type :invoke, :f :write, :value "${value}${i}"}`,
        `{:process ${i}, :type :ok, :f :write, :value "${value}${i}"}`,
      );
    }
    const text = lines.join('\n');
    gc();
    const before = process.memoryUsage().heapUsed;
    const { history } = parseHistoryText(text);
    gc();
    const held = process.memoryUsage().heapUsed - before;
    assert.equal(history.operations.length, 1000);
    // 1000 values of 2 KB are 2 MB; the per-character strings of a naive reader held over 60 MB.
    assert.ok(held < 8 * MiB, `the parsed history holds ${Math.round(held / MiB)} MiB for ${Math.round(text.length / MiB)} MiB of text`);
  });

  test('what the readers hold counts against --max-memory', () => {
    const big = `{:process 0, :type :invoke, :f :write, :value "${'x'.repeat(4 * MiB)}"}\n{:process 0, :type :ok, :f :write, :value 1}\n`;
    for (const text of [big.repeat(5), JSON.stringify({ schemaVersion: 1, meta: { note: 'x'.repeat(8 * MiB) }, operations: [] })]) {
      const budget = new lin.Budget({ maxMemoryBytes: 16 * MiB });
      assert.throws(
        () => parseHistoryText(text, { budget }),
        (err: unknown) => err instanceof lin.BudgetExceeded && err.reason === 'memory' && /--max-memory \(16 MiB\)/.test(err.message),
      );
    }
    const budget = new lin.Budget({ maxMemoryBytes: 64 * MiB });
    const { history } = parseHistoryText(big, { budget });
    assert.equal(history.operations.length, 1);
    assert.ok(budget.usedBytes >= 4 * MiB, 'the parsed history stays reserved for the check');
  });

  test('parsing stops at the deadline', () => {
    const line = '{:process 0, :type :invoke, :f :write, :value 1}\n{:process 0, :type :ok, :f :write, :value 1}\n';
    const text = line.repeat(300_000);
    const { ms } = timed(() =>
      assert.throws(
        () => parseHistoryText(text, { budget: new lin.Budget({ timeoutMs: 50 }) }),
        (err: unknown) => err instanceof lin.BudgetExceeded && err.reason === 'timeout' && /while reading the history/.test(err.message),
      ),
    );
    // Wall time on a machine that also runs other tests: far from the unbounded read (seconds), with room for load.
    assert.ok(ms < 4000, `took ${Math.round(ms)} ms`);
  });
});

describe('the memory cap covers everything the search holds', () => {
  test('a search that cannot fit is refused before its arrays and memo are allocated', () => {
    const operations: HistoryOperation[] = [];
    for (let i = 0; i < 500_000; i++) {
      operations.push({
        process: 0,
        f: i % 2 ? 'read' : 'write',
        value: (i - (i % 2)) % 7,
        type: 'ok',
        invoke: 2 * i,
        complete: 2 * i + 1,
      });
    }
    const before = process.memoryUsage().arrayBuffers;
    const r = checkHistory({ schemaVersion: 1, model: 'register', operations }, { maxMemoryBytes: 16 * MiB, algorithm: 'search' });
    const allocated = process.memoryUsage().arrayBuffers - before;
    assert.equal(r.verdict, 'unknown');
    assert.equal(r.keys[0]?.reason, 'memory');
    assert.ok(allocated < 8 * MiB, `${Math.round(allocated / MiB)} MiB of arrays were allocated past a 16 MiB cap`);
  });

  test('the values appends make are counted', () => {
    // Nine concurrent appends of distinct letters and a read no order explains: every step makes a new value.
    const operations: HistoryOperation[] = [];
    for (let i = 0; i < 9; i++) {
      operations.push({ process: i, key: 'k', f: 'append', value: String.fromCharCode(97 + i), type: 'ok', invoke: 0, complete: 100 });
    }
    operations.push({ process: 9, key: 'k', f: 'get', value: 'never', type: 'ok', invoke: 101, complete: 102 });
    const h: History = { schemaVersion: 1, model: 'kv', initialValue: '', operations };
    const r = checkHistory(h, { maxMemoryBytes: 16 * MiB, maxSteps: 500_000 });
    assert.equal(r.keys[0]?.reason, 'memory', `steps: ${r.steps}`);
  });

  test('keys share one cap, and the budget is given back when each ends', () => {
    const operations: HistoryOperation[] = [];
    for (let k = 0; k < 4; k++) {
      for (let i = 0; i < 9; i++) {
        operations.push({
          process: 10 * k + i,
          key: `k${k}`,
          f: 'append',
          value: String.fromCharCode(97 + i),
          type: 'ok',
          invoke: 0,
          complete: 9,
        });
      }
    }
    const budget = new lin.Budget({ maxMemoryBytes: 64 * MiB });
    const r = checkHistory(
      { schemaVersion: 1, model: 'kv', initialValue: '', operations },
      { budget, checkAllKeys: true, maxSteps: 4_000_000 },
    );
    assert.equal(r.verdict, 'linearizable');
    assert.ok(budget.peakBytes <= 64 * MiB);
    assert.equal(budget.usedBytes, 0, 'every key gave back what it held');
  });
});

describe('the clock is read by work', () => {
  test('long appended values: the time budget holds although every step builds a long string', () => {
    // Values over 16,383 characters that share a length also all share V8's string hash: a Map of them is slow.
    const operations: HistoryOperation[] = [];
    for (let i = 0; i < 12; i++) {
      operations.push({
        process: i,
        key: 'k',
        f: 'append',
        value: String.fromCharCode(97 + i).repeat(1500),
        type: 'ok',
        invoke: 0,
        complete: 100,
      });
    }
    operations.push({ process: 12, key: 'k', f: 'get', value: 'never', type: 'ok', invoke: 101, complete: 102 });
    const h: History = { schemaVersion: 1, model: 'kv', initialValue: '', operations };
    const { value: r, ms } = timed(() => checkHistory(h, { timeoutMs: 1000, maxMemoryBytes: 4096 * MiB }));
    assert.equal(r.verdict, 'unknown');
    assert.equal(r.keys[0]?.reason, 'timeout');
    assert.ok(ms < 5000, `a 1 s budget took ${Math.round(ms)} ms`);
  });

  test('a key of many operations: each memo lookup compares its whole bitset, and the budget still holds', () => {
    const operations: HistoryOperation[] = [];
    const n = 60;
    for (let i = 0; i < n; i++) operations.push({ process: i, f: 'write', value: i, type: 'ok', invoke: 0, complete: 1000 });
    for (let i = 0; i < n; i++)
      operations.push({ process: n + i, f: 'read', value: (i * 7) % n, type: 'ok', invoke: 1 + i, complete: 999 - i });
    operations.push({ process: 3 * n, f: 'read', value: -1, type: 'ok', invoke: 1001, complete: 1002 });
    for (let i = 0; i < 400_000; i++)
      operations.push({ process: 0, f: 'write', value: -2, type: 'ok', invoke: 2000 + 2 * i, complete: 2001 + 2 * i });
    const h: History = { schemaVersion: 1, model: 'register', operations };
    const { value: r, ms } = timed(() => checkHistory(h, { timeoutMs: 500, algorithm: 'search', maxMemoryBytes: 4096 * MiB }));
    assert.equal(r.verdict, 'unknown');
    assert.ok(ms < 3000, `a 0.5 s budget took ${Math.round(ms)} ms`);
  });
});

describe('no regular expression backtracks on long runs', () => {
  const run = (n: number, c: string): string => c.repeat(n);
  const cases: Array<[string, string]> = [
    [
      'log value with a long run of spaces',
      `INFO jepsen.util - 0 :invoke :cas [1${run(100_000, ' ')}2]\nINFO jepsen.util - 0 :ok :cas [1 2]\n`,
    ],
    [
      'log value with a long run of tabs',
      `INFO jepsen.util - 0 :invoke :cas [1${run(100_000, '\t')}2]\nINFO jepsen.util - 0 :ok :cas [1 2]\n`,
    ],
    [
      'log line padded with spaces',
      `INFO${run(100_000, ' ')}jepsen.util - 0 :invoke :write 1${run(100_000, ' ')}\nINFO jepsen.util - 0 :ok :write 1\n`,
    ],
    ['log process of many digits', `INFO jepsen.util - ${run(100_000, '1')} :invoke :write 1\n`],
    ['EDN number of many digits', `{:process 0, :type :invoke, :f :write, :value ${run(100_000, '7')}x}\n`],
    ['EDN number with a long tail', `{:process 0, :type :invoke, :f :write, :value 1${run(100_000, 'N')}}\n`],
    ['JSON number of many digits', `{"schemaVersion":1,"operations":[{"process":0,"f":"write","value":${run(100_000, '9')}}]}`],
    ['JSON with long runs of spaces', `{${run(100_000, ' ')}"schemaVersion"${run(100_000, ' ')}:1,"operations":[${run(100_000, '\t')}]}`],
  ];
  for (const [name, text] of cases) {
    test(name, () => {
      const { ms } = timed(() => {
        try {
          parseHistoryText(text);
        } catch (err) {
          assert.ok(err instanceof HistoryError, String(err));
        }
      });
      assert.ok(ms < 2000, `${Math.round(ms)} ms for a line of ${text.length} characters`);
    });
  }
});

describe('nesting never reaches the end of the stack', () => {
  const deep = (open: string, close: string, n: number): string => open.repeat(n) + close.repeat(n);
  test('EDN nested 100,000 deep is an input error naming the line', () => {
    const e = historyError(() => parseHistoryText(`{:process 0, :type :invoke, :f :write, :value 1}\n${deep('[', ']', 100_000)}\n`));
    assert.equal(e.line, 2);
    assert.match(e.message, /nested deeper than 256 levels/);
    historyError(() => readEdnForms(deep('(', ')', 100_000)));
    historyError(() => readEdn('#_'.repeat(100_000) + '1'));
    historyError(() => readEdn(deep('#{', '}', 100_000)));
    historyError(() => parseHistoryText(`INFO jepsen.util - 0 :invoke :write ${deep('[', ']', 100_000)}\n`));
  });

  test('JSON nested 100,000 deep is an input error naming the line', () => {
    const meta = historyError(() => parseHistoryText(`{"schemaVersion":1,\n"meta":${deep('[', ']', 100_000)},"operations":[]}`));
    assert.equal(meta.line, 2);
    assert.match(meta.message, /nested deeper than 256 levels/);
    const op = historyError(() =>
      parseHistoryText(`{"schemaVersion":1,"operations":[\n{"process":0,"value":${deep('{"a":', '}', 100_000)}}]}`),
    );
    assert.equal(op.line, 2);
    historyError(() => parseHistoryText(`{"schemaVersion":${deep('[', ']', 100_000)},"operations":[]}`));
  });

  test('nesting within the bound still reads', () => {
    assert.deepEqual(readEdn(deep('[', ']', 200)), readEdn(deep('[', ']', 200)));
    const { history } = parseHistoryText(`{"schemaVersion":1,"meta":{"a":${deep('[', ']', 200)}},"operations":[]}`);
    assert.equal(history.operations.length, 0);
  });
});

describe('every format is validated the same way', () => {
  test('an EDN completion before its invocation is an input error, not a verdict', () => {
    const text =
      '{:process 0, :type :invoke, :f :write, :value 1, :time 5000000}\n{:process 0, :type :ok, :f :write, :value 1, :time 3000000}\n';
    const e = historyError(() => parseHistoryText(text));
    assert.equal(e.line, 2);
    assert.match(e.message, /the completion's :time \(3000000\) is before its invocation's \(5000000, line 1\)/);
  });

  test('an EDN :time that is not a number is an input error', () => {
    const e = historyError(() => parseHistoryText('{:process 0, :type :invoke, :f :write, :value 1, :time "soon"}\n'));
    assert.equal(e.line, 1);
    assert.match(e.message, /unsupported :time/);
  });

  test('JSON: non-finite times and nemesis times are refused', () => {
    historyError(() =>
      parseHistoryText('{"schemaVersion":1,"operations":[{"process":0,"f":"read","value":1,"type":"ok","invoke":1e999,"complete":2}]}'),
    );
    historyError(() =>
      parseHistoryText('{"schemaVersion":1,"operations":[],"nemesis":[{"time":1e999,"f":"start","fault":"kill","target":"a"}]}'),
    );
  });
});

describe('untrusted text is escaped in the witness', () => {
  test('process, node, key and values: controls, separators and bidi characters escaped, no command lines', () => {
    const bad = 'p\n::error::x\u001b[31m\u2028\u202e##[y]';
    const ops: HistoryOperation[] = [
      { process: bad, node: bad, key: bad, f: 'write', value: bad, type: 'ok', invoke: 0, complete: 1 },
      { process: 1, key: bad, f: 'write', value: 'b', type: 'ok', invoke: 2, complete: 3 },
      { process: bad, key: bad, f: 'read', value: bad, type: 'ok', invoke: 4, complete: 5 },
    ];
    for (const algorithm of ['search', 'unique'] as const) {
      const r = checkHistory({ schemaVersion: 1, model: 'register', operations: ops }, { algorithm });
      const w = r.keys[0]?.witness;
      assert.ok(w !== undefined);
      for (const text of [w.explanation, formatWitness(w)]) {
        assert.doesNotMatch(text, /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e]/, text);
        assert.doesNotMatch(text, /^\s*::|##\[/m);
        assert.match(text, /p\\x0a::error::x\\x1b\[31m\\u2028\\u202e##\\x5by\]/);
      }
    }
  });

  test('escapeText and quoteText', () => {
    assert.equal(lin.escapeText('plain ünïcode ✓ 😀'), 'plain ünïcode ✓ 😀');
    assert.equal(lin.escapeText('::set-output name=x::1'), '\\x3a:set-output name=x::1');
    assert.equal(lin.escapeText('a\tb\u0000c\u00a0d\u0085'), 'a\\x09b\\x00c\u00a0d\\x85');
    assert.equal(lin.escapeText('\ud800x\u200b\ufeff'), '\\ud800x\\u200b\\ufeff');
    assert.equal(lin.quoteText('say "hi"\\'), '"say \\"hi\\"\\\\"');
    assert.equal(lin.quoteText('abcdef', 3), '"abc"…(3 more characters)');
  });
});
