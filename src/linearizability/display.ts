// The one way text from a history (processes, keys, nodes, values, errors, file names) is shown: on one line, with
// every control character and every invisible or reordering one escaped, so a history cannot move the cursor,
// recolour a terminal, hide text, or start a line a CI runner reads as a command (`::cmd::` or `##[cmd]`).

function hex(code: number, width: 2 | 4): string {
  return (width === 2 ? '\\x' : '\\u') + code.toString(16).padStart(width, '0');
}

/** C0/C1 controls, line and paragraph separators, bidi controls, zero-width and BOM characters. */
function isUnsafe(c: number): boolean {
  if (c < 0x20 || (c >= 0x7f && c <= 0x9f)) return true;
  if (c < 0x200b) return c === 0x061c || c === 0x180e;
  return c <= 0x200f || (c >= 0x2028 && c <= 0x202e) || (c >= 0x2060 && c <= 0x2069) || c === 0xfeff || (c >= 0xfff9 && c <= 0xfffb);
}

function escapeCodeUnit(s: string, i: number, out: string[]): number {
  const c = s.charCodeAt(i);
  if (c >= 0xd800 && c <= 0xdbff) {
    const d = s.charCodeAt(i + 1);
    if (d >= 0xdc00 && d <= 0xdfff) {
      out.push(s.slice(i, i + 2));
      return 2;
    }
  }
  // A lone surrogate is no character at all; shown as its code it cannot pair with a neighbour.
  if ((c >= 0xd800 && c <= 0xdfff) || isUnsafe(c)) out.push(hex(c, c <= 0xff ? 2 : 4));
  else out.push(s[i] as string);
  return 1;
}

const NEEDS_WORK =
  /[\u0000-\u001f\u007f-\u009f\u061c\u180e\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff\ufff9-\ufffb\ud800-\udfff]|##\[|^::/;

/**
 * Untrusted text made safe to print: controls as \xHH, other invisible or reordering characters and lone surrogates
 * as \uHHHH, `##[` as `##\x5b`, a leading `::` as `\x3a:`. Printable text (any script) is left as it is.
 */
export function escapeText(s: string): string {
  if (!NEEDS_WORK.test(s)) return s;
  const out: string[] = [];
  let i = 0;
  if (s.startsWith('::')) {
    out.push('\\x3a');
    i = 1;
  }
  while (i < s.length) {
    if (s.charCodeAt(i) === 0x5b && i >= 2 && s.charCodeAt(i - 1) === 0x23 && s.charCodeAt(i - 2) === 0x23) {
      out.push('\\x5b');
      i++;
      continue;
    }
    i += escapeCodeUnit(s, i, out);
  }
  return out.join('');
}

/** A string shown in quotes: `escapeText` with `\` and `"` escaped too, so the quotes always end where it ends. */
export function quoteText(s: string, maxChars = Infinity): string {
  const cut = s.length > maxChars ? s.slice(0, maxChars) : s;
  const body = escapeText(cut.replace(/[\\"]/g, (c) => '\\' + c));
  return `"${body}"${cut.length < s.length ? `…(${s.length - cut.length} more characters)` : ''}`;
}

/** A bounded rendering of text for an error message. */
export function clipText(s: string, maxChars = 200): string {
  return escapeText(s.length > maxChars ? `${s.slice(0, maxChars)}…` : s);
}
