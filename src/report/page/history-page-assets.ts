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
#lanes { flex: 1; min-width: 0; overflow-y: auto; overflow-x: hidden; }
canvas { position: sticky; top: 0; display: block; width: 100%; cursor: grab; outline: none; }
nav { display: flex; flex-wrap: wrap; gap: 4px; align-items: center; margin-top: 6px; max-height: 4.6em; overflow: auto; }
nav button {
  font: 12px ui-monospace, monospace; padding: 1px 6px; border: 1px solid #d0d7de; border-radius: 10px;
  background: #f6f8fa; color: #1f2328; cursor: pointer;
}
nav button.good, nav button.held { color: #1a7f37; } nav button.bad, nav button.violated { color: #cf222e; border-color: #cf222e; }
nav button.unknown { color: #9a6700; } nav button.claim { font-weight: 700; } nav button:disabled { cursor: default; }
nav button.on { background: #ddf4ff; border-color: #0969da; }
nav[hidden], #ladder:empty { display: none; }
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
