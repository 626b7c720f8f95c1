// The history page as a file: self-contained, hostile text inert, compact data; and in a real browser (when there
// is one) the lanes, bands and witness it draws.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { renderHistoryPage, scriptJson } from '../../src/report/page/history-page.js';
import { checkHistory, type History } from '../../src/linearizability/index.js';
import { bodyData, dumpDom, needBrowser } from '../support/browser.js';

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

describe('history page', () => {
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

  test('in a real browser: lanes, the fault band, the witness and its explanation, text only', (t) => {
    if (!needBrowser(t)) return;
    const dir = mkdtempSync(join(tmpdir(), 'rc-page-'));
    const file = join(dir, 'page.html');
    writeFileSync(file, page());
    const dom = dumpDom(file);
    const data = bodyData(dom);
    assert.equal(data.ready, 'true');
    assert.equal(data.lanes, '4');
    assert.equal(data['fault-bands'], '1');
    assert.equal(data.witness, '3', 'the stale read, the write it missed and the write it returned');
    assert.match(dom, /<section id="why">the read by client 2 via &lt;\/script&gt;/);
    assert.ok(!dom.includes('<img src=x'), 'hostile text stayed text');
  });
});
