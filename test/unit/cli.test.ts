// The command line without Docker: flags derived from the inputs, the config file, help, exit codes for bad
// usage, and the terminal helpers.
import { test, describe, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, readFileSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { INPUTS, plainDescription, type InputSpec } from '../../src/inputs/list.js';
import { parseRunArgs } from '../../src/cli/args.js';
import { EXIT_USAGE, UsageError, suggest } from '../../src/cli/usage.js';
import { configInputs, findDefaultConfig, loadConfigFile, mergeInputs } from '../../src/cli/config-file.js';
import { mainUsage, runUsage } from '../../src/cli/help.js';
import { cli } from '../../src/cli/main.js';
import { cleanupHint, exitCodeFor } from '../../src/cli/run.js';
import { reportPath } from '../../src/report/paths.js';
import { cliStyle, createProgress, wantsColour } from '../../src/cli/terminal.js';
import { inertText as terminalSafe } from '../../src/util/text.js';
import { VERSION } from '../../src/version.js';
import { resultWith, check } from '../support/result.js';

const tempDirs: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'rc-cli-unit-'));
  tempDirs.push(dir);
  return dir;
}
after(() => {
  for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true });
});

const specs = INPUTS as readonly InputSpec[];

function capture(isTTY = false) {
  let text = '';
  return { out: { write: (t: string) => void (text += t), isTTY }, text: () => text };
}

async function runCli(argv: string[], options: { cwd?: string; env?: Record<string, string> } = {}) {
  const stdout = capture();
  const stderr = capture();
  const code = await cli(argv, { stdout: stdout.out, stderr: stderr.out, env: options.env ?? {}, cwd: options.cwd ?? tempDir() });
  return { code, stdout: stdout.text(), stderr: stderr.text() };
}

describe('run flags', () => {
  test('every input is a flag; --name=value and --name value; a repeated flag is a list', () => {
    const a = parseRunArgs(['--servers', 'http://a:1', '--servers=http://b:2', '--restart-target=kv_4', '--json', '--config', 'x.yml']);
    assert.equal(a.inputs.servers, 'http://a:1\nhttp://b:2');
    assert.equal(a.inputs['restart-target'], 'kv_4');
    assert.equal(a.json, true);
    assert.equal(a.config, 'x.yml');
    for (const spec of specs) {
      const value = spec.default === 'true' || spec.default === 'false' ? 'false' : 'v';
      assert.equal(parseRunArgs([`--${spec.name}`, value]).inputs[spec.name as never], value, spec.name);
    }
  });

  test('boolean inputs take --name, --no-name, --name=false and --name false', () => {
    assert.equal(parseRunArgs(['--build']).inputs.build, 'true');
    assert.equal(parseRunArgs(['--no-build']).inputs.build, 'false');
    assert.equal(parseRunArgs(['--build=false']).inputs.build, 'false');
    assert.equal(parseRunArgs(['--build', 'FALSE']).inputs.build, 'FALSE');
    // A bare boolean flag does not swallow the next flag.
    const a = parseRunArgs(['--build', '--json']);
    assert.equal(a.inputs.build, 'true');
    assert.equal(a.json, true);
  });

  test('an empty value is allowed with =', () => {
    assert.equal(parseRunArgs(['--restart-target=']).inputs['restart-target'], '');
  });

  test('bad usage: unknown flag with a suggestion, missing value, stray argument, value on a switch', () => {
    assert.throws(
      () => parseRunArgs(['--sever', 'x']),
      (e: Error) => e instanceof UsageError && /Unknown flag --sever\. Did you mean --servers\?/.test(e.message),
    );
    assert.throws(() => parseRunArgs(['--restart-targt', 'kv_4']), /Did you mean --restart-target\?/);
    assert.throws(
      () => parseRunArgs(['--zzzzzz']),
      (e: Error) => /Unknown flag --zzzzzz\.$/.test(e.message),
    );
    assert.throws(() => parseRunArgs(['--servers']), /--servers needs a value/);
    assert.throws(() => parseRunArgs(['--servers', '--json']), /--servers needs a value/);
    assert.throws(() => parseRunArgs(['extra']), /Unexpected argument 'extra'/);
    assert.throws(() => parseRunArgs(['--json=yes']), /--json takes no value/);
    assert.throws(() => parseRunArgs(['--no-servers']), /Unknown flag --no-servers/);
  });

  test('suggestions only when close', () => {
    assert.equal(
      suggest('teardwn', ['teardown', 'servers'], (s) => s),
      'teardown',
    );
    assert.equal(
      suggest('qqq', ['teardown', 'servers'], (s) => s),
      '',
    );
  });
});

