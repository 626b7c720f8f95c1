// The engine: one run of Replicheck from validated options to a result. It owns the order of phases and the
// guarantee that whatever it created is torn down (per policy) however the run ends.
import type { Options } from '../config/options.js';
import { InputError } from '../config/options.js';
import type { InputName } from '../config/inputs.js';
import { Compose, SetupError, checkDocker, detectCompose, findLeftovers, removeByLabel } from '../compose/driver.js';
import { bindingsFromInspect, mapServers } from '../compose/ports.js';
import type { ResolvedProject } from '../compose/config.js';
import type { Check, ConvergenceMatrix, FaultReport, NodeInfo, Phase, RunError, RunResult, ServiceLog } from '../model/result.js';
import { SCHEMA_VERSION, decideVerdict, maxConvergence } from '../model/result.js';
import type { EngineDeps } from './deps.js';
import { resolveComposeFiles, locateServices } from './files.js';
import { httpKvApi } from '../checks/kv-api.js';
import type { CheckContext } from '../checks/context.js';
import { newRunId } from '../checks/context.js';
import { waitForReady } from '../checks/readiness.js';
import { checkReplication } from '../checks/replication.js';
import { checkRestart, planRestart } from '../checks/restart.js';
import { isListening } from '../http/port-probe.js';
import { WorkloadSession, type HistorySink } from '../workload/phase.js';
import { tailText, stripAnsi } from '../util/text.js';
import { ActiveFaults } from '../faults/active.js';
import { dockerFaultActions } from '../faults/docker.js';
import { runFaultSuite } from '../faults/suite.js';

const LOOPBACK = /^(localhost|127\.\d+\.\d+\.\d+|::1)$/i;

class Cancelled extends Error {
  constructor() {
    super('The run was cancelled; the cluster was torn down.');
  }
}

export interface EngineExtras {
  /** Where the workload history goes (the action writes it next to the JSON report). */
  readonly saveHistory?: HistorySink;
}

