// Generated from browser/history-page.ts by scripts/page-script.ts (`npm run build` rewrites it): do not edit.
// test/unit/history-page.test.ts fails when this is not a fresh bundle of that source. esbuild joins a wrapped
// expression into one line, so the bundle's lines may be longer than the source's.
/* eslint-disable max-len */
export const PAGE_SCRIPT = `"use strict";
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
  var g = canvas.getContext("2d") ?? fail("no 2d canvas");
  var LANE = 22;
  var TOP = 24;
  var LEFT = 70;
  var FN = ["R", "W", "C"];
  var COLOR = ["#2da44e", "#8c959f", "#d4a72c"];
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
  var firstBad = D.keys.findIndex((k) => results.get(k)?.passed === false);
  var key = firstBad >= 0 ? firstBad : 0;
  select.value = String(key);
  var x0 = 0;
  var x1 = D.end;
  var hover = -1;
  var pinned = -1;
  var witness = /* @__PURE__ */ new Set();
  var prefix = /* @__PURE__ */ new Set();
  var W = () => canvas.clientWidth;
  var H = () => canvas.clientHeight;
  var sx = (t) => LEFT + (t - x0) / (x1 - x0) * (W() - LEFT - 8);
  var tx = (px) => x0 + (px - LEFT) / (W() - LEFT - 8) * (x1 - x0);
  var endOf = (i) => O.c[i] < 0 ? D.end : O.c[i];
  function fail(message) {
    throw new Error(message);
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
  function showKey() {
    const r = results.get(D.keys[key]);
    witness = new Set(r?.witness ? r.witness.ops : []);
    prefix = new Set(r?.witness ? r.witness.prefix : []);
    document.body.dataset.witness = String(witness.size);
    const v = $("verdict", HTMLElement);
    v.textContent = r ? r.verdict : "";
    v.className = r ? r.passed ? "good" : "bad" : "";
    showWhy(r);
    showFinal(r);
    if (r?.witness) {
      let a = Infinity;
      let b = -Infinity;
      for (const i of witness) {
        a = Math.min(a, O.i[i]);
        b = Math.max(b, endOf(i));
      }
      const pad = Math.max((b - a) * 0.5, 1);
      x0 = Math.max(0, a - pad);
      x1 = Math.min(D.end, b + pad);
    }
    draw();
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
  function draw() {
    const dpr = window.devicePixelRatio || 1;
    canvas.width = W() * dpr;
    canvas.height = H() * dpr;
    g.setTransform(dpr, 0, 0, dpr, 0, 0);
    g.clearRect(0, 0, W(), H());
    g.font = "11px system-ui, sans-serif";
    for (const b of bands) {
      const a = Math.max(sx(b.start), LEFT);
      const e = Math.min(sx(b.end), W());
      if (e < LEFT || a > W()) continue;
      g.fillStyle = "rgba(207, 34, 46, 0.12)";
      g.fillRect(a, TOP, Math.max(1, e - a), lanes * LANE);
      g.fillStyle = "#cf222e";
      g.fillText(b.label, a + 3, TOP - 6);
    }
    g.fillStyle = "#656d76";
    for (let l = 0; l < lanes; l++) g.fillText("client " + D.processes[l], 4, TOP + l * LANE + 15);
    const pxPerMs = (W() - LEFT - 8) / (x1 - x0);
    for (const i of byKey[key]) drawOperation(i, pxPerMs);
    g.fillStyle = "#656d76";
    g.fillText(x0.toFixed(1) + " ms", LEFT, TOP + lanes * LANE + 14);
    const r = x1.toFixed(1) + " ms";
    g.fillText(r, W() - 8 - g.measureText(r).width, TOP + lanes * LANE + 14);
  }
  function drawOperation(i, pxPerMs) {
    const s = O.i[i];
    const e = endOf(i);
    if (e < x0 || s > x1) return;
    const a = Math.max(sx(s), LEFT);
    const b = Math.min(sx(e), W());
    const y = TOP + O.p[i] * LANE + 3;
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
    if (prefix.has(i)) {
      g.fillStyle = "#0969da";
      g.fillRect(a, y + h - 3, w, 3);
    }
    if (witness.has(i)) {
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
      g.fillText(FN[O.f[i]], a + 3, y + h - 4);
    }
    if (w > 60 && pxPerMs > 0) {
      g.fillStyle = "#fff";
      g.fillText(D.values[O.v[i]].slice(0, Math.floor((w - 18) / 6)), a + 14, y + h - 4);
    }
  }
  function at(px, py) {
    const lane = Math.floor((py - TOP) / LANE);
    if (lane < 0 || lane >= lanes) return -1;
    const t = tx(px);
    const slack = 3 * (x1 - x0) / (W() - LEFT);
    let best = -1;
    for (const i of byKey[key]) if (O.p[i] === lane && O.i[i] - slack <= t && t <= endOf(i) + slack) best = i;
    return best;
  }
  function show(i) {
    const d = $("detail", HTMLElement);
    if (i < 0) {
      d.textContent = "Point at an operation to see it.";
      return;
    }
    const F = ["read", "write", "cas"][O.f[i]];
    const T = ["ok", "fail", "info (unknown)"][O.t[i]];
    const lines = [
      "operation #" + i,
      "client   " + D.processes[O.p[i]],
      "node     " + (O.n[i] >= 0 ? D.nodes[O.n[i]] : "?"),
      "key      " + D.keys[O.k[i]],
      "function " + F + (O.f[i] === 2 ? O.s[i] ? " (swapped)" : " (no match)" : ""),
      "value    " + D.values[O.v[i]],
      "outcome  " + T,
      "invoked  " + O.i[i] + " ms",
      "returned " + (O.c[i] < 0 ? "never" : O.c[i] + " ms")
    ];
    if (O.e[i] >= 0) lines.push("error    " + D.errors[O.e[i]]);
    if (witness.has(i)) lines.push("", "part of the witness");
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
      e.preventDefault();
      const t = tx(e.offsetX);
      const k = Math.exp(e.deltaY * 2e-3);
      x0 = t - (t - x0) * k;
      x1 = t + (x1 - t) * k;
      if (x1 - x0 < 0.01) x1 = x0 + 0.01;
      draw();
    },
    { passive: false }
  );
  select.addEventListener("change", () => {
    key = Number(select.value);
    x0 = 0;
    x1 = D.end;
    pinned = -1;
    show(-1);
    showKey();
  });
  $("reset", HTMLElement).addEventListener("click", () => {
    x0 = 0;
    x1 = D.end;
    draw();
  });
  window.addEventListener("resize", draw);
  showKey();
  document.body.dataset.firstDrawMs = String(Math.round(performance.now()));
  document.body.dataset.ready = "true";
})();
`;
