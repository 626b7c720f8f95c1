// The action's `config` input, with the runner emulated as the protocol has it: every declared input arrives as
// INPUT_<NAME> with action.yml's default filled in, file commands in fresh files. The file sets inputs, `with:`
// overrides it, and an input the runner passes at its default does not (it cannot be told from one left out).
import { test, describe, after, before } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { readActionInputs } from '../../src/action/inputs.js';
import { configInputs, givenByRunner, ConfigFileError } from '../../src/config/file.js';
import type { InputName } from '../../src/inputs/list.js';
import { errors, inputEnv, readReport, runMainAndPost, runStep } from '../support/runner.js';
import { startFakeCluster, type FakeCluster } from '../support/fake-cluster.js';

/** What core.getInput reads from a runner's environment: INPUT_<NAME>, spaces as _, upper-cased, trimmed. */
function getterOf(env: Record<string, string>): (name: InputName) => string {
  return (name) => (env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] ?? '').trim();
}

let workspace = '';
let cluster: FakeCluster;
let servers = '';
before(async () => {
  workspace = mkdtempSync(join(tmpdir(), 'rc-action-config-'));
  cluster = await startFakeCluster([{ kind: 'shared' }, { kind: 'shared' }, { kind: 'shared' }]);
  servers = cluster.nodes.map((n) => n.url).join(',');
});
after(async () => {
  await cluster.close();
  rmSync(workspace, { recursive: true, force: true });
});

function configFile(name: string, text: string): string {
  const path = join(workspace, name);
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(path, text);
  return name;
}

describe('merging with: and the config file', () => {
  test('an input the runner passes at its default is not given; any other value is', () => {
    const given = givenByRunner(getterOf(inputEnv({ servers: 'http://a:1', teardown: 'always', build: 'TRUE', 'log-lines': '20' })));
    // teardown and build are their defaults (build in another case), so not given; log-lines is not.
    assert.deepEqual(given, { servers: 'http://a:1', 'log-lines': '20' });
  });

  test('with: over the file over the defaults; the file over a with: value that is the default', async () => {
    const file = configFile(
      'merge/replicheck.yml',
      'servers: http://file:1\nteardown: on-success\nlog-lines: 5\nreport-file: out/r.json\n',
    );
    const env = inputEnv({ config: file, servers: 'http://with:1', teardown: 'always' });
    const inputs = await readActionInputs(getterOf(env), workspace);
    assert.deepEqual(inputs.problems, []);
    assert.equal(inputs.raw.servers, 'http://with:1', 'with: overrides the file');
    assert.equal(inputs.raw.teardown, 'on-success', "with: teardown 'always' is the default: the file's value stands");
    assert.equal(inputs.raw['log-lines'], '5');
    assert.equal(inputs.raw['convergence-timeout'], '10', 'neither: the default');
    // Paths in a file in another folder are relative to that folder.
    assert.equal(inputs.raw['report-file'], join(workspace, 'merge/out/r.json'));
    assert.equal(inputs.raw['working-directory'], join(workspace, 'merge'));
    assert.deepEqual([...inputs.fromFile!.inputs].sort(), ['log-lines', 'report-file', 'teardown']);
    assert.equal(inputs.fromFile!.file, 'merge/replicheck.yml');
  });

  test('no config input: exactly the with: inputs', async () => {
    const env = inputEnv({ servers: 'http://a:1', build: 'false' });
    const inputs = await readActionInputs(getterOf(env), workspace);
    assert.equal(inputs.fromFile, undefined);
    assert.equal(inputs.raw.servers, 'http://a:1');
    assert.equal(inputs.raw.build, 'false');
    assert.equal(inputs.raw.teardown, 'always');
  });

  test('a bad file is one problem of the config input, naming the key; nothing else is reported', async () => {
    const cases: [string, string, RegExp][] = [
      [
        'bad/unknown.yml',
        'sever: http://a:1\nteardown: never\n',
        /Unknown key in bad\/unknown\.yml: 'sever' \(did you mean 'servers'\?\)\./,
      ],
      ['bad/nested.yml', 'config: other.yml\n', /The key 'config' in bad\/nested\.yml names another config file\./],
      ['bad/list.yml', '- servers\n', /must hold an object of input names and values/],
      ['bad/syntax.yml', 'servers: [a\n', /is not valid YAML/],
      ['bad/dup.yml', 'servers: a\nservers: b\n', /is not valid YAML/],
    ];
    for (const [name, text, message] of cases) {
      const inputs = await readActionInputs(getterOf(inputEnv({ config: configFile(name, text) })), workspace);
      assert.equal(inputs.problems.length, 1, name);
      assert.equal(inputs.problems[0]!.input, 'config', name);
      assert.match(inputs.problems[0]!.message, message, name);
    }
    const missing = await readActionInputs(getterOf(inputEnv({ config: 'nowhere.yml' })), workspace);
    assert.match(missing.problems[0]!.message, /Cannot read the config file nowhere\.yml/);
    assert.throws(() => configInputs({ config: 'x.yml' }, 'f.yml'), ConfigFileError);
  });
});