export async function runEngine(options: Options, deps: EngineDeps, cwd = process.cwd(), extras: EngineExtras = {}): Promise<RunResult> {
  const { clock, log, exec, signal } = deps;
  const t0 = clock.now();
  const startedAt = new Date().toISOString();
  const phases: Phase[] = [];
  const checks: Check[] = [];
  const errors: RunError[] = [];
  const logs: ServiceLog[] = [];
  let nodes: NodeInfo[] = options.servers.map((s) => ({ url: s.url, label: `${s.host}:${s.port}`, mapping: 'not mapped' }));
  let convergence: ConvergenceMatrix = { writers: [], readers: [], ms: [] };
  let directory = cwd;
  let composeFiles: string[] = [];
  let serviceLocations: RunResult['serviceLocations'] = {};
  let compose: Compose | undefined;
  let services: string[] = [];
  let created = false;
  let teardown: RunResult['teardown'] = { policy: options.teardown, performed: false };
  let workload: RunResult['workload'];
  let faultReports: FaultReport[] | undefined;
  // Faults that hold right now: healed by their own cycle, and again here before logs and teardown.
  const activeFaults = new ActiveFaults();

  const since = (): number => clock.now() - t0;
  const phase = async <T>(name: string, fn: () => Promise<T>, ok: (value: T) => boolean = () => true): Promise<T> => {
    const start = since();
    log.phase?.(name, 'start');
    try {
      const value = await fn();
      const good = ok(value);
      phases.push({ name, startMs: start, endMs: since(), status: good ? 'ok' : 'failed' });
      log.phase?.(name, good ? 'ok' : 'failed');
      return value;
    } catch (error) {
      phases.push({ name, startMs: start, endMs: since(), status: 'failed' });
      log.phase?.(name, 'failed');
      throw error;
    }
  };
  const throwIfCancelled = (): void => {
    if (signal.aborted) throw new Cancelled();
  };
  const allPassed = (list: readonly Check[]): boolean => decideVerdict(list, []) === 'passed';

  try {
    // 1. Everything that can be checked before a container exists.
    const project = await phase('validate', async () => {
      const located = await resolveComposeFiles(options, deps.files, cwd);
      directory = located.directory;
      composeFiles = located.files;
      const dockerVersion = await checkDocker(exec);
      const command = await detectCompose(exec, options.composeVersion);
      log.info(`Docker engine ${dockerVersion}; using Compose ${command.kind} (${command.kind === 'v2' ? 'docker compose' : 'docker-compose'} ${command.version}).`);
      compose = new Compose(exec, command, { name: options.projectName, files: composeFiles, directory });
      const resolved = await compose.resolve();
      services = resolved.services;
      const targets = { 'restart-target': options.restartTarget === undefined ? [] : [options.restartTarget], 'fault-targets': options.faults.kinds.length > 0 ? options.faults.targets : [] } as const;
      const unknown = Object.entries(targets).flatMap(([input, names]) => {
        const missing = names.filter((n) => !services.includes(n));
        if (missing.length === 0) return [];
        const what = missing.length === 1 ? 'is not a service' : 'are not services';
        return [{ input: input as InputName, message: `${missing.map((t) => `'${t}'`).join(', ')} ${what} of the compose project.`, fix: `Use one of: ${services.join(', ')}.` }];
      });
      if (unknown.length > 0) throw new InputError(unknown);
      checkPartitionNetworks(options, resolved);
      serviceLocations = await locateServices(deps.files, composeFiles);
      checkServersArePublished(options, resolved, log);
      const taken: string[] = [];
      for (const s of options.servers) {
        if (LOOPBACK.test(s.host) && (await isListening(s.host, s.port))) taken.push(`${s.host}:${s.port}`);
      }
      if (taken.length > 0) {
        throw new SetupError(
          `Port(s) ${taken.join(', ')} are already in use by something else before the cluster started.`,
          'Stop whatever listens there (an earlier run, another service), or publish the cluster on free ports and list those.',
          'servers',
        );
      }
      return command;
    });
    throwIfCancelled();
    deps.onProjectKnown?.({
      project: options.projectName,
      composeFile: project.file,
      composePrefix: project.prefix,
      files: composeFiles,
      directory,
      teardown: options.teardown,
    });

    // 2. Start the cluster.
    const c = compose!;
    created = true;
    await phase(
      'up',
      async () => {
        const r = await c.up(options.build, signal);
        throwIfCancelled();
        if (r.code !== 0) {
          throw new SetupError(
            `compose up failed (exit ${r.code ?? 'signal'}${r.timedOut ? ', timed out' : ''}).`,
            'Read the Compose output and service logs below; the cluster must start with `docker compose up` on its own.',
            undefined,
            tailText(stripAnsi(`${r.stderr}\n${r.stdout}`.trim()), 40),
          );
        }
      },
    );

    // 3. Which URL is which service.
    const upAt = clock.now();
    const bindings = bindingsFromInspect(await c.inspect());
    nodes = labelNodes(mapServers(options.servers, bindings), options);
    for (const n of nodes) if (!n.service) log.warn(`${n.url} could not be mapped to a service (${n.mapping}); it is treated as not the restart target.`);

    const api = httpKvApi(deps.http, options);
    const ctx: CheckContext = { api, clock, signal, options, runId: newRunId(), nodes };

    // 4. Readiness.
    const ready = await phase(
      'ready',
      () => waitForReady(ctx, nodes, upAt, options.startupTimeoutMs),
      (r) => allPassed(r.checks),
    );
    nodes = nodes.map((n) => (ready.readyMs.has(n.url) ? { ...n, readyMs: ready.readyMs.get(n.url)! } : n));
    checks.push(...ready.checks);
    throwIfCancelled();

    if (allPassed(ready.checks)) {
      // 5. Replication.
      const rep = await phase('replication', () => checkReplication(ctx), (r) => allPassed(r.checks));
      checks.push(...rep.checks);
      convergence = rep.matrix;
      throwIfCancelled();

      // With faults, the workload's clients run while each fault holds; the workload phase judges it all.
      const session = options.workload !== undefined ? new WorkloadSession(ctx, options.workload) : undefined;

      // 6. Faults: the fault suite when `faults` is set, else the restart check of restart-target as before.
      if (options.faults.kinds.length > 0) {
        const reports: FaultReport[] = (faultReports = []);
        await runFaultSuite(ctx, {
          actions: dockerFaultActions(c, exec, options.faults.partitionNetworks),
          active: activeFaults,
          phase,
          addPhase: (p) => phases.push(p),
          sinceStart: since,
          info: (m) => log.info(m),
          earlier: rep.written,
          ...(session ? { duringFault: session.duringFault } : {}),
          record: (found, report) => {
            checks.push(...found);
            reports.push(report);
          },
        });
        throwIfCancelled();
      } else if (options.restartTarget !== undefined) {
        const target = options.restartTarget;
        const plan = planRestart(nodes, target);
        log.info(`Restarting ${target} (${plan.targets.map((n) => n.url).join(', ') || 'no server maps to it'}).`);
        const restart = await phase(
          'restart',
          () => checkRestart(ctx, plan, () => c.restart(target), rep.written),
          (r) => allPassed(r.checks),
        );
        checks.push(...restart.checks);
        throwIfCancelled();
      }

      // 7. Concurrent workload, judged by the chosen consistency model.
      if (session && options.workload) {
        const wl = options.workload;
        const ranDuringFaults = session.operations > 0;
        log.info(
          ranDuringFaults
            ? `Workload: ${session.operations} operations recorded while the faults held; checking ${wl.consistency} consistency.`
            : `Workload: ${wl.clients} clients for ${wl.durationMs / 1000} s on ${wl.keys} key(s); checking ${wl.consistency} consistency.`,
        );
        const w = await phase(
          'workload',
          async () => {
            if (!ranDuringFaults) await session.run();
            return session.finish(extras.saveHistory, (m) => log.warn(m));
          },
          (r) => allPassed(r.checks),
        );
        checks.push(...w.checks);
        workload = w.section;
        throwIfCancelled();
      }
    }
  } catch (error) {
    errors.push(...toRunErrors(error));
  } finally {
    for (const { label, outcome } of await activeFaults.healAll()) {
      log.warn(`Healed ${label} before teardown: ${outcome.detail}.`);
      if (!outcome.ok) errors.push({ message: `Could not heal ${label}: ${outcome.detail}.`, fix: 'Check the containers of the project by hand (docker ps, docker network inspect).' });
    }
    const failed = decideVerdict(checks, errors) === 'failed';
    if (created && compose && failed && options.logLines > 0 && !signal.aborted) {
      const c = compose;
      await phase('logs', async () => {
        for (const service of services) {
          const text = stripAnsi(await c.logs(service, options.logLines));
          logs.push({ service, text });
          log.untrusted(`Last ${options.logLines} log lines of ${service}`, text);
        }
      }).catch(() => undefined);
    }
    const wanted = options.teardown === 'always' || (options.teardown === 'on-success' && (!failed || signal.aborted));
    if (created && compose && wanted) {
      const c = compose;
      await phase('down', async () => {
        // Everything is about to be deleted, so a long graceful stop buys nothing (etcd's leader hand-off alone
        // holds `down` for its whole grace period); on cancel the runner kills us 10 s after SIGINT, so be quicker.
        const r = await c.down(signal.aborted ? 1 : 2);
        let left = await findLeftovers(exec, options.projectName);
        if (r.code !== 0 || left.containers.length + left.networks.length + left.volumes.length > 0) {
          left = await removeByLabel(exec, options.projectName);
        }
        const leftovers = [...left.containers, ...left.networks, ...left.volumes];
        teardown = { policy: options.teardown, performed: true, ...(leftovers.length > 0 ? { leftovers } : {}) };
        if (leftovers.length > 0) log.warn(`Teardown left ${leftovers.length} object(s) of project ${options.projectName}.`);
      }).catch((error: unknown) => errors.push(...toRunErrors(error)));
    } else if (created) {
      log.info(`Teardown '${options.teardown}': leaving project ${options.projectName} running.`);
    }
  }

  const result: RunResult = {
    schemaVersion: SCHEMA_VERSION,
    tool: { name: 'replicheck', version: deps.version },
    verdict: decideVerdict(checks, errors),
    startedAt,
    durationMs: since(),
    project: {
      name: options.projectName,
      directory,
      composeFiles,
      ...(compose ? { compose: { kind: compose.command.kind, version: compose.command.version } } : {}),
    },
    serviceLocations,
    nodes,
    phases,
    checks,
    convergence,
    maxConvergenceMs: maxConvergence(convergence),
    logs,
    errors,
    teardown,
    ...(workload ? { workload } : {}),
    ...(faultReports ? { faults: faultReports } : {}),
  };
  return result;
}

