export const id = 931;
export const ids = [931,384,242];
export const modules = {

/***/ 1384:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  COMPOSE_DEFAULT_NAMES: () => (/* binding */ COMPOSE_DEFAULT_NAMES),
  locateServices: () => (/* binding */ locateServices),
  nodeFiles: () => (/* binding */ nodeFiles),
  resolveComposeFiles: () => (/* binding */ resolveComposeFiles)
});

// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: ./src/inputs/errors.ts
var errors = __webpack_require__(1318);
// EXTERNAL MODULE: ./node_modules/yaml/dist/index.js
var dist = __webpack_require__(8815);
;// CONCATENATED MODULE: ./src/compose/lines.ts
// Finds the line of each service in a compose file, so an annotation about a service lands on its definition
// in the pull request diff. The yaml parser gives positions; Compose itself stays the authority on meaning.

function serviceLines(text) {
    const lines = new Map();
    const counter = new dist.LineCounter();
    let doc;
    try {
        doc = (0,dist.parseDocument)(text, { lineCounter: counter, uniqueKeys: false });
    }
    catch {
        return lines;
    }
    const services = doc.get('services', true);
    if (!(0,dist.isMap)(services))
        return lines;
    for (const pair of services.items) {
        const key = pair.key;
        if ((0,dist.isScalar)(key) && key.range) {
            lines.set(String(key.value), counter.linePos(key.range[0]).line);
        }
    }
    return lines;
}

;// CONCATENATED MODULE: ./src/engine/files.ts
// Resolves compose files as Compose would, and reads where each service is defined. Runs before anything starts.




/** Compose's own order of default file names. */
const COMPOSE_DEFAULT_NAMES = ['compose.yaml', 'compose.yml', 'docker-compose.yaml', 'docker-compose.yml'];
const nodeFiles = {
    exists: (path) => (0,promises_.access)(path, promises_.constants.R_OK).then(() => true, () => false),
    readText: (path) => (0,promises_.readFile)(path, 'utf8'),
};
async function resolveComposeFiles(options, files, cwd) {
    const directory = (0,external_node_path_.isAbsolute)(options.workingDirectory) ? options.workingDirectory : (0,external_node_path_.resolve)(cwd, options.workingDirectory);
    if (!(await files.exists(directory))) {
        throw new errors/* InputError */.d([
            {
                input: 'working-directory',
                message: `'${options.workingDirectory}' does not exist.`,
                fix: 'Point it at the folder that holds the compose file.',
            },
        ]);
    }
    if (options.composeFileDefaulted) {
        const primary = (0,external_node_path_.resolve)(directory, options.composeFiles[0]);
        if (await files.exists(primary))
            return { directory, files: [primary] };
        for (const name of COMPOSE_DEFAULT_NAMES) {
            const candidate = (0,external_node_path_.resolve)(directory, name);
            if (await files.exists(candidate))
                return { directory, files: [candidate] };
        }
        throw new errors/* InputError */.d([
            {
                input: 'compose-file',
                message: `no compose file found in ${directory} (looked for ${COMPOSE_DEFAULT_NAMES.join(', ')}).`,
                fix: "Set 'compose-file' to your compose file, or 'working-directory' to the folder that holds it.",
            },
        ]);
    }
    const out = [];
    const missing = [];
    for (const f of options.composeFiles) {
        const path = (0,external_node_path_.resolve)(directory, f);
        if (await files.exists(path))
            out.push(path);
        else
            missing.push(f);
    }
    if (missing.length > 0) {
        throw new errors/* InputError */.d([
            {
                input: 'compose-file',
                message: `${missing.map((m) => `'${m}'`).join(', ')} not found or not readable in ${directory}.`,
                fix: "Check the path (it is relative to 'working-directory') and that the file is checked out.",
            },
        ]);
    }
    return { directory, files: out };
}
/** The first file that defines each service (an override file usually repeats services; the base defines them). */
async function locateServices(files, paths) {
    const out = {};
    for (const file of paths) {
        const text = await files.readText(file).catch(() => '');
        for (const [service, line] of serviceLines(text)) {
            if (!(service in out))
                out[service] = { file, line };
        }
    }
    return out;
}


/***/ }),

/***/ 6931:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  claimNotice: () => (/* binding */ claimNotice),
  runEngine: () => (/* binding */ runEngine)
});

