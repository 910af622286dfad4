/**
 * The part of the SalesMix server that runs the app's own route handlers. main.ts loads it once Next.js has
 * started, which has loaded the .env files by then: the app's modules read and validate the environment when
 * they load (src/env.ts). It sits above src/app (it runs the app's route handlers), so it is not part of src/server:
 * src/serve is the process, the top of app → trpc → server → lib.
 */
import { nodeRoutes } from "@/app/api/node-routes";
import { getDatabaseHandle } from "@/server/db";
import { stopJobWorker } from "@/server/jobs";
import { compileRoutes, matchRoute } from "@/server/serve/routes";
import { compileTrustProxy } from "@/server/serve/request-gate";
import { env } from "@/env";

export { sendWebResponse, toWebRequest } from "@/server/serve/node-adapter";
export { loadConfiguredHeaders } from "@/server/serve/configured-headers";
export { startServer } from "@/server/startup";
export { createRequestListener } from "@/server/serve/listener";

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
