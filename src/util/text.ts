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
