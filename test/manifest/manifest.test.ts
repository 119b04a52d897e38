/**
 * Offline checks of manifest.xml (the online `npm run validate` is a manual pre-release step): the
 * shared-runtime wiring, resources, URLs, requirement sets and icons (Microsoft's Office Add-ins docs:
 * https://learn.microsoft.com/office/dev/add-ins/develop/configure-your-add-in-to-use-a-shared-runtime,
 * https://learn.microsoft.com/office/dev/add-ins/develop/add-in-manifests and
 * https://learn.microsoft.com/javascript/api/requirement-sets/excel/custom-functions-requirement-sets);
 * and, from webpack.config.js without running webpack, which manifest a build writes (development for
 * https://localhost:3000/ by default, production only for a given ALM_ADDIN_URL, a release build refusing
 * without one; docs/getting-started.md §2 Build) and the support page it generates.
 */
import * as fs from "fs";
import * as path from "path";
import type { Element } from "@xmldom/xmldom";
import { NS, ROOT, allElements, childElements, only, parseXml, readPng, webpackConfig, xsiType } from "../helpers/addinFiles";

const source = fs.readFileSync(path.join(ROOT, "manifest.xml"), "utf8");
const doc = parseXml(source, "manifest.xml");
const root = doc.documentElement!;
const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")) as { version: string };

/** Resources by kind (Images, Urls, ShortStrings, LongStrings): id → DefaultValue. */
const resources = new Map<string, Map<string, string>>();
for (const group of childElements(only(doc, "Resources"))) {
  const entries = new Map<string, string>();
  for (const item of childElements(group)) {
    const id = item.getAttribute("id")!;
    if (entries.has(id)) throw new Error(`manifest.xml declares resource ${id} twice`);
    entries.set(id, item.getAttribute("DefaultValue")!);
  }
  resources.set(group.localName!, entries);
}
const resourceKind = (id: string) => [...resources].find(([, entries]) => entries.has(id))?.[0];
const resource = (id: string) => [...resources.values()].find((entries) => entries.has(id))?.get(id);
const referencing = allElements(doc).filter((el) => el.hasAttribute("resid"));
const resid = (el: Element) => el.getAttribute("resid")!;
const sourceLocationResid = (parentName: string) => resid(only(only(doc, parentName), "SourceLocation"));
const assetFile = (url: string) => path.join(ROOT, url.slice(webpackConfig.DEV_URL.length));

/** The resource kind each referencing element needs (bt:Image in an Icon references an image, …). */
const KIND_BY_ELEMENT: Record<string, string> = {
  Image: "Images",
  Runtime: "Urls",
  SourceLocation: "Urls",
  FunctionFile: "Urls",
  LearnMoreUrl: "Urls",
  Namespace: "ShortStrings",
  Title: "ShortStrings",
  Label: "ShortStrings",
  Description: "LongStrings",
};

