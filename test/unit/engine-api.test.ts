// The Docker engine API client against a real HTTP server on a unix socket (what the engine answers, as scripted
// here), and the lifecycle driver over it: exact requests, verbs on a group's containers at once, the daemon's id,
// stale container ids found again, one-off containers left alone, and no socket meaning Compose.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { connectEngineApi, engineSocket, verbPath } from '../../src/compose/engine-api.js';
import { engineLifecycle } from '../../src/faults/lifecycle.js';
import type { Compose } from '../../src/compose/driver.js';

async function engine(handle: (req: IncomingMessage, res: ServerResponse) => void) {
  const dir = mkdtempSync(join(tmpdir(), 'rc-engine-api-'));
  const socket = join(dir, 'docker.sock');
  const requests: string[] = [];
  const server = createServer((req, res) => {
    requests.push(`${req.method} ${req.url}`);
    if (req.url === '/info') return void res.end(JSON.stringify({ ID: 'daemon-1' }));
    handle(req, res);
  });
  await new Promise<void>((r) => server.listen(socket, r));
  return {
    socket,
    requests,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((r) => server.close(() => r()));
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

test('which socket: DOCKER_HOST unix://, the default one, none for a tcp or ssh host', () => {
  assert.equal(engineSocket({}), '/var/run/docker.sock');
  assert.equal(engineSocket({ DOCKER_HOST: 'unix:///run/user/1000/docker.sock' }), '/run/user/1000/docker.sock');
  assert.equal(engineSocket({ DOCKER_HOST: 'tcp://10.0.0.1:2376' }), undefined);
  assert.equal(engineSocket({ DOCKER_HOST: 'ssh://me@host' }), undefined);
});

test("the requests: kill with SIGKILL; stop and restart with the container's own timeout", () => {
  assert.equal(verbPath('abc', 'kill'), '/containers/abc/kill?signal=SIGKILL');
  assert.equal(verbPath('abc', 'stop'), '/containers/abc/stop');
  assert.equal(verbPath('abc', 'restart'), '/containers/abc/restart');
  assert.equal(verbPath('a/b', 'pause'), '/containers/a%2Fb/pause');
});

test('no engine on the socket: undefined, so Compose does the faults', async () => {
  assert.equal(await connectEngineApi(join(tmpdir(), `rc-no-socket-${process.pid}`)), undefined);
  assert.equal(await connectEngineApi(undefined), undefined);
});

test("a group's containers are stopped at once, stale ids found again, one-off containers left alone", async () => {
  const e = await engine((req, res) => {
    if (req.url?.startsWith('/containers/gone')) return void res.writeHead(404).end('{"message":"No such container"}');
    // A stop that takes a while inside the engine.
    setTimeout(() => res.writeHead(204).end(), 1000);
  });
  try {
    const api = (await connectEngineApi(e.socket))!;
    assert.equal(api.daemonId, 'daemon-1');
    let generation = 0;
    const container = (id: string, service: string, oneoff = false) => ({
      Id: id,
      Config: { Labels: { 'com.docker.compose.service': service, ...(oneoff ? { 'com.docker.compose.oneoff': 'True' } : {}) } },
    });
    const compose = {
      inspect: async () =>
        generation++ === 0
          ? [container('a1', 'kv_4'), container('gone', 'kv_4'), container('a3', 'kv_4'), container('run1', 'kv_4', true)]
          : [container('a1', 'kv_4'), container('a2new', 'kv_4'), container('a3', 'kv_4')],
    } as unknown as Compose;
    const lifecycle = engineLifecycle(api, compose);
    await lifecycle.prepare('kv_4');
    const started = performance.now();
    const r = await lifecycle.verb('stop', 'kv_4');
    const ms = performance.now() - started;
    assert.equal(r.ok, true, r.detail);
    // Three containers that each take 1 s: together, not one after another (3 s and more).
    assert.ok(ms < 2500, `took ${ms} ms`);
    const stops = e.requests.filter((x) => x.includes('/stop'));
    assert.deepEqual([...stops].sort(), [
      'POST /containers/a1/stop',
      'POST /containers/a2new/stop',
      'POST /containers/a3/stop',
      'POST /containers/gone/stop',
    ]);
    await api.close();
  } finally {
    await e.close();
  }
});
