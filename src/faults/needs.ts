// What the chosen faults need of this machine, checked before anything starts (each missing piece an input error
// naming the faults that need it), and what is prepared for them once nothing else can fail. Kinds declare their
// needs (kinds/); this is the one place that knows how to check and provide each.
import { chmod, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Exec } from '../exec/process.js';
import { InputError } from '../inputs/errors.js';
import { FAKETIME_DIRS, FAKETIME_LIB, clockOverride, findFaketime, setOffset } from './clock.js';
import { describeKind, type FaultSpec } from './kinds/index.js';
import type { Need } from './kinds/types.js';
import { netnsRunner, probeNetem, type NetnsRunner } from './netns.js';

export interface NeedsDeps {
  readonly exec: Exec;
  readonly isRoot: () => boolean;
  readonly exists: (path: string) => Promise<boolean>;
}

/** What the checks found: a way into the network namespaces, the libfaketime directory. */
export interface Equipment {
  readonly netns?: NetnsRunner;
  readonly faketimeDir?: string;
}

/** What was prepared: compose files to add to the project, and the clock fault's offset directory. */
export interface Prepared {
  readonly composeOverrides: readonly string[];
  readonly clockDir?: string;
}

const problem = (message: string, fix: string): InputError => new InputError([{ input: 'faults', message, fix }]);

export async function checkNeeds(specs: readonly FaultSpec[], deps: NeedsDeps): Promise<Equipment> {
  const needing = (need: Need): string =>
    [...new Set(specs.filter((s) => describeKind(s.kind).needs.includes(need)).map((s) => s.name))].join(', ');
  const netns = needing('netns') !== '' ? await checkNetns(needing('netns'), needing('netem'), deps) : undefined;
  const faketimeDir = needing('faketime') !== '' ? await checkFaketime(needing('faketime'), deps) : undefined;
  return { ...(netns ? { netns } : {}), ...(faketimeDir ? { faketimeDir } : {}) };
}

/**
 * Faults inside network namespaces need root (or passwordless sudo), nsenter and iptables; netem needs tc, unshare
 * and the queueing discipline in the kernel.
 */
async function checkNetns(names: string, netemNames: string, deps: NeedsDeps): Promise<NetnsRunner> {
  const asRoot = deps.isRoot();
  if (!asRoot && (await deps.exec.run('sudo', ['-n', 'true'], { timeoutMs: 10_000 })).code !== 0) {
    throw problem(
      `${names} change packet filters inside the containers' network namespaces, which needs root, ` +
        'and this user (not root) has no passwordless sudo.',
      'Run as root, or give the user passwordless sudo (GitHub-hosted runners have it), or drop these faults.',
    );
  }
  const ns = netnsRunner(deps.exec, asRoot);
  const tools = ['nsenter', 'iptables', ...(netemNames !== '' ? ['tc', 'unshare'] : [])];
  const missing: string[] = [];
  for (const tool of tools) if ((await ns.root(['sh', '-c', `command -v ${tool}`])).code !== 0) missing.push(tool);
  if (missing.length > 0) {
    throw problem(
      `${names} need ${missing.join(', ')}, which ${missing.length === 1 ? 'is' : 'are'} not installed.`,
      'Install util-linux (nsenter, unshare), iptables and iproute2 (tc), e.g. apt-get install iptables iproute2.',
    );
  }
  if (netemNames !== '') {
    const netem = await probeNetem(ns);
    if (!netem.ok) {
      throw problem(
        `${netemNames} needs the netem queueing discipline, which this kernel does not have (tc: ${netem.detail}).`,
        'Run on a machine whose kernel has sch_netem (GitHub-hosted runners usually do; modprobe sch_netem), or use loss instead.',
      );
    }
  }
  return ns;
}

async function checkFaketime(names: string, deps: NeedsDeps): Promise<string> {
  const lib = await findFaketime(deps.exists);
  if (!lib) {
    throw problem(
      `${names} needs libfaketime on this machine (${FAKETIME_LIB} in ${FAKETIME_DIRS[0]} or similar), and it is not installed.`,
      'Install it (apt-get install libfaketime), or drop the clock fault. It works for dynamically linked glibc programs only.',
    );
  }
  return lib;
}

/**
 * Called last in preflight, once nothing else can fail: the clock fault's files live in a temporary directory that
 * only the engine's teardown (or the post step) removes, and its override names the targets, so they must already
 * be known services.
 */
export async function prepareNeeds(equipment: Equipment, targets: readonly string[], projectName: string): Promise<Prepared> {
  if (equipment.faketimeDir === undefined) return { composeOverrides: [] };
  const dir = await mkdtemp(join(tmpdir(), `replicheck-clock-${projectName}-`));
  await chmod(dir, 0o755);
  for (const service of targets) await setOffset(dir, service, 0);
  const override = join(dir, 'compose.clock.yml');
  await writeFile(override, clockOverride(targets, equipment.faketimeDir, dir));
  return { composeOverrides: [override], clockDir: dir };
}