// EXTERNAL MODULE: ./src/inputs/errors.ts
var errors = __webpack_require__(1318);
// EXTERNAL MODULE: ./src/compose/driver.ts + 2 modules
var driver = __webpack_require__(2641);
;// CONCATENATED MODULE: ./src/compose/ports.ts
const LOOPBACK_NAMES = new Set(['localhost', '127.0.0.1', '::1', 'ip6-localhost']);
const WILDCARDS = new Set(['0.0.0.0', '::', '']);
function hostMatches(urlHost, hostIp) {
    const host = urlHost.toLowerCase();
    if (WILDCARDS.has(hostIp))
        return true;
    if (host === hostIp)
        return true;
    // A binding to any loopback address is what a URL naming localhost reaches.
    return LOOPBACK_NAMES.has(host) && (hostIp.startsWith('127.') || hostIp === '::1');
}
function mapServers(servers, bindings) {
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
function bindingsFromInspect(containers) {
    const out = [];
    for (const c of containers) {
        const service = c.Config?.Labels?.['com.docker.compose.service'];
        if (!service)
            continue;
        for (const [key, hostBindings] of Object.entries(c.NetworkSettings?.Ports ?? {})) {
            const containerPort = Number.parseInt(key, 10);
            for (const hb of hostBindings ?? []) {
                out.push({ service, containerPort, hostIp: hb.HostIp ?? '', hostPort: Number(hb.HostPort) });
            }
        }
    }
    return out;
}

// EXTERNAL MODULE: ./src/model/result.ts
var result = __webpack_require__(2960);
// EXTERNAL MODULE: ./src/engine/errors.ts
var engine_errors = __webpack_require__(7679);
// EXTERNAL MODULE: ./src/engine/files.ts + 1 modules
var files = __webpack_require__(1384);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: external "node:url"
var external_node_url_ = __webpack_require__(3136);
// EXTERNAL MODULE: ./src/checks/kv-api.ts + 1 modules
var kv_api = __webpack_require__(8895);
// EXTERNAL MODULE: external "node:worker_threads"
var external_node_worker_threads_ = __webpack_require__(5919);
// EXTERNAL MODULE: ./src/util/text.ts
var util_text = __webpack_require__(9997);
;// CONCATENATED MODULE: ./src/checks/adapter-worker.ts
// Runs a user's adapter module (see adapter-module.ts) in a worker thread, so that a module that never yields (a
// synchronous loop, a blocking call) holds neither the run nor its signal handlers: at a call's deadline the main
// thread answers for it, and the worker is terminated and replaced. Calls and their results are messages; the
// module's `fetch` is a message too, answered by the main thread, which alone speaks HTTP (the run's headers,
// timeouts and redaction stay in one place).
//
// The worker's code is the string below, started with `new Worker(code, { eval: true })`. Why a string: the action
// runs from one ncc bundle (dist/, ESM) and the unit tests run the TypeScript through tsx; a separate worker file
// would need its own path in each, and a function's source (fn.toString()) carries whatever helpers the transpiler
// adds. The string is plain JavaScript that is valid both as a CommonJS script (how Node evaluates `eval` workers)
// and as a module: no import or require, no top-level await, only `import()`, which the user's module needs anyway.


const WORKER_SOURCE = String.raw `(async () => {
  const { parentPort, workerData } = await import('node:worker_threads');
  const text = (error) => {
    try {
      return String(error instanceof Error ? error.message : error).slice(0, 10000);
    } catch {
      return 'something that cannot be shown as text';
    }
  };
  let mod;
  try {
    mod = await import(workerData.url);
  } catch (error) {
    parentPort.postMessage({ type: 'failed', message: text(error) });
    return;
  }
  const exports = {};
  for (const name of Object.keys(mod)) {
    try {
      exports[name] = typeof mod[name];
    } catch {
      exports[name] = 'uninitialized';
    }
  }
  const calls = new Map();
  const fetches = new Map();
  let fetchIds = 0;
  const strings = (h) => typeof h === 'object' && h !== null && Object.values(h).every((v) => typeof v === 'string');
  const fetchFor = (call) => (target, init = {}) =>
    new Promise((resolve, reject) => {
      const request = {
        target: typeof target === 'string' ? target : null,
        method: init.method === undefined || init.method === null ? 'GET' : String(init.method),
        headers: strings(init.headers) ? { ...init.headers } : {},
        body: typeof init.body === 'string' ? init.body : init.body instanceof Uint8Array ? new Uint8Array(init.body) : undefined,
      };
      const id = ++fetchIds;
      fetches.set(id, { resolve, reject });
      parentPort.postMessage({ type: 'fetch', id, call, request });
    });
  const response = (status, bytes) => {
    const body = () => Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('utf8');
    return { status, body: new Uint8Array(bytes), text: body, json: () => JSON.parse(body()) };
  };
  const shape = (v) => {
    if (v === null || v === undefined || typeof v === 'boolean' || typeof v === 'string') return { value: v };
    if (v instanceof Uint8Array) return { value: new Uint8Array(v) };
    if (typeof v === 'object' && !Array.isArray(v) && typeof v.refused === 'string') return { value: { refused: text(v.refused) } };
    return { described: Array.isArray(v) ? 'an array' : 'a ' + typeof v };
  };
  const reason = (m) =>
    m === 'timeout'
      ? new DOMException('The adapter call ran out of time', 'TimeoutError')
      : new DOMException('The run was cancelled', 'AbortError');
  const run = (m) => {
    const controller = new AbortController();
    if (m.aborted) controller.abort(reason('abort'));
    calls.set(m.id, controller);
    Promise.resolve()
      .then(() => mod[m.name]({ ...m.args, fetch: fetchFor(m.id), signal: controller.signal }))
      .then(shape, (error) => ({ threw: text(error) }))
      .catch(() => ({ described: 'something that cannot be read' }))
      .then((r) => {
        calls.delete(m.id);
        try {
          parentPort.postMessage({ type: 'done', id: m.id, ...r });
        } catch {
          parentPort.postMessage({ type: 'done', id: m.id, described: 'something that cannot be sent' });
        }
      });
  };
  parentPort.on('message', (m) => {
    if (m.type === 'call') run(m);
    else if (m.type === 'abort') calls.get(m.id)?.abort(reason(m.reason));
    else if (m.type === 'fetched') {
      const f = fetches.get(m.id);
      if (!f) return;
      fetches.delete(m.id);
      if (m.error !== undefined) f.reject(m.typeError ? new TypeError(m.error) : new Error(m.error));
      else f.resolve(response(m.status, m.body));
    }
  });
  parentPort.postMessage({ type: 'ready', exports });
})();
`;
/** A value the worker could only describe (a number, an object, ...): enough to say what was wrong with it. */
class Described {
    description;
    constructor(description) {
        this.description = description;
    }
}
/** Error text from the worker or the module: one line, inert, bounded. */
function bounded(text) {
    return (0,util_text/* oneLine */.TN)(text).slice(0, 300);
}
// After the run is cancelled, how long a call has to notice its aborted signal before it is given up.
const CANCEL_GRACE_MS = 500;
/** One worker thread with the module loaded in it. */
class AdapterThread {
    onRetire;
    loaded;
    worker;
    pending = new Map();
    ids = 0;
    retired = false;
    gone;
    onLoad = () => undefined;
    constructor(url, loadTimeoutMs, onRetire) {
        this.onRetire = onRetire;
        this.loaded = new Promise((resolve) => (this.onLoad = resolve));
        const timer = setTimeout(() => this.stop(`did not finish loading within ${loadTimeoutMs / 1000} s`), loadTimeoutMs);
        void this.loaded.then(() => clearTimeout(timer));
        this.worker = new external_node_worker_threads_.Worker(WORKER_SOURCE, { eval: true, workerData: { url } });
        this.worker.on('message', (m) => this.received(m));
        this.worker.on('error', (e) => this.stop(`failed: ${bounded(e instanceof Error ? e.message : String(e))}`));
        this.worker.on('exit', (code) => this.stop(`exited with code ${code}`));
        // An idle worker must not keep Replicheck alive (a call in flight has its deadline timer for that). After the
        // listeners: adding a 'message' listener refs the worker again.
        this.worker.unref();
    }
    received(m) {
        if (typeof m !== 'object' || m === null)
            return;
        if (m.type === 'ready')
            this.onLoad({ exports: { ...m.exports } });
        else if (m.type === 'failed')
            this.stop(`could not be loaded: ${bounded(String(m.message))}`);
        else if (m.type === 'done') {
            const p = this.pending.get(m.id);
            if (!p)
                return;
            if (m.threw !== undefined)
                p.settle({ error: `adapter ${p.name} threw: ${bounded(String(m.threw))}` });
            else
                p.settle({ value: m.described !== undefined ? new Described(String(m.described)) : m.value });
        }
        else if (m.type === 'fetch')
            this.fetch(m);
    }
    fetch(m) {
        const reply = (r) => this.post({ type: 'fetched', id: m.id, ...r });
        const p = this.pending.get(m.call);
        if (!p)
            return reply({ error: 'the adapter call this request belongs to has ended', typeError: false });
        p.fetch(m.request.target, m.request).then((r) => reply({ status: r.status, body: r.body }), (e) => reply({ error: e instanceof Error ? e.message : String(e), typeError: e instanceof TypeError }));
    }
    post(message) {
        if (this.gone !== undefined)
            return;
        try {
            this.worker.postMessage(message);
        }
        catch {
            // The worker is exiting; its 'exit' settles whatever is pending.
        }
    }
    /** Runs one function of the module under the call's deadline. */
    call(req) {
        if (this.gone !== undefined)
            return Promise.resolve({ error: `adapter ${req.name} could not run: the module's worker ${this.gone}` });
        return new Promise((resolve) => {
            const id = ++this.ids;
            const deadline = new AbortController();
            const timers = [];
            const expire = (error) => {
                deadline.abort(new DOMException('The adapter call ran out of time', 'TimeoutError'));
                this.post({ type: 'abort', id, reason: 'timeout' });
                settle({ error });
                // It may be stuck in a loop that only termination ends: later calls go to a fresh worker, and this one
                // ends as soon as the calls still in it have settled or reached their own deadlines.
                this.retire();
            };
            // A cancelled run stops waiting soon: the module has a moment to see its signal, not the whole deadline.
            const onAbort = () => {
                this.post({ type: 'abort', id, reason: 'abort' });
                timers.push(setTimeout(() => expire(`adapter ${req.name} did not finish: the run was cancelled`), CANCEL_GRACE_MS));
            };
            timers.push(setTimeout(() => expire(`adapter ${req.name} did not finish within ${req.deadlineMs / 1000} s`), req.deadlineMs));
            const settle = (r) => {
                if (!this.pending.delete(id))
                    return;
                for (const t of timers)
                    clearTimeout(t);
                req.signal?.removeEventListener('abort', onAbort);
                resolve(r);
                if (this.retired && this.pending.size === 0)
                    this.stop('was replaced after a call did not finish');
            };
            const signal = req.signal ? AbortSignal.any([req.signal, deadline.signal]) : deadline.signal;
            this.pending.set(id, { name: req.name, fetch: req.fetchFor(signal), settle });
            this.post({ type: 'call', id, name: req.name, args: req.args, aborted: req.signal?.aborted === true });
            if (req.signal?.aborted)
                onAbort();
            else
                req.signal?.addEventListener('abort', onAbort, { once: true });
        });
    }
    retire() {
        if (this.retired)
            return;
        this.retired = true;
        this.onRetire(this);
    }
    /** Ends the worker; whatever is still pending fails with the reason. */
    stop(why) {
        if (this.gone !== undefined)
            return;
        this.gone = why;
        this.onLoad({ problem: why });
        this.retire();
        void this.worker.terminate();
        for (const p of [...this.pending.values()])
            p.settle({ error: `adapter ${p.name} did not finish: the module's worker ${why}` });
    }
}
/** The module's worker: started on load, replaced when a call runs out of time or the worker stops. */
class AdapterHost {
    url;
    loadTimeoutMs;
    current;
    constructor(url, loadTimeoutMs) {
        this.url = url;
        this.loadTimeoutMs = loadTimeoutMs;
    }
    thread() {
        if (!this.current) {
            const t = new AdapterThread(this.url, this.loadTimeoutMs, (gone) => {
                if (this.current === gone)
                    this.current = undefined;
            });
            this.current = t;
        }
        return this.current;
    }
    /** Loads the module in the first worker: its exports, or why it cannot serve. */
    load() {
        return this.thread().loaded;
    }
    async call(req) {
        const t = this.thread();
        const loaded = await t.loaded;
        if ('problem' in loaded)
            return { error: `adapter ${req.name} could not run: the module ${loaded.problem}` };
        return t.call(req);
    }
    close() {
        this.current?.stop('was closed');
    }
}

// EXTERNAL MODULE: ./src/http/port-probe.ts
var port_probe = __webpack_require__(2242);
;// CONCATENATED MODULE: ./src/checks/adapter-module.ts
// A user's ES module as the API to the nodes (input `adapter`), for APIs no template can describe, e.g. CouchDB,
// where an update must carry the document's current revision. The module exports
//   write({ url, key, value, fetch, signal }) -> true (acknowledged) | false (refused)
//   read({ url, key, fetch, signal })         -> string | Uint8Array (the value) | null (no such key)
//   cas({ url, key, expected, value, fetch, signal }) -> true (swapped) | false (the value was not `expected`)
//   ready({ url, fetch, signal })              -> true (serving) | false (not yet); optional
// A write or cas may also refuse with a reason, `{ refused: 'READONLY ...' }`, which the report shows. `url` is the
// server as written, of any scheme: a module may speak any protocol, with dependencies of its own that Node resolves
// from the module's folder. Without `ready`, a node of a non-HTTP URL is ready once a TCP connection to it holds.
// `value` and `expected` are strings, or Uint8Arrays with value-format bytes. `fetch(pathOrUrl, init)` is
// Replicheck's HTTP client: the run's request timeout, body cap and headers (masked) apply, a path is taken
// relative to the node's URL, and it resolves to { status, body, text(), json() } or rejects on a network error.
// Whatever a function throws, returns wrongly, or takes too long for becomes a failed request with a bounded,
// inert message, never a crash. The module runs in a worker thread (adapter-worker.ts), so that one that never
// yields is ended at the deadline instead of holding the run.




// Importing the module (and what it imports) is bounded too: one whose top level never finishes is refused.
const LOAD_TIMEOUT_MS = 20_000;
/** Loads the module in a worker and checks its shape; the problem, in one sentence, when it cannot serve. */
async function loadAdapter(path, options = {}) {
    // Not bundled: the module is the user's, loaded from disk at run time, in the worker.
    const host = new AdapterHost((0,external_node_url_.pathToFileURL)(path).href, options.loadTimeoutMs ?? LOAD_TIMEOUT_MS);
    const loaded = await host.load();
    if ('problem' in loaded)
        return loaded;
    const kinds = loaded.exports;
    const problem = shapeProblem(kinds);
    if (problem) {
        host.close();
        return { problem };
    }
    const fn = (name) => (request) => host.call({ ...request, name });
    const optional = ['cas', 'ready'].filter((name) => kinds[name] === 'function');
    return { functions: { write: fn('write'), read: fn('read'), ...Object.fromEntries(optional.map((name) => [name, fn(name)])) } };
}
/** What is wrong with the module's exports (by name and typeof), if anything. */
function shapeProblem(kinds) {
    const missing = ['write', 'read'].filter((name) => kinds[name] !== 'function');
    if (missing.length > 0)
        return `does not export ${missing.join(' and ')} as function(s) (it exports ${Object.keys(kinds).join(', ') || 'nothing'})`;
    for (const name of ['cas', 'ready']) {
        if (kinds[name] !== undefined && kinds[name] !== 'undefined' && kinds[name] !== 'function')
            return `exports ${name}, but not as a function`;
    }
    return undefined;
}
const failure = (error) => ({ ok: false, error, durationMs: 0 });
const answer = (body) => ({ ok: true, status: 200, body, truncated: false, durationMs: 0 });
/** The `fetch` a module gets: requests to the node with the run's headers and timeout, answers redacted. */
function adapterFetch(http, o, baseUrl, signal) {
    return async (target, init) => {
        if (typeof target !== 'string')
            throw new TypeError('fetch needs a URL or a path as a string');
        const url = target.startsWith('/') ? `${baseUrl}${target}` : target;
        const method = String(init.method ?? 'GET').toUpperCase();
        if (!['GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'HEAD'].includes(method))
            throw new TypeError(`fetch does not send ${method} requests`);
        const headers = { ...(isStringRecord(init.headers) ? init.headers : {}), ...o.headers };
        const body = typeof init.body === 'string' || init.body instanceof Uint8Array ? Buffer.from(init.body) : undefined;
        const request = { method: method, url, headers, timeoutMs: o.requestTimeoutMs, signal };
        const r = (0,kv_api/* redact */.E$)(await http.send({ ...request, ...(body ? { body } : {}) }), o.secrets);
        if (!r.ok)
            throw new Error(r.error);
        return { status: r.status, body: new Uint8Array(r.body) };
    };
}
function moduleKvApi(fns, http, o) {
    // A call may make several requests (read a revision, then write): three request timeouts bound it.
    const deadlineMs = 3 * o.requestTimeoutMs;
    const call = (fn, baseUrl, args, signal) => fn({ args: { url: baseUrl, ...args }, deadlineMs, fetchFor: (s) => adapterFetch(http, o, baseUrl, s), ...(signal ? { signal } : {}) });
    const arg = (v) => (o.codec.format === 'bytes' ? new Uint8Array(o.codec.toBytes(v)) : v);
    return {
        codec: o.codec,
        async write(baseUrl, key, value, signal) {
            const r = await call(fns.write, baseUrl, { key, value: arg(value) }, signal);
            // A throw (or a wrong answer) says nothing of whether the store applied it; `false` is the module's refusal.
            if ('error' in r)
                return { acked: false, result: 'indeterminate', outcome: failure(r.error) };
            const reason = refusalOf(r.value);
            if (reason !== undefined)
                return { acked: false, result: 'refused', outcome: refusal(`adapter write refused: ${reason}`) };
            if (typeof r.value !== 'boolean') {
                const outcome = failure(`adapter write returned ${describe(r.value)}, not true or false`);
                return { acked: false, result: 'indeterminate', outcome };
            }
            if (r.value)
                return { acked: true, result: 'acked', outcome: answer(Buffer.alloc(0)) };
            return { acked: false, result: 'refused', outcome: refusal('adapter write returned false') };
        },
        async read(baseUrl, key, signal) {
            const r = await call(fns.read, baseUrl, { key }, signal);
            if ('error' in r)
                return { outcome: failure(r.error), value: undefined };
            if (r.value === null)
                return { outcome: { ok: true, status: 404, body: Buffer.alloc(0), truncated: false, durationMs: 0 }, value: null };
            if (typeof r.value === 'string' || r.value instanceof Uint8Array) {
                const bytes = typeof r.value === 'string' ? Buffer.from(r.value, 'utf8') : Buffer.from(r.value);
                return { outcome: answer(bytes), value: bytes };
            }
            return { outcome: failure(`adapter read returned ${describe(r.value)}, not a string, a Uint8Array or null`), value: undefined };
        },
        async probe(baseUrl, signal) {
            if (fns.ready)
                return readyOutcome(await call(fns.ready, baseUrl, {}, signal));
            // No HTTP request can ask a node of another protocol, and a read of the probe key might not either (a
            // module that connects lazily could answer from a connection it has not made): a TCP connection says it.
            const url = new URL(baseUrl);
            if (url.protocol !== 'http:' && url.protocol !== 'https:') {
                return (0,port_probe.connectProbe)(url.hostname.replace(/^\[|\]$/g, ''), Number(url.port), o.requestTimeoutMs, signal);
            }
            // A serving node is one whose adapter can read (a missing key is an answer too).
            return (await this.read(baseUrl, kv_api/* PROBE_KEY */.B8, signal)).outcome;
        },
        ...(fns.cas
            ? {
                cas: async (baseUrl, key, expected, value, signal) => {
                    const r = await call(fns.cas, baseUrl, { key, expected: arg(expected), value: arg(value) }, signal);
                    if ('error' in r)
                        return { result: 'unknown', outcome: failure(r.error) };
                    const reason = refusalOf(r.value);
                    if (reason !== undefined)
                        return { result: 'refused', outcome: refusal(`adapter cas refused: ${reason}`) };
                    if (typeof r.value !== 'boolean')
                        return { result: 'unknown', outcome: failure(`adapter cas returned ${describe(r.value)}, not true or false`) };
                    return { result: r.value ? 'swapped' : 'not-swapped', outcome: answer(Buffer.alloc(0)) };
                },
            }
            : {}),
    };
}
// A refusal has the shape of an HTTP refusal (409, in the default refusal-statuses), so reports read alike.
const refusal = (text) => ({ ok: true, status: 409, body: Buffer.from(text), truncated: false, durationMs: 0 });
/** The reason of a `{ refused: '...' }` answer (the worker passed its text through as a one-field object). */
function refusalOf(v) {
    if (typeof v !== 'object' || v === null || v instanceof Described || v instanceof Uint8Array)
        return undefined;
    const reason = v.refused;
    return typeof reason === 'string' ? bounded(reason) : undefined;
}
/** `ready`'s answer as a probe outcome: true serves, false is a 503 (not yet), anything else is no answer. */
function readyOutcome(r) {
    if ('error' in r)
        return failure(r.error);
    if (r.value === true)
        return answer(Buffer.alloc(0));
    if (r.value === false)
        return { ok: true, status: 503, body: Buffer.from('adapter ready returned false'), truncated: false, durationMs: 0 };
    return failure(`adapter ready returned ${describe(r.value)}, not true or false`);
}
function isStringRecord(v) {
    return typeof v === 'object' && v !== null && Object.values(v).every((x) => typeof x === 'string');
}
function describe(v) {
    if (v instanceof Described)
        return v.description;
    if (v === undefined)
        return 'nothing';
    if (v === null)
        return 'null';
    if (typeof v === 'string')
        return `a string`;
    return Array.isArray(v) ? 'an array' : `a ${typeof v}`;
}

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:os"
var external_node_os_ = __webpack_require__(8161);
// EXTERNAL MODULE: ./src/faults/clock.ts
var clock = __webpack_require__(3239);
// EXTERNAL MODULE: ./src/faults/kinds/index.ts + 8 modules
var kinds = __webpack_require__(577);
// EXTERNAL MODULE: ./src/faults/netns.ts
var netns = __webpack_require__(5565);
;// CONCATENATED MODULE: ./src/faults/needs.ts
// What the chosen faults need of this machine, checked before anything starts (each missing piece an input error
// naming the faults that need it), and what is prepared for them once nothing else can fail. Kinds declare their
// needs (kinds/); this is the one place that knows how to check and provide each.







const problem = (message, fix) => new errors/* InputError */.d([{ input: 'faults', message, fix }]);
async function checkNeeds(specs, deps) {
    const needing = (need) => [...new Set(specs.filter((s) => (0,kinds/* describeKind */.SB)(s.kind).needs.includes(need)).map((s) => s.name))].join(', ');
    const netns = needing('netns') !== '' ? await checkNetns(needing('netns'), needing('netem'), deps) : undefined;
    const faketimeDir = needing('faketime') !== '' ? await checkFaketime(needing('faketime'), deps) : undefined;
    return { ...(netns ? { netns } : {}), ...(faketimeDir ? { faketimeDir } : {}) };
}
/**
 * Faults inside network namespaces need root (or passwordless sudo), nsenter and iptables; netem needs tc, unshare
 * and the queueing discipline in the kernel.
 */
async function checkNetns(names, netemNames, deps) {
    const asRoot = deps.isRoot();
    if (!asRoot && (await deps.exec.run('sudo', ['-n', 'true'], { timeoutMs: 10_000 })).code !== 0) {
        throw problem(`${names} change packet filters inside the containers' network namespaces, which needs root, ` +
            'and this user (not root) has no passwordless sudo.', 'Run as root, or give the user passwordless sudo (GitHub-hosted runners have it), or drop these faults.');
    }
    const ns = (0,netns/* netnsRunner */.Vs)(deps.exec, asRoot);
    const tools = ['nsenter', 'iptables', ...(netemNames !== '' ? ['tc', 'unshare'] : [])];
    const missing = [];
    for (const tool of tools)
        if ((await ns.root(['sh', '-c', `command -v ${tool}`])).code !== 0)
            missing.push(tool);
    if (missing.length > 0) {
        throw problem(`${names} need ${missing.join(', ')}, which ${missing.length === 1 ? 'is' : 'are'} not installed.`, 'Install util-linux (nsenter, unshare), iptables and iproute2 (tc), e.g. apt-get install iptables iproute2.');
    }
    if (netemNames !== '') {
        const netem = await (0,netns/* probeNetem */.Sl)(ns);
        if (!netem.ok) {
            throw problem(`${netemNames} needs the netem queueing discipline, which this kernel does not have (tc: ${netem.detail}).`, 'Run on a machine whose kernel has sch_netem (GitHub-hosted runners usually do; modprobe sch_netem), or use loss instead.');
        }
    }
    return ns;
}
async function checkFaketime(names, deps) {
    const lib = await (0,clock/* findFaketime */.Io)(deps.exists);
    if (!lib) {
        throw problem(`${names} needs libfaketime on this machine (${clock/* FAKETIME_LIB */.DN} in ${clock/* FAKETIME_DIRS */.oK[0]} or similar), and it is not installed.`, 'Install it (apt-get install libfaketime), or drop the clock fault. It works for dynamically linked glibc programs only.');
    }
    return lib;
}
/**
 * Called last in preflight, once nothing else can fail: the clock fault's files live in a temporary directory that
 * only the engine's teardown (or the post step) removes, and its override names the targets, so they must already
 * be known services.
 */
async function prepareNeeds(equipment, targets, projectName) {
    if (equipment.faketimeDir === undefined)
        return { composeOverrides: [] };
    const dir = await (0,promises_.mkdtemp)((0,external_node_path_.join)((0,external_node_os_.tmpdir)(), `replicheck-clock-${projectName}-`));
    await (0,promises_.chmod)(dir, 0o755);
    for (const service of targets)
        await (0,clock/* setOffset */.sf)(dir, service, 0);
    const override = (0,external_node_path_.join)(dir, 'compose.clock.yml');
    await (0,promises_.writeFile)(override, (0,clock/* clockOverride */.FG)(targets, equipment.faketimeDir, dir));
    return { composeOverrides: [override], clockDir: dir };
}

// EXTERNAL MODULE: ./src/inputs/writers.ts
var inputs_writers = __webpack_require__(1693);
;// CONCATENATED MODULE: ./src/engine/preflight.ts









const LOOPBACK = /^(localhost|127\.\d+\.\d+\.\d+|::1)$/i;
async function preflight(options, deps, cwd, onFiles) {
    const { exec, log } = deps;
    const located = await (0,files.resolveComposeFiles)(options, deps.files, cwd);
    onFiles(located.directory, located.files);
    const adapter = options.kv.module !== undefined ? await loadAdapterModule(options, deps, located.directory) : undefined;
    const dockerVersion = await (0,driver/* checkDocker */.dN)(exec);
    const command = await (0,driver/* detectCompose */.ib)(exec, options.composeVersion);
    log.info(`Docker engine ${dockerVersion}; using Compose ${command.kind} ` +
        `(${command.kind === 'v2' ? 'docker compose' : 'docker-compose'} ${command.version}).`);
    const equipment = await checkNeeds(options.faults.specs, { exec, isRoot: deps.isRoot, exists: deps.files.exists });
    const project = { name: options.projectName, files: located.files, directory: located.directory };
    const resolved = await new driver/* Compose */.Lo(exec, command, project).resolve();
    const misnamed = options.servers.filter((s) => s.name !== undefined && !resolved.services.includes(s.name));
    const problems = [
        ...unknownTargets(options, resolved.services),
        ...partitionNetworkProblems(options, resolved),
        ...writerProblems(options, resolved),
        ...(misnamed.length > 0
            ? [
                {
                    input: 'servers',
                    message: `${misnamed.map((s) => `'${s.name}'`).join(', ')} ` +
                        `${misnamed.length === 1 ? 'is not a service' : 'are not services'} of the compose project.`,
                    fix: `With cluster: compose a server's name is its service: use one of ${resolved.services.join(', ')}.`,
                },
            ]
            : []),
    ];
    if (problems.length > 0)
        throw new errors/* InputError */.d(problems);
    const serviceLocations = await (0,files.locateServices)(deps.files, located.files);
    checkServersArePublished(options, resolved, log);
    const taken = [];
    for (const s of options.servers) {
        if (LOOPBACK.test(s.host) && (await deps.isListening(s.host, s.port)))
            taken.push(`${s.host}:${s.port}`);
    }
    if (taken.length > 0) {
        throw new driver/* SetupError */.w3(`Port(s) ${taken.join(', ')} are already in use by something else before the cluster started.`, 'Stop whatever listens there (an earlier run, another service), or publish the cluster on free ports and list those.', 'servers');
    }
    const prepared = await prepareNeeds(equipment, options.faults.targets, options.projectName);
    const compose = new driver/* Compose */.Lo(exec, command, { ...project, files: [...located.files, ...prepared.composeOverrides] });
    return {
        ...(adapter ? { adapter } : {}),
        ...(equipment.netns ? { netns: equipment.netns } : {}),
        ...(prepared.clockDir ? { clockDir: prepared.clockDir } : {}),
        compose,
        directory: located.directory,
        composeFiles: located.files,
        services: resolved.services,
        serviceLocations,
    };
}
/** The adapter module, loaded before anything starts: a missing file or a wrong shape is an input error. */
async function loadAdapterModule(options, deps, directory) {
    const given = options.kv.module;
    const path = (0,external_node_path_.isAbsolute)(given) ? given : (0,external_node_path_.resolve)(directory, given);
    if (!(await deps.files.exists(path))) {
        throw new errors/* InputError */.d([
            {
                input: 'adapter',
                message: `'${given}' not found (looked for ${path}).`,
                fix: 'Give the path of the module relative to working-directory.',
            },
        ]);
    }
    const loaded = await loadAdapter(path);
    if ('problem' in loaded) {
        throw new errors/* InputError */.d([
            {
                input: 'adapter',
                message: `'${given}' ${loaded.problem}.`,
                fix: 'Export async functions write({ url, key, value, fetch }) and read({ url, key, fetch }), and optionally ' +
                    'cas({ url, key, expected, value, fetch }) and ready({ url, signal }); see docs/stores-and-adapters.md and ' +
                    'docs/primary-replica.md.',
            },
        ]);
    }
    if (options.workload?.model === 'cas-register' && !loaded.functions.cas) {
        throw new errors/* InputError */.d([
            {
                input: 'workload',
                message: `cas-register needs a compare-and-set, and the adapter module '${given}' exports no cas.`,
                fix: "Export cas({ url, key, expected, value, fetch }) from the module, or use workload 'register'.",
            },
        ]);
    }
    return loaded.functions;
}
/**
 * Every entry of `writers` must name a node: a server's URL or name, or the service a server maps to by its
 * published port (as the nodes will be mapped once the project is up).
 */
function writerProblems(options, resolved) {
    if (options.writers === undefined)
        return [];
    const mapped = mapServers(options.servers, resolved.published);
    const nodes = options.servers.map((s, i) => {
        const service = s.name ?? mapped[i].service;
        return { url: s.url, label: s.name ?? service ?? `${s.host}:${s.port}`, ...(service ? { service } : {}) };
    });
    // Ports Docker picks at random are known only once the project is up: a service is then checked when mapped.
    const unmatched = (0,inputs_writers/* resolveWriters */.pu)(options.writers, nodes).unmatched.filter((u) => !(resolved.hasRandomPorts && resolved.services.includes(u)));
    if (unmatched.length === 0)
        return [];
    const served = [...new Set(nodes.flatMap((n) => (n.service ? [n.service] : [])))];
    const services = unmatched.filter((u) => resolved.services.includes(u));
    const why = services.length > 0
        ? ` (${services.join(', ')} ${services.length === 1 ? 'is a service' : 'are services'} of the project, but no server is ` +
            `published by ${services.length === 1 ? 'it' : 'them'})`
        : '';
    return [
        {
            input: 'writers',
            message: `${unmatched.map((u) => `'${u}'`).join(', ')} ${unmatched.length === 1 ? 'names no node' : 'name no node'}${why}.`,
            fix: `Name the service of a server (${served.join(', ') || 'none maps to a service yet'}), a server name (name=url), or a URL ` +
                'as listed in servers; list the server of each writer in servers.',
        },
    ];
}
/** Every service named as a target must be a service of the project. */
function unknownTargets(options, services) {
    const named = [
        ['restart-target', options.restartTarget === undefined ? [] : [options.restartTarget]],
        // An explicit schedule names its targets on its lines: a wrong one is a problem with that input.
        [
            options.faults.schedule === 'explicit' ? 'fault-schedule' : 'fault-targets',
            options.faults.specs.length > 0 ? options.faults.targets : [],
        ],
    ];
    return named.flatMap(([input, names]) => {
        const missing = names.filter((n) => !services.includes(n));
        if (missing.length === 0)
            return [];
        const what = missing.length === 1 ? 'is not a service' : 'are not services';
        return [
            {
                input,
                message: `${missing.map((t) => `'${t}'`).join(', ')} ${what} of the compose project.`,
                fix: `Use one of: ${services.join(', ')}.`,
            },
        ];
    });
}
/**
 * A loopback URL whose port no service will publish can never answer with the cluster's data: say so now rather
 * than after the startup timeout. With ports Docker picks at random the list is incomplete, so only warn then.
 */
function checkServersArePublished(options, resolved, log) {
    const mapped = mapServers(options.servers, resolved.published);
    const missing = mapped.filter((m, i) => m.match === 'none' && LOOPBACK.test(options.servers[i].host));
    if (missing.length === 0)
        return;
    const ports = resolved.published.map((b) => `${b.hostPort} (${b.service})`).join(', ') || 'none';
    const message = `${missing.map((m) => m.url).join(', ')} ${missing.length === 1 ? 'is' : 'are'} not published by any service of ` +
        `the project (published ports: ${ports}).`;
    if (resolved.hasRandomPorts) {
        log.warn(message);
        return;
    }
    throw new errors/* InputError */.d([
        { input: 'servers', message, fix: 'List the URLs of the ports the compose file publishes, or publish the port in the compose file.' },
    ]);
}
/** Every network `partition-networks` names must be one each fault target is on: found now, not mid-run. */
function partitionNetworkProblems(options, resolved) {
    const wanted = options.faults.partitionNetworks;
    if (!options.faults.specs.some((s) => (0,kinds/* describeKind */.SB)(s.kind).cutsNetworks) || wanted.length === 0)
        return [];
    return options.faults.targets.flatMap((service) => {
        const on = resolved.networks[service] ?? [];
        // Docker's full name of a compose network is `<project>_<name>`; both spellings are accepted.
        const missing = wanted.filter((n) => !on.some((a) => a === n || `${options.projectName}_${a}` === n));
        if (missing.length === 0)
            return [];
        return [
            {
                input: 'partition-networks',
                message: `${service} is not attached to ${missing.join(', ')} (it is on ${on.join(', ') || 'no network'}).`,
                fix: 'Name networks the service is attached to, as in the compose file, or leave partition-networks empty to cut all of them.',
            },
        ];
    });
}

// EXTERNAL MODULE: ./src/faults/commands.ts
var commands = __webpack_require__(4127);
;// CONCATENATED MODULE: ./src/engine/recorder.ts

class RunRecorder {
    clock;
    log;
    phases = [];
    checks = [];
    errors = [];
    logs = [];
    t0;
    constructor(clock, log) {
        this.clock = clock;
        this.log = log;
        this.t0 = clock.now();
    }
    /** Milliseconds since the run started. */
    since = () => this.clock.now() - this.t0;
    /** Runs one phase of the timeline; `ok` says from its value whether it passed. A throw fails it and goes on up. */
    phase = async (name, fn, ok = () => true) => {
        const start = this.since();
        this.log.phase?.(name, 'start');
        try {
            const value = await fn();
            const good = ok(value);
            this.phases.push({ name, startMs: start, endMs: this.since(), status: good ? 'ok' : 'failed' });
            this.log.phase?.(name, good ? 'ok' : 'failed');
            return value;
        }
        catch (error) {
            this.phases.push({ name, startMs: start, endMs: this.since(), status: 'failed' });
            this.log.phase?.(name, 'failed');
            throw error;
        }
    };
    /** A phase whose value carries checks: they are recorded, and the phase passes when none of them failed. */
    checked = async (name, fn) => {
        const value = await this.phase(name, fn, (v) => passed(v.checks));
        this.checks.push(...value.checks);
        return value;
    };
    get failed() {
        return (0,result/* decideVerdict */.AU)(this.checks, this.errors) === 'failed';
    }
}
function passed(checks) {
    return (0,result/* decideVerdict */.AU)(checks, []) === 'passed';
}

;// CONCATENATED MODULE: ./src/checks/seen.ts
// Which node has returned which acknowledged value, as observed by any check of the run. A value a node returned
// once and no longer returns was lost; one it never returned may simply never have reached it. The durability
// judges need the difference, and only observations can tell it. A node that acknowledged a write has said it
// has the value, so the writer counts as having had it too.
class SeenValues {
    byKey = new Map();
    /** Records that `node` returned `value` for `key`. A different value for the key replaces what was known. */
    record(key, value, node) {
        let entry = this.byKey.get(key);
        if (!entry || entry.value !== value)
            this.byKey.set(key, (entry = { value, nodes: new Set() }));
        entry.nodes.add(node);
    }
    /** Forgets what is known of a key whose value is no longer certain (a write to it may or may not have happened). */
    forget(key) {
        this.byKey.delete(key);
    }
    /** Whether `node` has returned `value` for `key` at some point of the run. */
    returned(key, value, node) {
        const entry = this.byKey.get(key);
        return entry !== undefined && entry.value === value && entry.nodes.has(node);
    }
    /** Every acknowledged value known, with the nodes that returned (or acknowledged) it, in the order first seen. */
    entries() {
        return [...this.byKey].map(([key, e]) => ({ key, value: e.value, nodes: [...e.nodes] }));
    }
    /** The nodes that have returned `value` for `key`. */
    nodesFor(key, value) {
        const entry = this.byKey.get(key);
        return entry && entry.value === value ? [...entry.nodes] : [];
    }
}

;// CONCATENATED MODULE: ./src/core/policies.ts
// The few numbers deep code may depend on. Checks, faults and the workload get this small record and the named
// poll policies below, never the whole options object, so what a part can be tuned by is visible in its types.
/**
 * Every kind of waiting the engine does, once. Reads of a value poll tightly (convergence is what is measured, so
 * the delay must stay small against it); waiting for a node to come up backs off further; watching a restart take
 * a node down is the tightest, since a restart takes well under a second.
 */
const POLL = {
    /** Until a node returns an expected value (replication, catch-up, durability, reads while a fault holds). */
    value: { timeout: 'convergenceTimeoutMs', minDelayMs: 2, maxDelayMs: 100 },
    /** Until every node returns the same value for a key (the end of an eventual workload). */
    settle: { timeout: 'convergenceTimeoutMs', minDelayMs: 5, maxDelayMs: 200 },
    /** Until a node answers below 500 after the cluster started. */
    ready: { timeout: 'startupTimeoutMs', minDelayMs: 20, maxDelayMs: 250 },
    /** Until a node answers below 500 again after a fault. */
    recover: { timeout: 'startupTimeoutMs', minDelayMs: 10, maxDelayMs: 200 },
    /** Until some node acknowledges a write after a fault that refused every write. */
    writable: { timeout: 'startupTimeoutMs', minDelayMs: 20, maxDelayMs: 250 },
    /** Until a restarting node is seen down (or its restart is over). */
    down: { timeout: 60_000, minDelayMs: 5, maxDelayMs: 20 },
};
/** The timeout and delays of one policy under these limits. */
function pollSettings(name, limits) {
    const p = POLL[name];
    return { timeoutMs: typeof p.timeout === 'number' ? p.timeout : limits[p.timeout], minDelayMs: p.minDelayMs, maxDelayMs: p.maxDelayMs };
}

;// CONCATENATED MODULE: ./src/core/poll.ts
async function pollUntil(attempt, options) {
    const { clock } = options;
    const start = clock.now();
    const deadline = start + options.timeoutMs;
    let delay = options.minDelayMs ?? 5;
    const maxDelay = options.maxDelayMs ?? 200;
    let last;
    let attempts = 0;
    // The count bound is a backstop against a clock that does not advance; the deadline is the real limit.
    while (attempts < 1_000_000) {
        attempts++;
        const r = await attempt();
        last = r.value;
        const now = clock.now();
        if (r.done)
            return { done: true, last, elapsedMs: now - start, doneAt: now, attempts };
        if (now >= deadline || options.signal?.aborted)
            break;
        await clock.sleep(Math.min(delay, Math.max(0, deadline - now)), options.signal);
        delay = Math.min(maxDelay, delay * 1.5);
    }
    return { done: false, last, elapsedMs: clock.now() - start, attempts };
}

// EXTERNAL MODULE: ./src/core/values.ts
var values = __webpack_require__(4101);
;// CONCATENATED MODULE: ./src/model/check.ts
function makeCheck(f) {
    const service = f.node?.service ?? f.service;
    return {
        id: f.id,
        kind: f.kind,
        title: f.said.title,
        status: f.status,
        durationMs: f.durationMs ?? 0,
        detail: f.said.detail,
        ...(service !== undefined ? { service } : {}),
        ...(f.node ? { node: f.node.label } : {}),
        ...(f.expected !== undefined ? { expected: f.expected } : {}),
        ...(f.actual !== undefined ? { actual: f.actual } : {}),
        ...(f.waitedMs !== undefined ? { waitedMs: f.waitedMs } : {}),
        ...(f.guidance !== undefined ? { guidance: f.guidance } : {}),
    };
}

;// CONCATENATED MODULE: ./src/checks/context.ts





/** The nodes writes go to: every node but the read-only ones (input writers names the others). */
function writersOf(ctx) {
    return ctx.nodes.filter((n) => n.readOnly !== true);
}
/** Polls `attempt` under one of the named policies (its timeout from the limits unless `timeoutMs` is given). */
function pollAs(ctx, name, attempt, timeoutMs) {
    const s = pollSettings(name, ctx.limits);
    return pollUntil(attempt, { ...s, ...(timeoutMs !== undefined ? { timeoutMs } : {}), clock: ctx.clock, signal: ctx.signal });
}
/**
 * Polls every reader in parallel until it returns exactly `expected` (byte for byte) or the timeout passes.
 * Times are measured from `since` (normally the write's acknowledgement).
 */
async function awaitValue(ctx, readers, key, expected, since, timeoutMs) {
    const want = ctx.api.codec.toBytes(expected);
    return Promise.all(readers.map(async (node) => {
        const r = await pollAs(ctx, 'value', async () => {
            const read = await ctx.api.read(node.url, key, ctx.signal);
            return { done: read.value != null && read.value.equals(want), value: read };
        }, timeoutMs);
        if (r.done)
            ctx.seen.record(key, expected, node.label);
        const last = observeRead(r.last, want);
        return {
            node,
            converged: r.done,
            ms: r.done && r.doneAt !== undefined ? Math.max(0, r.doneAt - since) : null,
            last,
            waitedMs: ctx.clock.now() - since,
        };
    }));
}
/** What a read answered, with where its value first differs from the one expected when it returned another. */
function observeRead(read, want) {
    const o = (0,kv_api/* observe */.lB)(read?.outcome);
    const difference = read?.value ? (0,values/* firstDifference */.at)(want, read.value) : undefined;
    return difference ? { ...o, difference } : o;
}
/** A check of one reader's convergence, worded for the report. */
function convergenceCheck(kind, id, title, outcome, expected, context) {
    const { node } = outcome;
    const detail = outcome.converged
        ? `${node.label} returned the value ${context} after ${Math.round(outcome.ms ?? 0)} ms.`
        : `${node.label} never returned the value ${context} within ${Math.round(outcome.waitedMs)} ms.`;
    return makeCheck({
        id,
        kind,
        status: outcome.converged ? 'passed' : 'failed',
        said: { title, detail },
        durationMs: outcome.ms ?? outcome.waitedMs,
        node,
        expected,
        actual: outcome.last,
        waitedMs: outcome.waitedMs,
    });
}

;// CONCATENATED MODULE: ./src/checks/serving.ts

function isServing(outcome) {
    return outcome.ok && outcome.status < 500;
}
/** Polls one node with the readiness probe until it serves (policy `ready`); the last value is its last answer. */
function untilReady(ctx, node) {
    return pollAs(ctx, 'ready', async () => {
        const outcome = await ctx.api.probe(node.url, ctx.signal);
        return { done: isServing(outcome), value: outcome };
    });
}
/**
 * Polls one recovering node until it serves again (policy `recover`). The probe is a read of `key`, a key the node
 * must catch up on: its first requests after a fault are then the very reads that catch-up is judged by, so a
 * node that caches what it answered while still catching up cannot hide it behind an unrelated health path.
 */
function untilRecovered(ctx, node, key) {
    return pollAs(ctx, 'recover', async () => {
        const read = key !== undefined
            ? await ctx.api.read(node.url, key, ctx.signal)
            : { outcome: await ctx.api.probe(node.url, ctx.signal), value: undefined };
        return { done: isServing(read.outcome), value: read };
    });
}
/**
 * Polls (tightly: a restart takes well under a second) until one of `nodes` stops serving, or `over()` says the
 * fault is already over. True when a node was seen down before that.
 */
async function untilOneIsDown(ctx, nodes, over) {
    const r = await pollAs(ctx, 'down', async () => {
        const answers = await Promise.all(nodes.map((n) => ctx.api.probe(n.url, ctx.signal)));
        return { done: over() || answers.some((a) => !isServing(a)), value: undefined };
    });
    return r.done && !over();
}

;// CONCATENATED MODULE: ./src/checks/guidance.ts
const isClientError = (o) => o.status !== undefined && o.status >= 400 && o.status < 500;
/** What a status of a request that the service would not take suggests, and which inputs decide it. */
function byStatus(o, op) {
    const method = op === 'write' ? 'write-method' : 'read-method';
    const body = op === 'write' ? ['write-body', 'write-content-type'] : ['read-body', 'read-content-type'];
    const path = op === 'write' ? 'write-path' : 'read-path';
    switch (o.status) {
        case 401:
        case 403:
            return { hint: 'The service refused the request as unauthorised: does it need credentials?', inputs: ['headers', 'api'] };
        case 404:
            return {
                hint: 'Nothing answers at this path: the API preset may not be this service’s (every path answering 404 says so).',
                inputs: ['api', 'key-path', path, method],
            };
        case 405:
            return { hint: 'The path exists but does not take this method.', inputs: [method, 'api', 'key-path'] };
        case 400:
        case 415:
        case 422:
            return { hint: 'The service did not accept the request’s body or its content type.', inputs: [...body, 'api'] };
        default:
            return undefined;
    }
}
/** Guidance for the first refused write of a run in which no node acknowledged any write. */
function writeGuidance(request, answer) {
    const known = byStatus(answer, 'write');
    const said = known ?? {
        hint: answer.error
            ? 'No write could be made: the request did not get an answer.'
            : 'No node acknowledged a write (an answer in 2xx): the service may expect another request.',
        inputs: ['api', 'key-path', 'write-method', 'write-body', 'write-content-type'],
    };
    return { hint: `No write was acknowledged on any node. ${said.hint}`, request, answer, inputs: said.inputs };
}
/**
 * Guidance for a run whose writes were acknowledged but in which no read ever returned a written value, from the
 * last answer of one read: "missing" (reads look elsewhere than writes put), a value that is not the one written
 * (the value travels changed), an answer that holds the value where `read-value` does not look, or a refusal.
 */
function readGuidance(request, answer, expected, missing) {
    const said = readHint(answer, expected, missing);
    return { hint: `Writes were acknowledged, but no read returned a value written. ${said.hint}`, request, answer, inputs: said.inputs };
}
function readHint(answer, expected, missing) {
    if (answer.status !== undefined && missing.includes(answer.status)) {
        return {
            hint: 'Every read answered "missing": reads may go to another path than writes, or the write was not applied.',
            inputs: ['key-path', 'read-path', 'write-path', 'missing-status', 'api'],
        };
    }
    if (answer.difference) {
        return {
            hint: 'A value came back, but not byte for byte the one written: it changed on the way in or out.',
            inputs: ['value-format', 'write-body', 'write-content-type', 'read-value-encoding'],
        };
    }
    const ok = answer.status !== undefined && answer.status >= 200 && answer.status < 300;
    if (ok && (answer.bodyPreview ?? '').includes(expected.slice(0, 24))) {
        return {
            hint: 'The answer holds the value, but not where `read-value` takes it from.',
            inputs: ['read-value', 'read-value-encoding', 'api'],
        };
    }
    if (ok)
        return { hint: 'The answer does not hold the value written.', inputs: ['read-value', 'read-path', 'key-path', 'api'] };
    return (byStatus(answer, 'read') ?? {
        hint: 'The reads did not get an answer that holds a value.',
        inputs: ['api', 'read-path', 'read-method', 'read-value', 'missing-status'],
    });
}
/**
 * Guidance for a readiness probe that answered 4xx: the node serves (any answer below 500 counts), but not
 * necessarily this API. Nothing when the probe read the missing key and got the missing status, which is the
 * answer it expects.
 */
function readinessGuidance(describe, baseUrl, answer) {
    if (!describe || !isClientError(answer))
        return undefined;
    const request = describe.probe(baseUrl);
    if (describe.readyPath !== undefined) {
        return {
            hint: `The readiness path answered HTTP ${answer.status}. Any answer below 500 counts as serving, so readiness passed, ` +
                'but a health endpoint that is not there proves little about the API.',
            request,
            answer,
            inputs: ['ready-path'],
        };
    }
    if (describe.missingStatus.includes(answer.status))
        return undefined;
    const known = byStatus(answer, 'read');
    const hint = `The probe read a key that does not exist and expected a "missing" status (${describe.missingStatus.join(', ')}), ` +
        `but got HTTP ${answer.status}. ${known?.hint ?? ''}`.trim();
    return { hint, request, answer, inputs: known?.inputs ?? ['missing-status', 'api', 'read-path', 'ready-path'] };
}
/**
 * Keeps guidance only where the whole run failed the way a wrong setup does: the write guidance when no write
 * was acknowledged, the read guidance when no written value was ever read back. Once anything worked, a failure is
 * the store's, and the checks say so on their own. At most one check per kind carries it (every node answers the
 * same way; one request and answer shows it).
 */
function keepFirstRunGuidance(checks, anyAcked, anyRead) {
    let writeShown = anyAcked;
    let readShown = !anyAcked || anyRead;
    return checks.map((c) => {
        if (!c.guidance)
            return c;
        const isWrite = c.id.startsWith('write:');
        const keep = isWrite ? !writeShown : !readShown;
        if (isWrite)
            writeShown = true;
        else
            readShown = true;
        if (keep)
            return c;
        const { guidance: _dropped, ...rest } = c;
        return rest;
    });
}

;// CONCATENATED MODULE: ./src/checks/readiness.ts




async function waitForReady(ctx, nodes, since) {
    const readyMs = new Map();
    const checks = await Promise.all(nodes.map(async (node) => {
        const r = await untilReady(ctx, node);
        const ms = r.doneAt !== undefined ? r.doneAt - since : undefined;
        if (r.done && ms !== undefined)
            readyMs.set(node.url, ms);
        const last = (0,kv_api/* observe */.lB)(r.last);
        // A node of another protocol answered its adapter's ready (or a TCP connection), not an HTTP request.
        const answer = /^https?:/.test(node.url) ? `HTTP ${last.status} ` : '';
        const said = r.done
            ? {
                title: `Readiness: ${node.label} is serving`,
                detail: `${node.label} (${node.url}) answered ${answer}after ${Math.round(ms ?? 0)} ms.`,
            }
            : {
                title: `Readiness: ${node.label} never answered below 500`,
                detail: `${node.label} (${node.url}) did not answer below 500 within ${Math.round(r.elapsedMs / 1000)} s; ` +
                    `last: ${(0,kv_api/* describeObservation */.C3)(last)}.`,
            };
        const status = r.done ? 'passed' : 'failed';
        // Serving, but answering 4xx where the probe expected otherwise: maybe not the API the inputs describe.
        const guidance = r.done ? readinessGuidance(ctx.api.describe, node.url, last) : undefined;
        return makeCheck({
            id: `readiness:${node.label}`,
            kind: 'readiness',
            status,
            said,
            durationMs: ms ?? r.elapsedMs,
            node,
            actual: last,
            waitedMs: r.elapsedMs,
            ...(guidance ? { guidance } : {}),
        });
    }));
    return { checks, readyMs };
}

;// CONCATENATED MODULE: ./src/checks/replication.ts




async function checkReplication(ctx) {
    const checks = [];
    const labels = ctx.nodes.map((n) => n.label);
    const writers = writersOf(ctx);
    const ms = [];
    const written = [];
    for (const writer of writers) {
        if (ctx.signal.aborted)
            break;
        const key = ctx.ids.key('rep');
        const value = ctx.ids.value(writer.label, 'rep');
        const started = ctx.clock.now();
        const write = await ctx.api.write(writer.url, key, value, ctx.signal);
        const ackAt = ctx.clock.now();
        if (!write.acked) {
            const actual = (0,kv_api/* observe */.lB)(write.outcome);
            // Kept only when no node acknowledges any write (keepFirstRunGuidance): then the setup is the likely cause.
            const request = ctx.api.describe?.write(writer.url, key, value);
            const said = {
                title: `Replication: ${writer.label} refused a write`,
                detail: `Writing key ${key} on ${writer.label} failed: ${(0,kv_api/* describeObservation */.C3)(actual)}.`,
            };
            checks.push(makeCheck({
                id: `write:${writer.label}`,
                kind: 'replication',
                status: 'failed',
                said,
                durationMs: ackAt - started,
                node: writer,
                expected: value,
                actual,
                ...(request ? { guidance: writeGuidance(request, actual) } : {}),
            }));
            ms.push(ctx.nodes.map(() => null));
            continue;
        }
        ctx.seen.record(key, value, writer.label);
        written.push({ key, value, writer: writer.label });
        const outcomes = await awaitValue(ctx, ctx.nodes, key, value, ackAt);
        ms.push(outcomes.map((o) => o.ms));
        for (const o of outcomes) {
            const check = convergenceCheck('replication', `replication:${writer.label}->${o.node.label}`, o.converged
                ? `Replication: ${o.node.label} returned the value written on ${writer.label}`
                : `Replication: ${o.node.label} never returned the value written on ${writer.label}`, o, value, `written on ${writer.label}`);
            // Kept only when no read returns any written value (keepFirstRunGuidance).
            const request = o.converged ? undefined : ctx.api.describe?.read(o.node.url, key);
            const missing = ctx.api.describe?.missingStatus ?? [];
            checks.push(request ? { ...check, guidance: readGuidance(request, o.last, value, missing) } : check);
        }
    }
    const anyRead = ms.some((row) => row.some((v) => v !== null));
    return {
        checks: keepFirstRunGuidance(checks, written.length > 0, anyRead),
        matrix: { writers: writers.map((n) => n.label), readers: labels, ms },
        written,
    };
}

;// CONCATENATED MODULE: ./src/checks/liveness.ts




const LIVENESS_KIND = 'liveness';
/** One write and its read-back per node, all nodes at once, each within `timeoutMs` from the start of the phase. */
async function checkLiveness(ctx, input) {
    const key = ctx.ids.key('liveness');
    return Promise.all(input.nodes.map((node) => (input.down?.has(node.label) ? skippedCheck(node) : nodeLiveness(ctx, node, key, input.timeoutMs))));
}
async function nodeLiveness(ctx, node, baseKey, timeoutMs) {
    const key = `${baseKey}-${node.label.replace(/[^A-Za-z0-9_-]/g, '_')}`;
    // One value for every attempt: an attempt that timed out and took effect late writes the same bytes.
    const value = ctx.ids.value(node.label, 'liveness');
    const start = ctx.clock.now();
    // A read replica (input writers) takes no writes: its fresh write goes through a writer, and it must return it.
    const via = node.readOnly === true ? (writersOf(ctx)[0] ?? node) : node;
    const wrote = await pollAs(ctx, 'writable', async () => {
        const w = await ctx.api.write(via.url, key, value, ctx.signal);
        return { done: w.acked, value: w };
    }, timeoutMs);
    const id = `${LIVENESS_KIND}:${node.label}`;
    const bound = (0,util_text/* formatMs */._V)(timeoutMs);
    if (!wrote.done) {
        const said = {
            title: `Liveness: ${via.label} did not acknowledge a fresh write`,
            detail: `Once every fault had healed, ${via.label} acknowledged none of ${wrote.attempts} attempts to write a fresh key within ` +
                `${bound} (liveness-timeout): it stays unavailable, though no data is known to be lost.`,
        };
        return failed(id, node, said, ctx.clock.now() - start, (0,kv_api/* observe */.lB)(wrote.last?.outcome), value);
    }
    const want = ctx.api.codec.toBytes(value);
    const left = Math.max(1, start + timeoutMs - ctx.clock.now());
    const read = await pollAs(ctx, 'value', async () => {
        const r = await ctx.api.read(node.url, key, ctx.signal);
        return { done: r.value != null && r.value.equals(want), value: r };
    }, left);
    const tookMs = ctx.clock.now() - start;
    if (!read.done) {
        const said = {
            title: `Liveness: ${node.label} did not return a fresh write`,
            detail: `${node.label} acknowledged a fresh write once every fault had healed, but did not return it within ${bound} ` +
                '(liveness-timeout).',
        };
        return failed(id, node, said, tookMs, observeRead(read.last, want), value);
    }
    ctx.seen.record(key, value, node.label);
    const said = {
        title: `Liveness: ${node.label} took and returned a fresh write`,
        detail: `Once every fault had healed, ${node.label} acknowledged a fresh write and returned it after ${(0,util_text/* formatMs */._V)(tookMs)} ` +
            `(bound ${bound}).`,
    };
    return makeCheck({ id, kind: LIVENESS_KIND, status: 'passed', said, durationMs: tookMs, node });
}
function failed(id, node, said, ms, actual, expected) {
    return makeCheck({ id, kind: LIVENESS_KIND, status: 'failed', said, durationMs: ms, node, actual, expected, waitedMs: ms });
}
function skippedCheck(node) {
    const said = {
        title: `Liveness: ${node.label} not judged`,
        detail: `${node.label} did not answer again once the faults healed (its recovery check failed), so its liveness was not judged.`,
    };
    return Promise.resolve(makeCheck({ id: `${LIVENESS_KIND}:${node.label}`, kind: LIVENESS_KIND, status: 'skipped', said, node }));
}

;// CONCATENATED MODULE: ./src/checks/sweep.ts



/** Reads at most this many (key, node) pairs, so a run that wrote a great deal still ends promptly. */
const MAX_SWEEP_READS = 5000;
const PARALLEL = 16;
async function sweep(ctx) {
    const pairs = ctx.seen.entries().flatMap((e) => ctx.nodes.map((node) => ({ node, ...e, had: e.nodes.includes(node.label) })));
    const todo = pairs.slice(0, MAX_SWEEP_READS);
    const reads = new Array(todo.length);
    let waiting = todo.map((_, i) => i);
    await pollAs(ctx, 'settle', async () => {
        await readPairs(ctx, todo, waiting, reads);
        // Only a value the node had is worth waiting for: the judge looks at no other.
        waiting = waiting.filter((i) => todo[i].had && reads[i]?.answered === false);
        return { done: waiting.length === 0, value: undefined };
    });
    return { reads: reads.filter(Boolean), skipped: pairs.length - todo.length };
}
/** Reads the pairs at `which` into `reads`, PARALLEL at a time. */
async function readPairs(ctx, todo, which, reads) {
    let next = 0;
    const worker = async () => {
        while (next < which.length && !ctx.signal.aborted) {
            const i = which[next++];
            const p = todo[i];
            const want = ctx.api.codec.toBytes(p.value);
            const read = await ctx.api.read(p.node.url, p.key, ctx.signal);
            reads[i] = {
                node: p.node,
                key: p.key,
                value: p.value,
                had: p.had,
                answered: read.outcome.ok && read.outcome.status < 500,
                returned: read.value != null && read.value.equals(want),
                last: observeRead(read, want),
            };
        }
    };
    await Promise.all(Array.from({ length: PARALLEL }, worker));
}
/**
 * One check per node: passed when it still returns every value it had returned; failed naming the keys it lost, or,
 * when it lost none it answered for, naming those it never answered for (a liveness failure, not lost data).
 */
function judgeSweep(o, nodes) {
    return nodes.flatMap((node) => {
        const mine = o.reads.filter((r) => r.node === node && r.had);
        if (mine.length === 0)
            return [];
        const regressed = mine.filter((r) => r.answered && !r.returned);
        const silent = mine.filter((r) => !r.answered);
        const base = { id: `sweep:${node.label}`, kind: 'regressed', node };
        if (regressed.length === 0 && silent.length === 0) {
            const capped = o.skipped > 0 ? ` (${o.skipped} reads over the cap of ${MAX_SWEEP_READS} were not made)` : '';
            const said = {
                title: `Sweep: ${node.label} still returns every value it returned before`,
                detail: `${node.label} returned all ${mine.length} value(s) it had returned or acknowledged earlier in the run${capped}.`,
            };
            return [makeCheck({ ...base, status: 'passed', said })];
        }
        const unanswered = silent.length > 0
            ? `${silent.length} read(s) of keys it had returned got no answer within the convergence timeout: ${keysOf(silent)}.`
            : '';
        if (regressed.length === 0) {
            const said = {
                title: `Sweep: ${node.label} did not answer ${silent.length} final read(s)`,
                detail: `${node.label} kept failing, timing out or refusing the final reads, so nothing shows whether it still ` +
                    `holds what it returned earlier: ${unanswered}`,
            };
            return [makeCheck({ ...base, kind: LIVENESS_KIND, status: 'failed', said, expected: silent[0].value, actual: silent[0].last })];
        }
        const first = regressed[0];
        const said = {
            title: `Sweep: ${node.label} regressed: ${regressed.length} value(s) it returned before are gone`,
            detail: `${node.label} returned or acknowledged these keys earlier in the run and no longer returns their values: ` +
                `${keysOf(regressed)}.${unanswered ? ` Besides, ${unanswered}` : ''}`,
        };
        return [makeCheck({ ...base, status: 'failed', said, expected: first.value, actual: first.last })];
    });
}
function keysOf(reads) {
    return reads.map((r) => r.key).join(', ');
}

;// CONCATENATED MODULE: ./src/core/ids.ts

/**
 * `random` is one source, or one stream per name (a seeded run: `RunStreams.values`), so that keys of one purpose
 * and values of one writer are drawn in their own order, whatever other requests were made in between. The key's
 * random part is 8 bytes: a run with thousands of writes of one purpose never draws one twice.
 */
function runIds(random, clock, format = 'text', runId = (typeof random === 'function' ? random('run') : random).hex(4)) {
    const stream = (name) => (typeof random === 'function' ? random(name) : random);
    return {
        runId,
        key: (purpose) => `replicheck-${runId}-${purpose}-${stream(`key:${purpose}`).hex(8)}`,
        value: (writer, purpose) => {
            const r = stream(`value:${purpose}:${writer}`);
            return (0,values/* formatValue */.Fl)(format, `rc-${runId}-${purpose}-${writer}-${Math.round(clock.wallMs())}-${r.hex(4)}`, () => Buffer.from(r.hex(4), 'hex'));
        },
    };
}

;// CONCATENATED MODULE: ./src/workload/outcome.ts

/**
 * Write answers: acknowledged is `ok`; a definite refusal (a status of the API's refusal-statuses, `3xx,4xx` by
 * default, or nothing sent: connection refused, host not found) is `fail`; anything else (another 5xx, a timeout,
 * a reset) is `info`. A store behind consensus may answer 503 after a second and still commit the write.
 */
function classifyWrite(w) {
    if (w.result === 'acked')
        return { type: 'ok' };
    return { type: w.result === 'refused' ? 'fail' : 'info', error: errorOf(w.outcome) };
}
/**
 * Compare-and-set answers: swapped is `ok`; a comparison that certainly failed is `ok` with succeeded false (it
 * ran and changed nothing, which still says the value was not the expected one); a refusal before anything ran is
 * `fail`; anything else, a 2xx that could not be read included, may have swapped: `info`.
 */
function classifyCas(c) {
    if (c.result === 'swapped')
        return { type: 'ok' };
    if (c.result === 'not-swapped')
        return { type: 'ok', succeeded: false };
    const o = c.outcome;
    if (c.result === 'refused')
        return { type: 'fail', error: errorOf(o) };
    if (o.ok && o.status >= 200 && o.status < 300)
        return { type: 'info', error: `HTTP ${o.status} that does not say whether it swapped` };
    return { type: 'info', error: errorOf(o) };
}
const errorOf = (o) => (o.ok ? `HTTP ${o.status}` : o.error);
/** Longest value kept verbatim in a history; the workload's own values are far shorter. */
const MAX_VALUE_CHARS = 200;
/**
 * Read answers: a value (200) or "missing" (404, null) is `ok`; everything else says nothing about the state, so
 * the read is `info` and the checker leaves it out. A value too long to be one the workload wrote is replaced by
 * a bounded preview (it is wrong either way, and a hostile node must not bloat the history).
 */
function classifyRead(r, codec) {
    if (r.value === null)
        return { type: 'ok', value: null };
    if (r.value !== undefined) {
        // As a value of the run's format, so it equals the written value exactly when the bytes are the same.
        const text = r.value.length <= MAX_VALUE_CHARS * 4 ? codec.fromBytes(r.value) : `${(0,util_text/* previewBytes */.Qc)(r.value, 60)} (${r.value.length} bytes)`;
        return { type: 'ok', value: text };
    }
    return { type: 'info', value: null, error: errorOf(r.outcome) };
}

// EXTERNAL MODULE: ./src/core/random.ts
var core_random = __webpack_require__(8640);
;// CONCATENATED MODULE: ./src/workload/generator.ts


/**
 * Hard cap on a history's operations, and the pace that keeps a workload under it for minutes: a fast store would
 * otherwise reach the cap in seconds and the clients would stop before the faults they run through are over.
 * 100,000 operations check in seconds (values are unique) and draw in a page of a few MiB.
 */
const DEFAULT_MAX_OPERATIONS = 100_000;
const MAX_RATE = 500;
// Times in the history are milliseconds since the workload started, kept to microseconds.
const round = (ms) => Math.round(ms * 1000) / 1000;
/**
 * Collects the operations of one workload, possibly over several runs of the clients (one per fault window):
 * one clock origin, one operation cap and one value counter per client, so values stay unique across runs.
 */
class WorkloadRecorder {
    clock;
    model;
    t0;
    records = [];
    started = 0;
    capped = false;
    counters = new Map();
    constructor(clock, model = 'register') {
        this.clock = clock;
        this.model = model;
        this.t0 = clock.now();
    }
    nextValue(prefix, client) {
        const n = (this.counters.get(client) ?? 0) + 1;
        this.counters.set(client, n);
        return `${prefix}-c${client}-${n}`;
    }
    /** The history so far, operations in invocation order and numbered in that order. */
    finish() {
        const sorted = [...this.records].sort((a, b) => a.op.invoke - b.op.invoke);
        const numbered = sorted.map((r, i) => ({ op: { id: i, ...r.op }, endedAt: r.endedAt }));
        return {
            history: { schemaVersion: 1, model: this.model, initialValue: null, operations: numbered.map((r) => r.op) },
            records: numbered,
            startedAt: this.t0,
            endedAt: this.clock.now(),
            capped: this.capped,
        };
    }
}
/** Runs the clients once, for the plan's duration or until `signal` aborts, recording into `recorder`. */
async function runClients(recorder, api, nodes, plan, signal, round0 = 0) {
    if (nodes.length === 0 || plan.keys.length === 0 || plan.clients < 1)
        throw new Error('a workload needs nodes, keys and clients');
    const { clock, t0 } = recorder;
    const end = clock.now() + plan.durationMs;
    const maxOps = plan.maxOperations ?? DEFAULT_MAX_OPERATIONS;
    const readRatio = plan.readRatio ?? 0.5;
    const intervalMs = (1000 * plan.clients) / (plan.maxRate ?? MAX_RATE);
    const nodeFor = nodeChooser(nodes, plan.writers, plan.clients, plan.sessions ?? 'roaming');
    const cas = plan.model === 'cas-register' ? api.cas : undefined;
    const client = async (id) => {
        // A different stream per run (round) of the same client, so fault windows do not replay each other's choices.
        const random = (0,core_random/* clientRandom */.LX)(plan.seed + round0 * 7919, id);
        // The last value this client saw of each key: what its compare-and-set expects.
        const lastSeen = new Map();
        // An operation that may or may not have taken effect leaves its process open for good, as Jepsen's clients do:
        // the client goes on as a new process, so each process's operations stay one after another.
        let process = id;
        // Bounded by time (and the faults still running), by the shared operation cap and by cancellation.
        while ((clock.now() < end || plan.keepRunning?.() === true) && !signal.aborted) {
            if (recorder.started >= maxOps) {
                recorder.capped = true;
                return;
            }
            recorder.started++;
            const drawn = (0,core_random/* pick */.Up)(random, nodes); // drawn in both modes: a seed makes the same choices
            const key = (0,core_random/* pick */.Up)(random, plan.keys);
            const isRead = random() < readRatio;
            const expected = !isRead && cas && random() < 0.5 ? lastSeen.get(key) : undefined;
            const node = nodeFor.take(drawn, id, !isRead, random);
            const written = isRead ? undefined : (plan.formatValue ?? String)(recorder.nextValue(plan.valuePrefix, id));
            const invoke = clock.now();
            const outcome = written === undefined
                ? { f: 'read', ...classifyRead(await api.read(node.url, key, signal), api.codec) }
                : expected !== undefined && cas
                    ? { f: 'cas', value: [expected, written], ...classifyCas(await cas(node.url, key, expected, written, signal)) }
                    : { f: 'write', value: written, ...classifyWrite(await api.write(node.url, key, written, signal)) };
            const done = clock.now();
            nodeFor.release(node);
            if (outcome.type === 'ok') {
                const now = outcome.f === 'cas'
                    ? outcome.succeeded === false
                        ? undefined
                        : written
                    : outcome.f === 'write'
                        ? written
                        : outcome.value;
                if (typeof now === 'string')
                    lastSeen.set(key, now);
            }
            recorder.records.push({
                op: {
                    process,
                    node: node.label,
                    key,
                    f: outcome.f,
                    value: outcome.value,
                    type: outcome.type,
                    ...(outcome.succeeded === false ? { succeeded: false } : {}),
                    invoke: round(invoke - t0),
                    complete: outcome.type === 'info' ? null : round(done - t0),
                    ...(outcome.error !== undefined ? { error: outcome.error } : {}),
                },
                endedAt: round(done - t0),
            });
            if (outcome.type === 'info')
                process += plan.clients;
            const wait = invoke + intervalMs - clock.now();
            if (wait > 0)
                await clock.sleep(wait, signal);
        }
    };
    await Promise.all(Array.from({ length: plan.clients }, (_, i) => client(i)));
}
/**
 * At most a node's share of the clients wait on it at once, so a node that hangs holds those and the rest keep the
 * other nodes busy (with every client free to pick any node, nearly all would sit in a hung node's timeouts). A
 * drawn node that is full gives way to the next one that is not.
 */
function nodeChooser(nodes, only, clients, sessions) {
    const writers = only ? nodes.filter((n) => only.some((w) => w.label === n.label)) : nodes.filter((n) => n.readOnly !== true);
    if (writers.length === 0)
        throw new Error('a workload needs a node that takes writes');
    const waiting = new Map();
    return {
        take(first, client, write, random) {
            // Sticky: a client keeps to its node however slow it is, as an application's one connection does; its writes
            // go to that node when it takes writes, else to a writer of the client's own (its connection to the primary).
            if (sessions === 'sticky') {
                const own = nodes[client % nodes.length];
                return !write || writers.includes(own) ? own : writers[client % writers.length];
            }
            // A drawn replica gives a write to a drawn writer; with every node a writer nothing more is drawn, so a seed
            // makes the choices it always made. A full node gives way to the next one that may take the operation.
            const drawn = write && !writers.includes(first) ? (0,core_random/* pick */.Up)(random, writers) : first;
            const pool = write ? writers : nodes;
            const share = Math.ceil(clients / pool.length);
            const start = pool.indexOf(drawn);
            let node = drawn;
            for (let i = 0; i < pool.length; i++) {
                const n = pool[(start + i) % pool.length];
                if ((waiting.get(n) ?? 0) < share) {
                    node = n;
                    break;
                }
            }
            waiting.set(node, (waiting.get(node) ?? 0) + 1);
            return node;
        },
        release(node) {
            if (sessions === 'sticky')
                return;
            waiting.set(node, (waiting.get(node) ?? 1) - 1);
        },
    };
}
/** One run of the clients from a fresh recorder: the plain workload. */
async function runWorkload(api, nodes, clock, plan, signal) {
    const recorder = new WorkloadRecorder(clock);
    await runClients(recorder, api, nodes, plan, signal);
    return recorder.finish();
}

// EXTERNAL MODULE: ./src/linearizability/index.ts + 13 modules
var linearizability = __webpack_require__(4944);
// EXTERNAL MODULE: ./src/consistency/eventual.ts
var eventual = __webpack_require__(7176);
;// CONCATENATED MODULE: ./src/core/stats.ts
/** Nearest-rank quantiles of completed operations; null when there is none. */
function quantiles(samples) {
    if (samples.length === 0)
        return null;
    const sorted = [...samples].sort((a, b) => a - b);
    const at = (q) => stats_round(sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1))]);
    return { count: sorted.length, p50: at(0.5), p90: at(0.9), p99: at(0.99), max: stats_round(sorted[sorted.length - 1]) };
}
const stats_round = (ms) => Math.round(ms * 100) / 100;

