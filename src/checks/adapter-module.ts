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
import { pathToFileURL } from 'node:url';
import type { HttpClient, HttpOutcome, HttpRequest } from '../http/client.js';
import type { KvApi } from './kv-api.js';
import { PROBE_KEY, redact } from './kv-api.js';
import type { ValueCodec } from '../core/values.js';
import { AdapterHost, Described, bounded, type CallRequest, type CallResult, type FetchHandler } from './adapter-worker.js';
import { connectProbe } from '../http/port-probe.js';

/** One function of the module, run in its worker (adapter-worker.ts): its value, or why it gave none. */
export type AdapterCall = (request: Omit<CallRequest, 'name'>) => Promise<CallResult>;

export interface AdapterFunctions {
  readonly write: AdapterCall;
  readonly read: AdapterCall;
  readonly cas?: AdapterCall;
  readonly ready?: AdapterCall;
}

// Importing the module (and what it imports) is bounded too: one whose top level never finishes is refused.
const LOAD_TIMEOUT_MS = 20_000;

/** Loads the module in a worker and checks its shape; the problem, in one sentence, when it cannot serve. */
export async function loadAdapter(
  path: string,
  options: { readonly loadTimeoutMs?: number } = {},
): Promise<{ functions: AdapterFunctions } | { problem: string }> {
  // Not bundled: the module is the user's, loaded from disk at run time, in the worker.
  const host = new AdapterHost(pathToFileURL(path).href, options.loadTimeoutMs ?? LOAD_TIMEOUT_MS);
  const loaded = await host.load();
  if ('problem' in loaded) return loaded;
  const kinds = loaded.exports;
  const problem = shapeProblem(kinds);
  if (problem) {
    host.close();
    return { problem };
  }
  const fn =
    (name: CallRequest['name']): AdapterCall =>
    (request) =>
      host.call({ ...request, name });
  const optional = (['cas', 'ready'] as const).filter((name) => kinds[name] === 'function');
  return { functions: { write: fn('write'), read: fn('read'), ...Object.fromEntries(optional.map((name) => [name, fn(name)])) } };
}

/** What is wrong with the module's exports (by name and typeof), if anything. */
function shapeProblem(kinds: Readonly<Record<string, string>>): string | undefined {
  const missing = ['write', 'read'].filter((name) => kinds[name] !== 'function');
  if (missing.length > 0)
    return `does not export ${missing.join(' and ')} as function(s) (it exports ${Object.keys(kinds).join(', ') || 'nothing'})`;
  for (const name of ['cas', 'ready']) {
    if (kinds[name] !== undefined && kinds[name] !== 'undefined' && kinds[name] !== 'function')
      return `exports ${name}, but not as a function`;
  }
  return undefined;
}

export interface ModuleApiOptions {
  readonly headers: Readonly<Record<string, string>>;
  readonly secrets: readonly Buffer[];
  readonly requestTimeoutMs: number;
  readonly codec: ValueCodec;
}

const failure = (error: string): HttpOutcome => ({ ok: false, error, durationMs: 0 });
const answer = (body: Buffer): HttpOutcome => ({ ok: true, status: 200, body, truncated: false, durationMs: 0 });

/** The `fetch` a module gets: requests to the node with the run's headers and timeout, answers redacted. */
function adapterFetch(http: HttpClient, o: ModuleApiOptions, baseUrl: string, signal: AbortSignal): FetchHandler {
  return async (target, init) => {
    if (typeof target !== 'string') throw new TypeError('fetch needs a URL or a path as a string');
    const url = target.startsWith('/') ? `${baseUrl}${target}` : target;
    const method = String(init.method ?? 'GET').toUpperCase();
    if (!['GET', 'POST', 'PUT', 'DELETE', 'PATCH', 'HEAD'].includes(method)) throw new TypeError(`fetch does not send ${method} requests`);
    const headers = { ...(isStringRecord(init.headers) ? init.headers : {}), ...o.headers };
    const body = typeof init.body === 'string' || init.body instanceof Uint8Array ? Buffer.from(init.body) : undefined;
    const request = { method: method as HttpRequest['method'], url, headers, timeoutMs: o.requestTimeoutMs, signal };
    const r = redact(await http.send({ ...request, ...(body ? { body } : {}) }), o.secrets);
    if (!r.ok) throw new Error(r.error);
    return { status: r.status, body: new Uint8Array(r.body) };
  };
}

