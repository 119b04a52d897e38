/**
 * Builds the benchmark's worker (bench/child.ts with the engine and functions it imports) into one
 * bundle with esbuild, the way the add-in ships: ES modules bundled and scope-hoisted, so a call from
 * one module to another is a plain call. Running the TypeScript through tsx instead would time tsx's
 * per-module CommonJS transform (a getter on every imported binding, a `__name` call for every closure
 * created), which the webpack bundle Excel loads does not have.
 */
import { buildSync } from "esbuild";
import * as path from "path";

export const BUILD_DIR = path.join(__dirname, "results", ".build");

/** Bundles bench/child.ts for Node and returns the path of the bundle (its source map sits next to it). */
export function buildChild(): string {
  const outfile = path.join(BUILD_DIR, "child.js");
  buildSync({
    entryPoints: [path.join(__dirname, "child.ts")],
    bundle: true,
    platform: "node",
    target: "node20",
    format: "cjs",
    sourcemap: "external",
    outfile,
    logLevel: "warning",
  });
  return outfile;
}
