// How a value is written to and read from a node. The checks speak only this interface, so other HTTP
// key-value APIs plug in without touching them.
import type { HttpClient, HttpOutcome } from '../http/client.js';
import { inStatusSet, type CasRequest, type KvAdapter, type StatusSet } from './api-options.js';
import { expandBody, expandPath } from '../http/template.js';
import { extractJsonValue } from '../http/json-pointer.js';
import { previewBytes } from '../util/text.js';
import type { Observation } from '../model/result.js';
import { valueCodec, type ValueCodec, type ValueFormat } from '../core/values.js';
import { headerSecrets } from './headers.js';
import { redactor, type Redactor } from './redact.js';
import type { RequestDescriber } from './guidance.js';
import type { SentRequest } from '../model/result.js';

/**
 * What a write's answer proves. `refused`: it certainly did not take effect (a status the API defines as a refusal,
 * or nothing was sent). `indeterminate`: it may or may not have (another failed status, a timeout, a connection
 * lost after sending): a store behind consensus can answer 503 or time out and still commit. No judge may count an
 * indeterminate write as either.
 */
export type WriteResult = 'acked' | 'refused' | 'indeterminate';

export interface WriteOutcome {
  /** The node acknowledged the write (2xx): `result === 'acked'`. */
  readonly acked: boolean;
  readonly result: WriteResult;
  readonly outcome: HttpOutcome;
}

// Errors raised before a single byte of the request could reach the node: nothing was applied.
const NOT_SENT = new Set(['connection refused', 'host not found', 'host unreachable']);

/** How a failed answer (not 2xx) reads: refused when the API says so or nothing was sent, else indeterminate. */
export function failedWrite(outcome: HttpOutcome, refusals: StatusSet): 'refused' | 'indeterminate' {
  if (!outcome.ok) return NOT_SENT.has(outcome.error) ? 'refused' : 'indeterminate';
  return inStatusSet(refusals, outcome.status) ? 'refused' : 'indeterminate';
}

export function writeOutcome(outcome: HttpOutcome, refusals: StatusSet): WriteOutcome {
  const acked = outcome.ok && outcome.status >= 200 && outcome.status < 300;
  return { acked, result: acked ? 'acked' : failedWrite(outcome, refusals), outcome };
}

export interface ReadOutcome {
  readonly outcome: HttpOutcome;
  /** The value's bytes when the node returned one; null when the key is missing; undefined on error. */
  readonly value: Buffer | null | undefined;
}

/**
 * How a compare-and-set ended: it swapped, it certainly did not (the comparison failed), it was refused before it
 * ran (a refusal status), or nobody knows.
 */
export interface CasOutcome {
  readonly result: 'swapped' | 'not-swapped' | 'refused' | 'unknown';
  readonly outcome: HttpOutcome;
}

export interface KvApi {
  /** How values travel as bytes (value-format): writes send codec.toBytes(value); reads are compared to it. */
  readonly codec: ValueCodec;
  write(baseUrl: string, key: string, value: string, signal?: AbortSignal): Promise<WriteOutcome>;
  read(baseUrl: string, key: string, signal?: AbortSignal): Promise<ReadOutcome>;
  /** One readiness probe: any answer below 500 means the node is serving. */
  probe(baseUrl: string, signal?: AbortSignal): Promise<HttpOutcome>;
  /** Sets `value` when the key holds `expected`; absent where the API has no compare-and-set. */
  readonly cas?: (baseUrl: string, key: string, expected: string, value: string, signal?: AbortSignal) => Promise<CasOutcome>;
  /** The requests as a report shows them (first-run guidance, guidance.ts); absent for an adapter module. */
  readonly describe?: RequestDescriber;
}

export function keyUrl(baseUrl: string, template: string, key: string): string {
  return `${baseUrl}${expandPath(template, { key })}`;
}

/** The key the default readiness probe reads: it never exists, so a serving node answers "missing" (< 500). */
export const PROBE_KEY = 'replicheck-readiness-probe';

/**
 * A KvApi for any HTTP key-value API, configured by the adapter options (a preset such as kv or etcd-v2, with
 * explicit inputs on top): write with a method, path and body template; read with a path template and take the
 * value from the body or a JSON pointer; a configured status means "missing".
 */
