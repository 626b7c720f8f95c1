// The current APIs of real stores: templates with named encodings, reads with bodies, base64 values at JSON
// pointers, both shapes of "missing", compare-and-set, the etcd-v3 preset against a v3-like server, and the
// adapter module contract (a module that works, throws, returns the wrong type, or hangs).
import { test, describe, after } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { InputError } from '../../src/inputs/errors.js';
import type { InputName } from '../../src/inputs/list.js';
import { casResult, httpKvApi, moduleApiOptions, readValue } from '../../src/checks/kv-api.js';
import { loadAdapter, moduleKvApi } from '../../src/checks/adapter-module.js';
import { createHttpClient, type HttpOutcome } from '../../src/http/client.js';
import { expandBody, expandPath, templateProblems } from '../../src/http/template.js';
import { PRESETS } from '../../src/checks/presets/index.js';
import { WorkloadSession } from '../../src/workload/phase.js';
import { optionsFrom } from '../support/options.js';
import { checkContext } from '../support/context.js';
import { startFakeEtcd3 } from '../support/fake-etcd3.js';

const http = createHttpClient();
after(() => http.close());
const servers = 'http://localhost:2379';
const AWKWARD = ['a b', 'x/y', 'k&v=1', '50%', '1+1', 'say "hi"', "it's", 'back\\slash', 'é✓ unicode', '#frag?q'];

function problems(inputs: Partial<Record<InputName, string>>) {
  try {
    optionsFrom({ servers, ...inputs });
  } catch (error) {
    assert.ok(error instanceof InputError);
    return error.problems.map((p) => `${p.input}: ${p.message}`);
  }
  assert.fail('expected an InputError');
}

describe('templates with named encodings', () => {
  for (const text of AWKWARD) {
    test(`${JSON.stringify(text)} through every placeholder and encoding`, () => {
      const fill = { key: text, value: text };
      const json = expandBody(
        '{"k":"{key:base64}","v":"{value:base64}","kj":"{key:json}","vj":"{value:json}","d":"{value}"}',
        'application/json',
        fill,
      ).toString('utf8');
      const doc = JSON.parse(json) as Record<string, string>;
      assert.equal(Buffer.from(doc.k!, 'base64').toString('utf8'), text);
      assert.equal(Buffer.from(doc.v!, 'base64').toString('utf8'), text);
      assert.equal(doc.kj, text);
      assert.equal(doc.vj, text);
      assert.equal(doc.d, text, 'a JSON body JSON-escapes a plain placeholder');
      // In a URL, base64's '+', '/' and '=' are percent-encoded on top.
      const path = expandPath('/k/{key:base64}', fill);
      assert.match(path, /^\/k\/[A-Za-z0-9%]*$/);
      assert.equal(Buffer.from(decodeURIComponent(path.slice(3)), 'base64').toString('utf8'), text);
      const form = expandBody('v={value:json}', 'application/x-www-form-urlencoded', fill).toString('latin1');
      assert.equal(new URLSearchParams(form).get('v'), JSON.stringify(text).slice(1, -1));
    });
  }

  test('unknown placeholders and encodings are named; JSON braces are not placeholders', () => {
    assert.deepEqual(templateProblems('{"k":"{key:hex}","x":{"a":1},"e":{}}', ['key']), [
      'names unknown encoding(s) {key:hex}; use :base64 or :json, or none',
    ]);
    assert.deepEqual(templateProblems('{"k":"{kee}"}', ['key']), ['has unknown placeholder(s) {kee}; only {key} are filled in']);
  });

  const bad: [Partial<Record<InputName, string>>, RegExp][] = [
    [{ 'read-method': 'POST', 'read-body': '{"key":"{key:hex}"}' }, /^read-body: .*unknown encoding\(s\) \{key:hex\}/],
    [{ 'read-method': 'POST', 'read-body': '{"key":"{value}"}' }, /^read-body: .*unknown placeholder\(s\) \{value\}/],
    [{ 'read-body': '{"key":"{key}"}' }, /^read-body: is set, but reads are GET requests/],
    [{ 'read-method': 'DELETE' }, /^read-method: 'DELETE' is not supported/],
    [{ 'write-body': 'v={value:rot13}' }, /^write-body: names unknown encoding\(s\) \{value:rot13\}/],
    [{ 'read-value-encoding': 'hex' }, /^read-value-encoding: 'hex' is not an encoding/],
    [{ 'read-content-type': 'json' }, /^read-content-type: 'json' is not a media type/],
    [{ workload: 'cas-register' }, /^workload: cas-register needs a compare-and-set, and the 'kv' API has none/],
    [
      { workload: 'cas-register', api: 'etcd-v3', 'write-body': '{"key":"{key:base64}","value":"{value:base64}","lease":"1"}' },
      /^workload: cas-register needs .* 'etcd-v3' API as configured has none/,
    ],
    [{ adapter: 'adapter.py' }, /^adapter: 'adapter\.py' is not an ES module file/],
    [
      { adapter: 'a.mjs', api: 'etcd-v3', 'read-path': '/r/{key}' },
      /^adapter: replaces the request templates, but api, read-path are set too/,
    ],
  ];
  for (const [inputs, pattern] of bad) {
    test(`input error: ${JSON.stringify(inputs)}`, () => {
      const found = problems(inputs);
      assert.ok(
        found.some((p) => pattern.test(p)),
        JSON.stringify(found),
      );
    });
  }
});

