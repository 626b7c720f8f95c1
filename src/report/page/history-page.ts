// The history page: one self-contained HTML file (script and style inline, no network, no external fonts) that
// shows a workload history as a person wants to see it: clients as lanes, operations as bars from invoke to
// completion coloured by outcome and marked by function, faults as shaded bands, a key selector, zoom and pan, the
// operation under the pointer, and for a key that failed its check the witness highlighted with the sentence
// that explains it. Drawn on a canvas, so 100,000 operations open and pan smoothly. Everything from outside
// (values, errors, node names) travels as JSON in a script element with '<' escaped, and is only ever put into
// the page as text, never as markup. The script that draws it is browser/history-page.ts, inlined as bundled text
// (page-script.generated.ts; scripts/page-script.ts says why it is built that way).
import { createHash } from 'node:crypto';
import type { CheckResult, History, HistoryOperation, Witness } from '../../linearizability/index.js';
import { legalFinalValues } from '../../consistency/eventual.js';
import { PAGE_STYLE } from './history-page-assets.js';
import { PAGE_SCRIPT } from './page-script.generated.js';
import type { PageColumns, PageData, PageLadder, PageResult, PageWitness } from './page-data.js';
import type { ConsistencyModel } from '../../consistency/models.js';
import type { ModelsRecord } from '../../model/result.js';
import { escapeHtml } from '../escape.js';

export interface PageKeyResult {
  readonly key: string;
  readonly verdict: string;
  readonly passed: boolean;
  readonly detail: string;
  readonly witness?: Witness;
  /** eventual: what each node held at the end. */
  readonly nodeValues?: readonly { readonly node: string; readonly value: string | null | undefined }[];
}

export interface PageInput {
  readonly title: string;
  readonly history: History;
  readonly consistency?: ConsistencyModel;
  readonly results: readonly PageKeyResult[];
  readonly models?: ModelsRecord;
}

/** How many legal last values a key lists at most (a long tail of concurrent writes adds nothing to read). */
const MAX_LEGAL = 20;

// An append is its own function (3): it adds to the list a key holds, where a write replaces what it holds.
const FUNCTION_CODE = { read: 0, get: 0, write: 1, put: 1, append: 3, cas: 2 } as const;
const TYPE_CODE = { ok: 0, fail: 1, info: 2 } as const;

/** A table of strings each stored once; the columns hold their indices, so a large history stays compact. */
class Table {
  readonly values: string[] = [];
  private readonly map = new Map<string, number>();

  index(value: string): number {
    let i = this.map.get(value);
    if (i === undefined) this.map.set(value, (i = this.values.push(value) - 1));
    return i;
  }
}

interface Tables {
  readonly processes: Table;
  readonly keys: Table;
  readonly nodes: Table;
  readonly values: Table;
  readonly errors: Table;
}

/** A value as the page shows it. */
function valueText(x: unknown): string {
  return x === null || x === undefined ? 'nil' : typeof x === 'string' ? x : JSON.stringify(x);
}

/**
 * The lane of an operation: its client. A client whose operation was indeterminate goes on as a new process
 * (process + clients, as Jepsen numbers them), so with the history's client count known a process's lane is its
 * client; otherwise (histories from elsewhere) each process is a lane.
 */
function laneOf(clients: number | undefined): (op: HistoryOperation) => string {
  return (op) => (clients !== undefined && typeof op.process === 'number' ? String(op.process % clients) : String(op.process));
}

/** Lanes in the clients' own order (numbers as numbers), not in order of first appearance. */
function laneTable(ops: readonly HistoryOperation[], lane: (op: HistoryOperation) => string): Table {
  const names = [...new Set(ops.map(lane))];
  names.sort((a, b) => (/^\d+$/.test(a) && /^\d+$/.test(b) ? Number(a) - Number(b) : a < b ? -1 : a > b ? 1 : 0));
  const lanes = new Table();
  for (const name of names) lanes.index(name);
  return lanes;
}

function columnsOf(ops: readonly HistoryOperation[], tables: Tables, lane: (op: HistoryOperation) => string): PageColumns {
  const columns: PageColumns = { p: [], k: [], n: [], f: [], t: [], s: [], i: [], c: [], v: [], e: [] };
  for (const op of ops) {
    columns.p.push(tables.processes.index(lane(op)));
    columns.k.push(tables.keys.index(op.key ?? ''));
    columns.n.push(op.node !== undefined ? tables.nodes.index(op.node) : -1);
    columns.f.push(FUNCTION_CODE[op.f]);
    columns.t.push(TYPE_CODE[op.type]);
    columns.s.push(op.f === 'cas' && op.succeeded === false ? 0 : 1);
    columns.i.push(op.invoke);
    columns.c.push(op.complete ?? -1);
    const cas = op.f === 'cas' ? (op.value as unknown[]) : undefined;
    columns.v.push(tables.values.index(cas ? `${valueText(cas[0])} → ${valueText(cas[1])}` : valueText(op.value)));
    columns.e.push(op.error !== undefined ? tables.errors.index(op.error) : -1);
  }
  return columns;
}

function witnessOf(w: Witness): PageWitness {
  return {
    explanation: w.explanation,
    ops: w.window.map((o) => o.index),
    failing: w.failing.index,
    prefix: w.lastLinearized.map((o) => o.index),
    placed: w.linearizedBefore,
  };
}