describe('the action with a config file (runner emulated, source entry)', () => {
  const step = (inputs: Record<string, string>) =>
    runStep(inputs, { source: true, timeoutMs: 90_000, env: { GITHUB_WORKSPACE: workspace } });

  test('every input from the file: the run passes, the report lands where the file says, post reads the same file', async () => {
    const file = configFile(
      'ci/replicheck.yml',
      `cluster: external\nservers:\n${servers
        .split(',')
        .map((s) => `  - ${s}`)
        .join('\n')}\nconvergence-timeout: 3\nreport-file: out/report.json\n`,
    );
    const { main, post } = await runMainAndPost(
      { config: file },
      { source: true, timeoutMs: 90_000, env: { GITHUB_WORKSPACE: workspace } },
    );
    assert.equal(main.code, 0, main.stdout + main.stderr);
    assert.equal(main.outputs.result, 'passed');
    assert.equal(main.outputs.report, join(workspace, 'ci/out/report.json'));
    assert.equal(readReport(main).verdict, 'passed');
    assert.match(main.stdout, /Inputs from ci\/replicheck\.yml: cluster, servers, convergence-timeout, report-file\./);
    // The post step checks the saved state against the same inputs: an external cluster, so nothing is refused.
    assert.equal(post.code, 0, post.stdout + post.stderr);
    assert.doesNotMatch(post.stdout, /refused/);
  });

  test('with: overrides the file; a with: value equal to its default does not; a bad value from the file says so', async () => {
    const file = configFile('over/replicheck.yml', 'cluster: external\nservers: ftp://not-a-node\nteardown: never\n');
    // teardown: always is what the runner passes anyway (its default): the file's never stands, and is refused
    // with cluster: external, naming the file.
    const run = await step({ config: file, servers, teardown: 'always' });
    assert.equal(run.code, 1);
    // Besides the step's own failure line, which points at the annotations.
    const messages = errors(run)
      .map((e) => e.message)
      .filter((m) => !m.startsWith('Replicheck failed'));
    assert.equal(messages.length, 1, messages.join('\n'));
    assert.match(
      messages[0]!,
      /Input 'teardown': only means something with cluster: compose, and it is set \('never'\)\. Set in over\/replicheck\.yml\./,
    );
    assert.doesNotMatch(messages.join('\n'), /servers/, 'with: servers replaced the file’s bad one');
  });

  test('an unknown key: one input error naming it, before any request, with a report and a summary', async () => {
    const file = configFile('typo/replicheck.yml', `cluster: external\nserver: ${servers}\n`);
    const before = cluster.nodes.map((n) => n.requests);
    const run = await step({ config: file });
    assert.equal(run.code, 1);
    assert.equal(run.outputs.result, 'failed');
    assert.deepEqual(
      cluster.nodes.map((n) => n.requests),
      before,
    );
    // Besides the step's own failure line, which points at the annotations.
    const messages = errors(run)
      .map((e) => e.message)
      .filter((m) => !m.startsWith('Replicheck failed'));
    assert.equal(messages.length, 1, messages.join('\n'));
    assert.match(messages[0]!, /Input 'config': Unknown key in typo\/replicheck\.yml: 'server' \(did you mean 'servers'\?\)\./);
    assert.equal(readReport(run).errors[0]!.input, 'config');
    assert.match(run.summary, /server/);
  });
});