export function httpKvApi(
  http: HttpClient,
  options: {
    readonly kv: KvAdapter;
    readonly readyPath: string | undefined;
    readonly requestTimeoutMs: number;
    readonly valueFormat?: ValueFormat;
  },
): KvApi {
  const { kv, requestTimeoutMs: timeoutMs } = options;
  const codec = valueCodec(options.valueFormat ?? 'text');
  const headers: Record<string, string> = Object.fromEntries(kv.headers.map((h) => [h.name, h.value]));
  const writeHeaders = { ...headers, 'content-type': kv.writeContentType };
  const readHeaders = kv.readBody !== '' ? { ...headers, 'content-type': kv.readContentType || 'application/json' } : headers;
  const readRequest = (baseUrl: string, key: string) => ({
    method: kv.readMethod,
    url: keyUrl(baseUrl, kv.readPath, key),
    headers: readHeaders,
    ...(kv.readBody !== '' ? { body: expandBody(kv.readBody, readHeaders['content-type'] ?? 'application/json', { key }) } : {}),
  });
  // A server may echo a request header (an error page, a debug endpoint); what we record must not carry it.
  const secrets = secretsOf(kv);
  return {
    codec,
    async write(baseUrl, key, value, signal) {
      const fill = { key, value: codec.toBytes(value) };
      const outcome = await http.send({
        method: kv.writeMethod,
        url: `${baseUrl}${expandPath(kv.writePath, fill)}`,
        body: expandBody(kv.writeBody, kv.writeContentType, fill),
        headers: writeHeaders,
        timeoutMs,
        ...(signal ? { signal } : {}),
      });
      return writeOutcome(redact(outcome, secrets), kv.refusalStatuses);
    },
    async read(baseUrl, key, signal) {
      const outcome = await http.send({ ...readRequest(baseUrl, key), timeoutMs, ...(signal ? { signal } : {}) });
      // Taken from the answer as sent (a redacted body could hide a value or break its JSON), then redacted itself:
      // the workload records values in its history. A value with a secret in it is not one Replicheck wrote.
      const value = readValue(outcome, kv);
      return { outcome: redact(outcome, secrets), value: value ? redactorOf(secrets).bytes(value) : value };
    },
    async probe(baseUrl, signal) {
      const request =
        options.readyPath !== undefined
          ? { method: 'GET' as const, url: `${baseUrl}${options.readyPath}`, headers }
          : readRequest(baseUrl, PROBE_KEY);
      return redact(await http.send({ ...request, timeoutMs, ...(signal ? { signal } : {}) }), secrets);
    },
    ...(kv.cas ? { cas: casRequest(http, { ...kv.cas, refusals: kv.refusalStatuses }, headers, codec, timeoutMs, secrets) } : {}),
    describe: describer(kv, options.readyPath, codec, secrets),
  };
}

/** The same requests as httpKvApi sends, as text for a report: secrets redacted, bodies bounded, header names only. */
function describer(kv: KvAdapter, readyPath: string | undefined, codec: ValueCodec, secrets: readonly Buffer[]): RequestDescriber {
  const r = redactorOf(secrets);
  const names = kv.headers.map((h) => h.name);
  const shown = (method: string, url: string, body: Buffer | string | undefined): SentRequest => ({
    method,
    url: r.text(url),
    ...(body !== undefined ? { bodyPreview: previewBytes(r.bytes(Buffer.from(body))) } : {}),
    ...(names.length > 0 ? { headers: names } : {}),
  });
  const read = (baseUrl: string, key: string): SentRequest => {
    const contentType = kv.readContentType || 'application/json';
    const body = kv.readBody !== '' ? expandBody(kv.readBody, contentType, { key }) : undefined;
    return shown(kv.readMethod, keyUrl(baseUrl, kv.readPath, key), body);
  };
  return {
    write(baseUrl, key, value) {
      const fill = { key, value: codec.toBytes(value) };
      return shown(kv.writeMethod, `${baseUrl}${expandPath(kv.writePath, fill)}`, expandBody(kv.writeBody, kv.writeContentType, fill));
    },
    read,
    probe: (baseUrl) => (readyPath !== undefined ? shown('GET', `${baseUrl}${readyPath}`, undefined) : read(baseUrl, PROBE_KEY)),
    missingStatus: kv.missingStatus,
    ...(readyPath !== undefined ? { readyPath } : {}),
  };
}

/**
 * The value an answer holds: bytes, null for "missing", undefined when the answer says neither. A JSON answer
 * with nothing at the pointer (etcd v3: no "kvs", or an empty one) means missing, like the missing status.
 */
export function readValue(
  outcome: HttpOutcome,
  kv: Pick<KvAdapter, 'missingStatus' | 'readValue' | 'readValueEncoding'>,
): Buffer | null | undefined {
  if (!outcome.ok) return undefined;
  if (kv.missingStatus.includes(outcome.status)) return null;
  if (outcome.status < 200 || outcome.status >= 300 || outcome.truncated) return undefined;
  const raw = kv.readValue.kind === 'body' ? outcome.body : extractJsonValue(outcome.body, kv.readValue.tokens);
  if (raw == null || kv.readValueEncoding !== 'base64') return raw;
  return decodeBase64(raw.toString('latin1'));
}

/** Strict base64: what a store sends is either exactly that or an answer that says nothing (undefined). */
export function decodeBase64(text: string): Buffer | undefined {
  if (text.length % 4 !== 0 || !/^[A-Za-z0-9+/]*={0,2}$/.test(text)) return undefined;
  return Buffer.from(text, 'base64');
}

