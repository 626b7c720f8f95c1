// cluster: external. The example service runs as three plain host processes started by the test (no Docker), and
// Replicheck checks it without starting or stopping it: faults stop, kill and pause go through the user's own
// commands (signals and a start script). A fake `docker` first on PATH proves no Docker command ran.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { chmodSync, copyFileSync, existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { execFileSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runMainAndPost, errors, readReport, ROOT } from '../support/runner.js';
import { runCli } from '../support/cli.js';
import type { RunResult } from '../../src/model/result.js';

const NAMES = ['ext_0', 'ext_1', 'ext_2'];

interface HostCluster {
  readonly dir: string;
  readonly servers: string;
  readonly dockerLog: string;
  pids(): number[];
  start(name: string): void;
  stop(): void;
}

function startCluster(mode: string, base: number, later: readonly string[] = []): HostCluster {
  const dir = mkdtempSync(join(tmpdir(), 'rc-external-'));
  copyFileSync(join(ROOT, 'test/fixtures/external/ctl.sh'), join(dir, 'ctl.sh'));
  chmodSync(join(dir, 'ctl.sh'), 0o755);
  const port = (i: number): number => base + i;
  NAMES.forEach((name, i) => {
    const peers = NAMES.map((_, j) => j)
      .filter((j) => j !== i)
      .map((j) => `http://127.0.0.1:${port(j)}`)
      .join(',');
    writeFileSync(
      join(dir, `${name}.env`),
      `PORT=${port(i)}\nPEERS=${peers}\nKV_MODE=${mode}\nSERVER=${join(ROOT, 'examples/kv/server.js')}\n`,
    );
  });
  // A start that fails or times out must not leave the nodes already started running (they hold the ports).
  try {
    for (const name of NAMES.filter((n) => !later.includes(n)))
      execFileSync('sh', ['./ctl.sh', 'start', name], { cwd: dir, stdio: 'ignore', timeout: 20_000 });
  } catch (error) {
    for (const name of NAMES) {
      try {
        execFileSync('sh', ['./ctl.sh', 'kill', name], { cwd: dir, stdio: 'ignore', timeout: 10_000 });
      } catch {
        // never started
      }
    }
    throw error;
  }
  // A docker that only records that it was called.
  const bin = join(dir, 'bin');
  execFileSync('mkdir', ['-p', bin]);
  const dockerLog = join(dir, 'docker-calls.log');
  writeFileSync(join(bin, 'docker'), `#!/bin/sh\necho "$@" >> '${dockerLog}'\nexit 1\n`);
  chmodSync(join(bin, 'docker'), 0o755);
  return {
    dir,
    servers: NAMES.map((n, i) => `${n}=http://127.0.0.1:${port(i)}`).join('\n'),
    dockerLog,
    pids: () => NAMES.map((n) => Number(readFileSync(join(dir, `${n}.pid`), 'utf8'))),
    start: (name) => execFileSync('sh', ['./ctl.sh', 'start', name], { cwd: dir, stdio: 'ignore', timeout: 20_000 }),
    stop: () => {
      for (const name of NAMES) {
        try {
          execFileSync('sh', ['./ctl.sh', 'resume', name], { cwd: dir, stdio: 'ignore' });
          execFileSync('sh', ['./ctl.sh', 'kill', name], { cwd: dir, stdio: 'ignore', timeout: 10_000 });
        } catch {
          // already gone
        }
      }
    },
  };
}