// EXTERNAL MODULE: ./src/consistency/models.ts
var models = __webpack_require__(5744);
;// CONCATENATED MODULE: ./src/workload/analyse.ts
// Pure summaries of a recorded workload: counts per node, latency quantiles, and the per-key verdicts turned into
// checks for the report. The I/O (running clients, polling for convergence, saving files) is in phase.ts.





const zero = () => ({ ok: 0, fail: 0, info: 0 });
function countOperations(records, nodeOrder) {
    const total = zero();
    const perNode = new Map();
    for (const n of nodeOrder)
        perNode.set(n, { read: zero(), write: zero() });
    for (const { op } of records) {
        const node = op.node ?? '?';
        if (!perNode.has(node))
            perNode.set(node, { read: zero(), write: zero() });
        const entry = perNode.get(node);
        // A compare-and-set counts as a write: it writes when it matches.
        (op.f === 'read' ? entry.read : entry.write)[op.type]++;
        total[op.type]++;
    }
    return {
        operations: { total: records.length, ...total },
        perNode: [...perNode].map(([node, c]) => ({ node, read: c.read, write: c.write })),
    };
}
/** Latency of the operations that got an answer (ok or fail); indeterminate ones have no meaningful end. */
function latencies(records) {
    const of = (reads) => records.filter((r) => (r.op.f === 'read') === reads && r.op.type !== 'info').map((r) => r.endedAt - r.op.invoke);
    return { read: quantiles(of(true)), write: quantiles(of(false)) };
}
const CHECK_BUDGET_MS = 30_000;
/** Per-key linearizability verdicts. `unknown` (budget spent) does not pass: nothing was proven. */
function linearizabilityResults(history, model = 'register', o = {}) {
    const budgetMs = o.budgetMs ?? CHECK_BUDGET_MS;
    const checked = (0,linearizability/* checkHistory */.X3)(history, {
        model,
        initialValue: null,
        timeoutMs: budgetMs,
        checkAllKeys: true,
        ...(o.maxSteps !== undefined ? { maxSteps: o.maxSteps } : {}),
        ...(o.algorithm !== undefined ? { algorithm: o.algorithm } : {}),
        ...(o.maxMemoryBytes !== undefined ? { maxMemoryBytes: o.maxMemoryBytes } : {}),
    });
    const results = checked.keys.map((k) => keyResult(k, budgetMs));
    return { results, elapsedMs: checked.elapsedMs };
}
function keyResult(k, budgetMs) {
    const base = { key: k.key, operations: k.operations.total, verdict: k.verdict, algorithm: k.algorithm };
    if (k.verdict === 'linearizable') {
        return {
            ...base,
            passed: true,
            detail: `${k.operations.total} operations (${k.operations.open} indeterminate writes) are linearizable.`,
        };
    }
    if (k.verdict === 'unknown') {
        const why = k.reason === 'step-budget'
            ? 'the search step budget ran out'
            : k.reason === 'memory'
                ? 'the search would take more memory than max-memory allows'
                : `the search did not finish within ${Math.round(budgetMs / 1000)} s`;
        return {
            ...base,
            passed: false,
            detail: `Could not decide whether the ${k.operations.total} operations are linearizable: ${why}. Nothing was proven; check ` +
                `the history file offline with \`replicheck check-history FILE --timeout 0\`, or run a shorter workload with fewer clients.`,
        };
    }
    const w = k.witness;
    return {
        ...base,
        passed: false,
        detail: w ? `Not linearizable: ${w.explanation}` : 'Not linearizable.',
        ...(w ? { witness: w, witnessText: (0,linearizability/* formatWitness */.Zm)(w, '') } : {}),
    };
}
function eventualResults(history, convergence) {
    return convergence.map((c) => {
        const operations = history.operations.filter((op) => op.key === c.key).length;
        const show = (v, error) => v === undefined ? `no answer (${error ?? 'error'})` : v === null ? 'missing' : JSON.stringify(v);
        if (!c.converged) {
            return {
                key: c.key,
                operations,
                nodeValues: c.values.map((v) => ({ node: v.node, value: v.value })),
                verdict: 'not-converged',
                passed: false,
                detail: `The nodes did not agree within ${Math.round(c.waitedMs)} ms: ` +
                    `${c.values.map((v) => `${v.node} ${show(v.value, v.error)}`).join(', ')}.`,
            };
        }
        const value = c.values[0]?.value ?? null;
        const judged = (0,eventual/* judgeFinalValue */.P)(history.operations, c.key, value, history.initialValue ?? null);
        return {
            key: c.key,
            operations,
            nodeValues: c.values.map((v) => ({ node: v.node, value: v.value })),
            verdict: judged.legal ? 'converged' : 'illegal-final-value',
            passed: judged.legal,
            finalValue: value,
            detail: judged.legal
                ? `Every node holds ${show(value)} (${Math.round(c.waitedMs)} ms after the workload), a value that can legally be last.`
                : `Every node holds ${show(value)}, which cannot be the last value: ${judged.reason}.`,
        };
    });
}
const FAILED_TITLE = {
    'not-linearizable': 'is not linearizable',
    unknown: 'could not be decided',
    'not-converged': 'did not converge',
    'illegal-final-value': 'converged to a value that cannot be last',
};
/** The `eventual` rung from the convergence results: held when every key converged to a value that can be last. */
function eventualVerdict(convergence, elapsedMs) {
    const failed = convergence.find((r) => !r.passed);
    if (!failed)
        return { model: 'eventual', verdict: 'held', elapsedMs };
    return { model: 'eventual', verdict: 'violated', elapsedMs, witness: { operations: [], key: failed.key, explanation: failed.detail } };
}
/**
 * The report's checks: one per key (convergence, which every claim requires; linearizability too under that claim),
 * one for a claim between the two (its ladder verdict), plus one when no operation succeeded (a workload that
 * proves nothing). The other models of the ladder are reported, not judged.
 */