describe("manifest.xml", () => {
  test("is an add-in-only TaskPaneApp manifest whose top-level elements follow the XSD order", () => {
    expect(root.namespaceURI).toBe(NS.officeApp);
    expect(root.localName).toBe("OfficeApp");
    expect(xsiType(root)).toBe("TaskPaneApp");
    const xsdOrder = [
      "Id", "AlternateId", "Version", "ProviderName", "DefaultLocale", "DisplayName", "Description", "IconUrl",
      "HighResolutionIconUrl", "SupportUrl", "AppDomains", "Hosts", "Requirements", "DefaultSettings",
      "Permissions", "Dictionary", "VersionOverrides", "ExtendedOverrides",
    ];
    const names = childElements(root).map((el) => el.localName!);
    expect(names).toEqual(xsdOrder.filter((name) => names.includes(name)));
    expect(names).toEqual(expect.arrayContaining(["Id", "Version", "ProviderName", "DefaultLocale", "DisplayName", "Description", "IconUrl", "HighResolutionIconUrl", "SupportUrl", "AppDomains", "Hosts", "Requirements", "DefaultSettings", "Permissions", "VersionOverrides"]));
  });

  test("has a GUID id, the package version with a fourth part, and the product's display name", () => {
    expect(only(root, "Id").textContent).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
    expect(only(root, "Version").textContent).toBe(`${pkg.version}.0`);
    const displayName = childElements(root).find((el) => el.localName === "DisplayName")!;
    expect(displayName.getAttribute("DefaultValue")).toBe("ALM — Asset-Liability Management");
  });

  test("targets workbooks and asks for ReadWriteDocument and nothing more", () => {
    const hosts = childElements(childElements(root).find((el) => el.localName === "Hosts")!);
    expect(hosts.map((h) => h.getAttribute("Name"))).toEqual(["Workbook"]);
    const permissions = allElements(doc).filter((el) => el.localName === "Permissions");
    expect(permissions.map((p) => p.textContent!.trim())).toEqual(["ReadWriteDocument"]);
  });

  test("requires exactly SharedRuntime 1.1 and CustomFunctionsRuntime 1.3", () => {
    const sets = Array.from(only(doc, "Requirements").getElementsByTagNameNS("*", "Set"));
    const declared = Object.fromEntries(sets.map((s) => [s.getAttribute("Name"), s.getAttribute("MinVersion")]));
    expect(declared).toEqual({ SharedRuntime: "1.1", CustomFunctionsRuntime: "1.3" });
  });

  test("resolves every resid to a resource of the kind its element needs", () => {
    expect(referencing.length).toBeGreaterThan(10);
    for (const el of referencing) {
      const id = resid(el);
      const expected = KIND_BY_ELEMENT[el.localName!];
      expect({ element: el.localName, id, kind: resourceKind(id) }).toEqual({ element: el.localName, id, kind: expected });
    }
  });

  test("uses every resource it declares", () => {
    const used = new Set(referencing.map(resid));
    for (const [, entries] of resources) for (const id of entries.keys()) expect({ id, used: used.has(id) }).toEqual({ id, used: true });
  });

  test("has only https URLs, all on the dev server in the source manifest", () => {
    const urls = [
      ...allElements(doc).flatMap((el) => Array.from(el.attributes).map((a) => a.value)),
      ...allElements(doc).filter((el) => childElements(el).length === 0).map((el) => el.textContent!.trim()),
    ].filter((value) => /^[a-z][a-z0-9+.-]*:\/\//i.test(value) && !Object.values(NS).includes(value as never));
    expect(urls.length).toBeGreaterThan(10);
    for (const url of urls) expect(url).toMatch(/^https:\/\/localhost:3000(\/|$)/);
  });

  test("lists only its own origin as app domain, without a path or trailing slash", () => {
    const domains = Array.from(only(root, "AppDomains").getElementsByTagNameNS("*", "AppDomain")).map((d) => d.textContent);
    expect(domains).toEqual(["https://localhost:3000"]);
  });

  test("wires the shared runtime: one long-lived Runtime whose resid is the CustomFunctions page and the FunctionFile", () => {
    const runtimes = Array.from(doc.getElementsByTagNameNS(NS.overrides, "Runtime"));
    expect(runtimes).toHaveLength(1);
    expect(runtimes[0].getAttribute("lifetime")).toBe("long");
    const runtimeResid = resid(runtimes[0]);
    expect(runtimeResid).toBe("Taskpane.Url");
    expect(sourceLocationResid("Page")).toBe(runtimeResid);
    expect(resid(only(doc, "FunctionFile"))).toBe(runtimeResid);
    expect(resource(runtimeResid)).toBe(only(only(root, "DefaultSettings"), "SourceLocation").getAttribute("DefaultValue"));
  });

  test("puts Runtimes first in the Host of the version overrides", () => {
    const host = only(only(doc, "VersionOverrides"), "Host");
    expect(xsiType(host)).toBe("Workbook");
    expect(childElements(host).map((el) => el.localName)).toEqual(["Runtimes", "AllFormFactors", "DesktopFormFactor"]);
  });

  test("points the custom functions at functions.js, functions.json and the ALM namespace", () => {
    const extension = allElements(doc).find((el) => el.localName === "ExtensionPoint" && xsiType(el) === "CustomFunctions")!;
    expect(childElements(extension).map((el) => el.localName)).toEqual(["Script", "Page", "Metadata", "Namespace"]);
    expect(resource(sourceLocationResid("Script"))).toBe(`${webpackConfig.DEV_URL}functions.js`);
    expect(resource(sourceLocationResid("Metadata"))).toBe(`${webpackConfig.DEV_URL}functions.json`);
    expect(resource("Taskpane.Url")).toBe(`${webpackConfig.DEV_URL}taskpane.html`);
    const namespace = resource(resid(only(doc, "Namespace")))!;
    expect(namespace).toBe("ALM");
    expect(namespace.length).toBeLessThanOrEqual(32);
  });

  test("has one ribbon button that shows the task pane, without a TaskpaneId", () => {
    const controls = allElements(doc).filter((el) => el.localName === "Control");
    expect(controls).toHaveLength(1);
    const actions = allElements(doc).filter((el) => el.localName === "Action");
    expect(actions.map(xsiType)).toEqual(["ShowTaskpane"]);
    for (const action of actions) {
      expect(childElements(action).map((el) => el.localName)).toEqual(["SourceLocation"]);
      expect(resid(childElements(action)[0])).toBe("Taskpane.Url");
    }
    expect(doc.getElementsByTagNameNS("*", "TaskpaneId")).toHaveLength(0);
  });

  test("gives IconUrl 32 px and HighResolutionIconUrl 64 px transparent PNGs that exist in assets/", () => {
    for (const [name, size] of [["IconUrl", 32], ["HighResolutionIconUrl", 64]] as const) {
      const url = only(root, name).getAttribute("DefaultValue")!;
      expect(url).toBe(`${webpackConfig.DEV_URL}assets/icon-${size}.png`);
      expect(readPng(assetFile(url))).toMatchObject({ width: size, height: size, colorType: 6, cornerAlpha: 0 });
    }
  });

  test("gives every ribbon icon size (16, 32, 80) an image file of exactly that size", () => {
    const icons = allElements(doc).filter((el) => el.localName === "Icon");
    expect(icons.length).toBeGreaterThan(0);
    for (const icon of icons) {
      const images = childElements(icon);
      expect(images.map((img) => img.getAttribute("size"))).toEqual(["16", "32", "80"]);
      for (const img of images) {
        const size = Number(img.getAttribute("size"));
        const file = assetFile(resource(resid(img))!);
        expect(fs.existsSync(file)).toBe(true);
        expect(readPng(file)).toMatchObject({ width: size, height: size, colorType: 6, cornerAlpha: 0 });
      }
    }
  });
});

describe("the production rewrite of manifest.xml", () => {
  test("replaces every dev URL with ALM_ADDIN_URL, the app domain with its origin, and drops comments", () => {
    const out = webpackConfig.productionManifest(source, "https://alm.example.com/addin/");
    expect(out).not.toMatch(/localhost|<!--/);
    expect(out).toContain('<bt:Url id="Taskpane.Url" DefaultValue="https://alm.example.com/addin/taskpane.html"/>');
    expect(out).toContain("<AppDomain>https://alm.example.com</AppDomain>");
    const rewritten = parseXml(out, "production manifest");
    expect(allElements(rewritten)).toHaveLength(allElements(doc).length);
  });

  test("accepts only an https base URL that ends in a slash and is not localhost", () => {
    expect(webpackConfig.productionUrl("https://alm.example.com/")).toBe("https://alm.example.com/");
    for (const bad of ["http://alm.example.com/", "https://alm.example.com", "https://localhost:3000/", "https://a.example/?x=1", "alm"]) {
      expect(() => webpackConfig.productionUrl(bad)).toThrow(/ALM_ADDIN_URL/);
    }
  });

  test("has no default address: without one it refuses, and webpack.config.js names no placeholder host", () => {
    for (const missing of [undefined, "", "  "]) expect(() => webpackConfig.productionUrl(missing)).toThrow(/ALM_ADDIN_URL is not set/);
    expect(fs.readFileSync(path.join(ROOT, "webpack.config.js"), "utf8")).not.toMatch(/example\.(org|com|net)/);
  });
});

/** Runs the webpack config factory (no compilation) with these environment variables, restoring them after. */
async function configWith(vars: Record<string, string | undefined>, env: Record<string, unknown> = {}, mode = "production") {
  const saved = Object.fromEntries(Object.keys(vars).map((k) => [k, process.env[k]]));
  const set = (values: Record<string, string | undefined>) => {
    for (const [k, v] of Object.entries(values)) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  };
  set(vars);
  try {
    return await webpackConfig(env, { mode });
  } finally {
    set(saved);
  }
}

type Plugin = { patterns?: { to?: string; transform?: (content: Buffer) => Buffer | string }[]; info?: Record<string, unknown>; userOptions?: { filename?: string; templateContent?: string } };
const plugins = (config: Record<string, unknown>) => config.plugins as Plugin[];
/** What the config would write as dist/manifest.xml, and what build-info.json would record. */
function manifestOf(config: Record<string, unknown>) {
  const copy = plugins(config).find((p) => Array.isArray(p.patterns))!;
  const pattern = copy.patterns!.find((p) => p.to === "manifest.xml")!;
  const info = plugins(config).find((p) => p instanceof webpackConfig.BuildInfoPlugin)!.info!;
  return { xml: String(pattern.transform!(Buffer.from(source))), info };
}
const supportHtmlOf = (config: Record<string, unknown>) => plugins(config).find((p) => p.userOptions?.filename === "support.html")!.userOptions!.templateContent!;

describe("which manifest a build writes (webpack.config.js, without running webpack)", () => {
  const NO_URL = { ALM_ADDIN_URL: undefined };

  test("manifestTarget: development unless an address is given; a release needs one", () => {
    const dev = { manifest: "development", addinUrl: "https://localhost:3000/" };
    const prod = { manifest: "production", addinUrl: "https://alm.example.com/addin/" };
    expect(webpackConfig.manifestTarget({ mode: "development" })).toEqual(dev);
    expect(webpackConfig.manifestTarget({ mode: "development", addinUrl: prod.addinUrl })).toEqual(dev);
    expect(webpackConfig.manifestTarget({ mode: "production" })).toEqual(dev);
    expect(webpackConfig.manifestTarget({ mode: "production", addinUrl: "" })).toEqual(dev);
    expect(webpackConfig.manifestTarget({ mode: "production", addinUrl: prod.addinUrl })).toEqual(prod);
    expect(webpackConfig.manifestTarget({ mode: "production", release: true, addinUrl: prod.addinUrl })).toEqual(prod);
    expect(() => webpackConfig.manifestTarget({ mode: "production", release: true })).toThrow(/npm run build:release needs ALM_ADDIN_URL/);
    expect(() => webpackConfig.manifestTarget({ mode: "production", release: true, addinUrl: " " })).toThrow(/npm run build:release needs ALM_ADDIN_URL/);
    expect(() => webpackConfig.manifestTarget({ mode: "production", release: true, addinUrl: "http://alm.example.com/" })).toThrow(/build:release: ALM_ADDIN_URL must be an https URL/);
    expect(() => webpackConfig.manifestTarget({ mode: "production", addinUrl: "https://localhost:3000/" })).toThrow(/ALM_ADDIN_URL must be an https URL/);
    expect(() => webpackConfig.manifestTarget({ mode: "development", release: true })).toThrow(/release build is a production build/);
  });

  test("npm run build (no ALM_ADDIN_URL) copies the development manifest for https://localhost:3000/", async () => {
    const { xml, info } = manifestOf(await configWith(NO_URL));
    expect(xml).toBe(source);
    expect(xml).toContain('<SourceLocation DefaultValue="https://localhost:3000/taskpane.html"/>');
    expect(xml).not.toMatch(/example\.org/);
    expect(info).toMatchObject({ mode: "production", manifest: "development", addinUrl: "https://localhost:3000/" });
    expect(webpackConfig.describeManifest(info as never)).toMatch(/^dist\/manifest\.xml: development manifest for https:\/\/localhost:3000\//);
  });

  test("npm run build:release without ALM_ADDIN_URL, or with a bad one, fails with what to set", async () => {
    const pkgJson = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")) as { scripts: Record<string, string> };
    expect(pkgJson.scripts["build:release"]).toBe("webpack --mode production --env release");
    await expect(configWith(NO_URL, { release: true })).rejects.toThrow(/npm run build:release needs ALM_ADDIN_URL[\s\S]*ALM_ADDIN_URL=https:\/\/your\.host\/alm\/ npm run build:release/);
    await expect(configWith({ ALM_ADDIN_URL: "" }, { release: true })).rejects.toThrow(/needs ALM_ADDIN_URL/);
    await expect(configWith({ ALM_ADDIN_URL: "https://alm.example.com/addin" }, { release: true })).rejects.toThrow(/must be an https URL ending in "\/"/);
  });

  test.each([[{ release: true }], [{}]])("with ALM_ADDIN_URL (env %j) the manifest points there and nowhere near localhost", async (env) => {
    const url = "https://alm.example.com/addin/";
    const { xml, info } = manifestOf(await configWith({ ALM_ADDIN_URL: url }, env));
    expect(xml).toBe(webpackConfig.productionManifest(source, url));
    expect(xml).not.toMatch(/localhost/);
    expect(xml).toContain(`<SourceLocation DefaultValue="${url}taskpane.html"/>`);
    expect(info).toMatchObject({ manifest: "production", addinUrl: url });
    expect(webpackConfig.describeManifest(info as never)).toBe(`dist/manifest.xml: production manifest for ${url} (publish the folder there, then hand out dist/manifest.xml).`);
  });

  test("the dev server and development builds ignore ALM_ADDIN_URL", async () => {
    const { xml, info } = manifestOf(await configWith({ ALM_ADDIN_URL: "https://alm.example.com/addin/" }, {}, "development"));
    expect(xml).toBe(source);
    expect(info).toMatchObject({ mode: "development", manifest: "development", addinUrl: "https://localhost:3000/" });
  });
});

describe("support.html", () => {
  const pkgJson = JSON.parse(fs.readFileSync(path.join(ROOT, "package.json"), "utf8")) as { homepage?: unknown; bugs?: { url?: unknown } };

  test("package.json has the homepage and bugs.url fields it reads, and no made-up address in them", () => {
    expect(typeof pkgJson.homepage).toBe("string");
    expect(typeof pkgJson.bugs?.url).toBe("string");
    for (const value of [pkgJson.homepage, pkgJson.bugs?.url] as string[]) expect(value).not.toMatch(/example\.|github\.com\/(your|owner|user|example)/i);
  });

  test("projectLinks: ALM_PROJECT_URL / ALM_ISSUES_URL, else package.json homepage / bugs.url, else none", () => {
    const pkgWith = { homepage: "https://git.example.com/alm", bugs: { url: "https://git.example.com/alm/issues" } };
    expect(webpackConfig.projectLinks({}, { homepage: "", bugs: { url: "" } })).toEqual({ projectUrl: null, issuesUrl: null });
    expect(webpackConfig.projectLinks({}, {})).toEqual({ projectUrl: null, issuesUrl: null });
    expect(webpackConfig.projectLinks({}, pkgWith)).toEqual({ projectUrl: pkgWith.homepage, issuesUrl: pkgWith.bugs.url });
    expect(webpackConfig.projectLinks({ ALM_PROJECT_URL: "https://p.example.com/", ALM_ISSUES_URL: "https://p.example.com/issues" }, pkgWith)).toEqual({ projectUrl: "https://p.example.com/", issuesUrl: "https://p.example.com/issues" });
    expect(() => webpackConfig.projectLinks({ ALM_ISSUES_URL: "not a url" }, {})).toThrow(/ALM_ISSUES_URL is not a URL/);
    expect(() => webpackConfig.projectLinks({}, { homepage: "ftp://x.example.com/" })).toThrow(/package.json homepage must be an http\(s\) URL/);
  });

  test("without links: says what the project is, points at the README and docs/, and says how to report a problem", () => {
    const html = webpackConfig.supportPage({ description: "ALM functions.", version: "9.9.9", projectUrl: null, issuesUrl: null });
    expect(html).not.toMatch(/<script\b|\bon[a-z]+=|javascript:|github\.com|example\./i);
    expect(html).toMatch(/open-source \(MIT\) ALM add-in/);
    for (const doc of ["README.md", "docs/getting-started.md", "docs/functions.md", "docs/taskpane.md", "docs/methodology/"]) expect(html).toContain(doc);
    expect(html).toContain("<h2>Reporting a problem</h2>");
    for (const what of ["=ALM.VERSION()", "the formula exactly as typed", "small anonymised example", "Excel platform and build"]) expect(html).toContain(what);
  });

  test("with ALM_PROJECT_URL and ALM_ISSUES_URL: links to both, escaped", async () => {
    const html = supportHtmlOf(await configWith({ ALM_PROJECT_URL: "https://git.example.com/alm", ALM_ISSUES_URL: "https://git.example.com/alm/issues?q=a&b=<c>" }));
    expect(html).toContain('<a href="https://git.example.com/alm">https://git.example.com/alm</a>');
    expect(html).toContain('<a href="https://git.example.com/alm/issues?q=a&#38;b=&#60;c&#62;">');
    expect(html).not.toContain("<c>");
    expect(html).not.toMatch(/<script\b/i);
    for (const what of ["=ALM.VERSION()", "small anonymised example", "Excel platform and build"]) expect(html).toContain(what);
  });
});
