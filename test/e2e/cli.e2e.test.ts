// The bundled CLI (dist/cli/index.js, or REPLICHECK_CLI_ENTRY) run as a person runs it, against the real example
// cluster: a pass, a fail with --json, exit codes, and Ctrl-C in the middle of a run leaving nothing behind.
import { test, describe, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ROOT } from '../support/runner.js';
import { runCli, untilPrinted } from '../support/cli.js';
import { isListening } from '../../src/http/port-probe.js';
import { needDocker, kvEnv, leavesNothing, uniqueProject } from '../support/docker.js';
import type { RunResult } from '../../src/model/result.js';

const tempDirs: string[] = [];
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'rc-cli-e2e-'));
  tempDirs.push(dir);
  return dir;
}
after(() => {
  for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true });
});

const PORTS = { KV_PORT_0: '21080', KV_PORT_2: '21082', KV_PORT_4: '21084' };
const SERVERS = `http://localhost:${PORTS.KV_PORT_0},http://localhost:${PORTS.KV_PORT_2},http://localhost:${PORTS.KV_PORT_4}`;

function project(name: string): string {
  return uniqueProject('rc-cli', name);
}

function clusterArgs(name: string, extra: string[] = []): string[] {
  return [
    'run',
    '--no-config',
    '--working-directory',
    'examples/kv',
    '--servers',
    SERVERS,
    '--project-name',
    name,
    '--startup-timeout',
    '60',
    ...extra,
  ];
}

/** Waits (bounded) until the CLI shows the replication phase, so a signal lands while the cluster is up. */
function replicationStarted(child: ChildProcess, stdout: () => string): Promise<void> {
  return untilPrinted(child, stdout, '▸ replication');
}

describe('replicheck CLI without a cluster', () => {
  test('--version, --help and run --help from the bundle', async () => {
    const version = await runCli(['--version']);
    assert.equal(version.code, 0);
    assert.match(version.stdout, /^\d+\.\d+\.\d+\n$/);
    const help = await runCli(['--help']);
    assert.equal(help.code, 0);
    assert.match(help.stdout, /replicheck run \[options\]/);
    const runHelp = await runCli(['run', '--help']);
    assert.equal(runHelp.code, 0);
    assert.match(runHelp.stdout, /--servers VALUE/);
    assert.match(runHelp.stdout, /--restart-target VALUE/);
  });

  test('bad flags and bad inputs exit 3 without starting anything', async () => {
    const flag = await runCli(['run', '--servres', SERVERS]);
    assert.equal(flag.code, 3);
    assert.match(flag.stderr, /Unknown flag --servres\. Did you mean --servers\?/);
    const input = await runCli(['run', '--no-config', '--servers', SERVERS, '--convergence-timeout', 'soon']);
    assert.equal(input.code, 3);
    assert.match(input.stderr, /--convergence-timeout: 'soon' is not a number of seconds/);
  });

  test('a compose file that is not there is bad input: exit 3, and the report is still written', async (t) => {
    if (!needDocker(t)) return;
    const dir = tempDir();
    const name = project('setup');
    const r = await leavesNothing(name, () =>
      runCli([...clusterArgs(name), '--compose-file', 'missing.yml', '--report-file', join(dir, 'r.json')]),
    );
    assert.equal(r.code, 3, r.stdout + r.stderr);
    assert.match(r.stdout, /✗ Input 'compose-file'/);
    assert.doesNotMatch(r.stdout, /Replay:|rerun with --seed/, 'nothing ran, so nothing to replay');
    assert.match(r.stdout, /Replicheck failed/);
    const report = JSON.parse(readFileSync(join(dir, 'r.json'), 'utf8')) as RunResult;
    assert.equal(report.verdict, 'failed');
    assert.equal(report.checks.length, 0);
  });
});

