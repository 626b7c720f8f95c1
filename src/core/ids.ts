// Keys and values the checks write. Every one carries the run id, so runs never read each other's data, and a
// random part, so no two writes of a run share a key or a value.
import type { Clock, Random } from './clock.js';
import { formatValue, type ValueFormat } from './values.js';

export interface Ids {
  /** Short id of this run, part of every key and value. */
  readonly runId: string;
  /** A key no other write of any run uses. */
  key(purpose: string): string;
  /** A value no other write of any run produces (run id, writer, time and randomness), in the run's format. */
  value(writer: string, purpose: string): string;
}

/** `random` draws the keys' and values' random parts (from the run's seed); `runId` sets this run apart from others. */
export function runIds(random: Random, clock: Clock, format: ValueFormat = 'text', runId: string = random.hex(4)): Ids {
  return {
    runId,
    key: (purpose) => `replicheck-${runId}-${purpose}-${random.hex(3)}`,
    value: (writer, purpose) =>
      formatValue(format, `rc-${runId}-${purpose}-${writer}-${Math.round(clock.wallMs())}-${random.hex(4)}`, () =>
        Buffer.from(random.hex(4), 'hex'),
      ),
  };
}
