// The workload part of the reports: what ran, the verdict per key, operation counts per node, latency quantiles,
// the witness of a failing key and where the history files are. Keys and nodes are ours, but values and witness
// text quote what servers returned, so everything goes through the escapers.
import type { LatencyQuantiles, ModelsRecord, OpCounts, WorkloadSection } from '../model/result.js';
import { modelInfo } from '../consistency/models.js';
import { escapeMarkdown as md, escapePre } from './escape.js';
import { formatMs } from '../util/text.js';
import { markdownTable, right, strong, type Cell } from './markdown.js';

const MAX_WITNESS_CHARS = 20_000;

function counts(c: OpCounts): string {
  return `${c.ok} / ${c.fail} / ${c.info}`;
}

function latencyRow(name: string, q: LatencyQuantiles | null): Cell[] {
  return q ? [name, q.count, q.p50, q.p90, q.p99, q.max] : [name, 0, '–', '–', '–', '–'];
}

const VERDICT_ICON = { held: '✅', violated: '❌', unknown: '❔' } as const;

/**
 * The ladder in one sentence: the strongest model that held with every weaker one, the claim, the session mode,
 * and the models above it that did not hold. The headline of the summary and the terminal.
 */
export function ladderHeadline(m: ModelsRecord): string {
  const strongest = m.strongest === null ? 'not even eventual consistency held' : `strongest model that held: ${m.strongest}`;
  const above = m.models.filter((v) => v.verdict !== 'held').map((v) => `${v.model} ${v.verdict}`);
  const rest = above.length > 0 ? `; ${above.join(', ')}` : '; every model held';
  return `Consistency: ${strongest} (claim: ${m.claim}, ${m.sessions} sessions)${rest}.`;
}

/**
 * One row per model: its verdict and, when it did not hold, the witness or the reason. A model violated only
 * because a model it includes was says so in a word (the witness is on that model's row), and the claim's witness
 * is named, not repeated, when the failed checks above show it.
 */
function ladderRows(m: ModelsRecord, witnessAbove: boolean): Cell[][] {
  return m.models.map((v) => {
    const inherited = v.witness ? /\((\S+) includes (\S+)\)$/.exec(v.witness.explanation) : null;
    const why =
      inherited && inherited[1] === v.model
        ? `violated with ${inherited[2]}, which it includes`
        : witnessAbove && v.model === m.claim && v.verdict === 'violated'
          ? 'the witness is under Failed checks above'
          : (v.witness?.explanation ?? v.reason ?? modelInfo(v.model).promise);
    return [VERDICT_ICON[v.verdict], v.model === m.claim ? strong(v.model) : v.model, v.verdict, why, `${Math.round(v.elapsedMs)} ms`];
  });
}

export function workloadHeadline(w: WorkloadSection): string {
  const failed = w.keyResults.filter((k) => !k.passed).length;
  const verdict =
    failed === 0
      ? `${w.consistency} on all ${w.keyResults.length} keys`
      : `${failed} of ${w.keyResults.length} keys failed the ${w.consistency} check`;
  return `${w.operations.total} operations by ${w.clients} clients in ${formatMs(w.elapsedMs)} (seed ${w.seed}): ${verdict}`;
}

function sum(list: readonly OpCounts[]): OpCounts {
  return list.reduce((a, c) => ({ ok: a.ok + c.ok, fail: a.fail + c.fail, info: a.info + c.info }), { ok: 0, fail: 0, info: 0 });
}

/** A row per node, then the sum of each column, so the last row reads like the others. */
function perNodeRows(w: WorkloadSection): Cell[][] {
  const all = [strong('all'), counts(sum(w.perNode.map((n) => n.read))), counts(sum(w.perNode.map((n) => n.write)))];
  return [...w.perNode.map((n) => [n.node, counts(n.read), counts(n.write)]), all];
}

/**
 * The workload section. `witnessAbove`: the failed checks at the top of the summary already show each witness, so
 * here it is named, not repeated (a witness is long, and three copies of it buried the rest).
 */
