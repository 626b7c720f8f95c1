// The small interfaces the engine talks to the world through. Real implementations live beside each front end;
// tests pass real-but-local ones (in-process HTTP servers, a real Docker engine) or scripted fakes (a process
// runner that answers from a script, a virtual clock).
import type { Exec } from '../exec/process.js';
import type { HttpClient } from '../http/client.js';
import type { Clock, Random } from '../core/clock.js';
import type { PostState } from '../model/post-state.js';
import type { EngineApi } from '../compose/engine-api.js';

export type { Clock, Random };

export interface Logger {
  info(message: string): void;
  warn(message: string): void;
  /** Text that came from outside (container logs, compose output): printed so it can never act as a command. */
  untrusted(title: string, text: string): void;
  /** A phase started or ended; front ends may show progress. */
  phase?(name: string, state: 'start' | 'ok' | 'failed'): void;
}

export interface Files {
  exists(path: string): Promise<boolean>;
  readText(path: string): Promise<string>;
}

export interface EngineDeps {
  readonly exec: Exec;
  readonly http: HttpClient;
  readonly clock: Clock;
  readonly random: Random;
  readonly log: Logger;
  readonly files: Files;
  /** Whether this process runs as root (faults in network namespaces need root, or else sudo). */
  readonly isRoot: () => boolean;
  /** The Docker engine API on its socket, for the lifecycle faults; absent or undefined: Compose does them. */
  readonly connectDocker?: () => Promise<EngineApi | undefined>;
  /** Whether something already listens on host:port (asked before `up`, for loopback servers only). */
  readonly isListening: (host: string, port: number) => Promise<boolean>;
  /** Called once the project is known and before anything is created: what a later step needs to clean up. */
  readonly onProjectKnown?: (state: PostState) => void;
  /** Aborted on cancel (SIGINT/SIGTERM): the engine stops checking, heals, and tears down. */
  readonly signal: AbortSignal;
  readonly version: string;
}
