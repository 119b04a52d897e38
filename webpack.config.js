/**
 * Builds the add-in into dist/:
 *   taskpane.html  the shared-runtime page: office.js from the CDN, then functions.js and taskpane.js
 *   functions.js   custom functions (Excel also fetches it by the manifest's Script URL, so its name has
 *                  no hash and it is one self-contained file: no split chunks, no separate runtime)
 *   functions.json metadata generated from the JSDoc of every src/functions/adapters/*.ts
 *   taskpane.js    React + Fluent UI task pane
 *   support.html   the manifest's SupportUrl / LearnMoreUrl page (static, no script): what the add-in is,
 *                  where the project and its docs live, how to report a problem
 *   manifest.xml   the development manifest (copied as is, every URL on https://localhost:3000/, what
 *                  `npm start` serves), or the production one: every https://localhost:3000/ becomes
 *                  ALM_ADDIN_URL (see manifestTarget)
 *   assets/*       icons
 *   build-info.json webpack mode, which manifest for which URL, version, the support page's links and the
 *                  npm packages bundled into each entry (tests read it)
 *
 * Which manifest (manifestTarget; the build prints which one it wrote):
 *   npm run build                       development manifest for https://localhost:3000/ (minified bundles)
 *   ALM_ADDIN_URL=… npm run build       production manifest for ALM_ADDIN_URL
 *   npm run build:release               (`--env release`) production manifest; fails unless ALM_ADDIN_URL
 *                                       is set and valid
 *   npm run build:dev / webpack serve   development manifest, ALM_ADDIN_URL ignored
 *
 * Environment:
 *   ALM_ADDIN_URL  where dist/ is hosted in production: https, ending in "/", not localhost.
 *   ALM_PROJECT_URL, ALM_ISSUES_URL  the project's home page and issue tracker for support.html;
 *                  default package.json `homepage` and `bugs.url` (empty while the public address is not
 *                  decided: the page then points at the docs in the source distribution instead).
 *   ALM_DEV_HTTP=1 `webpack serve` over plain http (browser preview only: Excel requires https);
 *                  otherwise it serves https with office-addin-dev-certs' localhost certificate.
 *
 * Adapter files are listed when the config loads: restart the dev server after adding one.
 */
const fs = require("fs");
const path = require("path");
const webpack = require("webpack");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const pkg = require("./package.json");

const DEV_URL = "https://localhost:3000/";
/** How the docs and messages write "your address": never used as a value. */
const URL_SHAPE = "https://your.host/alm/";
const ADAPTERS_DIR = path.resolve(__dirname, "src/functions/adapters");

/** Every adapter module: the custom-function metadata input, and what functions.ts must import. */
function adapterFiles() {
  return fs
    .readdirSync(ADAPTERS_DIR)
    .filter((name) => name.endsWith(".ts") && !name.endsWith(".d.ts"))
    .sort()
    .map((name) => path.join(ADAPTERS_DIR, name));
}

/**
 * An error in what the build was asked to do (a missing or bad address), not in the build: webpack-cli
 * prints only its message, without a stack trace to scroll past.
 */
function configError(message) {
  const error = new Error(message);
  error.stack = `Error: ${message}`;
  return error;
}

/** ALM_ADDIN_URL, checked: an https base URL ending in "/" with no query or fragment, not localhost. */
function productionUrl(value) {
  if (typeof value !== "string" || value.trim() === "") {
    throw configError(`ALM_ADDIN_URL is not set: a production manifest needs the https address dist/ is served from, like ${URL_SHAPE}`);
  }
  let url;
  try {
    url = new URL(value);
  } catch {
    throw configError(`ALM_ADDIN_URL is not a URL: "${value}"`);
  }
  if (url.protocol !== "https:" || !value.endsWith("/") || url.search || url.hash || url.hostname === "localhost") {
    throw configError(`ALM_ADDIN_URL must be an https URL ending in "/" (not localhost), like ${URL_SHAPE}; got "${value}"`);
  }
  return value;
}

const RELEASE_NEEDS_URL =
  "npm run build:release needs ALM_ADDIN_URL, the https address dist/ will be served from (ending in \"/\"):\n" +
  `  ALM_ADDIN_URL=${URL_SHAPE} npm run build:release\n` +
  `(npm run build without it writes the development manifest for ${DEV_URL}, which only \`npm start\` serves.)`;

