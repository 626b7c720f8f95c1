// The house rule: every folder of src/ sits on a floor and imports only folders on floors below it, so there is no
// import cycle between folders and a pure part can never come to depend on a driver or a front end. A new folder
// must be given its floor here (the test fails until it is).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, normalize, relative } from 'node:path';

/** Lowest first. Folders on one floor (the two front ends) may not import each other either. */
export const FLOORS: readonly (readonly string[])[] = [
  ['util'],
  ['core'],
  ['inputs'],
  ['exec'],
  ['http'],
  ['linearizability'],
  ['consistency'],
  ['model'],
  ['checks'],
  ['compose'],
  ['faults'],
  ['workload'],
  ['config'],
  ['engine'],
  ['report'],
  ['host'],
  ['action', 'cli'],
];

const SRC = join(import.meta.dirname, '..', '..', 'src');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : path.endsWith('.ts') ? [path] : [];
  });
}

/** Relative module specifiers of a file: static imports, re-exports and dynamic imports. */
function importsOf(text: string): string[] {
  const found: string[] = [];
  for (const m of text.matchAll(
    new RegExp(
      [
        /(?:^|\n)\s*(?:import|export)\b[^'"`;]*?from\s*['"](\.[^'"]+)['"]/.source,
        /import\(\s*['"](\.[^'"]+)['"]\s*\)/.source,
        /(?:^|\n)\s*import\s+['"](\.[^'"]+)['"]/.source,
      ].join('|'),
      'g',
    ),
  )) {
    found.push((m[1] ?? m[2] ?? m[3])!);
  }
  return found;
}

/** The folder of src/ a path is in; a file directly in src/ (version.ts) is on the ground floor with util. */
function folderOf(path: string): string {
  const rel = relative(SRC, path).split(/[\\/]/);
  return rel.length > 1 ? rel[0]! : 'util';
}

function floorOf(folder: string): number {
  return FLOORS.findIndex((floor) => floor.includes(folder));
}

const edges = sourceFiles(SRC).flatMap((file) =>
  importsOf(readFileSync(file, 'utf8')).map((spec) => ({
    file: relative(SRC, file),
    from: folderOf(file),
    to: folderOf(normalize(join(dirname(file), spec))),
  })),
);

test('every folder of src/ has a floor', () => {
  const folders = readdirSync(SRC).filter((n) => statSync(join(SRC, n)).isDirectory());
  assert.deepEqual(
    folders.filter((f) => floorOf(f) < 0),
    [],
    'give each new folder its floor in FLOORS',
  );
});

test('no folder imports a folder on its own floor or above it', () => {
  assert.ok(edges.length > 100, `found only ${edges.length} imports: the scanner is broken`);
  const upward = edges
    .filter((e) => e.from !== e.to && floorOf(e.to) >= floorOf(e.from))
    .map((e) => `${e.file} imports ${e.to}/ (floor ${floorOf(e.to)} >= ${floorOf(e.from)})`);
  assert.deepEqual(upward, []);
});

test('the scanner sees an upward import when there is one', () => {
  const text = "import { x } from '../engine/run.js';\nexport { y } from './own.js';\nconst m = await import('../report/summary.js');";
  assert.deepEqual(importsOf(text), ['../engine/run.js', './own.js', '../report/summary.js']);
  assert.ok(floorOf('engine') > floorOf('checks'));
});

test("docs/development.md's layout names every folder of src/ and no other", () => {
  const readme = readFileSync(join(SRC, '..', 'docs', 'development.md'), 'utf8');
  const start = readme.indexOf('Layout, by floor');
  const end = readme.indexOf('Tests: `test/unit`', start);
  assert.ok(start >= 0 && end > start, 'docs/development.md has a layout section');
  const named = new Set([...readme.slice(start, end).matchAll(/`src\/([a-z-]+)`/g)].map((m) => m[1]!));
  const folders = readdirSync(SRC).filter((n) => statSync(join(SRC, n)).isDirectory());
  assert.deepEqual([...named].sort(), [...folders].sort());
  // In floor order, as the rule has them.
  const order = [...readme.slice(start, end).matchAll(/^\d+\. `src\/([a-z-]+)`/gm)].map((m) => floorOf(m[1]!));
  assert.deepEqual(
    order,
    [...order].sort((a, b) => a - b),
  );
});
