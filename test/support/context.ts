// A CheckContext for unit tests: the given API and nodes, the options' limits, the system clock unless another is
// given, and ids from the system's random source under a fixed run id.
import type { CheckContext } from '../../src/checks/context.js';
import type { KvApi } from '../../src/checks/kv-api.js';
import { SeenValues } from '../../src/checks/seen.js';
import { systemClock, systemRandom, type Clock } from '../../src/core/clock.js';
import { runIds } from '../../src/core/ids.js';
import type { Limits } from '../../src/core/policies.js';
import type { ValueFormat } from '../../src/core/values.js';
import type { NodeInfo } from '../../src/model/result.js';
import type { ConsistencyModel } from '../../src/consistency/models.js';

export function checkContext(
  api: KvApi,
  nodes: readonly NodeInfo[],
  o: { limits: Limits; signal?: AbortSignal; clock?: Clock; runId?: string; format?: ValueFormat; claim?: ConsistencyModel },
): CheckContext {
  const clock = o.clock ?? systemClock;
  return {
    api,
    clock,
    signal: o.signal ?? new AbortController().signal,
    limits: o.limits,
    claim: o.claim ?? 'eventual',
    ids: runIds(systemRandom, clock, o.format ?? 'text', o.runId ?? 'test'),
    nodes,
    seen: new SeenValues(),
  };
}
