// Pure builders of Compose command lines. Both Compose generations take the same global flags used here
// (--project-name, --file, --project-directory), so only the program and its prefix differ.

export type ComposeKind = 'v2' | 'v1';

export interface ComposeCommand {
  readonly kind: ComposeKind;
  /** Program to run: `docker` for v2 (plugin), `docker-compose` for v1. */
  readonly file: string;
  /** Arguments before the global flags: `compose` for v2. */
  readonly prefix: readonly string[];
  readonly version: string;
}

export interface ComposeProject {
  readonly name: string;
  /** Absolute paths of the compose files, in the order given. */
  readonly files: readonly string[];
  /** Absolute project directory (relative paths inside the files resolve against it). */
  readonly directory: string;
}

export function globalArgs(cmd: ComposeCommand, project: ComposeProject): string[] {
  const args = [...cmd.prefix, '--project-name', project.name];
  for (const f of project.files) args.push('--file', f);
  args.push('--project-directory', project.directory);
  return args;
}

export function upArgs(build: boolean): string[] {
  return ['up', '--detach', ...(build ? ['--build'] : []), '--force-recreate', '--remove-orphans'];
}

/** `down` that also removes volumes and orphans; a short stop timeout keeps teardown inside a cancel window. */
export function downArgs(stopTimeoutSeconds: number): string[] {
  return ['down', '--volumes', '--remove-orphans', '--timeout', String(stopTimeoutSeconds)];
}

export function restartArgs(service: string): string[] {
  return ['restart', service];
}

/** The resolved, interpolated configuration (YAML in both Compose generations). */
export function configArgs(): string[] {
  return ['config'];
}

export function logsArgs(service: string, tail: number): string[] {
  return ['logs', '--no-color', '--tail', String(tail), service];
}

export function serviceCommandArgs(verb: 'stop' | 'start' | 'kill' | 'pause' | 'unpause', service: string): string[] {
  return [verb, service];
}
