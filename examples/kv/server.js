// A small replicated key-value service, written as a realistic target for Replicheck. No dependencies: Node 20+.
//
//   POST|PUT /key/:k   store the raw request body under k (k is one URL path segment, percent-decoded)
//   GET /key/:k        200 with the stored bytes, or 404
//   GET /health        200 "ok", or 503 while the node is isolated from all peers or still catching up
//   /internal/*        ping, replicate, dump: node-to-node traffic, namespaced away from the keys
//
// Replication is asynchronous push (with per-peer retry; causal: a node passes on what it applied from a peer with
// its next push) plus pull anti-entropy (every second each node pulls every peer's full state) and a catch-up pull
// at start. Conflicts resolve by last-writer-wins on a version (microsecond timestamp, node id). In the healthy
// mode a write is appended to a log and fsynced before it is acknowledged, and the log is replayed on start.
// KV_MODE selects a deliberately broken behaviour; README.md lists what each mode breaks.
import http from 'node:http';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import dns from 'node:dns';
import net from 'node:net';
import { performance } from 'node:perf_hooks';

// ---------------------------------------------------------------------------------------------------------------
// Configuration

const env = process.env;
const PORT = Number(env.PORT || 8080);
const NODE_ID = env.NODE_ID || os.hostname();
const PEERS = (env.PEERS || '')
  .split(',')
  .map((s) => s.trim().replace(/\/+$/, ''))
  .filter(Boolean)
  .sort();
const MODE = (env.KV_MODE || 'healthy').trim();
const REPLICATION_DELAY_MS = Number(env.KV_REPLICATION_DELAY_MS || 15000);
const DATA_DIR = env.KV_DATA_DIR || '/data';
const LOG_FILE = path.join(DATA_DIR, 'kv.log');

const PING_EVERY_MS = 300;
const PING_TIMEOUT_MS = 300;
const ISOLATION_MS = 1500;
const ANTI_ENTROPY_EVERY_MS = 1000;
const PULL_TIMEOUT_MS = 1000;
// give-up: a push that takes more than 100 ms is abandoned for good (no retry, no anti-entropy)
const PUSH_TIMEOUT_MS = MODE === 'give-up' ? 100 : 1000;
const PUSH_RETRY_MS = 500;
const FORWARD_TIMEOUT_MS = 1500;
const BATCH_EVERY_MS = 3000;
const MAX_BODY_BYTES = 16 * 1024 * 1024;

