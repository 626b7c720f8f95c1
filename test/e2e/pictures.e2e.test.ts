// The history page end to end: a workload run with a fault on the example cluster writes the page; a real headless
// browser opens it from disk, and what it rendered is checked: one lane per client, the fault's band, and for the
// asynchronous example under linearizable the witness highlighted with its explanation. A screenshot is kept as a
// test artifact (test/artifacts/).
import { test, describe } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { runMainAndPost, readReport } from '../support/runner.js';
import { needDocker, kvEnv, leavesNothing, uniqueProject } from '../support/docker.js';
import { bodyData, dumpDom, needBrowser, screenshot } from '../support/browser.js';

const PORTS = { KV_PORT_0: '16080', KV_PORT_2: '16082', KV_PORT_4: '16084' };
const SERVERS = 'http://localhost:16080,http://localhost:16082,http://localhost:16084';

describe('the history page', () => {
  test('a linearizable workload with a partition of kv_4 on the asynchronous example: page, lanes, fault band, witness', async (t) => {
    if (!needDocker(t) || !needBrowser(t)) return;
    const name = uniqueProject('rc-pictures', 'page');
    const inputs = {
      'working-directory': 'examples/kv',
      servers: SERVERS,
      'project-name': name,
      'startup-timeout': '60',
      // The clients run the whole workload-duration with the partition at a random moment inside it: long
      // enough for the asynchronous replication to be caught serving stale reads (30 of 30 runs without faults).
      faults: 'partition',
      'fault-targets': 'kv_4',
      'fault-schedule': 'random',
      'fault-duration': '1.5',
      workload: 'register',
      consistency: 'linearizable',
      'workload-duration': '5',
      'workload-clients': '5',
      'workload-keys': '2',
      'convergence-timeout': '3',
    };
    const { main } = await leavesNothing(name, () => runMainAndPost(inputs, { env: { ...kvEnv('healthy'), ...PORTS } }));
    const r = readReport(main);
    const page = main.outputs['history-html']!;
    assert.ok(page && existsSync(page), `output history-html: ${page}`);
    assert.equal(r.workload?.history?.html, page, 'the JSON report names the page too');
    assert.match(main.summary, /\*\*See it:\*\* the history page/);
    assert.match(main.summary, /```mermaid\ngantt\n/);
    const html = readFileSync(page, 'utf8');
    assert.ok(!/<(script|link|img)[^>]+(src|href)=/i.test(html), 'self-contained: nothing loaded from anywhere');
    // The built page's CSP lets its own inline script run by its hash, and no other inline script.
    const script = /<script>([\s\S]*?)<\/script>/.exec(html)![1]!;
    const policy = /<meta http-equiv="Content-Security-Policy" content="([^"]*)">/.exec(html)![1]!;
    assert.ok(!policy.includes('unsafe-inline'), policy);
    assert.ok(policy.includes(`script-src 'sha256-${createHash('sha256').update(script).digest('base64')}';`), policy);

    const dom = dumpDom(page);
    const data = bodyData(dom);
    assert.equal(data.ready, 'true', 'the script ran');
    assert.equal(Number(data.lanes), 5, 'one lane per client');
    assert.ok(Number(data['fault-bands']) >= 1, 'the pause is a band');
    // The default (asynchronous) example is not linearizable: the page opens on a failed key, witness highlighted.
    assert.equal(r.verdict, 'failed');
    assert.ok(Number(data.witness) > 0, 'the witness operations are highlighted');
    const why = /<section id="why"([^>]*)>([\s\S]*?)<\/section>/.exec(dom)!;
    assert.ok(!/hidden/.test(why[1]!), 'the explanation is shown');
    // The page opens on a key that failed (the first in the history's order), and shows its explanation as text.
    const shown = why[2]!
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"')
      .replace(/&amp;/g, '&');
    const explained = r.workload!.keyResults.filter((k) => !k.passed && k.witness).map((k) => k.witness!.explanation);
    assert.ok(
      explained.some((e) => shown.startsWith(e)),
      `shown: ${shown.slice(0, 200)}`,
    );
    const png = screenshot(page, 'history-page.png');
    assert.ok(readFileSync(png).length > 10_000, 'a real picture');
  });
});
