// Real in-process HTTP servers that behave like replicated nodes with configurable faults: lag, flapping,
// errors, never converging. Used to test the checks without Docker (Docker behaviour is tested end to end).
import { createServer, type Server, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type NodeBehaviour =
  /** lww: replicas apply a write only when it is newer (a cluster-wide sequence), so the nodes converge. */
  | { kind: 'healthy'; lagMs?: number; lww?: boolean }
  /** Never receives other nodes' writes. */
  | { kind: 'isolated' }
  /** Answers 500 to everything. */
  | { kind: 'error500' }
  /** Alternates between the right answer and a 503 on every read. */
  | { kind: 'flap'; lagMs?: number }
  /** Returns a wrong value for every replicated key. */
  | { kind: 'corrupt' }
  /** Every node of this kind serves one shared store: writes are visible everywhere at once (linearizable). */
  | { kind: 'shared' }
  /** Accepts /key requests and never answers them (reads and writes hang until the client gives up). */
  | { kind: 'hang' };

export interface FakeNode {
  readonly url: string;
  readonly server: Server;
  readonly store: Map<string, Buffer>;
  /** Sequence number of the write each key holds (for lww replication). */
  readonly versions: Map<string, number>;
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
  const sharedStore = new Map<string, Buffer>();
  let writeSeq = 0;
  for (const behaviour of behaviours) {
    const store = behaviour.kind === 'shared' ? sharedStore : new Map<string, Buffer>();
    let flip = false;
    const node: FakeNode = { url: '', server: undefined as unknown as Server, store, versions: new Map(), requests: 0 };
    const handler = async (req: IncomingMessage, res: ServerResponse): Promise<void> => {
      node.requests++;
      const match = /^\/key\/(.+)$/.exec(req.url ?? '');
      if (behaviour.kind === 'hang' && match) return;
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
        const seq = ++writeSeq;
        node.versions.set(key, seq);
        nodes.forEach((peer, i) => {
          if (peer === node || peer.store === store) return;
          const b = behaviours[i]!;
          if (b.kind === 'isolated') return;
          const value = b.kind === 'corrupt' ? Buffer.from('corrupted') : body;
          const lag = 'lagMs' in b ? (b.lagMs ?? 0) : 0;
          const t = setTimeout(() => {
            timers.delete(t);
            if ('lww' in b && b.lww && (peer.versions.get(key) ?? 0) > seq) return;
            peer.versions.set(key, seq);
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
