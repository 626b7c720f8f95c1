// The history page as a file: self-contained, hostile text inert, compact data; and in a real browser (when there
// is one) the lanes, bands and witness it draws.
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { renderHistoryPage, scriptJson } from '../../src/report/page/history-page.js';
import { checkHistory, type History } from '../../src/linearizability/index.js';
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

function inBrowser(html: string): { dom: string; data: Record<string, string> } {
  const file = join(mkdtempSync(join(tmpdir(), 'rc-page-')), 'page.html');
  writeFileSync(file, html);
  const dom = dumpDom(file);
  return { dom, data: bodyData(dom) };
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
});
