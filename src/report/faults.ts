// The fault suite in the step summary and the terminal: one small table per fault.
import type { FaultReport, RunResult } from '../model/result.js';
import { escapeMarkdown as md } from './escape.js';
import { formatMs } from '../util/text.js';
import { markdownTable, right } from './markdown.js';

const AVAILABILITY: Record<string, string> = {
  full: 'every write accepted',
  partial: 'some writes refused',
  none: 'every write refused (availability loss, not data loss)',
  'n/a': 'nothing written',
};

export function faultConvergence(f: FaultReport): string {
  if (f.staleNodes.length > 0) return `stale on ${f.staleNodes.join(', ')}`;
  if (f.convergenceMs === undefined) return f.writesAccepted === 0 ? 'n/a (no write accepted)' : 'n/a';
  if (f.convergenceMs === null) return 'never';
  return `${Math.round(f.convergenceMs)} ms`;
}

const COLUMNS = [
  'Kind',
  'Target',
  right('Held for'),
  right('Writes accepted / refused'),
  'Convergence while held',
  right('Recovery'),
  right('Catch-up'),
  'Verdict',
];

function ms(v: number | undefined): string {
  return v === undefined ? '–' : formatMs(v);
}

/** Markdown lines for the summary; empty when no fault ran. */
export function renderFaultTables(result: RunResult): string[] {
  const faults = result.faults ?? [];
  if (faults.length === 0) return [];
  const out: string[] = ['### Faults', ''];
  faults.forEach((f, i) => {
    const verdict = f.verdict === 'passed' ? '✅ passed' : '❌ failed';
    const writes = `${f.writesAccepted} / ${f.writesRefused}`;
    const row = [f.kind, f.target, ms(f.heldMs), writes, faultConvergence(f), ms(f.recoveryMs), ms(f.catchUpMs), verdict];
    out.push(`#### ${i + 1}. ${md(f.kind)} ${md(f.target)}`, '', ...markdownTable(COLUMNS, [row]), '');
    const refused = f.refusedBy.length > 0 ? `; refused writes or reads while held: ${f.refusedBy.join(', ')}` : '';
    const notes = [`How: ${f.action}.`, `Availability: ${AVAILABILITY[f.availability] ?? f.availability}${refused}.`];
    if (f.beganMs !== undefined)
      notes.push(`Began at ${formatMs(f.beganMs)}${f.healedMs !== undefined ? `, healed at ${formatMs(f.healedMs)}` : ''}.`);
    if (f.race) notes.push(raceNote(f.race));
    if (f.lostKeys.length > 0) notes.push(`Lost acknowledged keys: ${f.lostKeys.join(', ')}.`);
    out.push(md(notes.join(' ')), '');
  });
  return out;
}

/** How close the writes that raced the fault came to it. */
function raceNote(r: NonNullable<FaultReport['race']>): string {
  const gap =
    r.lastAckGapMs !== undefined ? `, the last ${formatMs(r.lastAckGapMs)} before the target stopped answering` : ', none before it struck';
  return `Writes racing it: ${r.sent} sent, ${r.acked} acknowledged${gap}.`;
}

/** One line per fault for the terminal. */
export function faultLines(result: RunResult): string[] {
  return (result.faults ?? []).map((f) => {
    const lost = f.lostKeys.length > 0 ? `, lost ${f.lostKeys.join(', ')}` : '';
    const race =
      f.race?.lastAckGapMs !== undefined
        ? `, last racing write acknowledged ${formatMs(f.race.lastAckGapMs)} before the target stopped`
        : '';
    return (
      `${f.verdict === 'passed' ? '✓' : '✗'} ${f.kind} ${f.target}: held ${ms(f.heldMs)}, ` +
      `writes ${f.writesAccepted} accepted / ${f.writesRefused} refused, convergence ${faultConvergence(f)}, ` +
      `recovery ${ms(f.recoveryMs)}, catch-up ${ms(f.catchUpMs)}${race}${lost}`
    );
  });
}