describe('config file', () => {
  test('JSON and YAML, values become input strings', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'a.json'), JSON.stringify({ servers: ['http://a:1', 'http://b:2'], 'convergence-timeout': 3, build: false }));
    writeFileSync(join(dir, 'b.yaml'), 'servers:\n  - http://a:1\n  - http://b:2\nrestart-target: kv_4\nreport-file: null\n');
    const a = await loadConfigFile('a.json', dir);
    assert.deepEqual(a.inputs, { servers: 'http://a:1\nhttp://b:2', 'convergence-timeout': '3', build: 'false' });
    assert.equal(a.directory, dir);
    const b = await loadConfigFile(join(dir, 'b.yaml'), '/');
    assert.deepEqual(b.inputs, { servers: 'http://a:1\nhttp://b:2', 'restart-target': 'kv_4' });
    // Nested values are passed as JSON, which inputs holding YAML accept.
    assert.equal(configInputs({ 'key-path': [{ a: 1 }] }, 'f')['key-path'], '[{"a":1}]');
  });

  test('unknown keys, bad syntax, wrong extension and a missing file are usage errors', async () => {
    const dir = tempDir();
    assert.throws(
      () => configInputs({ server: 'x', zzzzzz: 1 }, 'replicheck.json'),
      /Unknown keys in replicheck\.json: 'server' \(did you mean 'servers'\?\), 'zzzzzz'\./,
    );
    assert.throws(() => configInputs(['x'], 'f'), /must hold an object/);
    writeFileSync(join(dir, 'bad.json'), '{ servers: ');
    await assert.rejects(loadConfigFile('bad.json', dir), (e: Error) => e instanceof UsageError && /not valid JSON/.test(e.message));
    writeFileSync(join(dir, 'bad.yml'), 'servers: [a\n');
    await assert.rejects(loadConfigFile('bad.yml', dir), /not valid YAML/);
    writeFileSync(join(dir, 'conf.toml'), '');
    await assert.rejects(loadConfigFile('conf.toml', dir), /must end in \.json, \.yml or \.yaml/);
    await assert.rejects(loadConfigFile('missing.json', dir), /Cannot read the config file missing\.json/);
  });

  test('default file in the working directory; two of them is ambiguous', async () => {
    const dir = tempDir();
    assert.equal(await findDefaultConfig(dir), undefined);
    writeFileSync(join(dir, 'replicheck.yml'), 'servers: http://a:1\n');
    assert.equal(await findDefaultConfig(dir), join(dir, 'replicheck.yml'));
    writeFileSync(join(dir, 'replicheck.json'), '{}');
    await assert.rejects(findDefaultConfig(dir), /Found replicheck\.json and replicheck\.yml/);
  });

  test('flags override the file; paths in a file elsewhere are relative to that file', () => {
    const file = {
      path: '/repo/deploy/replicheck.yml',
      directory: '/repo/deploy',
      inputs: { servers: 'http://a:1', teardown: 'never', 'report-file': 'out/r.json' },
    };
    assert.deepEqual(mergeInputs({ teardown: 'always' }, file, '/repo'), {
      servers: 'http://a:1',
      teardown: 'always',
      'working-directory': '/repo/deploy',
      'report-file': '/repo/deploy/out/r.json',
    });
    assert.equal(mergeInputs({}, { ...file, inputs: { 'working-directory': 'kv' } }, '/repo')['working-directory'], '/repo/deploy/kv');
    // A flag's path stays relative to the current directory.
    assert.equal(mergeInputs({ 'working-directory': 'x' }, file, '/repo')['working-directory'], 'x');
    // A file in the current directory leaves paths as written.
    assert.deepEqual(mergeInputs({}, { ...file, directory: '/repo' }, '/repo'), file.inputs);
  });
});

