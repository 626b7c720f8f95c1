// The engine: one run of Replicheck from validated options to a result. It owns the order of phases and the
// guarantee that whatever it created is healed and torn down (per policy) however the run ends. Each phase is a
// driver that observes and a judge that decides; the recorder holds what they found.
import type { Options } from '../config/options.js';
import { InputError } from '../inputs/errors.js';
import type { InputName } from '../inputs/list.js';
import { Compose, SetupError, findLeftovers, removeByLabel } from '../compose/driver.js';
import { bindingsFromInspect, mapServers } from '../compose/ports.js';
import type { Check, ConvergenceMatrix, FaultReport, NodeInfo, RunResult, ShrinkRecord } from '../model/result.js';
import { SCHEMA_VERSION, decideVerdict, maxConvergence } from '../model/result.js';
import type { EngineDeps } from './deps.js';
import { Cancelled, toRunErrors } from './errors.js';
import { loadAdapterModule, preflight, type Preflight } from './preflight.js';
import type { AdapterFunctions } from '../checks/adapter-module.js';
import type { FaultActions } from '../faults/docker.js';
import { COMMAND_OUTPUT_LINES, commandFaultActions } from '../faults/commands.js';
import { isAbsolute, resolve } from 'node:path';
import { RunRecorder } from './recorder.js';
import { httpKvApi, moduleApiOptions, redactText, secretsOf, type KvApi } from '../checks/kv-api.js';
import { moduleKvApi } from '../checks/adapter-module.js';
import type { CheckContext } from '../checks/context.js';
import { SeenValues } from '../checks/seen.js';
import { waitForReady } from '../checks/readiness.js';
import { checkReplication } from '../checks/replication.js';
import { judgeSweep, sweep } from '../checks/sweep.js';
import { runIds } from '../core/ids.js';
import { WorkloadSession, type HistorySink } from '../workload/phase.js';
import { tailText, stripAnsi } from '../util/text.js';
import { ActiveFaults } from '../faults/active.js';
import { dockerFaultActions } from '../faults/docker.js';
import { composeLifecycle, engineLifecycle } from '../faults/lifecycle.js';
import type { EngineApi } from '../compose/engine-api.js';
import { FaultInputProblem, runFaultSuite } from '../faults/suite.js';
import { planFaults, planRestartCheck, type FaultStep } from '../faults/plan.js';
import { resolveWriters } from '../inputs/writers.js';
import type { AckedWrite } from '../checks/seen.js';
import type { WorkloadOptions } from '../workload/options.js';
import { judgeWindows, observeRecovery, type Window, type WindowOutcome } from '../faults/nemesis.js';
import { downNodes, planSchedule, scheduleText, shrinkFailure, targetFamily, windowsDuringWorkload } from './schedule-phase.js';
import { checkLiveness } from '../checks/liveness.js';
import { netnsRunner } from '../faults/netns.js';
import { undoLeftoverFaults } from '../faults/docker.js';
import { rm } from 'node:fs/promises';
import { SEED_RANGE, runStreams, type RunStreams } from '../core/random.js';

export interface EngineExtras {
  /** Where the workload history goes (the action writes it next to the JSON report). */
  readonly saveHistory?: HistorySink;
}

/** What the checks phases add to the result besides checks. */
interface Findings {
  nodes: NodeInfo[];
  convergence: ConvergenceMatrix;
  workload?: RunResult['workload'];
  faults?: FaultReport[];
  /** Every random choice of the run, from its one seed (input `seed`, or drawn now and recorded). */
  readonly streams: RunStreams;
  /** The fault schedule as it ran (random or explicit), in schedule syntax. */
  schedule?: string;
  shrink?: ShrinkRecord;
}

/** What the checks need of a cluster, however it runs: its nodes, how to fault them, and an adapter module. */
interface Cluster {
  readonly mapNodes: () => Promise<NodeInfo[]>;
  readonly actions: FaultActions;
  readonly adapter?: AdapterFunctions;
}

