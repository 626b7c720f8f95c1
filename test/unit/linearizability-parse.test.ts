import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import {
  HistoryError,
  checkHistory,
  detectFormat,
  historyToJson,
  parseHistoryText,
  readEdn,
  readEdnForms,
  toEdn,
  type History,
} from '../../src/linearizability/index.js';

function errorLine(fn: () => unknown): number | undefined {
  try {
    fn();
  } catch (err) {
    assert.ok(err instanceof HistoryError, `expected a HistoryError, got ${String(err)}`);
    return err.line;
  }
  assert.fail('expected an error');
}

describe('EDN reader', () => {
  test('reads maps, vectors, keywords, strings, numbers, nil, comments and commas', () => {
    const forms = readEdnForms('; a comment\n{:a 1, :b [1 2.5 -3], :c "x\\"y", :d nil, :e :kw}\n#_ {:skip 1} (1 2) #{1} #inst "2020"\n');
    assert.equal(forms.length, 4);
    assert.equal(forms[0]?.line, 2);
    const m = forms[0]?.value;
    assert.ok(m !== null && typeof m === 'object' && 'get' in m);
    assert.deepEqual(m.get('b'), [1, 2.5, -3]);
    assert.equal(m.get('c'), 'x"y');
    assert.equal(m.get('d'), null);
    assert.equal(String(m.get('e')), ':kw');
    assert.deepEqual(forms[1]?.value, [1, 2]);
  });

  test('errors name the line', () => {
    assert.equal(
      errorLine(() => readEdnForms('{:a 1}\n{:a 2\n')),
      2,
    );
    assert.equal(
      errorLine(() => readEdnForms('{:a 1}\n\n"open')),
      3,
    );
    assert.equal(
      errorLine(() => readEdnForms('[1 2]\n]')),
      2,
    );
    assert.deepEqual(readEdn('[3 0]'), [3, 0]);
  });
});

describe('format detection', () => {
  test('recognises each format', () => {
    assert.equal(detectFormat('{"schemaVersion":1,"operations":[]}'), 'json');
    assert.equal(detectFormat('{:process 0, :type :invoke, :f :read, :value nil}'), 'edn');
    assert.equal(detectFormat('[{:process 0 :type :invoke :f :read}]'), 'edn');
    assert.equal(detectFormat('INFO  jepsen.util - 0\t:invoke\t:read\tnil\n'), 'jepsen-log');
    assert.throws(() => detectFormat('hello'), HistoryError);
    assert.throws(() => detectFormat('  \n'), HistoryError);
  });
});

describe('own JSON form', () => {
  const sample: History = {
    schemaVersion: 1,
    model: 'cas-register',
    initialValue: 0,
    operations: [
      { id: 0, process: 3, node: 'kv_2', key: 'k1', f: 'write', value: 'v-17', type: 'ok', invoke: 12.5, complete: 14.1 },
      { id: 1, process: 4, key: 'k1', f: 'cas', value: ['v-17', 'v-18'], type: 'ok', succeeded: false, invoke: 15, complete: 16 },
      { id: 2, process: 5, key: 'k1', f: 'write', value: 'v-19', type: 'info', invoke: 17, complete: null, error: 'timeout' },
      { id: 3, process: 6, key: 'k1', f: 'read', value: null, type: 'fail', invoke: 18, complete: 19 },
    ],
  };

  test('round-trips through historyToJson', () => {
    const text = historyToJson(sample);
    assert.equal(text.split('\n').length, sample.operations.length + 3);
    const { history, format } = parseHistoryText(text);
    assert.equal(format, 'json');
    assert.deepEqual(history, sample);
  });

  test('validation errors name the operation and its line', () => {
    const text = historyToJson(sample).replace('"f":"cas"', '"f":"swap"');
    let message = '';
    const line = errorLine(() => {
      try {
        parseHistoryText(text);
      } catch (err) {
        message = (err as Error).message;
        throw err;
      }
    });
    assert.equal(line, 3);
    assert.match(message, /line 3: operations\[1\]: "f" must be one of/);
    assert.equal(
      errorLine(() => parseHistoryText('{"schemaVersion":1,\n"operations":[\n{"f":"read",}\n]}')),
      3,
    );
    assert.throws(() => parseHistoryText('{"schemaVersion":2,"operations":[]}'), /schemaVersion/);
    assert.throws(
      () => parseHistoryText('{"schemaVersion":1,"operations":[{"process":0,"f":"read","value":1,"type":"ok","invoke":1,"complete":0}]}'),
      /before "invoke"/,
    );
    assert.throws(
      () => parseHistoryText('{"schemaVersion":1,"operations":[{"process":0,"f":"read","value":1,"type":"ok","invoke":1}]}'),
      /needs a "complete"/,
    );
  });

  test('the model and initial value of the file are used unless overridden', () => {
    const { history } = parseHistoryText(historyToJson(sample), { model: 'kv', initialValue: 'x' });
    assert.equal(history.model, 'kv');
    assert.equal(history.initialValue, 'x');
  });
});

