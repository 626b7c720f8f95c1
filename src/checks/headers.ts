// The `headers` input: extra request headers, whose values are secret. Parsed here, and the secret parts listed so
// the front ends can mask them before anything is printed.
import { INPUTS, type InputName, type InputSpec } from '../inputs/list.js';
import type { Fail } from '../inputs/values.js';

export interface HttpHeader {
  readonly name: string;
  readonly value: string;
}

/** Header names a client may not set itself: they describe the connection or the body, which the client owns. */
const RESERVED_HEADERS = new Set([
  'host',
  'content-length',
  'transfer-encoding',
  'connection',
  'keep-alive',
  'upgrade',
  'expect',
  'te',
  'trailer',
]);
const TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
const CONTROL = /[\u0000-\u0008\u000a-\u001f\u007f]/;

/**
 * `Name: value` lines. Problems name the line, never its text: a malformed line may well hold a token.
 */
export function parseHeaders(text: string, fail: Fail): HttpHeader[] {
  const headers: HttpHeader[] = [];
  const seen = new Set<string>();
  text.split(/\r?\n/).forEach((line, index) => {
    if (line.trim() === '') return;
    const colon = line.indexOf(':');
    const n = index + 1;
    if (colon <= 0) {
      fail(
        'headers',
        `line ${n} has no 'Name:' before a colon.`,
        "Write one header per line as 'Name: value', e.g. 'Authorization: Bearer ${{ secrets.TOKEN }}'.",
      );
      return;
    }
    const name = line.slice(0, colon).trim();
    const value = line.slice(colon + 1).trim();
    const lower = name.toLowerCase();
    if (!TOKEN.test(name)) {
      fail(
        'headers',
        `line ${n}: the header name is not a valid HTTP token.`,
        'Use letters, digits and - only in header names, e.g. X-Api-Key.',
      );
    } else if (RESERVED_HEADERS.has(lower)) {
      fail('headers', `line ${n}: '${name}' is set by the HTTP client and cannot be given.`, 'Remove that line.');
    } else if (lower === 'content-type') {
      fail('headers', `line ${n}: the content type of writes has its own input.`, 'Use write-content-type instead.');
    } else if (seen.has(lower)) {
      fail('headers', `line ${n}: '${name}' is given twice.`, 'Give each header once (join values with a comma if the API allows it).');
    } else if (CONTROL.test(value)) {
      fail('headers', `line ${n}: the value of '${name}' contains control characters.`, 'Remove them from the value.');
    } else {
      seen.add(lower);
      headers.push({ name, value });
    }
  });
  return headers;
}

/**
 * Values to mask in the log before anything is parsed or printed: every header value (or a whole malformed
 * header line) and every line of any other input declared secret.
 */
export function secretValues(raw: Readonly<Partial<Record<InputName, string>>>): string[] {
  const out = new Set<string>();
  for (const spec of INPUTS as readonly InputSpec[]) {
    if (!spec.secret) continue;
    for (const line of (raw[spec.name as InputName] ?? '').split(/\r?\n/)) {
      const colon = line.indexOf(':');
      const secret = (spec.name === 'headers' && colon > 0 ? line.slice(colon + 1) : line).trim();
      if (secret !== '') out.add(secret);
    }
  }
  return [...out];
}
