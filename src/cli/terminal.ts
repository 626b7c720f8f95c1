// The terminal edge of the CLI: colour (only on a TTY, never with NO_COLOR), text made safe to print, and live
// progress of the engine's phases (a spinner line on a TTY, plain lines otherwise).
import type { Logger } from '../engine/deps.js';
import type { TextStyle } from '../report/text.js';
import { plainStyle } from '../report/text.js';
import { formatMs, inertText, oneLine } from '../util/text.js';
import { paragraph } from './layout.js';

export interface Output {
  write(text: string): void;
  readonly isTTY?: boolean;
  /** The terminal's width, when it is one (process.stdout.columns). */
  readonly columns?: number;
}

export interface CliStyle extends TextStyle {
  readonly yellow: (s: string) => string;
}

/**
 * FORCE_COLOR first, as Node itself reads it: 0 or false turns colour off, any other non-empty value on, even in
 * a pipe (a CI log that shows colours). Then NO_COLOR (any non-empty value): off. Otherwise colour only when the
 * stream is a terminal that is not dumb. Empty values count as unset, as no-color.org has it.
 */
export function wantsColour(out: Output, env: Readonly<Record<string, string | undefined>>): boolean {
  const force = env.FORCE_COLOR;
  if (force !== undefined && force !== '') return !/^(0|false)$/i.test(force.trim());
  if (env.NO_COLOR !== undefined && env.NO_COLOR !== '') return false;
  return out.isTTY === true && env.TERM !== 'dumb';
}

export function cliStyle(colour: boolean): CliStyle {
  if (!colour) return { ...plainStyle, yellow: (s) => s };
  const sgr = (open: number, close: number) => (s: string) => `\u001b[${open}m${s}\u001b[${close}m`;
  return { green: sgr(32, 39), red: sgr(31, 39), yellow: sgr(33, 39), dim: sgr(2, 22), bold: sgr(1, 22) };
}

const FRAMES = ['⠋', '⠙', '⠹', '⠸', '⠼', '⠴', '⠦', '⠧', '⠇', '⠏'];

export interface Progress extends Logger {
  /** Prints a line of our own (not untrusted), keeping the live line below it. */
  line(text: string): void;
  /** Stops the live line; call before printing the result. */
  stop(): void;
}

/** `prefix` and a message wrapped to `width`, its later lines indented under its first word. */
function hanging(prefix: string, message: string, width: number): string {
  if (width === Infinity) return `${prefix}${message}`;
  return `${prefix}${paragraph(message, width - prefix.length).replace(/\n/g, `\n${' '.repeat(prefix.length)}`)}`;
}

/** Text from outside (a service's log) under its title, each line inert and marked as quoted; never wrapped. */
function logBlock(style: CliStyle, title: string, text: string): string {
  const body = inertText(text).replace(/\n+$/, '');
  const lines =
    body === ''
      ? style.dim('  │ (empty)')
      : body
          .split('\n')
          .map((l) => `${style.dim('  │')} ${l}`)
          .join('\n');
  return `${style.bold(oneLine(title))}\n${lines}`;
}

export function createProgress(
  out: Output,
  options: {
    readonly interactive: boolean;
    readonly style: CliStyle;
    readonly now?: () => number;
    /** Lines of our own and info are wrapped to it; untrusted logs are not (they are copied from). */
    readonly width?: number;
  },
): Progress {
  const { interactive, style } = options;
  const width = options.width ?? Infinity;
  // The live line must fit one row, or the carriage return redraws only its last part and the rest piles up.
  const liveRoom = Math.max(10, (out.columns ?? 80) - 12);
  const now = options.now ?? (() => performance.now());
  const active: { name: string; start: number }[] = [];
  let frame = 0;
  let timer: ReturnType<typeof setInterval> | undefined;
  let shown = false;

  const clear = (): void => {
    if (shown) out.write('\r\u001b[2K');
    shown = false;
  };
  const draw = (): void => {
    const current = active[active.length - 1];
    if (!interactive || !current) return;
    clear();
    const name = current.name.length > liveRoom ? `${current.name.slice(0, liveRoom - 1)}…` : current.name;
    out.write(`${style.dim(FRAMES[frame++ % FRAMES.length]!)} ${name} ${style.dim(formatMs(now() - current.start))}`);
    shown = true;
  };
  const print = (text: string): void => {
    clear();
    out.write(`${text}\n`);
    draw();
  };
  const ensureTimer = (): void => {
    if (!interactive || timer) return;
    timer = setInterval(draw, 100);
    timer.unref();
  };

  const wrapped = (prefix: string, message: string): string => hanging(prefix, message, width);
  return {
    line: (text) => print(text.includes('\n') || text.includes('\u001b') ? text : wrapped('', text)),
    info: (message) => print(style.dim(wrapped('  ', oneLine(message)))),
    warn: (message) => print(style.yellow(wrapped('! ', oneLine(message)))),
    untrusted: (title, text) => print(logBlock(style, title, text)),
    phase(name, state) {
      if (state === 'start') {
        active.push({ name, start: now() });
        if (interactive) {
          ensureTimer();
          draw();
        } else {
          print(`▸ ${name}`);
        }
        return;
      }
      const index = active.map((a) => a.name).lastIndexOf(name);
      const started = index >= 0 ? active.splice(index, 1)[0]!.start : now();
      const took = style.dim(formatMs(now() - started));
      print(state === 'ok' ? `${style.green('✓')} ${name} ${took}` : `${style.red('✗')} ${name} ${took}`);
      if (active.length === 0 && timer) {
        clearInterval(timer);
        timer = undefined;
      }
    },
    stop() {
      if (timer) clearInterval(timer);
      timer = undefined;
      clear();
    },
  };
}
