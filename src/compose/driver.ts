// The Docker edge: every call to docker / docker compose goes through here, with a deadline and bounded output.
import type { Exec, ExecResult } from '../exec/process.js';
import {
  type ComposeCommand,
  type ComposeProject,
  globalArgs,
  upArgs,
  downArgs,
  restartArgs,
  logsArgs,
  configArgs,
  serviceCommandArgs,
} from './args.js';
import type { InspectedContainer } from './ports.js';
import { parseResolvedConfig, type ResolvedProject } from './config.js';
import { tailText } from '../util/text.js';

/** A problem with the machine rather than the service under test: Docker or Compose missing or broken. */
export class SetupError extends Error {
  constructor(
    message: string,
    readonly fix: string,
    /** The input this problem belongs to, when there is one. */
    readonly input?: string,
    /** Bounded text from the failing program (untrusted: print it escaped). */
    readonly detail?: string,
  ) {
    super(message);
    this.name = 'SetupError';
  }
}

const SECOND = 1000;
const PROJECT_LABEL = 'com.docker.compose.project';

function firstLines(result: ExecResult, lines = 20): string {
  return tailText(`${result.stderr}\n${result.stdout}`.trim(), lines);
}

export async function checkDocker(exec: Exec): Promise<string> {
  const r = await exec.run('docker', ['version', '--format', '{{.Server.Version}}'], { timeoutMs: 20 * SECOND });
  if (r.startError === 'ENOENT') {
    throw new SetupError(
      'Docker is not installed: the docker command was not found.',
      'Install Docker (the engine and its CLI) on the runner.',
    );
  }
  if (r.code !== 0 || r.stdout.trim() === '') {
    throw new SetupError(
      r.timedOut ? 'The Docker daemon did not answer within 20 s.' : 'The Docker daemon is not running or not reachable.',
      'Start dockerd (or Docker Desktop) and check that `docker info` works for this user.',
      undefined,
      firstLines(r, 5),
    );
  }
  return r.stdout.trim();
}

/** `docker compose` (v2) first, as hosted runners have it, then the standalone v1 `docker-compose`. */
export async function detectCompose(exec: Exec, wanted: 'auto' | 'v2' | 'v1' = 'auto'): Promise<ComposeCommand> {
  if (wanted !== 'v1') {
    const v2 = await exec.run('docker', ['compose', 'version', '--short'], { timeoutMs: 20 * SECOND });
    if (v2.code === 0 && v2.stdout.trim() !== '') {
      return { kind: 'v2', file: 'docker', prefix: ['compose'], version: v2.stdout.trim().replace(/^v/, '') };
    }
  }
  if (wanted !== 'v2') {
    const v1 = await exec.run('docker-compose', ['version', '--short'], { timeoutMs: 20 * SECOND });
    if (v1.code === 0 && v1.stdout.trim() !== '') {
      return { kind: 'v1', file: 'docker-compose', prefix: [], version: v1.stdout.trim().replace(/^v/, '') };
    }
  }
  const which = {
    auto: 'neither `docker compose` nor `docker-compose` answered',
    v2: '`docker compose` (v2) did not answer',
    v1: '`docker-compose` (v1) did not answer',
  }[wanted];
  throw new SetupError(
    `Docker Compose is not installed: ${which}.`,
    'Install the Compose v2 plugin (docker-compose-plugin) or the standalone docker-compose, or change compose-version.',
    wanted === 'auto' ? undefined : 'compose-version',
  );
}

export class Compose {
  constructor(
    private readonly exec: Exec,
    readonly command: ComposeCommand,
    readonly project: ComposeProject,
  ) {}

  private run(args: string[], timeoutMs: number, signal?: AbortSignal): Promise<ExecResult> {
    return this.exec.run(this.command.file, [...globalArgs(this.command, this.project), ...args], {
      cwd: this.project.directory,
      timeoutMs,
      // Plain output: no progress bars or colour codes in what we capture and show.
      env: { COMPOSE_ANSI: 'never', NO_COLOR: '1', COMPOSE_STATUS_STDOUT: '0', COMPOSE_PROJECT_NAME: undefined },
      ...(signal ? { signal } : {}),
    });
  }

