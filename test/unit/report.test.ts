import { test, describe } from 'node:test';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import assert from 'node:assert/strict';
import { renderSummary, SUMMARY_LIMIT } from '../../src/report/summary.js';
import { buildAnnotations, MAX_ANNOTATIONS } from '../../src/report/annotations.js';
import { escapeInline, escapeMarkdown, escapePre } from '../../src/report/escape.js';
import { markdownTable, markup, right, strong } from '../../src/report/markdown.js';
import { renderText } from '../../src/report/text.js';
import { check, resultWith } from '../support/result.js';
import { emptyResult } from '../../src/model/empty.js';

const failedCheck = check({
  id: 'replication:kv_0->kv_2',
  title: 'Replication: kv_2 never returned the value written on kv_0',
  status: 'failed',
  service: 'kv_2',
  node: 'kv_2',
  detail: 'kv_2 never returned the value written on kv_0 within 10000 ms.',
  expected: 'v1',
  actual: { status: 404, bodyPreview: 'not found', bodyBytes: 9 },
  waitedMs: 10_000,
});

describe('step summary', () => {
  test('has the verdict, the check table, the convergence matrix, nodes and the timeline', () => {
    const text = renderSummary(
      resultWith([check({ id: 'a', title: 'Replication: kv_0 ok', status: 'passed', node: 'kv_0' }), failedCheck]),
    );
    assert.match(text, /^## ❌ Replicheck failed: 1 of 2 checks failed\n\n### ❌ Failed checks \(1 of 2\)\n\n/);
    // The failed check and its cause come first, the passed ones folded after them, then the timeline.
    assert.match(text, /\*\*Replication: kv_2 never returned the value written on kv_0\*\* \(kv_2, 12 ms\)\n\n.*Expected: "v1"\./);
    const passed = text.indexOf('<details><summary>✅ 1 passed check</summary>');
    assert.ok(text.indexOf('Expected: "v1"') < passed && passed < text.indexOf('| ✅ | Replication: kv_0 ok'));
    assert.ok(text.indexOf('</details>') < text.indexOf('```mermaid'));
    assert.match(text, /\| \| Check \| Node \| Time \| Detail \|/);
    assert.match(text, /\| writer \\ reader \| kv_0 \| kv_2 \|/);
    assert.match(text, /\| \*\*kv_2\*\* \| ❌ never \| 2 \|/);
    assert.match(text, /Slowest: 20 ms/);
    assert.match(text, /### Timeline/);
    assert.match(text, /\| up \| 100 ms \| 3\.00 s \| 2\.90 s \| ✅ \|/);
    assert.match(text, /Teardown removed every container/);
  });

  test('a bad-input run says only what was wrong: no project, no checks, no teardown', () => {
    const errors = [{ message: "Input 'servers': 'ftp://x' is not an HTTP(S) URL.", fix: 'Use http:// URLs.', input: 'servers' }];
    const text = renderSummary(emptyResult('0.0.0', errors, '2026-01-01T00:00:00.000Z'));
    assert.match(text, /^## ❌ Replicheck did not run: an input is not valid\n/);
    assert.match(text, /> Input 'servers': 'ftp&#58;\/\/x' is not an HTTP\(S\) URL\. Use http&#58;\/\/ URLs\./);
    for (const absent of ['Project', 'Teardown', 'nodes', 'Checks', 'Timeline']) assert.ok(!text.includes(absent), absent);
  });

  test('a passing run says so', () => {
    const text = renderSummary(
      resultWith([check({ id: 'a', title: 'ok', status: 'passed' })], { convergence: { writers: ['a'], readers: ['a'], ms: [[3]] } }),
    );
    assert.match(text, /^## ✅ Replicheck passed: 1 checks on 2 nodes/);
  });

  test('untrusted text cannot break the table or inject links, images or HTML', () => {
    const evil =
      '| x | <img src=x onerror=alert(1)> ![i](http://e/x.png) [l](http://e) ' +
      'http://e.com www.e.com a@b.co `code` **b** \n## h\r\n::error::pwned';
    const text = renderSummary(
      resultWith(
        [
          check({ id: 'e', title: evil, status: 'failed', detail: evil, actual: { status: 200, bodyPreview: evil, bodyBytes: 5 } }),
          check({ id: 'p', title: evil, status: 'passed', detail: evil }),
        ],
        { logs: [{ service: 'kv_0', text: `${evil}\n</pre><script>x</script>` }] },
      ),
    );
    // The failed check's title is one line of bold text, its cause one paragraph, its extra lines a <pre> block.
    const lines = text.split('\n');
    const title = lines.findIndex((l) => l.startsWith('**&#124; x'));
    assert.ok(title > 0 && lines[title]!.endsWith('** (12 ms)'), lines[title]);
    assert.ok(lines[title + 2]!.includes('Last answer: HTTP 200'));
    assert.equal(lines[title + 4], '<pre>');
    // The same text as a passed check: a table row whose every '|' is a cell border (escaped pipes are entities).
    const tableRows = lines.filter((l) => l.startsWith('| ✅'));
    assert.equal(tableRows.length, 1);
    assert.equal(tableRows[0]!.split('|').length - 2, 5, 'the row keeps exactly five cells');
    // Outside the <pre> blocks Markdown is live, so nothing active may survive there.
    const pres = [...text.matchAll(/<pre>([\s\S]*?)<\/pre>/g)].map((m) => m[1]!);
    assert.equal(pres.length, 2, "the failed check's extra lines and the log");
    const markdown = text.replace(/<pre>[\s\S]*?<\/pre>/g, '');
    for (const bad of ['<img', '<script', '](', 'http://', 'www.e', '`code`', '**b**', '\n## h'])
      assert.ok(!markdown.includes(bad), `found ${bad}`);
    // Inside <pre> (an HTML block, where Markdown is not parsed) only the HTML must be inert.
    for (const pre of pres) assert.ok(!pre.includes('<'), 'raw < inside a <pre> block');
  });

  test('fuzz: random strings never add table cells, tags, or lines', () => {
    let seed = 42;
    const rand = (): number => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const alphabet = [
      '|',
      '<',
      '>',
      '&',
      '[',
      ']',
      '(',
      ')',
      '!',
      '`',
      '*',
      '_',
      '\n',
      '\r',
      '\\',
      ':',
      '/',
      '.',
      'a',
      ' ',
      '#',
      '"',
      "'",
      '\u0000',
      '\u2028',
      'é',
      '😀',
    ];
    for (let i = 0; i < 500; i++) {
      const s = Array.from({ length: 1 + Math.floor(rand() * 40) }, () => alphabet[Math.floor(rand() * alphabet.length)]).join('');
      const e = escapeMarkdown(s);
      assert.ok(!/[|<>\n\r[\]`*!]/.test(e.replace(/<br>/g, '')), `unsafe output for ${JSON.stringify(s)}: ${e}`);
      const p = escapePre(s);
      assert.ok(!/[<>]/.test(p), `unsafe pre for ${JSON.stringify(s)}`);
    }
  });

  test('stays under the 1 MiB limit with huge logs', () => {
    const big = 'x'.repeat(2000);
    const logs = Array.from({ length: 30 }, (_, i) => ({ service: `s${i}`, text: Array.from({ length: 50 }, () => big).join('\n') }));
    const text = renderSummary(resultWith([failedCheck], { logs }));
    assert.ok(Buffer.byteLength(text) < SUMMARY_LIMIT);
    assert.match(text, /left out to keep the summary under the 1 MiB limit/);
  });
});

describe('markdown tables', () => {
  test('header, alignment row and one line per row; empty cells are one space', () => {
    assert.deepEqual(
      markdownTable(
        ['', 'Name', right('Took')],
        [
          ['✅', 'kv_0', '12 ms'],
          ['❌', '', 3],
        ],
      ),
      ['| | Name | Took |', '|---|---|---:|', '| ✅ | kv_0 | 12 ms |', '| ❌ | | 3 |'],
    );
  });

  test('text cells and headers are escaped; only markup the reporter built passes as it is', () => {
    const evil = 'a | b <i>x</i> [l](http://e) **c**\nd';
    const [header, , row] = markdownTable([evil, right(evil)], [[evil, strong(evil)]]);
    for (const line of [header!, row!]) {
      assert.equal(line.split('|').length - 2, 2, `two cells in ${line}`);
      for (const bad of ['<i>', '](', 'http://', '**c**', '\n']) assert.ok(!line.includes(bad), `found ${bad} in ${line}`);
    }
    assert.ok(row!.includes('| **a &#124; b'), 'strong() wraps the escaped text');
    assert.deepEqual(markdownTable([{ header: markup('w \\ r') }], [[markup('_x_')]]), ['| w \\ r |', '|---|', '| _x_ |']);
  });

  test('a cell never starts a line, so a leading number or dash is left readable', () => {
    assert.equal(escapeInline('2.90 s'), '2.90 s');
    assert.equal(escapeMarkdown('2.90 s'), '&#50;.90 s');
    assert.deepEqual(markdownTable(['a'], [['- 1. # x']]).at(-1), '| - 1. # x |');
  });

  test('every table of the reports is built by the helper, so none escapes its escaping', () => {
    const dir = fileURLToPath(new URL('../../src/report/', import.meta.url));
    for (const file of readdirSync(dir).filter((f) => f.endsWith('.ts') && f !== 'markdown.ts')) {
      const source = readFileSync(join(dir, file), 'utf8');
      assert.ok(!/\|\s*-{3}/.test(source), `${file} writes a table delimiter row itself`);
    }
  });

  test('a row with the wrong number of cells is a mistake, not a quietly padded table', () => {
    assert.throws(() => markdownTable(['a', 'b'], [['1']]), /Table row 0 has 1 cells for 2 columns/);
  });
});

describe('annotations', () => {
  test('one error per failed check, pointed at the service line relative to the workspace', () => {
    const a = buildAnnotations(resultWith([failedCheck]), '/ws');
    assert.equal(a.length, 1);
    assert.equal(a[0]!.title, 'Replication: kv_2 never returned the value written on kv_0');
    assert.equal(a[0]!.file, 'examples/kv/docker-compose.yml');
    assert.equal(a[0]!.startLine, 12);
    assert.match(a[0]!.message, /Expected: "v1"\. Last answer: HTTP 404 with body "not found"\. Waited 10\.0 s\./);
  });

  test('no file outside the workspace', () => {
    const a = buildAnnotations(resultWith([failedCheck]), '/elsewhere');
    assert.equal(a[0]!.file, undefined);
  });

  test('more than ten failures are folded into the tenth', () => {
    const many = Array.from({ length: 14 }, (_, i) => check({ id: `c${i}`, title: `failure ${i}`, status: 'failed' }));
    const a = buildAnnotations(resultWith(many), '/ws');
    assert.equal(a.length, MAX_ANNOTATIONS);
    assert.equal(a[9]!.title, 'Replicheck: 5 more failures');
    assert.match(a[9]!.message, /- failure 9\n- failure 10/);
  });

  test('run errors name the input', () => {
    const a = buildAnnotations(
      resultWith([], { errors: [{ message: "Input 'servers': is empty.", fix: 'List them.', input: 'servers' }] }),
      '/ws',
    );
    assert.equal(a[0]!.title, "Replicheck: input 'servers'");
    assert.match(a[0]!.message, /is empty\. List them\./);
  });
});

describe('text rendering', () => {
  test('lists checks, matrix and the verdict, one line per untrusted value', () => {
    const text = renderText(resultWith([failedCheck]));
    assert.match(text, /✗ Replication: kv_2 never returned the value written on kv_0/);
    assert.match(text, /kv_2 +never +2/);
    assert.match(
      text,
      /^Replicheck failed: 1 of 1 checks failed\nFailed \(1 of 1\)\n {2}✗ Replication: kv_2 never/,
      'the verdict and the cause first',
    );
    assert.match(text, /Replicheck failed: 1 of 1 checks failed$/);
    const withNewline = renderText(resultWith([check({ id: 'x', title: 'a\n::error::b', status: 'failed' })]));
    assert.ok(!withNewline.split('\n').some((l) => l.trimStart().startsWith('::error')));
  });
});
