// The `writers` input: which nodes take writes (a primary and its read replicas: only the primary). Each entry is a
// server URL, a server name, or (with cluster: compose) the service a server maps to. What can be checked from the
// inputs alone is checked here; a service name is checked against the compose project before anything starts, and
// resolved to nodes once the servers are mapped (resolveWriters).
import type { ServerSpec } from './servers.js';
import { splitList } from './values.js';

export interface WriterEntry {
  /** As written in the input. */
  readonly text: string;
  /** The server's normalised URL, when the entry is a URL. */
  readonly url?: string;
}

/** What a node is known by: its URL, its label (name or service) and its service. */
export interface Writable {
  readonly url: string;
  readonly label: string;
  readonly service?: string;
}

/** undefined: the input is empty, and every node takes writes. */
export function parseWriters(
  value: string,
  servers: readonly ServerSpec[],
  cluster: 'compose' | 'external',
  fail: (message: string, fix: string) => void,
): WriterEntry[] | undefined {
  const items = [...new Set(splitList(value))];
  if (items.length === 0) return undefined;
  const entries: WriterEntry[] = [];
  const unknown: string[] = [];
  for (const text of items) {
    if (text.includes('://')) {
      const url = serverUrl(text, servers);
      if (url === undefined) unknown.push(text);
      else entries.push({ text, url });
      continue;
    }
    // With cluster: compose, a name may be a service that an unnamed server maps to: known once the project is.
    if (cluster === 'external' && !servers.some((s) => s.name === text)) unknown.push(text);
    else entries.push({ text });
  }
  if (unknown.length > 0) {
    const names = servers.flatMap((s) => (s.name ? [s.name] : []));
    fail(
      `${unknown.map((u) => `'${u}'`).join(', ')} ${unknown.length === 1 ? 'names no node' : 'name no node'} of servers.`,
      cluster === 'external'
        ? `Name a server (name=url in servers) or give its URL as listed${names.length > 0 ? `: ${names.join(', ')}` : ''}.`
        : 'Give the service of a server (e.g. primary), a server name (name=url in servers), or a URL as listed in servers.',
    );
  }
  return entries;
}

/** The listed server a URL entry names, compared as servers.ts normalises them; undefined when none. */
function serverUrl(text: string, servers: readonly ServerSpec[]): string | undefined {
  const plain = text.replace(/\/+$/, '');
  const hit = servers.find((s) => s.url === text || s.url === plain || sameUrl(s.url, text));
  return hit?.url;
}

function sameUrl(a: string, b: string): boolean {
  try {
    const x = new URL(a);
    const y = new URL(b);
    const norm = (u: URL) => `${u.protocol}//${u.host.toLowerCase()}${u.pathname.replace(/\/+$/, '')}`;
    return norm(x) === norm(y);
  } catch {
    return false;
  }
}

/** Whether an entry names this node: by URL, by its name or label, or by its service. */
export function namesNode(entry: WriterEntry, node: Writable): boolean {
  if (entry.url !== undefined) return node.url === entry.url;
  return node.label === entry.text || node.service === entry.text;
}

/**
 * The writers among the nodes, in the nodes' order, and the entries that name none of them. Without entries every
 * node is a writer.
 */
export function resolveWriters<N extends Writable>(
  entries: readonly WriterEntry[] | undefined,
  nodes: readonly N[],
): { writers: N[]; unmatched: string[] } {
  if (entries === undefined) return { writers: [...nodes], unmatched: [] };
  const writers = nodes.filter((n) => entries.some((e) => namesNode(e, n)));
  const unmatched = entries.filter((e) => !nodes.some((n) => namesNode(e, n))).map((e) => e.text);
  return { writers, unmatched };
}