/**
 * A loopback URL whose port no service will publish can never answer with the cluster's data: say so now rather
 * than after the startup timeout. With ports Docker picks at random the list is incomplete, so only warn then.
 */
function checkServersArePublished(options: Options, resolved: ResolvedProject, log: EngineDeps['log']): void {
  const mapped = mapServers(options.servers, resolved.published);
  const missing = mapped.filter((m, i) => m.service === undefined && LOOPBACK.test(options.servers[i]!.host) && !m.reason.includes('published by'));
  if (missing.length === 0) return;
  const ports = resolved.published.map((b) => `${b.hostPort} (${b.service})`).join(', ') || 'none';
  const message = `${missing.map((m) => m.url).join(', ')} ${missing.length === 1 ? 'is' : 'are'} not published by any service of the project (published ports: ${ports}).`;
  if (resolved.hasRandomPorts) {
    log.warn(message);
    return;
  }
  throw new InputError([{ input: 'servers', message, fix: 'List the URLs of the ports the compose file publishes, or publish the port in the compose file.' }]);
}

/** Every network `partition-networks` names must be one each fault target is on: found now, not mid-run. */
function checkPartitionNetworks(options: Options, resolved: ResolvedProject): void {
  const wanted = options.faults.partitionNetworks;
  if (!options.faults.kinds.includes('partition') || wanted.length === 0) return;
  const problems = options.faults.targets.flatMap((service) => {
    const on = resolved.networks[service] ?? [];
    // Docker's full name of a compose network is `<project>_<name>`; both spellings are accepted.
    const missing = wanted.filter((n) => !on.some((a) => a === n || `${options.projectName}_${a}` === n));
    if (missing.length === 0) return [];
    return [
      {
        input: 'partition-networks' as const,
        message: `${service} is not attached to ${missing.join(', ')} (it is on ${on.join(', ') || 'no network'}).`,
        fix: 'Name networks the service is attached to, as in the compose file, or leave partition-networks empty to cut all of them.',
      },
    ];
  });
  if (problems.length > 0) throw new InputError(problems);
}

/** Labels are service names where the mapping is unique, else host:port; duplicates get a suffix. */
function labelNodes(mappings: ReturnType<typeof mapServers>, options: Options): NodeInfo[] {
  const seen = new Map<string, number>();
  return mappings.map((m, i) => {
    const s = options.servers[i]!;
    let label = m.service ?? `${s.host}:${s.port}`;
    const n = (seen.get(label) ?? 0) + 1;
    seen.set(label, n);
    if (n > 1) label = `${label}#${n}`;
    return { url: m.url, label, ...(m.service ? { service: m.service } : {}), mapping: m.reason };
  });
}

/** One RunError per problem, so each bad input gets its own annotation. */
export function toRunErrors(error: unknown): RunError[] {
  if (error instanceof InputError) {
    return error.problems.map((p) => ({ message: `Input '${p.input}': ${p.message}`, fix: p.fix, input: p.input }));
  }
  if (error instanceof SetupError) {
    return [{ message: error.message, fix: error.fix, ...(error.input ? { input: error.input } : {}), ...(error.detail ? { detail: error.detail } : {}) }];
  }
  if (error instanceof Cancelled) return [{ message: error.message }];
  const e = error as Error;
  return [{ message: `Unexpected error: ${e?.message ?? String(error)}` }];
}
