/**
 * The SalesMix server, in development and production alike: every request gets its id and security headers and
 * passes the request gate, then the HTTP API (the Hono app of src/server/http: REST v1, tRPC, health) answers its
 * paths and Next.js's own request handler everything else (pages, Auth.js, the app's uploads and downloads).
 * Built into .next/salesmix-server/ by scripts/build-server.mjs; `npm start` runs it (scripts/cluster.mjs) and
 * `npm run dev` runs it with --dev (scripts/dev.mjs).
 *   node .next/salesmix-server/main.mjs [-p port] [-H hostname] [--dev]     (PORT works too)
 */
import http from "node:http";
import path from "node:path";
import { parseArgs } from "node:util";
import compression from "compression";

process.setSourceMapsEnabled(true);
const { values } = parseArgs({
  options: {
    port: { type: "string", short: "p" },
    hostname: { type: "string", short: "H" },
    dev: { type: "boolean" },
  },
  allowPositionals: false,
});
const dev = values.dev === true;
// React, Next.js and the app's production checks read NODE_ENV as they load, hence Next.js is imported after this.
(process.env as Record<string, string | undefined>).NODE_ENV ??= dev ? "development" : "production";
const { default: next } = await import("next");

const port = Number(values.port ?? process.env.PORT ?? 3000);
if (!Number.isInteger(port) || port < 0 || port > 65535) {
  console.error(`The port must be a whole number from 0 to 65535, not "${values.port ?? process.env.PORT}".`);
  process.exit(1);
}
// Every address unless -H says (HOSTNAME is not read: many shells export the machine's name in it).
const hostname = values.hostname;
// The app folder (this file is <app>/.next/salesmix-server/main.mjs once built) is the working folder, as for
// `next start` run in it: next.config.js, migrations, a relative DATA_DIR and .env files are found from there.
const dir = path.resolve(import.meta.dirname, "..", "..");
process.chdir(dir);

const app = next({ dev, dir, hostname, port });
const handleWithNext = app.getRequestHandler();
await app.prepare();
// Loaded once Next.js has read the .env files: the app's modules validate the environment as they load.
const { closeDatabase, createApiListener, createRequestListener, servesPath, startServer, trustProxy } =
  await import("./api");
// Migrations and the demo seed before the first request, whichever route it takes.
await startServer();
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
    mode: dev ? "development" : "production",
    api: { serves: servesPath, listener: createApiListener() },
    next: (req, res) => handleWithNext(req, res),
    compress,
  }),
);

// Idle keep-alive connections stay open past the idle timeouts of clients and load balancers (commonly 60 s):
// with Node's 5 s default, a client reusing a connection just as the server drops it gets a reset.
server.keepAliveTimeout = 65_000;
server.headersTimeout = 66_000;

server.listen(port, hostname, () => {
  if (!process.env.SALESMIX_WORKER || process.env.SALESMIX_WORKER === "1")
    console.info(
      `SalesMix is ready on http://${hostname ?? "localhost"}:${port}${dev ? " (development)" : ""}`,
    );
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
