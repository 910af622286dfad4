// `npm start`: builds the app when the build is missing or older than the sources, then serves it.
// With DATABASE_URL it runs one process per core (WEB_CONCURRENCY, see scripts/cluster.mjs).
// The server itself creates the embedded database, migrates, seeds the demo org (asked for below on the embedded
// database) and prints the demo login.
import fs from "node:fs";
import path from "node:path";
import { buildApp, SERVER_ENTRY } from "./app-build.mjs";
import { runCluster, workerCountOrExit } from "./cluster.mjs";
import { DEMO } from "./demo-login.mjs";

const root = path.resolve(import.meta.dirname, "..");
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
  "scripts/build-server.mjs",
];
// The server bundle is written last, after `next build`: its age is the build's.
const builtAt = fs.existsSync(buildId)
  ? (fs.statSync(SERVER_ENTRY, { throwIfNoEntry: false })?.mtimeMs ?? 0)
  : 0;
const sourcesAt = Math.max(...inputs.map((i) => newestMtime(path.join(root, i))));
if (builtAt < sourcesAt) {
  console.info(
    builtAt ? "Sources changed since the last build: rebuilding…" : "Building SalesMix (first start)…",
  );
  const status = buildApp();
  if (status !== 0) process.exit(status);
}

// The embedded database is a local trial: it gets the demo organization with the README's login. A production
// server otherwise never seeds it unless SEED_DEMO=true (src/server/seed/plan.ts).
if (!process.env.DATABASE_URL) {
  process.env.SEED_DEMO ??= "true";
  if (process.env.SEED_DEMO === "true") process.env.DEMO_PASSWORD ??= DEMO.password;
}

const port = process.env.PORT ?? "3000";
const workers = workerCountOrExit();
console.info(
  `SalesMix is starting on http://localhost:${port}${workers > 1 ? ` with ${workers} processes` : ""}`,
);
// Extra arguments go to the server (e.g. -H 127.0.0.1).
process.exit(await runCluster(SERVER_ENTRY, ["-p", port, ...process.argv.slice(2)], workers));
