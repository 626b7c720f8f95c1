// A small replicated document store with CouchDB's rule for updates: a document carries a revision, and an update
// must name the revision it replaces, or it is refused with 409. No key-value template can describe that (a write
// must first read the current revision), which is what Replicheck's adapter modules are for: adapter.mjs beside
// this file is the worked example. No dependencies: Node 20+.
//
//   GET  /docs/:id   200 {"_id", "_rev", "value"} or 404
//   PUT  /docs/:id   body {"value": "...", "_rev": "N-..."} (no _rev to create); 201 {"ok": true, "rev"}, 409 on
//                    a missing or stale _rev
//   GET  /health     200
//   POST /_replicate, GET /_all   node-to-node traffic
//
// Replication: every update is pushed to the peers (retried every 500 ms until they take it) and each node pulls
// its peers' documents at start and every second; the higher revision wins (ties by node id). Updates are appended
// to a log and fsynced before they are acknowledged; the log is replayed at start.
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import { createHash } from 'node:crypto';

const PORT = Number(process.env.PORT || 8080);
const NODE_ID = process.env.NODE_ID || 'doc';
const PEERS = (process.env.PEERS || '')
  .split(',')
  .map((s) => s.trim())
  .filter(Boolean);
const DATA = path.join(process.env.DATA_DIR || '/data', 'docs.log');
const MAX_BODY = 1024 * 1024;

/** id -> { n, rev, value } */
const docs = new Map();
const outbox = new Map(); // peer -> Map(id -> doc)

function log(message) {
  process.stdout.write(`${new Date().toISOString()} [${NODE_ID}] ${message}\n`);
}

function newer(a, b) {
  return !b || a.n > b.n || (a.n === b.n && a.rev > b.rev);
}

let logFd = null;
try {
  fs.mkdirSync(path.dirname(DATA), { recursive: true });
  if (fs.existsSync(DATA)) {
    for (const line of fs.readFileSync(DATA, 'utf8').split('\n')) {
      try {
        const d = JSON.parse(line);
        if (newer(d, docs.get(d.id))) docs.set(d.id, d);
      } catch {
        // a torn last line after a crash
      }
    }
  }
  logFd = fs.openSync(DATA, 'a');
  log(`replayed ${docs.size} documents`);
} catch (err) {
  log(`no persistence: ${err.message}`);
}

function persist(list) {
  if (logFd === null || list.length === 0) return;
  fs.writeSync(logFd, list.map((d) => JSON.stringify(d)).join('\n') + '\n');
  fs.fsyncSync(logFd);
}

function apply(list) {
  const fresh = list.filter((d) => d && typeof d.id === 'string' && typeof d.n === 'number' && newer(d, docs.get(d.id)));
  for (const d of fresh) docs.set(d.id, d);
  persist(fresh);
  return fresh.length;
}

async function call(url, method, body) {
  const res = await fetch(url, {
    method,
    body: body === undefined ? undefined : JSON.stringify(body),
    headers: { 'content-type': 'application/json' },
    signal: AbortSignal.timeout(1000),
  });
  if (!res.ok) throw new Error(`HTTP ${res.status}`);
  return res.json();
}

async function flush(peer) {
  const box = outbox.get(peer);
  if (!box || box.size === 0) return;
  const batch = [...box.values()];
  try {
    await call(`${peer}/_replicate`, 'POST', { docs: batch });
    for (const d of batch) if (box.get(d.id) === d) box.delete(d.id);
  } catch {
    // retried by the timer
  }
}

async function pull() {
  for (const peer of PEERS) {
    try {
      apply((await call(`${peer}/_all`, 'GET')).docs);
    } catch {
      // the peer is down: next round
    }
  }
}

function send(res, status, doc) {
  const body = Buffer.from(JSON.stringify(doc));
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': body.length });
  res.end(body);
}

function readBody(req) {
  return new Promise((resolve, reject) => {
    const chunks = [];
    let size = 0;
    req.on('data', (c) => {
      size += c.length;
      if (size > MAX_BODY) return reject(Object.assign(new Error('too large'), { status: 413 }));
      chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

async function route(req, res) {
  const url = new URL(req.url, 'http://x');
  if (url.pathname === '/health') return send(res, 200, { ok: true, node: NODE_ID });
  if (url.pathname === '/_all' && req.method === 'GET') return send(res, 200, { docs: [...docs.values()] });
  if (url.pathname === '/_replicate' && req.method === 'POST')
    return send(res, 200, { applied: apply(JSON.parse(await readBody(req)).docs || []) });
  const m = /^\/docs\/([^/]+)$/.exec(url.pathname);
  if (!m) return send(res, 404, { error: 'not_found' });
  const id = decodeURIComponent(m[1]);
  const current = docs.get(id);
  if (req.method === 'GET') {
    if (!current) return send(res, 404, { error: 'not_found', reason: 'missing' });
    return send(res, 200, { _id: id, _rev: current.rev, value: current.value });
  }
  if (req.method !== 'PUT') return send(res, 405, { error: 'method_not_allowed' });
  let body;
  try {
    body = JSON.parse(await readBody(req));
  } catch {
    return send(res, 400, { error: 'bad_request', reason: 'invalid JSON' });
  }
  if (typeof body.value !== 'string') return send(res, 400, { error: 'bad_request', reason: 'value must be a string' });
  // CouchDB's rule: name the revision you replace, or create a new document without one.
  if ((current ? current.rev : undefined) !== body._rev) return send(res, 409, { error: 'conflict', reason: 'Document update conflict.' });
  const n = (current ? current.n : 0) + 1;
  const rev = `${n}-${createHash('md5').update(`${NODE_ID}:${body.value}:${n}`).digest('hex')}`;
  const doc = { id, n, rev, value: body.value };
  persist([doc]);
  docs.set(id, doc);
  for (const peer of PEERS) {
    if (!outbox.has(peer)) outbox.set(peer, new Map());
    outbox.get(peer).set(id, doc);
    flush(peer);
  }
  return send(res, 201, { ok: true, id, rev });
}

const server = http.createServer((req, res) => {
  route(req, res).catch((err) => send(res, err.status || 500, { error: 'internal', reason: err.message }));
});
server.listen(PORT, () => {
  log(`listening on :${PORT}, peers ${PEERS.join(', ')}`);
  pull();
});
setInterval(() => PEERS.forEach(flush), 500).unref();
setInterval(pull, 1000).unref();
for (const signal of ['SIGTERM', 'SIGINT']) {
  process.on(signal, () => {
    server.close();
    server.closeAllConnections();
    if (logFd !== null) fs.closeSync(logFd);
    process.exit(0);
  });
}