export async function runEngine(options: Options, deps: EngineDeps, cwd = process.cwd(), extras: EngineExtras = {}): Promise<RunResult> {
  const notice = claimNotice(options);
  if (notice) deps.log.warn(notice);
  return options.cluster === 'external' ? runExternal(options, deps, cwd, extras) : runCompose(options, deps, cwd, extras);
}

/**
 * A claim above `eventual` without a workload: said before anything starts, since only a history can show the
 * session guarantees, causality or linearizability of reads.
 */
export function claimNotice(options: Pick<Options, 'consistency' | 'workload'>): string | undefined {
  if (options.workload !== undefined || options.consistency === 'eventual') return undefined;
  const held =
    options.consistency === 'linearizable'
      ? 'the replication checks and every fault judge it (a node cut off from its peers must refuse reads)'
      : 'the replication checks and every fault judge it (a node cut off from its peers may answer from its own copy)';
  return (
    `consistency: ${options.consistency} without a workload: ${held}, but the ladder of models needs a history. ` +
    `Set workload (e.g. register) to check ${options.consistency} and every other model on the clients' operations.`
  );
}

async function runCompose(options: Options, deps: EngineDeps, cwd: string, extras: EngineExtras): Promise<RunResult> {
  const { clock, log, signal } = deps;
  const startedAt = new Date(clock.wallMs()).toISOString();
  const rec = new RunRecorder(clock, log);
  const found: Findings = {
    nodes: options.servers.map((s) => ({ url: s.url, label: `${s.host}:${s.port}`, mapping: 'not mapped' })),
    convergence: { writers: [], readers: [], ms: [] },
    streams: runStreams(options.seed ?? deps.random.int(SEED_RANGE)),
  };
  let files = { directory: cwd, composeFiles: [] as string[] };
  let pre: Preflight | undefined;
  let created = false;
  let teardown: RunResult['teardown'] = { policy: options.teardown, performed: false };
  // Faults that hold right now: healed by their own cycle, and again here before logs and teardown.
  const activeFaults = new ActiveFaults();
  let docker: EngineApi | undefined;

  try {
    pre = await rec.phase('validate', () =>
      preflight(options, deps, cwd, (directory, composeFiles) => (files = { directory, composeFiles })),
    );
    throwIfCancelled(signal);
    const c = pre.compose;
    deps.onProjectKnown?.({
      project: options.projectName,
      teardown: options.teardown,
      compose: { file: c.command.file, prefix: c.command.prefix, files: c.project.files, directory: files.directory },
      ...(pre.netns || pre.clockDir
        ? { faults: { ...(pre.netns ? { netns: true } : {}), ...(pre.clockDir ? { clockDir: pre.clockDir } : {}) } }
        : {}),
    });
    created = true;
    await rec.phase('up', () => up(c, options, signal));
    const f = options.faults;
    const faulting = f.specs.length > 0 || options.restartTarget !== undefined;
    docker = faulting ? await engineApiOfCli(deps) : undefined;
    const lifecycle = docker ? engineLifecycle(docker, c) : composeLifecycle(c);
    if (faulting) log.info(`Lifecycle faults go through the ${lifecycle.via}.`);
    const cluster: Cluster = {
      mapNodes: async () => labelNodes(mapServers(options.servers, bindingsFromInspect(await c.inspect())), options),
      actions: dockerFaultActions(c, deps.exec, {
        partitionNetworks: f.partitionNetworks,
        netns: pre.netns ?? netnsRunner(deps.exec, deps.isRoot()),
        lifecycle,
        ...(pre.clockDir ? { clockDir: pre.clockDir } : {}),
      }),
      ...(pre.adapter ? { adapter: pre.adapter } : {}),
    };
    await checkCluster(options, deps, cluster, rec, found, activeFaults, extras);
  } catch (error) {
    rec.errors.push(...toRunErrors(error));
  } finally {
    await healStillHeld(
      activeFaults,
      rec,
      log,
      'before teardown',
      'Check the containers of the project by hand (docker ps, docker network inspect).',
    );
    if (created && pre) await sweepFaults(pre, rec, log);
    if (created && pre) teardown = await collectAndTearDown(options, deps, pre, rec);
    if (pre?.clockDir && (teardown.performed || !created)) await rm(pre.clockDir, { recursive: true, force: true }).catch(() => undefined);
    await docker?.close().catch(() => undefined);
  }

  return result(
    deps,
    rec,
    found,
    startedAt,
    teardown,
    {
      name: options.projectName,
      directory: files.directory,
      composeFiles: files.composeFiles,
      ...(pre ? { compose: { kind: pre.compose.command.kind, version: pre.compose.command.version } } : {}),
    },
    pre?.serviceLocations ?? {},
  );
}