/**
 * Which manifest a build writes: { manifest: "development" | "production", addinUrl }.
 *   mode      webpack's mode; a development build (and the dev server) always gets the development
 *             manifest, since it is served from https://localhost:3000/
 *   release   `--env release` (npm run build:release): a production manifest or an error, never localhost
 *   addinUrl  ALM_ADDIN_URL; empty or unset counts as not given. Given, it must be valid (productionUrl).
 * There is no default production address: without ALM_ADDIN_URL a production-mode build writes the
 * development manifest, which Excel can load only while `npm start` runs.
 */
function manifestTarget({ mode, release = false, addinUrl } = {}) {
  const given = typeof addinUrl === "string" && addinUrl.trim() !== "";
  if (mode === "development") {
    if (release) throw configError("A release build is a production build: use npm run build:release (webpack --mode production --env release).");
    return { manifest: "development", addinUrl: DEV_URL };
  }
  if (!given) {
    if (release) throw configError(RELEASE_NEEDS_URL);
    return { manifest: "development", addinUrl: DEV_URL };
  }
  try {
    return { manifest: "production", addinUrl: productionUrl(addinUrl) };
  } catch (error) {
    throw release ? configError(`npm run build:release: ${error.message}`) : error;
  }
}

/** One line for the build's output: which manifest was written where, for which address. */
function describeManifest(target, file = "dist/manifest.xml") {
  return target.manifest === "production"
    ? `${file}: production manifest for ${target.addinUrl} (publish the folder there, then hand out ${file}).`
    : `${file}: development manifest for ${DEV_URL} (what \`npm start\` serves). For hosting: ALM_ADDIN_URL=${URL_SHAPE} npm run build:release.`;
}

/**
 * The project's home page and issue tracker for support.html: ALM_PROJECT_URL / ALM_ISSUES_URL, else
 * package.json `homepage` / `bugs.url`; null when neither is set. A value that is set must be an
 * http(s) URL.
 */
function projectLinks(vars = process.env, pkgJson = pkg) {
  const pick = (name, envValue, pkgValue, pkgField) => {
    const [value, from] = envValue && envValue.trim() ? [envValue.trim(), name] : pkgValue && String(pkgValue).trim() ? [String(pkgValue).trim(), `package.json ${pkgField}`] : [null, null];
    if (value === null) return null;
    let url;
    try {
      url = new URL(value);
    } catch {
      throw configError(`${from} is not a URL: "${value}"`);
    }
    if (url.protocol !== "https:" && url.protocol !== "http:") throw configError(`${from} must be an http(s) URL; got "${value}"`);
    return value;
  };
  const bugs = pkgJson.bugs && typeof pkgJson.bugs === "object" ? pkgJson.bugs.url : pkgJson.bugs;
  return {
    projectUrl: pick("ALM_PROJECT_URL", vars.ALM_PROJECT_URL, pkgJson.homepage, "homepage"),
    issuesUrl: pick("ALM_ISSUES_URL", vars.ALM_ISSUES_URL, bugs, "bugs.url"),
  };
}

/**
 * The manifest for a production host: the developer comments dropped, dev URLs and the dev AppDomain
 * replaced, nothing of localhost left.
 */
function productionManifest(xml, baseUrl) {
  const origin = new URL(baseUrl).origin;
  const out = xml
    .replace(/[ \t]*<!--[\s\S]*?-->\r?\n?/g, "")
    .replaceAll(DEV_URL, baseUrl)
    .replaceAll(`<AppDomain>${DEV_URL.slice(0, -1)}</AppDomain>`, `<AppDomain>${origin}</AppDomain>`);
  if (out.includes("localhost")) throw new Error("manifest.xml still mentions localhost after rewriting to ALM_ADDIN_URL");
  return out;
}

/** https options for `webpack serve`, unless ALM_DEV_HTTP=1. Certificates are only touched here. */
async function devServerTransport() {
  if (process.env.ALM_DEV_HTTP === "1") return { type: "http" };
  const devCerts = require("office-addin-dev-certs");
  const { ca, key, cert } = await devCerts.getHttpsServerOptions();
  return { type: "https", options: { ca, key, cert } };
}

/** The npm package a module file comes from, or null for project sources. */
function packageOf(resource) {
  const parts = resource.split(/[\\/]/);
  const at = parts.lastIndexOf("node_modules");
  if (at < 0) return null;
  return parts[at + 1].startsWith("@") ? `${parts[at + 1]}/${parts[at + 2]}` : parts[at + 1];
}

