// Times the linearizability checker over the Porcupine conformance histories (102 etcd logs, 6 kv histories).
// Run: node --import tsx bench/linearizability.ts [--rounds N] [--dir PATH]
// The histories are public test data kept outside the repository (../shared/conformance/porcupine/).

import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { checkHistory, parseHistoryText, type ModelName } from '../src/linearizability/index.js';

interface Row {
  file: string;
  model: ModelName;
  expected: string;
  text: string;
}

interface Timing {
  parseMs: number;
  checkMs: number;
  maxMs: number;
  maxFile: string;
  mismatches: string[];
}

function argValue(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

const dir = argValue('--dir') ?? fileURLToPath(new URL('../../shared/conformance/porcupine/', import.meta.url));
const rounds = Math.max(1, Number(argValue('--rounds') ?? 5));
if (!existsSync(dir + '/expected.tsv')) {
  console.log(`conformance histories not found at ${dir}; nothing to time`);
  process.exit(0);
}
const rows: Row[] = readFileSync(dir + '/expected.tsv', 'utf8')
  .trim()
  .split('\n')
  .slice(1)
  .map((line) => {
    const [file, model, expected] = line.split('\t') as [string, ModelName, string];
    return { file, model, expected, text: readFileSync(`${dir}/${file}`, 'utf8') };
  });

function timeGroup(group: Row[]): Timing {
  const t: Timing = { parseMs: 0, checkMs: 0, maxMs: 0, maxFile: '', mismatches: [] };
  for (const row of group) {
    const t0 = performance.now();
    const { history } = parseHistoryText(row.text, { model: row.model });
    const t1 = performance.now();
    const result = checkHistory(history, { timeoutMs: 120_000 });
    const t2 = performance.now();
    t.parseMs += t1 - t0;
    t.checkMs += t2 - t1;
    if (t2 - t0 > t.maxMs) {
      t.maxMs = t2 - t0;
      t.maxFile = row.file;
    }
    if (result.verdict !== row.expected) t.mismatches.push(`${row.file}: ${result.verdict}, expected ${row.expected}`);
  }
  return t;
}

const groups: Array<[string, Row[]]> = [
  ['etcd (cas-register)', rows.filter((r) => r.file.startsWith('jepsen-etcd/'))],
  ['kv', rows.filter((r) => r.file.startsWith('kv/'))],
];
const fmt = (ms: number): string => `${ms.toFixed(1)} ms`;
for (const [name, group] of groups) {
  const runs: Timing[] = [];
  for (let r = 0; r < rounds; r++) runs.push(timeGroup(group));
  const first = runs[0] as Timing;
  const best = runs.reduce((a, b) => (a.parseMs + a.checkMs <= b.parseMs + b.checkMs ? a : b));
  console.log(`${name}: ${group.length} histories`);
  console.log(
    `  first run : total ${fmt(first.parseMs + first.checkMs)} (parse ${fmt(first.parseMs)}, check ${fmt(first.checkMs)}), ` +
      `max ${fmt(first.maxMs)} (${first.maxFile})`,
  );
  console.log(
    `  best of ${rounds}: total ${fmt(best.parseMs + best.checkMs)} (parse ${fmt(best.parseMs)}, check ${fmt(best.checkMs)}), ` +
      `max ${fmt(best.maxMs)} (${best.maxFile})`,
  );
  const mismatches = new Set(runs.flatMap((r) => r.mismatches));
  console.log(mismatches.size === 0 ? '  all verdicts match expected.tsv' : `  MISMATCHES:\n    ${[...mismatches].join('\n    ')}`);
  if (name === 'kv') {
    for (const row of group) {
      const t0 = performance.now();
      checkHistory(parseHistoryText(row.text, { model: row.model }).history, { timeoutMs: 120_000 });
      console.log(`    ${row.file}: ${fmt(performance.now() - t0)}`);
    }
  }
}