function workloadChecks(v, consistency, nodes, okOperations, checkMs) {
    const checks = [];
    if (okOperations === 0) {
        const said = {
            title: 'Workload: no operation succeeded',
            detail: 'Every read and write of the workload failed or timed out, so nothing could be checked. See the operation counts per node.',
        };
        checks.push(makeCheck({ id: 'workload:progress', kind: 'workload', status: 'failed', said }));
    }
    const nodeOf = (label) => (label !== undefined ? nodes.find((n) => n.label === label) : undefined);
    const perKey = (results, model) => results.forEach((r, i) => {
        const node = nodeOf(r.witness?.failing.node);
        const said = {
            title: `${(0,models/* modelInfo */.gi)(model).title}: key ${r.key}${r.passed ? '' : ` ${FAILED_TITLE[r.verdict] ?? r.verdict}`}`,
            detail: r.witnessText ? `Not linearizable. Witness:\n${r.witnessText}` : r.detail,
        };
        const status = r.passed ? 'passed' : 'failed';
        checks.push(makeCheck({ id: `workload:${model}:${i}`, kind: 'workload', status, said, durationMs: checkMs, ...(node ? { node } : {}) }));
    });
    perKey(v.convergence ?? (consistency === 'linearizable' ? [] : v.results), 'eventual');
    if (consistency === 'linearizable')
        perKey(v.results, 'linearizable');
    else if (consistency !== 'eventual')
        checks.push(claimCheck(v, consistency, nodes, checkMs));
    return checks;
}
function claimCheck(v0, claim, nodes, checkMs) {
    const ladder = v0.ladder;
    const v = ladder.models.find((m) => m.model === claim);
    const info = (0,models/* modelInfo */.gi)(claim);
    const said = v.verdict === 'held'
        ? { title: `${info.title}: held`, detail: `The workload's history satisfies ${claim}: ${info.promise}.` }
        : v.verdict === 'violated'
            ? { title: `${info.title}: violated`, detail: `Not ${claim}: ${v.witness?.explanation ?? 'a violation was found'}.` }
            : { title: `${info.title}: could not be decided`, detail: `Nothing was proven: ${v.reason ?? 'a budget ran out'}.` };
    const status = v.verdict === 'held' ? 'passed' : 'failed';
    // The node of the witness's last operation (where the stale answer came from), for the annotation.
    const last = v.witness?.operations.at(-1);
    const label = last !== undefined ? v0.operations?.[last]?.node : undefined;
    const node = label !== undefined ? nodes.find((n) => n.label === label) : undefined;
    return makeCheck({
        id: `workload:model:${claim}`,
        kind: 'workload',
        status,
        said,
        durationMs: v.elapsedMs || checkMs,
        ...(node ? { node } : {}),
    });
}

// EXTERNAL MODULE: ./src/consistency/ladder.ts + 7 modules
var consistency_ladder = __webpack_require__(3851);
;// CONCATENATED MODULE: ./src/workload/phase.ts






/** Time each checker of the ladder may take (the linearizability checker has its own, CHECK_BUDGET_MS). */
const LADDER_BUDGET_MS = 20_000;
/**
 * One workload of a run: `run()` runs the clients (with faults, through all of them), `record` marks when faults
 * began and were healed on the history's clock, and `finish()` judges the whole history.
 */
class WorkloadSession {
    ctx;
    wl;
    /** The run's seed, as reports give it (the clients draw from its workload stream). */
    seed;
    clientSeed;
    keys;
    recorder;
    rounds = 0;
    /** When faults began and were healed, on the history's clock (the page shows them as bands). */
    events = [];
    /** Records a fault's start or heal on the history's clock. */
    record = (e) => {
        this.events.push({ ...e, time: this.elapsed() });
    };
    constructor(ctx, wl, streams) {
        this.ctx = ctx;
        this.wl = wl;
        this.seed = streams.seed;
        this.clientSeed = streams.workload;
        this.keys = Array.from({ length: wl.keys }, (_, i) => `replicheck-${ctx.ids.runId}-wl-${i}`);
        this.recorder = new WorkloadRecorder(ctx.clock, wl.model);
    }
    get operations() {
        return this.recorder.records.length;
    }
    plan() {
        return {
            clients: this.wl.clients,
            durationMs: this.wl.durationMs,
            keys: this.keys,
            seed: this.clientSeed,
            valuePrefix: `rc-${this.ctx.ids.runId}`,
            model: this.wl.model,
            sessions: this.wl.sessions,
            formatValue: (head) => (0,values/* formatValue */.Fl)(this.ctx.api.codec.format, head, () => Buffer.alloc(0)),
        };
    }
    /**
     * The clients for the workload duration, and past it while `keepRunning` says so (faults run inside the
     * workload, however long they take), until the run is cancelled or `signal` aborts.
     */
    run(o = {}) {
        const plan = { ...this.plan(), ...(o.keepRunning ? { keepRunning: o.keepRunning } : {}) };
        const signal = o.signal ? AbortSignal.any([this.ctx.signal, o.signal]) : this.ctx.signal;
        return runClients(this.recorder, this.ctx.api, this.ctx.nodes, plan, signal, this.rounds++);
    }
    /** Milliseconds since the workload's clock origin: the time unit of its history. */
    elapsed() {
        return Math.round((this.ctx.clock.now() - this.recorder.t0) * 1000) / 1000;
    }
    async finish(sink, warn) {
        const { ctx, wl, seed, keys } = this;
        const nemesis = this.events;
        const run = this.recorder.finish();
        const history = {
            ...run.history,
            meta: { tool: 'replicheck', runId: ctx.ids.runId, seed, clients: wl.clients, consistency: wl.consistency, sessions: wl.sessions },
            ...(nemesis.length > 0 ? { nemesis: [...nemesis].sort((a, b) => a.time - b.time) } : {}),
        };
        // Convergence first, while the nodes are fresh from the workload; then the checkers, which need only the history.
        const convergeStart = ctx.clock.now();
        const convergence = eventualResults(history, await awaitConvergence(ctx, keys));
        const checkStart = ctx.clock.now();
        const memory = wl.maxMemoryBytes !== undefined ? { maxMemoryBytes: wl.maxMemoryBytes } : {};
        const lin = linearizabilityResults(history, wl.model, memory);
        const ladder = (0,consistency_ladder/* judgeLadder */.A1)(history, {
            eventual: eventualVerdict(convergence, checkStart - convergeStart),
            linearizable: (0,consistency_ladder/* linearizableVerdict */.g7)(lin.results, lin.elapsedMs),
            // A client goes on as a new process after an indeterminate operation (generator.ts); its session is the client.
            clientOf: (op) => Number(op.process) % wl.clients,
            budgetMs: LADDER_BUDGET_MS,
            ...memory,
        });
        const results = wl.consistency === 'linearizable' ? lin.results : convergence;
        const checkMs = ctx.clock.now() - checkStart;
        const models = { claim: wl.consistency, sessions: wl.sessions, strongest: ladder.strongest, models: ladder.models };
        let files;
        if (sink) {
            try {
                files = await sink(history, results, wl.consistency, models);
            }
            catch (error) {
                warn(`Could not write the workload history: ${error.message}`);
            }
        }
        const counts = countOperations(run.records, ctx.nodes.map((n) => n.label));
        const section = {
            model: wl.model,
            consistency: wl.consistency,
            sessions: wl.sessions,
            clients: wl.clients,
            durationMs: wl.durationMs,
            elapsedMs: run.endedAt - run.startedAt,
            seed,
            keys,
            capped: run.capped,
            ...(this.rounds > 1 ? { runs: this.rounds } : {}),
            operations: counts.operations,
            perNode: counts.perNode,
            latency: latencies(run.records),
            keyResults: results,
            ...(wl.consistency === 'linearizable' ? { convergence } : {}),
            models,
            checkMs,
            ...(files ? { history: files } : {}),
        };
        const verdicts = { results, ...(wl.consistency === 'linearizable' ? { convergence } : {}), ladder, operations: history.operations };
        return { section, checks: workloadChecks(verdicts, wl.consistency, ctx.nodes, counts.operations.ok, checkMs) };
    }
}
/** Polls every node for every key until all nodes return the same value, or the convergence timeout passes. */
async function awaitConvergence(ctx, keys) {
    return Promise.all(keys.map(async (key) => {
        const start = ctx.clock.now();
        const r = await pollAs(ctx, 'settle', async () => {
            const values = await Promise.all(ctx.nodes.map(async (node) => {
                const read = classifyRead(await ctx.api.read(node.url, key, ctx.signal), ctx.api.codec);
                return read.type === 'ok'
                    ? { node: node.label, value: read.value }
                    : { node: node.label, value: undefined, ...(read.error !== undefined ? { error: read.error } : {}) };
            }));
            const first = values[0]?.value;
            const done = first !== undefined && values.every((v) => v.value === first);
            return { done, value: values };
        });
        return { key, converged: r.done, values: r.last ?? [], waitedMs: ctx.clock.now() - start };
    }));
}

;// CONCATENATED MODULE: ./src/faults/active.ts
// Faults that hold right now. Each fault cycle heals its own fault in a finally; the engine also heals whatever is
// still registered before it collects logs and tears down, so a throw, a hang cut short or a cancel can never
// leave a paused container or a disconnected network behind.
/** Turns a thrown apply or heal into a failed outcome, so one service's error cannot skip healing the others. */
function threw(what) {
    return (error) => ({ ok: false, detail: `${what} threw: ${error?.message ?? String(error)}` });
}
class ActiveFaults {
    held = new Map();
    next = 0;
    /** Registers a held fault; returns a heal that runs at most once, whoever calls it first. */
    add(label, heal) {
        const id = this.next++;
        let running;
        const once = () => {
            running ??= heal()
                .catch(threw('healing'))
                .finally(() => this.held.delete(id));
            return running;
        };
        this.held.set(id, { label, heal: once });
        return once;
    }
    get size() {
        return this.held.size;
    }
    /** Heals everything still held; returns one line per fault healed here. */
    async healAll() {
        const all = [...this.held.values()];
        return Promise.all(all.map(async (f) => ({ label: f.label, outcome: await f.heal() })));
    }
}

// EXTERNAL MODULE: ./src/faults/containers.ts
var containers = __webpack_require__(2245);
// EXTERNAL MODULE: ./src/faults/kinds/partition.ts
var partition = __webpack_require__(5827);
;// CONCATENATED MODULE: ./src/faults/docker.ts





function dockerFaultActions(compose, exec, o) {
    const env = { ...o, compose, exec };
    return {
        prepare: async (services) => void (await Promise.all(services.map((s) => o.lifecycle.prepare(s)))),
        apply: (spec, service) => (0,kinds/* describeKind */.SB)(spec.kind).apply(env, spec, service),
        applyGrudges: (spec, grudges) => (0,partition/* applyGrudges */.gl)(compose, o.netns, spec, grudges),
    };
}
/**
 * Removes whatever network or clock fault Replicheck may have left on any container of the project: the last
 * resort before teardown and in the post step (after a SIGKILL of the main step). One line per fault that would not
 * go; quiet when there is nothing.
 */
async function undoLeftoverFaults(compose, o) {
    const problems = [];
    if (o.netns) {
        const ns = o.netns;
        try {
            for (const c of await (0,containers/* netContainers */.GY)(compose)) {
                for (const r of [await (0,netns/* unfilter */.wr)(ns, c.pid), await (0,netns/* undelay */.xG)(ns, c.pid)])
                    if (!r.ok)
                        problems.push(`${c.service}: ${r.detail}`);
            }
        }
        catch (error) {
            problems.push(String(error));
        }
    }
    if (o.clockDir)
        problems.push(...(await (0,clock/* resetClocks */.RB)(o.clockDir)));
    return problems;
}

