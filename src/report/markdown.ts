// The one way the step summary builds a table. Every cell given as text is escaped here, so a node name, a value
// or an error a server sent can never add a cell, end the table or become a link; only Markdown the reporter
// writes itself, built with `strong` or `markup`, passes as it is.
import { escapeInline } from './escape.js';

/** Markdown the reporter wrote itself; never built from text that came from outside without escaping it. */
export interface Markup {
  readonly markdown: string;
}

export type Cell = string | number | Markup;

export interface Column {
  readonly header: Cell;
  /** Numbers read best right-aligned; text stays left. */
  readonly align?: 'left' | 'right';
}

export function markup(markdown: string): Markup {
  return { markdown };
}

/** Bold text, escaped inside the emphasis. */
export function strong(text: string): Markup {
  return markup(`**${escapeInline(text)}**`);
}

export function right(header: Cell): Column {
  return { header, align: 'right' };
}

function render(cell: Cell): string {
  if (typeof cell === 'number') return String(cell);
  if (typeof cell === 'string') return escapeInline(cell);
  return cell.markdown;
}

/**
 * The lines of a GitHub-flavoured Markdown table (no blank line around it: the caller places it). A column given
 * as text is a left-aligned column with that header.
 */
export function markdownTable(columns: readonly (Column | string)[], rows: readonly (readonly Cell[])[]): string[] {
  const cols = columns.map((c): Column => (typeof c === 'string' ? { header: c } : c));
  // GFM quietly drops surplus cells and pads missing ones, which would hide a reporter's mistake in a report.
  const wrong = rows.findIndex((r) => r.length !== cols.length);
  if (wrong >= 0) throw new Error(`Table row ${wrong} has ${rows[wrong]!.length} cells for ${cols.length} columns.`);
  // An empty cell is one space between its pipes, in the header as in the rows.
  const line = (cells: readonly string[]): string => `|${cells.map((c) => (c === '' ? ' ' : ` ${c} `)).join('|')}|`;
  return [
    line(cols.map((c) => render(c.header))),
    `|${cols.map((c) => (c.align === 'right' ? '---:' : '---')).join('|')}|`,
    ...rows.map((r) => line(r.map(render))),
  ];
}
