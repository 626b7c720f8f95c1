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

/**
 * `random` is one source, or one stream per name (a seeded run: `RunStreams.values`), so that keys of one purpose
 * and values of one writer are drawn in their own order, whatever other requests were made in between. The key's
 * random part is 8 bytes: a run with thousands of writes of one purpose never draws one twice.
 */
export function runIds(
  random: Random | ((stream: string) => Random),
  clock: Clock,
  format: ValueFormat = 'text',
  runId: string = (typeof random === 'function' ? random('run') : random).hex(4),
): Ids {
  const stream = (name: string): Random => (typeof random === 'function' ? random(name) : random);
  return {
    runId,
    key: (purpose) => `replicheck-${runId}-${purpose}-${stream(`key:${purpose}`).hex(8)}`,
    value: (writer, purpose) => {
      const r = stream(`value:${purpose}:${writer}`);
      return formatValue(format, `rc-${runId}-${purpose}-${writer}-${Math.round(clock.wallMs())}-${r.hex(4)}`, () =>
        Buffer.from(r.hex(4), 'hex'),
      );
    },
  };
}