/**
 * A cluster Replicheck did not start (cluster: external): no compose command, nothing built or torn down; faults
 * through the user's commands, whose pending heals are handed to the post step as they change.
 */
async function runExternal(options: Options, deps: EngineDeps, cwd: string, extras: EngineExtras): Promise<RunResult> {
  const { clock, log } = deps;
  const startedAt = new Date(clock.wallMs()).toISOString();
  const rec = new RunRecorder(clock, log);
  const found: Findings = {
    nodes: externalNodes(options),
    convergence: { writers: [], readers: [], ms: [] },
    streams: runStreams(options.seed ?? deps.random.int(SEED_RANGE)),
  };
  const directory = isAbsolute(options.workingDirectory) ? options.workingDirectory : resolve(cwd, options.workingDirectory);
  const activeFaults = new ActiveFaults();
  const pending = new Map<string, { label: string; command: string }>();
  const save = (): void =>
    deps.onProjectKnown?.({ project: '', teardown: 'never', cluster: 'external', heals: [...pending.values()], cwd: directory });
  try {
    const adapter = await rec.phase('validate', async () =>
      options.kv.module !== undefined ? loadAdapterModule(options, deps, directory) : undefined,
    );
    save();
    const actions = commandFaultActions({
      exec: deps.exec,
      commands: options.faultCommands,
      urls: new Map(found.nodes.map((n) => [n.label, n.url])),
      cwd: directory,
      timeoutMs: options.faultCommandTimeoutMs,
      onRun: ({ command, result }) =>
        log.untrusted(
          `Fault command (exit ${result.code ?? 'signal'}${result.timedOut ? ', timed out' : ''}): ${command}`,
          tailText(stripAnsi(`${result.stdout}\n${result.stderr}`.trim()), COMMAND_OUTPUT_LINES) || '(no output)',
        ),
      onPending: (key, heal) => {
        if (heal) pending.set(key, heal);
        else pending.delete(key);
        save();
      },
    });
    await checkCluster(
      options,
      deps,
      { mapNodes: async () => externalNodes(options), actions, ...(adapter ? { adapter } : {}) },
      rec,
      found,
      activeFaults,
      extras,
    );
  } catch (error) {
    rec.errors.push(...toRunErrors(error));
  } finally {
    await healStillHeld(activeFaults, rec, log, 'at the end of the run', 'Run the heal command by hand; the node may still be faulted.');
  }
  log.info('cluster: external: nothing was started, so nothing is torn down.');
  return result(deps, rec, found, startedAt, { policy: 'never', performed: false }, { name: 'external', directory, composeFiles: [] }, {});
}

/** Heals what a throw or a cancel left holding (each fault's own driver heals it first, in a finally). */
async function healStillHeld(active: ActiveFaults, rec: RunRecorder, log: EngineDeps['log'], when: string, fix: string): Promise<void> {
  for (const { label, outcome } of await active.healAll()) {
    log.warn(`Healed ${label} ${when}: ${outcome.detail}.`);
    if (!outcome.ok) rec.errors.push({ message: `Could not heal ${label}: ${outcome.detail}.`, fix });
  }
}

