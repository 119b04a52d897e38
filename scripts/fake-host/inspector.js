/*
 * The workbook side of `npm run preview`: shows what the add-in wrote into the fake workbook that lives
 * in the pane's frame (window.__almFakeHost), and lets a person type into cells or protect a sheet to try
 * the add-in's safety checks. Plain browser JavaScript, no build.
 */
(function () {
  "use strict";
  var frame = document.getElementById("pane");
  var state = { sheet: null, sel: { row: 0, col: 0 }, unsubscribe: null, known: null };
  var MAX_ROWS = 90;
  var MAX_COLS = 30;

  function host() {
    try {
      return frame.contentWindow && frame.contentWindow.__almFakeHost;
    } catch {
      return null;
    }
  }
  function letters(col) {
    var s = "";
    for (var n = col + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
    return s;
  }
  function parseCell(text) {
    var m = /^([A-Z]+)(\d+)$/.exec(text);
    if (!m) return null;
    var col = 0;
    for (var i = 0; i < m[1].length; i++) col = col * 26 + (m[1].charCodeAt(i) - 64);
    return { row: Number(m[2]) - 1, col: col - 1 };
  }
  function serialToIso(n) {
    var d = new Date(Date.UTC(1899, 11, 30) + Math.round(n) * 86400000);
    return d.toISOString().slice(0, 10);
  }
  function display(cell) {
    var v = cell.value;
    if (typeof v !== "number") return v === undefined || v === null ? "" : String(v);
    var f = cell.format || "General";
    if (/yyyy/.test(f)) return serialToIso(v);
    if (/%/.test(f)) return (v * 100).toFixed((f.split(".")[1] || "").replace("%", "").length) + "%";
    if (f === "#,##0") return Math.round(v).toLocaleString("en");
    return String(Number(v.toPrecision(10)));
  }
  function el(tag, attrs, text) {
    var e = document.createElement(tag);
    for (var k in attrs || {}) e.setAttribute(k, attrs[k]);
    if (text !== undefined) e.textContent = text;
    return e;
  }

  function render() {
    var h = host();
    if (!h) return;
    var snap = h.snapshot();
    var sheets = snap.sheets;
    // A sheet that appears (the add-in created it) is shown at once.
    var names = sheets.map(function (s) { return s.name; });
    if (state.known) {
      var added = names.filter(function (n) { return state.known.indexOf(n) < 0; });
      if (added.length) state.sheet = added.indexOf("ALM Results") >= 0 ? "ALM Results" : added[added.length - 1];
    }
    state.known = names;
    if (!state.sheet || !sheets.some(function (s) { return s.name === state.sheet; })) state.sheet = (sheets.find(function (s) { return /^ALM Results/.test(s.name); }) || sheets[0] || {}).name;
    var tabs = document.getElementById("tabs");
    tabs.textContent = "";
    sheets.forEach(function (s) {
      var b = el("button", { type: "button", "aria-pressed": String(s.name === state.sheet) }, s.name + (s.protected ? " (protected)" : ""));
      b.onclick = function () { state.sheet = s.name; render(); };
      tabs.appendChild(b);
    });
    var sheet = sheets.find(function (s) { return s.name === state.sheet; });
    document.getElementById("protect").textContent = sheet && sheet.protected ? "Unprotect this sheet" : "Protect this sheet";
    var grid = document.getElementById("grid");
    grid.textContent = "";
    if (!sheet) return;
    var cells = {};
    var maxRow = 10, maxCol = 8;
    Object.keys(sheet.cells).forEach(function (a) {
      var p = parseCell(a);
      if (!p) return;
      cells[p.row + "," + p.col] = sheet.cells[a];
      maxRow = Math.max(maxRow, p.row + 2);
      maxCol = Math.max(maxCol, p.col + 2);
    });
    maxRow = Math.min(maxRow, MAX_ROWS);
    maxCol = Math.min(maxCol, MAX_COLS);
    var table = el("table", { class: "grid", "aria-label": "Cells of " + sheet.name });
    var head = el("tr");
    head.appendChild(el("th", { scope: "col" }, ""));
    for (var c = 0; c < maxCol; c++) head.appendChild(el("th", { scope: "col" }, letters(c)));
    table.appendChild(head);
    for (var r = 0; r < maxRow; r++) {
      var tr = el("tr");
      tr.appendChild(el("th", { scope: "row" }, String(r + 1)));
      for (c = 0; c < maxCol; c++) {
        var cell = cells[r + "," + c];
        var td = el("td");
        if (cell) {
          td.textContent = display(cell);
          var cls = [];
          if (typeof cell.input === "string" && cell.input.charAt(0) === "=") cls.push("formula");
          if (cell.spill) cls.push("spill");
          if (typeof cell.value === "string" && cell.value.charAt(0) === "#") cls.push("error");
          if (typeof cell.value === "number") cls.push("num");
          td.className = cls.join(" ");
          td.title = (cell.input !== undefined ? String(cell.input) : "spilled from " + cell.spill) + (cell.error ? "\n" + cell.error : "");
        }
        if (state.sel.row === r && state.sel.col === c) td.classList.add("sel");
        (function (row, col, cell) {
          td.onclick = function () {
            state.sel = { row: row, col: col };
            document.getElementById("addr").textContent = letters(col) + (row + 1);
            document.getElementById("input").value = cell && cell.input !== undefined ? String(cell.input) : "";
            document.getElementById("input").focus();
            render();
          };
        })(r, c, cell);
        tr.appendChild(td);
      }
      table.appendChild(tr);
    }
    grid.appendChild(table);

    var nameList = document.getElementById("names");
    nameList.textContent = "";
    Object.keys(snap.names).forEach(function (n) {
      var li = el("li");
      li.appendChild(el("strong", {}, n));
      li.appendChild(document.createTextNode(" "));
      li.appendChild(el("code", {}, snap.names[n]));
      nameList.appendChild(li);
    });
    renderCharts(h, sheet);
    var settings = document.getElementById("settings");
    settings.textContent = "";
    Object.keys(snap.settings).forEach(function (k) {
      var d = el("details");
      d.appendChild(el("summary", {}, k + " (" + String(snap.settings[k]).length + " characters)"));
      var pre = el("pre", { style: "white-space: pre-wrap; font-size: 11px; max-height: 20em; overflow: auto" });
      try { pre.textContent = JSON.stringify(JSON.parse(snap.settings[k]), null, 1); } catch { pre.textContent = String(snap.settings[k]); }
      d.appendChild(pre);
      settings.appendChild(d);
    });
  }

  function rangeValues(h, ref) {
    var bang = ref.lastIndexOf("!");
    var sheetName = ref.slice(0, bang).replace(/^'|'$/g, "").replace(/''/g, "'");
    var parts = ref.slice(bang + 1).split(":");
    var a = parseCell(parts[0]);
    var b = parseCell(parts[1] || parts[0]);
    var sheet = h.workbook.sheet(sheetName);
    var out = [];
    if (!sheet || !a || !b) return out;
    for (var r = a.row; r <= b.row; r++) for (var c = a.col; c <= b.col; c++) out.push(h.workbook.valueOf(sheet, { row: r, col: c }));
    return out;
  }

  function renderCharts(h, sheet) {
    var box = document.getElementById("charts");
    box.textContent = "";
    if (!sheet.charts.length) { box.appendChild(el("p", { class: "legend" }, "None.")); return; }
    sheet.charts.forEach(function (chart) {
      var fig = el("figure", { style: "margin: 0 0 12px" });
      fig.appendChild(el("figcaption", {}, chart.name + ": " + chart.title + " (" + chart.type + ", " + chart.source + ", at " + chart.from + ":" + chart.to + ")"));
      var values = rangeValues(h, chart.source).map(function (v) { return typeof v === "number" ? v : 0; });
      var labels = chart.xValues ? rangeValues(h, chart.xValues).map(String) : values.map(function (_, i) { return String(i + 1); });
      var W = 360, H = 180, n = Math.max(values.length, 1);
      var max = Math.max.apply(null, values.map(Math.abs).concat([1]));
      var svg = document.createElementNS("http://www.w3.org/2000/svg", "svg");
      svg.setAttribute("class", "chart");
      svg.setAttribute("width", W);
      svg.setAttribute("height", H);
      svg.setAttribute("role", "img");
      svg.setAttribute("aria-label", chart.title);
      var horizontal = chart.type === "BarClustered";
      values.forEach(function (v, i) {
        var rect = document.createElementNS("http://www.w3.org/2000/svg", "rect");
        var t = document.createElementNS("http://www.w3.org/2000/svg", "title");
        t.textContent = labels[i] + ": " + Math.round(v).toLocaleString("en");
        rect.appendChild(t);
        if (horizontal) {
          var bh = (H - 10) / n, w = (Math.abs(v) / max) * (W / 2 - 10);
          rect.setAttribute("x", v >= 0 ? W / 2 : W / 2 - w);
          rect.setAttribute("y", 5 + i * bh + 2);
          rect.setAttribute("width", w);
          rect.setAttribute("height", bh - 4);
        } else {
          var bw = (W - 10) / n, hh = (Math.abs(v) / max) * (H / 2 - 10);
          rect.setAttribute("x", 5 + i * bw + 1);
          rect.setAttribute("y", v >= 0 ? H / 2 - hh : H / 2);
          rect.setAttribute("width", bw - 2);
          rect.setAttribute("height", hh);
        }
        rect.setAttribute("fill", v >= 0 ? "#0f6cbd" : "#c50f1f");
        svg.appendChild(rect);
      });
      fig.appendChild(svg);
      box.appendChild(fig);
    });
  }

  function setCell() {
    var h = host();
    if (!h) return;
    var sheet = h.workbook.sheet(state.sheet);
    if (!sheet) return;
    if (sheet.protected) { alert("This sheet is protected."); return; }
    h.workbook.setInput(sheet, state.sel, document.getElementById("input").value);
    h.workbook.notify();
    // Calculation is asynchronous (the ALM.* calls go through the page's registered functions).
    h.workbook.calculate().then(function () { h.workbook.notify(); });
  }

  function attach() {
    var h = host();
    if (!h) { setTimeout(attach, 100); return; }
    state.known = null;
    if (state.unsubscribe) state.unsubscribe();
    state.unsubscribe = h.workbook.onChange(render);
    render();
  }

  document.getElementById("set").onclick = setCell;
  document.getElementById("input").addEventListener("keydown", function (e) { if (e.key === "Enter") setCell(); });
  document.getElementById("recalc").onclick = function () { var h = host(); if (h) h.workbook.calculate().then(function () { h.workbook.notify(); }); };
  document.getElementById("protect").onclick = function () {
    var h = host();
    var sheet = h && h.workbook.sheet(state.sheet);
    if (!sheet) return;
    sheet.protected = !sheet.protected;
    h.workbook.notify();
  };
  document.getElementById("width").onchange = function (e) { document.getElementById("pane-wrap").style.width = e.target.value + "px"; };
  document.getElementById("pane-wrap").style.width = "350px";
  document.getElementById("reload").onclick = function () { var h = host(); if (h) h.reset(); frame.contentWindow.location.reload(); };
  document.getElementById("reopen").onclick = function () { frame.contentWindow.location.reload(); };
  frame.addEventListener("load", attach);
  attach();
})();
