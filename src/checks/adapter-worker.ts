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
import { Worker } from 'node:worker_threads';
import { oneLine } from '../util/text.js';

const WORKER_SOURCE = String.raw`(async () => {
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

/** What the module's `fetch` asked for: its arguments, made cloneable by the worker. */
export interface FetchInit {
  readonly method?: unknown;
  readonly headers?: unknown;
  readonly body?: unknown;
}

/** The main thread's side of the module's `fetch`. */
export type FetchHandler = (target: unknown, init: FetchInit) => Promise<{ readonly status: number; readonly body: Uint8Array }>;

export interface CallRequest {
  readonly name: 'write' | 'read' | 'cas' | 'ready';
  /** The call's arguments but `fetch` and `signal`: strings and Uint8Arrays only. */
  readonly args: Readonly<Record<string, string | Uint8Array>>;
  readonly deadlineMs: number;
  readonly signal?: AbortSignal;
  /** The module's fetch for this call; `signal` aborts at the call's deadline or when the run is cancelled. */
  readonly fetchFor: (signal: AbortSignal) => FetchHandler;
}

/** A value the worker could only describe (a number, an object, ...): enough to say what was wrong with it. */
export class Described {
  constructor(readonly description: string) {}
}

export type CallResult = { readonly value: unknown } | { readonly error: string };

/** The module's exports by name and `typeof`, or why it could not be loaded. */
export type Loaded = { readonly exports: Readonly<Record<string, string>> } | { readonly problem: string };

/** Error text from the worker or the module: one line, inert, bounded. */
export function bounded(text: string): string {
  return oneLine(text).slice(0, 300);
}

// After the run is cancelled, how long a call has to notice its aborted signal before it is given up.
const CANCEL_GRACE_MS = 500;

interface Pending {
  readonly name: string;
  readonly fetch: FetchHandler;
  readonly settle: (r: CallResult) => void;
}

type FromWorker =
  | { type: 'ready'; exports: Record<string, string> }
  | { type: 'failed'; message: string }
  | { type: 'done'; id: number; value?: unknown; described?: string; threw?: string }
  | { type: 'fetch'; id: number; call: number; request: FetchInit & { target: unknown } };

/** One worker thread with the module loaded in it. */
class AdapterThread {
  readonly loaded: Promise<Loaded>;
  private readonly worker: Worker;
  private readonly pending = new Map<number, Pending>();
  private ids = 0;
  private retired = false;
  private gone: string | undefined;
  private onLoad: (r: Loaded) => void = () => undefined;

  constructor(
    url: string,
    loadTimeoutMs: number,
    private readonly onRetire: (t: AdapterThread) => void,
  ) {
    this.loaded = new Promise((resolve) => (this.onLoad = resolve));
    const timer = setTimeout(() => this.stop(`did not finish loading within ${loadTimeoutMs / 1000} s`), loadTimeoutMs);
    void this.loaded.then(() => clearTimeout(timer));
    this.worker = new Worker(WORKER_SOURCE, { eval: true, workerData: { url } });
    this.worker.on('message', (m: FromWorker) => this.received(m));
    this.worker.on('error', (e: unknown) => this.stop(`failed: ${bounded(e instanceof Error ? e.message : String(e))}`));
    this.worker.on('exit', (code) => this.stop(`exited with code ${code}`));
    // An idle worker must not keep Replicheck alive (a call in flight has its deadline timer for that). After the
    // listeners: adding a 'message' listener refs the worker again.
    this.worker.unref();
  }

  private received(m: FromWorker): void {
    if (typeof m !== 'object' || m === null) return;
    if (m.type === 'ready') this.onLoad({ exports: { ...m.exports } });
    else if (m.type === 'failed') this.stop(`could not be loaded: ${bounded(String(m.message))}`);
    else if (m.type === 'done') {
      const p = this.pending.get(m.id);
      if (!p) return;
      if (m.threw !== undefined) p.settle({ error: `adapter ${p.name} threw: ${bounded(String(m.threw))}` });
      else p.settle({ value: m.described !== undefined ? new Described(String(m.described)) : m.value });
    } else if (m.type === 'fetch') this.fetch(m);
  }

  private fetch(m: Extract<FromWorker, { type: 'fetch' }>): void {
    const reply = (r: object): void => this.post({ type: 'fetched', id: m.id, ...r });
    const p = this.pending.get(m.call);
    if (!p) return reply({ error: 'the adapter call this request belongs to has ended', typeError: false });
    p.fetch(m.request.target, m.request).then(
      (r) => reply({ status: r.status, body: r.body }),
      (e: unknown) => reply({ error: e instanceof Error ? e.message : String(e), typeError: e instanceof TypeError }),
    );
  }

  private post(message: object): void {
    if (this.gone !== undefined) return;
    try {
      this.worker.postMessage(message);
    } catch {
      // The worker is exiting; its 'exit' settles whatever is pending.
    }
  }

  /** Runs one function of the module under the call's deadline. */
  call(req: CallRequest): Promise<CallResult> {
    if (this.gone !== undefined) return Promise.resolve({ error: `adapter ${req.name} could not run: the module's worker ${this.gone}` });
    return new Promise((resolve) => {
      const id = ++this.ids;
      const deadline = new AbortController();
      const timers: NodeJS.Timeout[] = [];
      const expire = (error: string): void => {
        deadline.abort(new DOMException('The adapter call ran out of time', 'TimeoutError'));
        this.post({ type: 'abort', id, reason: 'timeout' });
        settle({ error });
        // It may be stuck in a loop that only termination ends: later calls go to a fresh worker, and this one
        // ends as soon as the calls still in it have settled or reached their own deadlines.
        this.retire();
      };
      // A cancelled run stops waiting soon: the module has a moment to see its signal, not the whole deadline.
      const onAbort = (): void => {
        this.post({ type: 'abort', id, reason: 'abort' });
        timers.push(setTimeout(() => expire(`adapter ${req.name} did not finish: the run was cancelled`), CANCEL_GRACE_MS));
      };
      timers.push(setTimeout(() => expire(`adapter ${req.name} did not finish within ${req.deadlineMs / 1000} s`), req.deadlineMs));
      const settle = (r: CallResult): void => {
        if (!this.pending.delete(id)) return;
        for (const t of timers) clearTimeout(t);
        req.signal?.removeEventListener('abort', onAbort);
        resolve(r);
        if (this.retired && this.pending.size === 0) this.stop('was replaced after a call did not finish');
      };
      const signal = req.signal ? AbortSignal.any([req.signal, deadline.signal]) : deadline.signal;
      this.pending.set(id, { name: req.name, fetch: req.fetchFor(signal), settle });
      this.post({ type: 'call', id, name: req.name, args: req.args, aborted: req.signal?.aborted === true });
      if (req.signal?.aborted) onAbort();
      else req.signal?.addEventListener('abort', onAbort, { once: true });
    });
  }

  private retire(): void {
    if (this.retired) return;
    this.retired = true;
    this.onRetire(this);
  }

  /** Ends the worker; whatever is still pending fails with the reason. */
  stop(why: string): void {
    if (this.gone !== undefined) return;
    this.gone = why;
    this.onLoad({ problem: why });
    this.retire();
    void this.worker.terminate();
    for (const p of [...this.pending.values()]) p.settle({ error: `adapter ${p.name} did not finish: the module's worker ${why}` });
  }
}

/** The module's worker: started on load, replaced when a call runs out of time or the worker stops. */
export class AdapterHost {
  private current: AdapterThread | undefined;

  constructor(
    private readonly url: string,
    private readonly loadTimeoutMs: number,
  ) {}

  private thread(): AdapterThread {
    if (!this.current) {
      const t = new AdapterThread(this.url, this.loadTimeoutMs, (gone) => {
        if (this.current === gone) this.current = undefined;
      });
      this.current = t;
    }
    return this.current;
  }

  /** Loads the module in the first worker: its exports, or why it cannot serve. */
  load(): Promise<Loaded> {
    return this.thread().loaded;
  }

  async call(req: CallRequest): Promise<CallResult> {
    const t = this.thread();
    const loaded = await t.loaded;
    if ('problem' in loaded) return { error: `adapter ${req.name} could not run: the module ${loaded.problem}` };
    return t.call(req);
  }

  close(): void {
    this.current?.stop('was closed');
  }
}
