// The step summary, rendered from the result as GitHub-flavoured Markdown. Everything that came from outside is
// escaped; the whole text stays under the runner's 1 MiB limit (logs are dropped first when it would not).
import type { RunResult } from '../model/result.js';
import { escapeInline as inline, escapeMarkdown as md, escapePre } from './escape.js';
import { STATUS_ICON, headline, failureDetail } from './format.js';
import { formatMs } from '../util/text.js';
import { ladderHeadline, renderWorkloadSummary } from './workload.js';
import { renderFaultTables } from './faults.js';
import { markdownTable, markup, right, strong } from './markdown.js';

export const SUMMARY_LIMIT = 1024 * 1024;
/** Head room under the limit for whatever else the job appends to the same step. */
const BUDGET = SUMMARY_LIMIT - 64 * 1024;

export function renderSummary(result: RunResult): string {
  const out = [
    ...renderHead(result),
    ...renderTimeline(result),
    ...renderErrors(result),
    ...renderChecks(result),
    ...renderConvergence(result),
    ...renderFaultTables(result),
    ...renderNodes(result),
    ...renderPhases(result),
  ];
  if (result.workload) out.push(renderWorkloadSummary(result.workload));
  out.push(teardownLine(result.teardown), '');
  return withinLimit(out.join('\n'), result.logs);
}

function renderHead(result: RunResult): string[] {
  // Mid-line, so a version like 2.29.7 needs no guard against starting a list.
  const compose = result.project.compose ? ` · Compose ${result.project.compose.kind} ${inline(result.project.compose.version)}` : '';
  // The one number that replays the run's random choices.
  const seed = result.seed !== undefined ? ` · seed ${result.seed}` : '';
  return [
    `## ${result.verdict === 'passed' ? '✅' : '❌'} ${md(headline(result))}`,
    '',
    `Project **${md(result.project.name)}**${compose} · ${result.nodes.length} nodes · ${formatMs(result.durationMs)}${seed}`,
    '',
    ...(result.workload?.models ? [md(ladderHeadline(result.workload.models)), ''] : []),
  ];
}

function renderErrors(result: RunResult): string[] {
  return result.errors.flatMap((e) => [
    `> [!CAUTION]`,
    `> ${md(e.message)}${e.fix ? ` ${md(e.fix)}` : ''}`,
    '',
    ...(e.detail ? ['<pre>', escapePre(e.detail), '</pre>', ''] : []),
  ]);
}

function renderChecks(result: RunResult): string[] {
  if (result.checks.length === 0) return [];
  const sorted = [...result.checks].sort((a, b) => rank(a.status) - rank(b.status));
  const rows = sorted.map((c) => [
    STATUS_ICON[c.status],
    c.title,
    c.node ?? '',
    formatMs(c.durationMs),
    c.status === 'failed' ? failureDetail(c) : c.detail,
  ]);
  return ['### Checks', '', ...markdownTable(['', 'Check', 'Node', right('Time'), 'Detail'], rows), ''];
}

function renderConvergence(result: RunResult): string[] {
  const m = result.convergence;
  if (m.writers.length === 0) return [];
  // The backslash is ours and followed by a space, so Markdown shows it as it is.
  const columns = [{ header: markup('writer \\ reader') }, ...m.readers.map(right)];
  const rows = m.writers.map((w, i) => [strong(w), ...m.readers.map((_, j) => cell((m.ms[i] ?? [])[j]))]);
  const slowest = result.maxConvergenceMs === null ? 'n/a' : `${Math.round(result.maxConvergenceMs)} ms`;
  return [
    '### Convergence (ms from acknowledged write to first matching read)',
    '',
    ...markdownTable(columns, rows),
    '',
    `Slowest: ${slowest}`,
    '',
  ];
}

function renderNodes(result: RunResult): string[] {
  if (result.nodes.length === 0) return [];
  const rows = result.nodes.map((n) => [n.label, n.url, n.mapping, n.readyMs === undefined ? '–' : formatMs(n.readyMs)]);
  return ['### Nodes', '', ...markdownTable(['Node', 'URL', 'Mapping', right('Ready after up')], rows), ''];
}

