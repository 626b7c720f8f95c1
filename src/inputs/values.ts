// Parsers of single input values, shared by every part that validates inputs (core, adapters, faults, workload),
// so each kind of value is read, bounded and reported the same way.
import { INPUTS, type InputName, type InputSpec, type RawInputs } from './list.js';

/** Collects a problem with an input; returns undefined so callers can `return fail(...)`. */
export type Fail = (input: InputName, message: string, fix: string) => undefined;

/** Splits a list input on newlines and commas, trimming items and dropping empty ones. */
export function splitList(value: string): string[] {
  return value
    .split(/[\n,]/)
    .map((item) => item.trim())
    .filter((item) => item !== '');
}

/** The default action.yml declares for an input, to show in a fix ("e.g. '180'"). */
export function declaredDefault(input: InputName): string {
  return (INPUTS as readonly InputSpec[]).find((s) => s.name === input)?.default ?? '';
}

/** A positive number of seconds up to `max` (decimals allowed, no units), as milliseconds; 0 when invalid. */
export function secondsInput<N extends InputName>(raw: Pick<RawInputs, N>, input: N, max: number, fail: Fail): number {
  const text = raw[input];
  const value = /^\d+(\.\d+)?$/.test(text) ? Number(text) : Number.NaN;
  if (!Number.isFinite(value) || value <= 0 || value > max) {
    fail(
      input,
      `'${text}' is not a number of seconds between 0 and ${max}.`,
      `Give a positive number up to ${max}, e.g. '${declaredDefault(input) || '10'}'.`,
    );
    return 0;
  }
  return Math.round(value * 1000);
}

/** A whole number from `min` to `max`; NaN when invalid. */
export function wholeInput<N extends InputName>(
  raw: Pick<RawInputs, N>,
  input: N,
  min: number,
  max: number,
  fail: Fail,
  example = declaredDefault(input),
): number {
  const text = raw[input];
  const value = /^\d+$/.test(text) ? Number(text) : Number.NaN;
  if (!(value >= min && value <= max)) fail(input, `'${text}' is not a whole number from ${min} to ${max}.`, `Use e.g. '${example}'.`);
  return value;
}

/** `512M`, `2G`, `1048576`: bytes, at least 16 MiB; undefined when it is not a size. */
export function parseSize(text: string): number | undefined {
  const m = /^(\d+(?:\.\d+)?)\s*([KMG]i?B?|B)?$/i.exec(text.trim());
  if (!m) return undefined;
  const unit = (m[2] ?? 'B').charAt(0).toUpperCase();
  const bytes = Math.round(Number(m[1]) * ({ B: 1, K: 1024, M: 1024 ** 2, G: 1024 ** 3 } as Record<string, number>)[unit]!);
  return bytes >= 16 * 1024 ** 2 ? bytes : undefined;
}
