// How a value is written to and read from a node. The checks speak only this interface, so other HTTP
// key-value APIs plug in without touching them.
import type { HttpClient, HttpOutcome } from '../http/client.js';
import type { KvAdapter } from '../config/adapter.js';
import { expandBody, expandPath } from '../http/template.js';
import { extractJsonValue } from '../http/json-pointer.js';
import { previewBytes } from '../util/text.js';
import type { Observation } from '../model/result.js';
import { valueCodec, type ValueCodec, type ValueFormat } from '../core/values.js';

export interface WriteOutcome {
  /** The node acknowledged the write (2xx). */
  readonly acked: boolean;
  readonly outcome: HttpOutcome;
}

export interface ReadOutcome {
  readonly outcome: HttpOutcome;
  /** The value's bytes when the node returned one; null when the key is missing; undefined on error. */
  readonly value: Buffer | null | undefined;
}

export interface KvApi {
  /** How values travel as bytes (value-format): writes send codec.toBytes(value); reads are compared to it. */
  readonly codec: ValueCodec;
  write(baseUrl: string, key: string, value: string, signal?: AbortSignal): Promise<WriteOutcome>;
  read(baseUrl: string, key: string, signal?: AbortSignal): Promise<ReadOutcome>;
  /** One readiness probe: any answer below 500 means the node is serving. */
  probe(baseUrl: string, signal?: AbortSignal): Promise<HttpOutcome>;
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
  options: { readonly kv: KvAdapter; readonly readyPath: string | undefined; readonly requestTimeoutMs: number; readonly valueFormat?: ValueFormat },
): KvApi {
  const { kv, requestTimeoutMs: timeoutMs } = options;
  const codec = valueCodec(options.valueFormat ?? 'text');
  const headers: Record<string, string> = Object.fromEntries(kv.headers.map((h) => [h.name, h.value]));
  const writeHeaders = { ...headers, 'content-type': kv.writeContentType };
  // A server may echo a request header (an error page, a debug endpoint); what we record must not carry it.
  const secrets = kv.headers.map((h) => Buffer.from(h.value, 'utf8')).filter((b) => b.length >= MIN_REDACTED_BYTES);
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
      return { acked: outcome.ok && outcome.status >= 200 && outcome.status < 300, outcome: redact(outcome, secrets) };
    },
    async read(baseUrl, key, signal) {
      const outcome = await http.send({ method: 'GET', url: keyUrl(baseUrl, kv.readPath, key), headers, timeoutMs, ...(signal ? { signal } : {}) });
      return { outcome: redact(outcome, secrets), value: readValue(outcome, kv) };
    },
    async probe(baseUrl, signal) {
      const url = options.readyPath !== undefined ? `${baseUrl}${options.readyPath}` : keyUrl(baseUrl, kv.readPath, PROBE_KEY);
      return redact(await http.send({ method: 'GET', url, headers, timeoutMs, ...(signal ? { signal } : {}) }), secrets);
    },
  };
}

/** The value an answer holds: bytes, null for "missing", undefined when the answer says neither. */
export function readValue(outcome: HttpOutcome, kv: Pick<KvAdapter, 'missingStatus' | 'readValue'>): Buffer | null | undefined {
  if (!outcome.ok) return undefined;
  if (kv.missingStatus.includes(outcome.status)) return null;
  if (outcome.status < 200 || outcome.status >= 300 || outcome.truncated) return undefined;
  return kv.readValue.kind === 'body' ? outcome.body : extractJsonValue(outcome.body, kv.readValue.tokens);
}

const MIN_REDACTED_BYTES = 4;

/** The outcome with every secret in its body replaced by `***`; the same object when there is none. */
export function redact(outcome: HttpOutcome, secrets: readonly Buffer[]): HttpOutcome {
  if (!outcome.ok || secrets.length === 0) return outcome;
  let body = outcome.body;
  for (const secret of secrets) {
    // Bounded: each pass removes one occurrence, and the body is at most the client's cap.
    for (let at = body.indexOf(secret); at !== -1; at = body.indexOf(secret, at + 3)) {
      body = Buffer.concat([body.subarray(0, at), Buffer.from('***'), body.subarray(at + secret.length)]);
    }
  }
  return body === outcome.body ? outcome : { ...outcome, body };
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
