// The `servers` input: the base URL of every node, optionally named (`name=url`). Parsed once, here, so every part
// (port mapping, faults, reports) sees the same normalised URLs. HTTP(S) only, unless an adapter module speaks to
// the nodes: then any scheme with a port.
import { splitList } from './values.js';

export interface ServerSpec {
  /** `name=url`: the node's name (a compose service with cluster: compose). */
  readonly name?: string;
  /** Normalised base URL without a trailing slash (a non-HTTP URL, which only an adapter reads, as written). */
  readonly url: string;
  readonly host: string;
  readonly port: number;
}

export interface ServerRules {
  /** An adapter module speaks to the nodes: any scheme it understands (redis://, tcp://, ...), not only HTTP(S). */
  readonly anyScheme?: boolean;
}

export function parseServers(value: string, fail: (message: string, fix: string) => void, rules: ServerRules = {}): ServerSpec[] {
  const items = splitList(value);
  if (items.length === 0) {
    fail('is empty.', 'List the base URL of every node, e.g. http://localhost:8080, one per line or comma-separated.');
    return [];
  }
  const servers: ServerSpec[] = [];
  const seen = new Set<string>();
  const names = new Set<string>();
  for (const entry of items) {
    // `name=url`: a name is letters, digits, '.', '_' and '-', so no URL is ever taken for one.
    const named = /^([A-Za-z0-9][A-Za-z0-9._-]*)=(.*)$/.exec(entry);
    const name = named?.[1];
    const item = named ? named[2]!.trim() : entry;
    if (name !== undefined) {
      if (names.has(name)) {
        fail(`the name '${name}' is given to two servers.`, 'Give each server its own name.');
        continue;
      }
      names.add(name);
    }
    let url: URL;
    try {
      url = new URL(item);
    } catch {
      fail(`'${item}' is not a URL.`, "Write each server as a full URL such as 'http://localhost:8080'.");
      continue;
    }
    const http = url.protocol === 'http:' || url.protocol === 'https:';
    if (!http && !rules.anyScheme) {
      fail(
        `'${item}' is not an HTTP(S) URL, and only an adapter module speaks another protocol.`,
        "Use http:// or https:// URLs such as 'http://localhost:8080', or set adapter to a module that speaks this protocol.",
      );
      continue;
    }
    // Readiness, published-port checks and labels need a port, and no default is known for an arbitrary scheme.
    if (!http && url.port === '') {
      fail(`'${item}' has no port.`, `Write the port, e.g. '${url.protocol}//${url.hostname || 'localhost'}:6379'.`);
      continue;
    }
    if (url.username !== '' || url.password !== '') {
      // Credentials in a URL end up in logs and reports; refusing is safer than masking after the fact.
      fail(`a server URL contains credentials (${url.protocol}//***@${url.host}).`, 'Remove user:password from the URL.');
      continue;
    }
    if (url.search !== '' || url.hash !== '') {
      fail(`'${item}' has a query or fragment.`, 'Give only scheme, host, port and an optional base path.');
      continue;
    }
    const normalised = `${url.protocol}//${url.host}${url.pathname.replace(/\/+$/, '')}`;
    if (seen.has(normalised)) {
      fail(`'${item}' is listed twice.`, 'List each node once.');
      continue;
    }
    seen.add(normalised);
    const port = url.port !== '' ? Number(url.port) : url.protocol === 'https:' ? 443 : 80;
    // An adapter gets a non-HTTP URL as written: what its path means (a database number, a name) is its own affair.
    const given = http ? normalised : item;
    servers.push({ ...(name !== undefined ? { name } : {}), url: given, host: url.hostname.replace(/^\[|\]$/g, ''), port });
  }
  return servers;
}
