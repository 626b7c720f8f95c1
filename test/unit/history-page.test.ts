// The history page as a file: self-contained, hostile text inert, compact data; and in a real browser (when there
// is one) the lanes, bands and witness it draws.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pageData, renderHistoryPage, scriptJson } from '../../src/report/page/history-page.js';
import { checkHistory, type History, type HistoryOperation } from '../../src/linearizability/index.js';
import type { ModelsRecord } from '../../src/model/result.js';
import { bodyData, dumpDom, needBrowser } from '../support/browser.js';
import { PAGE_SCRIPT_MODULE, PAGE_SCRIPT_SOURCE, pageScriptModule } from '../../scripts/page-script.js';

const evil = '</script><script>alert(1)</script><img src=x onerror=alert(2)>\u2028';
const history: History = {
  schemaVersion: 1,
  operations: [
    { process: 0, node: 'n1', key: 'k', f: 'write', value: 'a', type: 'ok', invoke: 0, complete: 1 },
    { process: 1, node: 'n2', key: 'k', f: 'write', value: evil, type: 'ok', invoke: 2, complete: 3 },
    { process: 2, node: evil, key: 'k', f: 'read', value: 'a', type: 'ok', invoke: 4, complete: 5, error: evil },
    { process: 3, node: 'n1', key: 'j', f: 'write', value: 'x', type: 'info', invoke: 1, complete: null },
  ],
  nemesis: [
    { time: 0.5, f: 'start', fault: 'pause', target: 'kv_4' },
    { time: 3.5, f: 'stop', fault: 'pause', target: 'kv_4' },
  ],
};

function page(): string {
  const r = checkHistory(history, { checkAllKeys: true });
  return renderHistoryPage({
    title: `t ${evil}`,
    history,
    consistency: 'linearizable',
    results: r.keys.map((k) => ({
      key: k.key,
      verdict: k.verdict,
      passed: k.verdict === 'linearizable',
      detail: k.verdict,
      ...(k.witness ? { witness: k.witness } : {}),
    })),
  });
}

/** The page's CSP directives by name, each with its sources. */
function csp(html: string): Map<string, string[]> {
  const policy = /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/.exec(html)?.[1];
  assert.ok(policy, 'the page has a Content-Security-Policy');
  return new Map(
    policy.split(';').map((d) => {
      const [name, ...sources] = d.trim().split(/\s+/);
      return [name!, sources];
    }),
  );
}