describe('Jepsen EDN op maps (Knossos semantics)', () => {
  const edn = `; a register
{:process 0, :type :invoke, :f :write, :value 1}
{:process 1, :type :invoke, :f :read, :value nil}
{:process 0, :type :ok, :f :write, :value 1}
{:process 1, :type :ok, :f :read, :value nil}
{:process :nemesis, :type :info, :f :start, :value nil}
{:process 1, :type :invoke, :f :cas, :value [2 3]}
{:process 1, :type :fail, :f :cas, :value [2 3]}
{:process 2, :type :invoke, :f :write, :value 4}
{:process 2, :type :info, :f :write, :value 4}
{:process 3, :type :invoke, :f :read, :value nil}
{:process 3, :type :ok, :f :read, :value 4}
`;

  test('pairs invocations with completions; nil reads are unknown, :fail did not happen, :info stays open', () => {
    const { history, format } = parseHistoryText(edn);
    assert.equal(format, 'edn');
    assert.equal(history.model, 'cas-register');
    assert.equal(history.initialValue, null);
    assert.deepEqual(
      history.operations.map((o) => [o.process, o.f, o.type, o.value, o.invoke, o.complete]),
      [
        [0, 'write', 'ok', 1, 0, 2],
        [1, 'read', 'info', null, 1, null],
        [1, 'cas', 'fail', [2, 3], 4, 5],
        [2, 'write', 'info', 4, 6, null],
        [3, 'read', 'ok', 4, 8, 9],
      ],
    );
    assert.equal(checkHistory(history).verdict, 'linearizable');
  });

  test('the same history in one vector, with :time, reads the same', () => {
    const lines = edn.trim().split('\n').slice(1);
    const vector = '[' + lines.map((l, i) => l.replace('}', `, :time ${(i + 1) * 1_000_000}}`)).join('\n') + ']';
    const { history } = parseHistoryText(vector);
    assert.deepEqual(
      history.operations.map((o) => o.invoke),
      [1, 2, 6, 8, 10],
    );
  });

  test('kv histories use :key and start from "" (as Porcupine\'s kv tests)', () => {
    const kv = `{:process 0, :type :invoke, :f :get, :key "a", :value nil}
{:process 0, :type :ok, :f :get, :key "a", :value ""}
{:process 0, :type :invoke, :f :append, :key "a", :value "x"}
{:process 0, :type :ok, :f :append, :key "a", :value "x"}
{:process 1, :type :invoke, :f :get, :key "a", :value nil}
{:process 1, :type :ok, :f :get, :key "a", :value "x"}`;
    const { history } = parseHistoryText(kv);
    assert.equal(history.model, 'kv');
    assert.equal(history.initialValue, '');
    assert.equal(checkHistory(history).verdict, 'linearizable');
  });

  test('independent [key value] tuples', () => {
    const text = `{:process 0, :type :invoke, :f :write, :value [:k1 1]}
{:process 0, :type :ok, :f :write, :value [:k1 1]}
{:process 1, :type :invoke, :f :read, :value [:k2 nil]}
{:process 1, :type :ok, :f :read, :value [:k2 1]}`;
    const { history } = parseHistoryText(text, { independent: true });
    assert.deepEqual(
      history.operations.map((o) => o.key),
      [':k1', ':k2'],
    );
    assert.equal(checkHistory(history).verdict, 'not-linearizable');
  });

  test('errors name the line', () => {
    assert.equal(
      errorLine(() => parseHistoryText('{:process 0, :type :invoke, :f :read}\n{:process 0, :type :ok, :f :write, :value 1}')),
      2,
    );
    assert.equal(
      errorLine(() => parseHistoryText('{:process 0, :type :ok, :f :read, :value 1}')),
      1,
    );
    assert.equal(
      errorLine(() => parseHistoryText('{:process 0, :type :invoke, :f :read}\n\n{:process 0, :type :invoke, :f :read}')),
      3,
    );
    assert.equal(
      errorLine(() => parseHistoryText('{:process 0, :type :invoke, :f :txn, :value []}')),
      1,
    );
    assert.equal(
      errorLine(() => parseHistoryText('{:process 0, :type :begin, :f :read}')),
      1,
    );
    assert.equal(
      errorLine(() => parseHistoryText('{:process 0, :type :invoke, :f :cas, :value 3}\n{:process 0, :type :ok, :f :cas, :value 3}')),
      1,
    );
  });
});

