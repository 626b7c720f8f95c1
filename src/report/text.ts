// Plain-text rendering of the result for a log or a terminal. Untrusted text is kept on one line and stripped of
// control characters; the caller decides where it goes (the action prints it inside a stop-commands block).
import type { RunResult } from '../model/result.js';
import { badInputHeadline, failedChecks, failureEvidence, guidanceLines, headline, isBadInput } from './format.js';
import { formatMs, oneLine } from '../util/text.js';
import { ladderHeadline, renderWorkloadText } from './workload.js';
import { faultLines } from './faults.js';
import { LIVENESS_LABEL, livenessFailures, livenessNote, replayTextLines } from './replay.js';

export interface TextStyle {
  readonly green: (s: string) => string;
  readonly red: (s: string) => string;
  readonly dim: (s: string) => string;
  readonly bold: (s: string) => string;
}

const identity = (s: string): string => s;
export const plainStyle: TextStyle = { green: identity, red: identity, dim: identity, bold: identity };

function pad(text: string, width: number): string {
  const len = [...text].length;
  return len >= width ? text : text + ' '.repeat(width - len);
}

/**
 * The run for a terminal, in the step summary's order: the verdict and the consistency headline, what was wrong,
 * each failed check with its cause (and the request and answer, for a setup that does not fit the API), then what
 * passed and how the run went; the verdict again last, where a terminal leaves the eye.
 */
export function renderText(result: RunResult, style: TextStyle = plainStyle): string {
  const verdict = isBadInput(result) ? badInputHeadline(result) : headline(result);
  const paint = (s: string): string => (result.verdict === 'passed' ? style.green(style.bold(s)) : style.red(style.bold(s)));
  const lines: string[] = [paint(verdict)];
  if (result.workload?.models) lines.push(`  ${oneLine(ladderHeadline(result.workload.models))}`);
  for (const e of result.errors) {
    lines.push(style.red(`✗ ${oneLine(e.message)}`));
    if (e.fix) lines.push(`  ${oneLine(e.fix)}`);
    // The failing program's own words (e.g. compose up's error), bounded by the engine; one line per line.
    if (e.detail) for (const l of e.detail.split('\n').slice(-40)) lines.push(style.dim(`  │ ${oneLine(l)}`));
  }
  lines.push(...failedLines(result, style), ...passedLines(result, style));
  const m = result.convergence;
  if (m.writers.length > 0) {
    lines.push(style.bold('Convergence (ms), writer → reader'));
    const w = Math.max(8, ...m.writers.map((x) => [...x].length), ...m.readers.map((x) => [...x].length)) + 2;
    lines.push(`  ${pad('', w)}${m.readers.map((r) => pad(r, w)).join('')}`.trimEnd());
    m.writers.forEach((writer, i) => {
      const row = m.ms[i] ?? [];
      const cells = m.readers.map((_, j) => pad(row[j] === null || row[j] === undefined ? 'never' : String(Math.round(row[j]!)), w));
      lines.push(`  ${pad(writer, w)}${cells.join('')}`.trimEnd());
    });
  }
  const witnessAbove = failedChecks(result).some((c) => c.kind === 'workload');
  if (result.workload) for (const l of renderWorkloadText(result.workload, { witnessAbove })) lines.push(oneLine(l));
  if (result.faults?.length) {
    lines.push(style.bold('Faults'));
    for (const l of faultLines(result)) lines.push(`  ${oneLine(l)}`);
  }
  // The one number that replays the run's random choices (input seed, CLI --seed), the schedule as it ran, the
  // shrunk one, and the command that replays the run; a run stopped before any check has nothing to replay.
  if (result.checks.length > 0) {
    if (result.seed !== undefined) lines.push(style.dim(`Seed ${result.seed}: rerun with --seed ${result.seed} for the same choices.`));
    for (const l of replayTextLines(result)) lines.push(/^\S/.test(l) ? style.bold(oneLine(l)) : oneLine(l));
  }
  if (result.checks.length > 0 || result.errors.length === 0) lines.push(paint(verdict));
  return lines.join('\n');
}

/** Each failed check, its cause on the next line, a witness's lines under it, and the request and answer if any. */
function failedLines(result: RunResult, style: TextStyle): string[] {
  const all = failedChecks(result);
  if (all.length === 0) return [];
  // Liveness failures last, under their own label: a node unavailable in time, not data lost or stale.
  const live = livenessFailures(result);
  const failed = [...all.filter((c) => c.kind !== 'liveness'), ...live];
  const lines = [style.bold(`Failed (${all.length} of ${result.checks.length})`)];
  for (const c of failed) {
    if (c === live[0]) lines.push(style.bold(`  ${LIVENESS_LABEL}: ${oneLine(livenessNote(live))}`));
    lines.push(`  ${style.red('✗')} ${oneLine(c.title)}  ${style.dim(formatMs(c.durationMs))}`);
    const [first = '', ...more] = c.detail.split('\n');
    lines.push(`      ${oneLine([first, ...failureEvidence(c, { answer: !c.guidance })].join(' '))}`);
    for (const l of more.slice(0, 60)) lines.push(`        ${oneLine(l)}`);
    if (c.guidance) {
      lines.push(`      ${oneLine(c.guidance.hint)}`);
      for (const l of guidanceLines(c.guidance)) lines.push(style.dim(`        ${oneLine(l)}`));
      lines.push(`      Inputs to look at: ${c.guidance.inputs.join(', ')}`);
    }
  }
  return lines;
}

/** The checks that did not fail, one line each. */
function passedLines(result: RunResult, style: TextStyle): string[] {
  const rest = result.checks.filter((c) => c.status !== 'failed');
  if (rest.length === 0) return [];
  const width = Math.min(70, Math.max(...rest.map((c) => [...c.title].length)));
  const lines = [style.bold(result.checks.length === rest.length ? 'Checks' : 'Passed')];
  for (const c of rest) {
    const mark = c.status === 'passed' ? style.green('✓') : style.dim('-');
    lines.push(`  ${mark} ${pad(oneLine(c.title), width)}  ${style.dim(formatMs(c.durationMs))}`);
    if (c.guidance) lines.push(style.dim(`      ${oneLine(c.guidance.hint)}`));
  }
  return lines;
}