const sha256 = (text: string): string => `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;

function inBrowser(html: string, hash = ''): { dom: string; data: Record<string, string> } {
  const file = join(mkdtempSync(join(tmpdir(), 'rc-page-')), 'page.html');
  writeFileSync(file, html);
  const dom = dumpDom(file + hash);
  return { dom, data: bodyData(dom) };
}

const HOSTILE_KEY = '<img src=x onerror=alert(3)>';

/**
 * 50 clients on three keys: `a` undecided (listed first), `b` with a stale read by client 47 after client 0's write,
 * HOSTILE_KEY of appends; a ladder whose read-your-writes is violated on `b`.
 */
function crowded(): string {
  const ops: HistoryOperation[] = [];
  for (let c = 0; c < 50; c++) {
    for (let j = 0; j < 6; j++) {
      const key = ['a', 'b', HOSTILE_KEY][j % 3]!;
      const invoke = c * 3 + j * 40;
      const f = key === HOSTILE_KEY ? 'append' : j % 2 ? 'read' : 'write';
      const value = f === 'read' ? null : f === 'append' ? c * 10 + j : `v${c}-${j}`;
      ops.push({ process: c, node: `kv_${c % 3}`, key, f, value, type: 'ok', invoke, complete: invoke + 12 });
    }
  }
  const write = ops.push({ process: 0, node: 'kv_0', key: 'b', f: 'write', value: 'fresh', type: 'ok', invoke: 300, complete: 305 }) - 1;
  const read = ops.push({ process: 47, node: 'kv_4', key: 'b', f: 'read', value: 'v0-4', type: 'ok', invoke: 310, complete: 315 }) - 1;
  const h: History = { schemaVersion: 1, operations: ops, meta: { clients: 50 } };
  const b = checkHistory({ ...h, operations: ops.filter((o) => o.key === 'b') }).keys[0]!;
  assert.equal(b.verdict, 'not-linearizable');
  // The witness's indexes are into the key's own operations; the page's are into the whole history.
  const own = ops.map((o, i) => [o, i] as const).filter(([o]) => o.key === 'b');
  const lift = (i: number): number => own[i]![1];
  const w = b.witness!;
  const witness = {
    ...w,
    window: w.window.map((o) => ({ ...o, index: lift(o.index) })),
    failing: { ...w.failing, index: lift(w.failing.index) },
    lastLinearized: w.lastLinearized.map((o) => ({ ...o, index: lift(o.index) })),
  };
  const models: ModelsRecord = {
    claim: 'linearizable',
    sessions: 'roaming',
    strongest: 'eventual',
    models: [
      { model: 'eventual', verdict: 'held', elapsedMs: 1 },
      {
        model: 'read-your-writes',
        verdict: 'violated',
        elapsedMs: 1,
        witness: { key: 'b', operations: [write, read], explanation: `client 47 read ${evil}` },
      },
    ],
  };
  return renderHistoryPage({
    title: 'crowded',
    history: h,
    consistency: 'linearizable',
    results: [
      { key: 'a', verdict: 'unknown', passed: false, detail: 'the search ran out of time' },
      { key: 'b', verdict: 'not-linearizable', passed: false, detail: w.explanation, witness },
      { key: HOSTILE_KEY, verdict: 'linearizable', passed: true, detail: 'ok' },
    ],
    models,
  });
}

describe('history page', () => {
  test('appends travel as appends (function 3), not as writes', () => {
    const data = pageData({
      title: 't',
      history: { schemaVersion: 1, operations: [{ process: 0, key: 'l', f: 'append', value: 1, type: 'ok', invoke: 0, complete: 1 }] },
      results: [],
    });
    assert.deepEqual(data.ops.f, [3]);
  });

  test('self-contained and inert: no external resource, no markup from outside', () => {
    const html = page();
    assert.ok(
      !/<(script|link|img)[^>]+(src|href)=/i.test(html.replace(/<script id="data"[\s\S]*?<\/script>/, '')),
      'nothing loaded from anywhere',
    );
    // Exactly the two script elements the page has; the hostile text stays inside the JSON, escaped.
    assert.equal((html.match(/<script/g) ?? []).length, 2);
    assert.ok(!html.includes('<img src=x'));
    assert.ok(html.includes('Content-Security-Policy'));
    assert.equal(scriptJson('<\u2028'), '"\\u003c\\u2028"');
  });

  test('the CSP allows the inline script and style the page has, by their hashes, and nothing inline besides', () => {
    const html = page();
    assert.ok(!html.includes('unsafe-inline'), 'no unsafe-inline');
    const policy = csp(html);
    const script = /<script>([\s\S]*?)<\/script>/.exec(html)?.[1];
    const style = /<style>([\s\S]*?)<\/style>/.exec(html)?.[1];
    assert.ok(script && style);
    assert.deepEqual(policy.get('script-src'), [sha256(script)], 'the sha256 of the script text as inlined');
    assert.deepEqual(policy.get('style-src'), [sha256(style)], 'the sha256 of the style text as inlined');
    assert.deepEqual(policy.get('default-src'), ["'none'"]);
  });

  test('the inlined script is a fresh bundle of its TypeScript source', () => {
    assert.equal(
      readFileSync(join(import.meta.dirname, '..', '..', PAGE_SCRIPT_MODULE), 'utf8'),
      pageScriptModule(),
      `${PAGE_SCRIPT_MODULE} is stale: npm run build rewrites it from ${PAGE_SCRIPT_SOURCE}`,
    );
  });

  test('in a real browser: lanes, the fault band, the witness and its explanation, text only', (t) => {
    if (!needBrowser(t)) return;
    const { dom, data } = inBrowser(page());
    assert.equal(data.ready, 'true');
    assert.equal(data.lanes, '4');
    assert.equal(data['fault-bands'], '1');
    assert.equal(data.witness, '3', 'the stale read, the write it missed and the write it returned');
    assert.match(dom, /<section id="why">the read by client 2 via &lt;\/script&gt;/);
    assert.ok(!dom.includes('<img src=x'), 'hostile text stayed text');
  });

  test('in a real browser: a script or handler injected into the page does not run, the page still draws', (t) => {
    if (!needBrowser(t)) return;
    const injected = '<script>document.body.dataset.injected = "script"</script><svg onload="document.body.dataset.handler = 1"></svg>';
    const html = page().replace('</body>', `${injected}\n</body>`);
    assert.ok(html.includes(injected));
    const { data } = inBrowser(html);
    assert.equal(data.ready, 'true', "the page's own script ran");
    assert.equal(data.lanes, '4');
    assert.equal(data.injected, undefined, 'the injected script was blocked');
    assert.equal(data.handler, undefined, 'the injected handler was blocked');
  });

  test('in a real browser: 50 lanes scroll, the page opens on the violated key with its failing read in view', (t) => {
    if (!needBrowser(t)) return;
    const { dom, data } = inBrowser(crowded());
    assert.equal(data.ready, 'true');
    assert.equal(data.lanes, '50');
    assert.equal(data.scrollable, 'true', 'more lanes than fit: the lanes scroll');
    assert.equal(data.key, 'b', 'the violated key, not the undecided one listed first');
    assert.ok(Number(data.witness) >= 2);
    const first = Number(data['first-lane']);
    assert.ok(first > 0 && first <= 47, `scrolled down to client 47's read (first lane shown: ${first})`);
    assert.equal(data['overview-keys'], '3');
    assert.equal(data['ladder-models'], '2');
    assert.ok(!dom.includes('<img src=x'), 'a key from outside stays text in the overview');
    assert.match(dom, /class="key bad on"[^>]*>✗ b</);
  });

  test("in a real browser: a violated ladder model selects its witness's key and highlights its operations", (t) => {
    if (!needBrowser(t)) return;
    const { dom, data } = inBrowser(crowded(), '#model=read-your-writes');
    assert.equal(data.model, 'read-your-writes');
    assert.equal(data.key, 'b');
    assert.equal(data.witness, '2');
    assert.ok(Number(data['first-lane']) > 0, "client 47's read is in view");
    assert.match(dom, /<section id="why">read-your-writes violated: client 47 read &lt;\/script&gt;/);
    assert.match(dom, /class="model violated on"/);
    assert.ok(!dom.includes('<img src=x'));
  });
});
