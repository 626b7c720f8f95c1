// The step summary, rendered from the result as GitHub-flavoured Markdown. Everything that came from outside is
// escaped; the whole text stays under the runner's 1 MiB limit (logs are dropped first when it would not).
import type { Check, Guidance, RunResult } from '../model/result.js';
import { escapeInline as inline, escapeMarkdown as md, escapePre } from './escape.js';
import {
  STATUS_ICON,
  badInputHeadline,
  isBadInput,
  failedChecks,
  failureDetail,
  failureEvidence,
  guidanceLines,
  headline,
} from './format.js';
import { formatMs } from '../util/text.js';
import { ladderHeadline, renderWorkloadSummary } from './workload.js';
import { renderFaultTables } from './faults.js';
import { markdownTable, markup, right, strong } from './markdown.js';
import { LIVENESS_LABEL, livenessFailures, livenessNote, renderReplayMarkdown, renderShrinkMarkdown } from './replay.js';

export const SUMMARY_LIMIT = 1024 * 1024;
/** Head room under the limit for whatever else the job appends to the same step. */
const BUDGET = SUMMARY_LIMIT - 64 * 1024;

export function renderSummary(result: RunResult): string {
  // Bad input: nothing ran, so there is no project, check, teardown or log to speak of; only what was wrong.
  if (isBadInput(result)) return withinLimit([...badInputHead(result), ...renderErrors(result)].join('\n'), []);
  // What a reader needs first: the verdict, then what failed and why. Everything that passed, and how the run
  // went (the timeline, convergence, faults, workload, nodes), comes after, the passing checks folded.
  const out = [
    ...renderHead(result),
    ...renderErrors(result),
    ...renderFailures(result),
    ...renderLiveness(result),
    ...renderShrinkMarkdown(result),
    ...renderHeadsUp(result),
    ...renderContext(result),
    ...renderReplayMarkdown(result),
    ...renderPassed(result),
    ...timelineSection(result),
    ...renderConvergence(result),
    ...renderFaultTables(result),
  ];
  if (result.workload) out.push(renderWorkloadSummary(result.workload, { witnessAbove: hasFailedWitness(result) }));
  out.push(...renderNodes(result));
  out.push(teardownLine(result.teardown), '');
  return withinLimit(out.join('\n'), result.logs);
}

function badInputHead(result: RunResult): string[] {
  return [`## ❌ ${md(badInputHeadline(result))}`, '', 'Nothing was started. Fix the following and run again.', ''];
}

function renderHead(result: RunResult): string[] {
  return [
    `## ${result.verdict === 'passed' ? '✅' : '❌'} ${md(headline(result))}`,
    '',
    ...(result.workload?.models ? [md(ladderHeadline(result.workload.models)), ''] : []),
  ];
}

/** Where it ran, in one line, after the failures: the project, Compose, the nodes, the time and the seed. */
function renderContext(result: RunResult): string[] {
  // Mid-line, so a version like 2.29.7 needs no guard against starting a list.
  const compose = result.project.compose ? ` · Compose ${result.project.compose.kind} ${inline(result.project.compose.version)}` : '';
  // The one number that replays the run's random choices.
  const seed = result.seed !== undefined ? ` · seed ${result.seed}` : '';
  const project = result.project.name !== '' ? `Project **${md(result.project.name)}**${compose} · ` : '';
  return [`${project}${result.nodes.length} nodes · ${formatMs(result.durationMs)}${seed}`, ''];
}

function renderErrors(result: RunResult): string[] {
  return result.errors.flatMap((e) => [
    `> [!CAUTION]`,
    `> ${md(e.message)}${e.fix ? ` ${md(e.fix)}` : ''}`,
    '',
    ...(e.detail ? ['<pre>', escapePre(e.detail), '</pre>', ''] : []),
  ]);
}

/** Failed checks shown in full at the top; past this many, the rest are a table folded under them. */
const FAILURES_IN_FULL = 10;

/**
 * Each failed check with its cause: the title, the node and time, what was expected and answered and, for a check
 * with a witness (a detail of several lines), the witness as a block; then the first-run guidance when there is
 * some (the request sent, the answer, the inputs to look at). Checks that failed on the same answer (every reader
 * of one write got the same wrong value) share one statement of it.
 */
function renderFailures(result: RunResult): string[] {
  // Liveness failures (a node that stayed unavailable) have a section of their own, apart from lost or stale data.
  const failed = failedChecks(result).filter((c) => c.kind !== 'liveness');
  if (failed.length === 0) return [];
  const out = [`### ❌ Failed checks (${failed.length} of ${result.checks.length})`, ''];
  const shown = failed.slice(0, FAILURES_IN_FULL);
  for (const group of sameCause(shown)) out.push(...(group.length === 1 ? failureBlock(group[0]!) : groupBlock(group)));
  const rest = failed.slice(FAILURES_IN_FULL);
  if (rest.length > 0) {
    const rows = rest.map((c) => [STATUS_ICON[c.status], c.title, c.node ?? '', formatMs(c.durationMs), failureDetail(c)]);
    out.push(
      `<details><summary>${rest.length} more failed checks</summary>`,
      '',
      ...markdownTable(['', 'Check', 'Node', right('Time'), 'Detail'], rows),
      '',
      '</details>',
      '',
    );
  }
  return out;
}