export function renderWorkloadSummary(w: WorkloadSection, o: { readonly witnessAbove?: boolean } = {}): string {
  const out: string[] = [];
  out.push(`### Workload (${md(w.model)}, ${md(w.consistency)})`, '', md(workloadHeadline(w)), '');
  if (w.capped) out.push('_The operation cap ended the workload before its duration; the history is complete up to there._', '');
  if (w.models) {
    out.push(`Consistency models (claim in bold, ${md(w.models.sessions)} sessions):`, '');
    out.push(
      ...markdownTable(
        ['', 'Model', 'Verdict', 'Witness, reason or promise', right('Check')],
        ladderRows(w.models, o.witnessAbove === true),
      ),
      '',
    );
  }

  const detail = (k: WorkloadSection['keyResults'][number]): string =>
    o.witnessAbove && k.witnessText ? 'The witness is under Failed checks above.' : k.detail;
  const verdicts = w.keyResults.map((k) => [k.passed ? '✅' : '❌', k.key, k.operations, k.verdict, detail(k)]);
  out.push(...markdownTable(['', 'Key', right('Operations'), 'Verdict', 'Detail'], verdicts), '');

  for (const k of w.keyResults) {
    if (!k.witnessText || o.witnessAbove) continue;
    const text = k.witnessText.length > MAX_WITNESS_CHARS ? `${k.witnessText.slice(0, MAX_WITNESS_CHARS)}\n…` : k.witnessText;
    out.push(
      `<details open><summary>Witness for key ${escapePre(k.key)}</summary>`,
      '',
      '<pre>',
      escapePre(text),
      '</pre>',
      '',
      '</details>',
      '',
    );
  }

  out.push(
    'Operations per node: ok / failed / indeterminate',
    '',
    ...markdownTable(['Node', right('Reads'), right('Writes')], perNodeRows(w)),
    '',
  );

  const latency = [latencyRow('read', w.latency.read), latencyRow('write', w.latency.write)];
  const quantiles = ['p50', 'p90', 'p99', 'max'].map(right);
  out.push('Latency (ms) of answered operations', '', ...markdownTable(['Operation', right('Count'), ...quantiles], latency), '');

  if (w.history) {
    out.push(
      `History: ${md(w.history.json)} (JSON) and ${md(w.history.edn)} (Jepsen EDN). Re-check it with \`replicheck check-history FILE\`.`,
      '',
    );
    if (w.history.html) {
      out.push(
        `**See it:** the history page ${md(w.history.html)} shows every operation by client over time, the faults as bands, ` +
          'and the witness of a failed key. Upload it with `actions/upload-artifact` (docs/reports.md shows how) and open it in a browser.',
        '',
      );
    }
  }
  return out.join('\n');
}

/** Lines for the terminal renderer; the caller keeps them on one line each and prints them untrusted. */
export function renderWorkloadText(w: WorkloadSection, o: { readonly witnessAbove?: boolean } = {}): string[] {
  const lines = [`Workload: ${workloadHeadline(w)}`];
  if (w.models) {
    // The ladder's headline leads the whole text (text.ts); here, each model.
    for (const v of w.models.models) {
      const why = v.witness?.explanation ?? v.reason;
      lines.push(`    ${v.verdict === 'held' ? '✓' : v.verdict === 'violated' ? '✗' : '?'} ${v.model}${why ? `: ${why}` : ''}`);
    }
  }
  for (const k of w.keyResults) {
    lines.push(`  ${k.passed ? '✓' : '✗'} ${k.key}: ${k.verdict} (${k.operations} ops)`);
    // Shown once: under the failed check when there is one.
    if (k.witnessText && !o.witnessAbove) for (const l of k.witnessText.split('\n').slice(0, 60)) lines.push(`      ${l}`);
  }
  for (const n of w.perNode) lines.push(`  ${n.node}: reads ${counts(n.read)}, writes ${counts(n.write)} (ok / failed / indeterminate)`);
  const q = (name: string, l: LatencyQuantiles | null): string =>
    l ? `${name} p50 ${l.p50} p90 ${l.p90} p99 ${l.p99} max ${l.max} ms` : `${name} –`;
  lines.push(`  latency: ${q('read', w.latency.read)}; ${q('write', w.latency.write)}`);
  if (w.history) lines.push(`  history: ${w.history.json} (EDN: ${w.history.edn})`);
  if (w.history?.html) lines.push(`  history page: ${w.history.html}`);
  return lines;
}