export function moduleKvApi(fns: AdapterFunctions, http: HttpClient, o: ModuleApiOptions): KvApi {
  // A call may make several requests (read a revision, then write): three request timeouts bound it.
  const deadlineMs = 3 * o.requestTimeoutMs;
  const call = (fn: AdapterCall, baseUrl: string, args: Record<string, string | Uint8Array>, signal?: AbortSignal) =>
    fn({ args: { url: baseUrl, ...args }, deadlineMs, fetchFor: (s) => adapterFetch(http, o, baseUrl, s), ...(signal ? { signal } : {}) });
  const arg = (v: string): string | Uint8Array => (o.codec.format === 'bytes' ? new Uint8Array(o.codec.toBytes(v)) : v);

  return {
    codec: o.codec,
    async write(baseUrl, key, value, signal) {
      const r = await call(fns.write, baseUrl, { key, value: arg(value) }, signal);
      // A throw (or a wrong answer) says nothing of whether the store applied it; `false` is the module's refusal.
      if ('error' in r) return { acked: false, result: 'indeterminate', outcome: failure(r.error) };
      const reason = refusalOf(r.value);
      if (reason !== undefined) return { acked: false, result: 'refused', outcome: refusal(`adapter write refused: ${reason}`) };
      if (typeof r.value !== 'boolean') {
        const outcome = failure(`adapter write returned ${describe(r.value)}, not true or false`);
        return { acked: false, result: 'indeterminate', outcome };
      }
      if (r.value) return { acked: true, result: 'acked', outcome: answer(Buffer.alloc(0)) };
      return { acked: false, result: 'refused', outcome: refusal('adapter write returned false') };
    },
    async read(baseUrl, key, signal) {
      const r = await call(fns.read, baseUrl, { key }, signal);
      if ('error' in r) return { outcome: failure(r.error), value: undefined };
      if (r.value === null)
        return { outcome: { ok: true, status: 404, body: Buffer.alloc(0), truncated: false, durationMs: 0 }, value: null };
      if (typeof r.value === 'string' || r.value instanceof Uint8Array) {
        const bytes = typeof r.value === 'string' ? Buffer.from(r.value, 'utf8') : Buffer.from(r.value);
        return { outcome: answer(bytes), value: bytes };
      }
      return { outcome: failure(`adapter read returned ${describe(r.value)}, not a string, a Uint8Array or null`), value: undefined };
    },
    async probe(baseUrl, signal) {
      if (fns.ready) return readyOutcome(await call(fns.ready, baseUrl, {}, signal));
      // No HTTP request can ask a node of another protocol, and a read of the probe key might not either (a
      // module that connects lazily could answer from a connection it has not made): a TCP connection says it.
      const url = new URL(baseUrl);
      if (url.protocol !== 'http:' && url.protocol !== 'https:') {
        return connectProbe(url.hostname.replace(/^\[|\]$/g, ''), Number(url.port), o.requestTimeoutMs, signal);
      }
      // A serving node is one whose adapter can read (a missing key is an answer too).
      return (await this.read(baseUrl, PROBE_KEY, signal)).outcome;
    },
    ...(fns.cas
      ? {
          cas: async (baseUrl: string, key: string, expected: string, value: string, signal?: AbortSignal) => {
            const r = await call(fns.cas!, baseUrl, { key, expected: arg(expected), value: arg(value) }, signal);
            if ('error' in r) return { result: 'unknown' as const, outcome: failure(r.error) };
            const reason = refusalOf(r.value);
            if (reason !== undefined) return { result: 'refused' as const, outcome: refusal(`adapter cas refused: ${reason}`) };
            if (typeof r.value !== 'boolean')
              return { result: 'unknown' as const, outcome: failure(`adapter cas returned ${describe(r.value)}, not true or false`) };
            return { result: r.value ? ('swapped' as const) : ('not-swapped' as const), outcome: answer(Buffer.alloc(0)) };
          },
        }
      : {}),
  };
}

// A refusal has the shape of an HTTP refusal (409, in the default refusal-statuses), so reports read alike.
const refusal = (text: string): HttpOutcome => ({ ok: true, status: 409, body: Buffer.from(text), truncated: false, durationMs: 0 });

/** The reason of a `{ refused: '...' }` answer (the worker passed its text through as a one-field object). */
function refusalOf(v: unknown): string | undefined {
  if (typeof v !== 'object' || v === null || v instanceof Described || v instanceof Uint8Array) return undefined;
  const reason = (v as { refused?: unknown }).refused;
  return typeof reason === 'string' ? bounded(reason) : undefined;
}

/** `ready`'s answer as a probe outcome: true serves, false is a 503 (not yet), anything else is no answer. */
function readyOutcome(r: CallResult): HttpOutcome {
  if ('error' in r) return failure(r.error);
  if (r.value === true) return answer(Buffer.alloc(0));
  if (r.value === false)
    return { ok: true, status: 503, body: Buffer.from('adapter ready returned false'), truncated: false, durationMs: 0 };
  return failure(`adapter ready returned ${describe(r.value)}, not true or false`);
}

function isStringRecord(v: unknown): v is Record<string, string> {
  return typeof v === 'object' && v !== null && Object.values(v).every((x) => typeof x === 'string');
}

function describe(v: unknown): string {
  if (v instanceof Described) return v.description;
  if (v === undefined) return 'nothing';
  if (v === null) return 'null';
  if (typeof v === 'string') return `a string`;
  return Array.isArray(v) ? 'an array' : `a ${typeof v}`;
}