describe('the etcd-v3 preset', () => {
  test('POST put and range with base64 keys and values, the value at /kvs/0/value, a transaction for cas', () => {
    const o = optionsFrom({ servers, api: 'etcd-v3' });
    assert.equal(o.kv.writePath, '/v3/kv/put');
    assert.equal(o.kv.readPath, '/v3/kv/range');
    assert.equal(o.kv.readMethod, 'POST');
    assert.equal(o.kv.readBody, '{"key":"{key:base64}"}');
    assert.equal(o.kv.readValueEncoding, 'base64');
    assert.deepEqual(o.kv.readValue, { kind: 'json', pointer: '/kvs/0/value', tokens: ['kvs', '0', 'value'] });
    assert.equal(o.kv.cas?.path, '/v3/kv/txn');
    // Serializable reads are one input away.
    assert.equal(
      optionsFrom({ servers, api: 'etcd-v3', 'read-body': '{"key":"{key:base64}","serializable":true}' }).kv.readBody,
      '{"key":"{key:base64}","serializable":true}',
    );
    // Bytes travel: base64 carries any byte.
    assert.equal(optionsFrom({ servers, api: 'etcd-v3', 'value-format': 'bytes' }).valueFormat, 'bytes');
  });

  const ok = (body: string, status = 200): HttpOutcome => ({ ok: true, status, body: Buffer.from(body), truncated: false, durationMs: 1 });
  const v3 = {
    missingStatus: [404],
    readValue: { kind: 'json' as const, pointer: '/kvs/0/value', tokens: ['kvs', '0', 'value'] },
    readValueEncoding: 'base64' as const,
  };
  test('both shapes of missing, base64 decoding, and answers that say nothing', () => {
    assert.equal(readValue(ok('{"header":{"revision":"5"}}'), v3), null, 'no kvs: missing');
    assert.equal(readValue(ok('{"header":{},"kvs":[]}'), v3), null, 'empty kvs: missing');
    assert.equal(readValue(ok(`{"kvs":[{"value":"${Buffer.from('a+b é').toString('base64')}"}]}`), v3)?.toString('utf8'), 'a+b é');
    assert.equal(readValue(ok('{"kvs":[{"value":"not base64!"}]}'), v3), undefined, 'a value that is not base64 says nothing');
    assert.equal(readValue(ok('<html>'), v3), undefined, 'not JSON says nothing');
    assert.equal(readValue(ok('{}', 503), v3), undefined);
  });

  test('compare-and-set answers: swapped, certainly not, unknown', () => {
    const v3cas = PRESETS['etcd-v3'].cas!;
    const v2cas = PRESETS['etcd-v2'].cas!;
    const table: [HttpOutcome, typeof v3cas, string][] = [
      [ok('{"header":{},"succeeded":true}'), v3cas, 'swapped'],
      [ok('{"header":{}}'), v3cas, 'not-swapped'],
      [ok('{"succeeded":false}'), v3cas, 'not-swapped'],
      [ok('garbage'), v3cas, 'unknown'],
      [ok('{}', 503), v3cas, 'unknown'],
      [{ ok: false, error: 'timeout', durationMs: 1 }, v3cas, 'unknown'],
      [ok('{"action":"compareAndSwap"}'), v2cas, 'swapped'],
      [ok('{"errorCode":101}', 412), v2cas, 'not-swapped'],
      [ok('{"errorCode":100}', 404), v2cas, 'not-swapped'],
      [ok('{"errorCode":300}', 500), v2cas, 'unknown'],
    ];
    for (const [outcome, cas, want] of table)
      assert.equal(casResult(outcome, cas), want, outcome.ok ? outcome.body.toString() : outcome.error);
  });

  for (const emptyKvs of [false, true]) {
    test(
      `against a v3-like server (${emptyKvs ? '"kvs": []' : 'no "kvs"'} for missing): ` +
        'write, read, miss and cas round-trip awkward values',
      async () => {
        const etcd = await startFakeEtcd3(1, { emptyKvs });
        try {
          for (const format of ['text', 'bytes'] as const) {
            const api = httpKvApi(http, optionsFrom({ servers: etcd.urls[0]!, api: 'etcd-v3', 'value-format': format }));
            const ctx = checkContext(api, [], { limits: { convergenceTimeoutMs: 100, startupTimeoutMs: 100 }, format });
            for (const key of AWKWARD) {
              const value = ctx.ids.value('n', 'rep');
              assert.ok((await api.write(etcd.urls[0]!, key, value)).acked);
              const read = await api.read(etcd.urls[0]!, key);
              assert.deepEqual(read.value, api.codec.toBytes(value), `${format} ${key}`);
              const next = ctx.ids.value('n', 'cas');
              assert.equal((await api.cas!(etcd.urls[0]!, key, 'not the value', next)).result, 'not-swapped');
              assert.equal((await api.cas!(etcd.urls[0]!, key, value, next)).result, 'swapped');
              assert.deepEqual((await api.read(etcd.urls[0]!, key)).value, api.codec.toBytes(next));
            }
            assert.equal((await api.read(etcd.urls[0]!, 'never-written')).value, null);
            assert.equal((await api.probe(etcd.urls[0]!)).ok, true);
          }
          assert.deepEqual(etcd.requests.find((r) => r.path === '/v3/kv/range')!.body, { key: Buffer.from('a b').toString('base64') });
        } finally {
          await etcd.close();
        }
      },
    );
  }

  test('a cas-register workload records reads, writes and compare-and-sets, and a linearizable store passes', async () => {
    const etcd = await startFakeEtcd3(3);
    try {
      const options = optionsFrom({ servers: etcd.urls.join(','), api: 'etcd-v3', workload: 'cas-register', consistency: 'linearizable' });
      const nodes = etcd.urls.map((url, i) => ({ url, label: `e${i}`, mapping: 'test' }));
      const ctx = checkContext(httpKvApi(http, options), nodes, { limits: options.limits });
      const session = new WorkloadSession(ctx, { ...options.workload!, clients: 4, durationMs: 500, keys: 2 }, { seed: 5, workload: 5 });
      await session.run();
      let saved: { operations: { f: string; succeeded?: boolean }[]; model?: string } | undefined;
      const r = await session.finish(
        async (h) => ((saved = h), { json: 'x', edn: 'y' }),
        () => undefined,
      );
      assert.equal(saved!.model, 'cas-register');
      const fs = new Set(saved!.operations.map((op) => op.f));
      assert.deepEqual([...fs].sort(), ['cas', 'read', 'write']);
      assert.ok(
        saved!.operations.some((op) => op.f === 'cas' && op.succeeded !== false),
        'some cas swapped',
      );
      assert.equal(r.section.model, 'cas-register');
      assert.ok(
        r.checks.every((c) => c.status === 'passed'),
        JSON.stringify(r.checks),
      );
    } finally {
      await etcd.close();
    }
  });
});

