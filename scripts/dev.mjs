// `npm run dev [-- -p port]`: the SalesMix server in development, with the same dispatch as production (the HTTP
// API of src/server/http for its paths, Next.js in dev mode for the rest). The server is bundled by esbuild
// (scripts/build-server.mjs) and restarted when its code changes; Next.js reloads pages itself.
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { context } from "esbuild";
import { serverBuildOptions } from "./build-server.mjs";

const root = path.resolve(import.meta.dirname, "..");
const outdir = ".next/salesmix-dev-server";
const entry = path.join(root, outdir, "main.mjs");
const args = process.argv.slice(2);
if (!args.includes("-p") && !args.includes("--port")) args.push("-p", process.env.PORT ?? "3000");

let server = null;
let restarting = false;
function start() {
  server = spawn(process.execPath, [entry, "--dev", ...args], { cwd: root, stdio: "inherit" });
  server.on("exit", (code, signal) => {
    server = null;
    if (!restarting && !stopping)
      console.error(`The server stopped (${signal ?? `exit ${code}`}); it starts again when a file changes.`);
  });
}
function restart() {
  if (!server) return start();
  restarting = true;
  server.once("exit", () => {
    restarting = false;
    start();
  });
  server.kill("SIGTERM");
}

fs.rmSync(path.join(root, outdir), { recursive: true, force: true });
const options = serverBuildOptions(outdir);
const ctx = await context({
  ...options,
  plugins: [
    ...options.plugins,
    {
      name: "restart-server",
      setup(b) {
        b.onEnd((result) => {
          if (result.errors.length === 0) restart();
        });
      },
    },
  ],
});
await ctx.watch();

let stopping = false;
for (const signal of ["SIGINT", "SIGTERM"]) {
  process.on(signal, () => {
    stopping = true;
    void ctx.dispose();
    if (server) server.once("exit", () => process.exit(0)).kill("SIGTERM");
    else process.exit(0);
  });
}
