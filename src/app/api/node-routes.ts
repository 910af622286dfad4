/**
 * The API routes the SalesMix server (src/serve/main.ts) answers itself, with the very handlers of these
 * route.ts files, instead of passing them through Next.js's route pipeline: the JSON API and the dashboard's
 * tRPC calls, which are most of the traffic and whose own work is a fraction of a millisecond. Next.js costs
 * about four times the work of a report request (docs/performance.md, Load). Everything else (pages, Auth.js,
 * uploads and downloads of the app's own pages) goes to Next.js, and `next dev` serves all of it.
 * Order matters: the first match wins, so static routes come before dynamic ones.
 * tests/integration/node-routes.test.ts checks this table against the route files.
 */
import type { RouteEntry } from "@/server/serve/routes";
import * as health from "./health/route";
import * as trpc from "./trpc/[trpc]/route";
import * as benchmarks from "./v1/benchmarks/route";
import * as imports from "./v1/imports/route";
import * as importReps from "./v1/imports/[id]/reps/route";
import * as importCompare from "./v1/imports/[id]/compare/route";
import * as openapi from "./v1/openapi.json/route";
import * as organization from "./v1/organization/route";
import * as report from "./v1/report/route";
import * as scenarios from "./v1/scenarios/route";
import * as scenario from "./v1/scenarios/[id]/route";
import * as unknownV1 from "./v1/[...path]/route";

export const nodeRoutes: readonly RouteEntry[] = [
  { pattern: "/api/health", module: health },
  { pattern: "/api/trpc/[trpc]", module: trpc },
  { pattern: "/api/v1/benchmarks", module: benchmarks },
  { pattern: "/api/v1/imports", module: imports },
  { pattern: "/api/v1/imports/[id]/reps", module: importReps },
  { pattern: "/api/v1/imports/[id]/compare", module: importCompare },
  { pattern: "/api/v1/openapi.json", module: openapi },
  { pattern: "/api/v1/organization", module: organization },
  { pattern: "/api/v1/report", module: report },
  { pattern: "/api/v1/scenarios", module: scenarios },
  { pattern: "/api/v1/scenarios/[id]", module: scenario },
  { pattern: "/api/v1/[...path]", module: unknownV1 },
];

/** The folders under src/app/api whose routes are all in the table above. */
export const NODE_ROUTE_PREFIXES = ["/api/health", "/api/trpc", "/api/v1"] as const;
