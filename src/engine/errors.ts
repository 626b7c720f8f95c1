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
    return error.problems.map((p) => ({ message: `Input '${p.input}': ${p.message}`, fix: p.fix, input: p.input }));
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
