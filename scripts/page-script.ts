// The history page's script is TypeScript for the browser (src/report/page/browser/, type-checked by
// tsconfig.browser.json and linted like the rest), but the page inlines it as text. This bundles it with esbuild
// into src/report/page/page-script.generated.ts, a committed module that holds the bundle as one string constant.
//
// Why a committed module rather than bundling when the page is rendered: the unit tests run src/ through tsx and
// dist/ is bundled from src/ by ncc, and neither can turn a TypeScript file into a string of browser JavaScript
// by itself. A module exporting a string works unchanged in both, and esbuild stays a development tool that dist/
// never loads. Kept fresh twice over: `npm run build` rewrites it before bundling (scripts/build.mjs), and
// test/unit/history-page.test.ts fails whenever it differs from a fresh bundle of the browser source.
//
// Run: node --import tsx scripts/page-script.ts [--check]   (--check: exit 1 when the module is stale)
import { buildSync } from 'esbuild';
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

const ROOT = join(import.meta.dirname, '..');
export const PAGE_SCRIPT_SOURCE = 'src/report/page/browser/history-page.ts';
export const PAGE_SCRIPT_MODULE = 'src/report/page/page-script.generated.ts';

/** The browser script as the page runs it: one function expression run at once, so nothing leaks to window. */
export function bundlePageScript(): string {
  const result = buildSync({
    // Relative to the repository, so the bundle (which names its source in a comment) is the same on any machine.
    absWorkingDir: ROOT,
    entryPoints: [PAGE_SCRIPT_SOURCE],
    tsconfig: 'tsconfig.browser.json',
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'es2023',
    legalComments: 'none',
    write: false,
    logLevel: 'silent',
  });
  return result.outputFiles[0]!.text;
}

/** The text the committed module must have. */
export function pageScriptModule(): string {
  const literal = bundlePageScript().replace(/\\/g, '\\\\').replace(/`/g, '\\`').replace(/\$\{/g, '\\${');
  return `// Generated from browser/history-page.ts by scripts/page-script.ts (\`npm run build\` rewrites it): do not edit.
// test/unit/history-page.test.ts fails when this is not a fresh bundle of that source. esbuild joins a wrapped
// expression into one line, so the bundle's lines may be longer than the source's.
/* eslint-disable max-len */
export const PAGE_SCRIPT = \`${literal}\`;
`;
}

/** Whether the committed module is fresh; rewrites it when it is not, unless only asked to check. */
export function updatePageScript(check: boolean): boolean {
  const path = join(ROOT, PAGE_SCRIPT_MODULE);
  const want = pageScriptModule();
  let have: string | undefined;
  try {
    have = readFileSync(path, 'utf8');
  } catch {
    have = undefined;
  }
  if (have === want) return true;
  if (!check) writeFileSync(path, want);
  return false;
}

if (process.argv[1] !== undefined && resolve(process.argv[1]) === import.meta.filename) {
  const check = process.argv.includes('--check');
  if (!updatePageScript(check)) {
    if (check) {
      console.error(`${PAGE_SCRIPT_MODULE} is not a fresh bundle of ${PAGE_SCRIPT_SOURCE}: run npm run build and commit it.`);
      process.exit(1);
    }
    console.log(`page script: rewrote ${PAGE_SCRIPT_MODULE}`);
  }
}
