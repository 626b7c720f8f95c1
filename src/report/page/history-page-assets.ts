// The inline style of the history page (history-page.ts), kept as text here so the page stays one self-contained
// file. Its script is TypeScript in browser/, inlined from page-script.generated.ts.

export const PAGE_STYLE = `
:root { font: 13px/1.4 system-ui, sans-serif; color: #1f2328; background: #fff; }
body { margin: 0; display: flex; flex-direction: column; height: 100vh; }
header { padding: 8px 12px; border-bottom: 1px solid #d0d7de; }
h1 { font-size: 15px; margin: 0 0 6px; }
#controls { display: flex; gap: 12px; align-items: center; flex-wrap: wrap; }
.hint, .muted { color: #656d76; }
#verdict.bad { color: #cf222e; font-weight: 600; } #verdict.good { color: #1a7f37; font-weight: 600; }
#why { padding: 8px 12px; background: #fff8c5; border-bottom: 1px solid #d4a72c; white-space: pre-wrap; }
main { flex: 1; display: flex; min-height: 0; }
canvas { flex: 1; min-width: 0; height: 100%; cursor: grab; outline: none; }
aside {
  width: 300px; padding: 8px 12px; border-left: 1px solid #d0d7de; overflow: auto;
  font-family: ui-monospace, monospace; font-size: 12px; white-space: pre-wrap; word-break: break-all;
}
#legend { padding: 6px 12px; border-top: 1px solid #d0d7de; color: #656d76; }
.sw { display: inline-block; width: 12px; height: 10px; margin: 0 4px 0 10px; vertical-align: middle; border: 1px solid #888; }
.sw.ok { background: #2da44e; } .sw.fail { background: #8c959f; } .sw.info { background: #d4a72c; }
.sw.fault { background: rgba(207, 34, 46, 0.15); } .sw.witness { border: 2px solid #cf222e; } .sw.prefix { background: #0969da; }
#final { padding: 8px 12px; border-top: 1px solid #d0d7de; max-height: 30vh; overflow: auto; }
table { border-collapse: collapse; }
td, th { border: 1px solid #d0d7de; padding: 2px 6px; text-align: left; font-family: ui-monospace, monospace; font-size: 12px; }
`;
