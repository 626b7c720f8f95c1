// The HTTP edge. Every request has a deadline, redirects are never followed (a node that redirects is answering
// with a redirect, not with the value), and bodies are read only up to a cap so a hostile server cannot exhaust
// memory. Bodies stay bytes: comparison is byte for byte.
import { Agent, request } from 'undici';

export interface HttpRequest {
  readonly method: 'GET' | 'POST' | 'PUT' | 'DELETE' | 'PATCH' | 'HEAD';
  readonly url: string;
  readonly body?: string | Buffer;
  readonly headers?: Readonly<Record<string, string>>;
  readonly timeoutMs: number;
  readonly signal?: AbortSignal;
}

export interface HttpAnswer {
  readonly ok: true;
  readonly status: number;
  /** At most the client's body cap. */
  readonly body: Buffer;
  /** True when the server sent more than the cap; the rest was not read. */
  readonly truncated: boolean;
  readonly durationMs: number;
}

export interface HttpFailure {
  readonly ok: false;
  /** Short reason: 'timeout', 'connection refused', 'connection reset', ... */
  readonly error: string;
  readonly durationMs: number;
}

export type HttpOutcome = HttpAnswer | HttpFailure;

export interface HttpClient {
  send(req: HttpRequest): Promise<HttpOutcome>;
  close(): Promise<void>;
}

export const DEFAULT_BODY_CAP = 1024 * 1024;

function describeError(error: unknown, timedOut: boolean): string {
  if (timedOut) return 'timeout';
  const e = error as { code?: unknown; name?: string; message?: string; cause?: { code?: unknown } };
  // A DOMException (an aborted signal's reason) has a numeric code: only Node's string codes name a cause.
  const code = [e?.code, e?.cause?.code].find((c): c is string => typeof c === 'string');
  if (e?.name === 'TimeoutError') return 'timeout';
  switch (code) {
    case 'ECONNREFUSED':
      return 'connection refused';
    case 'ECONNRESET':
    case 'UND_ERR_SOCKET':
      return 'connection reset';
    case 'UND_ERR_CONNECT_TIMEOUT':
    case 'UND_ERR_HEADERS_TIMEOUT':
    case 'UND_ERR_BODY_TIMEOUT':
      return 'timeout';
    case 'ENOTFOUND':
    case 'EAI_AGAIN':
      return 'host not found';
    case 'EHOSTUNREACH':
    case 'ENETUNREACH':
      return 'host unreachable';
    default:
      if (e?.name === 'AbortError') return 'aborted';
      return code ? code.toLowerCase() : (e?.message ?? 'request failed').slice(0, 200);
  }
}

export function createHttpClient(options: { bodyCap?: number } = {}): HttpClient {
  const cap = options.bodyCap ?? DEFAULT_BODY_CAP;
  // Short keep-alive: nodes restart under us, and a pooled socket to a dead container only costs a retry.
  const agent = new Agent({ keepAliveTimeout: 2000, keepAliveMaxTimeout: 5000, connections: 16, pipelining: 1 });
  return {
    async send(req) {
      const started = performance.now();
      const deadline = AbortSignal.timeout(req.timeoutMs);
      const signal = req.signal ? AbortSignal.any([req.signal, deadline]) : deadline;
      try {
        const res = await request(req.url, {
          method: req.method,
          ...(req.body !== undefined ? { body: req.body } : {}),
          headers: req.headers ?? {},
          dispatcher: agent,
          signal,
          headersTimeout: req.timeoutMs,
          bodyTimeout: req.timeoutMs,
        });
        const chunks: Buffer[] = [];
        let kept = 0;
        let truncated = false;
        for await (const chunk of res.body as AsyncIterable<Buffer>) {
          const room = cap - kept;
          if (chunk.length > room) {
            chunks.push(chunk.subarray(0, room));
            kept = cap;
            truncated = true;
            break;
          }
          chunks.push(chunk);
          kept += chunk.length;
        }
        // Leaving the loop early does not always release the socket; destroy so the rest is never read.
        if (truncated) res.body.destroy();
        return { ok: true, status: res.statusCode, body: Buffer.concat(chunks, kept), truncated, durationMs: performance.now() - started };
      } catch (error) {
        return { ok: false, error: describeError(error, deadline.aborted), durationMs: performance.now() - started };
      }
    },
    async close() {
      await agent.close().catch(() => undefined);
    },
  };
}