describe('help and version', () => {
  test('run --help lists every input with its description and default', () => {
    const text = runUsage();
    const flat = text.replace(/\s+/g, ' ');
    for (const spec of specs) {
      assert.match(text, new RegExp(`--${spec.name}\\b`), spec.name);
      // As a terminal shows it: the description's code marks dropped.
      assert.ok(flat.includes(plainDescription(spec).replace(/\s+/g, ' ')), `description of ${spec.name}`);
      assert.ok(!flat.includes('`'), 'no Markdown code marks in the help');
      if (spec.default) assert.ok(flat.includes(`default: ${spec.default}`), `default of ${spec.name}`);
    }
    for (const flag of ['--config FILE', '--no-config', '--json', '--help', 'NO_COLOR', 'Ctrl-C']) assert.ok(text.includes(flag), flag);
    assert.match(text, /0 +passed[\s\S]*1 +failed[\s\S]*2 +could not check[\s\S]*3 +bad usage[\s\S]*130 +interrupted/);
    assert.ok(
      text.split('\n').every((l) => l.length <= 100),
      'lines fit a terminal',
    );
  });

  test('replicheck --help, help run, --version, unknown command', async () => {
    const help = await runCli(['--help']);
    assert.equal(help.code, 0);
    assert.equal(help.stdout, mainUsage(VERSION));
    assert.match(help.stdout, /replicheck run \[options\]/);
    assert.match(help.stdout, /replicheck check-history FILE/);
    assert.equal((await runCli([])).stdout, mainUsage(VERSION));
    assert.equal((await runCli(['help', 'run'])).stdout, runUsage());
    assert.equal((await runCli(['run', '-h'])).stdout, runUsage());

    const version = await runCli(['--version']);
    assert.equal(version.code, 0);
    assert.equal(version.stdout, `${VERSION}\n`);
    const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as {
      version: string;
      bin: Record<string, string>;
    };
    assert.equal(version.stdout.trim(), pkg.version);
    assert.equal(pkg.bin.replicheck, 'dist/cli/index.js');
    assert.equal((await runCli(['-V'])).stdout, `${VERSION}\n`);

    const unknown = await runCli(['rnu']);
    assert.equal(unknown.code, EXIT_USAGE);
    assert.equal(unknown.stderr, "replicheck: Unknown command 'rnu'. Did you mean 'run'? See 'replicheck --help'.\n");
    assert.equal((await runCli(['--verbose'])).code, EXIT_USAGE);
  });

  test('check-history is the same binary', async () => {
    const r = await runCli(['check-history', '--help']);
    assert.equal(r.code, 0);
    assert.match(r.stdout, /Usage: replicheck check-history FILE/);
    const bad = await runCli(['check-history']);
    assert.notEqual(bad.code, 0);
    assert.match(bad.stderr, /check-history/);
  });
});

describe('run: usage and input errors exit 3 before anything starts', () => {
  test('a bad flag', async () => {
    const r = await runCli(['run', '--sever', 'http://localhost:1']);
    assert.equal(r.code, 3);
    assert.match(r.stderr, /replicheck run: Unknown flag --sever\. Did you mean --servers\?/);
    assert.match(r.stderr, /replicheck run --help/);
    assert.equal(r.stdout, '');
  });

  test('missing and invalid inputs are named as flags, all at once', async () => {
    const r = await runCli(['run', '--write-method', 'GET', '--teardown', 'sometimes']);
    assert.equal(r.code, 3);
    assert.match(r.stderr, /Bad inputs/);
    assert.match(r.stderr, /--servers: is empty\./);
    assert.match(r.stderr, /--write-method: 'GET' is not supported\./);
    assert.match(r.stderr, /--teardown: 'sometimes' is not a teardown policy\./);
  });

  test('--json prints a report with the errors', async () => {
    const r = await runCli(['run', '--json', '--servers', 'ftp://x']);
    assert.equal(r.code, 3);
    const report = JSON.parse(r.stdout) as { verdict: string; errors: { input?: string }[] };
    assert.equal(report.verdict, 'failed');
    assert.equal(report.errors[0]!.input, 'servers');
  });

  test('the config file of the working directory is read, checked and overridden by flags', async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'replicheck.json'), JSON.stringify({ servers: 'http://localhost:1', teardown: 'bogus' }));
    const bad = await runCli(['run'], { cwd: dir });
    assert.equal(bad.code, 3);
    assert.match(bad.stderr, /--teardown: 'bogus'/);
    assert.match(bad.stderr, /replicheck\.json/);
    writeFileSync(join(dir, 'replicheck.json'), JSON.stringify({ servers: 'http://localhost:1', sever: 'x' }));
    const unknown = await runCli(['run'], { cwd: dir });
    assert.equal(unknown.code, 3);
    assert.match(unknown.stderr, /Unknown key in \S*replicheck\.json: 'sever' \(did you mean 'servers'\?\)/);
    // --no-config skips it: now the missing servers input is the problem.
    const skipped = await runCli(['run', '--no-config'], { cwd: dir });
    assert.equal(skipped.code, 3);
    assert.match(skipped.stderr, /--servers: is empty/);
    mkdirSync(join(dir, 'sub'));
    writeFileSync(join(dir, 'sub', 'c.yaml'), 'servers: ftp://x\n');
    const explicit = await runCli(['run', '--config', 'sub/c.yaml', '--servers', 'gopher://y'], { cwd: dir });
    assert.match(explicit.stderr, /'gopher:\/\/y' is not an HTTP/);
  });
});

