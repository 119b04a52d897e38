#!/usr/bin/env node
/**
 * `npm start`: serves the add-in with `webpack serve --mode development` on port 3000 and prints how to
 * sideload it. It builds nothing itself.
 *
 * Excel only loads add-ins over HTTPS with a trusted certificate, so this first makes sure the
 * office-addin-dev-certs localhost certificate exists and its CA is trusted (installing it may ask for
 * your sudo/admin password). Where that is impossible — a Linux container without sudo, CI — it says so
 * and serves plain http (ALM_DEV_HTTP=1): good for the browser preview, not for Excel.
 * Set ALM_DEV_HTTP=1 yourself to skip the certificate step. Extra arguments go to webpack serve.
 */
import { spawn } from "node:child_process";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const port = process.env.npm_package_config_dev_server_port || 3000;

/** "https", or "http" with the reason. Only here and in webpack's dev server are certificates touched. */
async function transport() {
  if (process.env.ALM_DEV_HTTP === "1") return { scheme: "http", reason: "ALM_DEV_HTTP=1 is set." };
  try {
    const devCerts = require("office-addin-dev-certs");
    await devCerts.ensureCertificatesAreInstalled();
    return { scheme: "https" };
  } catch (error) {
    const detail = String(error instanceof Error ? error.message : error).trim().split("\n")[0];
    return { scheme: "http", reason: `The development certificate could not be installed (${detail}).` };
  }
}

function printSideloading(scheme) {
  const base = `${scheme}://localhost:${port}/`;
  const lines = [
    "",
    `ALM add-in dev server: ${base}taskpane.html   (manifest: manifest.xml, served as ${base}manifest.xml)`,
    "",
    "Sideload it (keep this server running):",
    "  Excel on the web: Insert → Add-ins → My Add-ins → Upload My Add-in (newer ribbons: Home → Add-ins →",
    "    More Add-ins → My Add-ins → Upload My Add-in) → choose manifest.xml. For a hosted build instead:",
    "    ALM_ADDIN_URL=https://your.host/alm/ npm run build:release, publish dist/ there, upload dist/manifest.xml",
    "    (plain `npm run build` keeps this development manifest, pointing at this server).",
    "  Windows desktop: put manifest.xml in a shared network folder, add its \\\\server\\share path under",
    "    File → Options → Trust Center → Trust Center Settings → Trusted Add-in Catalogs (tick Show in Menu),",
    "    restart Excel, then Home → Add-ins → Advanced (or Insert → My Add-ins) → SHARED FOLDER.",
    "  Mac desktop: copy manifest.xml into ~/Library/Containers/com.microsoft.Excel/Data/Documents/wef",
    "    (create the folder if needed), restart Excel, then Insert → My Add-ins and pick the ALM add-in.",
    "",
    "office-addin-debugging (the templates' `npm start`) is deliberately not a dependency: its dependency tree",
    "needs the native keytar module and ~400 MB, and desktop sideloading cannot run on Linux anyway.",
    "",
  ];
  console.log(lines.join("\n"));
}

const { scheme, reason } = await transport();
if (scheme === "http") {
  console.warn(
    [
      "",
      `Serving over plain http. ${reason}`,
      "Excel requires HTTPS, so plain http is only for the browser preview of the task pane.",
      "To sideload into Excel, run this on a machine where you can install certificates",
      "(`npx office-addin-dev-certs install` trusts the localhost CA; it needs sudo/admin rights).",
    ].join("\n")
  );
}
printSideloading(scheme);

const webpackCli = require.resolve("webpack-cli/bin/cli.js");
const child = spawn(process.execPath, [webpackCli, "serve", "--mode", "development", ...process.argv.slice(2)], {
  stdio: "inherit",
  env: scheme === "http" ? { ...process.env, ALM_DEV_HTTP: "1" } : process.env,
});
for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"]) process.on(signal, () => child.kill(signal));
child.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
