// Bad usage, for every command of the binary: one error class, one exit code and one shape of message, so
// `replicheck run --foo` and `replicheck check-history --foo` fail the same way. The command lines themselves are
// read by node:util's parseArgs in strict mode; this file only puts its refusals into words that name the flag.
import { parseArgs, type ParseArgsOptionsConfig } from 'node:util';
import { inertText } from '../util/text.js';
import { suggest } from '../util/suggest.js';

export { suggest };

/**
 * Exit status of bad usage: an unknown flag, a missing or bad value, a stray argument, a bad config file or input.
 * 3, not 2: check-history's 2 is a verdict (unknown), and run's 2 is a run that could not be carried out.
 */
export const EXIT_USAGE = 3;

/** What the user must change on the command line (or in the config file) before anything can run. */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/** The one line a usage error prints; `command` is '' for the top-level `replicheck`. */
export function usageLine(command: string, message: string): string {
  const name = command === '' ? 'replicheck' : `replicheck ${command}`;
  // The message quotes the command line and the config file, which may hold escape sequences.
  const text = inertText(message).trimEnd();
  // A YAML error quotes the file with a caret under the fault; the hint goes below it, not after the caret.
  return `${name}: ${text}${text.includes('\n') ? '\n' : ' '}See '${name} --help'.\n`;
}

/** `FLAG 'VALUE' is not …; use …` for a value a flag cannot take. */
export function badValue(flag: string, value: string, what: string, fix: string): UsageError {
  return new UsageError(`--${flag} '${value}' ${what}; ${fix}.`);
}

/** parseArgs in strict mode; what it refuses becomes a UsageError naming the flag and the fix. */
export function parseCommandLine<O extends ParseArgsOptionsConfig>(
  command: string,
  argv: readonly string[],
  options: O,
  allowPositionals: boolean,
) {
  try {
    return parseArgs({ args: [...argv], options, strict: true, allowPositionals, tokens: true });
  } catch (error) {
    const code = (error as { code?: unknown }).code;
    if (typeof code !== 'string' || !code.startsWith('ERR_PARSE_ARGS_')) throw error;
    throw explain(command, argv, options, allowPositionals) ?? new UsageError((error as Error).message);
  }
}

/**
 * parseArgs says what it refused only in a sentence of its own; the loose pass shows the same command line as
 * tokens, and the first token strict mode stops at is the one to name.
 */
function explain(
  command: string,
  argv: readonly string[],
  options: ParseArgsOptionsConfig,
  allowPositionals: boolean,
): UsageError | undefined {
  const { tokens } = parseArgs({ args: [...argv], options, strict: false, allowPositionals: true, tokens: true });
  for (const token of tokens) {
    if (token.kind === 'positional' && !allowPositionals) {
      return new UsageError(`Unexpected argument '${token.value}': ${command} takes only flags.`);
    }
    if (token.kind !== 'option') continue;
    const flag = token.rawName;
    const spec = options[token.name];
    if (spec === undefined) {
      const known = Object.keys(options);
      return new UsageError(`Unknown flag ${flag}.${suggest(token.name, known, (s) => ` Did you mean --${s}?`)}`);
    }
    if (spec.type === 'boolean' && token.value !== undefined) return new UsageError(`${flag} takes no value; write ${flag} alone.`);
    if (spec.type === 'string' && token.value === undefined) return new UsageError(`${flag} needs a value: ${flag} VALUE.`);
    // Strict mode will not take a value that looks like a flag unless it is written with '='.
    if (spec.type === 'string' && !token.inlineValue && token.value!.length > 1 && token.value!.startsWith('-')) {
      return new UsageError(`${flag} needs a value before ${token.value}; a value that starts with '-' is written ${flag}=${token.value}.`);
    }
  }
  return undefined;
}
