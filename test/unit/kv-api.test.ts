// The configurable KV API against real in-process HTTP servers that decode requests the way real stores do:
// awkward keys and values must arrive, be stored and come back byte for byte, whatever the request shape.
import { test, describe, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createHttpClient } from '../../src/http/client.js';
import { httpKvApi, observe, PROBE_KEY, redact } from '../../src/checks/kv-api.js';
import { optionsFrom } from '../support/options.js';
import type { InputName } from '../../src/inputs/list.js';

const http = createHttpClient();
after(() => http.close());

const AWKWARD = [
  'plain',
  'with space',
  'a/b/c',
  'a&b=c',
  '100%',
  '%41 not A',
  'plus+sign',
  'quote " and \' and `',
  'ünïcødé ✓ 日本 😀',
  'q?x=1#frag',
  'back\\slash',
  'semi;colon,comma',
  '  leading and trailing  ',
];

interface Seen {
  method: string;
  url: string;
  contentType: string | undefined;
  headers: IncomingMessage['headers'];
}

async function body(req: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const c of req) chunks.push(c as Buffer);
  return Buffer.concat(chunks);
}

/** A store with a handler that decodes one API shape; records every request it saw. */
async function serve(handler: (req: IncomingMessage, res: ServerResponse, store: Map<string, string>, raw: Buffer) => void) {
  const store = new Map<string, string>();
  const seen: Seen[] = [];
  const server = createServer((req, res) => {
    void body(req).then((raw) => {
      seen.push({ method: req.method!, url: req.url!, contentType: req.headers['content-type'], headers: req.headers });
      handler(req, res, store, raw);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { url, store, seen, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

/** Like etcd's v2 API: the whole path is percent-decoded (a '/' in a key makes a nested key), form bodies, JSON answers. */
function etcdLike(req: IncomingMessage, res: ServerResponse, store: Map<string, string>, raw: Buffer): void {
  const url = new URL(req.url!, 'http://x');
  const path = decodeURIComponent(url.pathname);
  if (!path.startsWith('/v2/keys/')) return void res.writeHead(400).end();
  const key = path.slice('/v2/keys'.length);
  if (req.method === 'PUT') {
    if (!/^application\/x-www-form-urlencoded/.test(req.headers['content-type'] ?? '')) return void res.writeHead(415).end();
    const value = new URLSearchParams(raw.toString('utf8')).get('value');
    if (value === null) return void res.writeHead(400).end('{"errorCode":209}');
    const created = !store.has(key);
    store.set(key, value);
    return void res
      .writeHead(created ? 201 : 200, { 'content-type': 'application/json' })
      .end(JSON.stringify({ action: 'set', node: { key, value } }));
  }
  if (url.searchParams.get('quorum') !== 'true') return void res.writeHead(418).end('reads must use quorum');
  const value = store.get(key);
  if (value === undefined)
    return void res.writeHead(404, { 'content-type': 'application/json' }).end(`{"errorCode":100,"cause":${JSON.stringify(key)}}`);
  res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ action: 'get', node: { key, value, modifiedIndex: 7 } }));
}

/** Like the example service: one path segment is the key, the raw body is the value. */
function rawLike(req: IncomingMessage, res: ServerResponse, store: Map<string, string>, raw: Buffer): void {
  const m = /^\/key\/([^/?]+)$/.exec(req.url!);
  if (!m) return void res.writeHead(400).end('bad path');
  const key = decodeURIComponent(m[1]!);
  if (req.method === 'POST') {
    store.set(key, raw.toString('utf8'));
    return void res.writeHead(200).end('ok');
  }
  const value = store.get(key);
  if (value === undefined) return void res.writeHead(404).end();
  res.writeHead(200).end(value);
}

/** A JSON API: key in the query, JSON body, value at /data/items/0/v. */
function jsonLike(req: IncomingMessage, res: ServerResponse, store: Map<string, string>, raw: Buffer): void {
  const url = new URL(req.url!, 'http://x');
  const key = url.searchParams.get('id');
  if (url.pathname !== '/items' || key === null) return void res.writeHead(400).end();
  if (req.headers.authorization !== 'Bearer s3cr3t-t0ken') return void res.writeHead(401).end(`unauthorized: ${req.headers.authorization}`);
  if (req.method === 'PUT') {
    const doc = JSON.parse(raw.toString('utf8')) as { k: string; v: string };
    if (doc.k !== key) return void res.writeHead(400).end('key mismatch');
    store.set(key, doc.v);
    return void res.writeHead(204).end();
  }
  const value = store.get(key);
  if (value === undefined) return void res.writeHead(410).end();
  res.writeHead(200).end(JSON.stringify({ data: { items: [{ v: value }] } }));
}

async function roundTrip(handler: Parameters<typeof serve>[0], inputs: Partial<Record<InputName, string>>) {
  const server = await serve(handler);
  try {
    const options = optionsFrom({ servers: server.url, 'request-timeout': '2', ...inputs });
    const api = httpKvApi(http, options);
    for (const key of AWKWARD) {
      const value = `${key} => ${[...AWKWARD].reverse().join('|')}`;
      const w = await api.write(server.url, key, value);
      assert.ok(w.acked, `write of ${JSON.stringify(key)}: ${JSON.stringify(observe(w.outcome))}`);
      const r = await api.read(server.url, key);
      assert.ok(r.value, `read of ${JSON.stringify(key)}: ${JSON.stringify(observe(r.outcome))}`);
      assert.equal(r.value.toString('utf8'), value, `value of ${JSON.stringify(key)}`);
      assert.ok(r.value.equals(Buffer.from(value, 'utf8')), 'byte for byte');
    }
    // What the server stored is exactly what was written: nothing double-encoded or left encoded.
    assert.equal(server.store.size, AWKWARD.length);
    const missing = await api.read(server.url, 'never written ✗');
    assert.equal(missing.value, null, JSON.stringify(observe(missing.outcome)));
    return server;
  } finally {
    await server.close();
  }
}

describe('keys and values round-trip through every request shape', () => {
  test('etcd-v2 preset: path-encoded keys (slashes make nested keys), form-encoded values, /node/value, quorum reads', async () => {
    const server = await roundTrip(etcdLike, { api: 'etcd-v2' });
    assert.ok(server.store.has('/a/b/c'), 'a slash in a key reaches etcd as a slash');
    assert.ok(server.store.has('/a&b=c'));
    const put = server.seen.find((s) => s.method === 'PUT')!;
    assert.match(put.url, /^\/v2\/keys\/plain$/);
    assert.equal(put.contentType, 'application/x-www-form-urlencoded');
    assert.ok(server.seen.filter((s) => s.method === 'GET').every((s) => s.url.endsWith('?quorum=true')));
  });

  test('kv preset: one encoded path segment, the raw value as the body', async () => {
    const server = await roundTrip(rawLike, {});
    assert.equal(server.store.get('a&b=c'), `a&b=c => ${[...AWKWARD].reverse().join('|')}`);
    assert.ok(server.seen.some((s) => s.url === '/key/a%2Fb%2Fc'));
  });

  test('custom JSON API: key in the query, JSON body with both placeholders, nested pointer, 410 missing, auth header', async () => {
    await roundTrip(jsonLike, {
      'key-path': '/items?id={key}',
      'write-method': 'PUT',
      'write-body': '{"k": "{key}", "v": "{value}"}',
      'write-content-type': 'application/json; charset=utf-8',
      'read-value': '/data/items/0/v',
      'missing-status': '404, 410',
      headers: 'Authorization: Bearer s3cr3t-t0ken\nX-Trace: replicheck',
    });
  });

  test('a form body with several fields encodes each placeholder as a form field', async () => {
    const server = await serve((req, res, store, raw) => {
      const form = new URLSearchParams(raw.toString('utf8'));
      if (req.method === 'POST') {
        store.set(form.get('k')!, form.get('v')!);
        return void res.writeHead(201).end();
      }
      const key = decodeURIComponent(req.url!.slice('/get/'.length));
      const v = store.get(key);
      return void (v === undefined ? res.writeHead(404).end() : res.writeHead(200).end(v));
    });
    try {
      const options = optionsFrom({
        servers: server.url,
        'write-path': '/set',
        'read-path': '/get/{key}',
        'write-body': 'k={key}&v={value}&x=1',
      });
      const api = httpKvApi(http, options);
      const key = 'k&v=1 +%';
      assert.ok((await api.write(server.url, key, 'a=b&c=d +%2B')).acked);
      assert.equal(server.store.get(key), 'a=b&c=d +%2B');
      assert.equal((await api.read(server.url, key)).value?.toString(), 'a=b&c=d +%2B');
    } finally {
      await server.close();
    }
  });
});

describe('reading the value out of an answer', () => {
  async function readOnce(answer: { status: number; body: string }, inputs: Partial<Record<InputName, string>>) {
    const server = await serve((_req, res) => void res.writeHead(answer.status).end(answer.body));
    try {
      return await httpKvApi(http, optionsFrom({ servers: server.url, ...inputs })).read(server.url, 'k');
    } finally {
      await server.close();
    }
  }
  const pointer = { 'read-value': '/node/value' };

  test('a string at the pointer is compared as its UTF-8 bytes, other JSON values as their JSON text', async () => {
    assert.equal((await readOnce({ status: 200, body: '{"node":{"value":"ü \\"q\\""}}' }, pointer)).value?.toString(), 'ü "q"');
    assert.equal((await readOnce({ status: 200, body: '{"node":{"value":12}}' }, pointer)).value?.toString(), '12');
    assert.equal((await readOnce({ status: 200, body: '{"node":{"value":{"a":[1,true]}}}' }, pointer)).value?.toString(), '{"a":[1,true]}');
    assert.equal((await readOnce({ status: 200, body: '{"node":{"value":null}}' }, pointer)).value?.toString(), 'null');
  });

  test('a JSON answer with nothing at the pointer means missing; one that is not JSON holds no value; both are recorded', async () => {
    const none = await readOnce({ status: 200, body: '{"node":{}}' }, pointer);
    assert.equal(none.value, null);
    assert.equal(observe(none.outcome).bodyPreview, '{"node":{}}');
    assert.equal((await readOnce({ status: 200, body: 'not json' }, pointer)).value, undefined);
  });

  test('the missing status means missing; other statuses mean "no answer"; body mode returns the body', async () => {
    assert.equal((await readOnce({ status: 404, body: '{"errorCode":100}' }, pointer)).value, null);
    assert.equal((await readOnce({ status: 500, body: '{"errorCode":300}' }, pointer)).value, undefined);
    assert.equal((await readOnce({ status: 404, body: '' }, { 'missing-status': '410' })).value, undefined);
    assert.equal((await readOnce({ status: 200, body: 'raw bytes' }, {})).value?.toString(), 'raw bytes');
  });
});

describe('readiness probe and secrets', () => {
  test('the probe reads a key that does not exist with the read template and the headers', async () => {
    const server = await serve(etcdLike);
    try {
      const api = httpKvApi(http, optionsFrom({ servers: server.url, api: 'etcd-v2', headers: 'X-Probe: yes' }));
      const outcome = await api.probe(server.url);
      assert.ok(outcome.ok && outcome.status === 404);
      assert.equal(server.seen[0]!.url, `/v2/keys/${PROBE_KEY}?quorum=true`);
      assert.equal(server.seen[0]!.headers['x-probe'], 'yes');
    } finally {
      await server.close();
    }
  });

  test('a server that echoes a header value cannot put it in the recorded answer, nor in the value read', async () => {
    const token = 'Bearer very-secret-token-123';
    const server = await serve(
      (req, res) =>
        void res
          .writeHead(req.method === 'GET' ? 200 : 403)
          .end(`you sent ${req.headers.authorization}; again: ${req.headers.authorization}`),
    );
    try {
      const api = httpKvApi(http, optionsFrom({ servers: server.url, headers: `Authorization: ${token}` }));
      const w = await api.write(server.url, 'k', 'v');
      assert.equal(w.acked, false);
      const seen = JSON.stringify(observe(w.outcome));
      assert.ok(!seen.includes('very-secret'), seen);
      assert.match(seen, /you sent \*\*\*; again: \*\*\*/);
      const r = await api.read(server.url, 'k');
      assert.ok(!JSON.stringify(observe(r.outcome)).includes('very-secret'));
      // The workload records read values in its history; one with a secret in it is not a value Replicheck wrote.
      assert.equal(r.value?.toString(), 'you sent ***; again: ***', 'the value read is redacted too');
      assert.ok(!JSON.stringify(observe(await api.probe(server.url))).includes('very-secret'));
    } finally {
      await server.close();
    }
  });

  test('redact leaves outcomes without a secret as they are', () => {
    const outcome = { ok: true as const, status: 200, body: Buffer.from('abc'), truncated: false, durationMs: 1 };
    assert.equal(redact(outcome, [Buffer.from('zzzz')]), outcome);
    assert.equal(redact(outcome, []), outcome);
    const failure = { ok: false as const, error: 'timeout', durationMs: 1 };
    assert.equal(redact(failure, [Buffer.from('abcd')]), failure);
    assert.equal(
      (redact({ ...outcome, body: Buffer.from('xabcdabcdx') }, [Buffer.from('abcd')]) as { body: Buffer }).body.toString(),
      'x******x',
    );
  });
});
