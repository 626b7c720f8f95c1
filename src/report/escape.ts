// Escaping for the step summary (GitHub-flavoured Markdown with HTML). Anything that came from a server or a
// container goes through here, so it renders as the text it is: no table breaks, links, images or HTML.

const HTML: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML[c]!);
}

// HTML and Markdown punctuation, plus ':', '.' and '@' so GFM cannot autolink a URL, domain or e-mail address.
// One pass, so the entities it writes are not escaped again.
const ACTIVE = /[&<>"'\\`*_{}[\]()#+\-!|~:.@$^=]/g;

/** Text for a table cell or a line of Markdown: one line, nothing active. */
export function escapeMarkdown(text: string): string {
  return text
    .replace(ACTIVE, (c) => `&#${c.charCodeAt(0)};`)
    .replace(/\r\n|\r|\n/g, '<br>')
    .replace(/[\u0000-\u0008\u000b-\u001f\u007f\u2028\u2029]/g, '�');
}

/** Text for a <pre> block: HTML-escaped, newlines kept. */
export function escapePre(text: string): string {
  return escapeHtml(text).replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g, '�');
}
