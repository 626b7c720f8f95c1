// Turns raw input strings into validated options. Pure: every rule that can be checked without touching the disk,
// Docker or the network lives here, so a bad input fails before anything starts.
import type { GroupInputs, RawInputs } from '../inputs/list.js';
import { SEED_RANGE } from '../core/random.js';
import { InputError, type InputProblem } from '../inputs/errors.js';
import { parseServers, type ServerSpec } from '../inputs/servers.js';
import { parseWriters, type WriterEntry } from '../inputs/writers.js';
import { secondsInput, splitList, wholeInput, type Fail } from '../inputs/values.js';
import { parseAdapter, type KvAdapter } from '../checks/api-options.js';
import { VALUE_FORMATS, type ValueFormat } from '../core/values.js';
import { parseFaultCommands, type FaultCommands } from '../faults/commands.js';
import { isClusterWide } from '../faults/kinds/partition.js';
import { INPUTS } from '../inputs/list.js';
import { carriesBytes } from '../http/template.js';
import type { WorkloadOptions } from '../workload/options.js';
import { parseClaim, parseWorkloadOptions } from '../workload/options.js';
import type { ConsistencyModel } from '../consistency/models.js';
import { parseFaultOptions, type FaultOptions } from '../faults/options.js';

import type { Limits } from '../core/policies.js';
import { TEARDOWNS, type Teardown } from '../model/post-state.js';

export type { Teardown };

export interface Options {
  /** compose: Replicheck runs the project; external: it checks a cluster it did not start. */
  readonly cluster: 'compose' | 'external';
  /** The user's fault commands (cluster: external, or any kind Docker cannot do for them). */
  readonly faultCommands: FaultCommands;
  readonly faultCommandTimeoutMs: number;
  readonly composeFiles: readonly string[];
  /** True when compose-file was left at its default, so Compose's own fallback names apply. */
  readonly composeFileDefaulted: boolean;
  readonly servers: readonly ServerSpec[];
  /** The nodes that take writes (input writers), resolved once the servers are mapped; undefined: every node. */
  readonly writers: readonly WriterEntry[] | undefined;
  readonly restartTarget: string | undefined;
  readonly readyPath: string | undefined;
  /** How to write and read a key on the nodes' HTTP API (preset plus explicit inputs). */
  readonly kv: KvAdapter;
  /** What the values written look like (value-format). */
  readonly valueFormat: ValueFormat;
  /** startup-timeout and convergence-timeout: all the deep code may know of the options besides the adapter. */
  readonly limits: Limits;
  readonly requestTimeoutMs: number;
  readonly composeVersion: 'auto' | 'v2' | 'v1';
  readonly workingDirectory: string;
  readonly projectName: string;
  readonly build: boolean;
  readonly teardown: Teardown;
  readonly logLines: number;
  readonly reportFile: string | undefined;
  /** The fault suite (inputs faults, fault-targets, fault-duration, partition-networks). */
  readonly faults: FaultOptions;
  /** The claim of the whole run (input consistency): replication, faults, workload and sweep are judged by it. */
  readonly consistency: ConsistencyModel;
  /** The concurrent workload; undefined when `workload` is none. */
  readonly workload: WorkloadOptions | undefined;
  /** Input `seed` (or `workload-seed`); absent: the run draws one and records it. */
  readonly seed?: number;
}

export interface OptionContext {
  /** Variables used to build a unique default project name (GITHUB_RUN_ID, GITHUB_RUN_ATTEMPT, GITHUB_JOB). */
  readonly env: Readonly<Record<string, string | undefined>>;
  /** A short random string, injected so tests are deterministic. */
  readonly randomSuffix: string;
}

export const DEFAULT_COMPOSE_FILE = 'docker-compose.yml';
const PROJECT_NAME = /^[a-z0-9][a-z0-9_-]*$/;

