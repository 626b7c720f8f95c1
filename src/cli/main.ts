// The `replicheck` command: dispatch to a subcommand. Subcommands are loaded on demand so `--version` and
// `--help` start in a few tens of milliseconds.
import { VERSION } from '../version.js';
import { mainUsage } from './help.js';
import { textWidth } from './layout.js';
import type { CliIO } from './run.js';
import { EXIT_USAGE, suggest, usageLine } from './usage.js';

const COMMANDS = ['run', 'probe', 'check-history', 'help'];

export async function cli(argv: readonly string[], io: CliIO): Promise<number> {
  const [command, ...rest] = argv;
  if (command === undefined || command === '-h' || command === '--help' || (command === 'help' && rest.length === 0)) {
    io.stdout.write(mainUsage(VERSION, textWidth(io.stdout, io.env)));
    return 0;
  }
  if (command === '-V' || command === '--version' || command === 'version') {
    io.stdout.write(`${VERSION}\n`);
    return 0;
  }
  if (command === 'help') return cli([rest[0]!, '--help'], io);
  if (command === 'run') {
    const { runCommand } = await import('./run.js');
    return runCommand(rest, io);
  }
  if (command === 'probe') {
    const { probeCommand } = await import('./probe.js');
    return probeCommand(rest, io);
  }
  if (command === 'check-history') {
    const { checkHistoryCommand } = await import('./check-history.js');
    return checkHistoryCommand(rest, {
      stdout: (t) => io.stdout.write(t),
      stderr: (t) => io.stderr.write(t),
      width: textWidth(io.stdout, io.env),
    });
  }
  const hint = suggest(command.replace(/^-+/, ''), COMMANDS, (s) => ` Did you mean '${s}'?`);
  const what = command.startsWith('-') ? `Unknown flag ${command}` : `Unknown command '${command}'`;
  io.stderr.write(usageLine('', `${what}.${hint}`));
  return EXIT_USAGE;
}
