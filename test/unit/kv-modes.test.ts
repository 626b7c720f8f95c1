// The example store's consistency modes (examples/kv/server.js), three real nodes on loopback, each mode driven through
// a short scripted scenario that shows the one session guarantee it breaks for sticky clients, and the same scenario
// on the healthy mode, where the anomaly never shows. Timing-based anomalies get a bounded number of attempts.
import { test, describe, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { request, Agent } from 'node:http';
import { createServer, type AddressInfo, type Server } from 'node:net';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const SERVER = fileURLToPath(new URL('../../examples/kv/server.js', import.meta.url));
const agent = new Agent({ keepAlive: false });
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

interface Answer {
  status: number;
  body: string;
}

function call(port: number, method: 'GET' | 'PUT', path: string, body?: string): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, method, path, agent, timeout: 3000 }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8') }));
      res.on('error', reject);
    });
    req.on('timeout', () => req.destroy(new Error(`${method} ${path} on :${port}: no answer within 3 s`)));
    req.on('error', reject);
    req.end(body);
  });
}

/** The value of key k on the node, or null for 404. */
async function read(port: number, k: string): Promise<string | null> {
  const r = await call(port, 'GET', `/key/${encodeURIComponent(k)}`);
  if (r.status === 404) return null;
  assert.equal(r.status, 200, `GET ${k} on :${port}: ${r.status} ${r.body}`);
  return r.body;
}

async function write(port: number, k: string, v: string): Promise<void> {
  const r = await call(port, 'PUT', `/key/${encodeURIComponent(k)}`, v);
  assert.equal(r.status, 200, `PUT ${k} on :${port}: ${r.status} ${r.body}`);
}

/** Reads k on the node until it holds v (a few ms apart, bounded); false if it never did. */
async function until(port: number, k: string, v: string, limitMs = 3000): Promise<boolean> {
  const end = Date.now() + limitMs;
  while (Date.now() < end) {
    if ((await read(port, k)) === v) return true;
    await sleep(3);
  }
  return false;
}

async function freePorts(n: number): Promise<number[]> {
  const servers: Server[] = [];
  try {
    for (let i = 0; i < n; i++) {
      const s = createServer();
      await new Promise<void>((resolve, reject) => {
        s.once('error', reject);
        s.listen(0, '127.0.0.1', resolve);
      });
      servers.push(s);
    }
    return servers.map((s) => (s.address() as AddressInfo).port);
  } finally {
    await Promise.all(servers.map((s) => new Promise<void>((resolve) => s.close(() => resolve()))));
  }
}

const children = new Set<ChildProcess>();
const dirs = new Set<string>();
after(() => {
  for (const c of children) c.kill('SIGKILL');
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

interface Cluster {
  /** the ports of n1, n2, n3 (n1 has the smallest NODE_ID, n3 the largest) */
  ports: number[];
  output: () => string;
  stop: () => void;
}

/**
 * A port freePorts found free can be taken before a node binds it (another test's server or outgoing connection on
 * the ephemeral range): then the cluster starts again on fresh ports, at most three times.
 */
async function startCluster(mode: string, extra: Record<string, string> = {}): Promise<Cluster> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await startClusterOn(await freePorts(3), mode, extra);
    } catch (error) {
      if (!(error instanceof PortTaken) || attempt >= 3) throw error;
    }
  }
}

class PortTaken extends Error {}

