// How often each nemesis variant is caught over repeated runs, and what a run costs: the example variants that a
// fault kind exposes (and, as a control, the healthy example under the same fault), run end to end with the CLI on
// real Docker, N times each. Run: node --import tsx bench/nemesis.ts [--runs N] [--only NAME] [--cli PATH]
// (--cli: another build's dist/cli/index.js, e.g. an older commit's, to compare catch rates before and after).
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const arg = (name: string): string | undefined => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
};
const runs = Number(arg('--runs') ?? 10);
const only = arg('--only');
const cli = arg('--cli') ?? 'dist/cli/index.js';

const kv = (ports: string) => ({
  dir: 'examples/kv',
  env: {
    KV_BASE_IMAGE: 'replicheck-node-base:local',
    KV_PORT_0: ports,
    KV_PORT_2: String(Number(ports) + 2),
    KV_PORT_4: String(Number(ports) + 4),
  },
  servers: [0, 2, 4].map((d) => `http://localhost:${Number(ports) + d}`).join(','),
});
const etcd = {
  dir: 'examples/etcd',
  env: { ETCD_IMAGE: 'replicheck-etcd:local', ETCD_PORT_0: '34379', ETCD_PORT_1: '34479', ETCD_PORT_2: '34579' },
  servers: 'http://127.0.0.1:34379,http://127.0.0.1:34479,http://127.0.0.1:34579',
};

interface Variant {
  name: string;
  /** true: a correct run fails (the variant is caught); false: the control, which must pass. */
  expectFail: boolean;
  cluster: { dir: string; env: Record<string, string>; servers: string };
  mode?: string;
  flags: string[];
}

const KILL_ONE = ['--faults', 'kill', '--fault-targets', 'kv_4', '--fault-duration', '1'];
/** clock with an eventual workload on the default three keys. */
const CLOCK_DEFAULT_KEYS = [
  '--faults',
  'clock',
  '--fault-targets',
  'kv_4',
  '--fault-duration',
  '3',
  '--workload',
  'register',
  '--consistency',
  'eventual',
];
/** clock with an eventual workload of 8 clients on 30 keys, as before the clock fault wrote last on its own. */
const CLOCK_30_KEYS = [
  ...['--faults', 'clock', '--fault-targets', 'kv_4', '--fault-duration', '3', '--workload', 'register'],
  ...['--consistency', 'eventual', '--workload-clients', '8', '--workload-keys', '30'],
];

