// How one answer becomes an operation type. The rule is conservative: an operation is `fail` only when the answer
// proves it did not take effect (the API's refusal statuses, see checks/kv-api.ts); whenever it may have, it is
// `info` (indeterminate) and the checkers keep it open. Calling a possibly-applied write `fail` would make a
// correct service look broken, so doubt goes to info.
import type { CasOutcome, ReadOutcome, WriteOutcome } from '../checks/kv-api.js';
import type { ValueCodec } from '../core/values.js';
import type { HttpOutcome } from '../http/client.js';
import { previewBytes } from '../util/text.js';

export type Recorded = { type: 'ok' | 'fail' | 'info'; error?: string };

/**
 * Write answers: acknowledged is `ok`; a definite refusal (a status of the API's refusal-statuses, `3xx,4xx` by
 * default, or nothing sent: connection refused, host not found) is `fail`; anything else (another 5xx, a timeout,
 * a reset) is `info`. A store behind consensus may answer 503 after a second and still commit the write.
 */
export function classifyWrite(w: WriteOutcome): Recorded {
  if (w.result === 'acked') return { type: 'ok' };
  return { type: w.result === 'refused' ? 'fail' : 'info', error: errorOf(w.outcome) };
}

/**
 * Compare-and-set answers: swapped is `ok`; a comparison that certainly failed is `ok` with succeeded false (it
 * ran and changed nothing, which still says the value was not the expected one); a refusal before anything ran is
 * `fail`; anything else, a 2xx that could not be read included, may have swapped: `info`.
 */
export function classifyCas(c: CasOutcome): Recorded & { succeeded?: false } {
  if (c.result === 'swapped') return { type: 'ok' };
  if (c.result === 'not-swapped') return { type: 'ok', succeeded: false };
  const o = c.outcome;
  if (c.result === 'refused') return { type: 'fail', error: errorOf(o) };
  if (o.ok && o.status >= 200 && o.status < 300) return { type: 'info', error: `HTTP ${o.status} that does not say whether it swapped` };
  return { type: 'info', error: errorOf(o) };
}

const errorOf = (o: HttpOutcome): string => (o.ok ? `HTTP ${o.status}` : o.error);

/** Longest value kept verbatim in a history; the workload's own values are far shorter. */
export const MAX_VALUE_CHARS = 200;

/**
 * Read answers: a value (200) or "missing" (404, null) is `ok`; everything else says nothing about the state, so
 * the read is `info` and the checker leaves it out. A value too long to be one the workload wrote is replaced by
 * a bounded preview (it is wrong either way, and a hostile node must not bloat the history).
 */
export function classifyRead(r: ReadOutcome, codec: ValueCodec): Recorded & { value: string | null } {
  if (r.value === null) return { type: 'ok', value: null };
  if (r.value !== undefined) {
    // As a value of the run's format, so it equals the written value exactly when the bytes are the same.
    const text =
      r.value.length <= MAX_VALUE_CHARS * 4 ? codec.fromBytes(r.value) : `${previewBytes(r.value, 60)} (${r.value.length} bytes)`;
    return { type: 'ok', value: text };
  }
  return { type: 'info', value: null, error: errorOf(r.outcome) };
}
