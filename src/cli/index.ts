// Entry of the `replicheck` binary (package.json `bin`, bundled to dist/cli/index.js).
import { cli } from './main.js';

cli(process.argv.slice(2), { stdout: process.stdout, stderr: process.stderr, env: process.env, cwd: process.cwd() }).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`replicheck crashed: ${(error as Error)?.stack ?? String(error)}\n`);
    process.exitCode = 2;
  },
);
