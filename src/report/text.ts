// Plain-text rendering of the result for a log or a terminal. Untrusted text is kept on one line and stripped of
// control characters; the caller decides where it goes (the action prints it inside a stop-commands block).
import type { RunResult } from '../model/result.js';
import { headline, failureDetail } from './format.js';
import { formatMs, oneLine } from '../util/text.js';
import { renderWorkloadText } from './workload.js';
import { faultLines } from './faults.js';

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

export function renderText(result: RunResult, style: TextStyle = plainStyle): string {
  const lines: string[] = [];
  for (const e of result.errors) {
    lines.push(style.red(`✗ ${oneLine(e.message)}`));
    if (e.fix) lines.push(`  ${oneLine(e.fix)}`);
    // The failing program's own words (e.g. compose up's error), bounded by the engine; one line per line.
    if (e.detail) for (const l of e.detail.split('\n').slice(-40)) lines.push(style.dim(`  │ ${oneLine(l)}`));
  }
  if (result.checks.length > 0) {
    const width = Math.min(70, Math.max(...result.checks.map((c) => [...c.title].length)));
    lines.push(style.bold('Checks'));
    for (const c of result.checks) {
      const mark = c.status === 'passed' ? style.green('✓') : c.status === 'failed' ? style.red('✗') : style.dim('-');
      lines.push(`  ${mark} ${pad(oneLine(c.title), width)}  ${style.dim(formatMs(c.durationMs))}`);
      if (c.status === 'failed') lines.push(`      ${oneLine(failureDetail(c))}`);
    }
  }
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
  if (result.workload) for (const l of renderWorkloadText(result.workload)) lines.push(oneLine(l));
  if (result.faults?.length) {
    lines.push(style.bold('Faults'));
    for (const l of faultLines(result)) lines.push(`  ${oneLine(l)}`);
  }
  // The one number that replays the run's random choices (input seed, CLI --seed).
  if (result.seed !== undefined) lines.push(style.dim(`Seed ${result.seed}: rerun with --seed ${result.seed} for the same choices.`));
  const verdict = headline(result);
  lines.push(result.verdict === 'passed' ? style.green(style.bold(verdict)) : style.red(style.bold(verdict)));
  return lines.join('\n');
}
