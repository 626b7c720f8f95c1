// The `headers` input: extra request headers, whose values are secret. Parsed here, and every part and encoding
// of a value listed, so the front ends can mask them before anything is printed and recorded answers lose them.
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
 * Shortest part of a secret acted on. A part of one to three characters (a cookie flag `a=1`, `on`, `yes`) guards
 * nothing anyone could not guess, while masking it would star out those letters in every log line and report
 * ("on" in "connection"); from four characters on, a part is rare in ordinary text.
 */
export const MIN_SECRET_CHARS = 4;

/**
 * Every piece of a header value that a server may give back on its own: the whole value; the credential after an
 * auth scheme (`Bearer x`, `Token x`, `Basic x`, `Digest ...`: whatever follows the first space); for `Basic` the
 * decoded `user:password` and the password; and each value of a `key=value` list (cookies, Digest parameters).
 * Pieces shorter than MIN_SECRET_CHARS are left out.
 */
export function secretParts(value: string): string[] {
  const parts = new Set<string>([value.trim()]);
  const scheme = /^([!#$%&'*+.^_`|~0-9A-Za-z-]+) +(\S.*)$/.exec(value.trim());
  const credential = scheme?.[2]?.trim();
  if (credential !== undefined) {
    parts.add(credential);
    if (scheme![1]!.toLowerCase() === 'basic') for (const p of basicParts(credential)) parts.add(p);
    for (const p of listValues(credential)) parts.add(p);
  }
  for (const p of listValues(value)) parts.add(p);
  return [...parts].filter((p) => p.length >= MIN_SECRET_CHARS);
}

/** `user:password` and `password` of a Basic credential; nothing when it is not base64 of text with a colon. */
function basicParts(credential: string): string[] {
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(credential)) return [];
  const decoded = Buffer.from(credential, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0 || decoded.includes('\uFFFD')) return [];
  return [decoded, decoded.slice(colon + 1)];
}

/** The values of `a=1; b="2"` or `a=1, b=2`, unquoted; a base64 padding `=` has no key before it, so it yields none. */
function listValues(text: string): string[] {
  const out: string[] = [];
  for (const item of text.split(/[;,]/)) {
    const m = /^\s*[^=\s]+\s*=\s*(.*?)\s*$/.exec(item);
    const v = m?.[1]?.replace(/^"(.*)"$/, '$1');
    if (v) out.push(v);
  }
  return out;
}

/**
 * The forms a part travels in when a server echoes it: as is, JSON-escaped (inside the quotes; also the way Python
 * writes non-ASCII, `\u00e9`, and PHP a slash, `\/`), percent-encoded (encodeURIComponent), base64 and base64url,
 * each with and without padding.
 */
export function secretForms(part: string): string[] {
  const json = JSON.stringify(part).slice(1, -1);
  const jsonAscii = json.replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
  const bytes = Buffer.from(part, 'utf8');
  const base64 = bytes.toString('base64');
  const base64url = bytes.toString('base64url');
  let percent = part;
  try {
    percent = encodeURIComponent(part);
  } catch {
    // A lone surrogate cannot be percent-encoded; no server can have echoed it that way either.
  }
  const padded = base64url.padEnd(Math.ceil(base64url.length / 4) * 4, '=');
  const jsons = [json, jsonAscii, json.replace(/\//g, '\\/')];
  return [...new Set([part, ...jsons, percent, base64, base64.replace(/=+$/, ''), base64url, padded])];
}

/** Every form of every part of a secret value: what is masked in the log and redacted from what is recorded. */
export function secretStrings(value: string): string[] {
  return [...new Set(secretParts(value).flatMap(secretForms))];
}

/** The secret strings of parsed headers, for redaction. */
export function headerSecrets(headers: readonly HttpHeader[]): string[] {
  return [...new Set(headers.flatMap((h) => secretStrings(h.value)))];
}

/**
 * Values to mask in the log before anything is parsed or printed: every header value (or a whole malformed
 * header line) and every line of any other input declared secret, each with every part and form of secretStrings.
 * The whole value is masked even when short: the runner masks it anyway, and that is what it always did.
 */
export function secretValues(raw: Readonly<Partial<Record<InputName, string>>>): string[] {
  const out = new Set<string>();
  for (const spec of INPUTS as readonly InputSpec[]) {
    if (!spec.secret) continue;
    for (const line of (raw[spec.name as InputName] ?? '').split(/\r?\n/)) {
      const colon = line.indexOf(':');
      const secret = (spec.name === 'headers' && colon > 0 ? line.slice(colon + 1) : line).trim();
      if (secret === '') continue;
      out.add(secret);
      for (const form of secretStrings(secret)) out.add(form);
    }
  }
  return [...out];
}
