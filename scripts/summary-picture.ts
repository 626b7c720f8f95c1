// The picture of a step summary's first screen (docs/summary-first-screen.png, which the README shows): a golden
// summary rendered to HTML roughly as GitHub renders a job summary, then the first 900 px screenshotted in headless
// Chromium. The Markdown is ours (test/fixtures/golden), so a small renderer of the parts the summary uses is enough:
// headings, paragraphs, lists, tables, alerts, <details> and <pre> blocks, bold and code spans, and the Mermaid
// Gantt chart drawn as bars. Nothing here is part of the product.
//
// Run: node --import tsx scripts/summary-picture.ts [GOLDEN.md] [OUT.png]
//   (defaults: test/fixtures/golden/summary-failing.md, docs/summary-first-screen.png; needs Chromium:
//    scripts/ensure-browser.sh installs one, REPLICHECK_CHROMIUM names another)
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const ROOT = join(import.meta.dirname, '..');
const WIDTH = 1012;
const HEIGHT = 900;

/** Bold and code spans; the rest is already HTML (the summary's escaping writes entities and <br>). */
function inline(text: string): string {
  return text.replace(/`([^`]+)`/g, '<code>$1</code>').replace(/\*\*(.+?)\*\*/g, '<strong>$1</strong>');
}

function table(lines: readonly string[]): string {
  const cells = (l: string): string[] =>
    l
      .slice(1, -1)
      .split('|')
      .map((c) => c.trim());
  const align = cells(lines[1]!).map((c) => (c.endsWith(':') ? ' style="text-align:right"' : ''));
  const row = (l: string, tag: string): string =>
    `<tr>${cells(l)
      .map((c, i) => `<${tag}${align[i] ?? ''}>${inline(c)}</${tag}>`)
      .join('')}</tr>`;
  return `<table><thead>${row(lines[0]!, 'th')}</thead><tbody>${lines
    .slice(2)
    .map((l) => row(l, 'td'))
    .join('')}</tbody></table>`;
}

/** The Mermaid Gantt chart as GitHub draws it, roughly: one bar per task on a shared time axis, failed ones red. */
function gantt(lines: readonly string[]): string {
  const tasks = lines
    .map((l) => /^\s+(.+?) :(crit, )?(\d+), (\d+)$/.exec(l))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => ({ name: m[1]!, crit: m[2] !== undefined, start: Number(m[3]), end: Number(m[4]) }));
  const end = Math.max(1, ...tasks.map((t) => t.end));
  const bars = tasks
    .map((t) => {
      const left = (t.start / end) * 100;
      const width = Math.max(0.4, ((t.end - t.start) / end) * 100);
      const bar = `<div class="bar${t.crit ? ' crit' : ''}" style="left:${left}%;width:${width}%"></div>`;
      return `<div class="task">${bar}<span style="left:${left}%">${t.name}</span></div>`;
    })
    .join('');
  return `<div class="gantt">${bars}</div>`;
}

/** Blocks of the summary, in order; a <details> hides what it holds until </details>, as a closed one does. */
function render(markdown: string): string {
  const lines = markdown.split('\n');
  const out: string[] = [];
  for (let i = 0; i < lines.length; i++) {
    const l = lines[i]!;
    const take = (test: (x: string) => boolean): string[] => {
      const block: string[] = [];
      while (i < lines.length && test(lines[i]!)) block.push(lines[i++]!);
      i--;
      return block;
    };
    if (l.trim() === '') continue;
    const heading = /^(#{1,4}) (.*)$/.exec(l);
    if (heading) out.push(`<h${heading[1]!.length}>${inline(heading[2]!)}</h${heading[1]!.length}>`);
    else if (l.startsWith('```mermaid')) {
      i++;
      out.push(gantt(take((x) => !x.startsWith('```'))));
      i++;
    } else if (l === '<pre>') {
      i++;
      out.push(`<pre>${take((x) => x !== '</pre>').join('\n')}</pre>`);
      i++;
    } else if (l.startsWith('<details') || l === '</details>') out.push(l);
    else if (l.startsWith('|')) out.push(table(take((x) => x.startsWith('|'))));
    else if (l.startsWith('- '))
      out.push(
        `<ul>${take((x) => x.startsWith('- '))
          .map((x) => `<li>${inline(x.slice(2))}</li>`)
          .join('')}</ul>`,
      );
    else if (l.startsWith('> [!')) {
      const kind = /^> \[!(\w+)\]/.exec(l)![1]!.toLowerCase();
      i++;
      const body = take((x) => x.startsWith('> ')).map((x) => inline(x.slice(2)));
      out.push(
        `<div class="alert ${kind}"><p class="title">${kind === 'caution' ? 'Caution' : 'Warning'}</p><p>${body.join(' ')}</p></div>`,
      );
    } else out.push(`<p>${inline(take((x) => x.trim() !== '' && !/^(#|\||<|```|> \[!|- )/.test(x)).join(' '))}</p>`);
  }
  return out.join('\n');
}

const STYLE = `
body { margin: 0; background: #f6f8fa; color: #1f2328;
  font: 14px/1.5 -apple-system, BlinkMacSystemFont, "Segoe UI", "Noto Sans", Helvetica, Arial, sans-serif; }
