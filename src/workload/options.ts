// Validation of the workload inputs (pure), kept beside the workload so options.ts only calls it.
import type { InputName, RawInputs } from '../config/inputs.js';
import type { WorkloadOptions } from './phase.js';

export const MAX_CLIENTS = 64;
export const MAX_KEYS = 100;
export const MAX_DURATION_S = 600;

type Fail = (input: InputName, message: string, fix: string) => undefined;

/** The workload to run, or undefined for `workload: none`; problems go to `fail`. */
export function parseWorkloadOptions(raw: RawInputs, fail: Fail): WorkloadOptions | undefined {
  const kind = raw.workload.toLowerCase();
  if (kind !== 'none' && kind !== 'register') fail('workload', `'${raw.workload}' is not a workload.`, "Use 'none' or 'register'.");
  const consistency = raw.consistency.toLowerCase();
  if (consistency !== 'eventual' && consistency !== 'linearizable') {
    fail('consistency', `'${raw.consistency}' is not a consistency model.`, "Use 'eventual' or 'linearizable'.");
  }
  const whole = (input: InputName, min: number, max: number, example: string): number => {
    const text = raw[input];
    const value = /^\d+$/.test(text) ? Number(text) : Number.NaN;
    if (!(value >= min && value <= max)) fail(input, `'${text}' is not a whole number from ${min} to ${max}.`, `Use e.g. '${example}'.`);
    return value;
  };
  const clients = whole('workload-clients', 1, MAX_CLIENTS, '8');
  const keys = whole('workload-keys', 1, MAX_KEYS, '3');
  const durationText = raw['workload-duration'];
  const duration = /^\d+(\.\d+)?$/.test(durationText) ? Number(durationText) : Number.NaN;
  if (!(duration > 0 && duration <= MAX_DURATION_S)) {
    fail('workload-duration', `'${durationText}' is not a number of seconds between 0 and ${MAX_DURATION_S}.`, "Use e.g. '10'.");
  }
  let seed: number | undefined;
  if (raw['workload-seed'] !== '') seed = whole('workload-seed', 0, 2 ** 31 - 1, '12345');
  if (kind !== 'register') return undefined;
  return {
    clients,
    keys,
    durationMs: Math.round(duration * 1000),
    consistency: consistency as WorkloadOptions['consistency'],
    seed,
  };
}