/**
 * Emits build-info.json (what was built for where, and which npm packages each entry bundles) and, after a
 * build that is not the dev server's, prints which manifest it wrote.
 */
class BuildInfoPlugin {
  constructor(info, { report = true } = {}) {
    this.info = info;
    this.report = report;
  }

  apply(compiler) {
    if (this.report) {
      compiler.hooks.done.tap("BuildInfoPlugin", (stats) => {
        if (stats.hasErrors()) return;
        const relative = path.relative(process.cwd(), path.join(compiler.outputPath, "manifest.xml"));
        const file = relative.startsWith("..") || path.isAbsolute(relative) ? path.join(compiler.outputPath, "manifest.xml") : relative;
        console.log(`\n${describeManifest(this.info, file)}\n`);
      });
    }
    compiler.hooks.thisCompilation.tap("BuildInfoPlugin", (compilation) => {
      compilation.hooks.processAssets.tap({ name: "BuildInfoPlugin", stage: webpack.Compilation.PROCESS_ASSETS_STAGE_REPORT }, () => {
        const packages = {};
        for (const [name, entrypoint] of compilation.entrypoints) {
          const found = new Set();
          for (const chunk of entrypoint.chunks) {
            for (const module of compilation.chunkGraph.getChunkModulesIterable(chunk)) {
              for (const inner of module.modules ?? [module]) {
                const pkgName = inner.resource && packageOf(inner.resource);
                if (pkgName) found.add(pkgName);
              }
            }
          }
          packages[name] = [...found].sort();
        }
        const json = JSON.stringify({ ...this.info, packages }, null, 2);
        compilation.emitAsset("build-info.json", new webpack.sources.RawSource(json));
      });
    });
  }
}

const escapeHtml = (text) => String(text).replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/**
 * support.html: what the add-in is, where the project and its documentation live, and how to report a
 * problem. Static (no script: the pages' CSP allows none inline) and self-contained (no other origin).
 */