  /** The project as Compose resolves it; also proves Compose can read the files (its own message when it cannot). */
  async resolve(): Promise<ResolvedProject> {
    const r = await this.run(configArgs(), 60 * SECOND);
    if (r.code !== 0) {
      throw new SetupError(
        'Compose could not read the compose file(s).',
        "Fix the file so that `docker compose config` accepts it; Compose's message is shown below.",
        'compose-file',
        firstLines(r),
      );
    }
    try {
      return parseResolvedConfig(r.stdout);
    } catch (error) {
      throw new SetupError(
        'Compose printed a configuration Replicheck could not read.',
        'Report this with the output of `docker compose config`.',
        'compose-file',
        String(error).slice(0, 500),
      );
    }
  }

  up(build: boolean, signal?: AbortSignal): Promise<ExecResult> {
    return this.run(upArgs(build), 30 * 60 * SECOND, signal);
  }

  down(stopTimeoutSeconds = 5): Promise<ExecResult> {
    return this.run(downArgs(stopTimeoutSeconds), 120 * SECOND);
  }

  restart(service: string): Promise<ExecResult> {
    return this.run(restartArgs(service), 120 * SECOND);
  }

  serviceCommand(verb: 'stop' | 'start' | 'kill' | 'pause' | 'unpause', service: string): Promise<ExecResult> {
    return this.run(serviceCommandArgs(verb, service), 120 * SECOND);
  }

  /** The last `tail` lines of a service's log, capped in bytes. */
  async logs(service: string, tail: number): Promise<string> {
    const r = await this.run(logsArgs(service, tail), 30 * SECOND);
    return tailText(`${r.stdout}${r.stderr ? `\n${r.stderr}` : ''}`.trim(), tail);
  }

  /** IDs of the project's containers, found by label, so this works whichever Compose created them. */
  async containerIds(): Promise<string[]> {
    return listByLabel(this.exec, ['ps', '-a'], this.project.name);
  }

  async inspect(): Promise<InspectedContainer[]> {
    const ids = await this.containerIds();
    if (ids.length === 0) return [];
    const r = await this.exec.run('docker', ['inspect', ...ids], { timeoutMs: 30 * SECOND });
    if (r.code !== 0) return [];
    try {
      return JSON.parse(r.stdout) as InspectedContainer[];
    } catch {
      return [];
    }
  }
}

async function listByLabel(exec: Exec, verb: string[], project: string): Promise<string[]> {
  const r = await exec.run('docker', [...verb, '--quiet', '--filter', `label=${PROJECT_LABEL}=${project}`], {
    timeoutMs: 30 * SECOND,
  });
  if (r.code !== 0) return [];
  return r.stdout
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l !== '');
}

export interface Leftovers {
  readonly containers: string[];
  readonly networks: string[];
  readonly volumes: string[];
}

/** What of a project still exists, by label: the proof that teardown removed everything. */
export async function findLeftovers(exec: Exec, project: string): Promise<Leftovers> {
  const [containers, networks, volumes] = await Promise.all([
    listByLabel(exec, ['ps', '-a'], project),
    listByLabel(exec, ['network', 'ls'], project),
    listByLabel(exec, ['volume', 'ls'], project),
  ]);
  return { containers, networks, volumes };
}

/**
 * Removes whatever is left of a project by label, without needing its compose files: the last line of defence
 * when `down` failed or the files are gone. Paused containers are unpaused first (rm -f cannot kill them on
 * every engine version).
 */
export async function removeByLabel(exec: Exec, project: string): Promise<Leftovers> {
  const found = await findLeftovers(exec, project);
  if (found.containers.length > 0) {
    await exec.run('docker', ['unpause', ...found.containers], { timeoutMs: 30 * SECOND });
    await exec.run('docker', ['rm', '--force', '--volumes', ...found.containers], { timeoutMs: 60 * SECOND });
  }
  if (found.networks.length > 0) await exec.run('docker', ['network', 'rm', ...found.networks], { timeoutMs: 30 * SECOND });
  if (found.volumes.length > 0) await exec.run('docker', ['volume', 'rm', '--force', ...found.volumes], { timeoutMs: 30 * SECOND });
  return findLeftovers(exec, project);
}
