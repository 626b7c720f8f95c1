// Wording shared by every reporter, so the summary, annotations and terminal say the same thing.
import type { Check, Guidance, RunResult } from '../model/result.js';
import { describeObservation } from '../checks/kv-api.js';
import { formatMs } from '../util/text.js';
import { describeDifference } from '../core/values.js';

const cap = (s: string): string => s.charAt(0).toUpperCase() + s.slice(1);

export function headline(result: RunResult): string {
  const failed = failedChecks(result).length;
  if (result.verdict === 'passed') {
    return `Replicheck passed: ${result.checks.length} checks on ${result.nodes.length} nodes`;
  }
  if (result.errors.length > 0 && failed === 0) return `Replicheck failed: ${result.errors[0]!.message}`;
  return `Replicheck failed: ${failed} of ${result.checks.length} checks failed`;
}

/** A run that stopped at its inputs: the engine never made a project (model/empty.ts), so nothing ran. */
export function isBadInput(result: RunResult): boolean {
  return result.project.name === '' && result.phases.length === 0 && result.checks.length === 0 && result.errors.length > 0;
}

/** The verdict of a bad-input run: that nothing ran, and how many things were wrong (each error says what). */
export function badInputHeadline(result: RunResult): string {
  const n = result.errors.length;
  const what = result.errors.every((e) => e.input !== undefined)
    ? `${n === 1 ? 'an input is' : `${n} inputs are`} not valid`
    : `${n === 1 ? 'a problem' : `${n} problems`} with the setup`;
  return `Replicheck did not run: ${what}`;
}

/** Expected vs actual and the time waited, for a failed check. */
export function failureDetail(check: Check): string {
  return [check.detail, ...failureEvidence(check)].join(' ');
}

/** What a failed check saw, past its own sentence: the value expected, the last answer, where they differ, the wait. */
export function failureEvidence(check: Check, o: { readonly answer?: boolean } = {}): string[] {
  const parts: string[] = [];
  if (check.expected !== undefined) parts.push(`Expected: "${check.expected}".`);
  // Said once: not when the check's own sentence quotes the answer already, nor when the caller shows it elsewhere.
  const answer = check.actual ? describeObservation(check.actual) : undefined;
  if (answer !== undefined && o.answer !== false && !check.detail.includes(answer)) parts.push(`Last answer: ${answer}.`);
  if (check.actual?.difference) parts.push(`${cap(describeDifference(check.actual.difference))}.`);
  if (check.waitedMs !== undefined) parts.push(`Waited ${formatMs(check.waitedMs)}.`);
  return parts;
}

/** The request and its answer as lines of plain text (the caller escapes them for where they go). */
export function guidanceLines(g: Guidance): string[] {
  const r = g.request;
  const lines = [`sent:     ${r.method} ${r.url}`];
  if (r.headers && r.headers.length > 0) lines.push(`headers:  ${r.headers.map((h) => `${h}: ***`).join(', ')}`);
  if (r.bodyPreview !== undefined) lines.push(`body:     ${r.bodyPreview === '' ? '(empty)' : r.bodyPreview}`);
  lines.push(`answered: ${describeObservation(g.answer)}`);
  return lines;
}

export function failedChecks(result: RunResult): Check[] {
  return result.checks.filter((c) => c.status === 'failed');
}

export const STATUS_ICON: Record<Check['status'], string> = { passed: '✅', failed: '❌', skipped: '⏭️' };