/** Nodes of an external cluster: named servers by their names (what fault-targets and reports use), else host:port. */
function externalNodes(options: Options): NodeInfo[] {
  return options.servers.map((s) =>
    s.name
      ? { url: s.url, label: s.name, service: s.name, mapping: `named ${s.name}` }
      : { url: s.url, label: `${s.host}:${s.port}`, mapping: 'not named' },
  );
}

function result(
  deps: EngineDeps,
  rec: RunRecorder,
  found: Findings,
  startedAt: string,
  teardown: RunResult['teardown'],
  project: RunResult['project'],
  serviceLocations: RunResult['serviceLocations'],
): RunResult {
  return {
    schemaVersion: SCHEMA_VERSION,
    tool: { name: 'replicheck', version: deps.version },
    verdict: decideVerdict(rec.checks, rec.errors),
    startedAt,
    durationMs: rec.since(),
    project,
    serviceLocations,
    nodes: found.nodes,
    phases: rec.phases,
    checks: rec.checks,
    convergence: found.convergence,
    maxConvergenceMs: maxConvergence(found.convergence),
    logs: rec.logs,
    errors: rec.errors,
    teardown,
    ...(found.workload ? { workload: found.workload } : {}),
    ...(found.faults ? { faults: found.faults } : {}),
    seed: found.streams.seed,
    // The command line is the host's to add: the engine never sees the raw inputs.
    replay: { seed: found.streams.seed, ...(found.schedule !== undefined ? { schedule: found.schedule } : {}) },
    ...(found.shrink ? { shrink: found.shrink } : {}),
  };
}

function throwIfCancelled(signal: AbortSignal): void {
  if (signal.aborted) throw new Cancelled();
}

async function up(c: Compose, options: Options, signal: AbortSignal): Promise<void> {
  const r = await c.up(options.build, signal);
  throwIfCancelled(signal);
  if (r.code !== 0) {
    throw new SetupError(
      `compose up failed (exit ${r.code ?? 'signal'}${r.timedOut ? ', timed out' : ''}).`,
      'Read the Compose output and service logs below; the cluster must start with `docker compose up` on its own.',
      undefined,
      tailText(stripAnsi(`${r.stderr}\n${r.stdout}`.trim()), 40),
    );
  }
}

