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
  /** How many were acknowledged (an acknowledgement is a promise whenever it came). */
  readonly ackedCount: number;
  /** The last acknowledged writes of each target, which later checks hold it to (the ones nearest the strike). */
  readonly acked: readonly AckedWrite[];
  /**
   * From the last acknowledgement to the moment the target stopped answering (its first failed write), or to the
   * fault's return when none failed first: how close to the strike the last acknowledged write came.
   */
  readonly lastAckGapMs?: number;
}

export interface Race {
  /** Resolves once every target acknowledged a write (or refused, or a second passed): the fault may strike. */
  readonly warm: Promise<void>;
  /** Stops the writes once the fault has struck; `returnedAt` is when applying it returned (the clock's time). */
  stop(returnedAt: number): Promise<RaceObservation>;
}

/** No more writes than this per target, however fast the node acknowledges (a bound, not an expected count). */
const MAX_WRITES = 500;
/** Acknowledged writes per target that later checks are held to: the last ones, nearest the strike. */
const KEEP = 20;
const WARM_MS = 1000;

export function raceWrites(
  ctx: CheckContext,
  targets: readonly NodeInfo[],
  write: (node: NodeInfo) => Promise<{ acked: boolean; write: AckedWrite }>,
): Race {
  let stopped = false;
  let sent = 0;
  const acks: { write: AckedWrite; at: number; node: NodeInfo }[] = [];
  let firstFailAt: number | undefined;
  const firsts: Promise<void>[] = [];
  const loops = targets.map((node) => {
    let first!: () => void;
    firsts.push(new Promise<void>((resolve) => (first = resolve)));
    return (async () => {
      for (let i = 0; i < MAX_WRITES && !stopped && !ctx.signal.aborted; i++) {
        sent++;
        const w = await write(node);
        const at = ctx.clock.now();
        if (w.acked) acks.push({ write: w.write, at, node });
        else if (!stopped) firstFailAt = Math.min(firstFailAt ?? at, at);
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
    async stop(returnedAt) {
      stopped = true;
      const struck = Math.min(returnedAt, firstFailAt ?? returnedAt);
      await Promise.all(loops);
      const before = acks.filter((a) => a.at <= struck).map((a) => a.at);
      const last = before.length > 0 ? Math.max(...before) : undefined;
      const kept = targets.flatMap((node) => acks.filter((a) => a.node === node).slice(-KEEP));
      return {
        sent,
        ackedCount: acks.length,
        acked: kept.map((a) => a.write),
        ...(last !== undefined ? { lastAckGapMs: struck - last } : {}),
      };
    },
  };
}