function resultOf(r: PageKeyResult, input: PageInput): PageResult {
  const legal =
    input.consistency !== 'linearizable' && r.verdict !== 'not-linearizable' && r.verdict !== 'linearizable'
      ? [...legalFinalValues(input.history.operations, r.key, input.history.initialValue ?? null)]
          .slice(0, MAX_LEGAL)
          .map((x) => (x === null ? null : String(x)))
      : undefined;
  return {
    key: r.key,
    verdict: r.verdict,
    passed: r.passed,
    detail: r.detail,
    ...(r.witness ? { witness: witnessOf(r.witness) } : {}),
    ...(r.nodeValues
      ? {
          nodeValues: r.nodeValues.map((n) => ({
            node: n.node,
            value: n.value === undefined ? '(no answer)' : n.value === null ? 'nil (missing)' : n.value,
          })),
        }
      : {}),
    ...(legal ? { legal: legal.map((x) => (x === null ? 'nil (missing)' : x)) } : {}),
  };
}

/** The page's data: columns of small integers plus tables of strings, so a large history stays compact. */
export function pageData(input: PageInput): PageData {
  const ops = input.history.operations;
  const clients = input.history.meta?.clients;
  const lane = laneOf(typeof clients === 'number' && Number.isInteger(clients) && clients > 0 ? clients : undefined);
  const tables: Tables = {
    processes: laneTable(ops, lane),
    keys: new Table(),
    nodes: new Table(),
    values: new Table(),
    errors: new Table(),
  };
  let end = 0;
  for (const op of ops) end = Math.max(end, op.invoke, op.complete ?? op.invoke);
  const columns = columnsOf(ops, tables, lane);
  return {
    title: input.title,
    consistency: input.consistency ?? null,
    end: end > 0 ? end : 1,
    processes: tables.processes.values,
    keys: tables.keys.values,
    nodes: tables.nodes.values,
    values: tables.values.values,
    errors: tables.errors.values,
    ops: columns,
    nemesis: (input.history.nemesis ?? []).map((e) => ({ time: e.time, f: e.f, fault: e.fault, target: e.target })),
    results: input.results.map((r) => resultOf(r, input)),
    ...(input.models ? { ladder: ladderOf(input.models) } : {}),
  };
}

function ladderOf(m: ModelsRecord): PageLadder {
  return {
    claim: m.claim,
    sessions: m.sessions,
    strongest: m.strongest,
    models: m.models.map((v) => ({
      model: v.model,
      verdict: v.verdict,
      ...(v.witness ? { text: v.witness.explanation, ops: [...v.witness.operations] } : v.reason ? { text: v.reason } : {}),
      ...(v.witness?.key !== undefined ? { key: v.witness.key } : {}),
    })),
  };
}

/** JSON that is safe inside a script element: no '<' (so no `</script>`), no U+2028/9. */
export function scriptJson(data: unknown): string {
  return JSON.stringify(data)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

/** A CSP source that allows exactly this inline element text (CSP hashes the text between the tags as UTF-8). */
function cspHash(text: string): string {
  return `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
}

/** A linearizability check's verdicts as the page shows them, each failed key with its witness and explanation. */
export function linearizabilityPageResults(result: Pick<CheckResult, 'keys'>): PageKeyResult[] {
  return result.keys.map((k) => ({
    key: k.key,
    verdict: k.verdict,
    passed: k.verdict === 'linearizable',
    detail: k.witness?.explanation ?? k.verdict,
    ...(k.witness ? { witness: k.witness } : {}),
  }));
}

export function renderHistoryPage(input: PageInput): string {
  // The page runs its own script and style and nothing else: no 'unsafe-inline', so markup that got into the page
  // anyway could not run a script. The data element is JSON, which the browser never executes.
  const csp = `default-src 'none'; script-src ${cspHash(PAGE_SCRIPT)}; style-src ${cspHash(PAGE_STYLE)}; img-src data:`;
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<title>${escapeHtml(input.title)}</title>
<style>${PAGE_STYLE}</style>
</head>
<body>
<header>
  <h1 id="title"></h1>
  <div id="controls">
    <label>Key <select id="key"></select></label>
    <span id="verdict"></span>
    <button id="reset" type="button">Whole history</button>
    <span class="hint" id="hint"></span>
  </div>
  <nav id="ladder" aria-label="consistency models"></nav>
  <nav id="keys" aria-label="every key and its verdict"></nav>
</header>
<section id="why" hidden></section>
<main>
  <div id="lanes">
    <canvas id="chart" tabindex="0" aria-label="operations by client over time"></canvas>
    <div id="spacer"></div>
  </div>
  <aside id="detail"><p class="muted">Point at an operation to see it.</p></aside>
</main>
<section id="legend">
  <span class="sw ok"></span>ok <span class="sw fail"></span>fail <span class="sw info"></span>unknown (info)
  <span class="sw fault"></span>fault held · R read · W write · A append (marked at its start) · C compare-and-set
  <span class="sw witness"></span>in the witness <span class="sw prefix"></span>end of the longest order found
</section>
<section id="final" hidden></section>
<script id="data" type="application/json">${scriptJson(pageData(input))}</script>
<script>${PAGE_SCRIPT}</script>
</body>
</html>
`;
}
