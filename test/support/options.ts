import { INPUTS, readRawInputs, type InputName } from '../../src/inputs/list.js';
import { parseOptions, type Options } from '../../src/config/options.js';

/** Options as the action would parse them from these inputs (defaults filled from the one input list). */
export function optionsFrom(inputs: Partial<Record<InputName, string>>): Options {
  void INPUTS;
  return parseOptions(
    readRawInputs((name) => inputs[name]),
    { env: {}, randomSuffix: 'test01' },
  );
}
