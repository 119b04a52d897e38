/**
 * Checks the built add-in in dist/ (`npm test` runs `npm run build` first; ALM_DIST points at another
 * build): the files Excel loads, the manifest the build chose (development for https://localhost:3000/
 * unless ALM_ADDIN_URL is set), the help page, and what the bundles may contain (no eval for a strict CSP;
 * no network in the custom functions, which must stay deterministic and self-contained). Also runs
 * `npm run build:release` without an address, which must stop before building anything.
 */
import { spawnSync } from "child_process";
import * as fs from "fs";
import * as os from "os";
import * as path from "path";
import { generateCustomFunctionsMetadata } from "custom-functions-metadata";
import { functionsById } from "../../src/functions/index";
import { DIST, ROOT, allElements, parseXml, readPng, webpackConfig, type ManifestTarget, type ProjectLinks } from "../helpers/addinFiles";

if (!fs.existsSync(path.join(DIST, "build-info.json"))) {
  throw new Error(`${DIST} has no build: run \`npm run build\` first (\`npm test\` does), then jest.`);
}

interface BuildInfo extends ManifestTarget {
  mode: "production" | "development";
  version: string;
  support: ProjectLinks;
  packages: Record<string, string[]>;
}

const read = (file: string) => fs.readFileSync(path.join(DIST, file), "utf8");
const info = JSON.parse(read("build-info.json")) as BuildInfo;
const distFiles = (dir = DIST): string[] =>
  fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? distFiles(path.join(dir, e.name)) : [path.join(dir, e.name)]));
const scripts = distFiles().filter((file) => file.endsWith(".js"));
const textFiles = distFiles().filter((file) => /\.(js|json|html|xml|txt|map)$/.test(file));
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

  test("was built for the environment the tests run in: without ALM_ADDIN_URL, the development manifest", () => {
    // `npm test` builds and tests with the same environment, so with no ALM_ADDIN_URL this is the default
    // build: the development manifest, never a made-up production address.
    const expected = webpackConfig.manifestTarget({ mode: info.mode, addinUrl: process.env.ALM_ADDIN_URL });
    expect({ manifest: info.manifest, addinUrl: info.addinUrl }).toEqual(expected);
    if (!process.env.ALM_ADDIN_URL) expect(expected).toEqual({ manifest: "development", addinUrl: "https://localhost:3000/" });
  });

  test("dist/manifest.xml is the manifest build-info.json names, every URL on its address", () => {
    expect(manifestUrls.length).toBeGreaterThan(10);
    if (info.manifest === "development") {
      expect(info.addinUrl).toBe(webpackConfig.DEV_URL);
      expect(manifest).toBe(sourceManifest);
      for (const url of manifestUrls) expect(url === "https://localhost:3000" || url.startsWith("https://localhost:3000/")).toBe(true);
    } else {
      expect(webpackConfig.productionUrl(info.addinUrl)).toBe(info.addinUrl);
      expect(manifest).not.toMatch(/localhost/i);
      expect(manifest).toBe(webpackConfig.productionManifest(sourceManifest, info.addinUrl));
      const origin = new URL(info.addinUrl).origin;
      for (const url of manifestUrls) expect(url === origin || url.startsWith(info.addinUrl)).toBe(true);
    }
  });

  test("no file in dist/ mentions a placeholder address", () => {
    for (const file of textFiles) {
      const hits = fs.readFileSync(file, "utf8").match(/[a-z0-9.-]*example\.(org|com|net)[^\s"'<]*/gi) ?? [];
      expect({ file: path.relative(DIST, file), hits }).toEqual({ file: path.relative(DIST, file), hits: [] });
    }
  });

  test("support.html says what the add-in is, where its docs are and how to report a problem, without script", () => {
    const html = read("support.html");
    expect(html).not.toMatch(/<script\b|\bon[a-z]+=|javascript:/i);
    expect(html).toContain("=ALM.VERSION()");
    expect(html).toMatch(/Reporting a problem/);
    expect(html).toMatch(/anonymised example/);
    expect(html).toMatch(/Excel platform and build/);
    expect(info.support).toEqual(webpackConfig.projectLinks());
    if (info.support.projectUrl) expect(html).toContain(`>${info.support.projectUrl}</a>`);
    else expect(html).toMatch(/README\.md[\s\S]*docs\/functions\.md/);
    const issues = info.support.issuesUrl;
    if (issues) expect(html.includes(`>${issues}</a>`) || html.includes(`>${issues.replace(/&/g, "&amp;")}</a>`)).toBe(true);
    expect(html).not.toMatch(/github\.com/i);
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

describe("npm run build:release", () => {
  test("without ALM_ADDIN_URL stops before building, saying what to set", () => {
    const out = fs.mkdtempSync(path.join(os.tmpdir(), "alm-release-"));
    const env: NodeJS.ProcessEnv = { ...process.env };
    delete env.ALM_ADDIN_URL;
    const npm = process.platform === "win32" ? "npm.cmd" : "npm";
    const run = spawnSync(npm, ["run", "--silent", "build:release", "--", "--output-path", out], { cwd: ROOT, env, encoding: "utf8", timeout: 60_000 });
    try {
      expect(run.status).not.toBe(0);
      expect(run.stdout + run.stderr).toMatch(/npm run build:release needs ALM_ADDIN_URL/);
      expect(run.stdout + run.stderr).toContain("ALM_ADDIN_URL=https://your.host/alm/ npm run build:release");
      expect(fs.readdirSync(out)).toEqual([]);
    } finally {
      fs.rmSync(out, { recursive: true, force: true });
    }
  });
});