function renderPhases(result: RunResult): string[] {
  if (result.phases.length === 0) return [];
  const rows = result.phases.map((p) => [
    p.name,
    formatMs(p.startMs),
    formatMs(p.endMs),
    formatMs(p.endMs - p.startMs),
    `${p.status === 'ok' ? '✅' : '❌'}${p.note ? ` ${p.note}` : ''}`,
  ]);
  return ['### Timeline', '', ...markdownTable(['Phase', right('Start'), right('End'), right('Took'), ''], rows), ''];
}

function teardownLine(teardown: RunResult['teardown']): string {
  if (!teardown.performed) return `Teardown: ${md(teardown.policy)} (not performed).`;
  return teardown.leftovers?.length
    ? `Teardown left ${teardown.leftovers.length} object(s) behind.`
    : 'Teardown removed every container, network and volume of the project.';
}

/** The logs go last and are the first thing dropped, so the rest of the summary always fits. */
function withinLimit(summary: string, logs: RunResult['logs']): string {
  let text = summary;
  for (const log of logs) {
    const block = [
      `<details><summary>Last log lines of ${escapePre(log.service)}</summary>`,
      '',
      '<pre>',
      escapePre(log.text),
      '</pre>',
      '',
      '</details>',
      '',
    ].join('\n');
    if (Buffer.byteLength(text) + Buffer.byteLength(block) > BUDGET) {
      text += '\n_Further logs were left out to keep the summary under the 1 MiB limit; see the job log._\n';
      break;
    }
    text += block;
  }
  if (Buffer.byteLength(text) > BUDGET) {
    text = `${Buffer.from(text)
      .subarray(0, BUDGET)
      .toString('utf8')
      .replace(/\uFFFD*$/, '')}\n\n_Summary cut at the size limit; the JSON report has everything._\n`;
  }
  return text;
}

/**
 * The run as a Gantt chart (GitHub renders Mermaid in job summaries): the phases in one section, each fault's hold
 * in another, failed ones marked critical. Times are milliseconds since the run started (Mermaid's `x` format).
 */
export function renderTimeline(result: RunResult): string[] {
  if (result.phases.length === 0) return [];
  // Mermaid reads ':' ';' '#' and more as syntax inside a task line: names keep only plain characters.
  const name = (s: string): string =>
    s
      .replace(/[^A-Za-z0-9 _.+%/-]/g, ' ')
      .replace(/\s+/g, ' ')
      .trim()
      .slice(0, 60) || 'phase';
  const task = (p: RunResult['phases'][number]): string => {
    const start = Math.max(0, Math.round(p.startMs));
    const end = Math.max(start + 1, Math.round(p.endMs));
    return `    ${name(p.name)} :${p.status === 'failed' ? 'crit, ' : ''}${start}, ${end}`;
  };
  const held = result.phases.filter((p) => / held$/.test(p.name));
  const faultPhases = new Set((result.faults ?? []).map((f) => f.kind));
  const isFault = (p: RunResult['phases'][number]): boolean =>
    held.includes(p) || [...faultPhases].some((k) => p.name.startsWith(`${k} `) || p.name.startsWith(`${k}:`));
  const lines = [
    '```mermaid',
    'gantt',
    '    dateFormat x',
    '    axisFormat %M:%S',
    '    section run',
    ...result.phases.filter((p) => !isFault(p)).map(task),
  ];
  const faults = result.phases.filter(isFault);
  if (faults.length > 0) lines.push('    section faults', ...faults.map(task));
  lines.push('```', '');
  return lines;
}

function rank(status: string): number {
  return status === 'failed' ? 0 : status === 'passed' ? 1 : 2;
}

function cell(v: number | null | undefined): string {
  if (v === undefined) return '–';
  if (v === null) return '❌ never';
  return String(Math.round(v));
}
