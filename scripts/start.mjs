// `npm start`: builds the app when the build is missing or older than the sources, then serves it.
// With DATABASE_URL it runs one process per core (WEB_CONCURRENCY, see scripts/cluster.mjs).
// The server itself creates the embedded database, migrates, seeds the demo org and prints the demo login.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { runCluster, workerCountOrExit } from "./cluster.mjs";

const root = path.resolve(import.meta.dirname, "..");
const nextBin = path.join(root, "node_modules", "next", "dist", "bin", "next");
const buildId = path.join(root, ".next", "BUILD_ID");

function newestMtime(entry) {
  const stat = fs.statSync(entry, { throwIfNoEntry: false });
  if (!stat) return 0;
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const child of fs.readdirSync(entry)) newest = Math.max(newest, newestMtime(path.join(entry, child)));
  return newest;
}

const inputs = [
  "src",
  "public",
  "drizzle",
  "package.json",
  "package-lock.json",
  "next.config.js",
  "tailwind.config.ts",
];
const builtAt = fs.statSync(buildId, { throwIfNoEntry: false })?.mtimeMs ?? 0;
const sourcesAt = Math.max(...inputs.map((i) => newestMtime(path.join(root, i))));
if (builtAt < sourcesAt) {
  console.info(
    builtAt ? "Sources changed since the last build: rebuilding…" : "Building SalesMix (first start)…",
  );
  const build = spawnSync(process.execPath, [nextBin, "build"], {
    cwd: root,
    stdio: "inherit",
    env: process.env,
  });
  if (build.status !== 0) process.exit(build.status ?? 1);
}

const port = process.env.PORT ?? "3000";
const workers = workerCountOrExit();
console.info(
  `SalesMix is starting on http://localhost:${port}${workers > 1 ? ` with ${workers} processes` : ""}`,
);
// Extra arguments go to `next start` (e.g. -H 127.0.0.1).
process.exit(await runCluster(nextBin, ["start", "-p", port, ...process.argv.slice(2)], workers));
