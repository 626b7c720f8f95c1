// Reads what Compose itself resolved (`config` output: files merged, variables interpolated, normalised) to learn
// the services and the ports they will publish, before anything starts. The text is Compose's, so parsing its
// YAML is reading Compose's answer, not second-guessing the user's file.
import { parse } from 'yaml';
import type { PortBinding } from './ports.js';

export interface ResolvedProject {
  readonly services: string[];
  /** Host ports each service will publish; ports Docker picks at random are not listed. */
  readonly published: PortBinding[];
  /** Some service publishes a port whose host side is chosen at start, so the list above is incomplete. */
  readonly hasRandomPorts: boolean;
  /** Networks each service is attached to, as named in the compose file (`default` when it names none). */
  readonly networks: Readonly<Record<string, readonly string[]>>;
}

type LongPort = { target?: number | string; published?: number | string; host_ip?: string };

function expand(range: string): number[] {
  const [a, b] = range.split('-').map((x) => Number.parseInt(x, 10));
  if (a === undefined || Number.isNaN(a)) return [];
  if (b === undefined || Number.isNaN(b)) return [a];
  const out: number[] = [];
  for (let p = a; p <= b && out.length < 1000; p++) out.push(p);
  return out;
}

/** Short syntax: [HOST_IP:][HOST_PORT:]CONTAINER_PORT[/PROTO], HOST_IP may be [IPv6]. */
function parseShort(spec: string): { hostIp: string; published: number[]; target: number[] } {
  const noProto = spec.replace(/\/(tcp|udp|sctp)$/, '');
  let hostIp = '';
  let rest = noProto;
  const v6 = /^\[([^\]]+)\]:(.*)$/.exec(noProto);
  if (v6) {
    hostIp = v6[1]!;
    rest = v6[2]!;
  }
  const parts = rest.split(':');
  if (!v6 && parts.length === 3) hostIp = parts.shift()!;
  if (parts.length === 1) return { hostIp, published: [], target: expand(parts[0]!) };
  return { hostIp, published: expand(parts[0]!), target: expand(parts[1]!) };
}

export function parseResolvedConfig(text: string): ResolvedProject {
  const doc = (parse(text) ?? {}) as {
    services?: Record<
      string,
      { ports?: (string | number | LongPort)[]; networks?: string[] | Record<string, unknown>; network_mode?: string }
    >;
  };
  const services = Object.keys(doc.services ?? {});
  const published: PortBinding[] = [];
  let hasRandomPorts = false;
  const networks: Record<string, string[]> = {};
  for (const [service, def] of Object.entries(doc.services ?? {})) {
    const named = Array.isArray(def?.networks) ? def.networks.map(String) : Object.keys(def?.networks ?? {});
    networks[service] = named.length > 0 ? named : def?.network_mode ? [] : ['default'];
    for (const port of def?.ports ?? []) {
      if (typeof port === 'object' && port !== null) {
        if (port.published === undefined || port.published === '') {
          hasRandomPorts = true;
          continue;
        }
        const targets = expand(String(port.target ?? ''));
        expand(String(port.published)).forEach((hostPort, i) =>
          published.push({ service, containerPort: targets[i] ?? targets[0] ?? 0, hostIp: port.host_ip ?? '', hostPort }),
        );
        continue;
      }
      const short = parseShort(String(port));
      if (short.published.length === 0) {
        hasRandomPorts = true;
        continue;
      }
      short.published.forEach((hostPort, i) =>
        published.push({ service, containerPort: short.target[i] ?? short.target[0] ?? 0, hostIp: short.hostIp, hostPort }),
      );
    }
  }
  return { services, published, hasRandomPorts, networks };
}
