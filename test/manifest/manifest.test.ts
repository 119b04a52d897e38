/**
 * Offline checks of manifest.xml (the online `npm run validate` is a manual pre-release step): the
 * shared-runtime wiring, resources, URLs, requirement sets and icons (reference/office-addin.md §1.5, §6.7).
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
});
