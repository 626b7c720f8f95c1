// A real headless browser (Debian's Chromium) for what a person sees: the page's DOM after its scripts ran, and a
// screenshot. Present, or a failure in CI (never a silent skip there).
import { spawnSync } from 'node:child_process';
import { mkdirSync } from 'node:fs';
import type { TestContext } from 'node:test';
import { join } from 'node:path';
import { ROOT } from './runner.js';

const BROWSER =
  process.env.REPLICHECK_CHROMIUM ??
  ['chromium', 'chromium-browser', 'google-chrome'].find((b) => spawnSync('sh', ['-c', `command -v ${b}`]).status === 0);

export function needBrowser(t: TestContext): boolean {
  if (BROWSER) return true;
  if (process.env.CI) throw new Error('Chromium is required for this test and CI is set: run scripts/ensure-browser.sh first.');
  t.skip('no Chromium (scripts/ensure-browser.sh installs one)');
  return false;
}

const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--hide-scrollbars', '--virtual-time-budget=5000'];

/** The DOM of a page on disk after its scripts ran. */
export function dumpDom(file: string): string {
  const r = spawnSync(BROWSER!, [...FLAGS, '--dump-dom', `file://${file}`], {
    encoding: 'utf8',
    timeout: 60_000,
    maxBuffer: 64 * 1024 * 1024,
  });
  if (r.status !== 0) throw new Error(`chromium --dump-dom failed: ${r.stderr.slice(-500)}`);
  return r.stdout;
}

/** A screenshot of a page on disk, kept as a test artifact under test/artifacts/; returns its path. */
export function screenshot(file: string, name: string, size = '1400,700'): string {
  const dir = join(ROOT, 'test/artifacts');
  mkdirSync(dir, { recursive: true });
  const out = join(dir, name);
  const r = spawnSync(BROWSER!, [...FLAGS, `--screenshot=${out}`, `--window-size=${size}`, `file://${file}`], {
    encoding: 'utf8',
    timeout: 60_000,
  });
  if (r.status !== 0) throw new Error(`chromium --screenshot failed: ${r.stderr.slice(-500)}`);
  return out;
}

/** The body element's data attributes, as the page's script set them. */
export function bodyData(dom: string): Record<string, string> {
  const body = /<body([^>]*)>/.exec(dom)?.[1] ?? '';
  return Object.fromEntries([...body.matchAll(/data-([a-z-]+)="([^"]*)"/g)].map((m) => [m[1]!, m[2]!]));
}
