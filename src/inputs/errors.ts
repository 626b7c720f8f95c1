// The one error for bad input: every problem found, each naming the input and the fix, so a user can mend them
// all in one go. Thrown before anything starts; the front ends print it and exit with the input-error code.
import type { InputName } from './list.js';

export interface InputProblem {
  readonly input: InputName;
  readonly message: string;
  readonly fix: string;
}

/** Every problem found in the inputs, so the user can fix them all in one go. */
export class InputError extends Error {
  constructor(readonly problems: readonly InputProblem[]) {
    super(problems.map((p) => `Input '${p.input}': ${p.message} ${p.fix}`).join('\n'));
    this.name = 'InputError';
  }
}
