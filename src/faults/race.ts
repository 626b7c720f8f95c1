// Writes that race a fault: each target is written one write after another from just before the fault is applied
// until it has struck, so the last acknowledged write lands milliseconds before the signal. A node that
// acknowledges a write before it has persisted or passed it on then loses it, and the durability checks say so;
// the gap between the last acknowledgement and the signal is reported, so a run shows how close it came.
import type { CheckContext } from '../checks/context.js';
import type { AckedWrite } from '../checks/seen.js';
import type { NodeInfo } from '../model/result.js';

export interface RaceObservation {
  /** Writes sent to the targets while racing. */
  readonly sent: number;
  /** Those acknowledged (before or after the fault was sent: an acknowledgement is a promise either way). */
  readonly acked: readonly AckedWrite[];
  /** From the last acknowledgement before the fault was sent to the moment it was sent; absent when none came. */
  readonly lastAckGapMs?: number;
}

export interface Race {
  /** Resolves once every target acknowledged a write (or refused, or a second passed): the fault may strike. */
  readonly warm: Promise<void>;
  /** Stops the writes once the fault has struck; `sentAt` is when the fault was sent (the clock's time). */
  stop(sentAt: number): Promise<RaceObservation>;
}

/** No more writes than this per target, however fast the node acknowledges (a bound, not an expected count). */
const MAX_WRITES = 2000;
const WARM_MS = 1000;

export function raceWrites(
  ctx: CheckContext,
  targets: readonly NodeInfo[],
  write: (node: NodeInfo) => Promise<{ acked: boolean; write: AckedWrite }>,
): Race {
  let stopped = false;
  let sent = 0;
  const acks: { write: AckedWrite; at: number }[] = [];
  const firsts: Promise<void>[] = [];
  const loops = targets.map((node) => {
    let first!: () => void;
    firsts.push(new Promise<void>((resolve) => (first = resolve)));
    return (async () => {
      for (let i = 0; i < MAX_WRITES && !stopped && !ctx.signal.aborted; i++) {
        sent++;
        const w = await write(node);
        if (w.acked) acks.push({ write: w.write, at: ctx.clock.now() });
        first();
        // A target that refuses is not racing anything; the fault's own checks report the refusal.
        if (!w.acked) break;
      }
      first();
    })();
  });
  const warm = Promise.race([Promise.all(firsts).then(() => undefined), ctx.clock.sleep(WARM_MS, ctx.signal)]);
  return {
    warm,
    async stop(sentAt) {
      stopped = true;
      await Promise.all(loops);
      const before = acks.filter((a) => a.at <= sentAt).map((a) => a.at);
      const last = before.length > 0 ? Math.max(...before) : undefined;
      return { sent, acked: acks.map((a) => a.write), ...(last !== undefined ? { lastAckGapMs: sentAt - last } : {}) };
    },
  };
}
