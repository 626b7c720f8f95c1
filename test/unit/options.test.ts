import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { InputError } from '../../src/inputs/errors.js';
import { defaultProjectName } from '../../src/config/options.js';
import { splitList } from '../../src/inputs/values.js';
import { optionsFrom } from '../support/options.js';
import type { InputName } from '../../src/inputs/list.js';
import { CONSISTENCY_MODELS } from '../../src/consistency/models.js';
import { claimNotice } from '../../src/engine/run.js';

function problems(inputs: Partial<Record<InputName, string>>): { input: string; message: string; fix: string }[] {
  try {
    optionsFrom(inputs);
  } catch (error) {
    assert.ok(error instanceof InputError);
    return [...error.problems];
  }
  assert.fail('expected an InputError');
}

const servers = 'http://localhost:8080, http://localhost:8082\nhttp://127.0.0.1:8084/';

describe('options', () => {
  test('defaults match the issue and the lists split on commas and newlines', () => {
    const o = optionsFrom({ servers });
    assert.deepEqual(
      o.servers.map((s) => s.url),
      ['http://localhost:8080', 'http://localhost:8082', 'http://127.0.0.1:8084'],
    );
    assert.deepEqual(
      o.servers.map((s) => s.port),
      [8080, 8082, 8084],
    );
    assert.deepEqual(o.composeFiles, ['docker-compose.yml']);
    assert.equal(o.composeFileDefaulted, true);
    assert.equal(o.kv.writePath, '/key/{key}');
    assert.equal(o.kv.readPath, '/key/{key}');
    assert.equal(o.kv.writeMethod, 'POST');
    assert.deepEqual(o.limits, { startupTimeoutMs: 180_000, convergenceTimeoutMs: 10_000 });
    assert.equal(o.build, true);
    assert.equal(o.teardown, 'always');
    assert.equal(o.restartTarget, undefined);
    assert.equal(o.projectName, 'replicheck-test01');
    assert.deepEqual(splitList(' a ,\n\nb,, c\n'), ['a', 'b', 'c']);
  });

  test('explicit values are parsed', () => {
    const o = optionsFrom({
      servers,
      'compose-file': 'a.yml\nb.yml',
      'restart-target': 'kv_4',
      'write-method': 'put',
      'convergence-timeout': '2.5',
      build: 'False',
      teardown: 'on-success',
      'project-name': 'my_proj-1',
    });
    assert.deepEqual(o.composeFiles, ['a.yml', 'b.yml']);
    assert.equal(o.composeFileDefaulted, false);
    assert.equal(o.restartTarget, 'kv_4');
    assert.equal(o.kv.writeMethod, 'PUT');
    assert.equal(o.limits.convergenceTimeoutMs, 2500);
    assert.equal(o.build, false);
    assert.equal(o.teardown, 'on-success');
    assert.equal(o.projectName, 'my_proj-1');
  });

  const bad: [string, Partial<Record<InputName, string>>, InputName, RegExp][] = [
    ['missing servers', {}, 'servers', /is empty/],
    ['malformed URL', { servers: 'localhost:8080:x' }, 'servers', /not an HTTP\(S\) URL|not a URL/],
    ['not HTTP', { servers: 'ftp://localhost:21' }, 'servers', /not an HTTP/],
    ['duplicate', { servers: 'http://localhost:8080,http://localhost:8080/' }, 'servers', /listed twice/],
    ['credentials', { servers: 'http://user:secret@localhost:8080' }, 'servers', /credentials/],
    ['query', { servers: 'http://localhost:8080/?a=1' }, 'servers', /query/],
    ['key path without {key}', { servers, 'key-path': '/key/' }, 'key-path', /\{key\}/],
    ['key path not absolute', { servers, 'key-path': 'key/{key}' }, 'key-path', /start with/],
    ['bad method', { servers, 'write-method': 'PATCH' }, 'write-method', /not supported/],
    ['non-numeric timeout', { servers, 'startup-timeout': 'soon' }, 'startup-timeout', /number of seconds/],
    ['negative timeout', { servers, 'convergence-timeout': '-1' }, 'convergence-timeout', /number of seconds/],
    ['zero timeout', { servers, 'convergence-timeout': '0' }, 'convergence-timeout', /number of seconds/],
    ['absurd timeout', { servers, 'startup-timeout': '99999' }, 'startup-timeout', /between 0 and 3600/],
    ['bad boolean', { servers, build: 'yes' }, 'build', /not a boolean/],
    ['bad teardown', { servers, teardown: 'sometimes' }, 'teardown', /teardown policy/],
    ['bad project name', { servers, 'project-name': 'My Project' }, 'project-name', /not a valid Compose project name/],
    ['bad ready path', { servers, 'ready-path': 'health' }, 'ready-path', /not a path/],
    ['bad log lines', { servers, 'log-lines': '-3' }, 'log-lines', /whole number/],
  ];
  for (const [name, inputs, input, pattern] of bad) {
    test(`rejects ${name}, naming the input and the fix`, () => {
      const p = problems(inputs);
      const mine = p.find((x) => x.input === input);
      assert.ok(mine, `no problem for ${input}: ${JSON.stringify(p)}`);
      assert.match(mine.message, pattern);
      assert.ok(mine.fix.length > 10);
    });
  }

  test('credentials never appear in the message', () => {
    const p = problems({ servers: 'http://user:secret@localhost:8080' });
    assert.ok(!JSON.stringify(p).includes('secret'));
  });

  test('every problem is reported at once', () => {
    const p = problems({ servers: '', teardown: 'x', build: 'y' });
    assert.deepEqual(p.map((x) => x.input).sort(), ['build', 'servers', 'teardown']);
  });

  test('the default project name is unique per run, job and attempt and legal for Compose', () => {
    const name = defaultProjectName({
      env: { GITHUB_RUN_ID: '123', GITHUB_RUN_ATTEMPT: '2', GITHUB_JOB: 'E2E Tests!' },
      randomSuffix: 'ab12',
    });
    assert.equal(name, 'replicheck-123-2-e2e-tests-ab12');
    assert.match(name, /^[a-z0-9][a-z0-9_-]*$/);
  });
});

