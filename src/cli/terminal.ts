// The terminal edge of the CLI: colour (only on a TTY, never with NO_COLOR), text made safe to print, and live
// progress of the engine's phases (a spinner line on a TTY, plain lines otherwise).
import type { Logger } from '../engine/deps.js';
import type { TextStyle } from '../report/text.js';
import { plainStyle } from '../report/text.js';
import { formatMs, inertText, oneLine } from '../util/text.js';

export interface Output {
  write(text: string): void;
  readonly isTTY?: boolean;
}

export interface CliStyle extends TextStyle {
  readonly yellow: (s: string) => string;
}

/** NO_COLOR (any non-empty value) wins; otherwise colour only when the stream is a terminal that is not dumb. */
export function wantsColour(out: Output, env: Readonly<Record<string, string | undefined>>): boolean {
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

export function createProgress(
  out: Output,
  options: { readonly interactive: boolean; readonly style: CliStyle; readonly now?: () => number },
): Progress {
  const { interactive, style } = options;
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
    out.write(`${style.dim(FRAMES[frame++ % FRAMES.length]!)} ${current.name} ${style.dim(formatMs(now() - current.start))}`);
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

  return {
    line: print,
    info: (message) => print(style.dim(`  ${oneLine(message)}`)),
    warn: (message) => print(style.yellow(`! ${oneLine(message)}`)),
    untrusted(title, text) {
      const body = inertText(text).replace(/\n+$/, '');
      print(
        `${style.bold(oneLine(title))}\n${
          body === ''
            ? style.dim('  │ (empty)')
            : body
                .split('\n')
                .map((l) => `${style.dim('  │')} ${l}`)
                .join('\n')
        }`,
      );
    },
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
