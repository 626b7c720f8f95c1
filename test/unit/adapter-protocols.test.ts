// Adapter modules for stores that do not speak HTTP (issue 23): readiness through the module's optional `ready`,
// else a TCP connection that holds; a refusal with its reason (Redis' READONLY); a `ready` that is not a function
// refused before anything starts; and a module's own dependencies, resolved from its own folder.
import { test, describe, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:net';
import { moduleApiOptions } from '../../src/checks/kv-api.js';
import { loadAdapter, moduleKvApi } from '../../src/checks/adapter-module.js';
import { loadAdapterModule } from '../../src/engine/preflight.js';
import { createHttpClient, type HttpOutcome } from '../../src/http/client.js';
import { InputError } from '../../src/inputs/errors.js';
import { optionsFrom } from '../support/options.js';
import { scratch } from '../support/files.js';
import type { EngineDeps } from '../../src/engine/deps.js';

const http = createHttpClient();
after(() => http.close());
const { dir, write: file } = scratch('rc-adapter-protocols-');
const opts = moduleApiOptions(optionsFrom({ servers: 'redis://127.0.0.1:6379', adapter: 'a.mjs', 'request-timeout': '1' }));

async function api(path: string) {
  const loaded = await loadAdapter(path);
  assert.ok('functions' in loaded, JSON.stringify(loaded));
  return moduleKvApi(loaded.functions, http, opts);
}

const BASIC = `export async function write() { return true; }\nexport async function read() { return null; }\n`;
const shown = (o: HttpOutcome): string => (o.ok ? `${o.status} ${o.body.toString()}` : `error ${o.error}`);

/** A TCP server on a free loopback port; `onConnection` decides what a connection gets. */
async function listen(onConnection: (socket: import('node:net').Socket) => void): Promise<{ port: number; server: Server }> {
  const server = createServer(onConnection);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { port: (server.address() as { port: number }).port, server };
}

describe('readiness of a node through an adapter', { timeout: 20_000 }, () => {
  test("the module's ready export decides: true serves, false is not yet, a throw is no answer", async () => {
    const kv = await api(
      file(
        'ready.mjs',
        BASIC +
          `export async function ready({ url }) {
  if (url.endsWith(':1')) return true;
  if (url.endsWith(':2')) return false;
  throw new Error('LOADING Redis is loading the dataset in memory');
}\n`,
      ),
    );
    assert.equal(shown(await kv.probe('redis://h:1')), '200 ');
    assert.equal(shown(await kv.probe('redis://h:2')), '503 adapter ready returned false');
    assert.equal(shown(await kv.probe('redis://h:3')), 'error adapter ready threw: LOADING Redis is loading the dataset in memory');
  });

  test('without ready, a non-HTTP node is ready once a TCP connection to it holds', async () => {
    const kv = await api(file('plain.mjs', BASIC));
    const open = await listen(() => undefined);
    // Docker's userland proxy accepts, then closes at once while nothing listens in the container.
    const proxy = await listen((socket) => socket.destroy());
    try {
      assert.equal(shown(await kv.probe(`redis://127.0.0.1:${open.port}`)), '200 ');
      assert.match(shown(await kv.probe(`redis://127.0.0.1:${proxy.port}`)), /^error connection (closed|reset)$/);
      const freed = await listen(() => undefined);
      freed.server.close();
      await new Promise((r) => freed.server.once('close', r));
      assert.equal(shown(await kv.probe(`tcp://127.0.0.1:${freed.port}`)), 'error connection refused');
    } finally {
      open.server.close();
      proxy.server.close();
    }
  });

  test('a ready export that is not a function is an input error naming adapter, before anything starts', async () => {
    const path = file('bad-ready.mjs', BASIC + `export const ready = true;\n`);
    assert.deepEqual(await loadAdapter(path), { problem: 'exports ready, but not as a function' });
    const options = optionsFrom({ servers: 'redis://127.0.0.1:6379', adapter: path });
    const deps = { files: { exists: async () => true, readText: async () => '' } } as unknown as EngineDeps;
    await assert.rejects(loadAdapterModule(options, deps, dir), (error: unknown) => {
      assert.ok(error instanceof InputError);
      assert.equal(error.problems[0]!.input, 'adapter');
      assert.match(error.problems[0]!.message, /exports ready, but not as a function/);
      assert.match(error.problems[0]!.fix, /ready\(\{ url, signal \}\)/);
      return true;
    });
  });
});

describe('what an adapter module may answer and import', { timeout: 20_000 }, () => {
  test('a write refused with a reason is a definite refusal that shows the reason; so is a cas', async () => {
    const kv = await api(
      file(
        'refuse.mjs',
        `export async function write() { return { refused: "READONLY You can't write against a read only replica." }; }
export async function read() { return null; }
export async function cas() { return { refused: 'READONLY' }; }\n`,
      ),
    );
    const w = await kv.write('redis://replica:6379', 'k', 'v');
    assert.equal(w.result, 'refused');
    assert.equal(shown(w.outcome), "409 adapter write refused: READONLY You can't write against a read only replica.");
    assert.equal((await kv.cas!('redis://replica:6379', 'k', 'a', 'b')).result, 'refused');
  });

  test("the module's own dependencies resolve from its own folder, and it gets the URL as written", async () => {
    file('own/node_modules/tiny-proto/package.json', JSON.stringify({ name: 'tiny-proto', type: 'module', exports: './index.js' }));
    file('own/node_modules/tiny-proto/index.js', `export const greet = (url) => 'hello ' + url;\n`);
    const kv = await api(
      file(
        'own/adapter.mjs',
        `import { greet } from 'tiny-proto';
export async function write() { return true; }
export async function read({ url }) { return greet(url); }\n`,
      ),
    );
    const r = await kv.read('redis://127.0.0.1:6379/0', 'k');
    assert.equal(r.value?.toString(), 'hello redis://127.0.0.1:6379/0');
  });
});
