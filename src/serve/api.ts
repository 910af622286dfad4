/**
 * The part of the SalesMix server that runs the app's own code. main.ts loads it once Next.js has started, which
 * has loaded the .env files by then: the app's modules read and validate the environment when they load
 * (src/env.ts). src/serve is the process, the top of app → trpc → server → lib.
 */
import { getRequestListener } from "@hono/node-server";
import { getDatabaseHandle } from "@/server/db";
import { stopJobWorker } from "@/server/jobs";
import { createHttpApp } from "@/server/http/app";
import { compileTrustProxy } from "@/server/serve/request-gate";
import { env } from "@/env";

export { servesPath } from "@/server/http/app";
export { startServer } from "@/server/startup";
export { createRequestListener } from "@/server/serve/listener";

/** The proxies whose X-Forwarded-* headers are believed (TRUST_PROXY; none by default). */
export const trustProxy = compileTrustProxy(env.TRUST_PROXY);

/**
 * The HTTP API as a Node.js request listener. Node's global Request and Response stay as they are: Next.js runs
 * in the same process.
 */
export function createApiListener() {
  return getRequestListener(createHttpApp().fetch, { overrideGlobalObjects: false });
}

/** Closes the process's database handle (on shutdown, after the last request). */
export async function closeDatabase() {
  // The batch of jobs under way finishes first; a job cut short would only run again after its claim lapsed.
  await stopJobWorker();
  await (await getDatabaseHandle()).close();
}
