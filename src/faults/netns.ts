// Faults inside a container's network namespace, entered from the host with nsenter: packet filters (iptables) for
// partitions and loss, queueing disciplines (tc netem) for latency. Everything Replicheck adds lives in one chain
// (REPLICHECK) hooked first into INPUT and OUTPUT, and one root qdisc, so healing removes exactly that and the
// namespace can be proven back as it was. Root runs the tools directly; anyone else through `sudo -n` (GitHub's
// hosted runners give the runner user passwordless sudo).
import { resultText, type Exec, type ExecResult } from '../exec/process.js';

export const CHAIN = 'REPLICHECK';
const SECOND = 1000;

/** Runs a command in the network namespace of a process (the container's PID 1), as root. */
export interface NetnsRunner {
  run(pid: number, argv: readonly string[]): Promise<ExecResult>;
  /** Runs a command as root outside any container (probes). */
  root(argv: readonly string[]): Promise<ExecResult>;
}

export function netnsRunner(exec: Exec, asRoot: boolean): NetnsRunner {
  const wrap = (argv: readonly string[]): [string, string[]] => (asRoot ? [argv[0]!, argv.slice(1)] : ['sudo', ['-n', ...argv]]);
  return {
    run: (pid, argv) => {
      const [file, args] = wrap(['nsenter', '-t', String(pid), '-n', ...argv]);
      return exec.run(file, args, { timeoutMs: 20 * SECOND });
    },
    root: (argv) => {
      const [file, args] = wrap(argv);
      return exec.run(file, args, { timeoutMs: 20 * SECOND });
    },
  };
}

/** A packet filter rule: drop what comes in from, or goes out to, one address; a share of it with `loss`. */
export interface Drop {
  readonly ip: string;
  readonly direction: 'in' | 'out';
}

/** The iptables commands that set up the chain with these drops (pure, so the exact rules are tested). */
export function filterCommands(drops: readonly Drop[], loss?: number): string[][] {
  const chance = loss !== undefined ? ['-m', 'statistic', '--mode', 'random', '--probability', String(loss)] : [];
  return [
    ['iptables', '-w', '-N', CHAIN],
    ['iptables', '-w', '-I', 'INPUT', '1', '-j', CHAIN],
    ['iptables', '-w', '-I', 'OUTPUT', '1', '-j', CHAIN],
    ...drops.map((d) => ['iptables', '-w', '-A', CHAIN, d.direction === 'in' ? '-s' : '-d', `${d.ip}/32`, ...chance, '-j', 'DROP']),
  ];
}

/** The commands that remove the chain again, in an order that works from any partial state. */
export function unfilterCommands(): string[][] {
  return [
    ['iptables', '-w', '-D', 'INPUT', '-j', CHAIN],
    ['iptables', '-w', '-D', 'OUTPUT', '-j', CHAIN],
    ['iptables', '-w', '-F', CHAIN],
    ['iptables', '-w', '-X', CHAIN],
  ];
}

/** Delay (and jitter) on what the namespace sends to these addresses: a prio qdisc whose 4th band is netem. */
export function delayCommands(iface: string, peers: readonly string[], delayMs: number, jitterMs = 0): string[][] {
  return [
    [
      'tc',
      'qdisc',
      'add',
      'dev',
      iface,
      'root',
      'handle',
      '1:',
      'prio',
      'bands',
      '4',
      'priomap',
      '1',
      '2',
      '2',
      '2',
      '1',
      '2',
      '0',
      '0',
      '1',
      '1',
      '1',
      '1',
      '1',
      '1',
      '1',
      '1',
    ],
    [
      'tc',
      'qdisc',
      'add',
      'dev',
      iface,
      'parent',
      '1:4',
      'handle',
      '40:',
      'netem',
      'delay',
      `${delayMs}ms`,
      ...(jitterMs ? [`${jitterMs}ms`] : []),
    ],
    ...peers.map((ip) => [
      'tc',
      'filter',
      'add',
      'dev',
      iface,
      'parent',
      '1:',
      'protocol',
      'ip',
      'prio',
      '1',
      'u32',
      'match',
      'ip',
      'dst',
      `${ip}/32`,
      'flowid',
      '1:4',
    ]),
  ];
}

