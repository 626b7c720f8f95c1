// action.yml and the code must agree: every input the code reads is declared, with the same default, and
// nothing is declared that the code ignores.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { outputsOf } from '../../src/host/outputs.js';
import { emptyResult } from '../../src/model/empty.js';
import { parse } from 'yaml';
import { INPUTS } from '../../src/inputs/list.js';
import { VERSION } from '../../src/version.js';

const root = new URL('../../', import.meta.url);
const action = parse(readFileSync(new URL('action.yml', root), 'utf8')) as {
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
