import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkHistoryCommand } from '../../src/cli/check-history.js';
import { EXIT_USAGE } from '../../src/cli/usage.js';

async function run(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await checkHistoryCommand(args, { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t) });
  return { code, stdout, stderr };
}

describe('replicheck check-history', () => {
  let dir = '';
  const file = (name: string, text: string): string => {
    const path = join(dir, name);
    writeFileSync(path, text);
    return path;
  };
  before(() => {
    dir = mkdtempSync(join(tmpdir(), 'check-history-'));
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  const good = JSON.stringify({
    schemaVersion: 1,
    model: 'register',
    operations: [
      { process: 0, key: 'k1', f: 'write', value: 'a', type: 'ok', invoke: 0, complete: 1 },
      { process: 1, key: 'k1', f: 'read', value: 'a', type: 'ok', invoke: 2, complete: 3 },
    ],
  });
  const stale = `{:process 0, :type :invoke, :f :write, :value 1}
{:process 0, :type :ok, :f :write, :value 1}
{:process 0, :type :invoke, :f :write, :value 2}
{:process 0, :type :ok, :f :write, :value 2}
{:process 1, :type :invoke, :f :read, :value nil}
{:process 1, :type :ok, :f :read, :value 1}
`;

  test('--help prints usage and exits 0', async () => {
    const r = await run(['--help']);
    assert.equal(r.code, 0);
    assert.match(r.stdout, /Usage: replicheck check-history FILE/);
  });

  test('a linearizable history exits 0 with a per-key summary', async () => {
    const r = await run([file('good.json', good)]);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /key "k1": linearizable - 2 ops \(2 ok\)/);
    assert.match(r.stdout, /^LINEARIZABLE \(checked in [\d.]+ ms/m);
  });

  test('a violation exits 1 and explains it', async () => {
    const r = await run([file('stale.edn', stale), '--algorithm', 'search']);
    assert.equal(r.code, 1);
    assert.match(r.stdout, /NOT LINEARIZABLE/);
    assert.match(r.stdout, /read by process 1 returned 1, but every order .* holding 2/);
    assert.match(r.stdout, /<-- cannot be linearized/);
  });

  test('--json prints the verdict, keys and witness', async () => {
    const r = await run([file('stale2.edn', stale), '--json', '--format', 'edn', '--model', 'cas-register']);
    assert.equal(r.code, 1);
    const out = JSON.parse(r.stdout) as {
      verdict: string;
      model: string;
      format: string;
      keys: Array<{ witness?: { failing: { index: number }; possibleStates: unknown[] } }>;
    };
    assert.equal(out.verdict, 'not-linearizable');
    assert.equal(out.model, 'cas-register');
    assert.equal(out.format, 'edn');
    assert.equal(out.keys[0]?.witness?.failing.index, 2);
    assert.deepEqual(out.keys[0]?.witness?.possibleStates, [2]);
  });

  test('--initial sets the starting value', async () => {
    const path = file('init.edn', '{:process 0, :type :invoke, :f :cas, :value [0 1]}\n{:process 0, :type :ok, :f :cas, :value [0 1]}\n');
    assert.equal((await run([path])).code, 1);
    assert.equal((await run([path, '--initial', '0'])).code, 0);
    assert.equal((await run([path, '--initial=0'])).code, 0);
  });

  test('a search that runs out of time exits 2', async () => {
    const ops: string[] = [];
    for (let i = 0; i < 60; i++) ops.push(JSON.stringify({ process: i, f: 'write', value: i, type: 'ok', invoke: 0, complete: 1000 }));
    for (let i = 0; i < 60; i++)
      ops.push(JSON.stringify({ process: 60 + i, f: 'read', value: (i * 7) % 60, type: 'ok', invoke: 1 + i, complete: 999 - i }));
    ops.push(JSON.stringify({ process: 200, f: 'read', value: -1, type: 'ok', invoke: 1001, complete: 1002 }));
    const path = file('hard.json', `{"schemaVersion":1,"operations":[\n${ops.join(',\n')}\n]}`);
    const r = await run([path, '--timeout', '0.05', '--algorithm', 'search']);
    assert.equal(r.code, 2);
    assert.match(r.stdout, /UNKNOWN/);
    assert.match(r.stdout, /time budget ran out/);
  });

  test('bad input exits 3 with the line', async () => {
    const r = await run([file('bad.edn', '{:process 0, :type :invoke, :f :read}\n{:process 0, :type :ok, :f :write, :value 1}\n')]);
    assert.equal(r.code, 3);
    assert.match(r.stderr, /line 2: process 0 invoked :read \(line 1\) but completes :write/);
    const j = await run([
      file(
        'bad.json',
        [
          '{"schemaVersion":1,"operations":[',
          '{"process":0,"f":"read","value":1,"type":"ok","invoke":1,"complete":2},',
          '{"process":0,"f":"read","value":1,"type":"maybe","invoke":1,"complete":2}',
          ']}',
        ].join('\n'),
      ),
    ]);
    assert.equal(j.code, 3);
    assert.match(j.stderr, /line 3: operations\[1\]: "type" must be/);
  });

  test('usage errors and missing files exit 3', async () => {
    assert.equal((await run([])).code, 3);
    assert.equal((await run(['--model', 'queue', 'x'])).code, 3);
    assert.equal((await run(['--bogus', 'x'])).code, 3);
    const missing = await run([join(dir, 'missing.json')]);
    assert.equal(missing.code, 3);
    assert.match(missing.stderr, /cannot read/);
    const wrongModel = await run([file('cas.edn', '{:process 0, :type :invoke, :f :cas, :value [0 1]}\n'), '--model', 'register']);
    assert.equal(wrongModel.code, 3);
    assert.match(wrongModel.stderr, /not supported by the register model/);
  });

  test('bad flag values name the flag and the values it takes', async () => {
    const path = file('flags.json', good);
    const cases: [string[], RegExp][] = [
      [['--format', 'xml'], /--format 'xml' is not a format; use one of auto, json, edn, jepsen-log\./],
      [['--algorithm', 'fast'], /--algorithm 'fast' is not an algorithm; use one of auto, search, unique\./],
      [['--timeout', 'soon'], /--timeout 'soon' is not a number of seconds; use e\.g\. --timeout 30, or 0 for no limit\./],
      // Number('') would be 0, "no limit": an empty value is refused, not read as one.
      [['--timeout='], /--timeout '' is not a number of seconds/],
      [['--max-memory', 'lots'], /--max-memory 'lots' is not a size; use e\.g\. 512M or 2G/],
    ];
    for (const [flags, message] of cases) {
      const r = await run([path, ...flags]);
      assert.equal(r.code, EXIT_USAGE, flags.join(' '));
      assert.match(r.stderr, message);
      assert.match(r.stderr, /See 'replicheck check-history --help'\.\n$/);
    }
  });

  test("a value starting with '-' is given with '='; --help wins over bad values", async () => {
    const path = file('neg.edn', '{:process 0, :type :invoke, :f :cas, :value [-1 1]}\n{:process 0, :type :ok, :f :cas, :value [-1 1]}\n');
    assert.equal((await run([path, '--initial=-1'])).code, 0);
    const spaced = await run([path, '--initial', '-1']);
    assert.equal(spaced.code, EXIT_USAGE);
    assert.match(spaced.stderr, /--initial needs a value before -1; a value that starts with '-' is written --initial=-1\./);
    assert.equal((await run(['-', '--json', '--all-keys', '--independent', '--html', join(dir, 'x.html'), '--help'])).code, 0);
    assert.equal((await run(['--help', '--model', 'queue'])).code, 0);
  });
});