describe('the consistency claim, sessions and refusals', () => {
  test('every model of the ladder is a claim; the claim is the run’s, with or without a workload', () => {
    for (const m of CONSISTENCY_MODELS) {
      assert.equal(optionsFrom({ servers, consistency: m }).consistency, m);
      assert.equal(optionsFrom({ servers, consistency: m.toUpperCase(), workload: 'register' }).workload?.consistency, m);
    }
    assert.equal(optionsFrom({ servers }).consistency, 'eventual');
  });

  test('an unknown model or session mode names the input and lists the values', () => {
    const [p] = problems({ servers, consistency: 'strong' });
    assert.equal(p!.input, 'consistency');
    assert.match(p!.message, /'strong' is not a consistency model/);
    for (const m of CONSISTENCY_MODELS) assert.ok(p!.fix.includes(`'${m}'`), m);
    const [s] = problems({ servers, workload: 'register', 'workload-sessions': 'pinned' });
    assert.deepEqual([s!.input, s!.fix], ['workload-sessions', "Use 'roaming' or 'sticky'."]);
    assert.equal(optionsFrom({ servers, workload: 'register', 'workload-sessions': 'Sticky' }).workload?.sessions, 'sticky');
  });

  test('refusal-statuses: the preset default, a custom list, junk refused, and not beside an adapter', () => {
    assert.deepEqual(optionsFrom({ servers }).kv.refusalStatuses, [
      [300, 399],
      [400, 499],
    ]);
    assert.deepEqual(optionsFrom({ servers, 'refusal-statuses': '409, 503' }).kv.refusalStatuses, [
      [409, 409],
      [503, 503],
    ]);
    const [bad] = problems({ servers, 'refusal-statuses': '2xx' });
    assert.equal(bad!.input, 'refusal-statuses');
    const [withAdapter] = problems({ servers, adapter: 'a.mjs', 'refusal-statuses': '4xx' });
    assert.equal(withAdapter!.input, 'adapter');
    assert.match(withAdapter!.message, /refusal-statuses is set too/);
  });

  test('a claim above eventual without a workload says, before anything starts, what it can judge', () => {
    assert.equal(claimNotice(optionsFrom({ servers })), undefined);
    assert.equal(claimNotice(optionsFrom({ servers, consistency: 'causal', workload: 'register' })), undefined);
    const notice = claimNotice(optionsFrom({ servers, consistency: 'causal' }))!;
    assert.match(notice, /^consistency: causal without a workload: the replication checks and every fault judge it/);
    assert.match(notice, /the ladder of models needs a history\. Set workload/);
  });
});
