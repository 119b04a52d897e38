/**
 * Builds the add-in into dist/:
 *   taskpane.html  the shared-runtime page: office.js from the CDN, then functions.js and taskpane.js
 *   functions.js   custom functions (Excel also fetches it by the manifest's Script URL, so its name has
 *                  no hash and it is one self-contained file: no split chunks, no separate runtime)
 *   functions.json metadata generated from the JSDoc of every src/functions/adapters/*.ts
 *   taskpane.js    React + Fluent UI task pane
 *   support.html   the manifest's SupportUrl / LearnMoreUrl page (static, no script)
 *   manifest.xml   copied; in production every https://localhost:3000/ becomes ALM_ADDIN_URL
 *   assets/*       icons
 *   build-info.json mode, add-in URL, version and the npm packages bundled into each entry (tests read it)
 *
 * Environment:
 *   ALM_ADDIN_URL  where dist/ is hosted in production, https and ending in "/"
 *                  (default https://alm-addin.example.org/). Only production builds use it.
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
const DEFAULT_PRODUCTION_URL = "https://alm-addin.example.org/";
const ADAPTERS_DIR = path.resolve(__dirname, "src/functions/adapters");

/** Every adapter module: the custom-function metadata input, and what functions.ts must import. */
function adapterFiles() {
  return fs
    .readdirSync(ADAPTERS_DIR)
    .filter((name) => name.endsWith(".ts") && !name.endsWith(".d.ts"))
    .sort()
    .map((name) => path.join(ADAPTERS_DIR, name));
}

/** ALM_ADDIN_URL, checked: an https base URL ending in "/" with no query or fragment. */
function productionUrl(value = process.env.ALM_ADDIN_URL || DEFAULT_PRODUCTION_URL) {
  let url;
  try {
    url = new URL(value);
  } catch {
    throw new Error(`ALM_ADDIN_URL is not a URL: "${value}"`);
  }
  if (url.protocol !== "https:" || !value.endsWith("/") || url.search || url.hash || url.hostname === "localhost") {
    throw new Error(`ALM_ADDIN_URL must be an https URL ending in "/" (not localhost), like ${DEFAULT_PRODUCTION_URL}; got "${value}"`);
  }
  return value;
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

/** Emits build-info.json: what was built for where, and which npm packages each entry bundles. */
class BuildInfoPlugin {
  constructor(info) {
    this.info = info;
  }

  apply(compiler) {
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

const supportPage = (description) => `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>ALM — Asset-Liability Management: help</title>
  </head>
  <body style="font-family: 'Segoe UI', system-ui, sans-serif; max-width: 40rem; margin: 2rem auto; padding: 0 1rem">
    <h1>ALM — Asset-Liability Management</h1>
    <p>${description}</p>
    <p>Version ${pkg.version}. In Excel, type <code>=ALM.</code> in a cell to list the functions, or open the
      <strong>ALM Wizard</strong> on the Home tab. <code>=ALM.VERSION()</code> shows the version a workbook was
      computed with.</p>
    <p>For help, contact the team that deployed this add-in in your organisation.</p>
  </body>
</html>
`;

module.exports = async (env = {}, options = {}) => {
  const dev = options.mode === "development";
  const serving = Boolean(env.WEBPACK_SERVE);
  const addinUrl = dev ? DEV_URL : productionUrl();
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
        templateContent: supportPage(pkg.description),
        inject: false,
        minify: false,
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*", to: "assets/[name][ext]" },
          {
            from: "manifest.xml",
            to: "manifest.xml",
            transform: (content) => (dev ? content : productionManifest(content.toString(), addinUrl)),
          },
        ],
      }),
      new BuildInfoPlugin({ mode: dev ? "development" : "production", addinUrl, version: pkg.version }),
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
module.exports.DEV_URL = DEV_URL;