// EXTERNAL MODULE: ./src/faults/lifecycle.ts
var faults_lifecycle = __webpack_require__(4293);
;// CONCATENATED MODULE: ./src/faults/wording.ts


/** `a`, `a and b`, `a, b and c`. */
function listed(names) {
    return names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}`;
}
const cap = (s) => s.charAt(0).toUpperCase() + s.slice(1);
const ms = (n) => Math.round(n);
const secs = (n) => Math.round(n / 1000);
/** What lost and never-had keys are, in one clause each. */
function missingClauses(lost, neverHad, when) {
    return [
        ...(lost.length > 0 ? [`it returned or acknowledged these before the ${when} and no longer does: ${lost.join(', ')}`] : []),
        ...(neverHad.length > 0 ? [`it never returned these, before or after: ${neverHad.join(', ')}`] : []),
    ].join('; ');
}
/** The fault suite's voice: every title starts with the fault, e.g. `Pause kv_4: ...`. */
function faultVoice(f) {
    const { done, noun: plain } = (0,kinds/* describeKind */.SB)(f.kind).words;
    const noun = f.name && f.name !== f.kind ? f.name : plain;
    const what = f.target === 'cluster' ? `the cluster was split (${noun})` : `${listed(f.services)} ${f.services.length > 1 ? 'were' : 'was'} ${done}`;
    const title = (text) => `${cap(noun)} ${f.target}: ${text}`;
    const since = (0,kinds/* describeKind */.SB)(f.kind).healsItself ? `the ${plain} began` : 'the fault was healed';
    const v = { f, noun, what, title, since };
    return { ...heldWords(v), ...healedWords(v) };
}
/** Sentences about the fault itself and while it held. */
function heldWords({ f, noun, what, title }) {
    return {
        plan: (problem) => ({ title: title('cannot be checked'), detail: problem }),
        apply: (detail) => ({ title: title('could not be applied'), detail: `${cap(noun)} of ${f.target} failed: ${detail}.` }),
        heal: (detail) => ({ title: title('could not be healed'), detail: `Healing ${f.target} failed: ${detail}.` }),
        stale: (node, keys, waitedMs) => ({
            title: title(`${node} kept serving stale data while ${what}`),
            detail: `${node} answered without the acknowledged value of ${keys.join(', ')} for ${ms(waitedMs)} ms while ${what} ` +
                `(convergence timeout ${ms(f.limits.convergenceTimeoutMs)} ms). Under consistency: linearizable a node that cannot get ` +
                `new writes must refuse reads, not serve old data.`,
        }),
        ownCopy: (node, keys, waitedMs, claim) => ({
            title: title(`${node} answered from its own copy while ${what}`),
            detail: `${node} answered without the acknowledged value of ${keys.join(', ')} for at least ${ms(waitedMs)} ms while ${what}. ` +
                `Allowed under consistency: ${claim} (only linearizable forbids it); the catch-up checks after healing hold it to ` +
                `every value it missed.`,
        }),
        slow: (node, keys, waitedMs) => ({
            title: title(`${node} was slow to converge while ${what}`),
            detail: `Measured, not judged (the link still works): ${node} answered without the acknowledged value of ${keys.join(', ')} ` +
                `for ${ms(waitedMs)} ms while ${what} (convergence timeout ${ms(f.limits.convergenceTimeoutMs)} ms).`,
        }),
        refusedReads: (node, last) => ({
            title: title(`${node} refused reads while ${what}`),
            detail: `${node} refused reads while ${what} (${(0,kv_api/* describeObservation */.C3)(last)}): availability loss, not data loss.`,
        }),
        converged: (node, count, slowestMs) => ({
            title: title(`${node} returned every write made while ${what}`),
            detail: `${node} returned all ${count} value(s) written while ${what}, the slowest after ${ms(slowestMs)} ms.`,
        }),
    };
}
/** Sentences about what came after healing: recovery, writes, catch-up, durability. */
function healedWords({ f, noun, what, title, since }) {
    return {
        recovered: (node, t) => ({ title: title(`${node} answers again`), detail: `${node} answered ${ms(t)} ms after ${since}.` }),
        notRecovered: (node, last) => ({
            title: title(`${node} did not answer again`),
            detail: `${node} did not answer below 500 within ${secs(f.limits.startupTimeoutMs)} s after the fault was healed; last: ` +
                `${(0,kv_api/* describeObservation */.C3)(last)}.`,
        }),
        writableAgain: (node, t, attempts) => ({
            title: title('writes are accepted again after healing'),
            detail: `Every write was refused while ${what} (availability loss); ${node} acknowledged one ${ms(t)} ms after the fault ` +
                `was healed (${attempts} attempt(s)).`,
        }),
        stillRefused: (triedOn, attempts, last) => ({
            title: title('writes are still refused after healing'),
            detail: `Every write was refused while ${what}, and still none of ${triedOn.join(', ')} acknowledged one within ` +
                `${secs(f.limits.startupTimeoutMs)} s after healing (${attempts} attempt(s)); last: ${(0,kv_api/* describeObservation */.C3)(last)}.`,
        }),
        nothingToCatchUp: (node) => ({
            title: title(`nothing to catch up on for ${node}`),
            detail: `No node acknowledged a write while ${what}.`,
        }),
        caughtUp: (node, count, slowestMs, afterHeal) => ({
            title: title(afterHeal ? `${node} caught up after healing` : `${node} caught up with every write made while it was away`),
            detail: `${node} returned all ${count} value(s) ${afterHeal ? 'acknowledged after healing' : `written while ${what}`}, ` +
                `${ms(slowestMs)} ms after it answered again.`,
        }),
        missedCatchUp: (node, keys, waitedMs, afterHeal) => ({
            title: title(afterHeal
                ? `${node} never got the write acknowledged after healing`
                : `${node} never caught up with ${keys.length} write(s) made while it was away`),
            detail: `${node} never returned keys ${afterHeal ? 'acknowledged after healing' : `written while ${what}`}: ` +
                `${keys.join(', ')} (waited ${ms(waitedMs)} ms).`,
        }),
        gotTargetWrites: (node, count) => ({
            title: title(`${node} got the writes ${f.target} acknowledged while ${what}`),
            detail: `${node} returned all ${count} value(s) ${f.target} acknowledged while ${what}.`,
        }),
        missedTargetWrites: (node, keys) => ({
            title: title(`${node} never got ${keys.length} write(s) ${f.target} acknowledged while ${what}`),
            detail: `${node} never returned keys ${f.target} acknowledged while ${what}: ${keys.join(', ')}.`,
        }),
        kept: (node, count) => ({
            title: title(`${node} kept every earlier write`),
            detail: `${node} still returns all ${count} value(s) acknowledged before the ${noun}.`,
        }),
        notKept: (node, lost, neverHad) => ({
            title: title(lost.length > 0
                ? `${node} lost ${lost.length} acknowledged write(s)`
                : `${node} is missing ${neverHad.length} acknowledged write(s)`),
            detail: `${node} does not return keys acknowledged before the ${noun}: ${missingClauses(lost, neverHad, noun)}.`,
        }),
    };
}
/** The restart check's voice (`restart-target`): titles name the check, e.g. `Catch-up: kv_4 ...`. */
function restartVoice(f) {
    const base = faultVoice(f);
    const t = f.target;
    return {
        ...base,
        plan: (problem) => ({ title: `Restart: ${t} cannot be checked`, detail: problem }),
        apply: (detail) => ({ title: `Restart: compose restart ${t} failed`, detail: `Restarting ${t} failed: ${detail}.` }),
        heal: (detail) => ({ title: `Restart: compose restart ${t} failed`, detail: `Restarting ${t} failed: ${detail}.` }),
        stale: (node, keys, waitedMs) => ({
            title: `Restart: ${node} never returned the value written while ${t} restarted`,
            detail: base.stale(node, keys, waitedMs).detail,
        }),
        refusedReads: (node, last) => ({
            title: `Restart: ${node} refused reads while ${t} restarted`,
            detail: base.refusedReads(node, last).detail,
        }),
        converged: (node, count, slowestMs) => ({
            title: `Restart: ${node} returned the value written while ${t} restarted`,
            detail: base.converged(node, count, slowestMs).detail,
        }),
        recovered: (node, t0, restartMs) => ({
            title: `Recovery: ${node} answers again after the restart`,
            detail: `${node} answered ${ms(t0)} ms after the restart ` +
                `began${restartMs !== undefined ? ` (compose restart took ${ms(restartMs)} ms)` : ''}.`,
        }),
        notRecovered: (node, last) => ({
            title: `Recovery: ${node} did not answer after the restart`,
            detail: `${node} did not answer below 500 within ${secs(f.limits.startupTimeoutMs)} s after the restart; last: ` +
                `${(0,kv_api/* describeObservation */.C3)(last)}.`,
        }),
        writableAgain: (node, t0, attempts) => ({
            title: `Restart: writes are accepted again after the restart`,
            detail: base.writableAgain(node, t0, attempts).detail,
        }),
        stillRefused: (triedOn, attempts, last) => ({
            title: `Restart: no node accepted a write while ${t} restarted`,
            detail: base.stillRefused(triedOn, attempts, last).detail,
        }),
        nothingToCatchUp: (node) => ({ title: `Catch-up: nothing to catch up on for ${node}`, detail: base.nothingToCatchUp(node).detail }),
        caughtUp: (node, count, slowestMs, afterHeal) => ({
            title: `Catch-up: ${node} has the value written while it was down`,
            detail: base.caughtUp(node, count, slowestMs, afterHeal).detail,
        }),
        missedCatchUp: (node, keys, waitedMs, afterHeal) => ({
            title: `Catch-up: ${node} never returned the value written while it was down`,
            detail: base.missedCatchUp(node, keys, waitedMs, afterHeal).detail,
        }),
        kept: (node, count) => ({
            title: `Durability: ${node} kept every earlier write`,
            detail: `${node} still returns all ${count} values written before the restart.`,
        }),
        notKept: (node, lost, neverHad) => ({
            title: lost.length > 0
                ? `Durability: ${node} lost ${lost.length} earlier write(s) after the restart`
                : `Durability: ${node} is missing ${neverHad.length} earlier write(s) after the restart`,
            detail: `${node} does not return ${lost.length + neverHad.length} key(s) written before the restart: ` +
                `${missingClauses(lost, neverHad, 'restart')}.`,
        }),
    };
}

;// CONCATENATED MODULE: ./src/faults/plan.ts



/** The name a group goes by in ids, phases and reports. */
function groupName(services) {
    return services.join('+');
}
/**
 * Every fault in the order given, each against every group in the order given; a cluster-wide partition
 * (`partition:halves`, `majorities-ring`, `bridge`) once, over all of the project's services.
 */
function planFaults(input) {
    const steps = [];
    const seen = new Map();
    const services = [...new Set(input.nodes.flatMap((n) => (n.service ? [n.service] : [])))];
    const writers = input.writers ?? input.nodes.filter((n) => n.readOnly !== true);
    const isWriter = (node) => writers.some((w) => w.url === node.url);
    for (const spec of input.specs) {
        const wide = (0,partition/* isClusterWide */.O9)(spec);
        for (const group of wide ? [services] : input.groups) {
            const target = wide ? 'cluster' : groupName(group);
            const base = `fault:${spec.name}:${target}`;
            const n = (seen.get(base) ?? 0) + 1;
            seen.set(base, n);
            const inGroup = (node) => node.service !== undefined && group.includes(node.service);
            const targets = input.nodes.filter(inGroup);
            const others = input.nodes.filter((node) => !inGroup(node));
            const reachable = (0,kinds/* describeKind */.SB)(spec.kind).answersWhileHeld ? [...others, ...targets] : [...others];
            const writeTo = reachable.filter(isWriter);
            const grudges = wide ? grudgesFor(spec.topology, (input.shuffle ?? ((x) => [...x]))(services)) : undefined;
            steps.push({
                index: steps.length + 1,
                kind: spec.kind,
                spec,
                ...(grudges ? { grudges } : {}),
                target,
                services: [...group],
                idPrefix: n > 1 ? `${base}#${n}` : base,
                phase: `${spec.name} ${target}${n > 1 ? ` #${n}` : ''}`,
                targets,
                others,
                writeTo: order(input.nodes, writeTo.length > 0 ? writeTo : targets.filter(isWriter)),
                readFrom: order(input.nodes, reachable),
                voice: 'fault',
                writeBefore: true,
            });
        }
    }
    return steps;
}
function grudgesFor(topology, ordered) {
    return (0,partition/* topologyGrudges */.DH)(topology, ordered.length).drops.map(([a, b]) => [ordered[a], ordered[b]]);
}
function order(all, subset) {
    return all.filter((n) => subset.includes(n));
}
/**
 * `restart-target` alone: the restart fault in the restart check's voice, with its ids (`restart:recovery:kv_4`)
 * and its phase name (`restart`), as reports and users have always known it.
 */
function planRestartCheck(service, nodes, writers) {
    const [step] = planFaults({ specs: [{ kind: 'restart', name: 'restart' }], groups: [[service]], nodes, ...(writers ? { writers } : {}) });
    return { ...step, idPrefix: 'restart', phase: 'restart', voice: 'restart', writeBefore: false };
}
/** A problem with the plan itself, reported as a failed check rather than a crash. */
function planProblem(step) {
    const many = step.services.length > 1;
    if (step.grudges) {
        return step.services.length < 3
            ? `${step.spec.name} needs at least three services; the project has ${step.services.length}.`
            : undefined;
    }
    if (step.others.length === 0) {
        return (`Every server maps to ${many ? `a service of ${step.target}` : step.target}; list at least one server of another ` +
            `service so something stays up to take writes${many ? ', or fault fewer services at once' : ''}.`);
    }
    const unpublished = step.services.filter((s) => !step.targets.some((n) => n.service === s));
    if (unpublished.length > 0) {
        const names = unpublished.join(', ');
        return (`None of the servers is published by ${names}, so ${unpublished.length > 1 || many ? 'their' : 'its'} recovery and ` +
            `catch-up cannot be checked. Check the servers' ports against the compose ` +
            `file${many ? ', or leave those services out of the group' : ''}.`);
    }
    return undefined;
}
/**
 * A node that answers a read below 500 without the acknowledged value is serving stale data; a node that refuses
 * (5xx, connection error, timeout) is unavailable, which is allowed while a fault holds.
 */
function plan_classifyRead(answer) {
    if (answer.ok && answer.matches)
        return 'converged';
    if (!answer.ok || (answer.status ?? 0) >= 500)
        return 'refused';
    return 'stale';
}
/** Refused writes are availability loss, never data loss: reported, not failed. */
function availability(accepted, refused) {
    if (accepted + refused === 0)
        return 'n/a';
    if (refused === 0)
        return 'full';
    return accepted === 0 ? 'none' : 'partial';
}
/** Keys a node no longer returns, in the order they were written. */
function lostKeys(written, kept) {
    return written.filter((w) => !kept.has(w.key)).map((w) => w.key);
}
/**
 * Later faults check durability of everything acknowledged so far, except keys already reported lost. A key
 * written again keeps its latest value: the earlier one is rightly gone.
 */
function carryForward(written, lost) {
    return latestPerKey(written).filter((w) => !lost.has(w.key));
}
/** The last write of each key, in the order of those last writes (writes come in acknowledgement order). */
function latestPerKey(written) {
    const last = new Map();
    for (const w of written)
        last.set(w.key, w);
    return written.filter((w) => last.get(w.key) === w);
}
/** A fault fails when any of its checks failed; skipped checks (nothing to check) do not fail it. */
function faultVerdict(checks) {
    return (0,result/* decideVerdict */.AU)(checks, []);
}

;// CONCATENATED MODULE: ./src/faults/judge.ts






function keysExtra(read) {
    return { ...(read.missing[0] ? { expected: read.missing[0].value } : {}), ...(read.last ? { actual: read.last } : {}) };
}
/** `claim`: the run's consistency claim; every model below linearizable lets a cut-off node serve its own copy. */
function judgeFault(o, limits, claim = 'eventual') {
    const { step } = o;
    const voice = (step.voice === 'restart' ? restartVoice : faultVoice)({
        kind: step.kind,
        name: step.spec.name,
        target: step.target,
        services: step.services,
        limits,
    });
    const scope = { o, p: step.idPrefix, voice, claim };
    const service = step.services[0];
    const failed = (id, said) => makeCheck({ id, kind: 'fault', status: 'failed', said, ...(service ? { service } : {}) });
    const checks = [];
    if (o.planProblem !== undefined)
        checks.push(failed(`${scope.p}:plan`, voice.plan(o.planProblem)));
    if (o.applied && !o.applied.ok)
        checks.push(failed(`${scope.p}:apply`, voice.apply(o.applied.detail)));
    const held = judgeHeld(scope);
    checks.push(...held.checks);
    if (o.heal && !o.heal.ok)
        checks.push(failed(`${scope.p}:heal`, voice.heal(o.heal.detail)));
    const recovery = judgeRecovery(scope);
    checks.push(...recovery.checks, ...judgeWritable(scope, service));
    const catchUp = judgeCatchUp(scope);
    checks.push(...catchUp.checks);
    const durability = judgeDurability(scope);
    checks.push(...durability.checks);
    const accepted = o.writes.filter((w) => w.acked).length;
    const refused = o.writes.length - accepted;
    const indeterminate = o.writes.filter((w) => w.indeterminate).length;
    const refusedBy = new Set([...o.writes.filter((w) => !w.acked).map((w) => w.node.label), ...held.refusedBy]);
    const { beganMs, healedMs } = o;
    const report = {
        kind: step.kind,
        target: step.target,
        action: o.applied?.ok ? o.applied.description : `${step.kind} ${step.target}`,
        ...(beganMs !== undefined ? { beganMs } : {}),
        ...(healedMs !== undefined ? { healedMs } : {}),
        ...(beganMs !== undefined && healedMs !== undefined ? { heldMs: healedMs - beganMs } : {}),
        writesAccepted: accepted,
        writesRefused: refused,
        ...(indeterminate > 0 ? { writesIndeterminate: indeterminate } : {}),
        ...(held.servedStale.length > 0 ? { servedStale: held.servedStale } : {}),
        refusedBy: [...refusedBy],
        availability: availability(accepted, refused),
        ...(held.convergenceMs !== undefined ? { convergenceMs: held.convergenceMs } : {}),
        ...(o.race ? { race: raceReport(o.race) } : {}),
        ...(o.requests && o.requests.ms.length > 0 ? { requests: { ...quantiles(o.requests.ms), errors: o.requests.errors } } : {}),
        ...(recovery.ms !== undefined ? { recoveryMs: recovery.ms } : {}),
        ...(catchUp.ms !== undefined ? { catchUpMs: catchUp.ms } : {}),
        staleNodes: held.stale,
        lostKeys: durability.lost,
        ...(durability.missing.length > durability.lost.length ? { missingKeys: durability.missing } : {}),
        verdict: faultVerdict(checks),
        checkIds: checks.map((c) => c.id),
    };
    // A key whose last write is uncertain is left out of what later faults expect.
    const unsure = new Set(o.unsure ?? []);
    const acked = [
        ...o.before,
        ...o.writes.filter((w) => w.acked).map((w) => w.write),
        ...(o.writable?.write ? [o.writable.write] : []),
    ].filter((w) => !unsure.has(w.key));
    const inputProblem = o.applied && !o.applied.ok && o.applied.input ? { input: o.applied.input, message: o.applied.detail } : undefined;
    return { checks, report, acked, missing: durability.missing, ...(inputProblem ? { inputProblem } : {}) };
}
/**
 * While the fault held: per node that still serves reads, stale, refused (skipped) or converged. A stale node cut
 * off from its peers is allowed its own copy under any claim below linearizable (reported, passed); one that was
 * not cut off, or under linearizable, fails.
 */
function judgeHeld({ o, p, voice, claim }) {
    const checks = [];
    const stale = [];
    const servedStale = [];
    const refusedBy = [];
    if (o.held.length === 0)
        return { checks, stale, servedStale, refusedBy };
    const kind = (0,kinds/* describeKind */.SB)(o.step.kind);
    for (const node of o.step.readFrom) {
        const mine = o.held.filter((r) => r.node === node);
        if (mine.length === 0)
            continue;
        const staleReads = mine.filter((r) => r.state === 'stale');
        const refusedReads = mine.filter((r) => r.state === 'refused');
        const id = `${p}:converge:${node.label}`;
        if (staleReads.length > 0) {
            const first = staleReads[0];
            const keys = staleReads.map((r) => r.write.key);
            const ownCopy = kind.cutsPeers === true && o.step.targets.includes(node) && (0,models/* allowsStaleWhileCut */.l3)(claim);
            if (ownCopy)
                servedStale.push({ node: node.label, keys, staleForMs: Math.max(...staleReads.map((r) => r.waitedMs)) });
            else
                stale.push(node.label);
            // A degraded link still works: how long values take is measured, and judged only once it is healed.
            const said = ownCopy
                ? voice.ownCopy(node.label, keys, first.waitedMs, claim)
                : (kind.measuresOnly ? voice.slow : voice.stale)(node.label, keys, first.waitedMs);
            const status = ownCopy ? 'passed' : kind.measuresOnly ? 'skipped' : 'failed';
            const at = { durationMs: first.waitedMs, node, expected: first.write.value, actual: first.last, waitedMs: first.waitedMs };
            checks.push(makeCheck({ id, kind: 'convergence', status, said, ...at }));
        }
        else if (refusedReads.length > 0) {
            refusedBy.push(node.label);
            checks.push(makeCheck({
                id,
                kind: 'convergence',
                status: 'skipped',
                said: voice.refusedReads(node.label, refusedReads[0].last),
                durationMs: refusedReads[0].waitedMs,
                node,
                actual: refusedReads[0].last,
            }));
        }
        else {
            const slowest = Math.max(...mine.map((r) => r.ms ?? 0));
            const said = voice.converged(node.label, mine.length, slowest);
            checks.push(makeCheck({ id, kind: 'convergence', status: 'passed', said, durationMs: slowest, node }));
        }
    }
    const slowest = Math.max(0, ...o.held.map((r) => r.ms ?? 0));
    const allGot = stale.length === 0 && servedStale.length === 0;
    return { checks, stale, servedStale, refusedBy, convergenceMs: allGot ? slowest : null };
}
/** Every faulted node answers again; the report keeps the slowest. */
function judgeRecovery({ o, p, voice }) {
    let ms;
    const checks = o.recovery.map((r) => {
        if (r.done)
            ms = Math.max(ms ?? 0, r.ms ?? 0);
        const said = r.done ? voice.recovered(r.node.label, r.ms ?? 0, o.restartMs) : voice.notRecovered(r.node.label, r.last);
        const status = r.done ? 'passed' : 'failed';
        return makeCheck({
            id: `${p}:recovery:${r.node.label}`,
            kind: 'recovery',
            status,
            said,
            durationMs: r.ms ?? r.elapsedMs,
            node: r.node,
            actual: r.last,
        });
    });
    return { checks, ...(ms !== undefined ? { ms } : {}) };
}
/** After a fault that refused every write: the store takes writes again. */
function judgeWritable({ o, p, voice }, service) {
    const w = o.writable;
    if (!w)
        return [];
    const node = w.node;
    const said = w.write && node
        ? voice.writableAgain(node.label, w.ms, w.attempts)
        : voice.stillRefused(w.triedOn.map((n) => n.label), w.attempts, w.last);
    return [
        makeCheck({
            id: `${p}:writable`,
            kind: 'recovery',
            status: w.write ? 'passed' : 'failed',
            said,
            durationMs: w.ms,
            ...(node ? { node } : service ? { service } : {}),
            ...(w.write ? {} : { actual: w.last }),
        }),
    ];
}
/**
 * Catch-up of the faulted nodes (what was acknowledged while they were away, or the first write after healing),
 * and of the others (what a cut-off target acknowledged must reach the rest once healed).
 */
