// `replicheck probe`: against real local HTTP servers (node:http) speaking the kv API and etcd v3's JSON API, it
// names the preset that fits, shows what each request answered (bounded, inert), leaves only the probe key, and
// is bounded in time however the servers behave.
import { test, describe, after } from 'node:test';
import assert from 'node:assert/strict';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { cli } from '../../src/cli/main.js';
import { EXIT_USAGE } from '../../src/cli/usage.js';
import { probeUsage } from '../../src/cli/probe.js';
import { startFakeCluster } from '../support/fake-cluster.js';
import { startFakeEtcd3 } from '../support/fake-etcd3.js';

async function run(argv: string[], env: Record<string, string> = {}) {
  let stdout = '';
  let stderr = '';
  const io = {
    stdout: { write: (t: string) => void (stdout += t), isTTY: false },
    stderr: { write: (t: string) => void (stderr += t), isTTY: false },
    env,
    cwd: process.cwd(),
  };
  const started = performance.now();
  const code = await cli(['probe', ...argv], io);
  // Wrapped at 80 columns: matched with every run of spaces and line breaks as one space.
  const flat = stdout.replace(/\s+/g, ' ');
  return { code, stdout, flat, stderr, ms: performance.now() - started };
}

const closers: (() => Promise<void>)[] = [];
after(async () => {
  for (const close of closers) await close();
});

