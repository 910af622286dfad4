// The production build and the server that serves it, for the scripts that build or start the app.
import { spawnSync } from "node:child_process";
import path from "node:path";

const root = path.resolve(import.meta.dirname, "..");

/** The SalesMix server of a production build (src/serve/main.ts, bundled by scripts/build-server.mjs). */
export const SERVER_ENTRY = path.join(root, ".next", "salesmix-server", "main.mjs");

/** `npm run build`: `next build`, then the server bundle. Returns the exit status (0 when both succeeded). */
export function buildApp(env = process.env) {
  const steps = [
    [path.join(root, "node_modules", "next", "dist", "bin", "next"), "build"],
    [path.join(root, "scripts", "build-server.mjs")],
  ];
  for (const args of steps) {
    const result = spawnSync(process.execPath, args, { cwd: root, stdio: "inherit", env });
    if (result.status !== 0) return result.status ?? 1;
  }
  return 0;
}