function judgeCatchUp({ o, p, voice }) {
    const afterHeal = o.writes.every((x) => !x.acked);
    const checks = [];
    let ms;
    for (const node of o.recovery.filter((r) => r.done).map((r) => r.node)) {
        const read = o.catchUp.find((c) => c.node === node);
        const id = `${p}:catch-up:${node.label}`;
        if (!read) {
            checks.push(makeCheck({ id, kind: 'catch-up', status: 'skipped', said: voice.nothingToCatchUp(node.label), node }));
            continue;
        }
        const ok = read.missing.length === 0;
        if (ok)
            ms = Math.max(ms ?? 0, read.slowestMs);
        const said = ok
            ? voice.caughtUp(node.label, read.expected.length, read.slowestMs, afterHeal)
            : voice.missedCatchUp(node.label, read.missing.map((m) => m.key), read.waitedMs, afterHeal);
        const durationMs = ok ? read.slowestMs : read.waitedMs;
        checks.push(makeCheck({ id, kind: 'catch-up', status: ok ? 'passed' : 'failed', said, durationMs, node, ...keysExtra(read) }));
    }
    for (const read of o.afterHeal) {
        const ok = read.missing.length === 0;
        const said = ok
            ? voice.gotTargetWrites(read.node.label, read.expected.length)
            : voice.missedTargetWrites(read.node.label, read.missing.map((m) => m.key));
        checks.push(makeCheck({
            id: `${p}:after-heal:${read.node.label}`,
            kind: 'catch-up',
            status: ok ? 'passed' : 'failed',
            said,
            durationMs: ok ? read.slowestMs : read.waitedMs,
            node: read.node,
            ...keysExtra(read),
        }));
    }
    return { checks, ...(ms !== undefined ? { ms } : {}) };
}
/**
 * Durability: a key a node returned (or acknowledged) before and no longer returns is lost; one it never returned
 * is missing, which fails too, but is not called a loss.
 */
function judgeDurability({ o, p, voice }) {
    const lost = new Set();
    const missing = new Set();
    const checks = o.durability.map((read) => {
        for (const k of read.lost)
            lost.add(k);
        for (const m of read.missing)
            missing.add(m.key);
        const ok = read.missing.length === 0;
        const neverHad = read.missing.map((m) => m.key).filter((k) => !read.lost.includes(k));
        const said = ok ? voice.kept(read.node.label, read.expected.length) : voice.notKept(read.node.label, read.lost, neverHad);
        return makeCheck({
            id: `${p}:durability:${read.node.label}`,
            kind: 'durability',
            status: ok ? 'passed' : 'failed',
            said,
            durationMs: read.waitedMs,
            node: read.node,
            ...keysExtra(read),
        });
    });
    return { checks, lost: [...lost], missing: [...missing] };
}
function raceReport(r) {
    return {
        sent: r.sent,
        acked: r.acked.length,
        ...(r.lastAckGapMs !== undefined ? { lastAckGapMs: Math.round(r.lastAckGapMs * 10) / 10 } : {}),
    };
}

;// CONCATENATED MODULE: ./src/faults/group.ts
// A fault applied to several services together: each service's fault is applied at the same time, and healing
// heals all of them. Built over FaultActions only, so the unit tests drive it with an in-memory cluster.

/**
 * Applies one planned step, as the sequence and the random schedule both do: a cluster-wide partition as its
 * grudges, anything else on each of its services at once; registers what applied with the faults held.
 */
async function applyStep(actions, active, step) {
    const a = step.grudges ? await actions.applyGrudges(step.spec, step.grudges) : await applyTogether(actions, step.spec, step.services);
    if (!a.ok)
        return { ok: false, detail: a.detail, ...(a.input !== undefined ? { input: a.input } : {}) };
    return { ok: true, description: a.fault.description, heal: active.add(`${step.spec.name} ${step.target}`, () => a.fault.heal()) };
}
async function applyTogether(actions, kind, services) {
    if (services.length === 1)
        return actions.apply(kind, services[0]);
    // At once, not in turn: with a quorum store, faulting one member and then the next would let a leader change
    // happen in between, and the group would not be lost together.
    const results = await Promise.all(services.map(async (service) => ({ service, r: await actions.apply(kind, service).catch(threw('applying')) })));
    const applied = results.flatMap(({ service, r }) => (r.ok ? [{ service, fault: r.fault }] : []));
    const healAll = async () => {
        const outcomes = await Promise.all(applied.map(async ({ service, fault }) => ({
            service,
            o: await fault.heal().catch(threw('healing')),
        })));
        const bad = outcomes.filter((x) => !x.o.ok);
        return bad.length === 0
            ? { ok: true, detail: outcomes.map((x) => x.o.detail).join('; ') }
            : { ok: false, detail: bad.map((x) => `${x.service}: ${x.o.detail}`).join('; ') };
    };
    const failures = results.filter((x) => !x.r.ok);
    if (failures.length > 0) {
        // The services whose fault did apply must not stay faulted.
        const healed = applied.length > 0 ? await healAll() : undefined;
        const input = failures.find((f) => f.r.input !== undefined)?.r.input;
        const detail = failures.map((f) => `${f.service}: ${f.r.detail}`).join('; ') +
            (healed && !healed.ok ? `; healing the others failed too: ${healed.detail}` : '');
        return { ok: false, detail, ...(input !== undefined ? { input } : {}) };
    }
    return { ok: true, fault: { description: applied.map((a) => a.fault.description).join('; '), heal: healAll } };
}

;// CONCATENATED MODULE: ./src/faults/race.ts
/** No more writes than this per target, however fast the node acknowledges (a bound, not an expected count). */
const MAX_WRITES = 500;
/** Acknowledged writes per target that later checks are held to: the last ones, nearest the strike. */
const KEEP = 20;
const WARM_MS = 1000;
function raceWrites(ctx, targets, write) {
    let stopped = false;
    let sent = 0;
    const acks = [];
    let firstFailAt;
    const firsts = [];
    const loops = targets.map((node) => {
        let first;
        firsts.push(new Promise((resolve) => (first = resolve)));
        return (async () => {
            for (let i = 0; i < MAX_WRITES && !stopped && !ctx.signal.aborted; i++) {
                sent++;
                const w = await write(node);
                const at = ctx.clock.now();
                if (w.acked)
                    acks.push({ write: w.write, at, node });
                else if (!stopped)
                    firstFailAt = Math.min(firstFailAt ?? at, at);
                first();
                // A target that refuses is not racing anything; the fault's own checks report the refusal.
                if (!w.acked)
                    break;
            }
            first();
        })();
    });
    const warm = Promise.race([Promise.all(firsts).then(() => undefined), ctx.clock.sleep(WARM_MS, ctx.signal)]);
    return {
        warm,
        async stop(returnedAt) {
            stopped = true;
            const struck = Math.min(returnedAt, firstFailAt ?? returnedAt);
            await Promise.all(loops);
            const before = acks.filter((a) => a.at <= struck).map((a) => a.at);
            const last = before.length > 0 ? Math.max(...before) : undefined;
            const kept = targets.flatMap((node) => acks.filter((a) => a.node === node).slice(-KEEP));
            return {
                sent,
                ackedCount: acks.length,
                acked: kept.map((a) => a.write),
                ...(last !== undefined ? { lastAckGapMs: struck - last } : {}),
            };
        },
    };
}

;// CONCATENATED MODULE: ./src/faults/observe.ts







async function observeFault(ctx, step, opts) {
    const { clock } = ctx;
    const o = {
        step,
        mustKeep: [],
        before: [],
        writes: [],
        held: [],
        cancelled: false,
        recovery: [],
        catchUp: [],
        afterHeal: [],
        durability: [],
    };
    const problem = planProblem(step);
    if (problem)
        return { ...o, planProblem: problem };
    // A fault that ends by itself (restart) holds as long as it takes, and heals on its own.
    const selfHealing = (0,kinds/* describeKind */.SB)(step.kind).healsItself;
    // Just before the fault: a fresh write on every writer (the target too), so a node that acknowledges and then
    // loses a write on the way down (kill right after an ack) is caught by the durability check.
    await opts.actions.prepare?.(step.services);
    const before = step.writeBefore ? await Promise.all(writersOf(ctx).map((node) => write(ctx, node, 'pre'))) : [];
    o.before = before.filter((w) => w.acked).map((w) => w.write);
    // Then, for a fault that strikes a node's memory (kill, stop), writes to the target right up to the moment it
    // does: to a targeted writer (a replica takes none).
    const racers = writersIn(ctx, step.targets);
    const race = step.writeBefore && (0,kinds/* describeKind */.SB)(step.kind).racesWrites && racers.length > 0
        ? raceWrites(ctx, racers, (n) => write(ctx, n, 'race'))
        : undefined;
    await race?.warm;
    const applied = await applyStep(opts.actions, opts.active, step);
    if (race) {
        o.race = await race.stop(clock.now());
        o.before = [...o.before, ...o.race.acked];
    }
    o.mustKeep = carryForward([...opts.earlier, ...o.before], new Set());
    // The fault holds from when the command that applies it returned (Compose v1 alone takes about a second).
    const began = clock.now();
    o.beganMs = opts.sinceStart();
    if (!applied.ok) {
        o.healedMs = o.beganMs;
        o.applied = applied;
        return o;
    }
    o.applied = { ok: true, description: applied.description };
    opts.mark?.('start', step);
    const { heal } = applied;
    let healStart = began;
    try {
        // A restart heals itself: the "hold" is the restart, and writes go out once the target stopped answering.
        if (selfHealing) {
            let settled = false;
            void heal().finally(() => (settled = true));
            await untilOneIsDown(ctx, step.targets, () => settled);
        }
        await whileHeld(ctx, step, opts, began, o);
    }
    finally {
        healStart = clock.now();
        o.heal = await heal();
        o.healedMs = opts.sinceStart();
        opts.mark?.('stop', step);
        if (selfHealing)
            o.restartMs = healStart - began;
    }
    if (!o.heal.ok)
        return o;
    if (ctx.signal.aborted)
        return { ...o, cancelled: true };
    await afterHealing(ctx, step, selfHealing ? began : healStart, healStart, o);
    return o;
}
/** Availability writes, reads while the fault holds, and holding for the duration. */
async function whileHeld(outer, step, opts, began, o) {
    // Measured: what every request took while the fault held (judged only where the fault should not slow them).
    const ms = [];
    let errors = 0;
    const note = (outcome) => {
        ms.push(outcome.durationMs);
        if (!outcome.ok || outcome.status >= 500)
            errors++;
    };
    const api = outer.api;
    const ctx = {
        ...outer,
        api: {
            ...api,
            write: async (...args) => {
                const r = await api.write(...args);
                note(r.outcome);
                return r;
            },
            read: async (...args) => {
                const r = await api.read(...args);
                note(r.outcome);
                return r;
            },
        },
    };
    try {
        const writes = await Promise.all(step.writeTo.map(async (node) => ({ ...(await write(ctx, node, step.kind)), node, byTarget: step.targets.includes(node) })));
        o.writes = writes.map(attempt);
        // Reads while the fault holds: writes acknowledged on the live side must reach every node that still serves
        // reads. A partitioned node cannot be expected to pass its own writes across the cut: checked after healing.
        const fromLive = o.writes.filter((w) => w.acked && !w.byTarget).map((w) => w.write);
        o.held = await Promise.all(step.readFrom.flatMap((node) => fromLive.map((w) => readWhileHeld(ctx, node, w))));
        // Then the target writes last on the keys the others wrote (clock): once healed, every node must return its
        // values, which an order by a skewed wall clock would lose.
        // Each key is written again by one target only (shared out among a group): two at once would leave either.
        const lastWriters = writersIn(ctx, step.targets);
        if ((0,kinds/* describeKind */.SB)(step.kind).targetWritesLast && lastWriters.length > 0) {
            const later = await Promise.all(fromLive.map(async (w, i) => {
                const node = lastWriters[i % lastWriters.length];
                return { ...(await write(ctx, node, 'last', w.key)), node, byTarget: true };
            }));
            o.writes = [...o.writes, ...later.map(attempt)];
            // A later write that may still have taken effect leaves its key with no one value to expect; one the API
            // refused for certain leaves the earlier value the one to keep.
            o.unsure = later.filter((l) => l.result === 'indeterminate').map((l) => l.write.key);
            for (const key of o.unsure)
                ctx.seen.forget(key);
        }
        // Hold for at least the fault duration (a restart holds as long as it takes).
        if (!(0,kinds/* describeKind */.SB)(step.kind).healsItself) {
            const left = began + opts.durationMs - ctx.clock.now();
            if (left > 0)
                await ctx.clock.sleep(left, ctx.signal);
        }
    }
    finally {
        o.requests = { ms, errors };
    }
}
/** Recovery, writes after a fault that refused them all, catch-up, and durability, in that order. */
async function afterHealing(ctx, step, recoverFrom, healStart, o) {
    // The last acknowledged value of each key is the one every node must come to return.
    const unsure = new Set(o.unsure ?? []);
    const during = latestPerKey(o.writes.filter((w) => w.acked).map((w) => w.write)).filter((w) => !unsure.has(w.key));
    const refused = o.writes.some((w) => !w.acked);
    // The first request a recovering node gets is a read of a key it must catch up on (see untilRecovered).
    const probeKey = (during[0] ?? o.mustKeep[0])?.key;
    o.recovery = await Promise.all(step.targets.map(async (node) => {
        const back = await untilRecovered(ctx, node, probeKey);
        return {
            node,
            done: back.done,
            ...(back.doneAt !== undefined ? { ms: back.doneAt - recoverFrom } : {}),
            elapsedMs: back.elapsedMs,
            last: (0,kv_api/* observe */.lB)(back.last?.outcome),
            ...(probeKey !== undefined ? { probeKey } : {}),
        };
    }));
    const recovered = o.recovery.filter((r) => r.done).map((r) => r.node);
    // Every write refused while the fault held (a quorum store that lost its quorum): the store must take writes
    // again once healed, and the faulted nodes must get that one in place of the missed ones.
    let afterHeal = [];
    const writable = writersIn(ctx, [...step.others, ...recovered]);
    if (during.length === 0 && refused && recovered.length > 0 && writable.length > 0) {
        o.writable = await writableAgain(ctx, writable, healStart);
        if (o.writable.write)
            afterHeal = [o.writable.write];
    }
    // The store's first write after healing reaches the other nodes before durability is judged: a node that follows
    // a writer (a replica of a restarted primary) may drop what it had when it resynchronises, and that is the loss.
    const healed = o.writable?.write;
    if (healed)
        await awaitValue(ctx, step.others, healed.key, healed.value, ctx.clock.now());
    const missed = during.length > 0 ? during : afterHeal;
    const targets = new Set(o.writes.filter((w) => w.byTarget).map((w) => w.write));
    const byTarget = during.filter((w) => targets.has(w));
    const [catchUp, others] = await Promise.all([
        Promise.all(recovered.filter(() => missed.length > 0).map((node) => readKeys(ctx, node, missed))),
        Promise.all(byTarget.length > 0 ? step.others.map((node) => readKeys(ctx, node, byTarget)) : []),
    ]);
    o.catchUp = catchUp;
    o.afterHeal = others;
    // Durability: what was acknowledged before the fault is still there, on every node that answers.
    const readers = ctx.nodes.filter((n) => step.others.includes(n) || recovered.includes(n));
    o.durability = await Promise.all(readers.map((node) => readKeys(ctx, node, o.mustKeep)));
}
/** The writers among `nodes`, in their order. */
function writersIn(ctx, nodes) {
    const writers = writersOf(ctx);
    return nodes.filter((n) => writers.some((w) => w.url === n.url));
}
const attempt = (w) => ({
    node: w.node,
    write: w.write,
    acked: w.acked,
    indeterminate: w.result === 'indeterminate',
    byTarget: w.byTarget,
});
/** A fresh value for a fresh key, or for `key` (a later write of a key another node wrote). */
async function write(ctx, node, purpose, key = ctx.ids.key(purpose)) {
    const value = ctx.ids.value(node.label, purpose);
    const w = await ctx.api.write(node.url, key, value, ctx.signal);
    if (w.acked)
        ctx.seen.record(key, value, node.label);
    return { acked: w.acked, result: w.result, write: { key, value, writer: node.label }, last: (0,kv_api/* observe */.lB)(w.outcome) };
}
/**
 * Writes, node after node, until one is acknowledged or the policy's timeout passes. Each attempt uses a fresh key:
 * an attempt that timed out may still be committed later, and must not be mistaken for the one expected back.
 */
async function writableAgain(ctx, nodes, from) {
    let i = 0;
    let hit;
    const r = await pollAs(ctx, 'writable', async () => {
        const node = nodes[i++ % nodes.length];
        const w = await write(ctx, node, 'healed');
        if (w.acked)
            hit = { write: w.write, node };
        return { done: w.acked, value: w.last };
    });
    return {
        ...(hit ? hit : {}),
        ms: (r.doneAt ?? ctx.clock.now()) - from,
        attempts: r.attempts,
        last: r.last ?? { error: 'no attempt was made' },
        triedOn: nodes,
    };
}
/** Polls one node for one value until it is returned, refused, or the convergence timeout passes (stale). */
async function readWhileHeld(ctx, node, w) {
    const since = ctx.clock.now();
    const want = ctx.api.codec.toBytes(w.value);
    let state = 'stale';
    const r = await pollAs(ctx, 'value', async () => {
        const read = await ctx.api.read(node.url, w.key, ctx.signal);
        const out = read.outcome;
        state = plan_classifyRead({ ok: out.ok, ...(out.ok ? { status: out.status } : {}), matches: read.value != null && read.value.equals(want) });
        if (state === 'converged')
            ctx.seen.record(w.key, w.value, node.label);
        return { done: state !== 'stale', value: read };
    });
    return {
        node,
        write: w,
        state: r.done ? state : 'stale',
        ms: r.done && state === 'converged' && r.doneAt !== undefined ? r.doneAt - since : null,
        last: observeRead(r.last, want),
        waitedMs: ctx.clock.now() - since,
    };
}
async function readKeys(ctx, node, writes) {
    const since = ctx.clock.now();
    // What the node had returned before these reads: a write missing now that it returned then was lost.
    const hadBefore = new Set(writes.filter((w) => ctx.seen.returned(w.key, w.value, node.label)).map((w) => w.key));
    const outcomes = await Promise.all(writes.map(async (w) => ({ w, o: (await awaitValue(ctx, [node], w.key, w.value, since))[0] })));
    const missing = outcomes.filter((x) => !x.o.converged);
    return {
        node,
        expected: writes,
        missing: missing.map((x) => x.w),
        lost: missing.filter((x) => hadBefore.has(x.w.key)).map((x) => x.w.key),
        slowestMs: Math.max(0, ...outcomes.map((x) => x.o.ms ?? 0)),
        waitedMs: ctx.clock.now() - since,
        ...(missing[0] ? { last: missing[0].o.last } : {}),
    };
}

;// CONCATENATED MODULE: ./src/faults/suite.ts




/** A fault that could not be applied because of an input: the engine turns it into an input error. */
class FaultInputProblem extends Error {
    input;
    constructor(input, message) {
        super(message);
        this.input = input;
    }
}
async function runFaultSuite(ctx, steps, deps) {
    let allPassed = true;
    let known = [...deps.earlier];
    const missing = new Set();
    for (const step of steps) {
        if (ctx.signal.aborted)
            break;
        if (step.voice === 'fault')
            deps.info(`Fault ${step.index}/${steps.length}: ${step.kind} ${step.target} ` +
                `(${step.targets.map((n) => n.url).join(', ') || 'no server maps to it'}).`);
        else
            deps.info(`Restarting ${step.target} (${step.targets.map((n) => n.url).join(', ') || 'no server maps to it'}).`);
        const out = await deps.phase(step.phase, async () => {
            const seen = await observeFault(ctx, step, {
                actions: deps.actions,
                active: deps.active,
                durationMs: deps.durationMs,
                earlier: known,
                sinceStart: deps.sinceStart,
                ...(deps.mark ? { mark: deps.mark } : {}),
            });
            return judgeFault(seen, ctx.limits, ctx.claim);
        }, (r) => r.report.verdict === 'passed');
        deps.record(out.checks, out.report, step);
        if (out.report.verdict === 'failed')
            allPassed = false;
        const r = out.report;
        if (step.voice === 'fault' && r.beganMs !== undefined && r.healedMs !== undefined) {
            deps.addPhase({
                name: `${step.phase} held`,
                startMs: r.beganMs,
                endMs: r.healedMs,
                status: r.verdict === 'passed' ? 'ok' : 'failed',
                note: `${step.kind} began at ${(0,util_text/* formatMs */._V)(r.beganMs)}, healed at ${(0,util_text/* formatMs */._V)(r.healedMs)}`,
            });
        }
        // A key some node no longer returns has been reported; later faults do not report it again.
        for (const k of out.missing)
            missing.add(k);
        known = carryForward([...known, ...out.acked], missing);
        if (out.inputProblem)
            throw new FaultInputProblem(out.inputProblem.input, out.inputProblem.message);
    }
    return allPassed;
}

;// CONCATENATED MODULE: ./src/faults/nemesis.ts








/**
 * Places each fault in a window of `holdMs` inside [0, durationMs), at a random start (from `seed`), so that faults
 * touching a common service never overlap. A fault that finds no free place after a bounded number of draws is
 * left out (and said so by the caller).
 */
function planWindows(steps, durationMs, holdMs, seed) {
    const random = (0,core_random/* seededRandom */.Is)(seed);
    const hold = Math.min(holdMs, durationMs * 0.6);
    const windows = [];
    const left = [];
    for (const step of steps) {
        let placed;
        for (let attempt = 0; attempt < 50 && !placed; attempt++) {
            const startMs = Math.floor(random() * Math.max(1, durationMs * 0.9 - hold));
            const candidate = { step, startMs, endMs: startMs + hold };
            const clash = windows.some((w) => w.startMs < candidate.endMs && candidate.startMs < w.endMs && w.step.services.some((s) => step.services.includes(s)));
            if (!clash)
                placed = candidate;
        }
        if (placed)
            windows.push(placed);
        else
            left.push(step);
    }
    return { windows: windows.sort((a, b) => a.startMs - b.startMs), left };
}
/**
 * The windows of an explicit schedule (faults/schedule.ts), one per line, in line order: each line planned as the
 * fault suite plans a fault (so ids, phases and reports read the same), numbered across the whole schedule where one
 * fault hits one target twice (`fault:kill:kv_2#2`).
 */
function planTimeline(entries, nodes, shuffle) {
    const seen = new Map();
    return entries.map((entry, i) => {
        const [step] = planFaults({ specs: [entry.spec], groups: [entry.services], nodes, ...(shuffle ? { shuffle } : {}) });
        const base = step.idPrefix;
        const n = (seen.get(base) ?? 0) + 1;
        seen.set(base, n);
        const numbered = {
            ...step,
            index: i + 1,
            idPrefix: n > 1 ? `${base}#${n}` : base,
            phase: n > 1 ? `${step.phase} #${n}` : step.phase,
        };
        return { step: numbered, startMs: entry.atMs, endMs: entry.atMs + entry.forMs };
    });
}
/** Windows as schedule lines: what a random schedule prints, and what a replay passes as fault-schedule. */
function windowsAsSchedule(windows) {
    return windows.map((w) => ({
        atMs: Math.round(w.startMs),
        spec: w.step.spec,
        services: w.step.grudges ? [] : [...w.step.services],
        forMs: Math.max(1, Math.round(w.endMs - w.startMs)),
    }));
}
/**
 * Runs the windows against the clock until all are over (or the run is cancelled); heals always. Windows on a common
 * service run one after the other: a window whose start falls while an earlier one on that service still holds (an
 * explicit schedule may ask for that) starts once the earlier one healed, and then holds for its whole duration.
 */