export function parseOptions(raw: RawInputs, ctx: OptionContext): Options {
  const problems: InputProblem[] = [];
  const fail: Fail = (input, message, fix) => {
    problems.push({ input, message, fix });
    return undefined;
  };
  // With an adapter module the servers may speak any protocol; without one they must be HTTP(S).
  const cluster = parseCluster(raw, ctx, fail, raw.adapter !== '');
  const kv = parseAdapter(raw, fail);
  const valueFormat = parseValueFormat(raw['value-format'], kv, fail);
  const restartTarget = raw['restart-target'] === '' ? undefined : raw['restart-target'];
  const workload = parseWorkloadOptions(raw, fail);
  const consistency = workload?.consistency ?? parseClaim(raw, () => undefined);
  const faults = parseFaultOptions(raw, restartTarget, fail);
  if ((faults.schedule === 'random' || faults.schedule === 'explicit') && faults.specs.length > 0 && workload === undefined) {
    const what = faults.schedule === 'random' ? 'random runs' : 'an explicit schedule runs';
    fail(
      'fault-schedule',
      `${what} the faults against the workload clock, and workload is none.`,
      "Set workload (e.g. register) and workload-duration, or use fault-schedule 'sequence'.",
    );
  }
  // Whether a module has a cas is known once it is loaded (before anything starts); a preset says it now.
  if (workload?.model === 'cas-register' && kv.module === undefined && !kv.cas) {
    fail(
      'workload',
      `cas-register needs a compare-and-set, and the '${kv.preset}' API${kv.preset === 'kv' ? '' : ' as configured'} has none.`,
      "Use api 'etcd-v3' or 'etcd-v2' (without custom write inputs), an adapter module that exports cas, or workload 'register'.",
    );
  }
  const parsedCommands = parseFaultCommands(raw['fault-commands']);
  for (const p of parsedCommands.problems) {
    fail(
      'fault-commands',
      `${p}.`,
      'Write a mapping such as pause: { apply: "kubectl exec {target} -- kill -STOP 1", heal: "kubectl exec {target} -- kill -CONT 1" }.',
    );
  }
  const faultCommandTimeoutMs = secondsInput(raw, 'fault-command-timeout', 3600, fail);
  if (cluster.cluster === 'external') checkExternal(raw, cluster.servers, faults, restartTarget, parsedCommands.commands, fail);
  const seed = parseSeed(raw, fail);
  const logLines = wholeInput(raw, 'log-lines', 0, 10_000, fail);

  if (problems.length > 0) throw new InputError(problems);
  return {
    ...cluster,
    faultCommands: parsedCommands.commands,
    faultCommandTimeoutMs,
    restartTarget,
    kv,
    valueFormat,
    logLines,
    reportFile: raw['report-file'] === '' ? undefined : raw['report-file'],
    consistency,
    workload,
    faults,
    ...(seed !== undefined ? { seed } : {}),
  };
}

type ClusterParts =
  | 'cluster'
  | 'composeFiles'
  | 'composeFileDefaulted'
  | 'servers'
  | 'writers'
  | 'readyPath'
  | 'limits'
  | 'requestTimeoutMs'
  | 'composeVersion'
  | 'workingDirectory'
  | 'projectName'
  | 'build'
  | 'teardown';

