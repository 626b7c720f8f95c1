// The values Replicheck writes, in three formats, and how they travel as bytes.
//   text  (default): unique and readable, and carrying the bytes that commonly break an API: space, '+', '%'
//         followed by hex digits, '&', '=', '/', '?', '#', quotes, a backslash and non-ASCII UTF-8. A service that
//         form-decodes bodies, or mangles anything else, no longer passes by accident.
//   token: letters, digits and '-' only, for APIs that cannot carry more.
//   bytes: arbitrary bytes, NUL, CR/LF and invalid UTF-8 included, for stores that promise binary safety. Such a
//         value is handled as an escaped string (printable ASCII as is, `\\` for a backslash, `\xHH` for any
//         other byte), which is what histories and reports show; on the wire it is the raw bytes.
// Every comparison with what a node returned is byte for byte.

export const VALUE_FORMATS = ['text', 'token', 'bytes'] as const;
export type ValueFormat = (typeof VALUE_FORMATS)[number];

/** Every byte a text value carries after its unique head. */
export const TEXT_TAIL = ` a+b%41&c=d/e?f#g"h'i\\j é✓`;
/** The raw bytes a bytes value carries besides the text tail: NUL, CR, LF, and sequences that are not UTF-8. */
const BINARY_TAIL = Buffer.from([0x00, 0x0d, 0x0a, 0xff, 0xfe, 0xc3, 0x28, 0x80]);

export interface ValueCodec {
  readonly format: ValueFormat;
  /** The bytes a value is sent as, and must come back as. */
  toBytes(value: string): Buffer;
  /** What a node returned, as a value of this format (injective: different bytes never give the same value). */
  fromBytes(bytes: Buffer): string;
}

export function valueCodec(format: ValueFormat): ValueCodec {
  if (format === 'bytes') return { format, toBytes: unescapeBytes, fromBytes: escapeBytes };
  return { format, toBytes: (v) => Buffer.from(v, 'utf8'), fromBytes: (b) => b.toString('utf8') };
}

/**
 * A value of `format` from a unique head (run id, writer, time, randomness). `random` gives raw bytes for the
 * bytes format, so not even the binary part repeats.
 */
export function formatValue(format: ValueFormat, head: string, randomBytes: () => Buffer): string {
  switch (format) {
    case 'token':
      return head.replace(/[^A-Za-z0-9-]/g, '-');
    case 'text':
      return `${head}${TEXT_TAIL}`;
    case 'bytes':
      return escapeBytes(Buffer.concat([Buffer.from(`${head}${TEXT_TAIL}`, 'utf8'), BINARY_TAIL, randomBytes()]));
  }
}

/** Printable ASCII as is, a backslash doubled, every other byte as `\xHH`. */
export function escapeBytes(bytes: Uint8Array): string {
  let out = '';
  for (const b of bytes) {
    if (b === 0x5c) out += '\\\\';
    else if (b >= 0x20 && b < 0x7f) out += String.fromCharCode(b);
    else out += `\\x${b.toString(16).padStart(2, '0')}`;
  }
  return out;
}

/** The inverse of escapeBytes; anything else in the text is taken as UTF-8. */
export function unescapeBytes(text: string): Buffer {
  const parts: Buffer[] = [];
  let plain = '';
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (c === '\\' && text[i + 1] === '\\') {
      plain += '\\';
      i++;
    } else if (c === '\\' && text[i + 1] === 'x' && /^[0-9a-f]{2}$/i.test(text.slice(i + 2, i + 4))) {
      parts.push(Buffer.from(plain, 'utf8'), Buffer.from([Number.parseInt(text.slice(i + 2, i + 4), 16)]));
      plain = '';
      i += 3;
    } else {
      plain += c;
    }
  }
  parts.push(Buffer.from(plain, 'utf8'));
  return Buffer.concat(parts);
}

/** Where two byte strings first differ; undefined when they are equal. A null byte is past the end. */
export interface ByteDifference {
  readonly offset: number;
  readonly expected: number | null;
  readonly actual: number | null;
  readonly expectedLength: number;
  readonly actualLength: number;
}

export function firstDifference(expected: Uint8Array, actual: Uint8Array): ByteDifference | undefined {
  const n = Math.min(expected.length, actual.length);
  let i = 0;
  while (i < n && expected[i] === actual[i]) i++;
  if (i === n && expected.length === actual.length) return undefined;
  return {
    offset: i,
    expected: expected[i] ?? null,
    actual: actual[i] ?? null,
    expectedLength: expected.length,
    actualLength: actual.length,
  };
}

/** `0x2b '+'`, `0x00`, or `the end`: one byte as a person reads it. */
export function describeByte(b: number | null): string {
  if (b === null) return 'the end';
  const hex = `0x${b.toString(16).padStart(2, '0')}`;
  return b >= 0x20 && b < 0x7f ? `${hex} '${b === 0x27 ? "\\'" : String.fromCharCode(b)}'` : hex;
}

/** One sentence: where the value a node returned first differs from the one expected. */
export function describeDifference(d: ByteDifference): string {
  return (
    `first difference at byte ${d.offset}: expected ${describeByte(d.expected)}, got ${describeByte(d.actual)} (expected ` +
    `${d.expectedLength} bytes, got ${d.actualLength})`
  );
}
