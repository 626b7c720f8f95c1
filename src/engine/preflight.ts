// Everything that can be checked before a container exists: compose files, Docker and Compose, the resolved
// project, targets, networks, published and free ports. Each problem is an input or setup error, found now.
import type { Options } from '../config/options.js';
import { InputError, type InputProblem } from '../inputs/errors.js';
import { Compose, SetupError, checkDocker, detectCompose } from '../compose/driver.js';
import type { ResolvedProject } from '../compose/config.js';
import { mapServers } from '../compose/ports.js';
import type { RunResult } from '../model/result.js';
import type { EngineDeps } from './deps.js';
import { resolveComposeFiles, locateServices } from './files.js';
import { isAbsolute, resolve } from 'node:path';
import { loadAdapter, type AdapterFunctions } from '../checks/adapter-module.js';
import type { NetnsRunner } from '../faults/netns.js';
import { checkNeeds, prepareNeeds } from '../faults/needs.js';
import { describeKind } from '../faults/kinds/index.js';
import { resolveWriters } from '../inputs/writers.js';

export const LOOPBACK = /^(localhost|127\.\d+\.\d+\.\d+|::1)$/i;

export interface Preflight {
  /** Runs commands in containers' network namespaces, when a fault needs it. */
  readonly netns?: NetnsRunner;
  /** The clock fault's offset files (mounted into the targets by a compose override). */
  readonly clockDir?: string;
  /** The user's adapter module (input `adapter`), loaded and checked. */
  readonly adapter?: AdapterFunctions;
  readonly compose: Compose;
  readonly directory: string;
  readonly composeFiles: string[];
  readonly services: string[];
  readonly serviceLocations: RunResult['serviceLocations'];
}

export async function preflight(
  options: Options,
  deps: EngineDeps,
  cwd: string,
  onFiles: (directory: string, files: string[]) => void,
): Promise<Preflight> {
  const { exec, log } = deps;
  const located = await resolveComposeFiles(options, deps.files, cwd);
  onFiles(located.directory, located.files);
  const adapter = options.kv.module !== undefined ? await loadAdapterModule(options, deps, located.directory) : undefined;
  const dockerVersion = await checkDocker(exec);
  const command = await detectCompose(exec, options.composeVersion);
  log.info(
    `Docker engine ${dockerVersion}; using Compose ${command.kind} ` +
      `(${command.kind === 'v2' ? 'docker compose' : 'docker-compose'} ${command.version}).`,
  );
  const equipment = await checkNeeds(options.faults.specs, { exec, isRoot: deps.isRoot, exists: deps.files.exists });
  const project = { name: options.projectName, files: located.files, directory: located.directory };
  const resolved = await new Compose(exec, command, project).resolve();
  const misnamed = options.servers.filter((s) => s.name !== undefined && !resolved.services.includes(s.name));
  const problems = [
    ...unknownTargets(options, resolved.services),
    ...partitionNetworkProblems(options, resolved),
    ...writerProblems(options, resolved),
    ...(misnamed.length > 0
      ? [
          {
            input: 'servers' as const,
            message:
              `${misnamed.map((s) => `'${s.name}'`).join(', ')} ` +
              `${misnamed.length === 1 ? 'is not a service' : 'are not services'} of the compose project.`,
            fix: `With cluster: compose a server's name is its service: use one of ${resolved.services.join(', ')}.`,
          },
        ]
      : []),
  ];
  if (problems.length > 0) throw new InputError(problems);
  const serviceLocations = await locateServices(deps.files, located.files);
  checkServersArePublished(options, resolved, log);
  const taken: string[] = [];
  for (const s of options.servers) {
    if (LOOPBACK.test(s.host) && (await deps.isListening(s.host, s.port))) taken.push(`${s.host}:${s.port}`);
  }
  if (taken.length > 0) {
    throw new SetupError(
      `Port(s) ${taken.join(', ')} are already in use by something else before the cluster started.`,
      'Stop whatever listens there (an earlier run, another service), or publish the cluster on free ports and list those.',
      'servers',
    );
  }
  const prepared = await prepareNeeds(equipment, options.faults.targets, options.projectName);
  const compose = new Compose(exec, command, { ...project, files: [...located.files, ...prepared.composeOverrides] });
  return {
    ...(adapter ? { adapter } : {}),
    ...(equipment.netns ? { netns: equipment.netns } : {}),
    ...(prepared.clockDir ? { clockDir: prepared.clockDir } : {}),
    compose,
    directory: located.directory,
    composeFiles: located.files,
    services: resolved.services,
    serviceLocations,
  };
}