async function startClusterOn(ports: number[], mode: string, extra: Record<string, string>): Promise<Cluster> {
  const dir = mkdtempSync(join(tmpdir(), `kv-modes-${mode}-`));
  dirs.add(dir);
  const mine: ChildProcess[] = [];
  let output = '';
  const stop = (): void => {
    for (const c of mine) {
      c.kill('SIGKILL');
      children.delete(c);
    }
    rmSync(dir, { recursive: true, force: true });
    dirs.delete(dir);
  };
  try {
    ports.forEach((port, i) => {
      const peers = ports.filter((p) => p !== port).map((p) => `http://127.0.0.1:${p}`);
      const child = spawn(process.execPath, [SERVER], {
        env: {
          PATH: process.env.PATH ?? '',
          PORT: String(port),
          NODE_ID: `n${i + 1}`,
          PEERS: peers.join(','),
          KV_MODE: mode,
          KV_DATA_DIR: join(dir, `n${i + 1}`),
          ...extra,
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      const keep = (c: Buffer): void => {
        if (output.length < 50_000) output += c.toString('utf8');
      };
      child.stdout?.on('data', keep);
      child.stderr?.on('data', keep);
      children.add(child);
      mine.push(child);
    });
    for (const port of ports) {
      const end = Date.now() + 8000;
      for (;;) {
        const ok = await call(port, 'GET', '/health').then(
          (r) => r.status === 200,
          () => false,
        );
        if (ok) break;
        if (output.includes('EADDRINUSE')) throw new PortTaken(`a port of ${ports.join(', ')} was taken:\n${output}`);
        if (Date.now() > end) throw new Error(`node on :${port} not healthy within 8 s:\n${output}`);
        await sleep(50);
      }
    }
    // every node learns its peers' names from their pings (every 300 ms): the slow link needs them
    await sleep(700);
    return { ports, output: () => output, stop };
  } catch (err) {
    stop();
    throw err;
  }
}

/** Every key holds the same value on every node within a bound (eventual consistency still holds). */
async function converges(c: Cluster, expected: Map<string, string>): Promise<void> {
  for (const [k, v] of expected) {
    // 8 s: origin-fifo's slow link delivers 2 s late, and each push on it waits for the one before.
    for (const port of c.ports) assert.ok(await until(port, k, v, 8000), `${k} never became ${v} on :${port}\n${c.output()}`);
  }
}

let seq = 0;
const fresh = (name: string): string => `${name}-${process.pid}-${++seq}`;

// ---------------------------------------------------------------------------------------------------------------
// The scenarios. Each returns the anomalies it saw (descriptions), after at most `attempts` tries; it stops at
// the first one when `stopAtFirst`.

/** read-your-writes: a write on n1, then a read of the same key on n1. */
async function readYourWrite(c: Cluster, attempts: number, stopAtFirst: boolean, written: Map<string, string>): Promise<string[]> {
  const [n1] = c.ports as [number];
  const seen: string[] = [];
  for (let i = 0; i < attempts && !(stopAtFirst && seen.length > 0); i++) {
    const k = fresh('ryw');
    await write(n1, k, 'mine');
    written.set(k, 'mine');
    const got = await read(n1, k);
    if (got !== 'mine') seen.push(`${k}: wrote "mine" on n1, read back ${JSON.stringify(got)}`);
  }
  return seen;
}

/** monotonic reads: a write on n2; on n1, once a read returned it, later reads of that key. */
async function monotonicReads(c: Cluster, attempts: number, stopAtFirst: boolean, written: Map<string, string>): Promise<string[]> {
  const [n1, n2] = c.ports as [number, number];
  const seen: string[] = [];
  for (let i = 0; i < attempts && !(stopAtFirst && seen.length > 0); i++) {
    const k = fresh('mr');
    await write(n2, k, 'new');
    written.set(k, 'new');
    assert.ok(await until(n1, k, 'new'), `${k} never reached n1`);
    for (let j = 0; j < 20; j++) {
      const got = await read(n1, k);
      if (got !== 'new') {
        seen.push(`${k}: n1 read "new", then ${JSON.stringify(got)}`);
        break;
      }
    }
  }
  return seen;
}

/** monotonic writes: writes of x then y on n1; on `reader`, once y is new, x. */
async function monotonicWrites(
  c: Cluster,
  reader: number,
  attempts: number,
  stopAtFirst: boolean,
  written: Map<string, string>,
): Promise<string[]> {
  const [n1] = c.ports as [number];
  const seen: string[] = [];
  for (let i = 0; i < attempts && !(stopAtFirst && seen.length > 0); i++) {
    const x = fresh('mw-x');
    const y = fresh('mw-y');
    await write(n1, x, 'first');
    await write(n1, y, 'second');
    written.set(x, 'first').set(y, 'second');
    // origin-fifo's slow link delivers 2 s late, and a push waits for the one before it.
    assert.ok(await until(reader, y, 'second', 8000), `${y} never reached :${reader}`);
    const got = await read(reader, x);
    if (got !== 'first') seen.push(`${x}, ${y}: written in that order on n1; :${reader} read ${y} new, then ${x} = ${JSON.stringify(got)}`);
  }
  return seen;
}

/** writes follow reads: x written on n1; a client on n2 reads it, then writes y; on n3, once y is new, x. */
async function writesFollowReads(c: Cluster, attempts: number, stopAtFirst: boolean, written: Map<string, string>): Promise<string[]> {
  const [n1, n2, n3] = c.ports as [number, number, number];
  const seen: string[] = [];
  for (let i = 0; i < attempts && !(stopAtFirst && seen.length > 0); i++) {
    const x = fresh('wfr-x');
    const y = fresh('wfr-y');
    await write(n1, x, 'read-first');
    assert.ok(await until(n2, x, 'read-first'), `${x} never reached n2`);
    await write(n2, y, 'after-reading');
    written.set(x, 'read-first').set(y, 'after-reading');
    assert.ok(await until(n3, y, 'after-reading'), `${y} never reached n3`);
    const got = await read(n3, x);
    if (got !== 'read-first') seen.push(`${x} read on n2 before ${y} was written there; n3 read ${y}, then ${x} = ${JSON.stringify(got)}`);
  }
  return seen;
}

// ---------------------------------------------------------------------------------------------------------------

describe('examples/kv consistency modes, three nodes on loopback', { timeout: 120_000 }, () => {
  describe('healthy: none of the anomalies, with sticky clients', () => {
    let c: Cluster;
    const written = new Map<string, string>();
    before(async () => (c = await startCluster('healthy')));
    after(() => c?.stop());

    test('read-your-writes, monotonic reads, monotonic writes (n1 to n2 and to n3), writes follow reads', async () => {
      assert.deepEqual(await readYourWrite(c, 5, false, written), []);
      assert.deepEqual(await monotonicReads(c, 3, false, written), []);
      assert.deepEqual(await monotonicWrites(c, c.ports[1]!, 6, false, written), []);
      assert.deepEqual(await monotonicWrites(c, c.ports[2]!, 6, false, written), []);
      assert.deepEqual(await writesFollowReads(c, 4, false, written), []);
      await converges(c, written);
    });
  });

  describe('healthy with a slow link n1 → n3 (KV_SLOW_LINK_MS): causal delivery through n2', () => {
    let c: Cluster;
    const written = new Map<string, string>();
    before(async () => (c = await startCluster('healthy', { KV_SLOW_LINK_MS: '400' })));
    after(() => c?.stop());

    test('n2 passes on what it read from n1 with its own write, so n3 never sees the write before it', async () => {
      assert.deepEqual(await writesFollowReads(c, 6, false, written), []);
      assert.deepEqual(await monotonicWrites(c, c.ports[2]!, 3, false, written), []);
      await converges(c, written);
    });
  });

  describe('ack-before-apply: read-your-writes breaks', () => {
    let c: Cluster;
    const written = new Map<string, string>();
    before(async () => (c = await startCluster('ack-before-apply')));
    after(() => c?.stop());

    test('a write read back at once on its own node is not there yet; it converges later', async () => {
      const seen = await readYourWrite(c, 5, true, written);
      assert.ok(seen.length > 0, 'every write was read back at once');
      await converges(c, written);
    });
  });

  describe('stale-snapshot: monotonic reads break, read-your-writes holds', () => {
    let c: Cluster;
    const written = new Map<string, string>();
    before(async () => (c = await startCluster('stale-snapshot')));
    after(() => c?.stop());

    test('a replicated value is read, then the value before it; own writes always read back', async () => {
      assert.deepEqual(await readYourWrite(c, 10, false, written), []);
      const seen = await monotonicReads(c, 6, true, written);
      assert.ok(seen.length > 0, 'no read went back in time');
      await converges(c, written);
    });
  });

  describe('reorder-delivery: monotonic writes break, read-your-writes and monotonic reads hold', () => {
    let c: Cluster;
    const written = new Map<string, string>();
    before(async () => (c = await startCluster('reorder-delivery')));
    after(() => c?.stop());

    test("n2 sees n1's second write, then the value before its first", async () => {
      assert.deepEqual(await readYourWrite(c, 5, false, written), []);
      assert.deepEqual(await monotonicReads(c, 2, false, written), []);
      const seen = await monotonicWrites(c, c.ports[1]!, 12, true, written);
      assert.ok(seen.length > 0, 'the writes always arrived in order');
      await converges(c, written);
    });
  });

  describe('origin-fifo: writes follow reads break, the three session guarantees (pram) hold', () => {
    let c: Cluster;
    const written = new Map<string, string>();
    before(async () => (c = await startCluster('origin-fifo')));
    after(() => c?.stop());

    test('n3 sees the write made on n2 after reading x, then the value of x before it', async () => {
      assert.deepEqual(await readYourWrite(c, 3, false, written), []);
      assert.deepEqual(await monotonicReads(c, 2, false, written), []);
      // the slow link n1 → n3 stays FIFO
      assert.deepEqual(await monotonicWrites(c, c.ports[2]!, 3, false, written), []);
      const seen = await writesFollowReads(c, 8, true, written);
      assert.ok(seen.length > 0, 'n3 always had x by the time it had y');
      await converges(c, written);
    });
  });
});
