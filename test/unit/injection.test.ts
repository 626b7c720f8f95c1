// Text from outside (server bodies, container logs, compose output, names from inputs) must never become a
// workflow command, on any line of anything the action prints. The output is captured from stdout and parsed the
// way the runner parses it (test/support/runner.ts: stop-commands honoured, every line break a viewer may honour).
import { test, describe, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as core from '@actions/core';
import { actionLogger, defuse, emitAnnotations, fail, inertLines, printUntrusted, say, warn } from '../../src/action/runner.js';
import { POST_STATE_KEY } from '../../src/model/post-state.js';
import { inertJson, inertText, oneLine } from '../../src/util/text.js';
import { LINE_BREAKS, captureStdout, looksLikeCommand, notInert, parseCommands, runStep } from '../support/runner.js';

const ATTACKS = [
  '::error::pwned',
  '::error file=a.ts,line=1,title=owned::pwned',
  '::warning::pwned',
  '::notice::pwned',
  '::add-mask::x',
  '::set-output name=a::b',
  '::save-state name=isPost::false',
  '::set-env name=NODE_OPTIONS::--require=/tmp/x.js',
  '::add-path::/tmp/evil',
  '::group::fake',
  '::endgroup::',
  '::debug::x',
  '::echo::on',
  '##[set-output name=a]b',
  '##[error]pwned',
  'prefix text ##[add-mask]secret',
  '::stop-commands::x',
  '::x::',
  '   ::error::leading spaces',
  '\t::error::leading tab',
  '\u00a0::error::no-break space',
  '\ufeff::error::byte order mark',
  '\u2003::error::em space',
  'harmless\r::error::carriage return',
  'harmless\r\n::error::crlf',
  'a\n::error::newline',
  '\u001b[31m::error::after an escape sequence',
  '::ERROR::upper case',
  'harmless\u2028::warning::line separator',
  'harmless\u2029::save-state name=isPost::false',
  'harmless\u0085::add-mask::next line',
  'harmless\r::set-output name=result::passed',
  '\u200b::error::zero-width space first',
  '\u180e::error::mongolian vowel separator',
  '\u00ad::error::soft hyphen',
  'x\n  \t ::notice::indented after a newline',
  '##\u001b[0m[error]legacy form split by an escape sequence',
  '::\u001b[0m:error::split by an escape sequence',
];

/** Everything a step printed, as the runner would parse it. */
function capture(text: string): { lines: string[]; commands: ReturnType<typeof parseCommands> } {
  const lines: string[] = [];
  printUntrusted(text, (l) => lines.push(l));
  return { lines, commands: parseCommands(lines.join('\n')) };
}

describe('printUntrusted', () => {
  for (const attack of ATTACKS) {
    test(`only the stop-commands pair, for ${JSON.stringify(attack)}`, () => {
      const { lines, commands } = capture(`before\n${attack}\nafter`);
      assert.equal(commands.length, 1, JSON.stringify(commands));
      assert.equal(commands[0]!.command, 'stop-commands');
      const token = commands[0]!.message;
      assert.match(token, /^rc[0-9a-f]{32}$/, 'a long, unguessable token');
      assert.equal(lines.at(-1), `::${token}::`, 'commands are resumed at the end');
    });
  }

  test('all attacks at once, and the text after the block is still parsed normally', () => {
    const { lines } = capture(ATTACKS.join('\n'));
    const after = parseCommands([...lines, '::notice::ours'].join('\n'));
    assert.deepEqual(
      after.map((c) => c.command),
      ['stop-commands', 'notice'],
    );
    assert.equal(after[1]!.message, 'ours');
  });

  test('a fresh token per call, so one block cannot be closed by a token seen in an earlier one', () => {
    const first = capture('x').commands[0]!.message;
    const second = capture('x').commands[0]!.message;
    assert.notEqual(first, second);
    // Text that guesses or replays a token inside a new block does not end that block.
    const { lines } = capture(`::${first}::\n::error::pwned`);
    assert.deepEqual(
      parseCommands(lines.join('\n')).map((c) => c.command),
      ['stop-commands'],
    );
  });

  test('every line of the text is printed (defused), none dropped', () => {
    const { lines } = capture('one\ntwo\r\nthree\rfour\u2028five\u2029six\u0085seven');
    assert.deepEqual(lines.slice(1, -1), ['one', 'two', 'three', 'four', 'five', 'six', 'seven']);
  });
});

describe('defuse alone (a runner that ignored stop-commands)', () => {
  for (const attack of ATTACKS) {
    test(`no command from ${JSON.stringify(attack)}`, () => {
      const lines = inertLines(attack);
      assert.deepEqual(parseCommands(lines.join('\n')), []);
      for (const l of lines) {
        assert.doesNotMatch(l, /^\s*::/, 'a line that still starts with ::');
        assert.ok(!l.includes('##['), 'a legacy ##[ command');
        assert.doesNotMatch(l, /[\r\n\u0000-\u0008\u000b-\u001f\u0085\u2028\u2029]/, 'a control character or a line break');
      }
    });
  }

  test('fuzz: random mixes of command syntax never produce a command, with or without stop-commands', () => {
    let seed = 7;
    const rand = (): number => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const parts = [
      '::',
      ':',
      '##[',
      '##',
      '[',
      ']',
      ' ',
      '\t',
      '\r',
      '\n',
      '\u00a0',
      '\ufeff',
      'error',
      'add-mask',
      'set-output',
      'stop-commands',
      'name=a',
      ',',
      '=',
      'x',
      '%0A',
      '\u001b',
      '\u2028',
      '\u0085',
      '\u200b',
    ];
    for (let i = 0; i < 2000; i++) {
      const s = Array.from({ length: 1 + Math.floor(rand() * 12) }, () => parts[Math.floor(rand() * parts.length)]).join('');
      const defused = defuse(s);
      assert.deepEqual(parseCommands(defused), [], `defuse let a command through for ${JSON.stringify(s)}`);
      const { commands } = capture(s);
      assert.deepEqual(
        commands.map((c) => c.command),
        ['stop-commands'],
        `printUntrusted let a command through for ${JSON.stringify(s)}`,
      );
    }
  });

  test('harmless text is left readable', () => {
    assert.equal(defuse('2026-01-01T00:00:00Z [kv_0] listening on :8080'), '2026-01-01T00:00:00Z [kv_0] listening on :8080');
    assert.equal(defuse('a :: b'), 'a :: b');
  });
});

describe('annotations built from untrusted text', () => {
  test('stay one command each, with no legacy ##[ form anywhere in the line', () => {
    const evil = 'HTTP 200 with body "x\n::error::pwned\r\n##[set-output name=a]b %0A::add-mask::y"';
    const written: string[] = [];
    const original = process.stdout.write.bind(process.stdout);
    process.stdout.write = ((chunk: string | Uint8Array) => {
      written.push(String(chunk));
      return true;
    }) as typeof process.stdout.write;
    try {
      emitAnnotations([{ level: 'error', title: 'Replication: ##[x] kv_2', message: evil, file: 'a.yml', startLine: 3 }]);
    } finally {
      process.stdout.write = original;
    }
    const out = written.join('');
    assert.equal(out.trim().split('\n').length, 1, 'one line');
    assert.ok(!out.includes('##['), out);
    const commands = parseCommands(out);
    assert.equal(commands.length, 1);
    assert.equal(commands[0]!.command, 'error');
    assert.equal(commands[0]!.message.replace(/\u200b/g, ''), evil.replace(/\r\n/g, '\n'), 'the text itself is kept');
    assert.equal(commands[0]!.properties.line, '3');
  });
});

// Every way a message may carry a second line, so that line can try every attack.
const BREAK_FORMS = ['\n', '\r\n', '\r', '\u2028', '\u2029', '\u0085', '\n\n  '];
const MESSAGES = [
  ...ATTACKS,
  ...ATTACKS.map((a) => `Replicheck saw ${a}`),
  ...BREAK_FORMS.flatMap((b) => ATTACKS.map((a) => `ok${b}${a}`)),
];

describe('every line the action prints is inert (stdout parsed as the runner parses it)', () => {
  const annotation = (level: 'error' | 'warning' | 'notice') => (m: string) =>
    emitAnnotations([{ level, title: m, message: m, file: 'docker-compose.yml', startLine: 3 }]);
  const channels: [string, (m: string) => void, string[]][] = [
    ['the logger: info', (m) => actionLogger().info(m), []],
    ['the logger: warn', (m) => actionLogger().warn(m), ['warning']],
    ['the logger: untrusted, title and text', (m) => actionLogger().untrusted(m, m), ['group', 'stop-commands', 'endgroup']],
    ['say', say, []],
    ['warn', warn, ['warning']],
    ['fail', fail, ['error']],
    ['an error annotation, title and message', annotation('error'), ['error']],
    ['a warning annotation, title and message', annotation('warning'), ['warning']],
    ['a notice annotation, title and message', annotation('notice'), ['notice']],
  ];
  after(() => {
    process.exitCode = undefined;
  });
  for (const [name, print, own] of channels) {
    test(`${name}: only its own command, and no line of any message looks like one`, async () => {
      for (const m of MESSAGES) {
        const out = await captureStdout(() => print(m));
        assert.deepEqual(
          parseCommands(out).map((c) => c.command),
          own,
          `for ${JSON.stringify(m)}: ${JSON.stringify(out)}`,
        );
        assert.deepEqual(notInert(out), [], `for ${JSON.stringify(m)}: ${JSON.stringify(out)}`);
      }
      process.exitCode = undefined;
    });
  }

  test('each line of a message is kept, readable, in order', async () => {
    const out = await captureStdout(() => say('one\r\ntwo\u2028three\u0085four'));
    assert.equal(out, 'one\ntwo\nthree\nfour\n');
    const annotated = parseCommands(await captureStdout(() => warn('a\u2029::b')));
    assert.equal(annotated[0]!.message, 'a\n:\u200b:b');
  });

  test('@actions/core escapes CR, LF and % in a message but passes NEL, U+2028 and U+2029 through; warn sends them as %0A', async () => {
    const raw = await captureStdout(() => core.warning('a\r\nb%\u2028::add-mask::c\u0085d'));
    assert.equal(raw, '::warning::a%0D%0Ab%25\u2028::add-mask::c\u0085d\n');
    assert.deepEqual(
      parseCommands(raw).map((c) => c.command),
      ['warning', 'add-mask'],
      'what a viewer breaking at U+2028 would show as a command of its own',
    );
    const ours = await captureStdout(() => warn('a\r\nb%\u2028::add-mask::c\u0085d'));
    assert.equal(ours, '::warning::a%0Ab%25%0A:\u200b:add-mask::c%0Ad\n');
  });

  test('the main step, stopped early by hostile inputs, prints only its own commands and every line inert', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rc-inject-main-'));
    try {
      const run = await runStep(
        {
          servers: 'http://127.0.0.1:1\n::warning::from servers',
          'project-name': 'Bad\n::warning::from the project name\r::save-state name=isPost::false\u2028::add-mask::x',
          'report-file': join(dir, 'r\n::error::from the report path\u2028::add-mask::y.json'),
          'working-directory': dir,
        },
        { source: true, timeoutMs: 60_000 },
      );
      assert.equal(run.code, 1, run.stderr);
      assert.ok(run.stdout.includes('from the report path') && run.stdout.includes('from the project name'), 'the text was printed');
      // No headers input, so no mask of Replicheck's own either.
      const own = ['error', 'group', 'endgroup', 'stop-commands'];
      assert.deepEqual(notInert(run.stdout, own), []);
      assert.deepEqual(notInert(run.stderr, own), []);
      for (const c of run.commands) {
        if (c.command === 'error')
          assert.ok(c.properties.title?.startsWith('Replicheck') || c.message.startsWith('Replicheck failed'), JSON.stringify(c));
        else assert.ok(['group', 'endgroup', 'stop-commands'].includes(c.command), JSON.stringify(c));
      }
      assert.equal(run.state.isPost, 'true');
      assert.equal(run.state[POST_STATE_KEY], undefined, 'bad inputs: nothing for the post step');
      assert.equal(run.stdout.split(LINE_BREAKS).filter((l) => l.startsWith('JSON report: ')).length, 1);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('the shared inert-text helpers (the CLI prints through them, in a runner too)', () => {
  test('no line of inertText, and not oneLine, looks like a command, whatever the text', () => {
    for (const m of MESSAGES) {
      for (const line of inertText(m).split(LINE_BREAKS)) assert.ok(!looksLikeCommand(line), `inertText(${JSON.stringify(m)})`);
      const one = oneLine(m);
      assert.ok(!LINE_BREAKS.test(one) && !looksLikeCommand(one), `oneLine(${JSON.stringify(m)}): ${JSON.stringify(one)}`);
    }
  });

  test('they read as before: a command in the middle of a line is left alone, breaks kept or shown as ⏎', () => {
    assert.equal(oneLine('boom\n::error::pwned'), 'boom ⏎ ::error::pwned');
    assert.equal(inertText('a\u2028b\r\nc\td'), 'a\nb\nc\td');
    assert.equal(inertText('listening on :8080 [kv_0]'), 'listening on :8080 [kv_0]');
  });
});

test('JSON printed for a runner stays the same value with no command form on any line', () => {
  const value = { a: 'x ##[error]boom', b: 'one\u2028::warning::two\u2029three\u0085four', c: ['::error::', '##[group]'] };
  const text = inertJson(value, 2);
  assert.deepEqual(JSON.parse(text), value);
  assert.ok(!text.includes('##['), text);
  assert.ok(!/[\u0085\u2028\u2029]/.test(text), text);
  for (const line of text.split(/\r\n|\r|\n/)) assert.ok(!/^\s*::/.test(line), line);
});