/** The cluster group: which cluster, where its compose files are, how long to wait for it, how to tear it down. */
function parseCluster(raw: GroupInputs<'cluster'>, ctx: OptionContext, fail: Fail, anyScheme: boolean): Pick<Options, ClusterParts> {
  const composeFiles = splitList(raw['compose-file']);
  if (composeFiles.length === 0) fail('compose-file', 'is empty.', `Name a compose file, e.g. '${DEFAULT_COMPOSE_FILE}'.`);
  const readyPath = raw['ready-path'] === '' ? undefined : raw['ready-path'];
  if (readyPath !== undefined && !readyPath.startsWith('/')) {
    fail('ready-path', `'${readyPath}' is not a path.`, "Start it with '/', e.g. '/health'.");
  }
  const build = parseBoolean(raw.build);
  if (build === undefined) fail('build', `'${raw.build}' is not a boolean.`, "Use 'true' or 'false'.");
  const teardown = raw.teardown as Teardown;
  if (!TEARDOWNS.includes(teardown)) {
    fail('teardown', `'${raw.teardown}' is not a teardown policy.`, "Use 'always', 'on-success', 'never' or 'post'.");
  }
  const projectName = raw['project-name'] === '' ? defaultProjectName(ctx) : raw['project-name'];
  if (!PROJECT_NAME.test(projectName)) {
    fail(
      'project-name',
      `'${projectName}' is not a valid Compose project name.`,
      'Use lowercase letters, digits, dashes and underscores, starting with a letter or digit.',
    );
  }
  const composeVersion = raw['compose-version'].toLowerCase();
  if (!['auto', 'v2', 'v1'].includes(composeVersion)) {
    fail('compose-version', `'${raw['compose-version']}' is not a Compose version.`, "Use 'auto', 'v2' or 'v1'.");
  }
  const cluster = raw.cluster.toLowerCase();
  if (cluster !== 'compose' && cluster !== 'external') {
    const fix = "Use 'compose' (Replicheck starts the project) or 'external' (a cluster already running).";
    fail('cluster', `'${raw.cluster}' is not a kind of cluster.`, fix);
  }
  const servers = parseServers(raw.servers, (m, f) => fail('servers', m, f), { anyScheme });
  return {
    cluster: cluster as Options['cluster'],
    composeFiles,
    composeFileDefaulted: composeFiles.length === 1 && composeFiles[0] === DEFAULT_COMPOSE_FILE,
    servers,
    writers: parseWriters(raw.writers, servers, cluster === 'external' ? 'external' : 'compose', (m, f) => fail('writers', m, f)),
    readyPath,
    limits: {
      startupTimeoutMs: secondsInput(raw, 'startup-timeout', 3600, fail),
      convergenceTimeoutMs: secondsInput(raw, 'convergence-timeout', 600, fail),
    },
    requestTimeoutMs: secondsInput(raw, 'request-timeout', 300, fail),
    composeVersion: composeVersion as Options['composeVersion'],
    workingDirectory: raw['working-directory'] === '' ? '.' : raw['working-directory'],
    projectName,
    build: build ?? true,
    teardown,
  };
}

/** `seed`, or its older name `workload-seed`; undefined when neither is set (the run draws one). */
function parseSeed(raw: Pick<RawInputs, 'seed' | 'workload-seed'>, fail: Fail): number | undefined {
  const max = SEED_RANGE - 1;
  const seed = raw.seed !== '' ? wholeInput(raw, 'seed', 0, max, fail, '12345') : undefined;
  const older = raw['workload-seed'] !== '' ? wholeInput(raw, 'workload-seed', 0, max, fail, '12345') : undefined;
  if (seed !== undefined && older !== undefined && seed !== older && !Number.isNaN(seed) && !Number.isNaN(older)) {
    fail('workload-seed', `is ${older}, and seed is ${seed}.`, 'Set only seed (workload-seed is its older name).');
  }
  return seed ?? older;
}

function parseValueFormat(text: string, kv: KvAdapter, fail: Fail): ValueFormat {
  const format = text.toLowerCase() as ValueFormat;
  if (!VALUE_FORMATS.includes(format)) {
    fail('value-format', `'${text}' is not a value format.`, "Use 'text', 'token' or 'bytes'.");
    return 'text';
  }
  // An adapter module gets the bytes as a Uint8Array and sends them as it likes.
  if (format === 'bytes' && kv.module === undefined) {
    // JSON strings carry text, not bytes: a value with invalid UTF-8 cannot go into one, nor come out of one.
    if (!carriesBytes(kv.writeBody, kv.writeContentType)) {
      fail(
        'value-format',
        `bytes cannot travel in the JSON write body '${kv.writeBody}'.`,
        "Send the value as the whole body (write-body '{value}') or in a form body, or use value-format 'text'.",
      );
    }
    if (kv.readValue.kind !== 'body' && kv.readValueEncoding !== 'base64') {
      fail(
        'value-format',
        `bytes cannot be read from a JSON value (read-value '${kv.readValue.pointer}') that is not base64.`,
        "Read the value from the whole body (read-value 'body') or as base64 (read-value-encoding 'base64'), or use value-format 'text'.",
      );
    }
  }
  return format;
}

