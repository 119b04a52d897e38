/**
 * Bundles the fake Office host (browser.ts) into one browser script with esbuild. It holds no ALM
 * function: the page's own functions.js registers them with the host's CustomFunctions. Used by
 * `npm run preview` and the browser test; nothing of it ships.
 */
import { build } from "esbuild";
import path from "node:path";

/**
 * The bundle's text: an IIFE that installs Office, Excel and CustomFunctions on `window`. `root` is the
 * repository root (callers running as ES modules pass it; CommonJS callers may omit it).
 */
export async function buildFakeHost(root: string = path.resolve(__dirname, "../..")): Promise<string> {
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