/** Readiness, replication, faults (or the restart check) and the workload, each judged as it ends. */
async function checkCluster(
  options: Options,
  deps: EngineDeps,
  cluster: Cluster,
  rec: RunRecorder,
  found: Findings,
  activeFaults: ActiveFaults,
  extras: EngineExtras,
): Promise<void> {
  const { clock, log, signal } = deps;
  // Which URL is which service.
  const upAt = clock.now();
  found.nodes = markReadOnly(options, await cluster.mapNodes(), log);
  for (const n of found.nodes)
    if (!n.service) log.warn(`${n.url} could not be mapped to a service (${n.mapping}); it is treated as not the restart target.`);
  const nodes = found.nodes;
  const ctx: CheckContext = {
    api: kvApi(options, deps, cluster, options.requestTimeoutMs),
    clock,
    signal,
    limits: options.limits,
    claim: options.consistency,
    // The run id stays unique to this run whatever the seed, so a replay never reads an earlier run's data.
    ids: runIds(found.streams.values, clock, options.valueFormat, deps.random.hex(4)),
    nodes,
    seen: new SeenValues(),
  };

  const ready = await rec.checked('ready', () => waitForReady(ctx, nodes, upAt));
  found.nodes = nodes.map((n) => (ready.readyMs.has(n.url) ? { ...n, readyMs: ready.readyMs.get(n.url)! } : n));
  throwIfCancelled(signal);
  if (rec.failed) return;

  const rep = await rec.checked('replication', () => checkReplication(ctx));
  found.convergence = rep.matrix;
  throwIfCancelled(signal);

  // With faults, they run inside the workload, which goes on for its whole duration and until they are all over.
  const wl = options.workload;
  // The workload's requests have a timeout of their own, so a client that hits a hung node soon moves on.
  const session = wl ? new WorkloadSession({ ...ctx, api: kvApi(options, deps, cluster, wl.timeoutMs) }, wl, found.streams) : undefined;
  const f = options.faults;
  const shuffle = found.streams.partition;
  // A schedule against the workload clock (random, or explicit lines) plans its own windows (schedule-phase.ts).
  const scheduled =
    (f.schedule === 'random' || f.schedule === 'explicit') && f.specs.length > 0 && session !== undefined && wl !== undefined;
  const steps = scheduled
    ? []
    : f.specs.length > 0
      ? planFaults({ specs: f.specs, groups: f.groups, nodes, shuffle })
      : options.restartTarget !== undefined
        ? [planRestartCheck(options.restartTarget, nodes)]
        : [];
  const phase: PhaseRun = { options, ctx, deps, cluster, rec, found, activeFaults, extras };
  const suite = (mark?: (e: 'start' | 'stop', step: FaultStep) => void) =>
    faultsInTurn(phase, steps, f.specs.length > 0, rep.written, f.durationMs, mark);
  let windows: Window[] = [];
  if (scheduled) windows = await scheduledFaults(phase, session, wl);
  else if (session && wl)
    await workload(
      phase,
      session,
      wl,
      steps.length > 0 ? () => suite((e, s) => session.record({ f: e, fault: s.spec.name, target: s.target })) : undefined,
    );
  else if (steps.length > 0) await suite();
  // After the fault suite too, the liveness hold: a node whose last recovery check failed is known down, not judged
  // again (one that failed to come back from an early fault and recovered from a later one is judged).
  if (!scheduled && f.specs.length > 0) {
    const last = new Map<string, Check['status']>();
    for (const c of rec.checks) if (c.kind === 'recovery' && c.node !== undefined) last.set(c.node, c.status);
    await livenessHold(phase, new Set([...last].filter(([, status]) => status === 'failed').map(([node]) => node)));
  }

  // Last, every acknowledged value once more on every node: none may be gone from a node that returned it.
  await rec.checked('sweep', async () => ({ checks: judgeSweep(await sweep(ctx), nodes) }));
  throwIfCancelled(signal);
  if (scheduled && f.shrink > 0) await shrinkPhase(phase, windows, wl, options);
}

/**
 * The nodes `writers` does not name, marked read-only: every write (replication, faults, workload) then goes to the
 * others. Checked against the project before it started; an entry that names no mapped node now (a port Docker
 * picked at random) is an input error all the same.
 */
function markReadOnly(options: Options, nodes: NodeInfo[], log: EngineDeps['log']): NodeInfo[] {
  if (options.writers === undefined) return nodes;
  const { writers, unmatched } = resolveWriters(options.writers, nodes);
  if (unmatched.length > 0) {
    throw new InputError([
      {
        input: 'writers',
        message: `${unmatched.map((u) => `'${u}'`).join(', ')} ${unmatched.length === 1 ? 'names' : 'name'} no node of the cluster.`,
        fix: `Name the service or server of a node (${nodes.map((n) => n.label).join(', ')}), or a URL as listed in servers.`,
      },
    ]);
  }
  const readOnly = nodes.filter((n) => !writers.includes(n)).map((n) => n.label);
  log.info(`Writers: ${writers.map((n) => n.label).join(', ')}${readOnly.length > 0 ? `; read only: ${readOnly.join(', ')}` : ''}.`);
  return nodes.map((n) => (writers.includes(n) ? n : { ...n, readOnly: true as const }));
}

/**
 * The engine API when its socket answers for the daemon the Docker CLI (and so Compose) uses: a Docker context or
 * DOCKER_CONTEXT may point the CLI at another one, whose container ids the socket's daemon does not know.
 */
