// Wording shared by every reporter, so the summary, annotations and terminal say the same thing.
import type { Check, RunResult } from '../model/result.js';
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

/** Expected vs actual and the time waited, for a failed check. */
export function failureDetail(check: Check): string {
  const parts = [check.detail];
  if (check.expected !== undefined) parts.push(`Expected: "${check.expected}".`);
  if (check.actual) parts.push(`Last answer: ${describeObservation(check.actual)}.`);
  if (check.actual?.difference) parts.push(`${cap(describeDifference(check.actual.difference))}.`);
  if (check.waitedMs !== undefined) parts.push(`Waited ${formatMs(check.waitedMs)}.`);
  return parts.join(' ');
}

export function failedChecks(result: RunResult): Check[] {
  return result.checks.filter((c) => c.status === 'failed');
}

export const STATUS_ICON: Record<Check['status'], string> = { passed: '✅', failed: '❌', skipped: '⏭️' };