describe('replicheck CLI against the example cluster', () => {
  test('healthy cluster from a YAML config file: passes, exit 0, table, matrix, report path', async (t) => {
    if (!needDocker(t)) return;
    const name = project('pass');
    const dir = tempDir();
    // Paths in a config file are relative to the file: point working-directory back at the example.
    writeFileSync(
      join(dir, 'replicheck.yaml'),
      `working-directory: ${join(ROOT, 'examples/kv')}\nservers:\n${SERVERS.split(',')
        .map((s) => `  - ${s}\n`)
        .join('')}restart-target: kv_4\nstartup-timeout: 60\nreport-file: out/report.json\n`,
    );
    const r = await leavesNothing(name, () =>
      runCli(['run', '--config', join(dir, 'replicheck.yaml'), '--project-name', name], { env: { ...kvEnv('healthy'), ...PORTS } }),
    );
    assert.equal(r.code, 0, r.stdout + r.stderr);
    // Not a TTY: plain progress lines on stderr (stdout carries only the result), no escape codes.
    assert.ok(!(r.stdout + r.stderr).includes('\u001b'), 'no escape sequences when not a terminal');
    for (const phase of ['validate', 'up', 'ready', 'replication', 'restart', 'sweep', 'down']) {
      assert.match(r.stderr, new RegExp(`^▸ ${phase}$`, 'm'));
      assert.match(r.stderr, new RegExp(`^✓ ${phase} \\d`, 'm'));
      assert.doesNotMatch(r.stdout, new RegExp(`^▸ ${phase}$`, 'm'));
    }
    assert.match(r.stdout, /^Checks$/m);
    assert.match(r.stdout, /✓ Catch-up: kv_4 has the value written while it was down/);
    assert.match(r.stdout, /^Convergence \(ms\), writer → reader$/m);
    assert.match(r.stdout, /^ +kv_0 +kv_2 +kv_4$/m);
    assert.match(r.stdout, /^Replicheck passed: 22 checks on 3 nodes$/m);
    const path = join(dir, 'out/report.json');
    assert.match(r.stderr, new RegExp(`^JSON report: ${path.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`, 'm'));
    const report = JSON.parse(readFileSync(path, 'utf8')) as RunResult;
    assert.equal(report.verdict, 'passed');
    assert.equal(report.project.name, name);
    assert.equal(report.teardown.performed, true);
  });

  test('faulty cluster (skip-peer) with --json: exit 1, the report on stdout, progress on stderr', async (t) => {
    if (!needDocker(t)) return;
    const name = project('fail');
    const r = await leavesNothing(name, () =>
      runCli(clusterArgs(name, ['--json', '--convergence-timeout', '2', '--log-lines', '3']), { env: { ...kvEnv('skip-peer'), ...PORTS } }),
    );
    assert.equal(r.code, 1, r.stderr);
    const report = JSON.parse(r.stdout) as RunResult;
    assert.equal(report.verdict, 'failed');
    assert.equal(report.project.name, name);
    const failed = report.checks.filter((c) => c.status === 'failed').map((c) => c.title);
    assert.deepEqual(failed, [
      'Replication: kv_4 never returned the value written on kv_0',
      'Replication: kv_4 never returned the value written on kv_2',
    ]);
    assert.equal(report.logs.length, 3);
    assert.match(r.stderr, /^✗ replication /m);
    assert.match(r.stderr, /^Last 3 log lines of kv_4$/m);
    assert.match(r.stderr, /^JSON report: /m);
    assert.ok(!r.stdout.includes('Checks\n'), 'the table is not printed with --json');
  });

  test('Ctrl-C while the checks run tears the cluster down and exits 130', async (t) => {
    if (!needDocker(t)) return;
    const name = project('sigint');
    let interrupted = false;
    const r = await leavesNothing(name, () =>
      runCli(clusterArgs(name, ['--convergence-timeout', '30']), {
        // no-replication never converges: the replication phase would wait 30 s, so the signal lands inside it.
        env: { ...kvEnv('no-replication'), ...PORTS },
        timeoutMs: 90_000,
        onStart: (child, stdout) => {
          void (async () => {
            await replicationStarted(child, stdout);
            // The cluster must really be up when the signal arrives.
            if (await isListening('127.0.0.1', Number(PORTS.KV_PORT_4))) interrupted = child.kill('SIGINT');
          })();
        },
      }),
    );
    assert.ok(interrupted, 'SIGINT was sent');
    assert.equal(r.code, 130, r.stdout + r.stderr);
    // Progress, and what Ctrl-C does, go to stderr.
    assert.match(r.stderr, /Ctrl-C: stopping the checks, healing faults and tearing down project/);
    assert.match(r.stderr, /^✗ replication /m);
    assert.match(r.stderr, /^✓ down /m);
    assert.ok(r.stderr.indexOf('Ctrl-C:') < r.stderr.indexOf('✓ down'));
    assert.match(r.stderr, new RegExp(`Interrupted; project ${name} was torn down, nothing is left\\.`));
  });

  test('a second Ctrl-C quits at once and prints the command that removes what is left', async (t) => {
    if (!needDocker(t)) return;
    const name = project('sigint2');
    const r = await leavesNothing(name, async () => {
      const run = await runCli(clusterArgs(name, ['--convergence-timeout', '30']), {
        env: { ...kvEnv('no-replication'), ...PORTS },
        timeoutMs: 90_000,
        onStart: (child, stdout) => {
          void (async () => {
            await replicationStarted(child, stdout);
            child.kill('SIGINT');
            await new Promise((resolve) => setTimeout(resolve, 20));
            child.kill('SIGINT');
          })();
        },
      });
      // What the message tells a person to run must remove everything.
      const command = /^ {2}(docker compose -p \S+ down --volumes --remove-orphans)$/m.exec(run.stderr)?.[1];
      assert.ok(command, run.stderr);
      const down = spawnSync('sh', ['-c', command], { timeout: 60_000 });
      assert.equal(down.status, 0, down.stderr?.toString());
      return run;
    });
    assert.equal(r.code, 130, r.stdout + r.stderr);
    assert.match(r.stderr, new RegExp(`Ctrl-C again: quitting without finishing the teardown\\. Project ${name} may be left behind`));
    assert.match(r.stderr, new RegExp(`label=com\\.docker\\.compose\\.project=${name}`));
  });
});
