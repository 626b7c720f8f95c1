// Checks the Porcupine conformance histories (kept outside the repository, in ../shared/conformance/porcupine/)
// against the verdicts Porcupine's own tests expect. Skipped where that folder is absent on a developer's machine;
// in CI (CI set) the data is always beside the clone, so its absence is a failure, never a silent skip.

import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { checkHistory, parseHistoryText, type ModelName } from '../../src/linearizability/index.js';

const dir = fileURLToPath(new URL('../../../shared/conformance/porcupine/', import.meta.url));
const expectedFile = `${dir}expected.tsv`;
const present = existsSync(expectedFile);

test(
  'Porcupine conformance histories match the expected verdicts',
  { skip: present || process.env.CI ? false : `no conformance histories at ${dir}` },
  () => {
    assert.ok(present, `no conformance histories at ${dir}: CI must have ../shared/conformance beside the clone`);
    const rows = readFileSync(expectedFile, 'utf8')
      .trim()
      .split('\n')
      .slice(1)
      .map((line) => line.split('\t') as [string, ModelName, string]);
    assert.equal(rows.length, 108);
    const mismatches: string[] = [];
    for (const [file, model, expected] of rows) {
      const { history } = parseHistoryText(readFileSync(dir + file, 'utf8'), { model });
      const result = checkHistory(history, { timeoutMs: 60_000 });
      if (result.verdict !== expected) mismatches.push(`${file}: ${result.verdict}, expected ${expected}`);
      if (result.verdict === 'not-linearizable') {
        assert.ok(
          result.keys.some((k) => k.witness !== undefined),
          `${file}: a failing history has a witness`,
        );
      }
    }
    assert.deepEqual(mismatches, []);
  },
);