function supportPage({ description, version, projectUrl, issuesUrl }) {
  const link = (url) => `<a href="${escapeHtml(url)}">${escapeHtml(url)}</a>`;
  const project = projectUrl
    ? `<p>ALM is an open-source (MIT) Excel add-in. The project, its source and its documentation are at ${link(projectUrl)}:
      the README, a getting-started guide, the reference of every function with an example, the task pane and
      the methodology (cash flows, gaps, IRRBB).</p>`
    : `<p>ALM is the open-source (MIT) ALM add-in for Excel. Its documentation ships with the source
      distribution the add-in was built from: <code>README.md</code> (install, build, run), and the
      <code>docs/</code> folder &mdash; <code>docs/getting-started.md</code> (a first session and the columns of a
      positions table), <code>docs/functions.md</code> (every function, argument and default, with an example),
      <code>docs/taskpane.md</code> (the ALM Wizard), <code>docs/methodology/</code> (cash flows, gaps, IRRBB) and
      <code>docs/differences-from-excel.md</code>. If you received only the add-in, ask the team that deployed it
      in your organisation for that distribution.</p>`;
  const report = issuesUrl
    ? `<p>Open an issue at ${link(issuesUrl)} (or, if you use a copy deployed by your organisation, tell the team
      that deployed it). Please include:</p>`
    : `<p>Report it to the team that deployed this add-in in your organisation, or to the issue tracker of the
      project the source distribution came from. Please include:</p>`;
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>ALM — Asset-Liability Management: help</title>
  </head>
  <body style="font-family: 'Segoe UI', system-ui, sans-serif; max-width: 40rem; margin: 2rem auto; padding: 0 1rem; line-height: 1.4">
    <h1>ALM — Asset-Liability Management</h1>
    <p>${escapeHtml(description)}</p>
    <p>Version ${escapeHtml(version)}. In Excel, type <code>=ALM.</code> in a cell to list the functions, or open the
      <strong>ALM Wizard</strong> on the Home tab. <code>=ALM.VERSION()</code> shows the version a workbook was
      computed with. When a cell shows <code>#VALUE!</code>, click the error indicator next to it: the message names
      the argument, the row and what was expected.</p>
    <h2>Where the project lives</h2>
    ${project}
    <h2>Reporting a problem</h2>
    ${report}
    <ul>
      <li>the output of <code>=ALM.VERSION()</code> (the add-in version and its shock calibration tables);</li>
      <li>the formula exactly as typed, and what the cell shows (its value, or the error and its message);</li>
      <li>a small anonymised example that shows the problem: a few rows of positions or curve with made-up
        identifiers and rounded amounts &mdash; never real customer data;</li>
      <li>the Excel platform and build: Excel on the web (with the browser), Windows or Mac, and the version and
        build from File &rarr; Account &rarr; About Excel (on a Mac: Excel &rarr; About Excel);</li>
      <li>for the ALM Wizard: the step, what you did and the message it showed.</li>
    </ul>
  </body>
</html>
`;
}

module.exports = async (env = {}, options = {}) => {
  const dev = options.mode === "development";
  const serving = Boolean(env.WEBPACK_SERVE);
  const target = manifestTarget({ mode: dev ? "development" : "production", release: Boolean(env.release), addinUrl: process.env.ALM_ADDIN_URL });
  const links = projectLinks();
  const adapters = adapterFiles();

  return {
    mode: dev ? "development" : "production",
    target: ["web", "es2020"],
    // No eval-based source maps: the task pane's CSP has no 'unsafe-eval', and dist is scanned for eval.
    devtool: dev ? "cheap-module-source-map" : "source-map",
    entry: {
      functions: "./src/functions/functions.ts",
      // The Web Worker the whole-table functions run in (src/functions/offload.ts); not loaded by the page.
      "functions-worker": "./src/functions/worker.ts",
      taskpane: "./src/taskpane/index.tsx",
    },
    output: {
      path: path.resolve(__dirname, "dist"),
      filename: "[name].js",
      clean: true,
    },
    resolve: {
      extensions: [".ts", ".tsx", ".js"],
    },
    module: {
      rules: [
        {
          test: /\.tsx?$/,
          exclude: /node_modules/,
          use: {
            loader: "ts-loader",
            options: { transpileOnly: true, compilerOptions: { module: "esnext", sourceMap: true } },
          },
        },
        {
          test: /\.(png|jpe?g|gif|svg)$/,
          type: "asset/resource",
          generator: { filename: "assets/[name][ext]" },
        },
      ],
    },
    optimization: {
      // functions.js must stand alone (Excel loads it by URL): no shared chunks, no runtime chunk.
      splitChunks: false,
      runtimeChunk: false,
    },
    performance: {
      hints: dev ? false : "warning",
      maxEntrypointSize: 1024 * 1024,
      maxAssetSize: 1024 * 1024,
      assetFilter: (file) => file.endsWith(".js"),
    },
    plugins: [
      new CustomFunctionsMetadataPlugin({ output: "functions.json", input: adapters }),
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        chunks: ["functions", "taskpane"],
        chunksSortMode: "manual",
      }),
      new HtmlWebpackPlugin({
        filename: "support.html",
        templateContent: supportPage({ description: pkg.description, version: pkg.version, ...links }),
        inject: false,
        minify: false,
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*", to: "assets/[name][ext]" },
          {
            from: "manifest.xml",
            to: "manifest.xml",
            transform: (content) => (target.manifest === "production" ? productionManifest(content.toString(), target.addinUrl) : content),
          },
        ],
      }),
      new BuildInfoPlugin(
        { mode: dev ? "development" : "production", manifest: target.manifest, addinUrl: target.addinUrl, version: pkg.version, support: links },
        { report: !serving }
      ),
    ],
    devServer: serving
      ? {
          // Loopback only (the manifest says localhost); `npm start -- --host 0.0.0.0` to expose it.
          host: "localhost",
          port: Number(process.env.npm_package_config_dev_server_port || 3000),
          headers: { "Access-Control-Allow-Origin": "*" },
          server: await devServerTransport(),
          static: false,
          hot: false,
          liveReload: true,
        }
      : undefined,
  };
};

module.exports.adapterFiles = adapterFiles;
module.exports.productionUrl = productionUrl;
module.exports.productionManifest = productionManifest;
module.exports.manifestTarget = manifestTarget;
module.exports.describeManifest = describeManifest;
module.exports.projectLinks = projectLinks;
module.exports.supportPage = supportPage;
module.exports.BuildInfoPlugin = BuildInfoPlugin;
module.exports.DEV_URL = DEV_URL;
