/**
 * Security properties of what ships in dist/ (docs/security.md): a strict Content-Security-Policy on the
 * pane, no inline scripts it would have to allow, and no third-party origin but the Office CDN.
 */
import * as fs from "fs";
import * as path from "path";
import { DIST } from "../helpers/addinFiles";

const html = fs.readFileSync(path.join(DIST, "taskpane.html"), "utf8");
const csp = /<meta\s+http-equiv="?Content-Security-Policy"?\s+content="([^"]+)"/i.exec(html)?.[1] ?? "";
const directives = new Map(
  csp
    .split(";")
    .map((d) => d.trim().split(/\s+/))
    .filter((d) => d[0])
    .map(([name, ...values]) => [name, values] as const)
);

describe("the task pane's Content-Security-Policy in dist/taskpane.html", () => {
  it("is present", () => expect(csp).not.toBe(""));

  it("defaults to self and allows scripts only from self and the Office CDN, never eval or inline", () => {
    expect(directives.get("default-src")).toEqual(["'self'"]);
    expect(directives.get("script-src")).toEqual(["'self'", "https://appsforoffice.microsoft.com"]);
  });

  it("allows inline styles (Fluent UI injects them) but no other style origin", () => {
    expect(directives.get("style-src")).toEqual(["'self'", "'unsafe-inline'"]);
  });

  it("allows network connections only to self and the Office CDN, and no plugins", () => {
    for (const value of directives.get("connect-src") ?? []) expect(["'self'", "https://appsforoffice.microsoft.com"]).toContain(value);
    expect(directives.get("object-src")).toEqual(["'none'"]);
  });

  it("has no inline script that the policy would block", () => {
    const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/gi)];
    expect(scripts.length).toBeGreaterThan(0);
    for (const [, attributes, body] of scripts) {
      expect(attributes).toMatch(/\bsrc=/);
      expect(body.trim()).toBe("");
    }
  });

  it("loads scripts only from the page's own origin or the Office CDN", () => {
    const sources = [...html.matchAll(/<script\b[^>]*\bsrc=(?:"([^"]+)"|([^\s>]+))/gi)].map((m) => m[1] ?? m[2]);
    expect(sources.length).toBeGreaterThan(0);
    for (const src of sources) expect(/^https?:\/\//.test(src) ? src.startsWith("https://appsforoffice.microsoft.com/") : true).toBe(true);
  });
});
