/**
 * Bundles the fake Office host (scripts/fake-host/browser.ts, with the ALM functions) into one
 * browser script with esbuild. Used by `npm run preview` and the browser test.
 */
import { build } from "esbuild";
import path from "node:path";
import { fileURLToPath } from "node:url";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");

/** Returns the bundle's text. */
export async function buildFakeHost() {
  const result = await build({
    entryPoints: [path.join(root, "scripts/fake-host/browser.ts")],
    bundle: true,
    write: false,
    format: "iife",
    platform: "browser",
    target: "es2020",
    sourcemap: "inline",
    logLevel: "silent",
    tsconfig: path.join(root, "tsconfig.json"),
  });
  return result.outputFiles[0].text;
}