async function engineApiOfCli(deps: EngineDeps): Promise<EngineApi | undefined> {
  const api = await deps.connectDocker?.();
  if (!api) return undefined;
  const cli = await deps.exec.run('docker', ['info', '--format', '{{.ID}}'], { timeoutMs: 20_000 });
  if (cli.code === 0 && cli.stdout.trim() === api.daemonId) return api;
  deps.log.info('The Docker engine socket answers for another daemon than the Docker CLI uses: lifecycle faults go through Compose.');
  await api.close();
  return undefined;
}

/** How the checks talk to the nodes: the user's adapter module, or the HTTP templates; each request bounded. */
function kvApi(options: Options, deps: EngineDeps, cluster: Cluster, requestTimeoutMs: number): KvApi {
  const o = { ...options, requestTimeoutMs };
  return cluster.adapter ? moduleKvApi(cluster.adapter, deps.http, moduleApiOptions(o)) : httpKvApi(deps.http, o);
}

/** What the phases after replication share. */
interface PhaseRun {
  readonly options: Options;
  readonly ctx: CheckContext;
  readonly deps: EngineDeps;
  readonly cluster: Cluster;
  readonly rec: RunRecorder;
  readonly found: Findings;
  readonly activeFaults: ActiveFaults;
  readonly extras: EngineExtras;
}

/**
 * fault-schedule: random or explicit lines. The faults run inside the workload phase at their moments; the history
 * records them. Once every window healed, the liveness hold.
 */
async function scheduledFaults(r: PhaseRun, session: WorkloadSession, wl: WorkloadOptions): Promise<Window[]> {
  const { ctx, deps, rec } = r;
  const f = r.options.faults;
  const { seed } = r.found.streams;
  const windows = planSchedule(f, ctx.nodes, r.found.streams, wl, deps.log);
  const lines = scheduleText(windows);
  r.found.schedule = lines;
  deps.log.info(
    `Workload: ${wl.clients} clients for ${wl.durationMs / 1000} s with ${windows.length} fault(s) ` +
      `${f.schedule === 'random' ? 'at random moments' : 'as scheduled'} (seed ${seed}, ${wl.sessions} sessions); claim: ` +
      `${wl.consistency}, and every model of the ladder is checked. Schedule: ${lines || '(none)'}.`,
  );
  let outcomes: WindowOutcome[] = [];
  const w = await rec.checked('workload', async () => {
    outcomes = await windowsDuringWorkload(ctx, windows, session, {
      actions: r.cluster.actions,
      active: r.activeFaults,
      sinceStart: rec.since,
    });
    return session.finish(r.extras.saveHistory, (m) => deps.log.warn(m));
  });
  r.found.workload = w.section;
  const recovery = await observeRecovery(ctx, outcomes);
  const judged = judgeWindows(outcomes, recovery, ctx.limits);
  rec.checks.push(...judged.checks);
  rec.phases.push(...judged.phases);
  r.found.faults = judged.reports;
  throwIfCancelled(deps.signal);
  await livenessHold(r, downNodes(recovery));
  return windows;
}

/** Once every fault healed: each node that is up, and not in `down`, takes and returns a fresh write (liveness.ts). */
async function livenessHold(r: PhaseRun, down: ReadonlySet<string>): Promise<void> {
  const timeoutMs = r.options.faults.livenessTimeoutMs;
  if (timeoutMs <= 0) return;
  const input = { nodes: r.ctx.nodes, timeoutMs, down };
  await r.rec.checked('liveness', async () => ({ checks: await checkLiveness(r.ctx, input) }));
  throwIfCancelled(r.deps.signal);
}