type Applied = { ok: true } | { ok: false; detail: string };

/** Runs the commands in order; at the first that fails, undoes whatever they added and says which failed. */
async function runOrUndo(
  ns: NetnsRunner,
  pid: number,
  commands: readonly string[][],
  undo: (ns: NetnsRunner, pid: number) => Promise<unknown>,
): Promise<Applied> {
  for (const argv of commands) {
    const r = await ns.run(pid, argv);
    if (r.code !== 0) {
      await undo(ns, pid);
      return { ok: false, detail: `${argv.join(' ')} failed: ${resultText(r, 3)}` };
    }
  }
  return { ok: true };
}

/** Applies the drops; on any failure removes what it added and says why. */
export async function applyFilter(ns: NetnsRunner, pid: number, drops: readonly Drop[], loss?: number): Promise<Applied> {
  await unfilter(ns, pid); // a leftover chain from a killed run must not make -N fail
  return runOrUndo(ns, pid, filterCommands(drops, loss), unfilter);
}

/** Removes the chain (each step may fail when that part is already gone), then proves it is gone. */
export async function unfilter(ns: NetnsRunner, pid: number): Promise<{ ok: boolean; detail: string }> {
  for (const argv of unfilterCommands()) {
    // A hook may have been added twice by a retried apply: delete until it is not there (bounded).
    for (let i = 0; i < (argv[2] === '-D' ? 4 : 1); i++) if ((await ns.run(pid, argv)).code !== 0) break;
  }
  const left = await ns.run(pid, ['iptables', '-w', '-S']);
  if (left.code !== 0) return { ok: false, detail: `iptables -S failed: ${resultText(left, 3)}` };
  return left.stdout.includes(CHAIN)
    ? { ok: false, detail: `rules of ${CHAIN} are still there` }
    : { ok: true, detail: 'packet filter rules removed' };
}

/** Network interfaces of the namespace other than loopback. */
export async function interfaces(ns: NetnsRunner, pid: number): Promise<string[]> {
  const r = await ns.run(pid, ['ip', '-o', 'link', 'show']);
  if (r.code !== 0) return [];
  return [...r.stdout.matchAll(/^\d+:\s+([^:@\s]+)/gm)].map((m) => m[1]!).filter((n) => n !== 'lo');
}

export async function applyDelay(
  ns: NetnsRunner,
  pid: number,
  peers: readonly string[],
  delayMs: number,
  jitterMs?: number,
): Promise<Applied> {
  const commands = (await interfaces(ns, pid)).flatMap((iface) => delayCommands(iface, peers, delayMs, jitterMs));
  return runOrUndo(ns, pid, commands, undelay);
}

export async function undelay(ns: NetnsRunner, pid: number): Promise<{ ok: boolean; detail: string }> {
  const problems: string[] = [];
  for (const iface of await interfaces(ns, pid)) {
    await ns.run(pid, ['tc', 'qdisc', 'del', 'dev', iface, 'root']);
    const left = await ns.run(pid, ['tc', 'qdisc', 'show', 'dev', iface]);
    if (/netem|prio 1:/.test(left.stdout)) problems.push(`${iface} still has ${left.stdout.trim()}`);
  }
  return problems.length === 0 ? { ok: true, detail: 'queueing disciplines removed' } : { ok: false, detail: problems.join('; ') };
}

/**
 * Whether this kernel has the netem queueing discipline: tried in a network namespace of its own that is gone
 * with the command (`unshare -n`), so nothing on the machine changes.
 */
export async function probeNetem(ns: NetnsRunner): Promise<{ ok: boolean; detail: string }> {
  const r = await ns.root(['unshare', '-n', 'tc', 'qdisc', 'add', 'dev', 'lo', 'root', 'netem', 'delay', '1ms']);
  return r.code === 0 ? { ok: true, detail: 'netem is available' } : { ok: false, detail: resultText(r, 3) };
}