.box { margin: 16px; background: #fff; border: 1px solid #d0d7de; border-radius: 6px; }
.bar-title { padding: 12px 16px; border-bottom: 1px solid #d0d7de; font-weight: 600; }
.md { padding: 8px 24px 24px; }
h2 { font-size: 1.5em; border-bottom: 1px solid #d8dee4; padding-bottom: .3em; margin: 16px 0; }
h3 { font-size: 1.25em; margin: 24px 0 16px; } h4 { font-size: 1em; margin: 16px 0 8px; }
p, ul { margin: 0 0 16px; } ul { padding-left: 2em; } li + li { margin-top: .25em; }
code { background: rgba(175,184,193,.2); border-radius: 6px; padding: .2em .4em; font: 85% ui-monospace, SFMono-Regular, Menlo, monospace; }
pre { background: #f6f8fa; border-radius: 6px; padding: 16px; font: 85%/1.45 ui-monospace, SFMono-Regular, Menlo, monospace; overflow: auto;
  margin: 0 0 16px; white-space: pre; }
table { border-collapse: collapse; margin: 0 0 16px; display: block; overflow: auto; }
th, td { border: 1px solid #d0d7de; padding: 6px 13px; } th { font-weight: 600; } tr:nth-child(2n) td { background: #f6f8fa; }
details { margin: 0 0 16px; } summary { cursor: pointer; }
details:not([open]) > :not(summary) { display: none; }
.alert { border-left: .25em solid; padding: 8px 16px; margin: 0 0 16px; } .alert .title { font-weight: 500; margin-bottom: 4px; }
.alert.caution { border-color: #cf222e; } .alert.caution .title { color: #d1242f; }
.alert.warning { border-color: #9a6700; } .alert.warning .title { color: #9a6700; }
.gantt { position: relative; border: 1px solid #d0d7de; border-radius: 6px; padding: 8px 12px; margin: 0 0 16px; background: #fff; }
.task { position: relative; height: 24px; }
.task .bar { position: absolute; top: 4px; height: 16px; background: #8a90dd; border: 1px solid #534fbc; border-radius: 2px; }
.task .bar.crit { background: #ff8888; border-color: #ff0000; }
.task span { position: absolute; top: 3px; margin-left: 6px; font-size: 11px; white-space: nowrap; }
`;

/**
 * GitHub shows a <details> as the summary line and a marker; the renderer above puts each <details> line and its
 * body out as HTML, so the browser folds them as GitHub does.
 */
function page(markdown: string): string {
  const body = render(markdown);
  return `<!doctype html><html><head><meta charset="utf-8"><style>${STYLE}</style></head><body>
<div class="box"><div class="bar-title">replicheck summary</div><div class="md">${body}</div></div></body></html>`;
}

function browser(): string {
  const found =
    process.env.REPLICHECK_CHROMIUM ??
    ['chromium', 'chromium-browser', 'google-chrome'].find((b) => spawnSync('sh', ['-c', `command -v ${b}`]).status === 0);
  if (!found) throw new Error('No Chromium: run scripts/ensure-browser.sh, or set REPLICHECK_CHROMIUM.');
  return found;
}

const input = resolve(process.argv[2] ?? join(ROOT, 'test/fixtures/golden/summary-failing.md'));
const output = resolve(process.argv[3] ?? join(ROOT, 'docs/summary-first-screen.png'));
const html = join(mkdtempSync(join(tmpdir(), 'rc-summary-')), 'summary.html');
writeFileSync(html, page(readFileSync(input, 'utf8')));
const flags = ['--headless', '--no-sandbox', '--disable-gpu', '--hide-scrollbars', '--virtual-time-budget=2000'];
const r = spawnSync(browser(), [...flags, `--screenshot=${output}`, `--window-size=${WIDTH},${HEIGHT}`, `file://${html}`], {
  encoding: 'utf8',
  timeout: 60_000,
});
if (r.status !== 0) throw new Error(`chromium --screenshot failed: ${r.stderr.slice(-500)}`);
console.log(`${output} (first ${HEIGHT} px of ${input}, rendered at ${WIDTH} px wide)`);
