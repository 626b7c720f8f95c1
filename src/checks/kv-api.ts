// How a value is written to and read from a node. The checks speak only this interface, so other HTTP
// key-value APIs plug in without touching them.
import type { HttpClient, HttpOutcome } from '../http/client.js';
import type { Options } from '../config/options.js';
import { previewBytes } from '../util/text.js';
import type { Observation } from '../model/result.js';

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
  write(baseUrl: string, key: string, value: string, signal?: AbortSignal): Promise<WriteOutcome>;
  read(baseUrl: string, key: string, signal?: AbortSignal): Promise<ReadOutcome>;
  /** One readiness probe: any answer below 500 means the node is serving. */
  probe(baseUrl: string, signal?: AbortSignal): Promise<HttpOutcome>;
}

export function keyUrl(baseUrl: string, template: string, key: string): string {
  return `${baseUrl}${template.split('{key}').join(encodeURIComponent(key))}`;
}

/** The API of the reference harness: POST/PUT the raw value as a form body, GET returns it verbatim, 404 = missing. */
export function simpleKvApi(http: HttpClient, options: Pick<Options, 'keyPath' | 'writeMethod' | 'readyPath' | 'requestTimeoutMs'>): KvApi {
  const timeoutMs = options.requestTimeoutMs;
  return {
    async write(baseUrl, key, value, signal) {
      const outcome = await http.send({
        method: options.writeMethod,
        url: keyUrl(baseUrl, options.keyPath, key),
        body: value,
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        timeoutMs,
        ...(signal ? { signal } : {}),
      });
      return { acked: outcome.ok && outcome.status >= 200 && outcome.status < 300, outcome };
    },
    async read(baseUrl, key, signal) {
      const outcome = await http.send({ method: 'GET', url: keyUrl(baseUrl, options.keyPath, key), timeoutMs, ...(signal ? { signal } : {}) });
      if (!outcome.ok) return { outcome, value: undefined };
      if (outcome.status === 404) return { outcome, value: null };
      if (outcome.status === 200 && !outcome.truncated) return { outcome, value: outcome.body };
      return { outcome, value: undefined };
    },
    probe(baseUrl, signal) {
      const path = options.readyPath ?? options.keyPath.split('{key}').join('replicheck-readiness-probe');
      return http.send({ method: 'GET', url: `${baseUrl}${path}`, timeoutMs, ...(signal ? { signal } : {}) });
    },
  };
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
