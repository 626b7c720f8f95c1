// Adapter modules run in a worker thread: one that never yields is ended at its call's deadline (three request
// timeouts) while the run goes on, later calls get a fresh worker, and the module's fetch is still the run's HTTP
// client (headers, redaction) on the main thread. The module contract itself is in store-apis.test.ts.
import { test, describe, after } from 'node:test';
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { createServer, type Server } from 'node:http';
import { fileURLToPath } from 'node:url';
import { moduleApiOptions } from '../../src/checks/kv-api.js';
import { loadAdapter, moduleKvApi } from '../../src/checks/adapter-module.js';
import { createHttpClient } from '../../src/http/client.js';
import { optionsFrom } from '../support/options.js';
import { scratch } from '../support/files.js';

const http = createHttpClient();
after(() => http.close());
const { write: module } = scratch('rc-adapter-worker-');
// Request timeout 0.2 s: a call's deadline is 0.6 s.
const opts = moduleApiOptions(
  optionsFrom({ servers: 'http://localhost:2379', headers: 'X-Token: s3cr3t-token', 'request-timeout': '0.2' }),
);
const NOWHERE = 'http://127.0.0.1:1';

async function api(path: string, requestTimeoutMs = opts.requestTimeoutMs) {
  const loaded = await loadAdapter(path);
  assert.ok('functions' in loaded, JSON.stringify(loaded));
  return moduleKvApi(loaded.functions, http, { ...opts, requestTimeoutMs });
}

async function timed<T>(run: () => Promise<T>): Promise<{ result: T; ms: number }> {
  const started = performance.now();
  const result = await run();
  return { result, ms: performance.now() - started };
}

const errorOf = (o: { ok: boolean; error?: string }): string => (o.ok ? 'no error' : o.error!);

