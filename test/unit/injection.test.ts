// Text from outside (server bodies, container logs, compose output) must never become a workflow command. The
// output is parsed the way the runner parses it (test/support/runner.ts parseCommands honours stop-commands).
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { defuse, emitAnnotations, printUntrusted } from '../../src/action/runner.js';
import { parseCommands } from '../support/runner.js';

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
    const { lines } = capture('one\ntwo\r\nthree\rfour');
    assert.deepEqual(lines.slice(1, -1), ['one', 'two', 'three', 'four']);
  });
});

describe('defuse alone (a runner that ignored stop-commands)', () => {
  for (const attack of ATTACKS) {
    test(`no command from ${JSON.stringify(attack)}`, () => {
      const lines = attack.split(/\r\n|\r|\n/).map(defuse);
      assert.deepEqual(parseCommands(lines.join('\n')), []);
      for (const l of lines) {
        assert.doesNotMatch(l, /^\s*::/, 'a line that still starts with ::');
        assert.ok(!l.includes('##['), 'a legacy ##[ command');
        assert.doesNotMatch(l, /[\r\n\u0000-\u0008\u000b-\u001f]/, 'a control character');
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
    ];
    for (let i = 0; i < 2000; i++) {
      const s = Array.from({ length: 1 + Math.floor(rand() * 12) }, () => parts[Math.floor(rand() * parts.length)]).join('');
      const defused = s
        .split(/\r\n|\r|\n/)
        .map(defuse)
        .join('\n');
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
    assert.equal(commands[0]!.message.replace(/\u200b/g, ''), evil, 'the text itself is kept');
    assert.equal(commands[0]!.properties.line, '3');
  });
});
