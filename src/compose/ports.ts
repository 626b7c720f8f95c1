// Which server URL belongs to which compose service, from the ports the project's containers publish.
import type { ServerSpec } from '../inputs/servers.js';

export interface PortBinding {
  readonly service: string;
  readonly containerPort: number;
  /** Host address Docker bound ('0.0.0.0', '127.0.0.1', '::', ...). */
  readonly hostIp: string;
  readonly hostPort: number;
}

export interface ServerMapping {
  readonly url: string;
  /** Undefined when no published port of the project matches the URL. */
  readonly service: string | undefined;
  /** How many services publish the URL's port: one maps it, several make it ambiguous, none leave it unmapped. */
  readonly match: 'one' | 'several' | 'none';
  readonly reason: string;
}

const LOOPBACK_NAMES = new Set(['localhost', '127.0.0.1', '::1', 'ip6-localhost']);
const WILDCARDS = new Set(['0.0.0.0', '::', '']);

function hostMatches(urlHost: string, hostIp: string): boolean {
  const host = urlHost.toLowerCase();
  if (WILDCARDS.has(hostIp)) return true;
  if (host === hostIp) return true;
  // A binding to any loopback address is what a URL naming localhost reaches.
  return LOOPBACK_NAMES.has(host) && (hostIp.startsWith('127.') || hostIp === '::1');
}

export function mapServers(servers: readonly ServerSpec[], bindings: readonly PortBinding[]): ServerMapping[] {
  return servers.map((server) => {
    const matches = [
      ...new Set(bindings.filter((b) => b.hostPort === server.port && hostMatches(server.host, b.hostIp)).map((b) => b.service)),
    ];
    if (matches.length === 1) {
      return { url: server.url, service: matches[0], match: 'one', reason: `published port ${server.port}` };
    }
    if (matches.length > 1) {
      return { url: server.url, service: undefined, match: 'several', reason: `port ${server.port} is published by ${matches.join(', ')}` };
    }
    return { url: server.url, service: undefined, match: 'none', reason: `no service of the project publishes port ${server.port}` };
  });
}

/** Extracts port bindings from `docker inspect` output of the project's containers. */
export function bindingsFromInspect(containers: readonly InspectedContainer[]): PortBinding[] {
  const out: PortBinding[] = [];
  for (const c of containers) {
    const service = c.Config?.Labels?.['com.docker.compose.service'];
    if (!service) continue;
    for (const [key, hostBindings] of Object.entries(c.NetworkSettings?.Ports ?? {})) {
      const containerPort = Number.parseInt(key, 10);
      for (const hb of hostBindings ?? []) {
        out.push({ service, containerPort, hostIp: hb.HostIp ?? '', hostPort: Number(hb.HostPort) });
      }
    }
  }
  return out;
}

/** The part of `docker inspect` that Replicheck reads. */
export interface InspectedContainer {
  readonly Id: string;
  readonly Name?: string;
  readonly Config?: { readonly Labels?: Readonly<Record<string, string>> };
  readonly State?: {
    readonly Status?: string;
    readonly Paused?: boolean;
    readonly Running?: boolean;
    readonly ExitCode?: number;
    readonly Pid?: number;
  };
  readonly NetworkSettings?: {
    readonly Ports?: Readonly<Record<string, readonly { HostIp?: string; HostPort: string }[] | null>>;
    readonly Networks?: Readonly<
      Record<string, { readonly Aliases?: readonly string[] | null; readonly NetworkID?: string; readonly IPAddress?: string }>
    >;
  };
}