const variants: Variant[] = [
  {
    name: 'kill: ack-then-persist (acknowledges from memory, persists and replicates up to 1 s later)',
    expectFail: true,
    cluster: kv('20380'),
    mode: 'ack-then-persist',
    flags: KILL_ONE,
  },
  {
    name: 'kill: healthy (control)',
    expectFail: false,
    cluster: kv('20380'),
    mode: 'healthy',
    flags: KILL_ONE,
  },
  {
    name: 'clock: lww-wallclock, default workload keys (3)',
    expectFail: true,
    cluster: kv('20480'),
    mode: 'lww-wallclock',
    flags: CLOCK_DEFAULT_KEYS,
  },
  {
    name: 'clock: healthy, default workload keys (control)',
    expectFail: false,
    cluster: kv('20480'),
    mode: 'healthy',
    flags: CLOCK_DEFAULT_KEYS,
  },
  {
    name: 'loss: give-up (a replica abandons a push after 100 ms)',
    expectFail: true,
    cluster: kv('20080'),
    mode: 'give-up',
    flags: ['--faults', 'loss:50%', '--fault-targets', 'kv_4', '--fault-duration', '3', '--convergence-timeout', '3'],
  },
  {
    name: 'loss: healthy (control)',
    expectFail: false,
    cluster: kv('20080'),
    mode: 'healthy',
    flags: ['--faults', 'loss:50%', '--fault-targets', 'kv_4', '--fault-duration', '3', '--convergence-timeout', '3'],
  },
  {
    name: 'clock: lww-wallclock (last writer wins by wall clock)',
    expectFail: true,
    cluster: kv('20180'),
    mode: 'lww-wallclock',
    flags: CLOCK_30_KEYS,
  },
  {
    name: 'clock: healthy (control)',
    expectFail: false,
    cluster: kv('20180'),
    mode: 'healthy',
    flags: CLOCK_30_KEYS,
  },
  {
    name: 'partition: stale-partition (serves its own copy while cut off)',
    expectFail: true,
    cluster: kv('20280'),
    mode: 'stale-partition',
    flags: ['--faults', 'partition', '--fault-targets', 'kv_4', '--fault-duration', '2', '--convergence-timeout', '2'],
  },
  {
    name: 'partition: healthy, refuses while cut off (control)',
    expectFail: false,
    cluster: kv('20280'),
    mode: 'healthy',
    flags: ['--faults', 'partition', '--fault-targets', 'kv_4', '--fault-duration', '2', '--convergence-timeout', '2'],
  },
  {
    name: 'partition: etcd 3.4, serializable reads',
    expectFail: true,
    cluster: etcd,
    flags: [
      '--api',
      'etcd-v3',
      '--build',
      'false',
      '--read-body',
      '{"key":"{key:base64}","serializable":true}',
      '--faults',
      'partition',
      '--fault-targets',
      'etcd_2',
      '--fault-duration',
      '3',
      '--workload',
      'register',
      '--consistency',
      'linearizable',
      '--workload-clients',
      '6',
      '--workload-keys',
      '2',
      '--request-timeout',
      '1',
    ],
  },
  {
    name: 'partition: etcd 3.4, linearizable reads (control)',
    expectFail: false,
    cluster: etcd,
    flags: [
      '--api',
      'etcd-v3',
      '--build',
      'false',
      '--faults',
      'partition',
      '--fault-targets',
      'etcd_2',
      '--fault-duration',
      '3',
      '--workload',
      'register',
      '--consistency',
      'linearizable',
      '--workload-clients',
      '6',
      '--workload-keys',
      '2',
      '--request-timeout',
      '1',
    ],
  },
];

function once(v: Variant, i: number): Promise<{ verdict: string; ms: number }> {
  const project = `rc-bench-nemesis-${process.pid}-${i}`;
  const args = [
    cli,
    'run',
    '--no-config',
    '--json',
    '--working-directory',
    v.cluster.dir,
    '--servers',
    v.cluster.servers,
    '--project-name',
    project,
    '--startup-timeout',
    '60',
    ...v.flags,
  ];
  const started = performance.now();
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, {
      cwd: ROOT,
      env: { ...process.env, ...v.cluster.env, ...(v.mode ? { KV_MODE: v.mode } : {}) },
      stdio: ['ignore', 'pipe', 'ignore'],
    });
    let out = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString()));
    child.on('close', () => {
      let verdict = 'error';
      try {
        verdict = (JSON.parse(out) as { verdict: string }).verdict;
      } catch {
        // no report: counted as an error
      }
      resolve({ verdict, ms: performance.now() - started });
    });
  });
}

console.log(`${runs} runs each; a variant is caught when the run fails, a control passes when it passes`);
let n = 0;
for (const v of variants) {
  if (only && !v.name.includes(only)) continue;
  const times: number[] = [];
  let good = 0;
  for (let r = 0; r < runs; r++) {
    const { verdict, ms } = await once(v, n++);
    times.push(ms);
    if ((verdict === 'failed') === v.expectFail && verdict !== 'error') good++;
  }
  times.sort((a, b) => a - b);
  const median = times[Math.floor(times.length / 2)]!;
  console.log(
    `${v.expectFail ? 'caught' : 'passed'} ${good}/${runs}  median ${(median / 1000).toFixed(1)} s ` +
      `(${(times[0]! / 1000).toFixed(1)}–${(times.at(-1)! / 1000).toFixed(1)} s)  ${v.name}`,
  );
}