/** Inputs that only mean something when Replicheck runs the project: refused unless left at their defaults. */
const COMPOSE_ONLY = ['compose-file', 'build', 'project-name', 'compose-version', 'teardown', 'partition-networks', 'log-lines'] as const;

function checkExternal(
  raw: RawInputs,
  servers: readonly ServerSpec[],
  faults: FaultOptions,
  restartTarget: string | undefined,
  commands: FaultCommands,
  fail: Fail,
): void {
  for (const name of COMPOSE_ONLY) {
    const spec = INPUTS.find((i) => i.name === name) as { default?: string } | undefined;
    if (raw[name] !== (spec?.default ?? ''))
      fail(
        name,
        `only means something with cluster: compose, and it is set ('${raw[name]}').`,
        `Remove ${name}: with cluster: external Replicheck runs no compose command and tears nothing down.`,
      );
  }
  const names = servers.flatMap((s) => (s.name ? [s.name] : []));
  const named = [...faults.targets, ...(restartTarget ? [restartTarget] : [])];
  const unknown = [...new Set(named.filter((t) => !names.includes(t)))];
  if (unknown.length > 0) {
    fail(
      faults.specs.length > 0 ? (faults.schedule === 'explicit' ? 'fault-schedule' : 'fault-targets') : 'restart-target',
      `${unknown.map((t) => `'${t}'`).join(', ')} ${unknown.length === 1 ? 'is not the name of a server' : 'are not names of servers'}.`,
      `Name the servers (name=url in servers) and use those names${names.length > 0 ? `: ${names.join(', ')}` : ''}.`,
    );
  }
  const kinds = [
    ...new Set([...faults.specs.map((s) => s.kind), ...(restartTarget && faults.specs.length === 0 ? ['restart' as const] : [])]),
  ];
  const wide = faults.specs.filter((s) => isClusterWide(s));
  if (wide.length > 0)
    fail(
      'faults',
      `${wide.map((s) => s.name).join(', ')} split the whole cluster, which Replicheck can only do to a compose project.`,
      'Partition single nodes with your own partition commands, or use cluster: compose.',
    );
  const missing = kinds.filter((k) => !commands[k]);
  if (missing.length > 0) {
    fail(
      'fault-commands',
      `has no entry for ${missing.join(', ')}, and with cluster: external every fault runs through your commands.`,
      `Add e.g. ${missing[0]}: { apply: "...", heal: "..." } with {target} and {url} where the node goes.`,
    );
  }
}

function parseBoolean(text: string): boolean | undefined {
  if (/^true$/i.test(text)) return true;
  if (/^false$/i.test(text)) return false;
  return undefined;
}

/** A Compose-legal project name unique to this run, so parallel jobs and matrix legs never share containers. */
export function defaultProjectName(ctx: OptionContext): string {
  const parts = ['replicheck', ctx.env.GITHUB_RUN_ID, ctx.env.GITHUB_RUN_ATTEMPT, ctx.env.GITHUB_JOB, ctx.randomSuffix];
  return parts
    .filter((p): p is string => p !== undefined && p !== '')
    .join('-')
    .toLowerCase()
    .replace(/[^a-z0-9_-]+/g, '-')
    .replace(/-+/g, '-')
    .slice(0, 60)
    .replace(/-$/, '');
}
