// Docker for end-to-end tests: present, or a failure in CI (never a silent skip there).
import { execFileSync, spawnSync } from 'node:child_process';
import type { TestContext } from 'node:test';
import { findLeftovers } from '../../src/compose/driver.js';
import { processExec } from '../../src/exec/process.js';
import { ROOT } from './runner.js';

let available: boolean | undefined;

export function dockerAvailable(): boolean {
  if (available === undefined) {
    const r = spawnSync('docker', ['info', '--format', '{{.ServerVersion}}'], { timeout: 20_000 });
    available = r.status === 0;
  }
  return available;
}

/** Skips the test outside CI when Docker is missing; fails it in CI. */
export function needDocker(t: TestContext): boolean {
  if (dockerAvailable()) return true;
  if (process.env.CI) throw new Error('Docker is required for this test and CI is set: run scripts/setup-docker.sh first.');
  t.skip('Docker is not available (set up with scripts/setup-docker.sh)');
  return false;
}

export const BASE_IMAGE = process.env.REPLICHECK_NODE_BASE ?? 'replicheck-node-base:local';

/** Environment for compose runs of the example: the offline base image and the chosen mode. */
export function kvEnv(mode = 'healthy', extra: Record<string, string> = {}): Record<string, string> {
  return { KV_BASE_IMAGE: BASE_IMAGE, KV_MODE: mode, ...extra };
}

export async function assertNothingLeft(project: string): Promise<void> {
  const left = await findLeftovers(processExec, project);
  const all = [...left.containers, ...left.networks, ...left.volumes];
  if (all.length > 0) throw new Error(`project ${project} left ${all.length} object(s): ${all.join(', ')}`);
}

/** Best-effort removal after a test, so one failure does not cascade into port clashes. */
export function forceCleanup(project: string): void {
  for (const kind of [
    ['ps', '-aq'],
    ['network', 'ls', '-q'],
    ['volume', 'ls', '-q'],
  ]) {
    const ids = execFileSync('docker', [...kind, '--filter', `label=com.docker.compose.project=${project}`], { encoding: 'utf8' })
      .split('\n')
      .filter(Boolean);
    if (ids.length === 0) continue;
    const rm = kind[0] === 'ps' ? ['rm', '-f', '-v'] : [kind[0]!, 'rm'];
    spawnSync('docker', [...rm, ...ids]);
  }
}

export const KV_DIR = `${ROOT}/examples/kv`;
export const KV_SERVERS = 'http://localhost:8080,http://localhost:8082,http://localhost:8084';

export const ETCD_IMAGE = process.env.REPLICHECK_ETCD_IMAGE ?? 'replicheck-etcd:local';

/** Docker as needDocker, plus the offline etcd image (made by scripts/build-etcd-image.sh, which npm test runs). */
export function needEtcd(t: TestContext): boolean {
  if (!needDocker(t)) return false;
  const r = spawnSync('docker', ['image', 'inspect', ETCD_IMAGE], { stdio: 'ignore' });
  if (r.status !== 0) throw new Error(`image ${ETCD_IMAGE} is missing: build it with scripts/build-etcd-image.sh`);
  return true;
}

let counter = 0;

/** A project name no other test (or parallel run) uses. */
export function uniqueProject(prefix: string, name: string): string {
  return `${prefix}-${name}-${process.pid}-${++counter}`;
}

/** Runs `fn`, then proves nothing of the project is left; whatever happens, removes what is. */
export async function leavesNothing<T>(project: string, fn: () => Promise<T>): Promise<T> {
  try {
    const value = await fn();
    await assertNothingLeft(project);
    return value;
  } finally {
    forceCleanup(project);
  }
}