describe('Jepsen log lines (etcd semantics, as Porcupine)', () => {
  const log = [
    'INFO  jepsen.util - 0\t:invoke\t:read\tnil',
    'INFO  jepsen.util - 0\t:ok\t:read\tnil',
    'INFO  jepsen.util - 1\t:invoke\t:write\t3',
    'INFO  jepsen.util - 1\t:ok\t:write\t3',
    'INFO  jepsen.util - 2  :invoke  :cas  [1 2]',
    'INFO  jepsen.util - 2  :fail  :cas  [1 2]',
    'some other log line',
    'INFO  jepsen.util - 3\t:invoke\t:read\tnil',
    'INFO  jepsen.util - 3\t:fail\t:read\t:timed-out',
    'INFO  jepsen.util - 4\t:invoke\t:cas\t[3 4]',
    'INFO  jepsen.util - 4\t:info\t:cas\t:timed-out',
    'INFO  jepsen.util - 5\t:invoke\t:write\t7',
  ].join('\n');

  test('nil reads mean absent, :fail cas ran and returned false, timed-out reads are dropped, :info stays open', () => {
    const { history, format } = parseHistoryText(log);
    assert.equal(format, 'jepsen-log');
    assert.equal(history.model, 'cas-register');
    assert.equal(history.initialValue, null);
    assert.deepEqual(
      history.operations.map((o) => [o.process, o.f, o.type, o.value, o.succeeded, o.complete]),
      [
        [0, 'read', 'ok', null, undefined, 1],
        [1, 'write', 'ok', 3, undefined, 3],
        [2, 'cas', 'ok', [1, 2], false, 5],
        [3, 'read', 'info', null, undefined, null],
        [4, 'cas', 'info', [3, 4], undefined, null],
        [5, 'write', 'info', 7, undefined, null],
      ],
    );
    assert.equal(checkHistory(history).verdict, 'linearizable');
  });

  test('a nil read after a write is a violation here (not in Knossos semantics)', () => {
    const text =
      'INFO jepsen.util - 0 :invoke :write 1\nINFO jepsen.util - 0 :ok :write 1\n' +
      'INFO jepsen.util - 1 :invoke :read nil\nINFO jepsen.util - 1 :ok :read nil\n';
    assert.equal(checkHistory(parseHistoryText(text).history).verdict, 'not-linearizable');
  });

  test('errors name the line', () => {
    assert.equal(
      errorLine(() => parseHistoryText('INFO jepsen.util - 0 :invoke :read nil\nINFO jepsen.util - 0 :ok :read [1\n')),
      2,
    );
    assert.equal(
      errorLine(() => parseHistoryText('INFO jepsen.util - 0 :invoke :read nil\nINFO jepsen.util - x :ok :read 1\n')),
      2,
    );
    assert.equal(
      errorLine(() => parseHistoryText('INFO jepsen.util - 0 :invoke :read nil\nINFO jepsen.util -\n')),
      2,
    );
    assert.throws(() => parseHistoryText('nothing here\n', { format: 'jepsen-log' }), /no "jepsen.util -"/);
  });
});

describe('toEdn', () => {
  test('writes one op map per line that reads back to an equivalent history', () => {
    const h: History = {
      schemaVersion: 1,
      operations: [
        { process: 0, key: 'k', f: 'write', value: 'a "quoted"\nvalue', type: 'ok', invoke: 0, complete: 2 },
        { process: 1, key: 'k', f: 'read', value: 'a "quoted"\nvalue', type: 'ok', invoke: 1, complete: 3 },
        { process: 2, key: 'k', f: 'cas', value: [1, 2], type: 'ok', succeeded: false, invoke: 4, complete: 5 },
        { process: 3, key: 'k', f: 'write', value: 9, type: 'info', invoke: 6, complete: null },
        { process: 3, key: 'k', f: 'read', value: 9, type: 'ok', invoke: 7, complete: 8 },
      ],
    };
    const text = toEdn(h);
    const lines = text.trim().split('\n');
    assert.equal(lines.length, 10);
    assert.match(
      lines[0] as string,
      /^\{:index 0, :type :invoke, :process 0, :f :write, :key "k", :value "a \\"quoted\\"\\nvalue", :time 0\}$/,
    );
    // The crashed process is renumbered: Jepsen never reuses a process after :info.
    assert.match(text, /:type :invoke, :process 4, :f :read/);
    const back = parseHistoryText(text).history;
    assert.deepEqual(
      back.operations.map((o) => [o.f, o.type, o.value, o.invoke, o.complete]),
      [
        ['write', 'ok', 'a "quoted"\nvalue', 0, 2],
        ['read', 'ok', 'a "quoted"\nvalue', 1, 3],
        ['cas', 'fail', [1, 2], 4, 5],
        ['write', 'info', 9, 6, null],
        ['read', 'ok', 9, 7, 8],
      ],
    );
    assert.equal(checkHistory(back).verdict, checkHistory(h).verdict);
    assert.match(toEdn(h, { keys: 'independent' }), /:value \["k" 9\]/);
  });
});
