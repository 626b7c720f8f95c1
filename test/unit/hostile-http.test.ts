// The HTTP client and the replication check against real in-process servers that misbehave on purpose: never
// answer, trickle one byte a second, answer 500, close mid-body, stream 1 GB, send invalid UTF-8, redirect.
// Each must end in bounded time with a clear failed check and a bounded preview, and memory must stay bounded.
import { test, describe, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { createServer as createHttpServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { createServer as createNetServer, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { createHttpClient, DEFAULT_BODY_CAP } from '../../src/http/client.js';
import { httpKvApi } from '../../src/checks/kv-api.js';
import { checkReplication } from '../../src/checks/replication.js';
import type { CheckContext } from '../../src/checks/context.js';
import { checkContext } from '../support/context.js';
import type { Check, NodeInfo } from '../../src/model/result.js';
import { renderSummary } from '../../src/report/summary.js';
import { renderText } from '../../src/report/text.js';
import { buildAnnotations } from '../../src/report/annotations.js';
import { emptyResult } from '../../src/model/empty.js';
import { optionsFrom } from '../support/options.js';
import { ROOT } from '../support/runner.js';

const http = createHttpClient();
after(() => http.close());

const GIB = 1024 ** 3;

interface Running {
  readonly url: string;
  /** Requests seen, by method. */
  readonly requests: string[];
  close(): Promise<void>;
}

/** Keeps every socket so close() never waits on a connection a hostile handler holds open. */
async function listen(server: Server): Promise<{ url: string; close(): Promise<void> }> {
  const sockets = new Set<Socket>();
  server.on('connection', (s: Socket) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

async function httpServer(handler: (req: IncomingMessage, res: ServerResponse, body: Buffer) => void): Promise<Running> {
  const requests: string[] = [];
  const server = createHttpServer((req, res) => {
    requests.push(req.method ?? '?');
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => handler(req, res, Buffer.concat(chunks)));
  });
  const l = await listen(server);
  return { ...l, requests };
}

async function tcpServer(onSocket: (s: Socket) => void): Promise<Running> {
  const requests: string[] = [];
  const server = createNetServer((s) => {
    requests.push('connect');
    s.on('error', () => undefined);
    onSocket(s);
  });
  const l = await listen(server);
  return { ...l, requests };
}

/** A well-behaved node: stores writes, returns them. Other servers may share its store to "know" the value. */
async function goodNode(store: Map<string, Buffer>): Promise<Running> {
  return httpServer((req, res, body) => {
    const key = decodeURIComponent((req.url ?? '').replace(/^\/key\//, ''));
    if (req.method === 'POST' || req.method === 'PUT') {
      store.set(key, body);
      res.writeHead(204).end();
      return;
    }
    const v = store.get(key);
    if (v === undefined) res.writeHead(404).end('not found');
    else res.writeHead(200).end(v);
  });
}

/** Streams `total` bytes (after an optional prefix) from one reused chunk, honouring backpressure: nothing is allocated per byte. */
function streamHuge(res: ServerResponse, total: number, prefix: Buffer, counter: { sent: number }): void {
  const chunk = Buffer.alloc(64 * 1024, 0x61);
  res.writeHead(200, { 'content-type': 'application/octet-stream', 'content-length': String(prefix.length + total) });
  res.write(prefix);
  let closed = false;
  res.on('close', () => (closed = true));
  const pump = (): void => {
    while (!closed && counter.sent < total) {
      const part = total - counter.sent >= chunk.length ? chunk : chunk.subarray(0, total - counter.sent);
      counter.sent += part.length;
      if (!res.write(part)) {
        res.once('drain', pump);
        return;
      }
    }
    if (!closed) res.end();
  };
  pump();
}

const TRICKLE = Buffer.from('HTTP/1.1 200 OK\r\ncontent-length: 5\r\n\r\nhello');
function trickle(s: Socket): void {
  let i = 0;
  const timer = setInterval(() => {
    if (s.destroyed || i >= TRICKLE.length) return clearInterval(timer);
    s.write(TRICKLE.subarray(i, ++i));
  }, 1000);
  s.on('close', () => clearInterval(timer));
}

describe('HTTP client against hostile servers', () => {
  test('a server that accepts and never answers: timeout at the deadline', async () => {
    const evil = await tcpServer(() => undefined);
    try {
      const r = await http.send({ method: 'GET', url: `${evil.url}/key/a`, timeoutMs: 300 });
      assert.equal(r.ok, false);
      assert.equal(!r.ok && r.error, 'timeout');
      assert.ok(r.durationMs >= 250 && r.durationMs < 1500, `took ${r.durationMs} ms`);
    } finally {
      await evil.close();
    }
  });

  test('a server that answers one byte per second: the deadline covers the whole request, not each byte', async () => {
    const evil = await tcpServer(trickle);
    try {
      // Idle timeouts alone would never fire (a byte arrives every second); the overall deadline must.
      const r = await http.send({ method: 'GET', url: `${evil.url}/key/a`, timeoutMs: 1500 });
      assert.equal(r.ok, false);
      assert.equal(!r.ok && r.error, 'timeout');
      assert.ok(r.durationMs < 2500, `took ${r.durationMs} ms`);
    } finally {
      await evil.close();
    }
  });

  test('500s are answers with a status, not exceptions', async () => {
    const evil = await httpServer((_q, res) => res.writeHead(500).end('boom'));
    try {
      const r = await http.send({ method: 'GET', url: `${evil.url}/key/a`, timeoutMs: 1000 });
      assert.ok(r.ok);
      assert.equal(r.status, 500);
      assert.equal(r.body.toString(), 'boom');
    } finally {
      await evil.close();
    }
  });

  test('a body cut off before its content-length is a failure, not a short value', async () => {
    const evil = await httpServer((_q, res) => {
      res.writeHead(200, { 'content-length': '1000' });
      res.write('the-right-prefix');
      setTimeout(() => res.socket?.destroy(), 50);
    });
    try {
      const r = await http.send({ method: 'GET', url: `${evil.url}/key/a`, timeoutMs: 2000 });
      assert.equal(r.ok, false, 'a truncated transfer must not look like an answer');
      assert.equal(!r.ok && r.error, 'connection reset');
    } finally {
      await evil.close();
    }
  });

  test('a 1 GB body is read only up to the cap, fast, and the rest is never pulled', async () => {
    const counter = { sent: 0 };
    const evil = await httpServer((_q, res) => streamHuge(res, GIB, Buffer.alloc(0), counter));
    try {
      const r = await http.send({ method: 'GET', url: `${evil.url}/key/a`, timeoutMs: 10_000 });
      assert.ok(r.ok);
      assert.equal(r.truncated, true);
      assert.equal(r.body.length, DEFAULT_BODY_CAP);
      assert.ok(r.durationMs < 5000, `took ${r.durationMs} ms`);
      // The client hangs up: the server stops far short of 1 GB (kernel buffers hold a few MB at most).
      const before = counter.sent;
      await new Promise((resolve) => setTimeout(resolve, 300));
      assert.ok(counter.sent === before, 'the server is still sending after the client stopped reading');
      assert.ok(counter.sent < 64 * 1024 * 1024, `server sent ${counter.sent} bytes`);
    } finally {
      await evil.close();
    }
  });

  test('the body cap is configurable and exact', async () => {
    const small = createHttpClient({ bodyCap: 10 });
    const evil = await httpServer((_q, res) => res.writeHead(200).end('0123456789abcdef'));
    try {
      const r = await small.send({ method: 'GET', url: evil.url, timeoutMs: 1000 });
      assert.ok(r.ok);
      assert.equal(r.body.toString(), '0123456789');
      assert.equal(r.truncated, true);
      const exact = await createHttpClient({ bodyCap: 16 }).send({ method: 'GET', url: evil.url, timeoutMs: 1000 });
      assert.ok(exact.ok);
      assert.equal(exact.truncated, false, 'a body exactly at the cap is complete');
    } finally {
      await small.close();
      await evil.close();
    }
  });

  test('invalid UTF-8 comes back as the exact bytes', async () => {
    const bytes = Buffer.from([0xff, 0xfe, 0x80, 0x41, 0xc3, 0x28, 0xed, 0xa0, 0x80, 0x00]);
    const evil = await httpServer((_q, res) => res.writeHead(200).end(bytes));
    try {
      const r = await http.send({ method: 'GET', url: evil.url, timeoutMs: 1000 });
      assert.ok(r.ok);
      assert.ok(r.body.equals(bytes));
    } finally {
      await evil.close();
    }
  });

  test('redirects are returned, never followed', async () => {
    const target = await httpServer((_q, res) => res.writeHead(200).end('elsewhere'));
    const evil = await httpServer((req, res) => res.writeHead(302, { location: `${target.url}${req.url}` }).end());
    try {
      const r = await http.send({ method: 'GET', url: `${evil.url}/key/a`, timeoutMs: 1000 });
      assert.ok(r.ok);
      assert.equal(r.status, 302);
      assert.equal(target.requests.length, 0, 'the redirect target was contacted');
    } finally {
      await evil.close();
      await target.close();
    }
  });
});

describe('replication check against a hostile node', () => {
  interface Hostile {
    readonly name: string;
    /** Starts the hostile node; it may read the good node's store to serve the "right" value dishonestly. */
    readonly start: (store: Map<string, Buffer>, extra: Running[]) => Promise<Running>;
    readonly assertRead: (c: Check) => void;
    readonly assertWrite: (c: Check) => void;
  }
  const valueOf = (req: IncomingMessage, store: Map<string, Buffer>): Buffer =>
    store.get(decodeURIComponent((req.url ?? '').replace(/^\/key\//, ''))) ?? Buffer.from('missing');

  const cases: Hostile[] = [
    {
      name: 'never answers',
      start: () => tcpServer(() => undefined),
      assertRead: (c) => assert.equal(c.actual?.error, 'timeout'),
      assertWrite: (c) => assert.equal(c.actual?.error, 'timeout'),
    },
    {
      name: 'one byte per second',
      start: () => tcpServer(trickle),
      assertRead: (c) => assert.equal(c.actual?.error, 'timeout'),
      assertWrite: (c) => assert.equal(c.actual?.error, 'timeout'),
    },
    {
      name: 'answers 500',
      start: () => httpServer((_q, res) => res.writeHead(500).end('internal error')),
      assertRead: (c) => assert.deepEqual([c.actual?.status, c.actual?.bodyPreview], [500, 'internal error']),
      assertWrite: (c) => assert.equal(c.actual?.status, 500),
    },
    {
      name: 'closes mid-body after sending the right value',
      start: (store) =>
        httpServer((req, res) => {
          const v = valueOf(req, store);
          res.writeHead(200, { 'content-length': String(v.length + 100) });
          res.write(v);
          setTimeout(() => res.socket?.destroy(), 20);
        }),
      assertRead: (c) => assert.equal(c.actual?.error, 'connection reset'),
      assertWrite: (c) => assert.equal(c.actual?.error, 'connection reset'),
    },
    {
      name: 'sends the right value followed by 1 GB',
      start: (store) => httpServer((req, res) => streamHuge(res, GIB, valueOf(req, store), { sent: 0 })),
      assertRead: (c) => {
        assert.equal(c.actual?.status, 200);
        assert.equal(c.actual?.truncated, true);
        assert.equal(c.actual?.bodyBytes, DEFAULT_BODY_CAP);
        assert.ok((c.actual?.bodyPreview?.length ?? Infinity) <= 201, `preview of ${c.actual?.bodyPreview?.length} chars`);
        assert.ok(c.actual?.bodyPreview?.startsWith('rc-'), 'the preview shows the start of the body');
      },
      // A 200 with a huge body acknowledges the write; its reads still fail, which is what matters.
      assertWrite: () => undefined,
    },
    {
      name: 'returns invalid UTF-8',
      start: () =>
        httpServer((req, res) =>
          res.writeHead(req.method === 'GET' ? 200 : 204).end(Buffer.from([0xff, 0xfe, 0x41, 0x0d, 0x0a, 0x1b, 0x80])),
        ),
      assertRead: (c) => {
        assert.equal(c.actual?.status, 200);
        assert.equal(c.actual?.bodyBytes, 7);
        assert.ok(c.actual?.bodyPreview?.includes('\ufffd'), JSON.stringify(c.actual));
        assert.doesNotMatch(c.actual?.bodyPreview ?? '', /[\r\u001b]/, 'control characters are shown escaped');
      },
      assertWrite: () => undefined,
    },
    {
      name: 'redirects to a server that has the value',
      start: async (store, extra) => {
        const target = await httpServer((req, res) => res.writeHead(200).end(valueOf(req, store)));
        extra.push(target);
        return httpServer((req, res) => res.writeHead(307, { location: `${target.url}${req.url}` }).end());
      },
      assertRead: (c) => assert.equal(c.actual?.status, 307),
      assertWrite: (c) => assert.equal(c.actual?.status, 307),
    },
  ];

  for (const h of cases) {
    test(`${h.name}: a clear failed check in bounded time`, async () => {
      const store = new Map<string, Buffer>();
      const extra: Running[] = [];
      const good = await goodNode(store);
      const evil = await h.start(store, extra);
      try {
        const options = optionsFrom({ servers: `${good.url},${evil.url}`, 'convergence-timeout': '1', 'request-timeout': '0.5' });
        const nodes: NodeInfo[] = [
          { url: good.url, label: 'good', service: 'good', mapping: 'test' },
          { url: evil.url, label: 'evil', service: 'evil', mapping: 'test' },
        ];
        const ctx: CheckContext = checkContext(httpKvApi(http, options), nodes, { limits: options.limits, runId: 'hostile' });
        const started = performance.now();
        const r = await checkReplication(ctx);
        const took = performance.now() - started;
        // Two writers; each waits at most the convergence timeout plus one request timeout.
        assert.ok(took < 4000, `the check took ${took} ms`);

        const read = r.checks.find((c) => c.id === 'replication:good->evil');
        assert.equal(read?.status, 'failed', JSON.stringify(r.checks));
        assert.equal(read?.title, 'Replication: evil never returned the value written on good');
        h.assertRead(read!);
        assert.equal(r.checks.find((c) => c.id === 'replication:good->good')?.status, 'passed', 'the good node is not blamed');
        const write = r.checks.find((c) => c.id === 'write:evil');
        if (write) {
          assert.equal(write.status, 'failed');
          h.assertWrite(write);
        }
        for (const t of extra) assert.equal(t.requests.length, 0, 'a redirect was followed');

        // Every reporter stays bounded whatever the node sent.
        const result = { ...emptyResult('test', [], new Date().toISOString()), verdict: 'failed' as const, checks: r.checks };
        assert.ok(Buffer.byteLength(renderSummary(result)) < 64 * 1024);
        assert.ok(Buffer.byteLength(renderText(result)) < 64 * 1024);
        for (const a of buildAnnotations(result, undefined)) assert.ok(a.message.length <= 4000);
      } finally {
        await evil.close();
        await good.close();
        for (const t of extra) await t.close();
      }
    });
  }
});

describe('memory against a 1 GB body', () => {
  test('peak RSS of a client reading a 1 GB body three times stays under 200 MB', async () => {
    const streams: { sent: number }[] = [];
    const evil = await httpServer((_q, res) => {
      const counter = { sent: 0 };
      streams.push(counter);
      streamHuge(res, GIB, Buffer.alloc(0), counter);
    });
    const sent = (): number => streams.reduce((a, c) => a + c.sent, 0);
    try {
      const child = spawn(
        process.execPath,
        ['--import', 'tsx', join(ROOT, 'test/fixtures/hostile/big-body-client.ts'), `${evil.url}/key/a`, '3'],
        {
          cwd: ROOT,
          stdio: ['ignore', 'pipe', 'pipe'],
        },
      );
      let out = '';
      let err = '';
      child.stdout.on('data', (c: Buffer) => (out += c.toString()));
      child.stderr.on('data', (c: Buffer) => (err += c.toString()));
      const timer = setTimeout(() => child.kill('SIGKILL'), 60_000);
      const code = await new Promise<number | null>((resolve) => child.on('close', resolve));
      clearTimeout(timer);
      assert.equal(code, 0, err);
      const report = JSON.parse(out) as {
        baselineRss: number;
        maxRss: number;
        results: { ok: boolean; bytes: number; truncated: boolean; ms: number }[];
      };
      assert.equal(report.results.length, 3);
      for (const r of report.results) assert.deepEqual([r.ok, r.bytes, r.truncated], [true, DEFAULT_BODY_CAP, true]);
      const mb = (n: number): string => `${(n / 1024 / 1024).toFixed(1)} MB`;
      // Visible in the test output so the figure can be quoted.
      console.log(
        `# peak RSS reading a 1 GB body x3: ${mb(report.maxRss)} (baseline ${mb(report.baselineRss)}); server sent ${mb(sent())}`,
      );
      assert.ok(report.maxRss < 200 * 1024 * 1024, `peak RSS ${mb(report.maxRss)}`);
      assert.equal(streams.length, 3);
      assert.ok(sent() < 3 * 64 * 1024 * 1024, `server sent ${mb(sent())}`);
    } finally {
      await evil.close();
    }
  });
});
