import "server-only";
import type { OpenAPIHono } from "@hono/zod-openapi";
import { BENCHMARK_DATASET } from "@/lib/benchmarks";
import { benchmarkDatasetSchema, type BenchmarkDatasetJson } from "../../rest/schemas";
import { BASE, endpoint } from "../endpoint";
import type { HttpEnv } from "../env";
import { mount } from "../register";

export const PUBLIC_CACHE = "public, max-age=3600";

export const getBenchmarks = endpoint({
  method: "get",
  path: "/benchmarks",
  operationId: "getBenchmarks",
  tag: "Benchmarks",
  summary: "The benchmark dataset",
  description:
    "Every figure of the research article the comparisons use, keyed by its id: value, unit, cohort, size band, vintage year, confidence, and the source sentence (Chinese original and English rendering). Public: no key needed.",
  scope: "public",
  curl: `curl -sS "${BASE}/benchmarks"`,
  success: { status: 200, description: "The dataset.", schema: benchmarkDatasetSchema },
  problems: [],
});

export function mountPublic(app: OpenAPIHono<HttpEnv>) {
  mount(app, getBenchmarks, () => {
    const body: BenchmarkDatasetJson = BENCHMARK_DATASET;
    return Response.json(body, { headers: { "cache-control": PUBLIC_CACHE } });
  });
}
