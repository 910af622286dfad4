// Runs the production server as WEB_CONCURRENCY processes sharing one port (node:cluster), so a server with
// several cores uses them all: one Node.js process serves one core's worth of requests.
//   node scripts/cluster.mjs <server entry> [args…]     (used by `npm start`; the Docker image runs it too)
// WEB_CONCURRENCY: number of processes. Default: one per core with DATABASE_URL (PostgreSQL), and always 1 on the
// embedded PGlite database, which one process owns. The first process starts alone (it migrates and seeds); the
// others start once it is ready. A process that dies is replaced; Ctrl-C / SIGTERM stop them all.
import cluster from "node:cluster";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";

/** How many server processes to run, and why, from the environment. */
export function workerCount(env = process.env) {
  const requested = env.WEB_CONCURRENCY?.trim();
  if (requested && !/^[1-9][0-9]*$/.test(requested)) {
    throw new Error(`WEB_CONCURRENCY must be a whole number of processes (1 or more), not "${requested}".`);
  }
  if (!env.DATABASE_URL) {
    if (requested && requested !== "1") {
      console.warn(
        "WEB_CONCURRENCY is ignored on the embedded database (PGlite), which one process owns: running 1 process. Set DATABASE_URL to use more.",
      );
    }
    return 1;
  }
  return requested ? Number(requested) : os.availableParallelism();
}

/** `workerCount()`, or a message and exit code 1 when WEB_CONCURRENCY is not a number of processes. */
export function workerCountOrExit() {
  try {
    return workerCount();
  } catch (e) {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  }
}

/**
 * Starts `workers` processes of `entry`. Resolves with the exit code to use when the cluster stops. A worker is
 * ready when it sends `{ salesmix: "ready" }`, after its migrations and seeding (src/server/startup.ts).
 */
export function runCluster(entry, args, workers) {
  cluster.setupPrimary({ exec: path.resolve(entry), args });
  let stopping = false;
  let restarts = 0;
  let forked = 0;
  return new Promise((resolve) => {
    const startOne = () =>
      new Promise((ready, failed) => {
        forked += 1;
        // Only the first process prints start-up messages meant once (the demo login).
        const worker = cluster.fork({ SALESMIX_WORKER: String(forked) });
        let isReady = false;
        const markReady = () => {
          if (isReady) return;
          isReady = true;
          ready(worker);
        };
        worker.on("message", (m) => {
          if (m && typeof m === "object" && m.salesmix === "ready") markReady();
        });
        worker.on("exit", (code, signal) => {
          if (stopping) return;
          if (!isReady) {
            failed(new Error(`a server process exited during start-up (${signal ?? `exit ${code}`})`));
            return;
          }
          // A crash after start: replace the process, unless it keeps crashing.
          restarts += 1;
          console.error(
            `A server process stopped (${signal ?? `exit ${code}`}); starting another (${restarts} so far).`,
          );
          if (restarts > 10 * workers) {
            console.error("Server processes keep stopping: giving up.");
            stop(1);
            return;
          }
          startOne().catch((e) => {
            console.error(e.message);
            stop(1);
          });
        });
      });

    const stop = (code) => {
      if (stopping) return;
      stopping = true;
      const alive = Object.values(cluster.workers ?? {}).filter(Boolean);
      if (!alive.length) resolve(code);
      let left = alive.length;
      for (const w of alive) {
        w.once("exit", () => {
          left -= 1;
          if (left === 0) resolve(code);
        });
        w.process.kill("SIGTERM");
      }
      setTimeout(() => {
        for (const w of alive) if (!w.isDead()) w.process.kill("SIGKILL");
      }, 10_000).unref();
    };
    for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => stop(0));

    (async () => {
      try {
        await startOne();
        await Promise.all(Array.from({ length: workers - 1 }, () => startOne()));
        if (workers > 1) console.info(`SalesMix is serving with ${workers} processes (WEB_CONCURRENCY).`);
      } catch (e) {
        console.error(e instanceof Error ? e.message : e);
        stop(1);
      }
    })();
  });
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const [entry, ...args] = process.argv.slice(2);
  if (!entry) {
    console.error("usage: node scripts/cluster.mjs <server entry> [args…]");
    process.exit(2);
  }
  process.exit(await runCluster(entry, args, workerCountOrExit()));
}
