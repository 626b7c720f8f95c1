// Bundles the action (main + post share one entry) and the CLI with ncc. Run through `npm run build`, which
// type-checks first. Output is deterministic so CI can compare the committed dist/ with a fresh build.
import { execFileSync } from 'node:child_process';
import { rmSync, readFileSync, writeFileSync, chmodSync } from 'node:fs';

const bundles = [
  { entry: 'src/action/index.ts', out: 'dist' },
  { entry: 'src/cli/index.ts', out: 'dist/cli' },
];

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
