import { readdirSync, readFileSync, statSync } from "fs";
import { dirname, join, relative, resolve } from "path";

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : /\.tsx?$/.test(name) ? [path] : [];
  });
}

const importsOf = (path: string) => [...readFileSync(path, "utf8").matchAll(/(?:import|export)[^;]*?from\s+["']([^"']+)["']|require\(\s*["']([^"']+)["']\s*\)|import\(\s*["']([^"']+)["']\s*\)/g)].map((m) => m[1] ?? m[2] ?? m[3]);

describe("layer boundaries (README.md, Layout)", () => {
  const engine = files("src/engine");

  it("finds the engine's files", () => expect(engine.length).toBeGreaterThan(10));

  it("the engine imports nothing from functions, taskpane, Office or React — only itself and decimal.js", () => {
    const offending = engine.flatMap((f) => importsOf(f).filter((spec) => !(spec.startsWith(".") || spec === "decimal.js")).map((spec) => `${f}: ${spec}`));
    const upward = engine.flatMap((f) => importsOf(f).filter((spec) => /functions|taskpane/.test(spec)).map((spec) => `${f}: ${spec}`));
    expect(offending).toEqual([]);
    expect(upward).toEqual([]);
  });

  it("the engine uses no Office or Excel global, no clock and no randomness", () => {
    const offending = engine.filter((f) => /\b(Office|Excel|CustomFunctions)\.|Date\.now|new Date\(|Math\.random|performance\.now/.test(readFileSync(f, "utf8")));
    expect(offending).toEqual([]);
  });

  it("the functions layer never imports the task pane, and only the pane's Excel wrapper (and the functions' read-only date-system probe) call Excel.run", () => {
    const fromFunctions = files("src/functions").flatMap((f) => importsOf(f).filter((s) => s.includes("taskpane")));
    expect(fromFunctions).toEqual([]);
    const callers = files("src").filter((f) => /Excel\.run\s*\(/.test(readFileSync(f, "utf8"))).map((f) => f.replace(/\\/g, "/")).sort();
    expect(callers).toEqual(["src/functions/dateSystem.ts", "src/taskpane/excel/excelRun.ts"]);
  });

  it("the functions layer catches errors only in the runner, the per-cell wrapper and at the worker boundary", () => {
    const withTry = files("src/functions").filter((f) => /\btry\s*\{/.test(readFileSync(f, "utf8"))).map((f) => f.replace(/\\/g, "/")).sort();
    expect(withTry).toEqual(["src/functions/cells.ts", "src/functions/offload.ts", "src/functions/runner.ts"]);
  });

  /** Every relative import of a file under src, resolved to the file it names. */
  const graph = (): Map<string, string[]> => {
    const all = files("src").map((f) => f.replace(/\\/g, "/"));
    const known = new Set(all);
    const target = (from: string, spec: string) => {
      const base = relative(process.cwd(), resolve(dirname(from), spec)).replace(/\\/g, "/");
      return [base, `${base}.ts`, `${base}.tsx`, `${base}/index.ts`, `${base}/index.tsx`].find((c) => known.has(c));
    };
    return new Map(all.map((f) => [f, importsOf(f).filter((spec) => spec.startsWith(".")).map((spec) => target(f, spec)).filter((t): t is string => t !== undefined)]));
  };

  /** The cycles of a directed graph (one per strongly connected part with more than one node, or a self-loop). */
  const cycles = (edges: Map<string, readonly string[]>): string[][] => {
    const index = new Map<string, number>();
    const low = new Map<string, number>();
    const stack: string[] = [];
    const on = new Set<string>();
    const out: string[][] = [];
    let next = 0;
    const visit = (v: string) => {
      index.set(v, next);
      low.set(v, next++);
      stack.push(v);
      on.add(v);
      for (const w of edges.get(v) ?? []) {
        if (!index.has(w)) {
          visit(w);
          low.set(v, Math.min(low.get(v)!, low.get(w)!));
        } else if (on.has(w)) low.set(v, Math.min(low.get(v)!, index.get(w)!));
      }
      if (low.get(v) === index.get(v)) {
        const part: string[] = [];
        let w: string;
        do {
          w = stack.pop()!;
          on.delete(w);
          part.push(w);
        } while (w !== v);
        if (part.length > 1 || (edges.get(v) ?? []).includes(v)) out.push(part.sort());
      }
    };
    for (const v of edges.keys()) if (!index.has(v)) visit(v);
    return out;
  };

  it("the cycle finder finds a cycle when there is one", () => {
    expect(cycles(new Map([["a", ["b"]], ["b", ["c"]], ["c", ["a"]], ["d", ["a"]]]))).toEqual([["a", "b", "c"]]);
    expect(cycles(new Map([["a", ["b"]], ["b", []]]))).toEqual([]);
  });

  it("the task pane's folders import each other without cycles, and domain imports no other pane folder", () => {
    const folderOf = (f: string) => (f.startsWith("src/taskpane/") ? f.slice("src/taskpane/".length).split("/").slice(0, -1).join("/") || "(root)" : null);
    const edges = new Map<string, string[]>();
    for (const [from, targets] of graph()) {
      const a = folderOf(from);
      if (a === null) continue;
      for (const t of targets) {
        const b = folderOf(t);
        if (b === null || b === a) continue;
        edges.set(a, [...new Set([...(edges.get(a) ?? []), b])]);
      }
    }
    expect([...edges.keys()].sort()).toEqual(expect.arrayContaining(["components", "excel"]));
    expect(cycles(edges)).toEqual([]);
    expect(edges.get("domain") ?? []).toEqual([]);
  });

  it("no module of src imports itself back through others", () => {
    expect(cycles(graph())).toEqual([]);
  });

  it("no file in src is over 450 lines", () => {
    const long = files("src")
      .map((f) => [f.replace(/\\/g, "/"), readFileSync(f, "utf8").split("\n").length] as const)
      .filter(([, n]) => n > 450);
    expect(long).toEqual([]);
  });
});