async function runWindows(ctx, windows, deps) {
    const started = ctx.clock.now();
    // Windows on a common service never overlap on paper, but one may be planned to start the moment another ends,
    // and healing takes time: a fault applied while the last one's heal is still removing rules from the same
    // namespace would have its rules flushed, or leave that heal finding rules it did not expect. So each window waits
    // until every earlier window on its services has healed.
    const healed = new Map();
    return Promise.all(windows.map((window) => {
        const earlier = window.step.services.flatMap((s) => (healed.has(s) ? [healed.get(s)] : []));
        const run = runWindow(ctx, window, started, Promise.all(earlier), deps);
        for (const s of window.step.services)
            healed.set(s, run);
        return run;
    }));
}
async function runWindow(ctx, window, started, earlier, deps) {
    const { step } = window;
    const wait = started + window.startMs - ctx.clock.now();
    if (wait > 0)
        await ctx.clock.sleep(wait, ctx.signal);
    await earlier;
    if (ctx.signal.aborted)
        return { window, applied: { ok: false, detail: 'the run was cancelled first' } };
    const problem = planProblem(step);
    if (problem)
        return { window, applied: { ok: false, detail: problem } };
    const a = await applyStep(deps.actions, deps.active, step);
    if (!a.ok)
        return { window, applied: { ok: false, detail: a.detail } };
    const beganAt = ctx.clock.now();
    const beganMs = deps.sinceStart();
    deps.record({ f: 'start', fault: step.spec.name, target: step.target });
    let outcome;
    try {
        // The whole hold, even when an earlier heal on the same service made it start late.
        const left = beganAt + (window.endMs - window.startMs) - ctx.clock.now();
        if (left > 0)
            await ctx.clock.sleep(left, ctx.signal);
    }
    finally {
        outcome = await a.heal();
        deps.record({ f: 'stop', fault: step.spec.name, target: step.target });
    }
    return { window, applied: { ok: true, description: a.description }, beganMs, healedMs: deps.sinceStart(), heal: outcome };
}
/** After every window healed: does each node a fault touched answer again? (The reads the judge needs.) */
async function observeRecovery(ctx, outcomes) {
    const nodes = [...new Set(outcomes.filter((o) => o.applied.ok && o.heal?.ok).flatMap((o) => o.window.step.targets))];
    const reads = await Promise.all(nodes.map(async (node) => {
        const back = await untilRecovered(ctx, node, undefined);
        return [node, { node, done: back.done, elapsedMs: back.elapsedMs, last: (0,kv_api/* observe */.lB)(back.last?.outcome) }];
    }));
    return new Map(reads);
}
/**
 * Judges each window (pure): it applied, it healed, and every node it touched answers again. The workload history
 * is judged as a whole elsewhere; catch-up is not judged per window.
 */
function judgeWindows(outcomes, recovery, limits) {
    const checks = [];
    const reports = [];
    const phases = [];
    for (const o of outcomes) {
        const { step } = o.window;
        const p = step.idPrefix;
        const voice = faultVoice({ kind: step.kind, name: step.spec.name, target: step.target, services: step.services, limits });
        const where = step.services[0] ? { service: step.services[0] } : {};
        const mine = [];
        if (!o.applied.ok) {
            mine.push(makeCheck({ id: `${p}:apply`, kind: 'fault', status: 'failed', said: voice.apply(o.applied.detail), ...where }));
        }
        else if (o.heal && !o.heal.ok) {
            mine.push(makeCheck({ id: `${p}:heal`, kind: 'fault', status: 'failed', said: voice.heal(o.heal.detail), ...where }));
        }
        else {
            for (const node of step.targets) {
                const r = recovery.get(node);
                if (!r)
                    continue;
                // Polled once every window of the schedule had healed, so no time since this one's heal is claimed.
                const said = r.done
                    ? {
                        ...voice.recovered(node.label, 0, undefined),
                        detail: `${node.label} answered again once the faults of the schedule were healed.`,
                    }
                    : voice.notRecovered(node.label, r.last);
                const status = r.done ? 'passed' : 'failed';
                mine.push(makeCheck({ id: `${p}:recovery:${node.label}`, kind: 'recovery', status, said, durationMs: r.elapsedMs, node, actual: r.last }));
            }
        }
        checks.push(...mine);
        const failed = mine.some((c) => c.status === 'failed');
        reports.push({
            kind: step.kind,
            target: step.target,
            action: o.applied.ok ? o.applied.description : `${step.spec.name} ${step.target}`,
            ...(o.beganMs !== undefined ? { beganMs: o.beganMs } : {}),
            ...(o.healedMs !== undefined ? { healedMs: o.healedMs } : {}),
            ...(o.beganMs !== undefined && o.healedMs !== undefined ? { heldMs: o.healedMs - o.beganMs } : {}),
            writesAccepted: 0,
            writesRefused: 0,
            refusedBy: [],
            availability: 'n/a',
            staleNodes: [],
            lostKeys: [],
            verdict: failed ? 'failed' : 'passed',
            checkIds: mine.map((c) => c.id),
        });
        if (o.beganMs !== undefined && o.healedMs !== undefined) {
            phases.push({
                name: `${step.phase} held`,
                startMs: o.beganMs,
                endMs: o.healedMs,
                status: failed ? 'failed' : 'ok',
                note: `schedule: ${step.spec.name} began at ${(0,util_text/* formatMs */._V)(o.beganMs)}, healed at ${(0,util_text/* formatMs */._V)(o.healedMs)}`,
            });
        }
    }
    return { checks, reports, phases };
}

// EXTERNAL MODULE: ./src/faults/schedule.ts
var schedule = __webpack_require__(7580);
;// CONCATENATED MODULE: ./src/faults/shrink.ts
// Shrinking a failing fault schedule (pure): delta debugging over the schedule's faults, then shorter holds, then
// starts moved together, each candidate judged by an injected oracle (one rerun on the real cluster: does it fail
// the same way?). No I/O here, so the strategy is tested on simulated oracles: overlaps, flakiness, budgets.

/**
 * A candidate reproduces when K of at most M reruns fail the same way, stopping as soon as that is decided. A
 * failure with the same check family is evidence the schedule can cause it (checks do not fail by chance on a
 * healthy store), so one is enough (K = 1); a pass is weak evidence, since an overlap that loses data may miss by a
 * few milliseconds, so a candidate is dropped only after M = 2 passes in a row: a schedule that reproduces with
 * probability p is wrongly dropped with probability (1 - p)^2 (9 % at p = 0.7), at twice the cost of a rerun per
 * dropped candidate, where M = 3 would cost half as much again on every candidate that passes (most of them).
 */
const REPRODUCE_K = 1;
const REPRODUCE_M = 2;
/** Extra reruns of the minimal schedule that measure how often it reproduces (within the budget). */
const RATE_RUNS = 3;
/** Holds are not halved below this: a fault shorter than a few requests' round trips hardly strikes. */
const MIN_HOLD_MS = 200;
/** Times in a shrunk schedule are whole multiples of this, so it reads as a person would write it. */
const TIME_GRAIN_MS = 10;
/** Bound on the halving rounds of each timing pass (a hold of an hour reaches the floor in 15). */
const MAX_HALVINGS = 16;
class OutOfBudget extends Error {
    why;
    constructor(why) {
        super(why);
        this.why = why;
    }
}
/** Reruns with the limits enforced and verdicts memoised by the schedule's text. */
class Judge {
    oracle;
    limits;
    searchRuns;
    reruns = 0;
    tried = [];
    memo = new Map();
    start;
    constructor(oracle, limits, searchRuns) {
        this.oracle = oracle;
        this.limits = limits;
        this.searchRuns = searchRuns;
        this.start = limits.now();
    }
    elapsed() {
        return this.limits.now() - this.start;
    }
    /** Why no rerun may start now, if none may. */
    blocked(runLimit) {
        if (this.limits.signal?.aborted)
            return 'cancelled';
        if (this.reruns >= runLimit)
            return 'runs';
        if (this.elapsed() >= this.limits.budgetMs)
            return 'budget';
        return undefined;
    }
    async once(candidate, runLimit) {
        const why = this.blocked(runLimit);
        if (why)
            throw new OutOfBudget(why);
        this.reruns++;
        return this.oracle(candidate);
    }
    /** K of M, stopping once decided; throws OutOfBudget when a needed rerun cannot start. */
    async reproduces(candidate) {
        const key = (0,schedule/* formatSchedule */.DC)(candidate);
        const known = this.memo.get(key);
        if (known !== undefined)
            return known;
        let failed = 0;
        let runs = 0;
        const before = this.reruns;
        for (let i = 0; i < REPRODUCE_M && failed < REPRODUCE_K && REPRODUCE_M - i >= REPRODUCE_K - failed; i++) {
            runs++;
            if (await this.once(candidate, this.searchRuns))
                failed++;
        }
        const verdict = failed >= REPRODUCE_K;
        this.memo.set(key, verdict);
        this.tried.push({ schedule: key, reproduced: verdict, reruns: this.reruns - before });
        return verdict && runs > 0;
    }
}
/**
 * Shrinks `original` (which failed) to the smallest schedule found that still fails the same way: ddmin over its
 * faults, then each hold halved while it reproduces, then the starts moved towards the earliest and the whole
 * schedule earlier. Stops at the limits with the best schedule so far; then reruns the result to measure its rate.
 */
async function shrinkSchedule(original, oracle, limits) {
    const rateRuns = Math.min(RATE_RUNS, Math.floor(limits.maxRuns / 4));
    const judge = new Judge(oracle, limits, limits.maxRuns - rateRuns);
    let best = (0,schedule/* sortEntries */.R3)(original);
    let oneMinimal = false;
    let stoppedBy = 'done';
    try {
        const dd = await ddmin(best, judge, (c) => (best = c));
        best = dd.minimal;
        oneMinimal = dd.oneMinimal;
        best = await shorterHolds(best, judge);
        best = await closerStarts(best, judge);
    }
    catch (error) {
        if (!(error instanceof OutOfBudget))
            throw error;
        stoppedBy = error.why;
    }
    const rate = await measureRate(best, judge, limits.maxRuns, rateRuns);
    return {
        original,
        minimal: best,
        oneMinimal,
        reruns: judge.reruns,
        elapsedMs: judge.elapsed(),
        stoppedBy,
        ...(rate ? { rate } : {}),
        tried: judge.tried,
    };
}
async function measureRate(best, judge, maxRuns, runs) {
    let failed = 0;
    let done = 0;
    for (let i = 0; i < runs && !judge.blocked(maxRuns); i++) {
        if (await judge.once(best, maxRuns))
            failed++;
        done++;
    }
    return done > 0 ? { failed, runs: done } : undefined;
}
/**
 * Zeller's ddmin over the faults: try each of n parts alone, then each complement, granularity doubling when
 * neither reproduces. Ends 1-minimal when, at n = size, no complement (one fault left out) reproduces. `keep`
 * hears every smaller schedule that reproduced, so a budget that runs out mid-way still leaves the best found.
 */
async function ddmin(start, judge, keep) {
    let c = [...start];
    let n = 2;
    // Each round either shrinks c or doubles n (bounded by |c|), so rounds are bounded by |c| * log2 |c| + |c|.
    for (let round = 0; round < 64 * Math.max(1, start.length); round++) {
        if (c.length <= 1)
            break;
        const parts = split(c, Math.min(n, c.length));
        const smaller = (await firstReproducing(parts, judge)) ??
            (n > 2 || parts.length > 2 ? await firstReproducing(complements(c, parts), judge) : undefined);
        if (smaller) {
            const wasPart = parts.includes(smaller);
            c = smaller;
            keep(c);
            n = wasPart ? 2 : Math.max(n - 1, 2);
            continue;
        }
        if (parts.length >= c.length)
            return { minimal: c, oneMinimal: true };
        n = Math.min(c.length, n * 2);
    }
    if (c.length !== 1)
        return { minimal: c, oneMinimal: false };
    // A single fault is 1-minimal when the workload alone (no fault) does not fail the same way; when it does, the
    // failure needs no fault at all, and the empty schedule is the answer.
    if (await judge.reproduces([])) {
        keep([]);
        return { minimal: [], oneMinimal: true };
    }
    return { minimal: c, oneMinimal: true };
}
async function firstReproducing(candidates, judge) {
    for (const candidate of candidates)
        if (await judge.reproduces(candidate))
            return candidate;
    return undefined;
}
function split(items, n) {
    const parts = [];
    let at = 0;
    for (let i = 0; i < n; i++) {
        const size = Math.floor((items.length - at) / (n - i));
        parts.push(items.slice(at, at + size));
        at += size;
    }
    return parts.filter((p) => p.length > 0);
}
function complements(items, parts) {
    return parts.map((p) => items.filter((x) => !p.includes(x)));
}
const grain = (ms) => Math.round(ms / TIME_GRAIN_MS) * TIME_GRAIN_MS;
/** Every hold halved at once while that reproduces, then each on its own, down to MIN_HOLD_MS. */
async function shorterHolds(start, judge) {
    const halve = (e) => ({ ...e, forMs: Math.max(MIN_HOLD_MS, grain(e.forMs / 2)) });
    let c = start;
    for (let i = 0; i < MAX_HALVINGS; i++) {
        const next = c.map(halve);
        if (next.every((e, j) => e.forMs === c[j].forMs) || !(await judge.reproduces(next)))
            break;
        c = next;
    }
    for (let j = 0; j < c.length; j++) {
        for (let i = 0; i < MAX_HALVINGS; i++) {
            const one = halve(c[j]);
            if (one.forMs === c[j].forMs)
                break;
            const next = c.map((e, k) => (k === j ? one : e));
            if (!(await judge.reproduces(next)))
                break;
            c = next;
        }
    }
    return c;
}
/** The gaps to the earliest start halved while that reproduces; then the whole schedule earlier, likewise. */
async function closerStarts(start, judge) {
    let c = start;
    const tryWhile = async (move) => {
        for (let i = 0; i < MAX_HALVINGS && c.length > 0; i++) {
            const first = Math.min(...c.map((e) => e.atMs));
            const next = (0,schedule/* sortEntries */.R3)(c.map((e) => ({ ...e, atMs: Math.max(0, grain(move(e, first))) })));
            if (next.every((e, j) => e.atMs === c[j].atMs) || !(await judge.reproduces(next)))
                return;
            c = next;
        }
    };
    if (c.length > 1)
        await tryWhile((e, first) => first + (e.atMs - first) / 2);
    await tryWhile((e, first) => e.atMs - first / 2);
    return c;
}

;// CONCATENATED MODULE: ./src/engine/schedule-phase.ts







/** The run's windows: placed from the seed (random), or one per line as written (explicit). */
function planSchedule(f, nodes, streams, wl, log) {
    if (f.schedule === 'explicit')
        return planTimeline(f.timeline, nodes, streams.partition);
    const steps = planFaults({ specs: f.specs, groups: f.groups, nodes, shuffle: streams.partition });
    const { windows, left } = planWindows(steps, wl.durationMs, f.durationMs, streams.schedule);
    for (const step of left)
        log.warn(`${step.spec.name} ${step.target} found no free moment in the workload's ${wl.durationMs / 1000} s that does not overlap a ` +
            `fault on the same service; it was left out.`);
    return windows;
}
/** The schedule as lines (`; `-separated), as the summary, the report and a replay give it. */
function scheduleText(windows, separator = '; ') {
    return (0,schedule/* formatSchedule */.DC)(windowsAsSchedule(windows), separator);
}
/**
 * The windows while the workload runs; the clients go on until the last window healed (one may start late), and
 * for at least `minMs` of the workload's clock when given.
 */
async function windowsDuringWorkload(ctx, windows, session, deps, minMs = 0) {
    let over = false;
    const faults = runWindows(ctx, windows, { ...deps, record: (e) => session.record(e) }).finally(() => (over = true));
    const keepRunning = () => !over || session.elapsed() < minMs;
    const [outcomes] = await Promise.all([faults, session.run({ keepRunning })]);
    return outcomes;
}
/** Nodes whose recovery read never succeeded: down after the schedule, so liveness does not judge them. */
function downNodes(recovery) {
    return new Set([...recovery.values()].filter((r) => !r.done).map((r) => r.node.label));
}
/**
 * The family of a check id, which a shrinking rerun must fail with: the id without the parts that name a key, a
 * node or a fault target. `workload:linearizable:2` is `workload:linearizable`, `workload:model:causal` stays,
 * `liveness:kv_2` is `liveness`, `fault:kill:kv_2:recovery:kv_2` is `fault:recovery`.
 */
function checkFamily(id) {
    const parts = id.split(':');
    if (parts[0] === 'workload')
        return parts.slice(0, parts[1] === 'model' ? 3 : 2).join(':');
    if (parts[0] === 'fault')
        return parts.length > 3 ? `fault:${parts[3]}` : 'fault';
    return parts[0];
}
/** The failure a shrink keeps: lost or stale data first (the workload, then other safety checks), liveness, faults last. */
function targetFamily(checks) {
    // Among the workload's, the claim's own check before the per-key convergence ones: a lost write shows in the
    // claim far more often than in a key's final value, so reruns held to the claim reproduce more often.
    const rank = (c) => c.kind === 'workload'
        ? c.id.startsWith('workload:eventual:')
            ? 0.5
            : 0
        : c.kind === 'liveness'
            ? 2
            : c.kind === 'recovery' || c.kind === 'fault'
                ? 3
                : 1;
    const failed = checks.filter((c) => c.status === 'failed').sort((a, b) => rank(a) - rank(b));
    return failed[0] ? checkFamily(failed[0].id) : undefined;
}
/**
 * Shrinks the failed run's schedule by reruns on the same cluster. Each rerun is a fresh workload (a new run id)
 * with the candidate's windows, their recovery and the liveness hold, judged as the run was; it reproduces when it
 * fails with `family`. Every window heals in its own finally, and whatever a cancel leaves is healed by the engine.
 */
async function shrinkFailure(s, windows, family) {
    const original = windowsAsSchedule(windows).map((e, i) => ({ ...e, step: windows[i].step }));
    let n = 0;
    const oracle = async (candidate) => {
        n++;
        const text = (0,schedule/* formatSchedule */.DC)(candidate, '; ') || '(no fault)';
        const failed = await rerun(s, candidate);
        const families = [...new Set(failed.map((c) => checkFamily(c.id)))];
        const same = families.includes(family);
        const verdict = same ? `failed (${family})` : families.length > 0 ? `failed otherwise (${families.join(', ')})` : 'passed';
        s.log.info(`Shrink rerun ${n}: ${text} → ${verdict}.`);
        return same;
    };
    const out = await shrinkSchedule(original, oracle, {
        maxRuns: s.maxRuns,
        budgetMs: s.budgetMs,
        now: () => s.ctx.clock.now(),
        signal: s.ctx.signal,
    });
    return {
        family,
        original: (0,schedule/* formatSchedule */.DC)(original, '; '),
        minimal: (0,schedule/* formatSchedule */.DC)(out.minimal, '; '),
        originalFaults: original.length,
        minimalFaults: out.minimal.length,
        oneMinimal: out.oneMinimal,
        reproduce: { k: REPRODUCE_K, m: REPRODUCE_M },
        ...(out.rate ? { rate: out.rate } : {}),
        reruns: out.reruns,
        maxReruns: s.maxRuns,
        elapsedMs: Math.round(out.elapsedMs),
        budgetMs: s.budgetMs,
        stoppedBy: out.stoppedBy,
        tried: out.tried,
    };
}
/** One rerun: its failed checks (workload, windows, recovery, liveness). */
async function rerun(s, candidate) {
    const ctx = { ...s.ctx, ids: s.freshIds(), seen: new SeenValues() };
    const session = new WorkloadSession({ ...ctx, api: s.workloadApi }, s.wl, s.streams);
    const windows = candidate.map((e) => ({ step: e.step, startMs: e.atMs, endMs: e.atMs + e.forMs }));
    const outcomes = await windowsDuringWorkload(ctx, windows, session, s, s.minWorkloadMs);
    const judged = await session.finish(undefined, (m) => s.log.warn(m));
    const recovery = await observeRecovery(ctx, outcomes);
    const checks = [...judged.checks, ...judgeWindows(outcomes, recovery, ctx.limits).checks];
    if (s.livenessTimeoutMs > 0 && !ctx.signal.aborted) {
        checks.push(...(await checkLiveness(ctx, { nodes: ctx.nodes, timeoutMs: s.livenessTimeoutMs, down: downNodes(recovery) })));
    }
    // A cancelled rerun proves nothing either way; the shrink sees the cancel before it judges the next one.
    return ctx.signal.aborted ? [] : checks.filter((c) => c.status === 'failed');
}

;// CONCATENATED MODULE: ./src/engine/run.ts































async function runEngine(options, deps, cwd = process.cwd(), extras = {}) {
    const notice = claimNotice(options);
    if (notice)
        deps.log.warn(notice);
    return options.cluster === 'external' ? runExternal(options, deps, cwd, extras) : runCompose(options, deps, cwd, extras);
}
/**
 * A claim above `eventual` without a workload: said before anything starts, since only a history can show the
 * session guarantees, causality or linearizability of reads.
 */
function claimNotice(options) {
    if (options.workload !== undefined || options.consistency === 'eventual')
        return undefined;
    const held = options.consistency === 'linearizable'
        ? 'the replication checks and every fault judge it (a node cut off from its peers must refuse reads)'
        : 'the replication checks and every fault judge it (a node cut off from its peers may answer from its own copy)';
    return (`consistency: ${options.consistency} without a workload: ${held}, but the ladder of models needs a history. ` +
        `Set workload (e.g. register) to check ${options.consistency} and every other model on the clients' operations.`);
}
async function runCompose(options, deps, cwd, extras) {
    const { clock, log, signal } = deps;
    const startedAt = new Date(clock.wallMs()).toISOString();
    const rec = new RunRecorder(clock, log);
    const found = {
        nodes: options.servers.map((s) => ({ url: s.url, label: `${s.host}:${s.port}`, mapping: 'not mapped' })),
        convergence: { writers: [], readers: [], ms: [] },
        streams: (0,core_random/* runStreams */.ns)(options.seed ?? deps.random.int(core_random/* SEED_RANGE */.Cr)),
    };
    let files = { directory: cwd, composeFiles: [] };
    let pre;
    let created = false;
    let teardown = { policy: options.teardown, performed: false };
    // Faults that hold right now: healed by their own cycle, and again here before logs and teardown.
    const activeFaults = new ActiveFaults();
    let docker;
    try {
        pre = await rec.phase('validate', () => preflight(options, deps, cwd, (directory, composeFiles) => (files = { directory, composeFiles })));
        throwIfCancelled(signal);
        const c = pre.compose;
        deps.onProjectKnown?.({
            project: options.projectName,
            teardown: options.teardown,
            compose: { file: c.command.file, prefix: c.command.prefix, files: c.project.files, directory: files.directory },
            ...(pre.netns || pre.clockDir
                ? { faults: { ...(pre.netns ? { netns: true } : {}), ...(pre.clockDir ? { clockDir: pre.clockDir } : {}) } }
                : {}),
        });
        created = true;
        await rec.phase('up', () => up(c, options, signal));
        const f = options.faults;
        const faulting = f.specs.length > 0 || options.restartTarget !== undefined;
        docker = faulting ? await engineApiOfCli(deps) : undefined;
        const lifecycle = docker ? (0,faults_lifecycle/* engineLifecycle */.Z_)(docker, c) : (0,faults_lifecycle/* composeLifecycle */.Lh)(c);
        if (faulting)
            log.info(`Lifecycle faults go through the ${lifecycle.via}.`);
        const cluster = {
            mapNodes: async () => labelNodes(mapServers(options.servers, bindingsFromInspect(await c.inspect())), options),
            actions: dockerFaultActions(c, deps.exec, {
                partitionNetworks: f.partitionNetworks,
                netns: pre.netns ?? (0,netns/* netnsRunner */.Vs)(deps.exec, deps.isRoot()),
                lifecycle,
                ...(pre.clockDir ? { clockDir: pre.clockDir } : {}),
            }),
            ...(pre.adapter ? { adapter: pre.adapter } : {}),
        };
        await checkCluster(options, deps, cluster, rec, found, activeFaults, extras);
    }
    catch (error) {
        rec.errors.push(...(0,engine_errors/* toRunErrors */.Wj)(error));
    }
    finally {
        await healStillHeld(activeFaults, rec, log, 'before teardown', 'Check the containers of the project by hand (docker ps, docker network inspect).');
        if (created && pre)
            await sweepFaults(pre, rec, log);
        if (created && pre)
            teardown = await collectAndTearDown(options, deps, pre, rec);
        if (pre?.clockDir && (teardown.performed || !created))
            await (0,promises_.rm)(pre.clockDir, { recursive: true, force: true }).catch(() => undefined);
        await docker?.close().catch(() => undefined);
    }
    return run_result(deps, rec, found, startedAt, teardown, {
        name: options.projectName,
        directory: files.directory,
        composeFiles: files.composeFiles,
        ...(pre ? { compose: { kind: pre.compose.command.kind, version: pre.compose.command.version } } : {}),
    }, pre?.serviceLocations ?? {});
}
/**
 * A cluster Replicheck did not start (cluster: external): no compose command, nothing built or torn down; faults
 * through the user's commands, whose pending heals are handed to the post step as they change.
 */
