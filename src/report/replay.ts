// How a run is made to fail again, for the step summary and the terminal: the schedule it ran and the command that
// replays it, the shrunk schedule (before and after), and liveness failures apart from lost or stale data. Pure.
import type { Check, RunResult, ShrinkRecord } from '../model/result.js';
import { escapeMarkdown as md, escapePre } from './escape.js';
import { formatMs } from '../util/text.js';

export const LIVENESS_LABEL = 'Liveness';

export function livenessFailures(result: RunResult): Check[] {
  return result.checks.filter((c) => c.status === 'failed' && c.kind === 'liveness');
}

/** One sentence: what a liveness failure is, so no one reads it as data lost. */
export function livenessNote(failed: readonly Check[]): string {
  const sweep = failed.filter((c) => c.id.startsWith('sweep:')).length;
  const hold = failed.length - sweep;
  const parts = [
    ...(hold > 0
      ? [`${hold} node${hold === 1 ? '' : 's'} up after the faults healed did not take or return a fresh write in time (liveness-timeout)`]
      : []),
    ...(sweep > 0 ? [`${sweep} node${sweep === 1 ? '' : 's'} gave no answer to the final reads in time (convergence-timeout)`] : []),
  ];
  return `${parts.join('; ')}. That is unavailability, not lost or stale data: the safety checks say whether data was lost.`;
}

/** The lines of a `; `-separated schedule, one a line. */
export function scheduleLines(schedule: string): string[] {
  return schedule
    .split(';')
    .map((l) => l.trim())
    .filter((l) => l !== '');
}

function rateText(s: ShrinkRecord): string {
  return s.rate ? `reproduced in ${s.rate.failed} of ${s.rate.runs} extra reruns` : 'reproduction rate not measured (budget spent)';
}

function minimalityText(s: ShrinkRecord): string {
  if (s.minimalFaults === 0) return 'it fails even with no fault: the workload alone shows it';
  if (s.oneMinimal)
    return (
      `1-minimal, proven: with any one fault left out it passed ${s.reproduce.m} reruns ` +
      `(a candidate counted when ${s.reproduce.k} of ${s.reproduce.m} failed)`
    );
  const what = s.stoppedBy === 'runs' ? 'reruns (shrink)' : s.stoppedBy === 'budget' ? 'time (shrink-budget)' : 'run';
  return `not proven 1-minimal: the ${what} ran out first`;
}

/** The shrink in one paragraph of facts: faults before and after, reruns, time, rate, minimality. */
export function shrinkFacts(s: ShrinkRecord): string {
  return (
    `${s.originalFaults} fault(s) down to ${s.minimalFaults} in ${s.reruns} of at most ${s.maxReruns} reruns ` +
    `(${formatMs(s.elapsedMs)} of ${formatMs(s.budgetMs)}), each held to failing ${s.family}; ${rateText(s)}; ${minimalityText(s)}.`
  );
}

/** Markdown: the schedule and the replay command, after the line that says where the run ran. */
export function renderReplayMarkdown(result: RunResult): string[] {
  const r = result.replay;
  if (!r) return [];
  const out: string[] = [];
  if (r.schedule !== undefined) {
    out.push(
      '<details><summary>Fault schedule as it ran</summary>',
      '',
      '<pre>',
      escapePre(scheduleLines(r.schedule).join('\n') || '(no fault placed)'),
      '</pre>',
      '',
      '</details>',
      '',
    );
  }
  if (r.command) {
    out.push(`**Replay** (seed ${r.seed}):`, '', '<pre>', escapePre(r.command), '</pre>', '');
    if (r.omitted?.length) out.push(md(`Secret inputs left out of it, to set yourself: ${r.omitted.join(', ')}.`), '');
  }
  return out;
}

/** Markdown: the shrink, before and after, right under the failures it reproduces. */
export function renderShrinkMarkdown(result: RunResult): string[] {
  const s = result.shrink;
  if (!s) return [];
  return [
    '### 🔎 Minimal failing schedule',
    '',
    md(shrinkFacts(s)),
    '',
    `Before (${s.originalFaults} faults):`,
    '',
    '<pre>',
    escapePre(scheduleLines(s.original).join('\n')),
    '</pre>',
    '',
    `After (${s.minimalFaults} fault${s.minimalFaults === 1 ? '' : 's'}), the \`minimal-schedule\` output, to paste as \`fault-schedule\`:`,
    '',
    '<pre>',
    escapePre(scheduleLines(s.minimal).join('\n') || '(no fault)'),
    '</pre>',
    '',
  ];
}

/** Plain lines for the terminal: schedule, replay command, shrink. The caller styles and one-lines them. */
export function replayTextLines(result: RunResult): string[] {
  const lines: string[] = [];
  const r = result.replay;
  if (r?.schedule !== undefined) {
    lines.push('Fault schedule');
    for (const l of scheduleLines(r.schedule)) lines.push(`  ${l}`);
  }
  const s = result.shrink;
  if (s) {
    lines.push('Minimal failing schedule', `  ${shrinkFacts(s)}`, '  before:');
    for (const l of scheduleLines(s.original)) lines.push(`    ${l}`);
    lines.push('  after:');
    for (const l of scheduleLines(s.minimal)) lines.push(`    ${l}`);
    if (s.minimal === '') lines.push('    (no fault)');
  }
  if (r?.command) {
    lines.push(`Replay: ${r.command}`);
    if (r.omitted?.length) lines.push(`  (secret inputs left out: ${r.omitted.join(', ')})`);
  }
  return lines;
}
