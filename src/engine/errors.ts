// How whatever stopped a run becomes the result's errors: one per bad input, so each gets its own annotation.
import { InputError } from '../inputs/errors.js';
import { SetupError } from '../compose/driver.js';
import type { RunError } from '../model/result.js';

export class Cancelled extends Error {
  constructor() {
    super('The run was cancelled; the cluster was torn down.');
  }
}

export function toRunErrors(error: unknown): RunError[] {
  if (error instanceof InputError) {
    return error.problems.map((p) => ({ message: `${inputPrefix(p.input)}${p.message}`, fix: p.fix, input: p.input }));
  }
  if (error instanceof SetupError) {
    return [
      {
        message: error.message,
        fix: error.fix,
        ...(error.input ? { input: error.input } : {}),
        ...(error.detail ? { detail: error.detail } : {}),
      },
    ];
  }
  if (error instanceof Cancelled) return [{ message: error.message }];
  const e = error as Error;
  return [{ message: `Unexpected error: ${e?.message ?? String(error)}` }];
}

function inputPrefix(input: string): string {
  return `Input '${input}': `;
}

/**
 * Whether an error of a result is a bad input (an InputError, found before anything started or by a fault that could
 * not apply its input), not a setup problem that merely names an input (a busy port). Read off the shape made above,
 * so the report needs no field of its own for it; the CLI exits with its bad-input status on one.
 */
export function isBadInput(error: RunError): boolean {
  return error.input !== undefined && error.message.startsWith(inputPrefix(error.input));
}