async function runExternal(options, deps, cwd, extras) {
    const { clock, log } = deps;
    const startedAt = new Date(clock.wallMs()).toISOString();
    const rec = new RunRecorder(clock, log);
    const found = {
        nodes: externalNodes(options),
        convergence: { writers: [], readers: [], ms: [] },
        streams: (0,core_random/* runStreams */.ns)(options.seed ?? deps.random.int(core_random/* SEED_RANGE */.Cr)),
    };
    const directory = (0,external_node_path_.isAbsolute)(options.workingDirectory) ? options.workingDirectory : (0,external_node_path_.resolve)(cwd, options.workingDirectory);
    const activeFaults = new ActiveFaults();
    const pending = new Map();
    const save = () => deps.onProjectKnown?.({ project: '', teardown: 'never', cluster: 'external', heals: [...pending.values()], cwd: directory });
    try {
        const adapter = await rec.phase('validate', async () => options.kv.module !== undefined ? loadAdapterModule(options, deps, directory) : undefined);
        save();
        const actions = (0,commands/* commandFaultActions */.PX)({
            exec: deps.exec,
            commands: options.faultCommands,
            urls: new Map(found.nodes.map((n) => [n.label, n.url])),
            cwd: directory,
            timeoutMs: options.faultCommandTimeoutMs,
            onRun: ({ command, result }) => log.untrusted(`Fault command (exit ${result.code ?? 'signal'}${result.timedOut ? ', timed out' : ''}): ${command}`, (0,util_text/* tailText */.QR)((0,util_text/* stripAnsi */.aJ)(`${result.stdout}\n${result.stderr}`.trim()), commands/* COMMAND_OUTPUT_LINES */.u3) || '(no output)'),
            onPending: (key, heal) => {
                if (heal)
                    pending.set(key, heal);
                else
                    pending.delete(key);
                save();
            },
        });
        await checkCluster(options, deps, { mapNodes: async () => externalNodes(options), actions, ...(adapter ? { adapter } : {}) }, rec, found, activeFaults, extras);
    }
    catch (error) {
        rec.errors.push(...(0,engine_errors/* toRunErrors */.Wj)(error));
    }
    finally {
        await healStillHeld(activeFaults, rec, log, 'at the end of the run', 'Run the heal command by hand; the node may still be faulted.');
    }
    log.info('cluster: external: nothing was started, so nothing is torn down.');
    return run_result(deps, rec, found, startedAt, { policy: 'never', performed: false }, { name: 'external', directory, composeFiles: [] }, {});
}
/** Heals what a throw or a cancel left holding (each fault's own driver heals it first, in a finally). */
async function healStillHeld(active, rec, log, when, fix) {
    for (const { label, outcome } of await active.healAll()) {
        log.warn(`Healed ${label} ${when}: ${outcome.detail}.`);
        if (!outcome.ok)
            rec.errors.push({ message: `Could not heal ${label}: ${outcome.detail}.`, fix });
    }
}
/** Nodes of an external cluster: named servers by their names (what fault-targets and reports use), else host:port. */
function externalNodes(options) {
    return options.servers.map((s) => s.name
        ? { url: s.url, label: s.name, service: s.name, mapping: `named ${s.name}` }
        : { url: s.url, label: `${s.host}:${s.port}`, mapping: 'not named' });
}
function run_result(deps, rec, found, startedAt, teardown, project, serviceLocations) {
    return {
        schemaVersion: result/* SCHEMA_VERSION */.f$,
        tool: { name: 'replicheck', version: deps.version },
        verdict: (0,result/* decideVerdict */.AU)(rec.checks, rec.errors),
        startedAt,
        durationMs: rec.since(),
        project,
        serviceLocations,
        nodes: found.nodes,
        phases: rec.phases,
        checks: rec.checks,
        convergence: found.convergence,
        maxConvergenceMs: (0,result/* maxConvergence */.Ao)(found.convergence),
        logs: rec.logs,
        errors: rec.errors,
        teardown,
        ...(found.workload ? { workload: found.workload } : {}),
        ...(found.faults ? { faults: found.faults } : {}),
        seed: found.streams.seed,
        // The command line is the host's to add: the engine never sees the raw inputs.
        replay: { seed: found.streams.seed, ...(found.schedule !== undefined ? { schedule: found.schedule } : {}) },
        ...(found.shrink ? { shrink: found.shrink } : {}),
    };
}
function throwIfCancelled(signal) {
    if (signal.aborted)
        throw new engine_errors/* Cancelled */.cJ();
}
async function up(c, options, signal) {
    const r = await c.up(options.build, signal);
    throwIfCancelled(signal);
    if (r.code !== 0) {
        throw new driver/* SetupError */.w3(`compose up failed (exit ${r.code ?? 'signal'}${r.timedOut ? ', timed out' : ''}).`, 'Read the Compose output and service logs below; the cluster must start with `docker compose up` on its own.', undefined, (0,util_text/* tailText */.QR)((0,util_text/* stripAnsi */.aJ)(`${r.stderr}\n${r.stdout}`.trim()), 40));
    }
}
/** Readiness, replication, faults (or the restart check) and the workload, each judged as it ends. */
async function checkCluster(options, deps, cluster, rec, found, activeFaults, extras) {
    const { clock, log, signal } = deps;
    // Which URL is which service.
    const upAt = clock.now();
    found.nodes = markReadOnly(options, await cluster.mapNodes(), log);
    for (const n of found.nodes)
        if (!n.service)
            log.warn(`${n.url} could not be mapped to a service (${n.mapping}); it is treated as not the restart target.`);
    const nodes = found.nodes;
    const ctx = {
        api: kvApi(options, deps, cluster, options.requestTimeoutMs),
        clock,
        signal,
        limits: options.limits,
        claim: options.consistency,
        // The run id stays unique to this run whatever the seed, so a replay never reads an earlier run's data.
        ids: runIds(found.streams.values, clock, options.valueFormat, deps.random.hex(4)),
        nodes,
        seen: new SeenValues(),
    };
    const ready = await rec.checked('ready', () => waitForReady(ctx, nodes, upAt));
    found.nodes = nodes.map((n) => (ready.readyMs.has(n.url) ? { ...n, readyMs: ready.readyMs.get(n.url) } : n));
    throwIfCancelled(signal);
    if (rec.failed)
        return;
    const rep = await rec.checked('replication', () => checkReplication(ctx));
    found.convergence = rep.matrix;
    throwIfCancelled(signal);
    // With faults, they run inside the workload, which goes on for its whole duration and until they are all over.
    const wl = options.workload;
    // The workload's requests have a timeout of their own, so a client that hits a hung node soon moves on.
    const session = wl ? new WorkloadSession({ ...ctx, api: kvApi(options, deps, cluster, wl.timeoutMs) }, wl, found.streams) : undefined;
    const f = options.faults;
    const shuffle = found.streams.partition;
    // A schedule against the workload clock (random, or explicit lines) plans its own windows (schedule-phase.ts).
    const scheduled = (f.schedule === 'random' || f.schedule === 'explicit') && f.specs.length > 0 && session !== undefined && wl !== undefined;
    const steps = scheduled
        ? []
        : f.specs.length > 0
            ? planFaults({ specs: f.specs, groups: f.groups, nodes, shuffle })
            : options.restartTarget !== undefined
                ? [planRestartCheck(options.restartTarget, nodes)]
                : [];
    const phase = { options, ctx, deps, cluster, rec, found, activeFaults, extras };
    const suite = (mark) => faultsInTurn(phase, steps, f.specs.length > 0, rep.written, f.durationMs, mark);
    let windows = [];
    if (scheduled)
        windows = await scheduledFaults(phase, session, wl);
    else if (session && wl)
        await workload(phase, session, wl, steps.length > 0 ? () => suite((e, s) => session.record({ f: e, fault: s.spec.name, target: s.target })) : undefined);
    else if (steps.length > 0)
        await suite();
    // After the fault suite too, the liveness hold: a node whose last recovery check failed is known down, not judged
    // again (one that failed to come back from an early fault and recovered from a later one is judged).
    if (!scheduled && f.specs.length > 0) {
        const last = new Map();
        for (const c of rec.checks)
            if (c.kind === 'recovery' && c.node !== undefined)
                last.set(c.node, c.status);
        await livenessHold(phase, new Set([...last].filter(([, status]) => status === 'failed').map(([node]) => node)));
    }
    // Last, every acknowledged value once more on every node: none may be gone from a node that returned it.
    await rec.checked('sweep', async () => ({ checks: judgeSweep(await sweep(ctx), nodes) }));
    throwIfCancelled(signal);
    if (scheduled && f.shrink > 0)
        await shrinkPhase(phase, windows, wl, options);
}
/**
 * The nodes `writers` does not name, marked read-only: every write (replication, faults, workload) then goes to the
 * others. Checked against the project before it started; an entry that names no mapped node now (a port Docker
 * picked at random) is an input error all the same.
 */
function markReadOnly(options, nodes, log) {
    if (options.writers === undefined)
        return nodes;
    const { writers, unmatched } = (0,inputs_writers/* resolveWriters */.pu)(options.writers, nodes);
    if (unmatched.length > 0) {
        throw new errors/* InputError */.d([
            {
                input: 'writers',
                message: `${unmatched.map((u) => `'${u}'`).join(', ')} ${unmatched.length === 1 ? 'names' : 'name'} no node of the cluster.`,
                fix: `Name the service or server of a node (${nodes.map((n) => n.label).join(', ')}), or a URL as listed in servers.`,
            },
        ]);
    }
    const readOnly = nodes.filter((n) => !writers.includes(n)).map((n) => n.label);
    log.info(`Writers: ${writers.map((n) => n.label).join(', ')}${readOnly.length > 0 ? `; read only: ${readOnly.join(', ')}` : ''}.`);
    return nodes.map((n) => (writers.includes(n) ? n : { ...n, readOnly: true }));
}
/**
 * The engine API when its socket answers for the daemon the Docker CLI (and so Compose) uses: a Docker context or
 * DOCKER_CONTEXT may point the CLI at another one, whose container ids the socket's daemon does not know.
 */
async function engineApiOfCli(deps) {
    const api = await deps.connectDocker?.();
    if (!api)
        return undefined;
    const cli = await deps.exec.run('docker', ['info', '--format', '{{.ID}}'], { timeoutMs: 20_000 });
    if (cli.code === 0 && cli.stdout.trim() === api.daemonId)
        return api;
    deps.log.info('The Docker engine socket answers for another daemon than the Docker CLI uses: lifecycle faults go through Compose.');
    await api.close();
    return undefined;
}
/** How the checks talk to the nodes: the user's adapter module, or the HTTP templates; each request bounded. */
function kvApi(options, deps, cluster, requestTimeoutMs) {
    const o = { ...options, requestTimeoutMs };
    return cluster.adapter ? moduleKvApi(cluster.adapter, deps.http, (0,kv_api/* moduleApiOptions */.Tg)(o)) : (0,kv_api/* httpKvApi */.Yt)(deps.http, o);
}
/**
 * fault-schedule: random or explicit lines. The faults run inside the workload phase at their moments; the history
 * records them. Once every window healed, the liveness hold.
 */
async function scheduledFaults(r, session, wl) {
    const { ctx, deps, rec } = r;
    const f = r.options.faults;
    const { seed } = r.found.streams;
    const windows = planSchedule(f, ctx.nodes, r.found.streams, wl, deps.log);
    const lines = scheduleText(windows);
    r.found.schedule = lines;
    deps.log.info(`Workload: ${wl.clients} clients for ${wl.durationMs / 1000} s with ${windows.length} fault(s) ` +
        `${f.schedule === 'random' ? 'at random moments' : 'as scheduled'} (seed ${seed}, ${wl.sessions} sessions); claim: ` +
        `${wl.consistency}, and every model of the ladder is checked. Schedule: ${lines || '(none)'}.`);
    let outcomes = [];
    const w = await rec.checked('workload', async () => {
        outcomes = await windowsDuringWorkload(ctx, windows, session, {
            actions: r.cluster.actions,
            active: r.activeFaults,
            sinceStart: rec.since,
        });
        return session.finish(r.extras.saveHistory, (m) => deps.log.warn(m));
    });
    r.found.workload = w.section;
    const recovery = await observeRecovery(ctx, outcomes);
    const judged = judgeWindows(outcomes, recovery, ctx.limits);
    rec.checks.push(...judged.checks);
    rec.phases.push(...judged.phases);
    r.found.faults = judged.reports;
    throwIfCancelled(deps.signal);
    await livenessHold(r, downNodes(recovery));
    return windows;
}
/** Once every fault healed: each node that is up, and not in `down`, takes and returns a fresh write (liveness.ts). */
async function livenessHold(r, down) {
    const timeoutMs = r.options.faults.livenessTimeoutMs;
    if (timeoutMs <= 0)
        return;
    const input = { nodes: r.ctx.nodes, timeoutMs, down };
    await r.rec.checked('liveness', async () => ({ checks: await checkLiveness(r.ctx, input) }));
    throwIfCancelled(r.deps.signal);
}
/** Input shrink: after a failed scheduled run, reruns of smaller schedules on the same cluster (schedule-phase.ts). */
async function shrinkPhase(r, windows, wl, options) {
    const { ctx, deps, rec } = r;
    const family = rec.errors.length === 0 ? targetFamily(rec.checks) : undefined;
    if (!family || windows.length === 0) {
        if (rec.failed)
            deps.log.info('Shrink: the run did not fail a check with its schedule, so there is nothing to shrink.');
        return;
    }
    const f = options.faults;
    deps.log.info(`Shrink: up to ${f.shrink} reruns within ${f.shrinkBudgetMs / 1000} s, each held to failing ${family}.`);
    r.found.shrink = await rec.phase('shrink', () => shrinkFailure({
        ctx,
        workloadApi: kvApi(options, deps, r.cluster, wl.timeoutMs),
        wl,
        streams: r.found.streams,
        log: deps.log,
        freshIds: () => runIds(deps.random, deps.clock, options.valueFormat, deps.random.hex(4)),
        livenessTimeoutMs: f.livenessTimeoutMs,
        minWorkloadMs: r.found.workload?.elapsedMs ?? 0,
        maxRuns: f.shrink,
        budgetMs: f.shrinkBudgetMs,
        actions: r.cluster.actions,
        active: r.activeFaults,
        sinceStart: rec.since,
    }, windows, family));
    const s = r.found.shrink;
    deps.log.info(`Shrink: ${s.originalFaults} fault(s) down to ${s.minimalFaults} in ${s.reruns} rerun(s) (${Math.round(s.elapsedMs / 1000)} s): ` +
        `${s.minimal || '(no fault)'}.`);
}
/** fault-schedule: sequence (or the restart check): one fault after another; `mark` hears when each held. */
async function faultsInTurn(r, steps, report, earlier, durationMs, mark) {
    const { ctx, deps, rec } = r;
    const reports = [];
    if (report)
        r.found.faults = reports;
    try {
        await runFaultSuite(ctx, steps, {
            actions: r.cluster.actions,
            active: r.activeFaults,
            durationMs,
            phase: rec.phase,
            addPhase: (p) => rec.phases.push(p),
            sinceStart: rec.since,
            info: (m) => deps.log.info(m),
            earlier,
            ...(mark ? { mark } : {}),
            record: (checks, one) => {
                rec.checks.push(...checks);
                reports.push(one);
            },
        });
    }
    catch (error) {
        if (!(error instanceof FaultInputProblem))
            throw error;
        throw new errors/* InputError */.d([
            {
                input: error.input,
                message: error.message,
                fix: 'Name networks the service is attached to (as in the compose file), or leave partition-networks empty to cut all of them.',
            },
        ]);
    }
    throwIfCancelled(deps.signal);
}
/**
 * The concurrent workload, judged by the chosen consistency model. With `faults`, they run inside it: the clients
 * go on for the whole duration and for as long as the faults take, so every fault strikes a busy cluster.
 */
async function workload(r, session, wl, faults) {
    const { deps, rec } = r;
    const inside = faults ? ', with the faults running inside it' : '';
    deps.log.info(`Workload: ${wl.clients} ${wl.sessions} clients for ${wl.durationMs / 1000} s${inside} on ${wl.keys} key(s); claim: ` +
        `${wl.consistency}, and every model of the ladder is checked.`);
    const w = await rec.checked('workload', async () => {
        if (!faults)
            await session.run();
        else {
            let over = false;
            const stop = new AbortController();
            const clients = session.run({ keepRunning: () => !over, signal: stop.signal });
            try {
                await faults();
            }
            catch (error) {
                stop.abort();
                throw error;
            }
            finally {
                over = true;
                await clients;
            }
        }
        return session.finish(r.extras.saveHistory, (m) => deps.log.warn(m));
    });
    r.found.workload = w.section;
    throwIfCancelled(deps.signal);
}
/**
 * The last resort before logs and teardown, whatever happened above: no packet filter, queueing discipline or
 * clock offset of Replicheck's stays on any container of the project.
 */
async function sweepFaults(pre, rec, log) {
    for (const p of await undoLeftoverFaults(pre.compose, pre)) {
        log.warn(`Could not undo a fault: ${p}.`);
        rec.errors.push({
            message: `Could not undo a fault: ${p}.`,
            fix: 'Check the containers by hand: nsenter -t <pid> -n iptables -S, tc qdisc show.',
        });
    }
}
/** Logs of every service when the run failed, then teardown as the policy says. */
async function collectAndTearDown(options, deps, pre, rec) {
    const { log, signal } = deps;
    const c = pre.compose;
    const failed = rec.failed;
    if (failed && options.logLines > 0 && !signal.aborted) {
        const secrets = (0,kv_api/* secretsOf */.Fj)(options.kv);
        await rec
            .phase('logs', async () => {
            for (const service of pre.services) {
                // A service that logs the requests it gets logs their headers too: secret parts are redacted here.
                const text = (0,kv_api/* redactText */.Rd)((0,util_text/* stripAnsi */.aJ)(await c.logs(service, options.logLines)), secrets);
                rec.logs.push({ service, text });
                log.untrusted(`Last ${options.logLines} log lines of ${service}`, text);
            }
        })
            .catch(() => undefined);
    }
    const wanted = options.teardown === 'always' || (options.teardown === 'on-success' && (!failed || signal.aborted));
    if (!wanted) {
        const when = options.teardown === 'post' ? 'until the post step at the end of the job' : 'running';
        log.info(`Teardown '${options.teardown}': leaving project ${options.projectName} ${when}.`);
        return { policy: options.teardown, performed: false };
    }
    let teardown = { policy: options.teardown, performed: false };
    await rec
        .phase('down', async () => {
        // Everything is about to be deleted, so a long graceful stop buys nothing (etcd's leader hand-off alone
        // holds `down` for its whole grace period); on cancel the runner kills us 10 s after SIGINT, so be quicker.
        const r = await c.down(signal.aborted ? 1 : 2);
        let left = await (0,driver/* findLeftovers */.Q_)(deps.exec, options.projectName);
        if (r.code !== 0 || left.containers.length + left.networks.length + left.volumes.length > 0) {
            left = await (0,driver/* removeByLabel */._N)(deps.exec, options.projectName);
        }
        const leftovers = [...left.containers, ...left.networks, ...left.volumes];
        teardown = { policy: options.teardown, performed: true, ...(leftovers.length > 0 ? { leftovers } : {}) };
        if (leftovers.length > 0)
            log.warn(`Teardown left ${leftovers.length} object(s) of project ${options.projectName}.`);
    })
        .catch((error) => rec.errors.push(...(0,engine_errors/* toRunErrors */.Wj)(error)));
    return teardown;
}
/** Labels are service names where the mapping is unique, else host:port; duplicates get a suffix. */
function labelNodes(mappings, options) {
    const seen = new Map();
    return mappings.map((m, i) => {
        const s = options.servers[i];
        // A named server is its service (checked against the project before anything started).
        let label = s.name ?? m.service ?? `${s.host}:${s.port}`;
        const n = (seen.get(label) ?? 0) + 1;
        seen.set(label, n);
        if (n > 1)
            label = `${label}#${n}`;
        const service = s.name ?? m.service;
        return {
            url: m.url,
            label,
            ...(service ? { service } : {}),
            mapping: s.name && s.name !== m.service ? `named ${s.name} (${m.reason})` : m.reason,
        };
    });
}


/***/ }),

/***/ 2242:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

__webpack_require__.r(__webpack_exports__);
/* harmony export */ __webpack_require__.d(__webpack_exports__, {
/* harmony export */   connectProbe: () => (/* binding */ connectProbe),
/* harmony export */   isListening: () => (/* binding */ isListening)
/* harmony export */ });
/* harmony import */ var node_net__WEBPACK_IMPORTED_MODULE_0__ = __webpack_require__(7030);
/* harmony import */ var node_net__WEBPACK_IMPORTED_MODULE_0___default = /*#__PURE__*/__webpack_require__.n(node_net__WEBPACK_IMPORTED_MODULE_0__);
// Is something already listening on a port? Asked before `compose up`, so a port taken by another program is
// reported as that, instead of as a cluster that answers with somebody else's data.

function isListening(host, port, timeoutMs = 500) {
    return new Promise((resolve) => {
        const socket = (0,node_net__WEBPACK_IMPORTED_MODULE_0__.connect)({ host, port });
        const done = (answer) => {
            socket.destroy();
            resolve(answer);
        };
        socket.setTimeout(timeoutMs, () => done(false));
        socket.once('connect', () => done(true));
        socket.once('error', () => done(false));
    });
}
// Docker's userland proxy accepts a connection on a published port as soon as the container runs, and closes it
// at once when nothing listens inside yet: a connection that stays open this long is taken as a server's.
const SETTLE_MS = 150;
/**
 * Readiness of a node no HTTP request can ask (a non-HTTP server, adapter without `ready`): a TCP connection to
 * host:port that is accepted and not closed straight away. The answer has the shape of an HTTP outcome (status 200,
 * empty body) so the same serving rules apply.
 */
function connectProbe(host, port, timeoutMs, signal) {
    const started = performance.now();
    return new Promise((resolve) => {
        const socket = (0,node_net__WEBPACK_IMPORTED_MODULE_0__.connect)({ host, port });
        let settled = false;
        const done = (error) => {
            if (settled)
                return;
            settled = true;
            clearTimeout(settle);
            signal?.removeEventListener('abort', onAbort);
            socket.destroy();
            const durationMs = performance.now() - started;
            resolve(error === undefined
                ? { ok: true, status: 200, body: Buffer.alloc(0), truncated: false, durationMs }
                : { ok: false, error, durationMs });
        };
        let settle;
        const onAbort = () => done('aborted');
        signal?.addEventListener('abort', onAbort, { once: true });
        if (signal?.aborted)
            return done('aborted');
        socket.setTimeout(timeoutMs, () => done('timeout'));
        socket.once('connect', () => {
            settle = setTimeout(() => done(), SETTLE_MS);
        });
        socket.once('close', () => done('connection closed'));
        socket.once('error', (e) => done(e.code === 'ECONNREFUSED'
            ? 'connection refused'
            : e.code === 'ECONNRESET'
                ? 'connection reset'
                : (e.code ?? e.message).toLowerCase()));
    });
}


/***/ })

};
