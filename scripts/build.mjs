// Bundles the action (main + post share one entry) and the CLI with ncc. Run through `npm run build`, which
// type-checks first (the Node program and the browser one). Output is deterministic so CI can compare the committed
// dist/ with a fresh build.
import { execFileSync } from 'node:child_process';
import { rmSync, readFileSync, writeFileSync, chmodSync } from 'node:fs';

const bundles = [
  { entry: 'src/action/index.ts', out: 'dist' },
  { entry: 'src/cli/index.ts', out: 'dist/cli' },
];

// First the history page's browser script, which the bundles carry as a generated module (scripts/page-script.ts
// says why). Rewritten when stale, except in CI: there a stale copy means the commit does not match its source.
try {
  execFileSync(process.execPath, ['--import', 'tsx', 'scripts/page-script.ts', ...(process.env.CI ? ['--check'] : [])], {
    stdio: 'inherit',
  });
} catch {
  process.exit(1);
}

rmSync('dist', { recursive: true, force: true });
for (const { entry, out } of bundles) {
  execFileSync('npx', ['ncc', 'build', entry, '-o', out, '--license', 'licenses.txt', '--quiet', '--target', 'es2023'], {
    stdio: 'inherit',
  });
}

// The CLI bundle is an executable: make sure it starts with a shebang whatever ncc kept.
const cli = 'dist/cli/index.js';
const text = readFileSync(cli, 'utf8');
if (!text.startsWith('#!')) writeFileSync(cli, `#!/usr/bin/env node\n${text}`);
chmodSync(cli, 0o755);