const MODES = {
  //                 persist push   retry  startCU periodicAE refuseIsolated
  healthy: [true, true, true, true, true, true],
  'no-replication': [true, false, false, false, false, true],
  'skip-peer': [true, true, true, true, true, true],
  'no-catch-up': [false, true, false, false, false, true],
  'slow-replication': [true, true, true, true, true, true],
  'lose-on-kill': [false, true, true, true, false, true],
  'no-heal': [true, true, false, true, false, true],
  'stale-partition': [true, true, true, true, true, false],
  leader: [true, true, true, true, true, true],
  'form-decode': [true, true, true, true, true, true],
  'negative-cache': [true, true, true, true, true, true],
  forget: [true, true, true, true, true, true],
  'give-up': [true, true, false, true, false, true],
  'lww-wallclock': [true, true, true, true, true, true],
  'ack-then-persist': [true, true, true, true, true, true],
  'ack-before-apply': [true, true, true, true, true, true],
  'stale-snapshot': [true, true, true, true, true, true],
  'reorder-delivery': [true, true, false, true, true, true],
  'origin-fifo': [true, true, true, true, true, true],
  'ring-memory': [true, true, true, true, true, true],
};
if (!MODES[MODE]) {
  console.error(`[${NODE_ID}] unknown KV_MODE ${JSON.stringify(MODE)}; known: ${Object.keys(MODES).join(', ')}`);
  process.exit(2);
}
const [PERSIST, PUSH, RETRY, START_CATCH_UP, PERIODIC_AE, REFUSE_WHEN_ISOLATED] = MODES[MODE];
const BATCHED = MODE === 'lose-on-kill';
const SLOW = MODE === 'slow-replication';
// form-decode: replicas decode what they receive as a form field ('+' becomes a space, %XX a byte)
const FORM_DECODE = MODE === 'form-decode';
// negative-cache: after a restart the node serves reads while it catches up (slowly) and remembers every key it
// did not have then as missing, for good
const NEGATIVE_CACHE = MODE === 'negative-cache';
const NEGATIVE_CACHE_CATCH_UP_DELAY_MS = 2500;
// forget: a replicated value is dropped for good 500 ms after the node first served it
const FORGET_AFTER_MS = 500;
const FORGET = MODE === 'forget';
// ack-then-persist: a write is acknowledged (and served locally) at once, and logged and passed on to the peers
// only up to a second later, as a store that acknowledges from memory does: killed in between, the node loses it
const ACK_THEN_PERSIST = MODE === 'ack-then-persist';
const PERSIST_LATER_MAX_MS = 1000;
const unpersisted = new Map(); // key -> the local entry acknowledged but not logged nor passed on yet
// Causal delivery (healthy, ack-before-apply, stale-snapshot): a node passes every entry it applies from a peer on
// to its other peers (not back to the sender, nor to the entry's writer). The entry waits in their outboxes and
// rides with the next push there (or the retry tick); a push carries the whole outbox and is applied at once, so a
// peer never gets a write before the writes its writer's node had applied when it was made.
const FORWARD = MODE === 'healthy' || MODE === 'ack-before-apply' || MODE === 'stale-snapshot';
// ack-before-apply: a write is logged and acknowledged at once but applied (served and passed on) 300 ms later
const ACK_BEFORE_APPLY = MODE === 'ack-before-apply';
const APPLY_LATER_MS = 300;
// stale-snapshot: reads come at random from the live store or from a copy of it taken every second, except keys
// written through this node since that copy was taken (always served live)
const STALE_SNAPSHOT = MODE === 'stale-snapshot';
const SNAPSHOT_EVERY_MS = 1000;
let snapshot = new Map();
const writtenSinceSnapshot = new Set();
// reorder-delivery: each write goes to each peer in its own push after its own random delay (0 to 1000 ms), so
// writes to different keys can arrive out of order; anti-entropy shares only entries at least 1200 ms old, so it
// does not put them back in order first
const REORDER = MODE === 'reorder-delivery';
const REORDER_MAX_MS = 1000;
const REORDER_SHARE_AFTER_MS = 1200;
// origin-fifo (or KV_SLOW_LINK_MS in any mode): everything the node with the smallest NODE_ID sends to the one with
// the largest (pushes, and its answers to that node's pulls) arrives 2 s late; outboxes stay FIFO. origin-fifo
// alone: pulls share only entries older than that delay, or a pull through a third node would bring the far end
// the slow link's writes early and close the window in which writes-follow-reads breaks. The window is long so that
// clients slowed by a loaded machine still fall into it: at a 3 s workload on a machine with four busy loops, 8/10
// runs were caught with 400 ms, 10/10 with 1 s, 12/12 with 2 s (bench/ladder-modes.ts).
const ORIGIN_FIFO = MODE === 'origin-fifo';
const SLOW_LINK_MS = Number(env.KV_SLOW_LINK_MS || (ORIGIN_FIFO ? 2000 : 0));
// ring-memory: a node keeps its own writes in memory only and pushes them to its ring successor alone (the next
// NODE_ID in sorted order, peers named by host with the example's `cluster-` alias prefix dropped, or
// KV_RING_NEXT), which logs them; everything else spreads by anti-entropy, which shares a node's own write only
// once the successor acknowledged it. A write is acknowledged once the successor has it, or after 200 ms from
// memory when the successor does not answer (kept, and retried). So one fault loses nothing: a killed node gets its
// writes back from its successor, and a paused successor gets them on resume. A write is lost only when its node
// is killed while its successor is paused, cut off or down: two faults at once.
const RING = MODE === 'ring-memory';
const RING_ACK_WAIT_MS = 200;
const commitWaiters = new Set(); // () => void, called after each push the successor acknowledged

function log(message) {
  process.stdout.write(`${new Date().toISOString()} [${NODE_ID}] ${message}\n`);
}

function hostOf(url) {
  try {
    return new URL(url).hostname;
  } catch {
    return url;
  }
}

// skip-peer: this node never sends anything to the last peer of its sorted list (no push, no retry, and its dump
// endpoint answers that peer with nothing) and never pulls from it.
const SKIPPED_PEER = MODE === 'skip-peer' && PEERS.length > 0 ? PEERS[PEERS.length - 1] : null;
const peerIds = new Map(); // peer URL -> NODE_ID learnt from its ping answer
function dataPeers() {
  return PEERS.filter((p) => p !== SKIPPED_PEER);
}
function isSkippedRequester(nodeId) {
  if (!SKIPPED_PEER || !nodeId) return false;
  return nodeId === hostOf(SKIPPED_PEER) || nodeId === peerIds.get(SKIPPED_PEER);
}
function peerNamed(nodeId) {
  return PEERS.find((p) => peerIds.get(p) === nodeId) || PEERS.find((p) => hostOf(p) === nodeId) || null;
}
// The slow link's far end, when this node has the smallest NODE_ID (null until every peer's name is known).
function slowLinkPeer() {
  if (!SLOW_LINK_MS || PEERS.length === 0) return null;
  const ids = PEERS.map((p) => peerIds.get(p));
  if (ids.some((id) => id === undefined || id <= NODE_ID)) return null;
  let far = 0;
  for (let i = 1; i < ids.length; i++) if (ids[i] > ids[far]) far = i;
  return PEERS[far];
}
function sleep(ms) {
  return new Promise((r) => setTimeout(r, ms));
}

function ringSuccessor() {
  if (env.KV_RING_NEXT) return PEERS.find((p) => p === env.KV_RING_NEXT || hostOf(p) === env.KV_RING_NEXT) || null;
  const named = PEERS.map((p) => ({ p, name: hostOf(p).replace(/^cluster-/, '') })).sort((a, b) => (a.name < b.name ? -1 : 1));
  const next = named.find((x) => x.name > NODE_ID) || named[0];
  return next ? next.p : null;
}
const RING_NEXT = RING ? ringSuccessor() : null;

