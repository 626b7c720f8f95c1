// The engine: one run of Replicheck from validated options to a result. It owns the order of phases and the
// guarantee that whatever it created is torn down (per policy) however the run ends.
import type { Options } from '../config/options.js';
import { InputError } from '../config/options.js';
import { Compose, SetupError, checkDocker, detectCompose, findLeftovers, removeByLabel } from '../compose/driver.js';
import { bindingsFromInspect, mapServers } from '../compose/ports.js';
import type { ResolvedProject } from '../compose/config.js';
import type { Check, ConvergenceMatrix, NodeInfo, Phase, RunError, RunResult, ServiceLog } from '../model/result.js';
import { SCHEMA_VERSION, decideVerdict, maxConvergence } from '../model/result.js';
import type { EngineDeps } from './deps.js';
import { resolveComposeFiles, locateServices } from './files.js';
import { simpleKvApi } from '../checks/kv-api.js';
import type { CheckContext } from '../checks/context.js';
import { newRunId } from '../checks/context.js';
import { waitForReady } from '../checks/readiness.js';
import { checkReplication } from '../checks/replication.js';
import { checkRestart, planRestart } from '../checks/restart.js';
import { isListening } from '../http/port-probe.js';
import { tailText, stripAnsi } from '../util/text.js';

const LOOPBACK = /^(localhost|127\.\d+\.\d+\.\d+|::1)$/i;

class Cancelled extends Error {
  constructor() {
    super('The run was cancelled; the cluster was torn down.');
  }
}

export async function runEngine(options: Options, deps: EngineDeps, cwd = process.cwd()): Promise<RunResult> {
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
  const allPassed = (list: readonly Check[]): boolean => list.every((c) => c.status !== 'failed');

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
      if (options.restartTarget !== undefined && !services.includes(options.restartTarget)) {
        throw new InputError([
          {
            input: 'restart-target',
            message: `'${options.restartTarget}' is not a service of the compose project.`,
            fix: `Use one of: ${services.join(', ')}.`,
          },
        ]);
      }
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

    const api = simpleKvApi(deps.http, options);
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

      // 6. Restart.
      if (options.restartTarget !== undefined) {
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
    }
  } catch (error) {
    errors.push(...toRunErrors(error));
  } finally {
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
        // On cancel the runner kills us 10 s after SIGINT: stop containers without the usual grace period.
        const r = await c.down(signal.aborted ? 1 : 5);
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