function casRequest(
  http: HttpClient,
  cas: CasRequest & { readonly refusals: StatusSet },
  headers: Record<string, string>,
  codec: ValueCodec,
  timeoutMs: number,
  secrets: readonly Buffer[],
): NonNullable<KvApi['cas']> {
  const h = { ...headers, 'content-type': cas.contentType };
  return async (baseUrl, key, expected, value, signal) => {
    const fill = { key, expected: codec.toBytes(expected), value: codec.toBytes(value) };
    const outcome = redact(
      await http.send({
        method: cas.method,
        url: `${baseUrl}${expandPath(cas.path, fill)}`,
        body: expandBody(cas.body, cas.contentType, fill),
        headers: h,
        timeoutMs,
        ...(signal ? { signal } : {}),
      }),
      secrets,
    );
    return { result: casResult(outcome, cas), outcome };
  };
}

/**
 * Swapped only on a 2xx that says so; a definite "no" only where the API says the comparison failed; refused only
 * on a refusal status (or nothing sent).
 */
export function casResult(
  outcome: HttpOutcome,
  cas: Pick<CasRequest, 'swapped' | 'notSwapped'> & { readonly refusals?: StatusSet },
): CasOutcome['result'] {
  if (outcome.ok && cas.notSwapped.includes(outcome.status)) return 'not-swapped';
  if (!outcome.ok || outcome.status < 200 || outcome.status >= 300) {
    return failedWrite(outcome, cas.refusals ?? []) === 'refused' ? 'refused' : 'unknown';
  }
  if (outcome.truncated) return 'unknown';
  if (!cas.swapped) return 'swapped';
  const at = extractJsonValue(outcome.body, cas.swapped);
  if (at === undefined) return 'unknown';
  // etcd leaves `false` out of its JSON: a well-formed answer without the field is a comparison that failed.
  return at !== null && at.toString('utf8') === 'true' ? 'swapped' : 'not-swapped';
}

/**
 * Every part and encoding of every header value (headers.ts), as the bytes to redact from what servers answer:
 * a server may echo a header, whole or in pieces, in an error page or a debug endpoint.
 */
export function secretsOf(kv: Pick<KvAdapter, 'headers'>): Buffer[] {
  return headerSecrets(kv.headers).map((s) => Buffer.from(s, 'utf8'));
}

/** What an adapter module's API needs of the options: the same headers, secrets, timeout and value format. */
export function moduleApiOptions(options: {
  readonly kv: KvAdapter;
  readonly requestTimeoutMs: number;
  readonly valueFormat?: ValueFormat;
}) {
  return {
    headers: Object.fromEntries(options.kv.headers.map((h) => [h.name, h.value])),
    secrets: secretsOf(options.kv),
    requestTimeoutMs: options.requestTimeoutMs,
    codec: valueCodec(options.valueFormat ?? 'text'),
  };
}

// One automaton per list of secrets: an API's list lives as long as the API, so it is built once per run.
const redactors = new WeakMap<readonly Uint8Array[], Redactor>();

/** The redactor of a list of secrets, built on first use. */
export function redactorOf(secrets: readonly Uint8Array[]): Redactor {
  let r = redactors.get(secrets);
  if (!r) redactors.set(secrets, (r = redactor(secrets)));
  return r;
}

/**
 * The outcome with every secret in its body (or its error) replaced by `***`; the same object when there is none.
 * Every answer recorded from a node goes through here: the templates' API above and an adapter module's fetch.
 */
export function redact(outcome: HttpOutcome, secrets: readonly Uint8Array[]): HttpOutcome {
  if (secrets.length === 0) return outcome;
  const r = redactorOf(secrets);
  if (!outcome.ok) {
    const error = r.text(outcome.error);
    return error === outcome.error ? outcome : { ...outcome, error };
  }
  const body = r.bytes(outcome.body);
  return body === outcome.body ? outcome : { ...outcome, body };
}

/** Text from a node (a log, a command's output) with every secret replaced by `***`. */
export function redactText(text: string, secrets: readonly Uint8Array[]): string {
  return secrets.length === 0 ? text : redactorOf(secrets).text(text);
}

/** A bounded, report-safe description of an HTTP outcome. */
export function observe(outcome: HttpOutcome | undefined): Observation {
  if (!outcome) return { error: 'no request was made' };
  if (!outcome.ok) return { error: outcome.error };
  return { status: outcome.status, bodyPreview: previewBytes(outcome.body), bodyBytes: outcome.body.length, truncated: outcome.truncated };
}

export function describeObservation(o: Observation): string {
  if (o.error) return o.error;
  const body = o.bodyBytes === 0 ? 'empty body' : `body "${o.bodyPreview ?? ''}"${o.truncated ? ' (cut at the size cap)' : ''}`;
  return `HTTP ${o.status ?? '?'} with ${body}`;
}