// ring-memory: resolves true once the successor holds this entry (or a newer one for its key), false after ms.
function awaitCommit(key, e, ms) {
  return new Promise((resolve) => {
    const check = () => {
      if (unpersisted.get(key) !== e) done(true);
    };
    const done = (ok) => {
      commitWaiters.delete(check);
      clearTimeout(timer);
      resolve(ok);
    };
    const timer = setTimeout(() => done(false), ms);
    commitWaiters.add(check);
    check();
  });
}

// leader: KV_LEADER names the leader (a NODE_ID, a host name or a peer URL). Default: the smallest name.
let LEADER_URL = null; // null: this node is the leader (or the mode is not `leader`)
if (MODE === 'leader') {
  const wanted = (env.KV_LEADER || [NODE_ID, ...PEERS.map(hostOf)].sort()[0]).trim().replace(/\/+$/, '');
  const self = wanted === NODE_ID || hostOf(wanted) === NODE_ID || hostOf(wanted) === os.hostname();
  if (!self) {
    LEADER_URL =
      PEERS.find((p) => p === wanted || hostOf(p) === hostOf(wanted)) ||
      (/^https?:\/\//.test(wanted) ? wanted : `http://${wanted}:${PORT}`);
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Store: key -> { v: Buffer, ts: number (microseconds since epoch), n: node id }

const store = new Map();
let lastIssuedTs = 0;

function nowMicros() {
  return Math.floor((performance.timeOrigin + performance.now()) * 1000);
}

function newer(a, b) {
  // true when version a beats version b (b may be undefined)
  if (!b) return true;
  if (a.ts !== b.ts) return a.ts > b.ts;
  return a.n > b.n;
}

function nextVersion(key) {
  // lww-wallclock: the version is the node's wall clock alone, so a node whose clock is behind writes "older"
  // versions than writes made before it, and loses to them
  if (MODE === 'lww-wallclock') return { ts: Date.now() * 1000, n: NODE_ID };
  const current = store.get(key);
  const ts = Math.max(nowMicros(), lastIssuedTs + 1, current ? current.ts + 1 : 0);
  lastIssuedTs = ts;
  return { ts, n: NODE_ID };
}

function encodeEntry(k, e) {
  return { k, v: e.v.toString('base64'), ts: e.ts, n: e.n };
}

function decodeEntry(raw) {
  if (!raw || typeof raw.k !== 'string' || typeof raw.v !== 'string' || typeof raw.ts !== 'number') return null;
  return { k: raw.k, e: { v: Buffer.from(raw.v, 'base64'), ts: raw.ts, n: String(raw.n ?? '') } };
}

// Applies the entries a peer sent that are newer than what this node holds; returns how many it applied.
// source: the peer URL they came from (null if unknown), which a forwarding node does not send them back to.
function applyRemote(rawEntries, source) {
  const fresh = [];
  const applied = [];
  for (const raw of Array.isArray(rawEntries) ? rawEntries : []) {
    const parsed = decodeEntry(raw);
    if (!parsed || !newer(parsed.e, store.get(parsed.k)) || forgotten.has(parsed.k)) continue;
    if (FORM_DECODE) parsed.e.v = formDecode(parsed.e.v);
    if (FORGET) replicated.add(parsed.k);
    store.set(parsed.k, parsed.e);
    if (parsed.e.ts > lastIssuedTs) lastIssuedTs = parsed.e.ts;
    fresh.push(encodeEntry(parsed.k, parsed.e));
    applied.push(parsed);
  }
  appendLog(fresh, true);
  if (FORWARD) forward(applied, source);
  return fresh.length;
}

// form-decode's bug: a value taken for a form field
function formDecode(bytes) {
  const s = bytes.toString('latin1');
  const out = [];
  for (let i = 0; i < s.length; i++) {
    if (s[i] === '+') out.push(0x20);
    else if (s[i] === '%' && /^[0-9a-fA-F]{2}$/.test(s.slice(i + 1, i + 3))) {
      out.push(Number.parseInt(s.slice(i + 1, i + 3), 16));
      i += 2;
    } else out.push(s.charCodeAt(i));
  }
  return Buffer.from(out);
}

// forget's bug: replicated keys it served, and keys it dropped (never taken again from a peer)
const replicated = new Set();
const forgotten = new Set();
// negative-cache's bug: keys answered "not found" while catching up after a restart
const negative = new Set();
let restartCatchUp = false;

// ---------------------------------------------------------------------------------------------------------------
// Durability: an append-only log of entries, fsynced before a local write is acknowledged, replayed on start.

let logFd = null;

function openLog() {
  if (!PERSIST) return;
  try {
    fs.mkdirSync(DATA_DIR, { recursive: true });
    let replayed = 0;
    if (fs.existsSync(LOG_FILE)) {
      const lines = fs.readFileSync(LOG_FILE, 'utf8').split('\n');
      for (const line of lines) {
        if (!line) continue;
        let parsed;
        try {
          parsed = decodeEntry(JSON.parse(line));
        } catch {
          continue; // a torn last line after a crash
        }
        if (parsed && newer(parsed.e, store.get(parsed.k))) {
          store.set(parsed.k, parsed.e);
          if (parsed.e.ts > lastIssuedTs) lastIssuedTs = parsed.e.ts;
          replayed++;
        }
      }
    }
    logFd = fs.openSync(LOG_FILE, 'a');
    log(`replayed ${replayed} entries from ${LOG_FILE}; ${store.size} keys`);
  } catch (err) {
    logFd = null;
    log(`WARNING: cannot use ${LOG_FILE} (${err.message}); running without persistence`);
  }
}

function appendLog(entries, durable) {
  if (logFd === null || entries.length === 0) return;
  fs.writeSync(logFd, entries.map((x) => JSON.stringify(x)).join('\n') + '\n');
  if (durable) fs.fsyncSync(logFd);
}

// ---------------------------------------------------------------------------------------------------------------
// Outgoing HTTP with a hard deadline that covers name resolution, connecting, sending and reading.

const agent = new http.Agent({ keepAlive: false });
// Names are resolved with a short-timeout DNS query first: the system resolver (dns.lookup) blocks a thread-pool
// thread for 5 s or more when the DNS server is unreachable (a container cut off from its network), and queued
// lookups would then delay recovery long after the network is back. dns.lookup is only the fallback for names
// DNS does not know (e.g. from /etc/hosts), with at most one lookup in flight per name.
const resolver = new dns.promises.Resolver({ timeout: 300, tries: 1 });
const lookups = new Map(); // host -> in-flight dns.lookup promise

function resolveHost(host) {
  if (net.isIP(host)) return Promise.resolve(host);
  if (host === 'localhost') return Promise.resolve('127.0.0.1');
  return resolver.resolve4(host).then(
    (addresses) => addresses[0],
    (err) => {
      if (err.code === 'ETIMEOUT' || err.code === 'ECONNREFUSED') throw err; // DNS unreachable: fail fast
      let p = lookups.get(host);
      if (!p) {
        p = dns.promises.lookup(host).then((r) => r.address);
        p.finally(() => lookups.delete(host)).catch(() => {});
        lookups.set(host, p);
      }
      return p;
    },
  );
}

function call(url, { method = 'GET', body = null, headers = {}, timeoutMs }) {
  return new Promise((resolve, reject) => {
    let done = false;
    let req = null;
    const finish = (err, value) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      if (err) {
        if (req) req.destroy();
        reject(err);
      } else resolve(value);
    };
    const timer = setTimeout(() => finish(new Error(`timeout after ${timeoutMs} ms`)), timeoutMs);
    let u;
    try {
      u = new URL(url);
    } catch (err) {
      finish(err);
      return;
    }
    resolveHost(u.hostname).then(
      (address) => {
        if (done) return;
        const h = { host: u.host, 'x-kv-node': NODE_ID, ...headers };
        if (body !== null) h['content-length'] = String(body.length);
        req = http.request({ host: address, port: u.port || 80, path: u.pathname + u.search, method, headers: h, agent }, (res) => {
          const chunks = [];
          res.on('data', (c) => chunks.push(c));
          res.on('end', () => finish(null, { status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks) }));
          res.on('error', (err) => finish(err));
        });
        req.on('error', (err) => finish(err));
        req.end(body === null ? undefined : body);
      },
      (err) => finish(err),
    );
  });
}

async function callJson(url, opts) {
  const res = await call(url, opts);
  if (res.status !== 200) throw new Error(`HTTP ${res.status}`);
  return JSON.parse(res.body.toString('utf8'));
}

// ---------------------------------------------------------------------------------------------------------------
// Peer liveness and isolation

const startedAt = Date.now();
let lastContact = startedAt; // last successful call to any peer (start counts, so booting is not isolation)
let isolatedLogged = false;
let catchingUp = false; // refuse /key while catching up (at start, and after an isolation ends)
let stopping = false;
const peerUp = new Map(); // peer URL -> true/false (undefined: never tried)
const pinging = new Map(); // peer URL -> in-flight ping (callers share it)

function isolated() {
  return PEERS.length > 0 && Date.now() - lastContact > ISOLATION_MS;
}

function notePeerContact(peer) {
  const now = Date.now();
  const gap = now - lastContact;
  lastContact = now;
  if (peerUp.get(peer) !== true) {
    peerUp.set(peer, true);
    log(`peer up: ${peer}${peerIds.has(peer) ? ` (${peerIds.get(peer)})` : ''}`);
  }
  if (gap > ISOLATION_MS && PEERS.length > 0) {
    log(`isolation off: ${peer} answered after ${gap} ms without any peer contact`);
    isolatedLogged = false;
    if (PERIODIC_AE && !catchingUp) catchUp('after isolation', 2000);
  }
}

function notePeerFailure(peer, err) {
  if (peerUp.get(peer) !== false) {
    peerUp.set(peer, false);
    log(`peer down: ${peer} (${err.code || err.message})`);
  }
}

function pingPeer(peer) {
  let p = pinging.get(peer);
  if (!p) {
    p = (async () => {
      try {
        const info = await callJson(`${peer}/internal/ping`, { timeoutMs: PING_TIMEOUT_MS });
        if (info && typeof info.node === 'string') peerIds.set(peer, info.node);
        notePeerContact(peer);
      } catch (err) {
        notePeerFailure(peer, err);
      } finally {
        pinging.delete(peer);
      }
    })();
    pinging.set(peer, p);
  }
  return p;
}

function pingTick() {
  if (stopping) return;
  for (const peer of PEERS) pingPeer(peer);
  if (isolated() && !isolatedLogged) {
    isolatedLogged = true;
    const what = REFUSE_WHEN_ISOLATED ? 'refusing /key with 503' : 'still serving (stale-partition mode)';
    log(`isolation on: no peer answered for ${Date.now() - lastContact} ms; ${what}`);
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Push replication: one outbox per peer (latest version per key), one request in flight per peer.

const outboxes = new Map(); // peer -> Map(key -> entry)
const flushing = new Set();
const retryTimers = new Map();

function enqueue(k, e) {
  if (!PUSH) return;
  if (RING) {
    if (!RING_NEXT) return;
    if (!outboxes.has(RING_NEXT)) outboxes.set(RING_NEXT, new Map());
    outboxes.get(RING_NEXT).set(k, e);
    flushPeer(RING_NEXT);
    return;
  }
  if (REORDER) {
    for (const peer of dataPeers()) pushAlone(peer, k, e, Math.random() * REORDER_MAX_MS);
    return;
  }
  for (const peer of dataPeers()) {
    if (!outboxes.has(peer)) outboxes.set(peer, new Map());
    outboxes.get(peer).set(k, e);
  }
  if (BATCHED) return; // sent by the batch timer
  if (SLOW) {
    setTimeout(() => flushAll(), REPLICATION_DELAY_MS).unref();
    return;
  }
  flushAll();
}

// causal delivery: entries applied from a peer join the other peers' outboxes without a flush of their own
function forward(applied, source) {
  if (applied.length === 0) return;
  for (const peer of dataPeers()) {
    if (peer === source) continue;
    if (!outboxes.has(peer)) outboxes.set(peer, new Map());
    const box = outboxes.get(peer);
    for (const { k, e } of applied) if (peerNamed(e.n) !== peer) box.set(k, e);
  }
}

// reorder-delivery: one entry, one push, after its own delay; a failed push is left to anti-entropy
function pushAlone(peer, k, e, delayMs) {
  setTimeout(async () => {
    if (stopping || store.get(k) !== e) return; // a newer version has its own push
    const body = Buffer.from(JSON.stringify({ from: NODE_ID, deadline: Date.now() + PUSH_TIMEOUT_MS, entries: [encodeEntry(k, e)] }));
    try {
      await callJson(`${peer}/internal/replicate`, {
        method: 'POST',
        body,
        headers: { 'content-type': 'application/json' },
        timeoutMs: PUSH_TIMEOUT_MS,
      });
      notePeerContact(peer);
    } catch (err) {
      notePeerFailure(peer, err);
    }
  }, delayMs).unref();
}

function flushAll() {
  return Promise.all(dataPeers().map((p) => flushPeer(p)));
}

async function flushPeer(peer) {
  const box = outboxes.get(peer);
  if (!box || box.size === 0 || flushing.has(peer)) return;
  flushing.add(peer);
  const now = Date.now();
  // slow-replication: only entries written at least the delay ago leave the node
  const batch = [...box.entries()].filter(([, e]) => !SLOW || e.ts / 1000 <= now - REPLICATION_DELAY_MS);
  if (batch.length === 0) {
    flushing.delete(peer);
    return;
  }
  if (peer === slowLinkPeer()) await sleep(SLOW_LINK_MS);
  // The deadline lets the receiver discard a request that reaches it after this node gave up on it (a paused
  // receiver finds it in its socket buffer on unpause): only an acknowledged push counts as delivered.
  const deadline = Date.now() + PUSH_TIMEOUT_MS;
  const body = Buffer.from(JSON.stringify({ from: NODE_ID, deadline, entries: batch.map(([k, e]) => encodeEntry(k, e)) }));
  let ok = false;
  try {
    await callJson(`${peer}/internal/replicate`, {
      method: 'POST',
      body,
      headers: { 'content-type': 'application/json' },
      timeoutMs: PUSH_TIMEOUT_MS,
    });
    ok = true;
    notePeerContact(peer);
  } catch (err) {
    notePeerFailure(peer, err);
  }
  for (const [k, e] of batch) {
    // drop what was sent (or, without retries, what failed) unless a newer version was queued meanwhile
    if ((ok || !RETRY) && box.get(k) === e) box.delete(k);
    // ring-memory: the successor holds it now, so anti-entropy may share it and the write may be acknowledged
    if (RING && ok && unpersisted.get(k) === e) unpersisted.delete(k);
  }
  if (RING && ok) for (const check of [...commitWaiters]) check();
  flushing.delete(peer);
  if (box.size > 0 && !stopping) {
    if (!ok) {
      if (BATCHED) return; // the next batch tick retries
      if (!retryTimers.has(peer)) {
        retryTimers.set(
          peer,
          setTimeout(() => {
            retryTimers.delete(peer);
            flushPeer(peer);
          }, PUSH_RETRY_MS),
        );
      }
    } else if (!BATCHED && !SLOW) {
      flushPeer(peer); // new writes arrived while this request was in flight
    }
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Pull anti-entropy and catch-up

const pulling = new Map(); // peer -> in-flight pull (callers share it)

function pullFrom(peer) {
  let p = pulling.get(peer);
  if (!p) {
    p = (async () => {
      try {
        const dump = await callJson(`${peer}/internal/dump`, { timeoutMs: PULL_TIMEOUT_MS + SLOW_LINK_MS });
        if (dump && typeof dump.node === 'string') peerIds.set(peer, dump.node);
        notePeerContact(peer);
        return { ok: true, applied: applyRemote(dump.entries, peer) };
      } catch (err) {
        notePeerFailure(peer, err);
        return { ok: false, applied: 0 };
      } finally {
        pulling.delete(peer);
      }
    })();
    pulling.set(peer, p);
  }
  return p;
}

async function catchUpOnce(reason) {
  const peers = dataPeers();
  const results = await Promise.all(peers.map((p) => pullFrom(p)));
  const ok = results.filter((r) => r.ok).length;
  const applied = results.reduce((n, r) => n + r.applied, 0);
  if (ok > 0 || peers.length === 0) {
    log(`catch-up (${reason}) done: ${ok}/${peers.length} peers answered, ${applied} entries applied, ${store.size} keys`);
  }
  return ok > 0 || peers.length === 0;
}

// Refuses /key until one catch-up round got an answer from a peer, or until limitMs has passed (bounded).
async function catchUp(reason, limitMs) {
  catchingUp = true;
  const began = Date.now();
  try {
    for (;;) {
      if (await catchUpOnce(reason)) return;
      if (Date.now() - began > limitMs || stopping) {
        log(`catch-up (${reason}): no peer answered within ${limitMs} ms; serving what this node has (${store.size} keys)`);
        return;
      }
      await new Promise((r) => setTimeout(r, 200));
    }
  } finally {
    catchingUp = false;
  }
}

let aeRunning = false;
async function antiEntropyTick() {
  if (aeRunning || stopping) return;
  aeRunning = true;
  try {
    const results = await Promise.all(dataPeers().map((p) => pullFrom(p)));
    const applied = results.reduce((n, r) => n + r.applied, 0);
    if (applied > 0) log(`anti-entropy: applied ${applied} entries; ${store.size} keys`);
  } finally {
    aeRunning = false;
  }
}

// ---------------------------------------------------------------------------------------------------------------
// HTTP server

function send(res, status, body, type = 'text/plain; charset=utf-8', extra = {}) {
  const buf = Buffer.isBuffer(body) ? body : Buffer.from(body);
  res.writeHead(status, { 'content-type': type, 'content-length': buf.length, ...extra });
  res.end(buf);
}

function readBody(req) {
  return new Promise((resolve, reject) => {
    const chunks = [];
    let size = 0;
    req.on('data', (c) => {
      size += c.length;
      if (size > MAX_BODY_BYTES) {
        reject(Object.assign(new Error('body too large'), { status: 413 }));
        req.destroy();
        return;
      }
      chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function unavailableReason() {
  if (catchingUp && !restartCatchUp) return 'catching up from peers';
  if (REFUSE_WHEN_ISOLATED && isolated()) return `isolated: no peer answered for ${Date.now() - lastContact} ms`;
  return null;
}

async function handleKey(req, res, rawKey) {
  let key;
  try {
    key = decodeURIComponent(rawKey);
  } catch {
    return send(res, 400, 'malformed key encoding\n');
  }
  if (key === '') return send(res, 400, 'empty key\n');
  const method = req.method;
  if (method !== 'GET' && method !== 'POST' && method !== 'PUT') {
    return send(res, 405, 'use GET, POST or PUT\n', undefined, { allow: 'GET, POST, PUT' });
  }
  const body = method === 'GET' ? null : await readBody(req);

  if (LEADER_URL && !req.headers['x-kv-forwarded']) {
    // follower in leader mode: the leader answers every read and write
    try {
      const headers = { 'x-kv-forwarded': NODE_ID, 'x-kv-deadline': String(Date.now() + FORWARD_TIMEOUT_MS) };
      if (req.headers['content-type']) headers['content-type'] = req.headers['content-type'];
      const r = await call(`${LEADER_URL}${req.url}`, { method, body, headers, timeoutMs: FORWARD_TIMEOUT_MS });
      return send(res, r.status, r.body, r.headers['content-type'] || 'application/octet-stream', {
        'x-kv-served-by': String(r.headers['x-kv-served-by'] || 'leader'),
      });
    } catch (err) {
      return send(res, 503, `leader ${LEADER_URL} unreachable: ${err.code || err.message}\n`);
    }
  }

  const deadline = Number(req.headers['x-kv-deadline'] || 0);
  if (deadline && Date.now() > deadline) {
    log(`refused a forwarded ${method} that arrived ${Date.now() - deadline} ms after its deadline`);
    // a forwarded request that arrives after the follower gave up (and answered 503) must not take effect
    return send(res, 503, 'too late: the forwarding node has given up on this request\n');
  }
  const reason = unavailableReason();
  if (reason) return send(res, 503, `unavailable: ${reason}\n`, undefined, { 'retry-after': '1' });

  if (method === 'GET') {
    const source = STALE_SNAPSHOT && !writtenSinceSnapshot.has(key) && Math.random() < 0.5 ? snapshot : store;
    const e = negative.has(key) ? undefined : source.get(key);
    if (!e) {
      if (restartCatchUp && !negative.has(key)) {
        negative.add(key);
        log(`negative-cache: remembering ${JSON.stringify(key)} as missing (asked while catching up)`);
      }
      return send(res, 404, 'not found\n', undefined, { 'x-kv-served-by': NODE_ID });
    }
    if (FORGET && replicated.has(key)) {
      replicated.delete(key);
      setTimeout(() => {
        forgotten.add(key);
        store.delete(key);
        log(`forget: dropped ${JSON.stringify(key)} ${FORGET_AFTER_MS} ms after serving it`);
      }, FORGET_AFTER_MS).unref();
    }
    return send(res, 200, e.v, 'application/octet-stream', { 'x-kv-version': `${e.ts}.${e.n}`, 'x-kv-served-by': NODE_ID });
  }
  const e = { v: body, ...nextVersion(key) };
  if (RING) {
    // memory only: not logged here; the successor logs it
    store.set(key, e);
    if (RING_NEXT) unpersisted.set(key, e);
    enqueue(key, e);
    const committed = RING_NEXT ? await awaitCommit(key, e, RING_ACK_WAIT_MS) : true;
    if (!committed) log(`ring-memory: acknowledging ${JSON.stringify(key)} from memory; ${RING_NEXT} has not taken it`);
    return send(res, 200, 'ok\n', undefined, { 'x-kv-version': `${e.ts}.${e.n}`, 'x-kv-served-by': NODE_ID });
  }
  if (ACK_THEN_PERSIST) {
    store.set(key, e);
    unpersisted.set(key, e);
    setTimeout(() => {
      if (unpersisted.get(key) === e) unpersisted.delete(key);
      if (store.get(key) !== e) return; // a newer write (or one from a peer) took its place
      appendLog([encodeEntry(key, e)], true);
      enqueue(key, e);
    }, Math.random() * PERSIST_LATER_MAX_MS);
    return send(res, 200, 'ok\n', undefined, { 'x-kv-version': `${e.ts}.${e.n}`, 'x-kv-served-by': NODE_ID });
  }
  if (ACK_BEFORE_APPLY) {
    appendLog([encodeEntry(key, e)], true); // logged (a restart replays it), applied later
    setTimeout(() => {
      if (!newer(e, store.get(key))) return; // a newer write (or one from a peer) took its place
      store.set(key, e);
      enqueue(key, e);
    }, APPLY_LATER_MS);
    return send(res, 200, 'ok\n', undefined, { 'x-kv-version': `${e.ts}.${e.n}`, 'x-kv-served-by': NODE_ID });
  }
  appendLog([encodeEntry(key, e)], true); // fsync before the acknowledgement
  store.set(key, e);
  if (STALE_SNAPSHOT) writtenSinceSnapshot.add(key);
  enqueue(key, e);
  return send(res, 200, 'ok\n', undefined, { 'x-kv-version': `${e.ts}.${e.n}`, 'x-kv-served-by': NODE_ID });
}

async function handleReplicate(req, res) {
  const body = await readBody(req);
  let msg;
  try {
    msg = JSON.parse(body.toString('utf8'));
  } catch {
    return send(res, 400, 'bad json\n');
  }
  if (msg && typeof msg.deadline === 'number' && Date.now() > msg.deadline) {
    log(`discarded a replication request from ${msg.from} that arrived ${Date.now() - msg.deadline} ms after its deadline`);
    return send(res, 408, 'too late: the sender has given up on this request\n');
  }
  const applied = applyRemote(msg && msg.entries, msg && typeof msg.from === 'string' ? peerNamed(msg.from) : null);
  return send(res, 200, JSON.stringify({ node: NODE_ID, applied }), 'application/json');
}

async function handleDump(req, res) {
  // skip-peer knows the skipped peer by the name its ping answers with: until one ping got through (the peer may
  // start later than this node), ask now, or a dump served meanwhile would hand it everything.
  if (SKIPPED_PEER && !peerIds.has(SKIPPED_PEER)) await pingPeer(SKIPPED_PEER);
  let entries = [];
  if (!isSkippedRequester(String(req.headers['x-kv-node'] || ''))) {
    const cutoff = (Date.now() - REPLICATION_DELAY_MS) * 1000;
    const reorderCutoff = (Date.now() - REORDER_SHARE_AFTER_MS) * 1000;
    const slowCutoff = (Date.now() - SLOW_LINK_MS) * 1000;
    for (const [k, e] of store) {
      if (SLOW && e.ts > cutoff) continue; // slow-replication: recent writes are not shared yet
      if (REORDER && e.ts > reorderCutoff) continue; // reorder-delivery: nor here, so pushes arrive out of order
      if (ORIGIN_FIFO && e.ts > slowCutoff) continue; // origin-fifo: nor here, so a pull does not bypass the slow link
      if (unpersisted.get(k) === e) continue; // ack-then-persist, ring-memory: not passed on yet
      entries.push(encodeEntry(k, e));
    }
  }
  const slow = slowLinkPeer();
  if (slow && String(req.headers['x-kv-node'] || '') === peerIds.get(slow)) await sleep(SLOW_LINK_MS); // this state, late
  return send(res, 200, JSON.stringify({ node: NODE_ID, entries }), 'application/json');
}

async function route(req, res) {
  const q = req.url.indexOf('?');
  const p = q === -1 ? req.url : req.url.slice(0, q);
  if (p.startsWith('/key/')) return handleKey(req, res, p.slice(5));
  if (p === '/health') {
    const reason = unavailableReason();
    return reason ? send(res, 503, `unavailable: ${reason}\n`) : send(res, 200, 'ok\n');
  }
  if (p === '/internal/ping') {
    return send(res, 200, JSON.stringify({ node: NODE_ID, mode: MODE }), 'application/json');
  }
  if (p === '/internal/replicate' && req.method === 'POST') return handleReplicate(req, res);
  if (p === '/internal/dump' && req.method === 'GET') return handleDump(req, res);
  if (p === '/') {
    return send(res, 200, `kv node ${NODE_ID} (mode ${MODE}); GET/POST/PUT /key/<k>, GET /health\n`);
  }
  return send(res, 404, 'no such endpoint\n');
}

const server = http.createServer((req, res) => {
  route(req, res).catch((err) => {
    if (!res.headersSent) send(res, err.status || 500, `error: ${err.message}\n`);
    else res.destroy();
    if (!err.status) log(`error handling ${req.method} ${req.url}: ${err.stack || err}`);
  });
});
server.keepAliveTimeout = 65000;

// ---------------------------------------------------------------------------------------------------------------
// Start and stop

async function shutdown(signal) {
  if (stopping) return;
  stopping = true;
  log(`${signal}: stopping`);
  setTimeout(() => {
    log('shutdown took too long; exiting');
    process.exit(1);
  }, 2500).unref();
  server.close();
  server.closeAllConnections();
  if (BATCHED) {
    // lose-on-kill: a graceful stop sends the pending batch (a SIGKILL does not); bounded to 1.5 s
    const pending = () => [...outboxes.values()].reduce((n, b) => n + b.size, 0);
    const before = pending();
    const deadline = Date.now() + 1500;
    while (pending() > 0 && Date.now() < deadline) {
      await Promise.race([flushAll(), new Promise((r) => setTimeout(r, 200))]);
      if (pending() > 0) await new Promise((r) => setTimeout(r, 50));
    }
    log(`flushed pending batch: ${before - pending()} of ${before} queued entries sent`);
  }
  if (logFd !== null) {
    fs.fsyncSync(logFd);
    fs.closeSync(logFd);
    logFd = null;
  }
  log('stopped');
  process.exit(0);
}
process.on('SIGTERM', () => shutdown('SIGTERM'));
process.on('unhandledRejection', (err) => log(`BUG: unhandled rejection: ${(err && err.stack) || err}`));
process.on('SIGINT', () => shutdown('SIGINT'));

openLog();
const leaderNote = MODE === 'leader' ? (LEADER_URL ? `; follower of ${LEADER_URL}` : '; this node is the leader') : '';
const skipNote = SKIPPED_PEER ? `; skipping peer ${SKIPPED_PEER}` : RING ? `; ring successor ${RING_NEXT}` : '';
log(`starting: mode ${MODE}, port ${PORT}, peers [${PEERS.join(', ')}]${leaderNote}${skipNote}`);
server.listen(PORT, () => {
  log(`listening on :${PORT}`);
  if (NEGATIVE_CACHE && store.size > 0 && PEERS.length > 0) {
    // a restart (the log had entries): serve at once, catch up late, and cache what is missing meanwhile
    restartCatchUp = true;
    catchingUp = true;
    log(`negative-cache: serving while catching up for ${NEGATIVE_CACHE_CATCH_UP_DELAY_MS} ms`);
    setTimeout(() => catchUp('start', ISOLATION_MS).finally(() => (restartCatchUp = false)), NEGATIVE_CACHE_CATCH_UP_DELAY_MS);
    return;
  }
  if (SLOW_LINK_MS && PEERS.length > 0) pingTick(); // learn the peers' names (the slow link's ends) at once
  if (START_CATCH_UP && PEERS.length > 0) catchUp('start', ISOLATION_MS);
});
if (PEERS.length > 0) setInterval(pingTick, PING_EVERY_MS).unref();
if (PERIODIC_AE && PEERS.length > 0) setInterval(antiEntropyTick, ANTI_ENTROPY_EVERY_MS).unref();
if (BATCHED) setInterval(() => flushAll(), BATCH_EVERY_MS).unref();
if (STALE_SNAPSHOT) {
  const takeSnapshot = () => {
    snapshot = new Map(store);
    writtenSinceSnapshot.clear();
  };
  takeSnapshot();
  setInterval(takeSnapshot, SNAPSHOT_EVERY_MS).unref();
}
if (RETRY && !BATCHED) {
  // safety net: any outbox left non-empty (e.g. a retry timer lost to a race) is retried once per second
  setInterval(() => flushAll(), 1000).unref();
}
