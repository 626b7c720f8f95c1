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
import { GROUP_TITLES, firstSentence, mainUsage, runUsage } from '../../src/cli/help.js';
import { textWidth } from '../../src/cli/layout.js';
import { isBooleanInput } from '../../src/cli/args.js';
import { INPUT_GROUPS } from '../../src/inputs/list.js';
import { GROUPS } from '../../scripts/inputs.js';
import { InputError } from '../../src/inputs/errors.js';
import { SetupError } from '../../src/compose/driver.js';
import { toRunErrors } from '../../src/engine/errors.js';
import { cli } from '../../src/cli/main.js';
import { cleanupHint, exitCodeFor } from '../../src/cli/run.js';
import { reportPath } from '../../src/report/paths.js';
import { cliStyle, createProgress, wantsColour } from '../../src/cli/terminal.js';
import { inertText as terminalSafe } from '../../src/util/text.js';
import { VERSION } from '../../src/version.js';
import { resultWith, check } from '../support/result.js';
import { startFakeCluster } from '../support/fake-cluster.js';

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

/** The CLI with stdout on a terminal of `columns` (stderr piped). */
async function runCliOn(argv: string[], terminal: { isTTY: boolean; columns: number }, env: Record<string, string> = {}) {
  let stdout = '';
  let stderr = '';
  const out = { write: (t: string) => void (stdout += t), ...terminal };
  const err = { write: (t: string) => void (stderr += t), isTTY: false };
  const code = await cli(argv, { stdout: out, stderr: err, env, cwd: tempDir() });
  return { code, stdout, stderr };
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
    // The config input is the CLI's own --config flag (it also finds a default file), tested above.
    for (const spec of specs.filter((s) => s.name !== 'config')) {
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
    assert.ok(flat.includes('--config FILE Read inputs from FILE'), 'the config input as the CLI reads it');
    for (const spec of specs.filter((s) => s.name !== 'config')) {
      assert.match(text, new RegExp(`--(\\[no-\\])?${spec.name}\\b`), spec.name);
      // As a terminal shows it: the description's code marks dropped.
      assert.ok(flat.includes(plainDescription(spec).replace(/\s+/g, ' ')), `description of ${spec.name}`);
      assert.ok(!flat.includes('`'), 'no Markdown code marks in the help');
      if (spec.default) assert.ok(flat.includes(`default: ${spec.default}`), `default of ${spec.name}`);
    }
    for (const flag of ['--config FILE', '--no-config', '--json', '--help', 'NO_COLOR', 'FORCE_COLOR', 'Ctrl-C'])
      assert.ok(text.includes(flag), flag);
    assert.match(text, /0 +passed[\s\S]*1 +failed[\s\S]*2 +no verdict[\s\S]*3 +bad usage or bad input[\s\S]*130 +interrupted/);
    assert.ok(
      text.split('\n').every((l) => l.length <= 80),
      'lines fit the default width',
    );
  });

  test('run --help: examples first, then the inputs grouped as action.yml groups them, then the CLI-only flags', () => {
    const text = runUsage();
    const at = (s: string) => text.indexOf(s);
    assert.ok(at('Examples:') > 0 && at('Examples:') < at('--servers VALUE'), 'examples before the flags');
    const headings = INPUT_GROUPS.map((g) =>
      at(`\n${GROUPS[g].title}: ${GROUPS[g].about.charAt(0).toLowerCase()}${GROUPS[g].about.slice(1)}\n`),
    );
    assert.ok(
      headings.every((h, i) => h > 0 && (i === 0 || h > headings[i - 1]!)),
      `group headings in order: ${headings.join(', ')}`,
    );
    assert.ok(at('\nCommand line only:\n') > headings[headings.length - 1]!, 'the CLI-only flags after the inputs');
    // Each input under its own group's heading.
    for (const spec of specs) {
      const group = INPUT_GROUPS.indexOf(spec.group);
      const flag = at(`\n  --${isBooleanInput(spec) ? '[no-]' : ''}${spec.name}${spec.name === 'config' ? ' FILE' : metavar(spec)}`);
      assert.ok(flag > headings[group]! && (group === INPUT_GROUPS.length - 1 || flag < headings[group + 1]!), spec.name);
    }
    assert.deepEqual(Object.keys(GROUP_TITLES), [...INPUT_GROUPS]);
    for (const g of INPUT_GROUPS) assert.equal(GROUP_TITLES[g], GROUPS[g].title);
  });

  test('help is wrapped to the width: the terminal, else COLUMNS, else 80; two columns when they fit', async () => {
    const lines = (text: string) => text.split('\n');
    // Commands of the examples are never wrapped (they are for copying), nor is a single word longer than the width.
    const longest = (text: string) =>
      Math.max(
        ...lines(text)
          .filter((l) => !/^ {2}(replicheck | {2}--)|^ *\S+$/.test(l))
          .map((l) => l.length),
      );
    for (const width of [40, 60, 80, 100, 120]) assert.ok(longest(runUsage(width)) <= width, `run --help at ${width}`);
    assert.ok(lines(runUsage(120)).length < lines(runUsage(80)).length);
    // Below 70 columns the description goes under its flag.
    assert.match(runUsage(60), /\n {2}--servers VALUE\n {6}Base URLs/);
    assert.equal(firstSentence('Seconds one thing may take, e.g. 5. Empty: none.'), 'Seconds one thing may take, e.g. 5.');

    const tty = { write: () => undefined, isTTY: true, columns: 132 };
    assert.equal(textWidth(tty, {}), 120, 'a wide terminal: prose kept readable');
    assert.equal(textWidth({ ...tty, columns: 70 }, { COLUMNS: '200' }), 70, "the terminal's own width first");
    assert.equal(textWidth({ isTTY: false }, { COLUMNS: '100' }), 100);
    assert.equal(textWidth({ isTTY: false }, {}), 80);
    assert.equal(textWidth({ isTTY: false }, { COLUMNS: 'wide' }), 80);

    const piped = await runCli(['run', '--help'], { env: { COLUMNS: '100' } });
    assert.equal(piped.stdout, runUsage(100));
    const onTerminal = await runCliOn(['run', '--help'], { isTTY: true, columns: 60 });
    assert.equal(onTerminal.stdout, runUsage(60));
    assert.equal((await runCliOn(['--help'], { isTTY: true, columns: 60 })).stdout, mainUsage(VERSION, 60));
  });

  test('-h is the short form: each input by its first sentence; --help and help run the whole text', async () => {
    const brief = (await runCli(['run', '-h'])).stdout;
    assert.equal(brief, runUsage(80, true));
    assert.ok(brief.split('\n').length < runUsage().split('\n').length);
    assert.ok(
      brief.replace(/\s+/g, ' ').includes('--servers Base URLs of the nodes, newline- or comma-separated (http://localhost:8080, ...).'),
    );
    assert.ok(!brief.includes('Credentials in URLs are refused'));
    for (const spec of specs) assert.match(brief, new RegExp(`--(\\[no-\\])?${spec.name}\\b`), spec.name);
    assert.equal((await runCli(['run', '--help'])).stdout, runUsage());
    assert.equal((await runCli(['run', '-h', '--help'])).stdout, runUsage());
  });

  test('replicheck --help, help run, --version, unknown command', async () => {
    const help = await runCli(['--help']);
    assert.equal(help.code, 0);
    assert.equal(help.stdout, mainUsage(VERSION));
    assert.match(help.stdout, /replicheck run \[options\]/);
    assert.match(help.stdout, /replicheck check-history FILE/);
    assert.equal((await runCli([])).stdout, mainUsage(VERSION));
    assert.equal((await runCli(['help', 'run'])).stdout, runUsage());
    assert.match(help.stdout, /replicheck probe --servers URL/);

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
  test('1 when a check failed, 2 when the run could not be carried out, 3 on a bad input found by the engine, 0 when passed', () => {
    const passed = resultWith([check({ id: 'a', title: 'T', status: 'passed' })]);
    assert.equal(exitCodeFor(passed), 0);
    assert.equal(exitCodeFor(resultWith([check({ id: 'a', title: 'T', status: 'failed' })])), 1);
    assert.equal(exitCodeFor(resultWith([], { errors: [{ message: 'compose up failed' }] })), 2);
    // A failed check outweighs a setup error that came later (e.g. teardown).
    assert.equal(exitCodeFor(resultWith([check({ id: 'a', title: 'T', status: 'failed' })], { errors: [{ message: 'x' }] })), 1);
    assert.equal(exitCodeFor(resultWith([check({ id: 'a', title: 'T', status: 'skipped' })])), 0);
    // A bad input the engine found (preflight: a target that is no service) is bad input like one the parser found.
    const [badTarget] = toRunErrors(new InputError([{ input: 'restart-target', message: "'kv_9' is not a service.", fix: 'Use kv_0.' }]));
    assert.equal(exitCodeFor(resultWith([], { errors: [badTarget!] })), EXIT_USAGE);
    // A setup problem that names an input (a busy port) is not one.
    const [busy] = toRunErrors(new SetupError('Port(s) 127.0.0.1:8080 are already in use.', 'Stop it.', 'servers'));
    assert.equal(exitCodeFor(resultWith([], { errors: [busy!] })), 2);
    assert.equal(exitCodeFor(resultWith([check({ id: 'a', title: 'T', status: 'failed' })], { errors: [badTarget!] })), 1);
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

/** What follows a flag's name in the help: nothing but a space for a switch. */
function metavar(spec: InputSpec): string {
  return isBooleanInput(spec) ? ' ' : ' VALUE';
}

describe('output: the result on stdout, progress on stderr, colour as asked, text to the width', () => {
  test('a run against a cluster already running: stdout is the table alone, or the JSON report alone', async () => {
    const cluster = await startFakeCluster([{ kind: 'shared' }, { kind: 'shared' }, { kind: 'shared' }]);
    try {
      const dir = tempDir();
      const argv = ['run', '--no-config', '--cluster', 'external', '--servers', cluster.nodes.map((n) => n.url).join(',')];
      const report = join(dir, 'r.json');
      const text = await runCli([...argv, '--report-file', report], { cwd: dir });
      assert.equal(text.code, 0, text.stderr);
      // Progress, the header line and the report's path on stderr; none of it on stdout.
      assert.match(text.stderr, /replicheck \S+: an external cluster, 3 nodes/);
      assert.match(text.stderr, /^▸ /m);
      assert.match(text.stderr, new RegExp(`JSON report: ${report.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}\\n$`));
      assert.doesNotMatch(text.stdout, /▸|✓ validate|JSON report:|an external cluster, 3 nodes/);
      assert.match(text.stdout, /PASSED/i);
      assert.doesNotMatch(text.stdout, /\u001b\[/, 'no colour in a pipe');

      const json = await runCli([...argv, '--json', '--report-file', report], { cwd: dir });
      assert.equal(json.code, 0, json.stderr);
      const parsed = JSON.parse(json.stdout) as { verdict: string };
      assert.equal(parsed.verdict, 'passed');
      assert.deepEqual(parsed, JSON.parse(readFileSync(report, 'utf8')));

      // FORCE_COLOR colours both streams in a pipe; NO_COLOR alone does not stop it.
      const forced = await runCli([...argv, '--report-file', report], { cwd: dir, env: { FORCE_COLOR: '1', NO_COLOR: '1' } });
      assert.match(forced.stdout, /\u001b\[3[12]m/);
      assert.match(forced.stderr, /\u001b\[/);
    } finally {
      await cluster.close();
    }
  });

  test('FORCE_COLOR and NO_COLOR', () => {
    const pipe = { write: () => undefined, isTTY: false };
    const tty = { write: () => undefined, isTTY: true };
    assert.equal(wantsColour(pipe, { FORCE_COLOR: '1' }), true);
    assert.equal(wantsColour(pipe, { FORCE_COLOR: 'true' }), true);
    assert.equal(wantsColour(pipe, { FORCE_COLOR: '3' }), true);
    assert.equal(wantsColour(tty, { FORCE_COLOR: '0' }), false);
    assert.equal(wantsColour(tty, { FORCE_COLOR: 'false' }), false);
    assert.equal(wantsColour(tty, { FORCE_COLOR: '1', NO_COLOR: '1' }), true, 'FORCE_COLOR first, as Node reads them');
    assert.equal(wantsColour(tty, { FORCE_COLOR: '', NO_COLOR: '1' }), false, 'an empty FORCE_COLOR is unset');
    assert.equal(wantsColour(tty, { NO_COLOR: '' }), true, 'an empty NO_COLOR is unset');
    assert.equal(wantsColour(pipe, { FORCE_COLOR: '1', TERM: 'dumb' }), true);
  });

  test('progress is wrapped to the width; the live line is cut to one row; logs are left whole', () => {
    const c = capture();
    const p = createProgress(c.out, { interactive: false, style: cliStyle(false), now: () => 0, width: 40 });
    p.info('Docker engine 27.1; using Compose v2 (docker compose 2.29.1) with a long tail of words.');
    p.warn('careful: this warning is long enough to need a second line here');
    p.untrusted('Log of kv_0', `${'x'.repeat(60)}\n`);
    assert.equal(
      c.text(),
      '  Docker engine 27.1; using Compose v2\n  (docker compose 2.29.1) with a long\n  tail of words.\n' +
        '! careful: this warning is long enough\n  to need a second line here\n' +
        `Log of kv_0\n  │ ${'x'.repeat(60)}\n`,
    );
    const live = capture(true);
    const narrow = { write: live.out.write, isTTY: true, columns: 30 };
    const q = createProgress(narrow, { interactive: true, style: cliStyle(false), now: () => 0, width: 30 });
    q.phase!('a phase with a name much longer than the terminal is wide', 'start');
    q.stop();
    const drawn = live.text().split('\r')[0]!;
    assert.ok(drawn.length <= 30, JSON.stringify(drawn));
    assert.match(drawn, /…/);
  });

  test("run's bad input goes to stderr only, and a file's value says it came from the file", async () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'replicheck.yml'), 'servers: http://localhost:1\nteardown: sometimes\n');
    const r = await runCli(['run', '--build=maybe'], { cwd: dir });
    assert.equal(r.code, EXIT_USAGE);
    assert.equal(r.stdout, '');
    assert.match(r.stderr, /--teardown: 'sometimes' is not a teardown policy\. Set in \S*replicheck\.yml\./);
    assert.match(r.stderr, /--build: 'maybe' is not a boolean\. Use/);
    assert.doesNotMatch(r.stderr, /--build: [^\n]*Set in/);
  });
});
