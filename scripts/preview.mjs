/**
 * npm run preview — the task pane without Excel. Serves the built pane (dist/, built first if missing;
 * `--build` rebuilds) on http://127.0.0.1:3100 next to a view of a fake, in-memory workbook. The fake
 * host replaces office.js: the pane's gateway writes into that workbook, and cells holding ALM.*
 * formulas are calculated as Excel would: by the functions the page's own functions.js registers, called
 * as the served functions.json declares (scripts/fake-host/browser.ts), so a person can click through
 * the wizard and see the formulas, names and charts it writes, and what they calculate to.
 *
 * Options: --port N (or ALM_PREVIEW_PORT), --build. ALM_DIST serves another built folder instead of
 * dist/ (it is never built here). Runs under tsx (it imports TypeScript).
 */
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { buildFakeHost } from "./fake-host/bundle.ts";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const dist = path.resolve(process.env.ALM_DIST || path.join(root, "dist"));
const args = process.argv.slice(2);
const portArg = args.indexOf("--port");
const port = Number(portArg >= 0 ? args[portArg + 1] : process.env.ALM_PREVIEW_PORT || 3100);

if (process.env.ALM_DIST) {
  if (!fs.existsSync(path.join(dist, "taskpane.html"))) {
    console.error(`ALM_DIST=${process.env.ALM_DIST} has no built task pane (taskpane.html).`);
    process.exit(1);
  }
} else if (args.includes("--build") || !fs.existsSync(path.join(dist, "taskpane.html"))) {
  console.log("Building the add-in (npm run build)…");
  const r = spawnSync("npm", ["run", "build"], { cwd: root, stdio: "inherit" });
  if (r.status !== 0) process.exit(r.status ?? 1);
}

const fakeHost = await buildFakeHost(root);
const OFFICE_JS = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";
const TYPES = { ".html": "text/html; charset=utf-8", ".js": "text/javascript; charset=utf-8", ".json": "application/json", ".png": "image/png", ".map": "application/json", ".xml": "application/xml", ".css": "text/css" };

function send(res, status, type, body) {
  res.writeHead(status, { "Content-Type": type, "Cache-Control": "no-store" });
  res.end(body);
}

const server = http.createServer((req, res) => {
  const url = new URL(req.url ?? "/", "http://127.0.0.1");
  const p = decodeURIComponent(url.pathname);
  if (p === "/" || p === "/index.html") return send(res, 200, TYPES[".html"], fs.readFileSync(path.join(root, "scripts/fake-host/preview.html")));
  if (p === "/preview/inspector.js") return send(res, 200, TYPES[".js"], fs.readFileSync(path.join(root, "scripts/fake-host/inspector.js")));
  if (p === "/fake-host/office.js") return send(res, 200, TYPES[".js"], fakeHost);
  if (p === "/taskpane.html") {
    // The fake host stands in for office.js, from this origin so the page's CSP ('self') allows it.
    const html = fs.readFileSync(path.join(dist, "taskpane.html"), "utf8").replace(OFFICE_JS, "/fake-host/office.js");
    return send(res, 200, TYPES[".html"], html);
  }
  const file = path.normalize(path.join(dist, p));
  if (!file.startsWith(dist + path.sep) || !fs.existsSync(file) || !fs.statSync(file).isFile()) return send(res, 404, "text/plain", "not found");
  send(res, 200, TYPES[path.extname(file)] ?? "application/octet-stream", fs.readFileSync(file));
});

server.listen(port, "127.0.0.1", () => {
  console.log(`ALM add-in preview with a fake Excel workbook: http://127.0.0.1:${port}/`);
  console.log("The workbook holds a positions table (Positions), a curve (Curve!A1:B10) and a draft with bad rows (Draft!A1:M5). Ctrl+C stops.");
});
