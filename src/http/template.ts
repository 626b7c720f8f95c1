// Request templates with `{key}` and `{value}` placeholders. Each placeholder is encoded as its position needs:
// percent-encoded in a URL, form-encoded in a form body, JSON-escaped in a JSON body, raw elsewhere, so any key
// and value (spaces, '/', '&', '=', '%', '+', quotes, unicode) arrives at the server exactly as written.

export const PLACEHOLDERS = ['key', 'value'] as const;
export type Placeholder = (typeof PLACEHOLDERS)[number];
/** Text, or the raw bytes of a value that is not text (value-format bytes). */
export type Fill = Partial<Record<Placeholder, string | Uint8Array>>;

const PLACEHOLDER = /\{([^{}]*)\}/g;

/** Placeholder names in a template that are not in `allowed` (e.g. a typo such as `{val}`). */
export function unknownPlaceholders(template: string, allowed: readonly Placeholder[]): string[] {
  return [...template.matchAll(PLACEHOLDER)].map((m) => m[1]!).filter((name) => !(allowed as readonly string[]).includes(name));
}

/** The template with each placeholder replaced by its encoded bytes; the template's own text is UTF-8. */
function expand(template: string, fill: Fill, encode: (bytes: Buffer) => Buffer): Buffer {
  const parts: Buffer[] = [];
  let at = 0;
  for (const m of template.matchAll(PLACEHOLDER)) {
    const value = fill[m[1] as Placeholder];
    if (value === undefined) continue;
    parts.push(Buffer.from(template.slice(at, m.index), 'utf8'), encode(bytesOf(value)));
    at = m.index + m[0].length;
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
 * A request body. A template that is exactly one placeholder sends that text raw, whatever the content type
 * (the example service stores the raw body although it is labelled a form); otherwise placeholders are encoded
 * for the content type: form fields with `+` for spaces, JSON string contents without the quotes.
 */
export function expandBody(template: string, contentType: string, fill: Fill): Buffer {
  const whole = /^\{([^{}]*)\}$/.exec(template);
  const only = whole ? fill[whole[1] as Placeholder] : undefined;
  if (only !== undefined) return bytesOf(only);
  const encoding = bodyEncoding(contentType);
  const encode =
    encoding === 'form'
      ? (b: Buffer) => percentEncode(b, true)
      : encoding === 'json'
        ? // JSON carries text only: options refuse value-format bytes with a JSON body, so this is valid UTF-8.
          (b: Buffer) => Buffer.from(JSON.stringify(b.toString('utf8')).slice(1, -1), 'utf8')
        : (b: Buffer) => b;
  return expand(template, fill, encode);
}

/** Whether a body template sends the value so that any bytes arrive intact (raw, or form-encoded). */
export function carriesBytes(template: string, contentType: string): boolean {
  return /^\{value\}$/.test(template) || !template.includes('{value}') || bodyEncoding(contentType) !== 'json';
}
