import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { closeSync, mkdtempSync, openSync, rmSync, writeFileSync, ftruncateSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { checkHistoryCommand } from '../../src/cli/check-history.js';
import { EXIT_USAGE } from '../../src/cli/usage.js';

async function run(args: string[], stdin?: Readable): Promise<{ code: number; stdout: string; stderr: string; ms: number }> {
  let stdout = '';
  let stderr = '';
  const t0 = performance.now();
  const io = { stdout: (t: string) => (stdout += t), stderr: (t: string) => (stderr += t), ...(stdin ? { stdin } : {}) };
  const code = await checkHistoryCommand(args, io);
  return { code, stdout, stderr, ms: performance.now() - t0 };
}

/** A standard input that never ends (zeros, 64 KiB at a time), counting what it was asked for. */
function endless(): { stream: Readable; produced: () => number } {
  let produced = 0;
  const chunk = Buffer.alloc(64 * 1024);
  const stream = new Readable({
    read() {
      produced += chunk.length;
      this.push(chunk);
    },
  });
  return { stream, produced: () => produced };
}

/** Text with no character a terminal or a runner would act on: printable characters and line breaks only. */
function assertInert(text: string): void {
  assert.doesNotMatch(text, /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/, text);
  assert.doesNotMatch(text, /^\s*::/m, text);
  assert.doesNotMatch(text, /##\[/, text);
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
    const ops = hardOps();
    const path = file('hard.json', `{"schemaVersion":1,"operations":[\n${ops.join(',\n')}\n]}`);
    const r = await run([path, '--timeout', '1', '--algorithm', 'search']);
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

  describe('bounded', () => {
    test('standard input is read up to --max-input, then refused; the producer is stopped', async () => {
      const input = endless();
      const r = await run(['-', '--max-input', '1M'], input.stream);
      assert.equal(r.code, 3);
      assert.match(r.stderr, /-: the input is more than 1 MiB, over --max-input \(1 MiB\); raise --max-input to check it/);
      assert.ok(input.produced() < 2 * 1024 * 1024, `read ${input.produced()} bytes`);
    });

    test('a regular file over the cap is refused before it is read (default 1 GiB)', async () => {
      const path = join(dir, 'sparse.edn');
      const fd = openSync(path, 'w');
      ftruncateSync(fd, 3 * 1024 ** 3);
      closeSync(fd);
      const r = await run([path]);
      assert.equal(r.code, 3);
      assert.match(r.stderr, /the input is 3 GiB, over --max-input \(1 GiB\)/);
      assert.ok(r.ms < 4000, `${Math.round(r.ms)} ms`);
      const small = await run([file('small.json', good), '--max-input', '100']);
      assert.equal(small.code, 3);
      assert.match(small.stderr, /over --max-input \(100 bytes\)/);
      assert.equal((await run([file('fits.json', good), '--max-input', '1K'])).code, 0);
    });

    test('--max-input takes sizes from one byte up', async () => {
      const path = file('flags2.json', good);
      for (const bad of ['lots', '0', '-1', '1X', '99999T']) {
        const r = await run([path, `--max-input=${bad}`]);
        assert.equal(r.code, EXIT_USAGE, bad);
        assert.match(r.stderr, /--max-input '.*' is not a size; use e\.g\. 64M or 2G/);
      }
    });

    test('--timeout covers reading and parsing: a large history stops at the deadline with verdict unknown', async () => {
      const line = '{:process 0, :type :invoke, :f :write, :value 1}\n{:process 0, :type :ok, :f :write, :value 1}\n';
      const path = file('long.edn', line.repeat(400_000));
      const r = await run([path, '--timeout', '0.2']);
      assert.equal(r.code, 2);
      assert.match(r.stdout, /not checked: the time budget \(--timeout\) ran out while reading the history\.\nUNKNOWN/);
      assert.ok(r.ms < 4000, `${Math.round(r.ms)} ms`);
      const j = await run([path, '--timeout', '0.2', '--json']);
      const out = JSON.parse(j.stdout) as { verdict: string; reason: string };
      assert.deepEqual([j.code, out.verdict, out.reason], [2, 'unknown', 'timeout']);
    });

    test('--timeout ends a read from a producer that stops sending', async () => {
      const silent = new Readable({ read() {} });
      silent.push('{:process 0, :type :invoke, :f :write, :value 1}\n');
      const r = await run(['-', '--timeout', '0.3'], silent);
      assert.equal(r.code, 2);
      assert.match(r.stdout, /ran out while reading the history/);
      assert.ok(r.ms < 4000, `${Math.round(r.ms)} ms`);
      assert.ok(silent.destroyed);
    });

    test('--timeout 1 holds when every search step is expensive (a wide key), parsing included', async () => {
      const ops = hardOps();
      for (let i = 0; i < 200_000; i++)
        ops.push(`{"process":0,"f":"write","value":-2,"type":"ok","invoke":${2000 + 2 * i},"complete":${2001 + 2 * i}}`);
      const path = file('wide.json', `{"schemaVersion":1,"operations":[\n${ops.join(',\n')}\n]}`);
      const r = await run([path, '--timeout', '1', '--algorithm', 'search', '--max-memory', '4G']);
      assert.equal(r.code, 2);
      assert.match(r.stdout, /UNKNOWN/);
      assert.ok(r.ms < 4000, `a 1 s budget took ${Math.round(r.ms)} ms`);
    });

    test('--max-memory covers the parsed history: past it, verdict unknown', async () => {
      const value = 'x'.repeat(1024 * 1024);
      const big = `{:process 0, :type :invoke, :f :write, :value "${value}"}\n{:process 0, :type :ok, :f :write, :value 1}\n`;
      const path = file('big.edn', big.repeat(20));
      const r = await run([path, '--max-memory', '16M', '--json']);
      assert.equal(r.code, 2);
      const out = JSON.parse(r.stdout) as { verdict: string; reason: string; message: string };
      assert.deepEqual([out.verdict, out.reason], ['unknown', 'memory']);
      assert.match(out.message, /more memory than --max-memory \(16 MiB\) allows/);
    });

    test('deep nesting is bad input naming the line, never a stack overflow', async () => {
      const edn = await run([
        file('deep.edn', '{:process 0, :type :invoke, :f :write, :value 1}\n' + '['.repeat(100_000) + ']'.repeat(100_000)),
      ]);
      assert.equal(edn.code, 3);
      assert.match(edn.stderr, /deep\.edn: line 2: EDN: forms nested deeper than 256 levels\n$/);
      const json = await run([file('deep.json', '{"schemaVersion":1,\n"operations":[' + '['.repeat(100_000) + ']'.repeat(100_000) + ']}')]);
      assert.equal(json.code, 3);
      assert.match(json.stderr, /deep\.json: line 2: invalid JSON: values nested deeper than 256 levels\n$/);
    });

    test('EDN times are validated as JSON times are', async () => {
      const r = await run([
        file(
          'times.edn',
          '{:process 0, :type :invoke, :f :write, :value 1, :time 9000000}\n{:process 0, :type :ok, :f :write, :value 1, :time 1000000}\n',
        ),
      ]);
      assert.equal(r.code, 3);
      assert.match(r.stderr, /line 2: the completion's :time \(1000000\) is before its invocation's \(9000000, line 1\)/);
    });
  });

  describe('untrusted text is printed escaped', () => {
    const hostile = 'x\n::error::pwned\r\u001b[2J\u0007\u2028\u202e##[warning]';
    const history = JSON.stringify({
      schemaVersion: 1,
      initialValue: hostile,
      operations: [
        { process: hostile, node: hostile, key: hostile, f: 'write', value: hostile + 1, type: 'ok', invoke: 0, complete: 1 },
        { process: 1, key: hostile, f: 'write', value: 'b', type: 'ok', invoke: 2, complete: 3 },
        { process: hostile, key: hostile, f: 'read', value: hostile + 1, type: 'ok', invoke: 4, complete: 5 },
      ],
    });

    test('in the text output and the witness, by either algorithm', async () => {
      for (const algorithm of ['search', 'unique']) {
        const r = await run([file('hostile.json', history), '--algorithm', algorithm]);
        assert.equal(r.code, 1);
        assertInert(r.stdout);
        assert.match(r.stdout, /key "x\\x0a::error::pwned\\x0d\\x1b\[2J\\x07\\u2028\\u202e##\\x5bwarning\]"/);
      }
    });

    test('JSON output stays JSON and keeps the strings as they are', async () => {
      const r = await run([file('hostile2.json', history), '--json']);
      const out = JSON.parse(r.stdout) as { keys: Array<{ key: string; witness?: { failing: { process: string } } }> };
      assert.equal(out.keys[0]?.key, hostile);
      assert.equal(out.keys[0]?.witness?.failing.process, hostile);
    });

    test('in error messages and file names', async () => {
      const edn = await run([file('hostile.edn', `{:process 0, :type :invoke, :f ${JSON.stringify(hostile)}}\n`)]);
      assert.equal(edn.code, 3);
      assertInert(edn.stderr.trimEnd());
      assert.match(edn.stderr, /unsupported :f x\\x0a::error::pwned/);
      const log = await run([file('hostile.log', `INFO jepsen.util - ${hostile.replace(/\n/g, '')} :invoke :read nil\n`)]);
      assert.equal(log.code, 3);
      assertInert(log.stderr.trimEnd());
      const name = file('::error::name\u001b[1m.json', good);
      const r = await run([name]);
      assert.equal(r.code, 0);
      assertInert(r.stdout);
    });
  });
});

/**
 * 60 concurrent writes read back in a scrambled order, then a read of a value never written: a history whose search
 * explores a great many orders before it can say anything (JSON lines of operations).
 */
function hardOps(): string[] {
  const ops: string[] = [];
  for (let i = 0; i < 60; i++) ops.push(JSON.stringify({ process: i, f: 'write', value: i, type: 'ok', invoke: 0, complete: 1000 }));
  for (let i = 0; i < 60; i++)
    ops.push(JSON.stringify({ process: 60 + i, f: 'read', value: (i * 7) % 60, type: 'ok', invoke: 1 + i, complete: 999 - i }));
  ops.push(JSON.stringify({ process: 200, f: 'read', value: -1, type: 'ok', invoke: 1001, complete: 1002 }));
  return ops;
}

describe('check-history --models', () => {
  let dir: string;
  before(() => (dir = mkdtempSync(join(tmpdir(), 'rc-models-'))));
  after(() => rmSync(dir, { recursive: true, force: true }));
  const op = (process: number, f: string, value: string | null, invoke: number, key = 'x') => ({
    process,
    f,
    key,
    value,
    type: 'ok',
    invoke,
    complete: invoke + 1,
  });
  const file = (name: string, operations: unknown[]): string => {
    const path = join(dir, name);
    writeFileSync(path, JSON.stringify({ schemaVersion: 1, operations }));
    return path;
  };

  test('every model of the ladder is judged and printed; the exit status stays linearizability’s', async () => {
    // Client 1 reads y's new value, then x's initial one, although client 0 wrote x before y: monotonic writes break.
    const path = file('mw.json', [op(0, 'write', 'a', 0), op(0, 'write', 'b', 2, 'y'), op(1, 'read', 'b', 4, 'y'), op(1, 'read', null, 6)]);
    const r = await run([path, '--models']);
    assert.equal(r.code, 1, r.stdout);
    assert.match(r.stdout, /✗ monotonic-writes: violated - client 0 wrote "a" to "x"/);
    assert.match(r.stdout, /✓ read-your-writes: held/);
    assert.match(r.stdout, /\? eventual: unknown - a history file has no final node values/);
    const json = JSON.parse((await run([path, '--models', '--json'])).stdout) as {
      models: { models: { model: string; verdict: string }[] };
    };
    assert.deepEqual(
      json.models.models.map((m) => `${m.model} ${m.verdict}`),
      [
        'eventual unknown',
        'read-your-writes held',
        'monotonic-reads held',
        'monotonic-writes violated',
        'writes-follow-reads held',
        'pram violated',
        'causal violated',
        'sequential violated',
        'linearizable violated',
      ],
    );
  });

  test('without --models nothing of the ladder is printed', async () => {
    const path = file('ok.json', [op(0, 'write', 'a', 0), op(1, 'read', 'a', 4)]);
    const r = await run([path]);
    assert.equal(r.code, 0);
    assert.doesNotMatch(r.stdout, /Consistency models/);
  });
});
