/**
 * The part of the SalesMix server that runs the app's own route handlers. main.ts loads it once Next.js has
 * started, which has loaded the .env files by then: the app's modules read and validate the environment when
 * they load (src/env.ts).
 */
import { nodeRoutes } from "@/app/api/node-routes";
import { getDatabaseHandle } from "../db";
import { stopJobWorker } from "../jobs";
import { compileRoutes, matchRoute } from "./routes";
import { compileTrustProxy } from "./request-gate";
import { env } from "@/env";

export { sendWebResponse, toWebRequest } from "./node-adapter";
export { loadConfiguredHeaders } from "./configured-headers";
export { startServer } from "../startup";
export { createRequestListener } from "./listener";

/** The proxies whose X-Forwarded-* headers are believed (TRUST_PROXY; none by default). */
export const trustProxy = compileTrustProxy(env.TRUST_PROXY);

const routes = compileRoutes(nodeRoutes);

/** The route handler for this request, or null when Next.js answers it. */
export function findApiRoute(method: string, pathname: string) {
  return matchRoute(routes, method, pathname);
}

/** Closes the process's database handle (on shutdown, after the last request). */
export async function closeDatabase() {
  // The batch of jobs under way finishes first; a job cut short would only run again after its claim lapsed.
  await stopJobWorker();
  await (await getDatabaseHandle()).close();
}
