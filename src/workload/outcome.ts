// How one HTTP answer becomes an operation type. The rule is conservative: an operation is `fail` only when the
// answer proves it did not take effect; whenever it may have, it is `info` (indeterminate) and the checker keeps
// it open. Calling a possibly-applied write `fail` would make a correct service look broken, so doubt goes to info.
import type { CasOutcome, ReadOutcome, WriteOutcome } from '../checks/kv-api.js';
import type { ValueCodec } from '../core/values.js';
import type { HttpOutcome } from '../http/client.js';
import { previewBytes } from '../util/text.js';

export type Recorded = { type: 'ok' | 'fail' | 'info'; error?: string };

// Errors raised before a single byte of the request could reach the node: nothing was applied.
const NOT_SENT = new Set(['connection refused', 'host not found', 'host unreachable']);

/**
 * Write answers:
 * - 2xx: ok.
 * - 3xx, 4xx: fail. The node answered that it did not do it (redirects are not followed; 408 is the server giving
 *   up on a request it had not processed; 409/429 refuse).
 * - 503: fail. Service Unavailable is a refusal; the example service answers it only when the write was not and
 *   will not be applied (isolated, catching up, leader unreachable and the late request refused).
 * - any other 5xx (500, 502, 504, ...): info. A proxy or a replica may have passed the write on before failing.
 * - connection refused, host not found/unreachable: fail (nothing was sent).
 * - timeouts, resets, aborts, anything else: info.
 */
export function classifyWrite(w: WriteOutcome): Recorded {
  if (w.acked) return { type: 'ok' };
  return classifyFailure(w.outcome);
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
  if (o.ok && o.status >= 200 && o.status < 300) return { type: 'info', error: `HTTP ${o.status} that does not say whether it swapped` };
  return classifyFailure(o);
}

function classifyFailure(o: HttpOutcome): Recorded {
  if (!o.ok) return { type: NOT_SENT.has(o.error) ? 'fail' : 'info', error: o.error };
  const error = `HTTP ${o.status}`;
  if (o.status < 500 || o.status === 503) return { type: 'fail', error };
  return { type: 'info', error };
}

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
  const failed = classifyFailure(r.outcome);
  return { type: 'info', value: null, ...(failed.error !== undefined ? { error: failed.error } : {}) };
}
