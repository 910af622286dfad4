import "server-only";
import { createRoute, type RouteConfig } from "@hono/zod-openapi";
import type { z } from "zod";
import { PROBLEM_TYPES, problemTypeUri, type ProblemType } from "../rest/problem-types";
import { problemSchema } from "../rest/schemas";
import { jsonBody } from "./json-body";
import { requireKey, type Scope } from "./key-auth";

/** The security scheme of the document: an organization API key as a Bearer token. */
export const SECURITY_SCHEME = "apiKey";

/** For the curl examples of the reference page. */
export const AUTH = '-H "Authorization: Bearer $SALESMIX_API_KEY"';
export const BASE = "$SALESMIX_URL/api/v1";

type ProblemResponses = Record<
  string,
  {
    description: string;
    headers?: Record<string, { description: string; schema: { type: "integer" | "string" } }>;
    content: { "application/problem+json": { schema: typeof problemSchema } };
  }
>;

/** One response per status, naming every problem type the operation can answer with under it. */
function problemResponses(types: ProblemType[]): ProblemResponses {
  const byStatus = new Map<number, ProblemType[]>();
  for (const type of types) {
    const status = PROBLEM_TYPES[type].status;
    byStatus.set(status, [...(byStatus.get(status) ?? []), type]);
  }
  const responses: ProblemResponses = {};
  for (const [status, list] of [...byStatus].sort(([a], [b]) => a - b)) {
    responses[String(status)] = {
      description: list.map((t) => `\`${problemTypeUri(t)}\`: ${PROBLEM_TYPES[t].when}`).join("\n\n"),
      ...(status === 429
        ? {
            headers: {
              "Retry-After": {
                description: "Seconds to wait before the next request.",
                schema: { type: "integer" as const },
              },
            },
          }
        : {}),
      ...(status === 401 || status === 403
        ? {
            headers: {
              "WWW-Authenticate": {
                description: "The Bearer challenge (RFC 6750).",
                schema: { type: "string" as const },
              },
            },
          }
        : {}),
      content: { "application/problem+json": { schema: problemSchema } },
    };
  }
  return responses;
}

/** One endpoint of /api/v1, declared once: everything the router, the key check and the document need. */
export interface EndpointSpec<
  Request extends NonNullable<RouteConfig["request"]>,
  Success extends z.ZodType,
> {
  method: "get" | "post" | "patch" | "delete";
  /** Relative to /api/v1, with `{name}` path parameters. */
  path: string;
  operationId: string;
  tag: string;
  summary: string;
  description: string;
  /** The key an endpoint requires; `requireKey` enforces it and the document shows it as `x-required-scope`. */
  scope: Scope;
  curl: string;
  request?: Request;
  /** A JSON body, read within its limit after the key check and before validation (json-body.ts). */
  jsonBody?: boolean;
  success: { status: 200 | 201; description: string; schema: Success };
  /** The problem types the endpoint itself answers; those of the key check and `internal` are added. */
  problems: ProblemType[];
}

/**
 * The `createRoute` of an endpoint: method, path, scope (its middleware and `x-required-scope`), request schemas
 * (validated by @hono/zod-openapi) and every response, success and problems, all in the OpenAPI document.
 */
export function endpoint<
  const Request extends NonNullable<RouteConfig["request"]> = NonNullable<unknown>,
  Success extends z.ZodType = z.ZodType,
>(spec: EndpointSpec<Request, Success>): RouteConfig & { request: Request } {
  const keyed = spec.scope !== "public";
  const problems: ProblemType[] = [
    ...spec.problems,
    ...(keyed ? (["unauthorized", "rate-limited"] as const) : []),
    ...(spec.scope === "read_write" ? (["insufficient-scope"] as const) : []),
    "internal",
  ];
  return createRoute({
    method: spec.method,
    path: spec.path,
    operationId: spec.operationId,
    summary: spec.summary,
    description: spec.description,
    tags: [spec.tag],
    security: keyed ? [{ [SECURITY_SCHEME]: [] }] : [],
    "x-required-scope": spec.scope,
    "x-curl": spec.curl,
    middleware: [
      ...(spec.scope === "public" ? [] : [requireKey(spec.scope)]),
      ...(spec.jsonBody ? [jsonBody(spec.method === "post" ? "accept-post" : "accept-patch")] : []),
    ],
    request: spec.request ?? {},
    responses: {
      [spec.success.status]: {
        description: spec.success.description,
        content: { "application/json": { schema: spec.success.schema } },
      },
      ...problemResponses(problems),
    },
  }) as unknown as RouteConfig & { request: Request };
}
