// Escaping for the step summary (GitHub-flavoured Markdown with HTML). Anything that came from a server or a
// container goes through here, so it renders as the text it is: no table breaks, links, images or HTML.

const HTML: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML[c]!);
}

// What Markdown or HTML could act on in one line of text: tags and entities, table pipes, link and image
// brackets, code spans, emphasis and strikethrough, math, backslash escapes, and the starts of autolinks (URLs,
// www., e-mail addresses and @mentions). Everything else (. : - ( ) = # " ' ...) is left as it is, so the raw
// Markdown stays readable. One pass, so the entities it writes are not escaped again.
const ACTIVE = /[&<>|[\]`*!\\~$@]|(?<![A-Za-z0-9])_|_(?![A-Za-z0-9])|:(?=\/\/)|(?<=\bwww)\./gi;
const NAMED: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };
// A line that starts with these is a heading, quote, list item or rule: text a reporter puts first on a line (the
// fault notes, the workload headline) must not turn into structure.
const LINE_START = /^(?:[#>+=-]|\d+(?=[.)]))/;

/** Text for a line of Markdown, first on the line or not: one line, nothing active, the rest readable. */
export function escapeMarkdown(text: string): string {
  return escapeInline(text).replace(LINE_START, (c) => `&#${c.charCodeAt(0)};${c.slice(1)}`);
}

/**
 * Text that never starts a line: a table cell, whose content is only ever parsed as inline Markdown, so a leading
 * `#`, `-` or `1.` means nothing there and stays readable (a time like `2.90 s` is not turned into `&#50;.90 s`).
 */
export function escapeInline(text: string): string {
  return text
    .replace(ACTIVE, (c) => NAMED[c] ?? `&#${c.charCodeAt(0)};`)
    .replace(/\r\n|\r|\n/g, '<br>')
    .replace(/[\u0000-\u0008\u000b-\u001f\u007f\u2028\u2029]/g, '\ufffd');
}

/** Text for a <pre> block: HTML-escaped, newlines kept. */
export function escapePre(text: string): string {
  return escapeHtml(text).replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '�');
}