/** Input shrink: after a failed scheduled run, reruns of smaller schedules on the same cluster (schedule-phase.ts). */
async function shrinkPhase(r: PhaseRun, windows: readonly Window[], wl: WorkloadOptions, options: Options): Promise<void> {
  const { ctx, deps, rec } = r;
  const family = rec.errors.length === 0 ? targetFamily(rec.checks) : undefined;
  if (!family || windows.length === 0) {
    if (rec.failed) deps.log.info('Shrink: the run did not fail a check with its schedule, so there is nothing to shrink.');
    return;
  }
  const f = options.faults;
  deps.log.info(`Shrink: up to ${f.shrink} reruns within ${f.shrinkBudgetMs / 1000} s, each held to failing ${family}.`);
  r.found.shrink = await rec.phase('shrink', () =>
    shrinkFailure(
      {
        ctx,
        workloadApi: kvApi(options, deps, r.cluster, wl.timeoutMs),
        wl,
        streams: r.found.streams,
        log: deps.log,
        freshIds: () => runIds(deps.random, deps.clock, options.valueFormat, deps.random.hex(4)),
        livenessTimeoutMs: f.livenessTimeoutMs,
        minWorkloadMs: r.found.workload?.elapsedMs ?? 0,
        maxRuns: f.shrink,
        budgetMs: f.shrinkBudgetMs,
        actions: r.cluster.actions,
        active: r.activeFaults,
        sinceStart: rec.since,
      },
      windows,
      family,
    ),
  );
  const s = r.found.shrink;
  deps.log.info(
    `Shrink: ${s.originalFaults} fault(s) down to ${s.minimalFaults} in ${s.reruns} rerun(s) (${Math.round(s.elapsedMs / 1000)} s): ` +
      `${s.minimal || '(no fault)'}.`,
  );
}

/** fault-schedule: sequence (or the restart check): one fault after another; `mark` hears when each held. */
async function faultsInTurn(
  r: PhaseRun,
  steps: readonly FaultStep[],
  report: boolean,
  earlier: readonly AckedWrite[],
  durationMs: number,
  mark?: (event: 'start' | 'stop', step: FaultStep) => void,
): Promise<void> {
  const { ctx, deps, rec } = r;
  const reports: FaultReport[] = [];
  if (report) r.found.faults = reports;
  try {
    await runFaultSuite(ctx, steps, {
      actions: r.cluster.actions,
      active: r.activeFaults,
      durationMs,
      phase: rec.phase,
      addPhase: (p) => rec.phases.push(p),
      sinceStart: rec.since,
      info: (m) => deps.log.info(m),
      earlier,
      ...(mark ? { mark } : {}),
      record: (checks, one) => {
        rec.checks.push(...checks);
        reports.push(one);
      },
    });
  } catch (error) {
    if (!(error instanceof FaultInputProblem)) throw error;
    throw new InputError([
      {
        input: error.input as InputName,
        message: error.message,
        fix: 'Name networks the service is attached to (as in the compose file), or leave partition-networks empty to cut all of them.',
      },
    ]);
  }
  throwIfCancelled(deps.signal);
}

/**
 * The concurrent workload, judged by the chosen consistency model. With `faults`, they run inside it: the clients
 * go on for the whole duration and for as long as the faults take, so every fault strikes a busy cluster.
 */
async function workload(r: PhaseRun, session: WorkloadSession, wl: WorkloadOptions, faults?: () => Promise<void>): Promise<void> {
  const { deps, rec } = r;
  const inside = faults ? ', with the faults running inside it' : '';
  deps.log.info(
    `Workload: ${wl.clients} ${wl.sessions} clients for ${wl.durationMs / 1000} s${inside} on ${wl.keys} key(s); claim: ` +
      `${wl.consistency}, and every model of the ladder is checked.`,
  );
  const w = await rec.checked('workload', async () => {
    if (!faults) await session.run();
    else {
      let over = false;
      const stop = new AbortController();
      const clients = session.run({ keepRunning: () => !over, signal: stop.signal });
      try {
        await faults();
      } catch (error) {
        stop.abort();
        throw error;
      } finally {
        over = true;
        await clients;
      }
    }
    return session.finish(r.extras.saveHistory, (m) => deps.log.warn(m));
  });
  r.found.workload = w.section;
  throwIfCancelled(deps.signal);
}

