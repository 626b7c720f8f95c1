// The history page at scale: a 100,000-operation history (16 clients, crashed writes, one stale read) rendered to
// a page, opened from disk in headless Chromium. Prints the page's size and the time to its first drawn picture
// (performance.now() when the first draw ended, from the start of navigation), over a few rounds.
// Run: node --import tsx bench/page.ts [--ops N] [--rounds N]
import { spawnSync } from 'node:child_process';
import { mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { checkHistory } from '../src/linearizability/index.js';
import { linearizabilityPageResults, renderHistoryPage } from '../src/report/page/history-page.js';
import { generate } from './scale.js';

const arg = (name: string, fallback: number): number => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? Number(process.argv[i + 1]) : fallback;
};
const ops = arg('--ops', 100_000);
const rounds = arg('--rounds', 3);
const browser =
  process.env.REPLICHECK_CHROMIUM ??
  ['chromium', 'chromium-browser', 'google-chrome'].find((b) => spawnSync('sh', ['-c', `command -v ${b}`]).status === 0);

const history = generate({ clients: 16, ops, crashed: true, stale: true });
history.nemesis = [
  { time: 1000, f: 'start', fault: 'partition', target: 'kv_4' },
  { time: 3000, f: 'stop', fault: 'partition', target: 'kv_4' },
];
const t0 = performance.now();
const result = checkHistory(history);
const page = renderHistoryPage({
  title: `${ops} operations`,
  history,
  consistency: 'linearizable',
  results: linearizabilityPageResults(result),
});
const renderMs = performance.now() - t0;
const file = join(mkdtempSync(join(tmpdir(), 'rc-page-bench-')), 'page.html');
writeFileSync(file, page);
console.log(
  `${ops} operations: page ${(statSync(file).size / 1024 / 1024).toFixed(1)} MiB, checked and written in ${Math.round(renderMs)} ms`,
);
if (!browser) {
  console.log('time to first paint: not measured (no Chromium; scripts/ensure-browser.sh installs one)');
  process.exit(0);
}
for (let r = 1; r <= rounds; r++) {
  const started = performance.now();
  const out = spawnSync(
    browser,
    ['--headless', '--no-sandbox', '--disable-gpu', '--virtual-time-budget=10000', '--dump-dom', `file://${file}`],
    { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, timeout: 120_000 },
  );
  const wall = performance.now() - started;
  const drawn = /data-first-draw-ms="(\d+)"/.exec(out.stdout)?.[1];
  console.log(`round ${r}: first picture drawn ${drawn ?? '?'} ms after navigation began (browser start to exit ${Math.round(wall)} ms)`);
}