/** The adapter module, loaded before anything starts: a missing file or a wrong shape is an input error. */
export async function loadAdapterModule(options: Options, deps: EngineDeps, directory: string): Promise<AdapterFunctions> {
  const given = options.kv.module!;
  const path = isAbsolute(given) ? given : resolve(directory, given);
  if (!(await deps.files.exists(path))) {
    throw new InputError([
      {
        input: 'adapter',
        message: `'${given}' not found (looked for ${path}).`,
        fix: 'Give the path of the module relative to working-directory.',
      },
    ]);
  }
  const loaded = await loadAdapter(path);
  if ('problem' in loaded) {
    throw new InputError([
      {
        input: 'adapter',
        message: `'${given}' ${loaded.problem}.`,
        fix:
          'Export async functions write({ url, key, value, fetch }) and read({ url, key, fetch }), and optionally ' +
          'cas({ url, key, expected, value, fetch }) and ready({ url, signal }); see docs/stores-and-adapters.md and ' +
          'docs/primary-replica.md.',
      },
    ]);
  }
  if (options.workload?.model === 'cas-register' && !loaded.functions.cas) {
    throw new InputError([
      {
        input: 'workload',
        message: `cas-register needs a compare-and-set, and the adapter module '${given}' exports no cas.`,
        fix: "Export cas({ url, key, expected, value, fetch }) from the module, or use workload 'register'.",
      },
    ]);
  }
  return loaded.functions;
}

/**
 * Every entry of `writers` must name a node: a server's URL or name, or the service a server maps to by its
 * published port (as the nodes will be mapped once the project is up).
 */
export function writerProblems(
  options: Pick<Options, 'writers' | 'servers'>,
  resolved: Pick<ResolvedProject, 'services' | 'published' | 'hasRandomPorts'>,
): InputProblem[] {
  if (options.writers === undefined) return [];
  const mapped = mapServers(options.servers, resolved.published);
  const nodes = options.servers.map((s, i) => {
    const service = s.name ?? mapped[i]!.service;
    return { url: s.url, label: s.name ?? service ?? `${s.host}:${s.port}`, ...(service ? { service } : {}) };
  });
  // Ports Docker picks at random are known only once the project is up: a service is then checked when mapped.
  const unmatched = resolveWriters(options.writers, nodes).unmatched.filter(
    (u) => !(resolved.hasRandomPorts && resolved.services.includes(u)),
  );
  if (unmatched.length === 0) return [];
  const served = [...new Set(nodes.flatMap((n) => (n.service ? [n.service] : [])))];
  const services = unmatched.filter((u) => resolved.services.includes(u));
  const why =
    services.length > 0
      ? ` (${services.join(', ')} ${services.length === 1 ? 'is a service' : 'are services'} of the project, but no server is ` +
        `published by ${services.length === 1 ? 'it' : 'them'})`
      : '';
  return [
    {
      input: 'writers',
      message: `${unmatched.map((u) => `'${u}'`).join(', ')} ${unmatched.length === 1 ? 'names no node' : 'name no node'}${why}.`,
      fix:
        `Name the service of a server (${served.join(', ') || 'none maps to a service yet'}), a server name (name=url), or a URL ` +
        'as listed in servers; list the server of each writer in servers.',
    },
  ];
}

/** Every service named as a target must be a service of the project. */
export function unknownTargets(options: Pick<Options, 'restartTarget' | 'faults'>, services: readonly string[]): InputProblem[] {
  const named = [
    ['restart-target', options.restartTarget === undefined ? [] : [options.restartTarget]],
    // An explicit schedule names its targets on its lines: a wrong one is a problem with that input.
    [
      options.faults.schedule === 'explicit' ? 'fault-schedule' : 'fault-targets',
      options.faults.specs.length > 0 ? options.faults.targets : [],
    ],
  ] as const;
  return named.flatMap(([input, names]) => {
    const missing = names.filter((n) => !services.includes(n));
    if (missing.length === 0) return [];
    const what = missing.length === 1 ? 'is not a service' : 'are not services';
    return [
      {
        input,
        message: `${missing.map((t) => `'${t}'`).join(', ')} ${what} of the compose project.`,
        fix: `Use one of: ${services.join(', ')}.`,
      },
    ];
  });
}

/**
 * A loopback URL whose port no service will publish can never answer with the cluster's data: say so now rather
 * than after the startup timeout. With ports Docker picks at random the list is incomplete, so only warn then.
 */
function checkServersArePublished(options: Options, resolved: ResolvedProject, log: EngineDeps['log']): void {
  const mapped = mapServers(options.servers, resolved.published);
  const missing = mapped.filter((m, i) => m.match === 'none' && LOOPBACK.test(options.servers[i]!.host));
  if (missing.length === 0) return;
  const ports = resolved.published.map((b) => `${b.hostPort} (${b.service})`).join(', ') || 'none';
  const message =
    `${missing.map((m) => m.url).join(', ')} ${missing.length === 1 ? 'is' : 'are'} not published by any service of ` +
    `the project (published ports: ${ports}).`;
  if (resolved.hasRandomPorts) {
    log.warn(message);
    return;
  }
  throw new InputError([
    { input: 'servers', message, fix: 'List the URLs of the ports the compose file publishes, or publish the port in the compose file.' },
  ]);
}

/** Every network `partition-networks` names must be one each fault target is on: found now, not mid-run. */
export function partitionNetworkProblems(
  options: Pick<Options, 'faults' | 'projectName'>,
  resolved: Pick<ResolvedProject, 'networks'>,
): InputProblem[] {
  const wanted = options.faults.partitionNetworks;
  if (!options.faults.specs.some((s) => describeKind(s.kind).cutsNetworks) || wanted.length === 0) return [];
  return options.faults.targets.flatMap((service) => {
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
}
