// Text laid out for a terminal of a given width: paragraphs wrapped at spaces, two-column tables of flags that
// fall back to one column when the terminal is too narrow for two. Every help text of the binary goes through here.
import type { Output } from './terminal.js';

/** Used when the output is not a terminal and COLUMNS says nothing: what a pager or a file shows comfortably. */
export const DEFAULT_WIDTH = 80;
const MIN_WIDTH = 40;
/** Past this, lines of prose are hard to follow, however wide the terminal. */
const MAX_WIDTH = 120;

/** The width to wrap text written to `out` at: the terminal's, else COLUMNS, else DEFAULT_WIDTH; kept readable. */
export function textWidth(out: Pick<Output, 'isTTY' | 'columns'>, env: Readonly<Record<string, string | undefined>>): number {
  const fromEnv = /^\d+$/.test(env.COLUMNS ?? '') ? Number(env.COLUMNS) : 0;
  const columns = out.isTTY === true && out.columns !== undefined && out.columns > 0 ? out.columns : fromEnv || DEFAULT_WIDTH;
  return Math.min(MAX_WIDTH, Math.max(MIN_WIDTH, columns));
}

/**
 * Words of `text` in lines of at most `width` characters. A longer word gets a line of its own, or, with `hard`
 * (text from outside, where no word is worth keeping whole), is cut into lines of `width`.
 */
export function wrap(text: string, width: number, hard = false): string[] {
  const lines: string[] = [];
  let line = '';
  const words = text.split(/\s+/).filter(Boolean);
  for (const word of hard ? words.flatMap((w) => w.match(new RegExp(`[^]{1,${Math.max(1, width)}}`, 'gu')) ?? []) : words) {
    if (line !== '' && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else {
      line = line === '' ? word : `${line} ${word}`;
    }
  }
  if (line !== '') lines.push(line);
  return lines;
}

/** A wrapped paragraph, every line indented by `indent` spaces. */
export function paragraph(text: string, width: number, indent = 0, hard = false): string {
  const pad = ' '.repeat(indent);
  return wrap(text, width - indent, hard)
    .map((l) => `${pad}${l}`)
    .join('\n');
}

/** The left column of a table: wide enough for most flags; a longer one gets a line of its own. */
const LEFT_COLUMN = 30;

/**
 * Rows of `flag  description`, indented by two. Two columns when the description column keeps at least 40
 * characters; below that, each description goes under its flag, indented by six.
 */
export function table(rows: readonly (readonly [string, string])[], width: number, left = LEFT_COLUMN): string {
  const lines: string[] = [];
  const twoColumns = width - left >= 40;
  for (const [flag, text] of rows) {
    if (!twoColumns) {
      lines.push(`  ${flag}`, paragraph(text, width, 6));
      continue;
    }
    const wrapped = wrap(text, width - left);
    if (flag.length + 4 <= left) {
      lines.push(`  ${flag.padEnd(left - 2)}${wrapped[0] ?? ''}`.trimEnd());
    } else {
      lines.push(`  ${flag}`, `${' '.repeat(left)}${wrapped[0] ?? ''}`);
    }
    for (const more of wrapped.slice(1)) lines.push(`${' '.repeat(left)}${more}`);
  }
  return lines.join('\n');
}
