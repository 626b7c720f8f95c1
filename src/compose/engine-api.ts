// The Docker Engine API over its unix socket, for the lifecycle faults. A Compose CLI process takes a few hundred
// milliseconds to start before it sends anything, and a fault that lands that long after the last write it raced
// misses what it is for (a write acknowledged and not yet persisted); one HTTP request on the socket takes a few
// milliseconds. Used only where the socket answers; everything else (and every other Docker use) stays on the CLI.
import { Client } from 'undici';

export type ContainerVerb = 'kill' | 'stop' | 'start' | 'pause' | 'unpause' | 'restart';

/** What one call did, or what went wrong (may quote the engine's answer: untrusted). */
export interface VerbOutcome {
  readonly ok: boolean;
  readonly detail: string;
}

export interface EngineApi {
  /** Acts on one container; ok when the engine did it (or it was already so: 304). */
  containerVerb(id: string, verb: ContainerVerb): Promise<VerbOutcome>;
  close(): Promise<void>;
}

const SECOND = 1000;
/** Seconds a stop (and a restart's stop) gives the processes before SIGKILL, as Compose's default. */
const STOP_GRACE_S = 10;

/**
 * The socket DOCKER_HOST names (unix://PATH), or the default one; undefined when DOCKER_HOST points elsewhere (tcp,
 * ssh): then the CLI, which knows how to reach it, does everything.
 */
export function engineSocket(env: Readonly<Record<string, string | undefined>>): string | undefined {
  const host = env.DOCKER_HOST?.trim();
  if (!host) return '/var/run/docker.sock';
  return host.startsWith('unix://') ? host.slice('unix://'.length) : undefined;
}

/** The path and query of one verb (pure, so the exact requests are tested). */
export function verbPath(id: string, verb: ContainerVerb): string {
  const query = verb === 'kill' ? '?signal=SIGKILL' : verb === 'stop' || verb === 'restart' ? `?t=${STOP_GRACE_S}` : '';
  return `/containers/${encodeURIComponent(id)}/${verb}${query}`;
}

/** Connects when the engine answers `/_ping` on the socket within two seconds; else undefined (use the CLI). */
export async function connectEngineApi(socketPath: string | undefined): Promise<EngineApi | undefined> {
  if (!socketPath) return undefined;
  const client = new Client('http://docker', { socketPath, connect: { timeout: 2 * SECOND } });
  try {
    const r = await client.request({ path: '/_ping', method: 'GET', headersTimeout: 2 * SECOND, bodyTimeout: 2 * SECOND });
    const body = await r.body.text();
    if (r.statusCode !== 200 || body.trim() !== 'OK') throw new Error(`/_ping answered ${r.statusCode}`);
  } catch {
    await client.close().catch(() => undefined);
    return undefined;
  }
  return {
    async containerVerb(id, verb) {
      const what = `docker engine API ${verb} ${id.slice(0, 12)}`;
      try {
        // A stop waits up to its grace period inside the engine before it answers.
        const timeout = (STOP_GRACE_S + 30) * SECOND;
        const r = await client.request({ path: verbPath(id, verb), method: 'POST', headersTimeout: timeout, bodyTimeout: timeout });
        const text = (await r.body.text()).slice(0, 500);
        const ok = r.statusCode === 204 || r.statusCode === 304;
        return ok ? { ok, detail: what } : { ok, detail: `${what} answered ${r.statusCode}: ${text.trim()}` };
      } catch (error) {
        return { ok: false, detail: `${what} failed: ${(error as Error).message}` };
      }
    },
    close: () => client.close(),
  };
}
