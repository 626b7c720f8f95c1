// action.yml and the code must agree: every input the code reads is declared, with the same default, and
// nothing is declared that the code ignores. action.yml's inputs and the input tables of docs/inputs.md are written
// from the list by scripts/inputs.ts, and must be what it writes today.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { outputsOf } from '../../src/host/outputs.js';
import { emptyResult } from '../../src/model/empty.js';
import { parse } from 'yaml';
import { INPUTS, type InputSpec } from '../../src/inputs/list.js';
import { VERSION } from '../../src/version.js';
import {
  GROUPS,
  INPUTS_END,
  INPUTS_PAGE,
  INPUTS_START,
  docsHeadings,
  parseSee,
  plainDescription,
  seeLink,
  withActionInputs,
  withInputTables,
  withReadmeNames,
} from '../../scripts/inputs.js';

const root = new URL('../../', import.meta.url);
const actionText = readFileSync(new URL('action.yml', root), 'utf8');
const pageText = readFileSync(new URL(INPUTS_PAGE, root), 'utf8');
const headingsOn = docsHeadings(new URL('docs/', root));
const readmeText = readFileSync(new URL('README.md', root), 'utf8');
const action = parse(actionText) as {
  inputs: Record<string, { default?: string; required?: boolean }>;
  outputs: Record<string, unknown>;
  runs: { using: string; main: string; post: string };
};

test('action.yml declares exactly the inputs the code reads, with the same defaults', () => {
  const declared = Object.keys(action.inputs).sort();
  const read = INPUTS.map((i) => i.name).sort();
  assert.deepEqual(declared, read);
  for (const spec of INPUTS) {
    const d = action.inputs[spec.name]!;
    assert.equal(String(d.default ?? ''), (spec as { default?: string }).default ?? '', `default of ${spec.name}`);
    assert.equal(Boolean(d.required), Boolean((spec as { required?: boolean }).required), `required of ${spec.name}`);
  }
});

test('the source reads inputs only through the declared list', () => {
  const main = readFileSync(new URL('src/action/main.ts', root), 'utf8');
  assert.equal((main.match(/core\.getInput\(/g) ?? []).length, 1, 'one getInput call, inside readRawInputs');
  assert.match(main, /readRawInputs\(\(name\) => core\.getInput\(name\)\)/);
});

test('outputs, runtime and entry points', () => {
  for (const o of ['result', 'report', 'max-convergence-ms']) assert.ok(o in action.outputs, o);
  assert.equal(action.runs.using, 'node24');
  assert.equal(action.runs.main, 'dist/index.js');
  assert.equal(action.runs.post, 'dist/index.js');
  // Every output the action declares is produced by the one pure function the main step publishes, and no other.
  const set = Object.keys(outputsOf(emptyResult('t', [], '2026-01-01T00:00:00.000Z'), '/r.json')).sort();
  assert.deepEqual(set, Object.keys(action.outputs).sort());
});

test('the version in code is the package version', () => {
  const pkg = JSON.parse(readFileSync(new URL('package.json', root), 'utf8')) as { version: string };
  assert.equal(VERSION, pkg.version);
});

/** Fails with the first line that differs, so the message says where, and how to fix it. */
function assertGenerated(file: string, actual: string, expected: string): void {
  if (actual === expected) return;
  const [a, e] = [actual.split('\n'), expected.split('\n')];
  let i = 0;
  while (a[i] === e[i]) i++;
  assert.fail(
    `${file} is not what src/inputs/list.ts gives: line ${i + 1} is ${JSON.stringify(a[i] ?? '(end of file)')}, ` +
      `should be ${JSON.stringify(e[i] ?? '(end of file)')}. Run npm run inputs and commit the result.`,
  );
}

test('action.yml inputs and the input tables of docs/inputs.md are generated from the list (run npm run inputs)', () => {
  assertGenerated('action.yml', actionText, withActionInputs(actionText));
  assertGenerated(INPUTS_PAGE, pageText, withInputTables(pageText, headingsOn));
  assertGenerated('README.md', readmeText, withReadmeNames(readmeText, actionText));
});

test('generated action.yml: each description is the plain text, and nothing outside inputs changes', () => {
  const generated = withActionInputs(actionText);
  const inputs = (parse(generated) as typeof action).inputs as Record<string, { description: string }>;
  for (const spec of INPUTS as readonly InputSpec[]) {
    // Compared after parsing: a ` #` left unquoted would cut the description short without any error.
    assert.equal(inputs[spec.name]!.description, plainDescription(spec), spec.name);
    assert.doesNotMatch(inputs[spec.name]!.description, /`/, `${spec.name}: no Markdown in action.yml`);
  }
  const withoutInputs = (text: string): string => text.replace(/^inputs:\n(?:[ \t].*\n)*/m, '');
  assert.equal(withoutInputs(generated), withoutInputs(actionText));
  assert.match(generated, /^inputs:\n(?:.*\n)*? {2}# Cluster:/m, 'groups are headed by a comment');
});

test('generated inputs page: one table row per input, three cells each, between the markers', () => {
  const page = withInputTables(pageText, headingsOn);
  const region = page.slice(page.indexOf(INPUTS_START), page.indexOf(INPUTS_END));
  const rows = region.split('\n').filter((l) => l.startsWith('| `'));
  // An unescaped | would split a cell and shift the Default column.
  for (const r of rows) assert.equal(r.split(/(?<!\\)\|/).length, 5, r);
  const named = rows.map((r) => /^\| `([^`]+)` \|/.exec(r)?.[1]);
  assert.deepEqual(named.slice().sort(), INPUTS.map((i) => i.name).sort());
  assert.equal(page.split(INPUTS_START).length, 2, 'one start marker');
  for (const { title } of Object.values(GROUPS)) assert.ok(region.includes(`\n## ${title}\n`), title);
});

test("each input's see names a page of docs/ and a heading on it, and becomes a link to that heading", () => {
  const pages: Record<string, readonly string[]> = { 'faults.md': ['Faults', 'Fault kinds', 'Several services at once'] };
  const on = (page: string): readonly string[] | undefined => pages[page];
  assert.deepEqual(parseSee('faults.md: Fault kinds'), { page: 'faults.md', heading: 'Fault kinds' });
  assert.equal(seeLink('faults', 'faults.md: Fault kinds', on), ' See [Fault kinds](faults.md#fault-kinds).');
  assert.throws(() => seeLink('faults', 'Fault kinds', on), /not 'page\.md: Heading'/);
  assert.throws(() => seeLink('faults', 'nope.md: Fault kinds', on), /docs\/nope\.md does not exist/);
  assert.throws(() => seeLink('faults', 'faults.md: Fault suite', on), /has no heading 'Fault suite'/);
  assert.throws(() => seeLink('x', 'faults.md: A b', () => ['A b', 'A-b']), /more than one heading/);
  for (const spec of INPUTS as readonly InputSpec[]) {
    if (spec.see === undefined) continue;
    const { page, heading } = parseSee(spec.see);
    assert.ok(headingsOn(page)?.includes(heading), `${spec.name}: docs/${page} has the heading '${heading}'`);
  }
});

test('the README names every input and every output action.yml declares', () => {
  for (const name of [...Object.keys(action.inputs), ...Object.keys(action.outputs)]) {
    assert.ok(readmeText.includes(`\`${name}\``), `README.md never names ${name}`);
  }
});
