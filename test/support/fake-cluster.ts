// Real in-process HTTP servers that behave like replicated nodes with configurable faults: lag, flapping,
// errors, never converging. Used to test the checks without Docker (Docker behaviour is tested end to end).
import { createServer, type Server, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type NodeBehaviour =
  | { kind: 'healthy'; lagMs?: number }
  /** Never receives other nodes' writes. */
  | { kind: 'isolated' }
  /** Answers 500 to everything. */
  | { kind: 'error500' }
  /** Alternates between the right answer and a 503 on every read. */
  | { kind: 'flap'; lagMs?: number }
  /** Returns a wrong value for every replicated key. */
  | { kind: 'corrupt' };

export interface FakeNode {
  readonly url: string;
  readonly server: Server;
  readonly store: Map<string, Buffer>;
  requests: number;
}

export interface FakeCluster {
  readonly nodes: FakeNode[];
  close(): Promise<void>;
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

export async function startFakeCluster(behaviours: NodeBehaviour[]): Promise<FakeCluster> {
  const nodes: FakeNode[] = [];
  const timers = new Set<NodeJS.Timeout>();
  for (const behaviour of behaviours) {
    const store = new Map<string, Buffer>();
    let flip = false;
    const node: FakeNode = { url: '', server: undefined as unknown as Server, store, requests: 0 };
    const handler = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
      node.requests++;
      const match = /^\/key\/(.+)$/.exec(req.url ?? '');
      if (behaviour.kind === 'error500') {
        res.writeHead(500).end('boom');
        return;
      }
      if (!match) {
        res.writeHead(404).end();
        return;
      }
      const key = decodeURIComponent(match[1]!);
      if (req.method === 'POST' || req.method === 'PUT') {
        const body = await readBody(req);
        store.set(key, body);
        nodes.forEach((peer, i) => {
          if (peer === node) return;
          const b = behaviours[i]!;
          if (b.kind === 'isolated') return;
          const value = b.kind === 'corrupt' ? Buffer.from('corrupted') : body;
          const lag = 'lagMs' in b ? (b.lagMs ?? 0) : 0;
          const t = setTimeout(() => {
            timers.delete(t);
            peer.store.set(key, value);
          }, lag);
          timers.add(t);
        });
        res.writeHead(204).end();
        return;
      }
      if (behaviour.kind === 'flap') {
        flip = !flip;
        if (flip) {
          res.writeHead(503).end('flapping');
          return;
        }
      }
      const value = store.get(key);
      if (value === undefined) res.writeHead(404).end('not found');
      else res.writeHead(200).end(value);
    };
    const server = createServer((req, res) => {
      handler(req, res).catch(() => res.writeHead(500).end());
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const port = (server.address() as AddressInfo).port;
    Object.assign(node, { url: `http://127.0.0.1:${port}`, server });
    nodes.push(node);
  }
  return {
    nodes,
    async close() {
      for (const t of timers) clearTimeout(t);
      await Promise.all(
        nodes.map(
          (n) =>
            new Promise<void>((resolve) => {
              n.server.closeAllConnections();
              n.server.close(() => resolve());
            }),
        ),
      );
    },
  };
}