describe('an adapter module in its worker', { timeout: 20_000 }, () => {
  test('a read that loops forever ends at the deadline, the run keeps running meanwhile, and the next call works', async () => {
    const kv = await api(
      module(
        'loop.mjs',
        `export async function write() { return true; }
export function read({ key }) { if (key === 'loop') { while (true) {} } return 'v:' + key; }
`,
      ),
    );
    let ticks = 0;
    const ticker = setInterval(() => ticks++, 50);
    const { result, ms } = await timed(() => kv.read(NOWHERE, 'loop'));
    clearInterval(ticker);
    assert.match(errorOf(result.outcome), /^adapter read did not finish within 0.6 s$/);
    assert.ok(ms >= 550 && ms < 4000, `answered after ${Math.round(ms)} ms`);
    assert.ok(ticks >= 5, `the main thread ran meanwhile (${ticks} ticks)`);
    assert.equal((await kv.write(NOWHERE, 'k', 'v')).acked, true);
    assert.equal((await kv.read(NOWHERE, 'k')).value?.toString(), 'v:k');
  });

  test('calls in flight beside one that loops end at their own deadlines; later ones go to a fresh worker', async () => {
    const kv = await api(
      module(
        'loop-many.mjs',
        `export async function write() { return true; }
export async function read({ key }) {
  await new Promise((r) => setTimeout(r, 200));
  if (key === 'loop') { while (true) {} }
  return 'v:' + key;
}
`,
      ),
    );
    const { result, ms } = await timed(() => Promise.all([kv.read(NOWHERE, 'loop'), kv.read(NOWHERE, 'a'), kv.write(NOWHERE, 'b', 'v')]));
    assert.ok(ms < 4000, `all answered after ${Math.round(ms)} ms`);
    assert.match(errorOf(result[0].outcome), /did not finish within 0.6 s/);
    assert.match(errorOf(result[1].outcome), /did not finish within 0.6 s/, 'its timer never fired in the looping worker');
    assert.equal(result[2].acked, true, 'the write, which needs no timer, finished before the loop began');
    assert.equal((await kv.read(NOWHERE, 'c')).value?.toString(), 'v:c');
  });

  test('a cancelled run stops waiting for a call soon: the module sees its signal, and one that loops is given up', async () => {
    const kv = await api(
      module(
        'cancel.mjs',
        `export async function write({ signal }) {
  await new Promise((_, reject) => signal.addEventListener('abort', () => reject(signal.reason)));
}
export function read({ key }) { if (key === 'loop') { while (true) {} } return 'v:' + key; }
`,
      ),
      2000,
    );
    const cancel = new AbortController();
    setTimeout(() => cancel.abort(), 100);
    const { result: seen, ms: seenMs } = await timed(() => kv.write(NOWHERE, 'k', 'v', cancel.signal));
    assert.equal(errorOf(seen.outcome), 'adapter write threw: The run was cancelled');
    assert.ok(seenMs < 2000, `answered after ${Math.round(seenMs)} ms`);
    const looping = new AbortController();
    setTimeout(() => looping.abort(), 100);
    const { result: loop, ms: loopMs } = await timed(() => kv.read(NOWHERE, 'loop', looping.signal));
    assert.equal(errorOf(loop.outcome), 'adapter read did not finish: the run was cancelled');
    assert.ok(loopMs < 4000, `answered after ${Math.round(loopMs)} ms, not at the 6 s deadline`);
    assert.equal((await kv.read(NOWHERE, 'k')).value?.toString(), 'v:k');
  });

  test('a call that never settles does not take the calls beside it down with it', async () => {
    const kv = await api(
      module(
        'hang.mjs',
        `export async function write() { return true; }
export async function read({ key }) {
  if (key === 'hang') return new Promise(() => {});
  await new Promise((r) => setTimeout(r, 300));
  return 'v:' + key;
}
`,
      ),
    );
    const [hung, slow] = await Promise.all([kv.read(NOWHERE, 'hang'), (async () => kv.read(NOWHERE, 'slow'))()]);
    assert.match(errorOf(hung.outcome), /did not finish within 0.6 s/);
    assert.equal(slow.value?.toString(), 'v:slow');
    assert.equal((await kv.read(NOWHERE, 'after')).value?.toString(), 'v:after');
  });

  test('a module that throws, at once, later, or outside any call: a failed call with the reason, then calls work again', async () => {
    const kv = await api(
      module(
        'throws.mjs',
        `export function write({ key }) {
  if (key === 'sync') throw new Error('sync boom');
  if (key === 'stray') { setTimeout(() => { throw new Error('stray boom'); }, 10); return new Promise(() => {}); }
  return Promise.reject('a plain string');
}
export async function read() { return 'fine'; }
`,
      ),
    );
    assert.equal(errorOf((await kv.write(NOWHERE, 'sync', 'v')).outcome), 'adapter write threw: sync boom');
    assert.equal(errorOf((await kv.write(NOWHERE, 'async', 'v')).outcome), 'adapter write threw: a plain string');
    const { result, ms } = await timed(() => kv.write(NOWHERE, 'stray', 'v'));
    assert.match(errorOf(result.outcome), /^adapter write did not finish: the module's worker failed: stray boom$/);
    assert.ok(ms < 4000, `answered when the worker failed (${Math.round(ms)} ms)`);
    assert.equal((await kv.read(NOWHERE, 'k')).value?.toString(), 'fine');
  });

  test('a module imports what lies beside it: a relative file and a package in its own node_modules', async () => {
    module('deps/lib/prefix.mjs', `export const prefix = 'rel:';\n`);
    module('deps/node_modules/tiny-suffix/package.json', JSON.stringify({ name: 'tiny-suffix', type: 'module', exports: './index.js' }));
    module('deps/node_modules/tiny-suffix/index.js', `export const suffix = ':pkg';\n`);
    const kv = await api(
      module(
        'deps/adapter.mjs',
        `import { prefix } from './lib/prefix.mjs';
import { suffix } from 'tiny-suffix';
export async function write() { return true; }
export async function read({ key }) { return prefix + key + suffix; }
`,
      ),
    );
    assert.equal((await kv.read(NOWHERE, 'k')).value?.toString(), 'rel:k:pkg');
  });

  test('fetch is the run’s HTTP client: headers added, secrets redacted, errors as rejections, bytes both ways', async () => {
    const server: Server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        res.setHeader('content-type', 'application/json');
        res.end(JSON.stringify({ token: req.headers['x-token'], method: req.method, body: Buffer.concat(chunks).toString('base64') }));
      });
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const url = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
    try {
      const kv = await api(
        module(
          'fetch.mjs',
          `export async function write({ value, fetch }) {
  const r = await fetch('/echo', { method: 'put', body: value });
  const doc = r.json();
  return doc.method === 'PUT' && doc.body === Buffer.from(value).toString('base64') && r.body instanceof Uint8Array;
}
export async function read({ key, fetch }) {
  if (key === 'refused') return (await fetch('http://127.0.0.1:1/x')).text();
  if (key === 'bad') return fetch(42);
  return (await fetch('/echo')).text();
}
`,
        ),
        // Not a test of deadlines: room for a loaded machine.
        2000,
      );
      assert.equal((await kv.write(url, 'k', 'a b é')).acked, true);
      assert.equal((await kv.read(url, 'k')).value?.toString(), '{"token":"***","method":"GET","body":""}');
      assert.match(errorOf((await kv.read(url, 'refused')).outcome), /^adapter read threw: /);
      assert.equal(errorOf((await kv.read(url, 'bad')).outcome), 'adapter read threw: fetch needs a URL or a path as a string');
    } finally {
      server.close();
    }
  });

  test('values of the wrong kind are described as before: a number, an object, an array, nothing', async () => {
    const kv = await api(
      module(
        'kinds.mjs',
        `export async function write({ key }) { return { number: 1, object: {}, array: [], nothing: undefined, fn: () => 1 }[key]; }
export async function read() { return Buffer.from([0, 255, 10]); }
`,
      ),
    );
    const says = async (key: string) => errorOf((await kv.write(NOWHERE, key, 'v')).outcome);
    assert.equal(await says('number'), 'adapter write returned a number, not true or false');
    assert.equal(await says('object'), 'adapter write returned a object, not true or false');
    assert.equal(await says('array'), 'adapter write returned an array, not true or false');
    assert.equal(await says('nothing'), 'adapter write returned nothing, not true or false');
    assert.equal(await says('fn'), 'adapter write returned a function, not true or false');
    assert.deepEqual([...(await kv.read(NOWHERE, 'k')).value!], [0, 255, 10]);
  });

  test('a module whose import never finishes is refused within the load bound', async () => {
    const path = module('top-loop.mjs', 'while (true) {}\nexport function write() {}\nexport function read() {}\n');
    const { result, ms } = await timed(() => loadAdapter(path, { loadTimeoutMs: 500 }));
    assert.ok('problem' in result && result.problem === 'did not finish loading within 0.5 s', JSON.stringify(result));
    assert.ok(ms < 4000, `refused after ${Math.round(ms)} ms`);
  });

  test('an idle worker does not keep the process alive', async () => {
    const path = module('idle.mjs', `export async function write() { return true; }\nexport async function read() { return 'x'; }\n`);
    const source = fileURLToPath(new URL('../../src/checks/adapter-module.ts', import.meta.url));
    const script =
      `const { loadAdapter } = await import(${JSON.stringify(source)});` +
      `const l = await loadAdapter(${JSON.stringify(path)});` +
      `const r = await l.functions.read({ args: { url: 'x', key: 'k' }, deadlineMs: 1000, fetchFor: () => async () => ({}) });` +
      `console.log(JSON.stringify(r));`;
    const { result, ms } = await timed(
      () =>
        new Promise<{ code: number | null; out: string }>((resolve) => {
          const child = execFile(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { timeout: 8000 }, (e, out) =>
            resolve({ code: e ? ((e as { code?: number }).code ?? null) : 0, out }),
          );
          child.stdin?.end();
        }),
    );
    assert.equal(result.code, 0, `exited by itself (after ${Math.round(ms)} ms)`);
    assert.equal(result.out.trim(), '{"value":"x"}');
  });
});
