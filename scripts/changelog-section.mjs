// Prints one version's section of the changelog: the release notes of a tag (.github/workflows/release.yml).
//
//   node scripts/changelog-section.mjs 0.2.0 [CHANGELOG.md]
//
// The section is the text under the heading `## [0.2.0]` (anything may follow the bracket, such as ` - 2026-12-01`)
// up to the next `## ` heading, trimmed. Headings inside fenced code blocks do not count, and the link reference
// definitions that end a Keep a Changelog file (`[0.2.0]: https://…`) are not part of the last section. Exits 1, with
// the reason on stderr, when the file cannot be read or the section is missing, empty or there twice; 2 on bad usage.
import { readFileSync } from 'node:fs';

const usage = 'usage: node scripts/changelog-section.mjs <version> [CHANGELOG.md]';

function fail(message, code = 1) {
  process.stderr.write(`changelog-section: ${message}\n`);
  process.exit(code);
}

/** The lines of each `## ` section, by heading line index; fences (``` or ~~~) hide the headings inside them. */
function sections(lines) {
  const found = [];
  let fence = null;
  lines.forEach((line, index) => {
    const marker = /^ {0,3}(`{3,}|~{3,})/.exec(line);
    if (marker) {
      if (fence === null) fence = marker[1];
      else if (marker[1][0] === fence[0] && marker[1].length >= fence.length) fence = null;
      return;
    }
    if (fence === null && /^## /.test(line)) found.push(index);
  });
  return found;
}

/** The body under the heading for `version`, or a reason it has none. */
function section(text, version) {
  const lines = text.split(/\r\n|\r|\n/);
  const starts = sections(lines);
  const heading = new RegExp(`^## \\[${version.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\](?:\\s|$)`);
  const matches = starts.filter((index) => heading.test(lines[index]));
  if (matches.length === 0) return { error: `no section "## [${version}]"` };
  if (matches.length > 1) return { error: `"## [${version}]" is there ${matches.length} times` };
  const start = matches[0];
  const next = starts.find((index) => index > start);
  const body = lines.slice(start + 1, next ?? lines.length);
  if (next === undefined) {
    // The file's closing block of link reference definitions belongs to no section.
    while (body.length > 0 && /^\s*(?:\[[^\]]+\]:\s*\S.*)?$/.test(body[body.length - 1])) body.pop();
  }
  const notes = body.join('\n').trim();
  return notes === '' ? { error: `section "## [${version}]" is empty` } : { notes };
}

const [version, file = 'CHANGELOG.md', ...extra] = process.argv.slice(2);
if (!version || extra.length > 0) fail(usage, 2);

let text;
try {
  text = readFileSync(file, 'utf8');
} catch (error) {
  fail(`cannot read ${file}: ${error.message}`);
}
const result = section(text, version);
if (result.error) fail(`${result.error} in ${file}`);
process.stdout.write(`${result.notes}\n`);
