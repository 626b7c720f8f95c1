// An in-process server speaking the part of etcd's v3 JSON gateway Replicheck uses: put, range and a one-compare
// transaction, keys and values base64. One store for every node (linearizable), so it can stand in for a cluster
// in unit tests. `emptyKvs` answers a missing key with "kvs": [] (other implementations) instead of no "kvs".
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface FakeEtcd3 {
  readonly urls: string[];
  readonly store: Map<string, Buffer>;
  readonly requests: { path: string; body: unknown }[];
  close(): Promise<void>;
}

export async function startFakeEtcd3(nodes = 1, o: { emptyKvs?: boolean } = {}): Promise<FakeEtcd3> {
  const store = new Map<string, Buffer>();
  const requests: FakeEtcd3['requests'] = [];
  const servers: Server[] = [];
  const urls: string[] = [];
  let revision = 1;
  const header = () => ({ cluster_id: '1', member_id: '2', revision: String(revision), raft_term: '3' });
  for (let i = 0; i < nodes; i++) {
    const server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        let body: Record<string, unknown>;
        try {
          body = JSON.parse(Buffer.concat(chunks).toString('utf8')) as Record<string, unknown>;
        } catch {
          res.writeHead(400).end('{"error":"bad json"}');
          return;
        }
        requests.push({ path: req.url ?? '', body });
        const key = (b: unknown): string => Buffer.from(String((b as { key?: unknown }).key ?? ''), 'base64').toString('latin1');
        const send = (doc: unknown): void => void res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(doc));
        if (req.method === 'POST' && req.url === '/v3/kv/put') {
          store.set(key(body), Buffer.from(String(body.value ?? ''), 'base64'));
          revision++;
          return send({ header: header() });
        }
        if (req.method === 'POST' && req.url === '/v3/kv/range') {
          const v = store.get(key(body));
          if (v === undefined) return send(o.emptyKvs ? { header: header(), kvs: [] } : { header: header() });
          return send({
            header: header(),
            kvs: [{ key: body.key, create_revision: '2', mod_revision: String(revision), version: '1', value: v.toString('base64') }],
            count: '1',
          });
        }
        if (req.method === 'POST' && req.url === '/v3/kv/txn') {
          const [cmp] = body.compare as { key: string; value: string; target: string; result: string }[];
          const [op] = body.success as { requestPut: { key: string; value: string } }[];
          const current = store.get(key(cmp));
          const matches = current !== undefined && current.equals(Buffer.from(cmp!.value, 'base64'));
          if (!matches) return send({ header: header() }); // etcd leaves "succeeded": false out
          store.set(key(op!.requestPut), Buffer.from(op!.requestPut.value, 'base64'));
          revision++;
          return send({ header: header(), succeeded: true, responses: [{ response_put: { header: header() } }] });
        }
        res.writeHead(404).end('{"error":"Not Found","code":5}');
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    servers.push(server);
    urls.push(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);
  }
  return {
    urls,
    store,
    requests,
    close: () =>
      Promise.all(
        servers.map(
          (s) =>
            new Promise<void>((resolve) => {
              s.closeAllConnections();
              s.close(() => resolve());
            }),
        ),
      ).then(() => undefined),
  };
}
