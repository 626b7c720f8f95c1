// The history page: one self-contained HTML file (script and style inline, no network, no external fonts) that
// shows a workload history as a person wants to see it: clients as lanes, operations as bars from invoke to
// completion coloured by outcome and marked by function, faults as shaded bands, a key selector, zoom and pan, the
// operation under the pointer, and for a key that failed its check the witness highlighted with the sentence
// that explains it. Drawn on a canvas, so 100,000 operations open and pan smoothly. Everything from outside
// (values, errors, node names) travels as JSON in a script element with '<' escaped, and is only ever put into
// the page as text, never as markup.
import type { History, Witness } from '../../linearizability/index.js';
import { legalFinalValues } from '../../consistency/eventual.js';
import { PAGE_SCRIPT, PAGE_STYLE } from './history-page-assets.js';
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
  readonly consistency?: 'eventual' | 'linearizable';
  readonly results: readonly PageKeyResult[];
}

/** How many legal last values a key lists at most (a long tail of concurrent writes adds nothing to read). */
const MAX_LEGAL = 20;

/** The page's data: columns of small integers plus tables of strings, so a large history stays compact. */
export function pageData(input: PageInput): unknown {
  const ops = input.history.operations;
  const table = <T>(): { index: (v: T) => number; values: T[] } => {
    const map = new Map<T, number>();
    const values: T[] = [];
    return {
      index: (v) => {
        let i = map.get(v);
        if (i === undefined) map.set(v, (i = values.push(v) - 1));
        return i;
      },
      values,
    };
  };
  const processes = table<string>();
  // Lanes in the clients' own order (numbers as numbers), not in order of first appearance.
  const names = [...new Set(ops.map((op) => String(op.process)))];
  names.sort((a, b) => (/^\d+$/.test(a) && /^\d+$/.test(b) ? Number(a) - Number(b) : a < b ? -1 : a > b ? 1 : 0));
  for (const name of names) processes.index(name);
  const keys = table<string>();
  const nodes = table<string>();
  const values = table<string>();
  const errors = table<string>();
  const F = { read: 0, get: 0, write: 1, put: 1, append: 1, cas: 2 } as const;
  const T = { ok: 0, fail: 1, info: 2 } as const;
  const v = (x: unknown): string => (x === null || x === undefined ? 'nil' : typeof x === 'string' ? x : JSON.stringify(x));
  let end = 0;
  for (const op of ops) end = Math.max(end, op.invoke, op.complete ?? op.invoke);
  const columns = {
    p: [] as number[],
    k: [] as number[],
    n: [] as number[],
    f: [] as number[],
    t: [] as number[],
    s: [] as number[],
    i: [] as number[],
    c: [] as number[],
    v: [] as number[],
    e: [] as number[],
  };
  for (const op of ops) {
    columns.p.push(processes.index(String(op.process)));
    columns.k.push(keys.index(op.key ?? ''));
    columns.n.push(op.node !== undefined ? nodes.index(op.node) : -1);
    columns.f.push(F[op.f]);
    columns.t.push(T[op.type]);
    columns.s.push(op.f === 'cas' && op.succeeded === false ? 0 : 1);
    columns.i.push(op.invoke);
    columns.c.push(op.complete ?? -1);
    columns.v.push(values.index(op.f === 'cas' ? `${v((op.value as unknown[])[0])} → ${v((op.value as unknown[])[1])}` : v(op.value)));
    columns.e.push(op.error !== undefined ? errors.index(op.error) : -1);
  }
  const results = input.results.map((r) => {
    const w = r.witness;
    const legal =
      input.consistency === 'eventual'
        ? [...legalFinalValues(ops, r.key, input.history.initialValue ?? null)]
            .slice(0, MAX_LEGAL)
            .map((x) => (x === null ? null : String(x)))
        : undefined;
    return {
      key: r.key,
      verdict: r.verdict,
      passed: r.passed,
      detail: r.detail,
      ...(w
        ? {
            witness: {
              explanation: w.explanation,
              ops: w.window.map((o) => o.index),
              failing: w.failing.index,
              // The end of the longest order the search could build: it got this far and no further.
              prefix: w.lastLinearized.map((o) => o.index),
              placed: w.linearizedBefore,
            },
          }
        : {}),
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
  });
  return {
    title: input.title,
    consistency: input.consistency ?? null,
    end: end > 0 ? end : 1,
    processes: processes.values,
    keys: keys.values,
    nodes: nodes.values,
    values: values.values,
    errors: errors.values,
    ops: columns,
    nemesis: (input.history.nemesis ?? []).map((e) => ({ time: e.time, f: e.f, fault: e.fault, target: e.target })),
    results,
  };
}

/** JSON that is safe inside a script element: no '<' (so no `</script>`), no U+2028/9. */
export function scriptJson(data: unknown): string {
  return JSON.stringify(data)
    .replace(/</g, '\\u003c')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

export function renderHistoryPage(input: PageInput): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:">
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
    <span class="hint">wheel: zoom · drag: pan · click: pin an operation</span>
  </div>
</header>
<section id="why" hidden></section>
<main>
  <canvas id="chart" tabindex="0" aria-label="operations by client over time"></canvas>
  <aside id="detail"><p class="muted">Point at an operation to see it.</p></aside>
</main>
<section id="legend">
  <span class="sw ok"></span>ok <span class="sw fail"></span>fail <span class="sw info"></span>unknown (info)
  <span class="sw fault"></span>fault held · R read · W write · C compare-and-set
  <span class="sw witness"></span>in the witness <span class="sw prefix"></span>end of the longest order found
</section>
<section id="final" hidden></section>
<script id="data" type="application/json">${scriptJson(pageData(input))}</script>
<script>${PAGE_SCRIPT}</script>
</body>
</html>
`;
}
