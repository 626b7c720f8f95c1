// First-run guidance against real local HTTP servers that are not the API the inputs describe: a JSON service that
// answers 404 to every path (readiness passes on it, every write is refused), one that keeps values where the
// default read-value does not look, one that wants credentials. The failure must show the request sent and the
// answer, with secrets redacted, and name the inputs to look at; a healthy cluster carries no guidance at all.
import { test, describe, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createHttpClient } from '../../src/http/client.js';
import { httpKvApi } from '../../src/checks/kv-api.js';
import { checkReplication } from '../../src/checks/replication.js';
import { waitForReady } from '../../src/checks/readiness.js';
import { renderSummary } from '../../src/report/summary.js';
import { renderText } from '../../src/report/text.js';
import type { Check, NodeInfo } from '../../src/model/result.js';
import type { InputName } from '../../src/inputs/list.js';
import { checkContext } from '../support/context.js';
import { optionsFrom } from '../support/options.js';
import { startFakeCluster } from '../support/fake-cluster.js';
import { resultWith } from '../support/result.js';

const http = createHttpClient();
after(() => http.close());

const TOKEN = 'sekrit-token-4711';

type Handler = (req: IncomingMessage, body: string, res: ServerResponse) => void;

/** `count` servers sharing one handler (and so one store, when the handler keeps one). */
async function withServers(
  count: number,
  handler: Handler,
  inputs: Partial<Record<InputName, string>>,
  fn: (run: { ready: Check[]; replication: Check[] }) => void,
): Promise<void> {
  const servers = await Promise.all(
    Array.from({ length: count }, async () => {
      const server = createServer((req, res) => {
        const chunks: Buffer[] = [];
        req.on('data', (c: Buffer) => chunks.push(c));
        req.on('end', () => handler(req, Buffer.concat(chunks).toString('utf8'), res));
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      return server;
    }),
  );
  try {
    const urls = servers.map((s) => `http://127.0.0.1:${(s.address() as AddressInfo).port}`);
    const options = optionsFrom({ servers: urls.join(','), 'convergence-timeout': '0.4', 'request-timeout': '2', ...inputs });
    const nodes: NodeInfo[] = urls.map((url, i) => ({ url, label: `n${i}`, service: `n${i}`, mapping: 'test' }));
    const ctx = checkContext(httpKvApi(http, options), nodes, { limits: options.limits });
    const ready = (await waitForReady(ctx, nodes, 0)).checks;
    const replication = (await checkReplication(ctx)).checks;
    fn({ ready, replication });
  } finally {
    await Promise.all(servers.map((s) => new Promise((resolve) => s.close(resolve))));
  }
}

/** A JSON service with its own routes (/api/items/...): everything else is a 404, with the caller's token echoed. */
const jsonService: Handler = (req, _body, res) => {
  res.writeHead(404, { 'content-type': 'application/json' });
  res.end(JSON.stringify({ error: 'no route', path: req.url, auth: req.headers.authorization ?? null }));
};

describe('first-run guidance', () => {
  test('a JSON service answering 404 everywhere: readiness passes, every write is refused, one shows request and answer', async () => {
    await withServers(3, jsonService, { headers: `Authorization: Bearer ${TOKEN}` }, ({ ready, replication }) => {
      // 404 is the preset's "missing" status, the answer a probe of a missing key expects: nothing to say there.
      assert.ok(ready.every((c) => c.status === 'passed' && !c.guidance));
      const writes = replication.filter((c) => c.id.startsWith('write:'));
      assert.equal(writes.length, 3);
      assert.ok(writes.every((c) => c.status === 'failed'));
      const guided = writes.filter((c) => c.guidance);
      assert.equal(guided.length, 1, 'one request and answer shows it; every node answers alike');
      const g = guided[0]!.guidance!;
      assert.equal(g.request.method, 'POST');
      assert.match(g.request.url, /^http:\/\/127\.0\.0\.1:\d+\/key\/replicheck-test-rep-/);
      assert.ok(g.request.bodyPreview?.startsWith('rc-'), g.request.bodyPreview);
      assert.deepEqual(g.request.headers, ['Authorization']);
      assert.equal(g.answer.status, 404);
      assert.match(g.answer.bodyPreview ?? '', /"error":"no route"/);
      assert.ok(!JSON.stringify(g).includes(TOKEN), 'the echoed token is redacted');
      assert.deepEqual(g.inputs.slice(0, 2), ['api', 'key-path']);

      const result = resultWith([...ready, ...replication]);
      const summary = renderSummary(result);
      const failures = summary.slice(0, summary.indexOf('<details>'));
      assert.match(failures, /No write was acknowledged on any node\. Nothing answers at this path/);
      assert.match(failures, /<pre>\nsent: {5}POST http&#58;|<pre>\nsent: {5}POST http:/);
      assert.match(failures, /headers: {2}Authorization: \*\*\*/);
      assert.match(failures, /answered: HTTP 404 with body &quot;\{&quot;error&quot;:&quot;no route&quot;/);
      assert.match(failures, /Inputs to look at: `api`, `key-path`, `write-path`, `write-method`\./);
      assert.ok(!summary.includes(TOKEN));
      const text = renderText(result);
      assert.match(text, /sent: {5}POST http:\/\/127\.0\.0\.1:\d+\/key\//);
      assert.match(text, /Inputs to look at: api, key-path, write-path, write-method/);
      assert.ok(text.indexOf('Inputs to look at') < text.indexOf('Passed'), 'the guidance leads the terminal view too');
    });
  });

  test('writes acknowledged, values kept under another field: the read guidance names read-value', async () => {
    const store = new Map<string, string>();
    const handler: Handler = (req, body, res) => {
      if (req.method === 'POST') {
        store.set(req.url!, body);
        res.writeHead(204).end();
      } else if (store.has(req.url!)) {
        res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify({ data: { value: store.get(req.url!) } }));
      } else res.writeHead(404).end();
    };
    await withServers(2, handler, { 'read-value': '/value' }, ({ replication }) => {
      const guided = replication.filter((c) => c.guidance);
      assert.equal(guided.length, 1);
      const g = guided[0]!.guidance!;
      assert.equal(g.request.method, 'GET');
      assert.equal(g.request.bodyPreview, undefined, 'a GET has no body');
      assert.match(g.hint, /no read returned a value written\. The answer holds the value, but not where `read-value` takes it from/);
      assert.deepEqual(g.inputs, ['read-value', 'read-value-encoding', 'api']);
    });
  });

  test('a readiness probe answered 401: readiness passes with the request, the answer and the headers input', async () => {
    const handler: Handler = (_req, _body, res) => void res.writeHead(401, { 'content-type': 'text/plain' }).end('token required');
    await withServers(2, handler, {}, ({ ready }) => {
      assert.ok(ready.every((c) => c.status === 'passed' && c.guidance));
      const g = ready[0]!.guidance!;
      assert.match(g.request.url, /\/key\/replicheck-readiness-probe$/);
      assert.equal(g.answer.status, 401);
      assert.deepEqual(g.inputs, ['headers', 'api']);
      const summary = renderSummary(resultWith(ready));
      assert.match(summary, /> \[!WARNING\]\n> Readiness: n0 is serving \(and 1 more node\(s\) alike\): /);
      assert.match(summary, /expected a "missing" status \(404\), but got HTTP 401\. The service refused the request as unauthorised/);
    });
  });

  test('a healthy cluster and a real replication failure carry no guidance', async () => {
    for (const kinds of [['healthy', 'healthy'] as const, ['healthy', 'isolated'] as const]) {
      const cluster = await startFakeCluster(kinds.map((kind) => ({ kind })));
      try {
        const options = optionsFrom({ servers: cluster.nodes.map((n) => n.url).join(','), 'convergence-timeout': '0.3' });
        const nodes: NodeInfo[] = cluster.nodes.map((n, i) => ({ url: n.url, label: `kv_${i}`, mapping: 'test' }));
        const ctx = checkContext(httpKvApi(http, options), nodes, { limits: options.limits });
        const checks = [...(await waitForReady(ctx, nodes, 0)).checks, ...(await checkReplication(ctx)).checks];
        assert.ok(
          checks.every((c) => !c.guidance),
          JSON.stringify(checks.filter((c) => c.guidance)),
        );
      } finally {
        await cluster.close();
      }
    }
  });
});
