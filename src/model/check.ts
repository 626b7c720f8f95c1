// The one way a check record is made, so every judge fills the same fields the same way: where the finding
// belongs (the node's service, for annotations), what was expected and what was seen.
import type { Check, CheckStatus, Guidance, NodeInfo, Observation } from './result.js';

/** A check's words: its title, and one sentence saying what happened. */
export interface Said {
  readonly title: string;
  readonly detail: string;
}

export interface CheckFields {
  readonly id: string;
  readonly kind: string;
  readonly status: CheckStatus;
  readonly said: Said;
  /** How long the check took; 0 for findings that took no time of their own. */
  readonly durationMs?: number;
  /** The node the finding is about: its label, and its service for annotations. */
  readonly node?: NodeInfo;
  /** The service, when the finding is about one but no node of it (a fault on a group, a plan problem). */
  readonly service?: string;
  readonly expected?: string;
  readonly actual?: Observation;
  readonly waitedMs?: number;
  readonly guidance?: Guidance;
}

export function makeCheck(f: CheckFields): Check {
  const service = f.node?.service ?? f.service;
  return {
    id: f.id,
    kind: f.kind,
    title: f.said.title,
    status: f.status,
    durationMs: f.durationMs ?? 0,
    detail: f.said.detail,
    ...(service !== undefined ? { service } : {}),
    ...(f.node ? { node: f.node.label } : {}),
    ...(f.expected !== undefined ? { expected: f.expected } : {}),
    ...(f.actual !== undefined ? { actual: f.actual } : {}),
    ...(f.waitedMs !== undefined ? { waitedMs: f.waitedMs } : {}),
    ...(f.guidance !== undefined ? { guidance: f.guidance } : {}),
  };
}
