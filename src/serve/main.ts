/**
 * The SalesMix production server: Next.js for pages, Auth.js and the app's own uploads and downloads, and the
 * JSON API and tRPC routes of src/app/api/node-routes.ts answered directly with their own route handlers, which
 * skips Next.js's route pipeline (most of a report request's cost; docs/performance.md, Load).
 * Built into .next/salesmix-server/ by scripts/build-server.mjs; `npm start` runs it (scripts/cluster.mjs).
 *   node .next/salesmix-server/main.mjs [-p port] [-H hostname]     (PORT works too)
 */
import fs from "node:fs";
import http from "node:http";
import path from "node:path";
import { parseArgs } from "node:util";
import compression from "compression";

process.setSourceMapsEnabled(true);
// A production server, as `next start` makes it when NODE_ENV is unset (React, Next.js and the app's production
// checks read it as they load, hence Next.js is imported below, after this).
(process.env as Record<string, string | undefined>).NODE_ENV ??= "production";
const { default: next } = await import("next");

const { values } = parseArgs({
  options: { port: { type: "string", short: "p" }, hostname: { type: "string", short: "H" } },
  allowPositionals: false,
});
const port = Number(values.port ?? process.env.PORT ?? 3000);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`The port must be a whole number from 0 to 65535, not "${values.port ?? process.env.PORT}".`);
  process.exit(1);
}
// Every address unless -H says (HOSTNAME is not read: many shells export the machine's name in it).
const hostname = values.hostname;
// The app folder (this file is <app>/.next/salesmix-server/main.mjs once built) is the working folder, as for
// `next start` run in it: migrations, a relative DATA_DIR and .env files are found from there.
const dir = path.resolve(import.meta.dirname, "..", "..");
process.chdir(dir);

// A standalone build (the Docker image) carries its Next.js config in required-server-files.json, as the
// server.js Next.js writes for it does; a full checkout reads next.config.js.
const serverFiles = path.join(dir, ".next", "required-server-files.json");
if (!fs.existsSync(path.join(dir, "next.config.js")) && fs.existsSync(serverFiles)) {
  process.env.__NEXT_PRIVATE_STANDALONE_CONFIG = JSON.stringify(
    (JSON.parse(fs.readFileSync(serverFiles, "utf8")) as { config: unknown }).config,
  );
}

const app = next({ dev: false, dir, hostname, port });
const handleWithNext = app.getRequestHandler();
await app.prepare();
const { closeDatabase, createRequestListener, findApiRoute, loadConfiguredHeaders, startServer, trustProxy } =
  await import("./api");
// Migrations and the demo seed before the first request, whichever route it takes.
await startServer();
const headersFor = loadConfiguredHeaders(path.join(dir, ".next", "routes-manifest.json"));
// Compressed like Next.js compresses its own answers (gzip/deflate when the client accepts it, from 1 KB).
const compressMiddleware = compression();
// Its types are Express's; it uses only Node's request and response.
const compress = compressMiddleware as unknown as (
  req: http.IncomingMessage,
  res: http.ServerResponse,
  next: () => void,
) => void;

const server = http.createServer(
  createRequestListener({
    trust: trustProxy,
    findRoute: findApiRoute,
    fallback: (req, res) =>
      handleWithNext(req, res).catch((e: unknown) => {
        console.error(`${req.method} ${req.url} failed in Next.js:`, e);
        if (!res.headersSent) res.writeHead(500).end();
        else res.destroy();
      }),
    headersFor,
    compress,
  }),
);

server.listen(port, hostname, () => {
  if (!process.env.SALESMIX_WORKER || process.env.SALESMIX_WORKER === "1")
    console.info(`SalesMix is ready on http://${hostname ?? "localhost"}:${port}`);
});

let stopping = false;
function stop() {
  if (stopping) return;
  stopping = true;
  // Finish the requests in flight (at most 10 s), close the database (PGlite writes its files), then leave.
  server.close(() => void closeDatabase().finally(() => process.exit(0)));
  server.closeIdleConnections();
  setTimeout(() => process.exit(0), 10_000).unref();
}
process.on("SIGTERM", stop);
process.on("SIGINT", stop);