/** Failed liveness checks, under their own label: no data lost, a node that did not serve again in time. */
function renderLiveness(result: RunResult): string[] {
  const failed = livenessFailures(result);
  if (failed.length === 0) return [];
  const out = [`### ⏳ ${LIVENESS_LABEL} (${failed.length} failed)`, '', md(livenessNote(failed)), ''];
  for (const c of failed) out.push(...failureBlock(c));
  return out;
}

/** Runs of checks, in order, whose evidence (expected value, answer, difference, wait) is the same. */
function sameCause(checks: readonly Check[]): Check[][] {
  const groups: { cause: string; checks: Check[] }[] = [];
  for (const c of checks) {
    const evidence = failureEvidence(c);
    // Only a check with an answer to share and nothing of its own to add (guidance, a witness) joins a group.
    const cause = evidence.length > 1 && !c.guidance && !c.detail.includes('\n') ? `${c.kind}\n${evidence.join(' ')}` : undefined;
    const last = groups.at(-1);
    if (cause !== undefined && last?.cause === cause) last.checks.push(c);
    else groups.push({ cause: cause ?? `\u0000${groups.length}`, checks: [c] });
  }
  return groups.map((g) => g.checks);
}

function where(c: Check): string {
  return [c.node, formatMs(c.durationMs)].filter((x) => x !== undefined && x !== '').join(', ');
}

function failureBlock(c: Check): string[] {
  // A detail of several lines is a sentence and a witness (workload/analyse.ts): the witness goes in a block.
  const [first = '', ...more] = c.detail.split('\n');
  const out = [`**${md(c.title)}** (${md(where(c))})`, '', md([first, ...failureEvidence(c, { answer: !c.guidance })].join(' ')), ''];
  if (more.length > 0) out.push('<pre>', escapePre(more.join('\n')), '</pre>', '');
  if (c.guidance) out.push(...guidanceBlock(c.guidance));
  return out;
}

/** Several checks that failed on one answer: their titles, then that answer once. */
function groupBlock(checks: readonly Check[]): string[] {
  return [
    ...checks.map((c) => `- **${inline(c.title)}** (${inline(where(c))})`),
    '',
    `${md(`The same for all ${checks.length}: ${failureEvidence(checks[0]!).join(' ')}`)}`,
    '',
  ];
}

/** The request Replicheck sent and what came back, as a block of text, and the inputs that decide them. */
function guidanceBlock(g: Guidance): string[] {
  return [
    md(g.hint),
    '',
    '<pre>',
    escapePre(guidanceLines(g).join('\n')),
    '</pre>',
    '',
    `Inputs to look at: ${g.inputs.map((i) => `\`${i}\``).join(', ')}.`,
    '',
  ];
}

/** Passed checks that carry guidance (a readiness probe answered 4xx): the node serves, but maybe not this API. */
function renderHeadsUp(result: RunResult): string[] {
  const noted = result.checks.filter((c) => c.status !== 'failed' && c.guidance);
  if (noted.length === 0) return [];
  // One is enough to see the pattern; every node usually answers the same way.
  const c = noted[0]!;
  const others = noted.length > 1 ? ` (and ${noted.length - 1} more node(s) alike)` : '';
  return [`> [!WARNING]`, `> ${md(c.title)}${md(others)}: ${md(c.detail)}`, '', ...guidanceBlock(c.guidance!)];
}

/** Every check that did not fail, folded: a reader opens it to see what held. */
function renderPassed(result: RunResult): string[] {
  const rest = result.checks.filter((c) => c.status !== 'failed');
  if (rest.length === 0) return [];
  const sorted = [...rest].sort((a, b) => rank(a.status) - rank(b.status));
  const rows = sorted.map((c) => [STATUS_ICON[c.status], c.title, c.node ?? '', formatMs(c.durationMs), c.detail]);
  const passed = rest.filter((c) => c.status === 'passed').length;
  const skipped = rest.length - passed;
  const label = `${STATUS_ICON.passed} ${passed} passed check${passed === 1 ? '' : 's'}${skipped > 0 ? `, ${skipped} skipped` : ''}`;
  return [
    `<details><summary>${label}</summary>`,
    '',
    ...markdownTable(['', 'Check', 'Node', right('Time'), 'Detail'], rows),
    '',
    '</details>',
    '',
  ];
}

/** A failed workload check at the top carries the claim's witness (its detail, or the key's witness text). */
function hasFailedWitness(result: RunResult): boolean {
  return failedChecks(result).some((c) => c.kind === 'workload');
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

/** The chart, then the phases as a table (folded: the chart says it at a glance). */
function timelineSection(result: RunResult): string[] {
  if (result.phases.length === 0) return [];
  return ['### Timeline', '', ...renderTimeline(result), ...renderPhases(result)];
}

function renderPhases(result: RunResult): string[] {
  const rows = result.phases.map((p) => [
    p.name,
    formatMs(p.startMs),
    formatMs(p.endMs),
    formatMs(p.endMs - p.startMs),
    `${p.status === 'ok' ? '✅' : '❌'}${p.note ? ` ${p.note}` : ''}`,
  ]);
  return [
    '<details><summary>Phases</summary>',
    '',
    ...markdownTable(['Phase', right('Start'), right('End'), right('Took'), ''], rows),
    '',
    '</details>',
    '',
  ];
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