describe('one usage error for both commands', () => {
  const commands = ['run', 'check-history'] as const;

  test('an unknown flag: the same line, naming the flag and the help, and the same exit code', async () => {
    for (const command of commands) {
      const r = await runCli([command, '--foo', 'x']);
      assert.equal(r.code, EXIT_USAGE, command);
      assert.equal(r.stderr, `replicheck ${command}: Unknown flag --foo. See 'replicheck ${command} --help'.\n`);
      assert.equal(r.stdout, '');
    }
    // The closest flag is suggested by either command.
    assert.match(
      (await runCli(['check-history', 'h.json', '--algoritm', 'search'])).stderr,
      /Unknown flag --algoritm\. Did you mean --algorithm\?/,
    );
  });

  test('a missing value, at the end or before another flag', async () => {
    const run = await runCli(['run', '--config']);
    const history = await runCli(['check-history', 'h.json', '--model']);
    assert.equal(run.code, EXIT_USAGE);
    assert.equal(history.code, run.code);
    assert.equal(run.stderr, "replicheck run: --config needs a value: --config VALUE. See 'replicheck run --help'.\n");
    assert.equal(
      history.stderr,
      "replicheck check-history: --model needs a value: --model VALUE. See 'replicheck check-history --help'.\n",
    );
    const before = await runCli(['check-history', 'h.json', '--timeout', '-1']);
    assert.equal(before.code, EXIT_USAGE);
    assert.match(before.stderr, /--timeout needs a value before -1; a value that starts with '-' is written --timeout=-1\./);
  });

  test('a stray argument, a value on a switch and a bad value exit the same way', async () => {
    const cases = [
      ['run', 'extra'],
      ['check-history', 'a.json', 'b.json'],
      ['run', '--json=yes'],
      ['check-history', 'h.json', '--json=yes'],
      ['run', '--no-config', '--servers', 'http://localhost:1', '--teardown', 'sometimes'],
      ['check-history', 'h.json', '--model', 'queue'],
      ['check-history'],
    ];
    for (const argv of cases) {
      const r = await runCli(argv);
      assert.equal(r.code, EXIT_USAGE, argv.join(' '));
      assert.match(r.stderr, new RegExp(`^replicheck ${argv[0]}: [\\s\\S]*See 'replicheck ${argv[0]} --help'\\.\\n$`), argv.join(' '));
    }
    assert.match((await runCli(['run', 'extra'])).stderr, /Unexpected argument 'extra': run takes only flags\./);
    assert.match((await runCli(['check-history', 'a.json', 'b.json'])).stderr, /Unexpected argument 'b\.json'/);
    assert.match((await runCli(['run', '--json=yes'])).stderr, /--json takes no value; write --json alone\./);
    assert.match(
      (await runCli(['check-history', 'h.json', '--model', 'queue'])).stderr,
      /--model 'queue' is not a model; use one of register/,
    );
  });

  test('both helps document the usage exit code', async () => {
    assert.match((await runCli(['run', '--help'])).stdout, new RegExp(`\\n  ${EXIT_USAGE} +bad usage`));
    assert.match((await runCli(['check-history', '--help'])).stdout, new RegExp(`${EXIT_USAGE} bad usage or input`));
  });
});