/**
 * The last resort before logs and teardown, whatever happened above: no packet filter, queueing discipline or
 * clock offset of Replicheck's stays on any container of the project.
 */
async function sweepFaults(pre: Preflight, rec: RunRecorder, log: EngineDeps['log']): Promise<void> {
  for (const p of await undoLeftoverFaults(pre.compose, pre)) {
    log.warn(`Could not undo a fault: ${p}.`);
    rec.errors.push({
      message: `Could not undo a fault: ${p}.`,
      fix: 'Check the containers by hand: nsenter -t <pid> -n iptables -S, tc qdisc show.',
    });
  }
}

/** Logs of every service when the run failed, then teardown as the policy says. */
async function collectAndTearDown(options: Options, deps: EngineDeps, pre: Preflight, rec: RunRecorder): Promise<RunResult['teardown']> {
  const { log, signal } = deps;
  const c = pre.compose;
  const failed = rec.failed;
  if (failed && options.logLines > 0 && !signal.aborted) {
    const secrets = secretsOf(options.kv);
    await rec
      .phase('logs', async () => {
        for (const service of pre.services) {
          // A service that logs the requests it gets logs their headers too: secret parts are redacted here.
          const text = redactText(stripAnsi(await c.logs(service, options.logLines)), secrets);
          rec.logs.push({ service, text });
          log.untrusted(`Last ${options.logLines} log lines of ${service}`, text);
        }
      })
      .catch(() => undefined);
  }
  const wanted = options.teardown === 'always' || (options.teardown === 'on-success' && (!failed || signal.aborted));
  if (!wanted) {
    const when = options.teardown === 'post' ? 'until the post step at the end of the job' : 'running';
    log.info(`Teardown '${options.teardown}': leaving project ${options.projectName} ${when}.`);
    return { policy: options.teardown, performed: false };
  }
  let teardown: RunResult['teardown'] = { policy: options.teardown, performed: false };
  await rec
    .phase('down', async () => {
      // Everything is about to be deleted, so a long graceful stop buys nothing (etcd's leader hand-off alone
      // holds `down` for its whole grace period); on cancel the runner kills us 10 s after SIGINT, so be quicker.
      const r = await c.down(signal.aborted ? 1 : 2);
      let left = await findLeftovers(deps.exec, options.projectName);
      if (r.code !== 0 || left.containers.length + left.networks.length + left.volumes.length > 0) {
        left = await removeByLabel(deps.exec, options.projectName);
      }
      const leftovers = [...left.containers, ...left.networks, ...left.volumes];
      teardown = { policy: options.teardown, performed: true, ...(leftovers.length > 0 ? { leftovers } : {}) };
      if (leftovers.length > 0) log.warn(`Teardown left ${leftovers.length} object(s) of project ${options.projectName}.`);
    })
    .catch((error: unknown) => rec.errors.push(...toRunErrors(error)));
  return teardown;
}

/** Labels are service names where the mapping is unique, else host:port; duplicates get a suffix. */
function labelNodes(mappings: ReturnType<typeof mapServers>, options: Options): NodeInfo[] {
  const seen = new Map<string, number>();
  return mappings.map((m, i) => {
    const s = options.servers[i]!;
    // A named server is its service (checked against the project before anything started).
    let label = s.name ?? m.service ?? `${s.host}:${s.port}`;
    const n = (seen.get(label) ?? 0) + 1;
    seen.set(label, n);
    if (n > 1) label = `${label}#${n}`;
    const service = s.name ?? m.service;
    return {
      url: m.url,
      label,
      ...(service ? { service } : {}),
      mapping: s.name && s.name !== m.service ? `named ${s.name} (${m.reason})` : m.reason,
    };
  });
}