/** A server that answers every request with `body` and `status` (or never, with status 0). */
async function fixedServer(status: number, body: string | Buffer): Promise<string> {
  const server: Server = createServer((req, res) => {
    req.resume();
    if (status === 0) return;
    res.writeHead(status, { 'content-type': 'text/plain' }).end(body);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  closers.push(
    () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  );
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

describe('replicheck probe', () => {
  test('a kv cluster: kv fits, exit 0, only the probe key is left', async () => {
    const cluster = await startFakeCluster([{ kind: 'healthy' }, { kind: 'healthy' }, { kind: 'healthy' }]);
    closers.push(() => cluster.close());
    const r = await run(['--servers', cluster.nodes.map((n) => n.url).join(','), '--convergence-timeout', '1']);
    assert.equal(r.code, 0, r.stdout + r.stderr);
    assert.match(r.flat, /kv: FITS: written and read back on every server \(3 of 3\) write/);
    assert.match(r.flat, /etcd-v3: does not fit: the write was not acknowledged \(HTTP 404/);
    assert.match(r.flat, /etcd-v2: does not fit: the write was not acknowledged \(HTTP 404/);
    assert.match(r.flat, /Use api: kv \(the action's input\) or --api kv/);
    // Each request and its answer: the write on the first server, a read on every server.
    assert.match(r.flat, new RegExp(` write POST /key/\\{key\\} on ${cluster.nodes[0]!.url}: HTTP 204 with empty body`));
    for (const n of cluster.nodes)
      assert.match(r.flat, new RegExp(` read GET /key/\\{key\\} on ${n.url}: HTTP 200 with body "replicheck-probe-`));
    // Progress on stderr, the result on stdout.
    assert.match(r.stderr, /^Probing 3 servers/);
    assert.doesNotMatch(r.stdout, /Probing/);
    for (const n of cluster.nodes)
      assert.deepEqual(
        [...n.store.keys()].map((k) => /^replicheck-probe-[0-9a-f]{8}$/.test(k)),
        [true],
      );
  });

  test("etcd v3's JSON API: etcd-v3 fits; --json carries every answer; only the probe key is left", async () => {
    const etcd = await startFakeEtcd3(3);
    closers.push(() => etcd.close());
    const r = await run(['--servers', etcd.urls[0]!, '--servers', etcd.urls.slice(1).join(','), '--json']);
    assert.equal(r.code, 0, r.stdout + r.stderr);
    const result = JSON.parse(r.stdout) as {
      key: string;
      fits: string[];
      recommended: string;
      presets: { api: string; fits: boolean; write?: { status?: number; request: string }; reads: { matched?: boolean }[] }[];
    };
    assert.deepEqual(result.fits, ['etcd-v3']);
    assert.equal(result.recommended, 'etcd-v3');
    const v3 = result.presets.find((p) => p.api === 'etcd-v3')!;
    assert.equal(v3.write?.request, 'POST /v3/kv/put');
    assert.equal(v3.write?.status, 200);
    assert.deepEqual(
      v3.reads.map((x) => x.matched),
      [true, true, true],
    );
    assert.equal(result.presets.find((p) => p.api === 'kv')!.write?.status, 400);
    assert.deepEqual([...etcd.store.keys()], [result.key]);
  });

  test('nodes that do not replicate: nothing fits, exit 1, and the probe says how far the value got', async () => {
    const cluster = await startFakeCluster([{ kind: 'isolated' }, { kind: 'isolated' }, { kind: 'isolated' }]);
    closers.push(() => cluster.close());
    const r = await run(['--servers', cluster.nodes.map((n) => n.url).join(','), '--convergence-timeout', '0.3']);
    assert.equal(r.code, 1, r.stdout + r.stderr);
    assert.match(r.flat, /kv: does not fit: written, but read back on 1 of 3 servers within 0\.3 s write/);
    assert.match(r.flat, /HTTP 404 with body "not found" \(not the probe value\)/);
    assert.match(r.flat, /No preset fits\./);
  });

  test('what a server answers is shown bounded and inert', async () => {
    const hostile = `\u001b[2J\u001b]0;pwned\u0007::error::injected\n##[warning]x ${'A'.repeat(5000)}`;
    const url = await fixedServer(200, hostile);
    const r = await run(['--servers', url, '--convergence-timeout', '0.2']);
    assert.equal(r.code, 1);
    assert.doesNotMatch(r.stdout, /[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/);
    assert.doesNotMatch(r.stdout, /^\s*::/m);
    for (const line of r.stdout.split('\n')) assert.ok(line.length <= 80, line);
    // Each answer is cut to a preview: the 5,000 A's do not come through.
    assert.ok(r.stdout.length < 3000, String(r.stdout.length));
    const json = await run(['--servers', url, '--convergence-timeout', '0.2', '--json']);
    assert.doesNotMatch(json.stdout, /##\[/);
    assert.ok(json.stdout.length < 6000, String(json.stdout.length));
  });

  test('bounded in time: a server that never answers, a request timeout, a total deadline', async () => {
    const url = await fixedServer(0, '');
    const r = await run(['--servers', url, '--request-timeout', '0.2', '--timeout', '30']);
    assert.equal(r.code, 1);
    assert.match(r.flat, /the write was not acknowledged \(timeout\)/);
    assert.ok(r.ms < 5000, `took ${r.ms} ms`);
    const capped = await run(['--servers', url, '--request-timeout', '5', '--timeout', '0.5']);
    assert.equal(capped.code, 1);
    assert.ok(capped.ms < 3000, `took ${capped.ms} ms`);
    assert.match(capped.flat, /not tried: the whole probe ran out of time \(--timeout\)/);
  });

  test('bad usage exits with the one bad-input status, naming the flag', async () => {
    const cases: [string[], RegExp][] = [
      [[], /--servers is required/],
      [['--servers', 'ftp://x'], /--servers: 'ftp:\/\/x' is not an HTTP/],
      [['--servers', 'http://127.0.0.1:1', '--timeout', 'soon'], /--timeout 'soon' is not a number of seconds/],
      [['--servers', 'http://127.0.0.1:1', '--sever', 'x'], /Unknown flag --sever\. Did you mean --servers\?/],
      [['stray'], /Unexpected argument 'stray'/],
    ];
    for (const [argv, message] of cases) {
      const r = await run(argv);
      assert.equal(r.code, EXIT_USAGE, argv.join(' '));
      assert.match(r.stderr, message);
      assert.match(r.stderr, /See 'replicheck probe --help'\.\n$/);
      assert.equal(r.stdout, '');
    }
  });

  test('help: examples first, what it leaves, the exit codes; wrapped to the width', async () => {
    const r = await run(['--help']);
    assert.equal(r.code, 0);
    assert.equal(r.stdout, probeUsage(80));
    assert.ok(r.stdout.indexOf('Examples:') < r.stdout.indexOf('Options:'));
    assert.match(r.stdout.replace(/\s+/g, ' '), /one key, replicheck-probe-<random>.* nothing else is written, and nothing is deleted/);
    assert.match(r.stdout.replace(/\s+/g, ' '), new RegExp(`0 a preset fits, 1 none fits, ${EXIT_USAGE} bad usage or bad input`));
    for (const width of [40, 60, 100]) {
      for (const line of probeUsage(width).split('\n')) {
        // Commands are never wrapped: they are for copying.
        if (!/^(Usage: | {2}replicheck )/.test(line)) assert.ok(line.length <= width, `${width}: ${line}`);
      }
    }
  });
});
