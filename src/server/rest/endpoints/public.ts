import "server-only";
import { BENCHMARK_DATASET } from "@/lib/benchmarks";
import { publicEndpoint } from "../endpoint";
import { buildOpenApiDocument } from "../openapi";
import type { BenchmarkDatasetJson } from "../schemas";

const PUBLIC_CACHE = "public, max-age=3600";

/** GET /benchmarks: the article's dataset, public like the methodology page. */
export const getBenchmarks = publicEndpoint(() => {
  const body: BenchmarkDatasetJson = BENCHMARK_DATASET;
  return Response.json(body, { headers: { "cache-control": PUBLIC_CACHE } });
});

/** GET /openapi.json: generated from the schemas the endpoints validate with. */
export const getOpenApiDocument = publicEndpoint(() =>
  Response.json(buildOpenApiDocument(), { headers: { "cache-control": PUBLIC_CACHE } }),
);
