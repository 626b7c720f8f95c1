// Writes action.yml's `inputs:` section and the input tables of docs/inputs.md from src/inputs/list.ts, so an input
// is described in one place. Run `npm run inputs` after changing the list; test/unit/action-metadata.test.ts fails
// until the files match it again.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parse, stringify } from 'yaml';
import { INPUTS, INPUT_GROUPS, plainDescription as plainText, type InputGroup, type InputSpec } from '../src/inputs/list.js';

/** How each group is introduced: a comment in action.yml, a heading and a sentence on the inputs page. */
export const GROUPS: Readonly<Record<InputGroup, { readonly title: string; readonly about: string }>> = {
  cluster: { title: 'Cluster', about: 'The nodes, and how Replicheck starts, waits for and removes them.' },
  api: { title: 'API', about: 'How a key is written to and read from a node.' },
  faults: { title: 'Faults', about: 'What is done to the nodes while they are checked.' },
  workload: { title: 'Workload', about: 'The concurrent workload and the consistency its history must satisfy.' },
  reports: { title: 'Reports', about: 'What a run leaves behind.' },
};

/** The page the tables are written into, and the markers around them. */
export const INPUTS_PAGE = 'docs/inputs.md';
export const INPUTS_START = '<!-- inputs:start -->';
export const INPUTS_END = '<!-- inputs:end -->';
export const NAMES_START = '<!-- names:start -->';
export const NAMES_END = '<!-- names:end -->';
const NOTICE = 'Written by npm run inputs from src/inputs/list.ts: edit the list, not';

const specs = INPUTS as readonly InputSpec[];

function grouped(): { group: InputGroup; inputs: InputSpec[] }[] {
  return INPUT_GROUPS.map((group) => ({ group, inputs: specs.filter((s) => s.group === group) })).filter((g) => g.inputs.length > 0);
}

/** A description cut at its backticks: odd pieces are code. */
function pieces(spec: InputSpec): { code: boolean; text: string }[] {
  if (/[\r\n]/.test(spec.description)) throw new Error(`The description of ${spec.name} spans lines; keep it to one.`);
  const parts = spec.description.split('`');
  if (parts.length % 2 === 0) throw new Error(`The description of ${spec.name} has an unpaired backtick.`);
  return parts.map((text, i) => ({ code: i % 2 === 1, text }));
}

/** The description as action.yml holds it for the GitHub UI, which shows no Markdown (checked for paired marks). */
export function plainDescription(spec: InputSpec): string {
  pieces(spec);
  return plainText(spec);
}

/** One YAML scalar on one line, quoted only where YAML needs it (a ` #` would otherwise start a comment). */
function scalar(value: string): string {
  const text = stringify(value, { lineWidth: 0, singleQuote: true }).trimEnd();
  if (text.includes('\n')) throw new Error(`'${value}' does not fit one YAML line.`);
  return text;
}

/** The `inputs:` section of action.yml, ending in a newline. */
export function actionInputs(): string {
  const lines = ['inputs:', `  # ${NOTICE} this section.`];
  for (const { group, inputs } of grouped()) {
    const { title, about } = GROUPS[group];
    lines.push(`  # ${title}: ${about.charAt(0).toLowerCase()}${about.slice(1)}`);
    for (const spec of inputs) {
      lines.push(`  ${spec.name}:`, `    description: ${scalar(plainDescription(spec))}`, `    required: ${spec.required === true}`);
      if (spec.default !== undefined) lines.push(`    default: ${scalar(spec.default)}`);
    }
  }
  return `${lines.join('\n')}\n`;
}

/** action.yml with its `inputs:` section (up to the next top-level key) replaced; every other line kept. */
export function withActionInputs(actionYml: string): string {
  const lines = actionYml.split('\n');
  const start = lines.findIndex((l) => /^inputs:\s*$/.test(l));
  if (start < 0) throw new Error('action.yml has no top-level inputs: section.');
  let end = start + 1;
  while (end < lines.length && !/^\S/.test(lines[end]!)) end++;
  // Blank lines before the next key separate sections; they are not the inputs'.
  while (end > start + 1 && lines[end - 1]!.trim() === '') end--;
  const before = lines.slice(0, start).join('\n');
  const after = lines.slice(end).join('\n');
  return `${before}${before === '' ? '' : '\n'}${actionInputs()}${after}`;
}

/** A code span; `|` is escaped even inside one, or a table would split the cell there. */
function code(text: string): string {
  return `\`${text.replace(/\|/g, '\\|')}\``;
}

/** Text between code spans, with every character Markdown could take for markup escaped. */
function prose(text: string): string {
  return text.replace(/[\\*_[\]<>|]/g, (c) => `\\${c}`);
}

/** GitHub's anchor for a heading: lower case, punctuation dropped, spaces as dashes. */
function slug(heading: string): string {
  return heading
    .trim()
    .toLowerCase()
    .replace(/[^\p{L}\p{N}\s_-]/gu, '')
    .replace(/\s/g, '-');
}