describe('exit codes and report path', () => {
  test('1 when a check failed, 2 when the run could not be carried out, 0 when passed', () => {
    const passed = resultWith([check({ id: 'a', title: 'T', status: 'passed' })]);
    assert.equal(exitCodeFor(passed), 0);
    assert.equal(exitCodeFor(resultWith([check({ id: 'a', title: 'T', status: 'failed' })])), 1);
    assert.equal(exitCodeFor(resultWith([], { errors: [{ message: 'compose up failed' }] })), 2);
    // A failed check outweighs a setup error that came later (e.g. teardown).
    assert.equal(exitCodeFor(resultWith([check({ id: 'a', title: 'T', status: 'failed' })], { errors: [{ message: 'x' }] })), 1);
    assert.equal(exitCodeFor(resultWith([check({ id: 'a', title: 'T', status: 'skipped' })])), 0);
  });

  test('report-file relative to the current directory, else the temp directory', () => {
    assert.equal(reportPath('out/r.json', '/w', 'p', '/tmp'), '/w/out/r.json');
    assert.equal(reportPath(undefined, '/w', 'p', '/t'), '/t/replicheck-p.json');
  });

  test('the cleanup hint names the project for Compose and for plain docker', () => {
    const hint = cleanupHint('rc-x');
    assert.match(hint, /docker compose -p rc-x down --volumes/);
    assert.match(hint, /docker rm -f -v \$\(docker ps -aq --filter label=com\.docker\.compose\.project=rc-x\)/);
  });
});

describe('terminal', () => {
  test('untrusted text cannot move the cursor, recolour, overwrite or reorder', () => {
    const hostile = 'a\u001b[2J\u001b]0;title\u0007b\rc\u009b31md\u202eevil\u2066x\n\tok';
    const safe = terminalSafe(hostile);
    assert.ok(!/[\u001b\u0007\r\u009b\u202e\u2066]/.test(safe), JSON.stringify(safe));
    assert.match(safe, /\n\tok$/);
  });

  test('colour only on a TTY and never with NO_COLOR', () => {
    assert.equal(wantsColour({ write: () => undefined, isTTY: true }, {}), true);
    assert.equal(wantsColour({ write: () => undefined, isTTY: true }, { NO_COLOR: '1' }), false);
    assert.equal(wantsColour({ write: () => undefined, isTTY: true }, { TERM: 'dumb' }), false);
    assert.equal(wantsColour({ write: () => undefined, isTTY: false }, {}), false);
    assert.equal(cliStyle(false).red('x'), 'x');
    assert.equal(cliStyle(true).red('x'), '\u001b[31mx\u001b[39m');
  });

  test('plain progress: one line per phase event, untrusted logs prefixed and sanitised', () => {
    const c = capture();
    let t = 0;
    const p = createProgress(c.out, { interactive: false, style: cliStyle(false), now: () => t });
    p.phase!('up', 'start');
    t = 1500;
    p.info('Docker engine 20.10');
    p.phase!('up', 'ok');
    p.phase!('ready', 'start');
    p.phase!('ready', 'failed');
    p.untrusted('Last log lines of kv_0', 'line 1\n\u001b[31mred\u001b[0m\r\n');
    p.warn('careful\nthere');
    p.stop();
    assert.equal(
      c.text(),
      '▸ up\n  Docker engine 20.10\n✓ up 1.50 s\n▸ ready\n✗ ready 0 ms\nLast log lines of kv_0\n  │ line 1\n  │ red\n! careful ⏎ there\n',
    );
  });

  test('live progress on a TTY redraws one line and clears it before other output', () => {
    const c = capture(true);
    const p = createProgress(c.out, { interactive: true, style: cliStyle(false), now: () => 0 });
    p.phase!('up', 'start');
    p.line('hello');
    p.phase!('up', 'ok');
    p.stop();
    assert.equal(c.text(), '⠋ up 0 ms\r\u001b[2Khello\n⠙ up 0 ms\r\u001b[2K✓ up 0 ms\n');
  });
});
