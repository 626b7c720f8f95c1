// Request templates with `{key}`, `{value}` (and, for compare-and-set, `{expected}`) placeholders. Each placeholder
// is encoded as its position needs: percent-encoded in a URL, form-encoded in a form body, JSON-escaped in a JSON
// body, raw elsewhere, so any key and value (spaces, '/', '&', '=', '%', '+', quotes, unicode, any bytes) arrives
// at the server exactly as written. A placeholder may name its encoding: `{key:base64}`, `{value:json}`.
//   base64: standard base64 (etcd's v3 JSON API sends keys and values so); in a URL or a form it is then
//           percent-encoded as the position requires, in a JSON body it is already valid string content.
//   json:   the content of a JSON string, escaped (without the quotes); likewise percent-encoded in a URL or form.

export const PLACEHOLDERS = ['key', 'value', 'expected'] as const;
export type Placeholder = (typeof PLACEHOLDERS)[number];
export const ENCODINGS = ['base64', 'json'] as const;
export type Encoding = (typeof ENCODINGS)[number];
/** Text, or the raw bytes of a value that is not text (value-format bytes). */
export type Fill = Partial<Record<Placeholder, string | Uint8Array>>;

// A name is an identifier, so JSON in a body template (`{"a":1}`, `{}`) is never taken for a placeholder.
const PLACEHOLDER = /\{([A-Za-z_][\w-]*)(?::([^{}"\s]*))?\}/g;

interface Found {
  readonly name: string;
  readonly encoding: string | undefined;
  readonly index: number;
  readonly length: number;
}

function placeholders(template: string): Found[] {
  return [...template.matchAll(PLACEHOLDER)].map((m) => ({ name: m[1]!, encoding: m[2], index: m.index, length: m[0].length }));
}

/** Placeholder names in a template that are not in `allowed` (e.g. a typo such as `{val}`). */
export function unknownPlaceholders(template: string, allowed: readonly Placeholder[]): string[] {
  return placeholders(template)
    .map((p) => p.name)
    .filter((name) => !(allowed as readonly string[]).includes(name));
}

/** Everything wrong with a template, one sentence each: unknown placeholders and unknown encodings. */
export function templateProblems(template: string, allowed: readonly Placeholder[]): string[] {
  const problems: string[] = [];
  const unknown = unknownPlaceholders(template, allowed);
  if (unknown.length > 0)
    problems.push(
      `has unknown placeholder(s) ${unknown.map((p) => `{${p}}`).join(', ')}; only ${allowed.map((p) => `{${p}}`).join(', ')} are ` +
        `filled in`,
    );
  const badEncodings = placeholders(template).filter(
    (p) => p.encoding !== undefined && !(ENCODINGS as readonly string[]).includes(p.encoding),
  );
  if (badEncodings.length > 0) {
    problems.push(
      `names unknown encoding(s) ${badEncodings.map((p) => `{${p.name}:${p.encoding}}`).join(', ')}; use ` +
        `${ENCODINGS.map((e) => `:${e}`).join(' or ')}, or none`,
    );
  }
  return problems;
}

/** Whether the template uses the placeholder at all, with any encoding. */
export function usesPlaceholder(template: string, name: Placeholder): boolean {
  return placeholders(template).some((p) => p.name === name);
}

function explicit(encoding: string | undefined, bytes: Buffer): Buffer {
  if (encoding === 'base64') return Buffer.from(bytes.toString('base64'), 'latin1');
  if (encoding === 'json') return Buffer.from(JSON.stringify(bytes.toString('utf8')).slice(1, -1), 'utf8');
  return bytes;
}

/** The template with each placeholder replaced by its encoded bytes; the template's own text is UTF-8. */
function expand(template: string, fill: Fill, position: (bytes: Buffer, explicitlyEncoded: boolean) => Buffer): Buffer {
  const parts: Buffer[] = [];
  let at = 0;
  for (const p of placeholders(template)) {
    const value = fill[p.name as Placeholder];
    if (value === undefined) continue;
    parts.push(Buffer.from(template.slice(at, p.index), 'utf8'), position(explicit(p.encoding, bytesOf(value)), p.encoding !== undefined));
    at = p.index + p.length;
  }
  parts.push(Buffer.from(template.slice(at), 'utf8'));
  return Buffer.concat(parts);
}

function bytesOf(value: string | Uint8Array): Buffer {
  return typeof value === 'string' ? Buffer.from(value, 'utf8') : Buffer.from(value);
}

// Bytes left as they are in a URL component and in a form field (RFC 3986 unreserved; forms also keep '*').
const UNRESERVED = /[A-Za-z0-9\-._~]/;

/** Percent-encodes every byte but the unreserved ones; a form writes a space as '+'. Works on any bytes. */
function percentEncode(bytes: Buffer, form: boolean): Buffer {
  let out = '';
  for (const b of bytes) {
    const c = String.fromCharCode(b);
    if (b < 0x80 && (UNRESERVED.test(c) || (form && c === '*'))) out += c;
    else if (form && b === 0x20) out += '+';
    else out += `%${b.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return Buffer.from(out, 'latin1');
}

/** A path (and optional query) with placeholders percent-encoded, so '/', '?', '&', '#' stay inside the key. */
export function expandPath(template: string, fill: Fill): string {
  return expand(template, fill, (b) => percentEncode(b, false)).toString('latin1');
}

export type BodyEncoding = 'raw' | 'form' | 'json';

/** How placeholders in a body are encoded, from the body's content type. */
export function bodyEncoding(contentType: string): BodyEncoding {
  const type = contentType.split(';')[0]!.trim().toLowerCase();
  if (type === 'application/x-www-form-urlencoded') return 'form';
  if (type === 'application/json' || type.endsWith('+json')) return 'json';
  return 'raw';
}

/**
 * A request body. A template that is exactly one placeholder without an encoding sends that text raw, whatever
 * the content type (the example service stores the raw body although it is labelled a form); otherwise
 * placeholders are encoded for the content type: form fields with `+` for spaces, JSON string contents without
 * the quotes (unless the placeholder named its encoding, whose output is already valid JSON string content).
 */
export function expandBody(template: string, contentType: string, fill: Fill): Buffer {
  const whole = /^\{([A-Za-z_][\w-]*)\}$/.exec(template);
  const only = whole ? fill[whole[1] as Placeholder] : undefined;
  if (only !== undefined) return bytesOf(only);
  const encoding = bodyEncoding(contentType);
  return expand(template, fill, (b, explicitlyEncoded) => {
    if (encoding === 'form') return percentEncode(b, true);
    // JSON carries text only: options refuse value-format bytes unless the value is base64 here.
    if (encoding === 'json' && !explicitlyEncoded) return Buffer.from(JSON.stringify(b.toString('utf8')).slice(1, -1), 'utf8');
    return b;
  });
}

/** Whether a body template sends the value so that any bytes arrive intact (raw, form-encoded, or base64). */
export function carriesBytes(template: string, contentType: string): boolean {
  if (/^\{value\}$/.test(template)) return true;
  return placeholders(template)
    .filter((p) => p.name === 'value')
    .every((p) => p.encoding === 'base64' || (p.encoding === undefined && bodyEncoding(contentType) !== 'json'));
}