/** Headings of a Markdown text outside fenced code (where `#` starts a shell or YAML comment). */
export function headingsOf(markdown: string): string[] {
  const found: string[] = [];
  let fenced = false;
  for (const line of markdown.split('\n')) {
    if (/^\s*(```|~~~)/.test(line)) fenced = !fenced;
    const m = fenced ? null : /^#{1,6}\s+(.+?)\s*#*\s*$/.exec(line);
    if (m) found.push(m[1]!);
  }
  return found;
}

/** The headings of each page in docs/, by file name (`faults.md`); undefined for a page that does not exist. */
export type PageHeadings = (page: string) => readonly string[] | undefined;

/** A `see` as the list writes it, `faults.md: Fault kinds`: a page in docs/ and a heading on it. */
export function parseSee(see: string): { page: string; heading: string } {
  const m = /^([a-z0-9-]+\.md): (.+)$/.exec(see);
  if (!m) throw new Error(`'${see}' is not 'page.md: Heading' (a page in docs/, then a heading on it).`);
  return { page: m[1]!, heading: m[2]! };
}

/** A link to the section `see` names, refused when the page or the heading is missing or its anchor is ambiguous. */
export function seeLink(name: string, see: string, headingsOn: PageHeadings): string {
  const { page, heading } = parseSee(see);
  const headings = headingsOn(page);
  if (headings === undefined) throw new Error(`${name}: docs/${page} does not exist (see).`);
  if (!headings.includes(heading)) throw new Error(`${name}: docs/${page} has no heading '${heading}' (see).`);
  const anchor = slug(heading);
  if (headings.filter((h) => slug(h) === anchor).length > 1) {
    throw new Error(`${name}: more than one heading of docs/${page} has the anchor #${anchor}; name a unique one (see).`);
  }
  return ` See [${prose(heading)}](${page === 'inputs.md' ? '' : page}#${anchor}).`;
}

/** The headings of the pages in a docs/ folder, read when asked for. */
export function docsHeadings(docs: URL): PageHeadings {
  return (page) => {
    const url = new URL(page, docs);
    return existsSync(url) ? headingsOf(readFileSync(url, 'utf8')) : undefined;
  };
}

function cells(values: readonly string[]): string {
  return `|${values.map((v) => (v === '' ? ' ' : ` ${v} `)).join('|')}|`;
}

function row(spec: InputSpec, headingsOn: PageHeadings): string {
  const text = pieces(spec)
    .map((p) => (p.code ? code(p.text) : prose(p.text)))
    .join('');
  const required = spec.required ? '**Required.** ' : '';
  const see = spec.see !== undefined ? seeLink(spec.name, spec.see, headingsOn) : '';
  const fallback = spec.default === undefined ? '' : spec.default === '' ? "`''`" : code(spec.default);
  return cells([code(spec.name), `${required}${text}${see}`, fallback]);
}

/** The input tables, one per group: what goes between the markers. */
export function inputTables(headingsOn: PageHeadings): string {
  const blocks = [`<!-- ${NOTICE} these tables. -->`];
  for (const { group, inputs } of grouped()) {
    blocks.push(
      `## ${GROUPS[group].title}`,
      GROUPS[group].about,
      [cells(['Input', 'Description', 'Default']), cells(['---', '---', '---']), ...inputs.map((s) => row(s, headingsOn))].join('\n'),
    );
  }
  return blocks.join('\n\n');
}

/** Where the generated text goes in `text`: between its markers, each once; an error naming the file otherwise. */
function between(text: string, file: string, startMark: string, endMark: string): { start: number; end: number } {
  const start = text.indexOf(startMark);
  const end = text.indexOf(endMark);
  if (start < 0 || end < start || text.indexOf(startMark, start + 1) >= 0 || text.indexOf(endMark, end + 1) >= 0) {
    throw new Error(`${file} needs ${startMark} and then ${endMark}, once each; add them, then run npm run inputs.`);
  }
  return { start, end };
}

/**
 * The README's index of every input (by group) and every output (as action.yml declares them), each name once,
 * so a reader of the first page sees what exists; what each does is on docs/inputs.md and docs/reports.md.
 */
export function withReadmeNames(readme: string, actionYml: string): string {
  const { start, end } = between(readme, 'README.md', NAMES_START, NAMES_END);
  const inputs = grouped().map(({ group, inputs: list }) => `**${GROUPS[group].title}:** ${list.map((s) => code(s.name)).join(', ')}.`);
  const outputs = Object.keys((parse(actionYml) as { outputs: Record<string, unknown> }).outputs);
  const body = [
    '<!-- Written by npm run inputs (inputs from src/inputs/list.ts, outputs from action.yml): edit those, not this list. -->',
    `Every input, by group (what each does, and its default: [docs/inputs.md](docs/inputs.md)):`,
    '',
    ...inputs.map((l) => `- ${l}`),
    '',
    `Every output ([docs/reports.md](docs/reports.md#outputs)): ${outputs.map(code).join(', ')}.`,
  ].join('\n');
  return `${readme.slice(0, start)}${NAMES_START}\n\n${body}\n\n${readme.slice(end)}`;
}

/** The inputs page with the text between its markers replaced; every other line kept. */
export function withInputTables(page: string, headingsOn: PageHeadings): string {
  const { start, end } = between(page, INPUTS_PAGE, INPUTS_START, INPUTS_END);
  // The group headings are the page's too: a section named like one would get a suffixed anchor.
  const own = [...headingsOf(page.slice(0, start) + page.slice(end)), ...Object.values(GROUPS).map((g) => g.title)];
  const body = inputTables((name) => (name === 'inputs.md' ? own : headingsOn(name)));
  return `${page.slice(0, start)}${INPUTS_START}\n\n${body}\n\n${page.slice(end)}`;
}

function main(): void {
  const root = new URL('../', import.meta.url);
  const headingsOn = docsHeadings(new URL('docs/', root));
  const files: [string, (text: string) => string][] = [
    ['action.yml', withActionInputs],
    [INPUTS_PAGE, (text) => withInputTables(text, headingsOn)],
    ['README.md', (text) => withReadmeNames(text, readFileSync(new URL('action.yml', root), 'utf8'))],
  ];
  for (const [name, render] of files) {
    const url = new URL(name, root);
    const text = readFileSync(url, 'utf8');
    const next = render(text);
    if (next !== text) writeFileSync(url, next);
    console.log(`${name}: ${next === text ? 'up to date' : 'written'}`);
  }
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) main();