describe('adapter modules', () => {
  const dir = mkdtempSync(join(tmpdir(), 'rc-adapter-'));
  const module = (name: string, text: string): string => {
    const path = join(dir, name);
    writeFileSync(path, text);
    return path;
  };
  const opts = moduleApiOptions({ ...optionsFrom({ servers, headers: 'X-Token: s3cr3t-token', 'request-timeout': '0.2' }) });

  test('a module that works: write, read, miss, cas, through the fetch it is given (headers applied, paths relative)', async () => {
    const etcd = await startFakeEtcd3(1);
    try {
      const path = module(
        'good.mjs',
        `const b64 = (s) => Buffer.from(s).toString('base64');
export async function write({ key, value, fetch }) {
  const r = await fetch('/v3/kv/put', { method: 'POST', body: JSON.stringify({ key: b64(key), value: b64(value) }) });
  return r.status === 200;
}
export async function read({ key, fetch }) {
  const doc = (await fetch('/v3/kv/range', { method: 'POST', body: JSON.stringify({ key: b64(key) }) })).json();
  return doc.kvs?.[0] ? Buffer.from(doc.kvs[0].value, 'base64').toString() : null;
}
export async function cas({ key, expected, value, fetch }) {
  const body = {
    compare: [{ key: b64(key), target: 'VALUE', value: b64(expected) }],
    success: [{ requestPut: { key: b64(key), value: b64(value) } }],
  };
  return (await fetch('/v3/kv/txn', { method: 'POST', body: JSON.stringify(body) })).json().succeeded === true;
}
`,
      );
      const loaded = await loadAdapter(path);
      assert.ok('functions' in loaded);
      const api = moduleKvApi(loaded.functions, http, opts);
      const url = etcd.urls[0]!;
      assert.equal((await api.write(url, 'k 1', 'v+1 é')).acked, true);
      assert.equal((await api.read(url, 'k 1')).value?.toString('utf8'), 'v+1 é');
      assert.equal((await api.read(url, 'nope')).value, null);
      assert.equal((await api.cas!(url, 'k 1', 'v+1 é', 'v2')).result, 'swapped');
      assert.equal((await api.cas!(url, 'k 1', 'v+1 é', 'v3')).result, 'not-swapped');
      assert.ok((await api.probe(url)).ok);
    } finally {
      await etcd.close();
    }
  });

  test('a module that throws, returns the wrong type, or hangs: a failed request with a bounded, inert message', async () => {
    const path = module(
      'bad.mjs',
      `export async function write({ key }) {
  if (key === 'throw') throw new Error('boom\\n::error::pwned' + 'x'.repeat(5000));
  return 'yes';
}
export async function read({ key }) { if (key === 'hang') return new Promise(() => {}); return 42; }
export function cas() { return undefined; }
`,
    );
    const loaded = await loadAdapter(path);
    assert.ok('functions' in loaded);
    const api = moduleKvApi(loaded.functions, http, opts);
    const threw = await api.write('http://127.0.0.1:1', 'throw', 'v');
    assert.equal(threw.acked, false);
    assert.ok(!threw.outcome.ok && threw.outcome.error.startsWith('adapter write threw: boom ⏎ ::error::pwned'));
    assert.ok(!threw.outcome.ok && threw.outcome.error.length < 400, 'bounded');
    const wrong = await api.write('http://127.0.0.1:1', 'k', 'v');
    assert.ok(!wrong.outcome.ok && /adapter write returned a string, not true or false/.test(wrong.outcome.error));
    const number = await api.read('http://127.0.0.1:1', 'k');
    assert.equal(number.value, undefined);
    assert.ok(!number.outcome.ok && /adapter read returned a number/.test(number.outcome.error));
    const started = performance.now();
    const hung = await api.read('http://127.0.0.1:1', 'hang');
    const took = performance.now() - started;
    assert.ok(!hung.outcome.ok && /adapter read did not finish within 0.6 s/.test(hung.outcome.error));
    assert.ok(took < 2000, `bounded by three request timeouts (${Math.round(took)} ms)`);
    assert.equal((await api.cas!('http://127.0.0.1:1', 'k', 'a', 'b')).result, 'unknown');
  });

  test('modules that cannot serve are refused with the reason', async () => {
    const none = await loadAdapter(module('none.mjs', 'export const x = 1;\n'));
    assert.ok('problem' in none && /does not export write and read as function\(s\) \(it exports x\)/.test(none.problem));
    const syntax = await loadAdapter(module('syntax.mjs', 'export function write( {\n'));
    assert.ok('problem' in syntax && /could not be loaded/.test(syntax.problem));
    const cas = await loadAdapter(module('cas.mjs', 'export function write() {}\nexport function read() {}\nexport const cas = 3;\n'));
    assert.ok('problem' in cas && /exports cas, but not as a function/.test(cas.problem));
  });
});
