// Small pure helpers for text that came from outside (servers, containers) and must be shown bounded.

/** The last `lines` lines of `text`, each cut to `maxLineChars`. */
export function tailText(text: string, lines: number, maxLineChars = 2000): string {
  if (lines <= 0) return '';
  const all = text.split('\n');
  return all
    .slice(-lines)
    .map((l) => (l.length > maxLineChars ? `${l.slice(0, maxLineChars)}…` : l))
    .join('\n');
}

const ANSI = /\u001b\[[0-9;?]*[ -/]*[@-~]|\u001b[@-Z\\-_]/g;

/** Removes terminal escape sequences, which have no meaning in a log viewer or a summary. */
export function stripAnsi(text: string): string {
  return text.replace(ANSI, '');
}

// C0/C1 controls other than tab and newline (a lone CR can overwrite a line; U+009B is a CSI on some terminals),
// and bidi overrides (which reorder what is shown).
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

/** Text from outside made inert for a terminal or a log: escape sequences removed, other controls replaced. */
export function inertText(text: string): string {
  return stripAnsi(text).replace(/\r\n/g, '\n').replace(UNSAFE, '\uFFFD');
}

/** `inertText` on one line: newlines shown as ⏎. */
export function oneLine(text: string): string {
  return inertText(text).replace(/\n+/g, ' ⏎ ');
}

/** A bounded, printable preview of bytes from a server: invalid UTF-8 becomes U+FFFD, controls are shown escaped. */
export function previewBytes(bytes: Uint8Array, maxChars = 200): string {
  const text = new TextDecoder('utf-8', { fatal: false }).decode(bytes.subarray(0, maxChars * 4));
  let shown = [...text].slice(0, maxChars).join('');
  shown = shown.replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
  const more = bytes.length > Buffer.byteLength(shown, 'utf8') || [...text].length > maxChars;
  return more ? `${shown}…` : shown;
}

export function formatMs(ms: number): string {
  if (ms < 1000) return `${Math.round(ms)} ms`;
  return `${(ms / 1000).toFixed(ms < 10_000 ? 2 : 1)} s`;
}
