/**
 * Checks the built add-in in dist/ (`npm test` runs `npm run build` first): the files Excel loads, the
 * production manifest, and what the bundles may contain (no eval for a strict CSP; no network in the
 * custom functions, which must stay deterministic and self-contained).
 */
import * as fs from "fs";
import * as path from "path";
import { generateCustomFunctionsMetadata } from "custom-functions-metadata";
import { functionsById } from "../../src/functions/index";
import { DIST, ROOT, allElements, parseXml, readPng, webpackConfig } from "../helpers/addinFiles";

if (!fs.existsSync(path.join(DIST, "build-info.json"))) {
  throw new Error("dist/ has no build: run `npm run build` first (`npm test` does), then jest.");
}

interface BuildInfo {
  mode: "production" | "development";
  addinUrl: string;
  version: string;
  packages: Record<string, string[]>;
}

const read = (file: string) => fs.readFileSync(path.join(DIST, file), "utf8");
const info = JSON.parse(read("build-info.json")) as BuildInfo;
const distFiles = (dir = DIST): string[] =>
  fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? distFiles(path.join(dir, e.name)) : [path.join(dir, e.name)]));
const scripts = distFiles().filter((file) => file.endsWith(".js"));
const functionsJs = read("functions.js");
const sourceManifest = fs.readFileSync(path.join(ROOT, "manifest.xml"), "utf8");
const manifest = read("manifest.xml");
const manifestUrls = allElements(parseXml(manifest, "dist/manifest.xml"))
  .flatMap((el) => Array.from(el.attributes).map((a) => a.value).concat(el.localName === "AppDomain" ? [el.textContent!] : []))
  .filter((value) => /^https?:\/\//.test(value) && !value.startsWith("http://schemas.microsoft.com/") && !value.startsWith("http://www.w3.org/"));

describe("dist/", () => {
  test("holds the manifest, the shared-runtime page, the functions script and metadata, the help page and icons", () => {
    for (const file of ["manifest.xml", "taskpane.html", "functions.js", "functions.json", "taskpane.js", "support.html"]) {
      expect({ file, exists: fs.existsSync(path.join(DIST, file)) }).toEqual({ file, exists: true });
    }
    for (const size of [16, 32, 64, 80, 128]) expect(readPng(path.join(DIST, `assets/icon-${size}.png`))).toMatchObject({ width: size, height: size });
  });

  test("taskpane.html loads office.js from the Microsoft CDN and both bundles, functions first", () => {
    const html = read("taskpane.html");
    const sources = [...html.matchAll(/<script\b[^>]*\bsrc=["']?([^"'\s>]+)/g)].map((m) => m[1]);
    expect(sources[0]).toBe("https://appsforoffice.microsoft.com/lib/1/hosted/office.js");
    expect(sources.filter((src) => src.endsWith(".js") && !src.startsWith("https://"))).toEqual(["functions.js", "taskpane.js"]);
  });

  test("functions.json is current: the metadata of the adapters now, declaring exactly functionsById", async () => {
    const metadata = JSON.parse(read("functions.json")) as { functions: { id: string }[] };
    expect(metadata.functions.map((f) => f.id).sort()).toEqual(Object.keys(functionsById).sort());
    const now = await generateCustomFunctionsMetadata(webpackConfig.adapterFiles());
    expect(metadata).toEqual(JSON.parse(now.metadataJson));
  });

  test("functions.js associates every function id with Excel", () => {
    const associated = [...functionsJs.matchAll(/CustomFunctions\.associate\("([A-Z0-9_.]+)"/g)].map((m) => m[1]);
    expect(associated.sort()).toEqual(Object.keys(functionsById).sort());
  });

  test("a production build points the manifest at ALM_ADDIN_URL and nowhere near localhost", () => {
    if (info.mode !== "production") throw new Error(`dist/ holds a ${info.mode} build: run \`npm run build\` before these tests.`);
    expect(webpackConfig.productionUrl(info.addinUrl)).toBe(info.addinUrl);
    expect(manifest).not.toMatch(/localhost/i);
    expect(manifest).toBe(webpackConfig.productionManifest(sourceManifest, info.addinUrl));
    expect(manifestUrls.length).toBeGreaterThan(10);
    const origin = new URL(info.addinUrl).origin;
    for (const url of manifestUrls) expect(url === origin || url.startsWith(info.addinUrl)).toBe(true);
  });

  test("every file the manifest points at is in dist/", () => {
    const files = manifestUrls.filter((url) => url.startsWith(info.addinUrl)).map((url) => url.slice(info.addinUrl.length));
    expect(files).toEqual(expect.arrayContaining(["taskpane.html", "functions.js", "functions.json", "support.html", "assets/icon-32.png"]));
    for (const file of files) expect({ file, exists: fs.existsSync(path.join(DIST, file)) }).toEqual({ file, exists: true });
  });

  test("no script uses eval or the Function constructor (the task pane's CSP has no 'unsafe-eval')", () => {
    expect(scripts.length).toBeGreaterThanOrEqual(2);
    for (const file of scripts) {
      const hits = fs.readFileSync(file, "utf8").match(/\beval\(|\bnew Function\b|\bFunction\(\s*["'`]/g) ?? [];
      expect({ file: path.relative(DIST, file), hits }).toEqual({ file: path.relative(DIST, file), hits: [] });
    }
  });

  test.each(["functions.js", "functions-worker.js"])("%s makes no network calls: same inputs, same outputs, offline", (file) => {
    const network = /\bfetch\s*\(|XMLHttpRequest|WebSocket|EventSource|sendBeacon|importScripts\s*\(/g;
    expect(read(file).match(network) ?? []).toEqual([]);
  });

  test("functions.js stands alone: no chunk loading, no React or Fluent UI inside", () => {
    expect(functionsJs).not.toMatch(/ChunkLoadError|Loading chunk/);
    expect(functionsJs).not.toMatch(/react\.(transitional\.)?element|__SECRET_INTERNALS|makeStyles/);
    expect(Object.keys(info.packages).sort()).toEqual(["functions", "functions-worker", "taskpane"]);
    expect(info.packages["functions-worker"]).toEqual(info.packages.functions);
    const uiPackages = info.packages.functions.filter((name) => /^(react|react-dom|scheduler|@fluentui\/.*|@griffel\/.*)$/.test(name));
    expect(uiPackages).toEqual([]);
    expect(info.packages.taskpane).toContain("react");
  });
});
