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

// Breaks other than LF that a terminal or a log viewer may honour (NEL, the Unicode line and paragraph separators):
// shown as breaks, so each line after one is made inert as a line too.
const OTHER_BREAKS = /[\u0085\u2028\u2029]/g;

function controlsReplaced(text: string): string {
  return stripAnsi(text).replace(/\r\n/g, '\n').replace(OTHER_BREAKS, '\n').replace(UNSAFE, '\uFFFD');
}

/**
 * One line that no GitHub runner takes for a workflow command, whatever printed it: the runner reads `::name::` at
 * the start of a line after whitespace (invisible format characters are taken as whitespace too, in case a runner
 * or a viewer skips them) and the legacy `##[name]` anywhere. A zero-width space breaks each; the text reads the same.
 */
function commandsBroken(line: string): string {
  return line.replace(/^([\s\p{Cf}]*):(?=:)/u, '$1:\u200b').replace(/##\[/g, '##\u200b[');
}

/**
 * Text from outside made inert for a terminal or a log: escape sequences removed, other controls replaced, and no
 * line of it a workflow command when a runner reads it.
 */
export function inertText(text: string): string {
  return controlsReplaced(text).split('\n').map(commandsBroken).join('\n');
}

/** `inertText` on one line: newlines shown as ⏎ (so only the start of the whole can look like a command). */
export function oneLine(text: string): string {
  return commandsBroken(controlsReplaced(text).replace(/\n+/g, ' ⏎ '));
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

/**
 * JSON printed where a runner reads the lines: the same value, with the legacy `##[` command form and the line
 * separators a runner may split on (NEL, U+2028, U+2029) written as escapes. No line of JSON can start with `::`:
 * every line break inside a string is already an escape.
 */
export function inertJson(value: unknown, space?: number): string {
  return JSON.stringify(value, null, space)
    .replace(/##\[/g, '#\\u0023[')
    .replace(/[\u0085\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
