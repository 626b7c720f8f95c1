export const id = 399;
export const ids = [399];
export const modules = {

/***/ 9399:
/***/ ((__unused_webpack_module, __webpack_exports__, __webpack_require__) => {

// ESM COMPAT FLAG
__webpack_require__.r(__webpack_exports__);

// EXPORTS
__webpack_require__.d(__webpack_exports__, {
  fileHistorySink: () => (/* binding */ fileHistorySink),
  historyPaths: () => (/* binding */ historyPaths)
});

// EXTERNAL MODULE: external "node:fs/promises"
var promises_ = __webpack_require__(1455);
// EXTERNAL MODULE: external "node:path"
var external_node_path_ = __webpack_require__(6760);
// EXTERNAL MODULE: ./src/linearizability/index.ts + 13 modules
var linearizability = __webpack_require__(4944);
// EXTERNAL MODULE: external "node:crypto"
var external_node_crypto_ = __webpack_require__(7598);
// EXTERNAL MODULE: ./src/consistency/eventual.ts
var eventual = __webpack_require__(7176);
;// CONCATENATED MODULE: ./src/report/page/history-page-assets.ts
// The inline style of the history page (history-page.ts), kept as text here so the page stays one self-contained
// file. Its script is TypeScript in browser/, inlined from page-script.generated.ts.
const PAGE_STYLE = `
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

;// CONCATENATED MODULE: ./src/report/page/page-script.generated.ts
// Generated from browser/history-page.ts by scripts/page-script.ts (`npm run build` rewrites it): do not edit.
// test/unit/history-page.test.ts fails when this is not a fresh bundle of that source. esbuild joins a wrapped
// expression into one line, so the bundle's lines may be longer than the source's.
/* eslint-disable max-len */
const PAGE_SCRIPT = `"use strict";
(() => {
  // src/report/page/browser/history-page.ts
  function $(id, type) {
    const element = document.getElementById(id);
    if (!(element instanceof type)) throw new Error(\`the page has no #\${id}\`);
    return element;
  }
  var D = JSON.parse($("data", HTMLScriptElement).textContent ?? "");
  var O = D.ops;
  var n = O.i.length;
  var canvas = $("chart", HTMLCanvasElement);
  var scroller = $("lanes", HTMLElement);
  var spacer = $("spacer", HTMLElement);
  var g = canvas.getContext("2d") ?? fail("no 2d canvas");
  var LANE = 22;
  var TOP = 24;
  var LEFT = 70;
  var AXIS = 22;
  var FN = ["R", "W", "C", "A"];
  var FN_NAME = ["read", "write", "cas", "append"];
  var COLOR = ["#2da44e", "#8c959f", "#d4a72c"];
  var ICON = { held: "\\u2713", violated: "\\u2717", unknown: "?" };
  var lanes = D.processes.length;
  document.body.dataset.lanes = String(lanes);
  document.body.dataset.operations = String(n);
  $("title", HTMLElement).textContent = D.title;
  var bands = faultBands();
  document.body.dataset.faultBands = String(bands.length);
  var results = new Map(D.results.map((r) => [r.key, r]));
  var byKey = D.keys.map(() => []);
  for (let i = 0; i < n; i++) byKey[O.k[i]].push(i);
  var select = $("key", HTMLSelectElement);
  D.keys.forEach((k, i) => {
    const o = document.createElement("option");
    const r = results.get(k);
    o.value = String(i);
    o.textContent = k + " (" + byKey[i].length + " ops" + (r ? ", " + r.verdict : "") + ")";
    select.appendChild(o);
  });
  var key = firstKey();
  var x0 = 0;
  var x1 = D.end;
  var y0 = 0;
  var hover = -1;
  var pinned = -1;
  var shown = { witness: /* @__PURE__ */ new Set(), prefix: /* @__PURE__ */ new Set(), extra: [] };
  var W = () => canvas.clientWidth;
  var H = () => canvas.clientHeight;
  var sx = (t) => LEFT + (t - x0) / (x1 - x0) * (W() - LEFT - 8);
  var tx = (px) => x0 + (px - LEFT) / (W() - LEFT - 8) * (x1 - x0);
  var endOf = (i) => O.c[i] < 0 ? D.end : O.c[i];
  var laneY = (lane) => TOP + lane * LANE - y0;
  var overflows = () => TOP + lanes * LANE + AXIS > scroller.clientHeight;
  function fail(message) {
    throw new Error(message);
  }
  function firstKey() {
    const violated = D.keys.findIndex((k) => {
      const r = results.get(k);
      return r !== void 0 && !r.passed && r.verdict !== "unknown";
    });
    if (violated >= 0) return violated;
    const failed = D.keys.findIndex((k) => results.get(k)?.passed === false);
    return failed >= 0 ? failed : 0;
  }
  function faultBands() {
    const found = [];
    const open = /* @__PURE__ */ new Map();
    for (const e of D.nemesis) {
      const id = e.fault + " " + e.target;
      const start = open.get(id);
      if (e.f === "start") open.set(id, e.time);
      else if (start !== void 0) {
        found.push({ label: id, start, end: e.time });
        open.delete(id);
      }
    }
    for (const [id, start] of open) found.push({ label: id, start, end: D.end });
    return found;
  }
  function stateOf(r) {
    if (!r) return "none";
    return r.passed ? "good" : r.verdict === "unknown" ? "unknown" : "bad";
  }
  var OVERVIEW_MAX = 500;
  function buildOverview() {
    const box = $("keys", HTMLElement);
    const list = D.keys.slice(0, OVERVIEW_MAX);
    list.forEach((k, i) => {
      const r = results.get(k);
      const b = document.createElement("button");
      b.type = "button";
      b.className = "key " + stateOf(r);
      b.dataset.index = String(i);
      b.textContent = ({ good: "\\u2713 ", bad: "\\u2717 ", unknown: "? ", none: "" }[stateOf(r)] ?? "") + k;
      b.title = (r ? r.verdict + ", " : "") + byKey[i].length + " operations";
      b.addEventListener("click", () => selectKey(i));
      box.appendChild(b);
    });
    if (D.keys.length > list.length) {
      const more = document.createElement("span");
      more.className = "muted";
      more.textContent = " \\u2026 " + (D.keys.length - list.length) + " more keys in the selector";
      box.appendChild(more);
    }
    document.body.dataset.overviewKeys = String(list.length);
  }
  function buildLadder() {
    const box = $("ladder", HTMLElement);
    const L = D.ladder;
    if (!L) {
      box.hidden = true;
      return;
    }
    const head = document.createElement("span");
    head.className = "muted";
    head.textContent = "Consistency (claim " + L.claim + ", " + L.sessions + " sessions): " + (L.strongest ? "strongest held " + L.strongest : "none held");
    box.appendChild(head);
    for (const m of L.models) {
      const b = document.createElement("button");
      b.type = "button";
      b.className = "model " + m.verdict + (m.model === L.claim ? " claim" : "");
      b.dataset.model = m.model;
      b.textContent = (ICON[m.verdict] ?? "") + " " + m.model;
      b.title = m.verdict + (m.text ? ": " + m.text : "");
      b.disabled = m.verdict !== "violated" && !m.text;
      b.addEventListener("click", () => showModel(m));
      box.appendChild(b);
    }
    document.body.dataset.ladderModels = String(L.models.length);
  }
  function selectKey(k) {
    key = k;
    select.value = String(k);
    x0 = 0;
    x1 = D.end;
    pinned = -1;
    show(-1);
    showKey();
  }
  function showKey() {
    const r = results.get(D.keys[key]);
    const w = r?.witness;
    shown = { witness: new Set(w ? w.ops : []), prefix: new Set(w ? w.prefix : []), extra: [], ...w ? { focus: w.failing } : {} };
    const v = $("verdict", HTMLElement);
    v.textContent = r ? r.verdict : "";
    v.className = r ? r.passed ? "good" : "bad" : "";
    showWhy(r);
    showFinal(r);
    focusWitness();
  }
  function showModel(m) {
    const ops = m.ops ?? [];
    const at2 = m.key !== void 0 ? D.keys.indexOf(m.key) : ops.length > 0 ? O.k[ops[0]] : -1;
    if (at2 >= 0) {
      key = at2;
      select.value = String(at2);
    }
    x0 = 0;
    x1 = D.end;
    pinned = -1;
    show(-1);
    const focus = ops.at(-1);
    shown = {
      witness: new Set(ops),
      prefix: /* @__PURE__ */ new Set(),
      extra: ops.filter((i) => O.k[i] !== key),
      model: m.model,
      ...focus !== void 0 ? { focus } : {}
    };
    const v = $("verdict", HTMLElement);
    v.textContent = m.model + " " + m.verdict;
    v.className = m.verdict === "held" ? "good" : "bad";
    const why = $("why", HTMLElement);
    why.hidden = false;
    why.textContent = m.model + " " + m.verdict + (m.text ? ": " + m.text : "");
    $("final", HTMLElement).hidden = true;
    focusWitness();
  }
  function focusWitness() {
    const w = shown.witness;
    document.body.dataset.witness = String(w.size);
    document.body.dataset.key = D.keys[key] ?? "";
    document.body.dataset.model = shown.model ?? "";
    for (const b of document.querySelectorAll("#keys .key")) b.classList.toggle("on", b.dataset.index === String(key));
    for (const b of document.querySelectorAll("#ladder .model")) b.classList.toggle("on", b.dataset.model === shown.model);
    if (w.size > 0) {
      let a = Infinity;
      let b = -Infinity;
      let top = Infinity;
      let bottom = -Infinity;
      for (const i of w) {
        a = Math.min(a, O.i[i]);
        b = Math.max(b, endOf(i));
        top = Math.min(top, O.p[i]);
        bottom = Math.max(bottom, O.p[i]);
      }
      const pad = Math.max((b - a) * 0.5, 1);
      x0 = Math.max(0, a - pad);
      x1 = Math.min(D.end, b + pad);
      scrollToLanes(top, bottom, shown.focus !== void 0 ? O.p[shown.focus] : bottom);
    }
    draw();
  }
  function scrollToLanes(top, bottom, focus) {
    layout();
    const view = scroller.clientHeight - TOP - AXIS;
    const from = top * LANE;
    const to = (bottom + 1) * LANE;
    if (from >= y0 && to <= y0 + view) return;
    const want = to - from <= view ? from - (view - (to - from)) / 2 : focus * LANE - view / 3;
    scroller.scrollTop = Math.max(0, Math.round(want / LANE) * LANE);
    y0 = scroller.scrollTop;
  }
  function showWhy(r) {
    const why = $("why", HTMLElement);
    if (r && !r.passed) {
      why.hidden = false;
      const w = r.witness;
      why.textContent = w ? w.explanation + (w.placed ? "\\nThe longest order found placed " + w.placed + " operation(s) (its end is marked in blue) before it got stuck." : "") : r.detail;
    } else why.hidden = true;
  }
  function showFinal(r) {
    const fin = $("final", HTMLElement);
    fin.replaceChildren();
    if (r?.nodeValues) {
      fin.hidden = false;
      const t = document.createElement("table");
      const row = (cells, th) => {
        const tr = document.createElement("tr");
        for (const c of cells) {
          const td = document.createElement(th ? "th" : "td");
          td.textContent = c;
          tr.appendChild(td);
        }
        t.appendChild(tr);
      };
      row(["node", "final value"], true);
      for (const nv of r.nodeValues) row([nv.node, nv.value]);
      const p = document.createElement("p");
      p.textContent = "Values that could legally be last: " + (r.legal && r.legal.length ? r.legal.join(", ") : "(none)");
      fin.append(t, p);
    } else fin.hidden = true;
  }
  function layout() {
    spacer.style.height = Math.max(0, TOP + lanes * LANE + AXIS - scroller.clientHeight) + "px";
    canvas.style.height = scroller.clientHeight + "px";
    document.body.dataset.scrollable = String(overflows());
    $("hint", HTMLElement).textContent = overflows() ? "wheel: scroll the lanes \\xB7 ctrl+wheel: zoom \\xB7 shift+wheel or drag: pan \\xB7 click: pin an operation" : "wheel: zoom \\xB7 shift+wheel or drag: pan \\xB7 click: pin an operation";
  }
  function draw() {
    layout();
    const dpr = window.devicePixelRatio || 1;
    canvas.width = W() * dpr;
    canvas.height = H() * dpr;
    g.setTransform(dpr, 0, 0, dpr, 0, 0);
    g.clearRect(0, 0, W(), H());
    g.font = "11px system-ui, sans-serif";
    const bottom = Math.min(H() - AXIS, laneY(lanes));
    for (const b of bands) {
      const a = Math.max(sx(b.start), LEFT);
      const e = Math.min(sx(b.end), W());
      if (e < LEFT || a > W()) continue;
      g.fillStyle = "rgba(207, 34, 46, 0.12)";
      g.fillRect(a, TOP, Math.max(1, e - a), Math.max(0, bottom - TOP));
    }
    const first = Math.max(0, Math.floor(y0 / LANE));
    const last = Math.min(lanes - 1, Math.ceil((y0 + H()) / LANE));
    document.body.dataset.firstLane = String(first);
    g.fillStyle = "#656d76";
    for (let l = first; l <= last; l++) g.fillText("client " + D.processes[l], 4, laneY(l) + 15);
    const pxPerMs = (W() - LEFT - 8) / (x1 - x0);
    for (const i of byKey[key]) drawOperation(i, pxPerMs);
    for (const i of shown.extra) drawOperation(i, pxPerMs);
    drawFrame(bottom);
  }
  function drawFrame(bottom) {
    g.fillStyle = "#fff";
    g.fillRect(0, 0, W(), TOP);
    g.fillRect(0, bottom, W(), H() - bottom);
    for (const b of bands) {
      const a = Math.max(sx(b.start), LEFT);
      if (sx(b.end) < LEFT || a > W()) continue;
      g.fillStyle = "#cf222e";
      g.fillText(b.label, a + 3, TOP - 6);
    }
    g.fillStyle = "#656d76";
    g.fillText(x0.toFixed(1) + " ms", LEFT, bottom + 14);
    const r = x1.toFixed(1) + " ms";
    g.fillText(r, W() - 8 - g.measureText(r).width, bottom + 14);
    if (overflows()) {
      const top = Math.min(lanes - 1, Math.floor(y0 / LANE));
      const end = Math.max(top, Math.min(lanes - 1, Math.floor((y0 + bottom - TOP - 1) / LANE)));
      const note = "clients " + D.processes[top] + "\\u2013" + D.processes[end] + " of " + lanes + " lanes (scroll for the rest)";
      g.fillText(note, LEFT + (W() - LEFT) / 2 - g.measureText(note).width / 2, bottom + 14);
    }
  }
  function drawOperation(i, pxPerMs) {
    const s = O.i[i];
    const e = endOf(i);
    const y = laneY(O.p[i]) + 3;
    if (e < x0 || s > x1 || y + LANE < TOP || y > H()) return;
    const a = Math.max(sx(s), LEFT);
    const b = Math.min(sx(e), W());
    const h = LANE - 6;
    const w = Math.max(2, b - a);
    g.fillStyle = COLOR[O.t[i]];
    if (O.c[i] < 0) {
      g.fillRect(a, y, Math.min(w, 10), h);
      g.fillRect(a, y + h / 2 - 1, w, 2);
    } else g.fillRect(a, y, w, h);
    if (O.f[i] === 2 && !O.s[i]) {
      g.fillStyle = "rgba(255,255,255,0.5)";
      g.fillRect(a, y + h / 2, w, h / 2);
    }
    if (O.f[i] === 3) {
      g.fillStyle = "#1f2328";
      g.fillRect(a, y, 3, h);
    }
    if (shown.prefix.has(i)) {
      g.fillStyle = "#0969da";
      g.fillRect(a, y + h - 3, w, 3);
    }
    if (shown.witness.has(i)) {
      g.strokeStyle = "#cf222e";
      g.lineWidth = 2;
      g.strokeRect(a - 1, y - 1, w + 2, h + 2);
    }
    if (i === hover || i === pinned) {
      g.strokeStyle = "#1f2328";
      g.lineWidth = 1;
      g.strokeRect(a - 2, y - 2, w + 4, h + 4);
    }
    if (w > 14) {
      g.fillStyle = "#fff";
      g.fillText(FN[O.f[i]], a + 4, y + h - 4);
    }
    if (w > 60 && pxPerMs > 0) {
      g.fillStyle = "#fff";
      g.fillText(D.values[O.v[i]].slice(0, Math.floor((w - 18) / 6)), a + 15, y + h - 4);
    }
  }
  function at(px, py) {
    const lane = Math.floor((py + y0 - TOP) / LANE);
    if (py < TOP || lane < 0 || lane >= lanes) return -1;
    const t = tx(px);
    const slack = 3 * (x1 - x0) / (W() - LEFT);
    let best = -1;
    for (const list of [byKey[key], shown.extra])
      for (const i of list) if (O.p[i] === lane && O.i[i] - slack <= t && t <= endOf(i) + slack) best = i;
    return best;
  }
  function show(i) {
    const d = $("detail", HTMLElement);
    if (i < 0) {
      d.textContent = "Point at an operation to see it.";
      return;
    }
    const T = ["ok", "fail", "info (unknown)"][O.t[i]];
    const lines = [
      "operation #" + i,
      "client   " + D.processes[O.p[i]],
      "node     " + (O.n[i] >= 0 ? D.nodes[O.n[i]] : "?"),
      "key      " + D.keys[O.k[i]],
      "function " + FN_NAME[O.f[i]] + (O.f[i] === 2 ? O.s[i] ? " (swapped)" : " (no match)" : ""),
      "value    " + D.values[O.v[i]],
      "outcome  " + T,
      "invoked  " + O.i[i] + " ms",
      "returned " + (O.c[i] < 0 ? "never" : O.c[i] + " ms")
    ];
    if (O.e[i] >= 0) lines.push("error    " + D.errors[O.e[i]]);
    if (shown.witness.has(i)) lines.push("", "part of the witness");
    d.textContent = lines.join("\\n");
  }
  var drag = null;
  canvas.addEventListener("mousedown", (e) => {
    drag = { x: e.offsetX, x0, x1, moved: false };
    canvas.style.cursor = "grabbing";
  });
  window.addEventListener("mouseup", (e) => {
    if (drag && !drag.moved && e.target === canvas) {
      pinned = at(e.offsetX, e.offsetY);
      show(pinned);
      draw();
    }
    drag = null;
    canvas.style.cursor = "grab";
  });
  canvas.addEventListener("mousemove", (e) => {
    if (drag) {
      const dt = (e.offsetX - drag.x) / (W() - LEFT - 8) * (drag.x1 - drag.x0);
      if (Math.abs(e.offsetX - drag.x) > 2) drag.moved = true;
      x0 = drag.x0 - dt;
      x1 = drag.x1 - dt;
      draw();
      return;
    }
    const i = at(e.offsetX, e.offsetY);
    if (i !== hover) {
      hover = i;
      if (pinned < 0) show(i);
      draw();
    }
  });
  canvas.addEventListener(
    "wheel",
    (e) => {
      if (!e.shiftKey && !e.ctrlKey && !e.metaKey && overflows()) return;
      e.preventDefault();
      if (e.shiftKey) {
        const dt = (e.deltaX || e.deltaY) * 0.5 / (W() - LEFT - 8) * (x1 - x0);
        x0 += dt;
        x1 += dt;
      } else {
        const t = tx(e.offsetX);
        const k = Math.exp(e.deltaY * 2e-3);
        x0 = t - (t - x0) * k;
        x1 = t + (x1 - t) * k;
        if (x1 - x0 < 0.01) x1 = x0 + 0.01;
      }
      draw();
    },
    { passive: false }
  );
  scroller.addEventListener("scroll", () => {
    y0 = scroller.scrollTop;
    draw();
  });
  select.addEventListener("change", () => selectKey(Number(select.value)));
  $("reset", HTMLElement).addEventListener("click", () => {
    x0 = 0;
    x1 = D.end;
    draw();
  });
  window.addEventListener("resize", draw);
  function fromAddress() {
    const m = /^#(key|model)=(.*)$/.exec(window.location.hash);
    if (!m) return false;
    const name = decodeURIComponent(m[2]);
    if (m[1] === "key") {
      const k = D.keys.indexOf(name);
      if (k >= 0) selectKey(k);
      return k >= 0;
    }
    const model = D.ladder?.models.find((x) => x.model === name);
    if (model) showModel(model);
    return model !== void 0;
  }
  buildOverview();
  buildLadder();
  select.value = String(key);
  if (!fromAddress()) showKey();
  document.body.dataset.firstDrawMs = String(Math.round(performance.now()));
  document.body.dataset.ready = "true";
})();
`;

// EXTERNAL MODULE: ./src/report/escape.ts
var report_escape = __webpack_require__(4031);
;// CONCATENATED MODULE: ./src/report/page/history-page.ts
// The history page: one self-contained HTML file (script and style inline, no network, no external fonts) that
// shows a workload history as a person wants to see it: clients as lanes, operations as bars from invoke to
// completion coloured by outcome and marked by function, faults as shaded bands, a key selector, zoom and pan, the
// operation under the pointer, and for a key that failed its check the witness highlighted with the sentence
// that explains it. Drawn on a canvas, so 100,000 operations open and pan smoothly. Everything from outside
// (values, errors, node names) travels as JSON in a script element with '<' escaped, and is only ever put into
// the page as text, never as markup. The script that draws it is browser/history-page.ts, inlined as bundled text
// (page-script.generated.ts; scripts/page-script.ts says why it is built that way).





/** How many legal last values a key lists at most (a long tail of concurrent writes adds nothing to read). */
const MAX_LEGAL = 20;
// An append is its own function (3): it adds to the list a key holds, where a write replaces what it holds.
const FUNCTION_CODE = { read: 0, get: 0, write: 1, put: 1, append: 3, cas: 2 };
const TYPE_CODE = { ok: 0, fail: 1, info: 2 };
/** A table of strings each stored once; the columns hold their indices, so a large history stays compact. */
class Table {
    values = [];
    map = new Map();
    index(value) {
        let i = this.map.get(value);
        if (i === undefined)
            this.map.set(value, (i = this.values.push(value) - 1));
        return i;
    }
}
/** A value as the page shows it. */
function valueText(x) {
    return x === null || x === undefined ? 'nil' : typeof x === 'string' ? x : JSON.stringify(x);
}
/**
 * The lane of an operation: its client. A client whose operation was indeterminate goes on as a new process
 * (process + clients, as Jepsen numbers them), so with the history's client count known a process's lane is its
 * client; otherwise (histories from elsewhere) each process is a lane.
 */
function laneOf(clients) {
    return (op) => (clients !== undefined && typeof op.process === 'number' ? String(op.process % clients) : String(op.process));
}
/** Lanes in the clients' own order (numbers as numbers), not in order of first appearance. */
function laneTable(ops, lane) {
    const names = [...new Set(ops.map(lane))];
    names.sort((a, b) => (/^\d+$/.test(a) && /^\d+$/.test(b) ? Number(a) - Number(b) : a < b ? -1 : a > b ? 1 : 0));
    const lanes = new Table();
    for (const name of names)
        lanes.index(name);
    return lanes;
}
function columnsOf(ops, tables, lane) {
    const columns = { p: [], k: [], n: [], f: [], t: [], s: [], i: [], c: [], v: [], e: [] };
    for (const op of ops) {
        columns.p.push(tables.processes.index(lane(op)));
        columns.k.push(tables.keys.index(op.key ?? ''));
        columns.n.push(op.node !== undefined ? tables.nodes.index(op.node) : -1);
        columns.f.push(FUNCTION_CODE[op.f]);
        columns.t.push(TYPE_CODE[op.type]);
        columns.s.push(op.f === 'cas' && op.succeeded === false ? 0 : 1);
        columns.i.push(op.invoke);
        columns.c.push(op.complete ?? -1);
        const cas = op.f === 'cas' ? op.value : undefined;
        columns.v.push(tables.values.index(cas ? `${valueText(cas[0])} → ${valueText(cas[1])}` : valueText(op.value)));
        columns.e.push(op.error !== undefined ? tables.errors.index(op.error) : -1);
    }
    return columns;
}
function witnessOf(w) {
    return {
        explanation: w.explanation,
        ops: w.window.map((o) => o.index),
        failing: w.failing.index,
        prefix: w.lastLinearized.map((o) => o.index),
        placed: w.linearizedBefore,
    };
}
function resultOf(r, input) {
    const legal = input.consistency !== 'linearizable' && r.verdict !== 'not-linearizable' && r.verdict !== 'linearizable'
        ? [...(0,eventual/* legalFinalValues */.o)(input.history.operations, r.key, input.history.initialValue ?? null)]
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
function pageData(input) {
    const ops = input.history.operations;
    const clients = input.history.meta?.clients;
    const lane = laneOf(typeof clients === 'number' && Number.isInteger(clients) && clients > 0 ? clients : undefined);
    const tables = {
        processes: laneTable(ops, lane),
        keys: new Table(),
        nodes: new Table(),
        values: new Table(),
        errors: new Table(),
    };
    let end = 0;
    for (const op of ops)
        end = Math.max(end, op.invoke, op.complete ?? op.invoke);
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
function ladderOf(m) {
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
function scriptJson(data) {
    return JSON.stringify(data)
        .replace(/</g, '\\u003c')
        .replace(/\u2028/g, '\\u2028')
        .replace(/\u2029/g, '\\u2029');
}
/** A CSP source that allows exactly this inline element text (CSP hashes the text between the tags as UTF-8). */
function cspHash(text) {
    return `'sha256-${(0,external_node_crypto_.createHash)('sha256').update(text, 'utf8').digest('base64')}'`;
}
/** A linearizability check's verdicts as the page shows them, each failed key with its witness and explanation. */
function linearizabilityPageResults(result) {
    return result.keys.map((k) => ({
        key: k.key,
        verdict: k.verdict,
        passed: k.verdict === 'linearizable',
        detail: k.witness?.explanation ?? k.verdict,
        ...(k.witness ? { witness: k.witness } : {}),
    }));
}
function renderHistoryPage(input) {
    // The page runs its own script and style and nothing else: no 'unsafe-inline', so markup that got into the page
    // anyway could not run a script. The data element is JSON, which the browser never executes.
    const csp = `default-src 'none'; script-src ${cspHash(PAGE_SCRIPT)}; style-src ${cspHash(PAGE_STYLE)}; img-src data:`;
    return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<title>${(0,report_escape/* escapeHtml */.ZD)(input.title)}</title>
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

;// CONCATENATED MODULE: ./src/host/history-files.ts
// Where the workload history is written: next to the JSON report, as the checker's own JSON form and as Jepsen
// EDN op maps (keys as `[key value]` tuples, the form jepsen.independent hands to Knossos per key).




/** `report.json` -> `report.history.json`, `report.history.edn` and the page, `report.history.html`. */
function historyPaths(reportPath) {
    const base = reportPath.replace(/\.json$/i, '');
    return { json: `${base}.history.json`, edn: `${base}.history.edn`, html: `${base}.history.html` };
}
function fileHistorySink(reportPath, title = 'Replicheck workload history') {
    return async (history, results, consistency, models) => {
        const paths = historyPaths(reportPath);
        await (0,promises_.mkdir)((0,external_node_path_.dirname)(paths.json), { recursive: true });
        await (0,promises_.writeFile)(paths.json, (0,linearizability/* historyToJson */.Ad)(history));
        await (0,promises_.writeFile)(paths.edn, (0,linearizability/* toEdn */.D5)(history, { keys: 'independent' }));
        await (0,promises_.writeFile)(paths.html, renderHistoryPage({ title, history, consistency, results, ...(models ? { models } : {}) }));
        return paths;
    };
}


/***/ })

};
