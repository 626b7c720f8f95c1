// The step summary, rendered from the result as GitHub-flavoured Markdown. Everything that came from outside is
// escaped; the whole text stays under the runner's 1 MiB limit (logs are dropped first when it would not).
import type { RunResult } from '../model/result.js';
import { escapeMarkdown as md, escapePre } from './escape.js';
import { STATUS_ICON, headline, failureDetail } from './format.js';
import { formatMs } from '../util/text.js';
import { renderWorkloadSummary } from './workload.js';
import { renderFaultTables } from './faults.js';

export const SUMMARY_LIMIT = 1024 * 1024;
/** Head room under the limit for whatever else the job appends to the same step. */
const BUDGET = SUMMARY_LIMIT - 64 * 1024;

export function renderSummary(result: RunResult): string {
  const out: string[] = [];
  out.push(`## ${result.verdict === 'passed' ? '✅' : '❌'} ${md(headline(result))}`, '');
  const compose = result.project.compose ? ` · Compose ${result.project.compose.kind} ${md(result.project.compose.version)}` : '';
  out.push(`Project **${md(result.project.name)}**${compose} · ${result.nodes.length} nodes · ${formatMs(result.durationMs)}`, '');
  out.push(...renderTimeline(result));

  for (const e of result.errors) {
    out.push(`> [!CAUTION]`, `> ${md(e.message)}${e.fix ? ` ${md(e.fix)}` : ''}`, '');
    if (e.detail) out.push('<pre>', escapePre(e.detail), '</pre>', '');
  }

  if (result.checks.length > 0) {
    const sorted = [...result.checks].sort((a, b) => rank(a.status) - rank(b.status));
    out.push('### Checks', '', '| | Check | Node | Time | Detail |', '|---|---|---|---:|---|');
    for (const c of sorted) {
      const detail = c.status === 'failed' ? failureDetail(c) : c.detail;
      out.push(`| ${STATUS_ICON[c.status]} | ${md(c.title)} | ${md(c.node ?? '')} | ${formatMs(c.durationMs)} | ${md(detail)} |`);
    }
    out.push('');
  }

  const m = result.convergence;
  if (m.writers.length > 0) {
    out.push('### Convergence (ms from acknowledged write to first matching read)', '');
    out.push(`| writer \\ reader | ${m.readers.map(md).join(' | ')} |`, `|---|${m.readers.map(() => '---:').join('|')}|`);
    m.writers.forEach((w, i) => {
      const row = m.ms[i] ?? [];
      out.push(`| **${md(w)}** | ${m.readers.map((_, j) => cell(row[j])).join(' | ')} |`);
    });
    out.push('', `Slowest: ${result.maxConvergenceMs === null ? 'n/a' : `${Math.round(result.maxConvergenceMs)} ms`}`, '');
  }

  out.push(...renderFaultTables(result));

  if (result.nodes.length > 0) {
    out.push('### Nodes', '', '| Node | URL | Mapping | Ready after up |', '|---|---|---|---:|');
    for (const n of result.nodes) {
      out.push(`| ${md(n.label)} | ${md(n.url)} | ${md(n.mapping)} | ${n.readyMs === undefined ? '–' : formatMs(n.readyMs)} |`);
    }
    out.push('');
  }

  if (result.phases.length > 0) {
    out.push('### Timeline', '', '| Phase | Start | End | Took | |', '|---|---:|---:|---:|---|');
    for (const p of result.phases) {
      out.push(
        `| ${md(p.name)} | ${formatMs(p.startMs)} | ${formatMs(p.endMs)} | ${formatMs(p.endMs - p.startMs)} | ${p.status === 'ok' ? '✅' : '❌'}${p.note ? ` ${md(p.note)}` : ''} |`,
      );
    }
    out.push('');
  }

  if (result.workload) out.push(renderWorkloadSummary(result.workload));

  const teardown = result.teardown;
  out.push(
    teardown.performed
      ? teardown.leftovers?.length
        ? `Teardown left ${teardown.leftovers.length} object(s) behind.`
        : 'Teardown removed every container, network and volume of the project.'
      : `Teardown: ${md(teardown.policy)} (not performed).`,
    '',
  );

  let text = out.join('\n');
  for (const log of result.logs) {
    const block = `<details><summary>Last log lines of ${escapePre(log.service)}</summary>\n\n<pre>\n${escapePre(log.text)}\n</pre>\n\n</details>\n`;
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
