/**
 * Readers for the add-in's packaging files, shared by the manifest, metadata and dist tests: an XML
 * parser that fails loudly, element helpers, and the header of a PNG.
 */
import * as fs from "fs";
import * as path from "path";
import { inflateSync } from "zlib";
import { DOMParser, type Document, type Element } from "@xmldom/xmldom";

export const ROOT = path.resolve(__dirname, "..", "..");
/** The built add-in: dist/, or ALM_DIST (e.g. a build in a scratch folder while dist/ is in use). */
export const DIST = process.env.ALM_DIST ? path.resolve(process.env.ALM_DIST) : path.join(ROOT, "dist");

/** Which manifest a build writes, and for which address (webpack.config.js manifestTarget). */
export interface ManifestTarget {
  manifest: "development" | "production";
  addinUrl: string;
}

/** The project's home page and issue tracker shown on support.html; null when not configured. */
export interface ProjectLinks {
  projectUrl: string | null;
  issuesUrl: string | null;
}

/** The webpack config factory (webpack calls it with `--env` values and the CLI options) and its helpers. */
export type WebpackConfigModule = ((env?: Record<string, unknown>, options?: { mode?: string }) => Promise<Record<string, unknown>>) & {
  adapterFiles: () => string[];
  productionUrl: (value?: string) => string;
  productionManifest: (xml: string, baseUrl: string) => string;
  manifestTarget: (input: { mode?: string; release?: boolean; addinUrl?: string }) => ManifestTarget;
  describeManifest: (target: ManifestTarget, file?: string) => string;
  projectLinks: (vars?: Record<string, string | undefined>, pkg?: Record<string, unknown>) => ProjectLinks;
  supportPage: (input: { description: string; version: string } & ProjectLinks) => string;
  BuildInfoPlugin: new (...args: never[]) => { info: Record<string, unknown> };
  DEV_URL: string;
};

// eslint-disable-next-line @typescript-eslint/no-require-imports -- webpack.config.js is untyped CommonJS
export const webpackConfig = require(path.join(ROOT, "webpack.config.js")) as WebpackConfigModule;

export const NS = {
  officeApp: "http://schemas.microsoft.com/office/appforoffice/1.1",
  overrides: "http://schemas.microsoft.com/office/taskpaneappversionoverrides",
  basicTypes: "http://schemas.microsoft.com/office/officeappbasictypes/1.0",
  xsi: "http://www.w3.org/2001/XMLSchema-instance",
} as const;

/** Parses XML; any warning or error of the parser fails. */
export function parseXml(text: string, name: string): Document {
  const problems: string[] = [];
  const doc = new DOMParser({ onError: (level, message) => problems.push(`${level}: ${message}`) }).parseFromString(text, "text/xml");
  if (problems.length > 0) throw new Error(`${name} is not well-formed XML:\n${problems.join("\n")}`);
  return doc;
}

export function childElements(el: Element): Element[] {
  const out: Element[] = [];
  for (let n = el.firstChild; n; n = n.nextSibling) if (n.nodeType === 1) out.push(n as Element);
  return out;
}

export function allElements(doc: Document): Element[] {
  return Array.from(doc.getElementsByTagName("*"));
}

/** The single element with this local name (in any namespace); fails unless there is exactly one. */
export function only(doc: Document | Element, localName: string): Element {
  const found = Array.from(doc.getElementsByTagNameNS("*", localName));
  if (found.length !== 1) throw new Error(`expected exactly one <${localName}>, found ${found.length}`);
  return found[0];
}

export const xsiType = (el: Element) => el.getAttributeNS(NS.xsi, "type");

export interface PngInfo {
  width: number;
  height: number;
  bitDepth: number;
  colorType: number;
  /** Alpha of the top-left pixel (8-bit RGBA only); a transparent background makes it 0. */
  cornerAlpha: number | null;
}

/** Reads width, height and colour type from the IHDR chunk, and the top-left pixel's alpha. */
export function readPng(file: string): PngInfo {
  const bytes = fs.readFileSync(file);
  const signature = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
  if (!bytes.subarray(0, 8).equals(signature)) throw new Error(`${file} is not a PNG`);
  if (bytes.toString("latin1", 12, 16) !== "IHDR") throw new Error(`${file}: first chunk is not IHDR`);
  const info: PngInfo = {
    width: bytes.readUInt32BE(16),
    height: bytes.readUInt32BE(20),
    bitDepth: bytes[24],
    colorType: bytes[25],
    cornerAlpha: null,
  };
  if (info.bitDepth === 8 && info.colorType === 6) {
    const idat: Buffer[] = [];
    for (let at = 8; at < bytes.length; ) {
      const length = bytes.readUInt32BE(at);
      if (bytes.toString("latin1", at + 4, at + 8) === "IDAT") idat.push(bytes.subarray(at + 8, at + 8 + length));
      at += 12 + length;
    }
    // Whatever the filter of the first scanline, its first pixel is stored as is (all predictors are 0).
    info.cornerAlpha = inflateSync(Buffer.concat(idat))[1 + 3];
  }
  return info;
}
