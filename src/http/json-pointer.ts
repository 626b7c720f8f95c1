// JSON pointers (RFC 6901) for reading a value out of a JSON answer, e.g. `/node/value` in etcd's v2 API.

/** The reference tokens of a pointer, or an error text. `''` is the whole document. */
export function parsePointer(pointer: string): { tokens: string[] } | { error: string } {
  if (pointer === '') return { tokens: [] };
  if (!pointer.startsWith('/')) return { error: `'${pointer}' does not start with '/'` };
  const tokens: string[] = [];
  for (const raw of pointer.slice(1).split('/')) {
    // '~' is the escape character and may only start '~0' ('~') or '~1' ('/').
    if (/~(?![01])/.test(raw)) return { error: `'${pointer}' has a '~' that is not '~0' or '~1'` };
    tokens.push(raw.replace(/~1/g, '/').replace(/~0/g, '~'));
  }
  return { tokens };
}

/** The value at `tokens` in `doc`, or undefined when the document has nothing there. */
export function resolvePointer(doc: unknown, tokens: readonly string[]): unknown {
  let here: unknown = doc;
  for (const token of tokens) {
    if (Array.isArray(here)) {
      // Array indices are decimal without leading zeros; '-' (past the end) never names an existing element.
      if (!/^(0|[1-9]\d*)$/.test(token)) return undefined;
      here = here[Number(token)];
    } else if (here !== null && typeof here === 'object') {
      here = Object.prototype.hasOwnProperty.call(here, token) ? (here as Record<string, unknown>)[token] : undefined;
    } else {
      return undefined;
    }
    if (here === undefined) return undefined;
  }
  return here;
}

/**
 * The bytes a JSON answer holds at `tokens`: a string as its UTF-8 bytes, any other JSON value as its JSON text.
 * Null when the body is JSON with nothing at the pointer (a missing key, e.g. etcd v3's absent or empty "kvs");
 * undefined when the body is not JSON at all.
 */
export function extractJsonValue(body: Uint8Array, tokens: readonly string[]): Buffer | null | undefined {
  let doc: unknown;
  try {
    doc = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(body));
  } catch {
    return undefined;
  }
  const value = resolvePointer(doc, tokens);
  if (value === undefined) return null;
  return Buffer.from(typeof value === 'string' ? value : JSON.stringify(value), 'utf8');
}
