// Request templates with `{key}` and `{value}` placeholders. Each placeholder is encoded as its position needs:
// percent-encoded in a URL, form-encoded in a form body, JSON-escaped in a JSON body, raw elsewhere, so any key
// and value (spaces, '/', '&', '=', '%', '+', quotes, unicode) arrives at the server exactly as written.

export const PLACEHOLDERS = ['key', 'value'] as const;
export type Placeholder = (typeof PLACEHOLDERS)[number];
export type Fill = Partial<Record<Placeholder, string>>;

const PLACEHOLDER = /\{([^{}]*)\}/g;

/** Placeholder names in a template that are not in `allowed` (e.g. a typo such as `{val}`). */
export function unknownPlaceholders(template: string, allowed: readonly Placeholder[]): string[] {
  return [...template.matchAll(PLACEHOLDER)].map((m) => m[1]!).filter((name) => !(allowed as readonly string[]).includes(name));
}

function expand(template: string, fill: Fill, encode: (text: string) => string): string {
  return template.replace(PLACEHOLDER, (whole, name: string) => {
    const text = fill[name as Placeholder];
    return text === undefined ? whole : encode(text);
  });
}

/** A path (and optional query) with placeholders percent-encoded, so '/', '?', '&', '#' stay inside the key. */
export function expandPath(template: string, fill: Fill): string {
  return expand(template, fill, encodeURIComponent);
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
  if (whole && fill[whole[1] as Placeholder] !== undefined) return Buffer.from(fill[whole[1] as Placeholder]!, 'utf8');
  const encoding = bodyEncoding(contentType);
  const encode =
    encoding === 'form'
      ? (text: string) => new URLSearchParams([['', text]]).toString().slice(1)
      : encoding === 'json'
        ? (text: string) => JSON.stringify(text).slice(1, -1)
        : (text: string) => text;
  return Buffer.from(expand(template, fill, encode), 'utf8');
}