/** Until each port's /health answers 200 (at most 10 s). */
async function ready(...ports: number[]): Promise<void> {
  for (const port of ports) {
    const until = Date.now() + 10_000;
    for (;;) {
      const status = await fetch(`http://127.0.0.1:${port}/health`, { signal: AbortSignal.timeout(1000) }).then(
        (r) => r.status,
        () => 0,
      );
      if (status === 200) break;
      assert.ok(Date.now() < until, `port ${port} not ready within 10 s (last status ${status})`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }
}

/** Running and not stopped (a paused process is in state T). */
function running(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return !/^\d+ \(.*\) [TtZX]/.test(stat);
  } catch {
    return false;
  }
}

const COMMANDS = `
stop: { apply: "./ctl.sh stop {target}", heal: "./ctl.sh start {target}" }
kill: { apply: "./ctl.sh kill {target}", heal: "./ctl.sh start {target}" }
pause: { apply: "./ctl.sh pause {target}", heal: "./ctl.sh resume {target}" }
`;

async function check(cluster: HostCluster, extra: Record<string, string>): Promise<{ r: RunResult; titles: string[]; post: string }> {
  const inputs = {
    cluster: 'external',
    servers: cluster.servers,
    'working-directory': cluster.dir,
    'fault-commands': COMMANDS,
    'fault-targets': 'ext_2',
    'fault-duration': '1',
    'startup-timeout': '20',
    'convergence-timeout': '4',
    ...extra,
  };
  const env = { PATH: `${join(cluster.dir, 'bin')}:${process.env.PATH}` };
  const { main, post } = await runMainAndPost(inputs, { env });
  return { r: readReport(main), titles: errors(main).map((a) => `${a.properties.title}: ${a.message}`), post: post.stdout };
}

describe("cluster: external, faults through the user's commands", () => {
  test('stop, kill and pause of a host process pass on the healthy service; it all still runs afterwards; no Docker', async () => {
    const cluster = startCluster('healthy', 27080);
    try {
      const before = cluster.pids();
      const { r, titles, post } = await check(cluster, { faults: 'stop,kill,pause' });
      assert.equal(r.verdict, 'passed', titles.join('\n'));
      assert.deepEqual(
        r.faults?.map((f) => `${f.kind} ${f.target} ${f.verdict}`),
        ['stop ext_2 passed', 'kill ext_2 passed', 'pause ext_2 passed'],
      );
      assert.deepEqual(
        r.nodes.map((n) => n.label),
        NAMES,
      );
      assert.equal(r.project.name, 'external');
      assert.deepEqual(r.teardown, { policy: 'never', performed: false });
      // ext_2 was restarted twice (new pid); the others are the same processes; every one runs, none is stopped.
      const after = cluster.pids();
      assert.deepEqual(after.slice(0, 2), before.slice(0, 2));
      assert.notEqual(after[2], before[2]);
      for (const pid of after) assert.ok(running(pid), `process ${pid} runs and is not stopped`);
      assert.ok(
        !existsSync(cluster.dockerLog),
        `no docker command ran: ${existsSync(cluster.dockerLog) ? readFileSync(cluster.dockerLog, 'utf8') : ''}`,
      );
      assert.match(post, /cluster: external: Replicheck started nothing and tears nothing down/);
    } finally {
      cluster.stop();
    }
  });

  test('a service that forgets its data on restart fails with the durability annotation', async () => {
    const cluster = startCluster('no-catch-up', 27180);
    try {
      const { r, titles } = await check(cluster, { faults: 'stop' });
      assert.equal(r.verdict, 'failed');
      assert.ok(
        titles.some((t) =>
          /^Stop ext_2: ext_2 lost \d+ acknowledged write\(s\): ext_2 does not return keys acknowledged before the stop/.test(t),
        ),
        titles.join('\n'),
      );
      for (const pid of cluster.pids()) assert.ok(running(pid));
    } finally {
      cluster.stop();
    }
  });

  test('a fault without a command, or compose-only inputs, are input errors before anything runs', async () => {
    const cluster = startCluster('healthy', 27280);
    try {
      const { r, titles } = await check(cluster, { faults: 'partition', 'project-name': 'x' });
      assert.equal(r.verdict, 'failed');
      assert.ok(
        titles.some((t) => /^Replicheck: input 'fault-commands': .*has no entry for partition/.test(t)),
        titles.join('\n'),
      );
      assert.ok(
        titles.some((t) => /^Replicheck: input 'project-name': .*only means something with cluster: compose/.test(t)),
        titles.join('\n'),
      );
      for (const pid of cluster.pids()) assert.ok(running(pid));
    } finally {
      cluster.stop();
    }
  });

  // The CLI has no post step: on Ctrl-C it heals what holds itself, and a second Ctrl-C that cuts that short says
  // which heal commands to run by hand.
  const cliArgs = (cluster: HostCluster, commands: string): string[] => [
    'run',
    '--no-config',
    '--cluster',
    'external',
    '--servers',
    cluster.servers,
    '--working-directory',
    cluster.dir,
    '--fault-commands',
    commands,
    '--faults',
    'pause',
    '--fault-targets',
    'ext_2',
    '--fault-duration',
    '60',
    '--startup-timeout',
    '20',
    '--convergence-timeout',
    '4',
  ];

  /** Calls `then` once ext_2 is paused (bounded: 60 s), with the CLI still running. */
  const whenPaused = (cluster: HostCluster, then: () => void) => (child: { exitCode: number | null }) => {
    void (async () => {
      const deadline = Date.now() + 60_000;
      while (Date.now() < deadline && child.exitCode === null && running(cluster.pids()[2]!)) await new Promise((r) => setTimeout(r, 50));
      if (child.exitCode === null) then();
    })();
  };

  test('CLI, Ctrl-C while a pause holds: the pause is healed, exit 130, nothing of the cluster is stopped', async () => {
    const cluster = startCluster('healthy', 27380);
    try {
      let sent = false;
      const r = await runCli(cliArgs(cluster, COMMANDS), {
        env: { PATH: `${join(cluster.dir, 'bin')}:${process.env.PATH}` },
        timeoutMs: 90_000,
        onStart: (child) => whenPaused(cluster, () => (sent = child.kill('SIGINT')))(child),
      });
      assert.ok(sent, 'SIGINT was sent while ext_2 was paused');
      assert.equal(r.code, 130, r.stdout + r.stderr);
      assert.match(r.stderr, /replicheck [\d.]+: an external cluster, 3 nodes/);
      assert.match(r.stderr, /Ctrl-C: stopping the checks and healing faults \(the cluster itself is left running\)/);
      assert.match(r.stderr, /Interrupted\. No fault of Replicheck's holds; the cluster was left running/);
      assert.doesNotMatch(r.stdout + r.stderr, /docker compose|tearing down/);
      for (const pid of cluster.pids()) assert.ok(running(pid), `process ${pid} runs and is not stopped`);
      assert.ok(!existsSync(cluster.dockerLog), 'no docker command ran');
    } finally {
      cluster.stop();
    }
  });

  test('CLI, a second Ctrl-C during a slow heal: it quits at once and prints the heal command still to run', async () => {
    const cluster = startCluster('healthy', 27480);
    try {
      // The heal takes 3 s, so the second signal lands while it runs.
      const slow = 'pause: { apply: "./ctl.sh pause {target}", heal: "sleep 3; ./ctl.sh resume {target}" }';
      const r = await runCli(cliArgs(cluster, slow), {
        env: { PATH: `${join(cluster.dir, 'bin')}:${process.env.PATH}` },
        timeoutMs: 90_000,
        onStart: (child) =>
          whenPaused(cluster, () => {
            child.kill('SIGINT');
            setTimeout(() => child.kill('SIGINT'), 500);
          })(child),
      });
      assert.equal(r.code, 130, r.stdout + r.stderr);
      assert.match(
        r.stderr,
        new RegExp(
          /Ctrl-C again: quitting\. 1 fault\(s\) may still hold\. Heal them by hand \(in .*\):\n/.source +
            / {2}sleep 3; \.\/ctl\.sh resume 'ext_2' {4}# pause ext_2/.source,
        ),
      );
    } finally {
      cluster.stop();
    }
  });
});

describe('examples/kv as host processes', () => {
  test('skip-peer: a peer that starts after the skipping node still gets nothing from it', async () => {
    // ext_0 skips ext_2 (its last peer) and knows it by the name ext_2's ping answers with. ext_2 starts late, so
    // its first pull of ext_0's data can come before any such ping: the data must still be withheld (CI once saw a
    // write on kv_0 reach kv_4 that way).
    const cluster = startCluster('skip-peer', 27580, ['ext_2']);
    try {
      const url = (i: number): string => `http://127.0.0.1:${27580 + i}/key/early`;
      // ctl.sh start returns once a node answers at all (it cannot wait for ready: the first node started counts as
      // isolated, 503, until a peer is up); a node also refuses /key with 503 while it catches up at start, which on
      // a loaded machine outlasts that first answer, so once its peers run each is awaited until it is ready.
      await ready(27580, 27581);
      assert.equal((await fetch(url(0), { method: 'PUT', body: 'v' })).status, 200);
      cluster.start('ext_2');
      await ready(27582);
      assert.equal((await fetch(url(2))).status, 404, 'ext_2 got the value from its catch-up at start');
      // Anti-entropy runs every second: still nothing after two rounds.
      await new Promise((r) => setTimeout(r, 2500));
      assert.equal((await fetch(url(2))).status, 404, 'ext_2 got the value from anti-entropy');
      assert.equal(await (await fetch(url(1))).text(), 'v', 'ext_1 replicates normally');
    } finally {
      cluster.stop();
    }
  });
});
