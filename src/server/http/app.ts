import "server-only";
import { OpenAPIHono } from "@hono/zod-openapi";
import type { Context } from "hono";
import { HTTPException } from "hono/http-exception";
import { requestId } from "hono/request-id";
import { sql } from "drizzle-orm";
import { ZodError } from "zod";
import { createRequestContext } from "../api/context";
import { handleTrpcRequest } from "../api/http-handler";
import type { Context as TrpcContext } from "../api/trpc";
import { internalErrorMessage } from "../errors";
import { problemResponse, ProblemError, toProblem } from "../rest/problem";
import type { HttpEnv } from "./env";
import { requestDatabase } from "./key-auth";
import { openApiDocument } from "./openapi";
import { validationProblem } from "./register";
import { mountImports } from "./v1/imports";
import { mountOrganization } from "./v1/organization";
import { mountPublic, PUBLIC_CACHE } from "./v1/public";
import { mountReport } from "./v1/report";
import { mountScenarios } from "./v1/scenarios";

/** The paths the HTTP API answers; everything else is Next.js's (pages, Auth.js, the app's own downloads). */
export function servesPath(pathname: string): boolean {
  return (
    pathname === "/api/health" ||
    pathname === "/api/v1" ||
    pathname.startsWith("/api/v1/") ||
    pathname.startsWith("/api/trpc/")
  );
}

/** /api/v1: every endpoint declared once (src/server/http/v1), and the document generated from them. */
function createV1App() {
  const v1 = new OpenAPIHono<HttpEnv>({
    defaultHook: (result) => validationProblem(result as Parameters<typeof validationProblem>[0]),
  });
  mountPublic(v1);
  mountImports(v1);
  mountReport(v1);
  mountOrganization(v1);
  mountScenarios(v1);
  return v1;
}

/** The OpenAPI document of /api/v1 (also rendered by the /docs/api page). */
export function buildOpenApiDocument() {
  return openApiDocument(createV1App());
}

export interface HttpAppOptions {
  /** The tRPC context of a request (tests give their own); default: the session of the request's cookie. */
  trpcContext?: (headers: Headers) => Promise<TrpcContext>;
}

function unexpected(c: Context<HttpEnv>, error: unknown) {
  const id = c.var.requestId;
  console.error(`${c.req.method} ${c.req.path} failed (request ${id}):`, error);
  return id;
}

/**
 * The HTTP API as one Hono app: REST v1, tRPC and the readiness check. The SalesMix server (src/serve) hands it
 * the requests of `servesPath` and every other request to Next.js. Every answer carries `X-Request-Id` (the id the
 * server gave the request); an unexpected failure is logged with it and answered with a generic message naming
 * it, never the error.
 */
export function createHttpApp(options: HttpAppOptions = {}) {
  const v1 = createV1App();
  const app = new OpenAPIHono<HttpEnv>();
  app.use(requestId({ generator: () => crypto.randomUUID() }));
  // An answer sent before the whole body was read (a body refused at its limit): the connection cannot carry
  // another request, and the client should stop sending.
  app.use(async (c, next) => {
    await next();
    // On every answer, the error handler's and the not-found answer's too.
    c.res.headers.set("X-Request-Id", c.var.requestId);
    const incoming = (c.env as { incoming?: { complete: boolean } } | undefined)?.incoming;
    if (incoming && !incoming.complete) c.res.headers.set("connection", "close");
  });

  // A trailing slash is redirected to the path without it, as for every other path of the site.
  app.use(async (c, next) => {
    const { pathname, search } = new URL(c.req.url);
    if (pathname.length > 1 && pathname.endsWith("/")) {
      return c.redirect(`${pathname.replace(/\/+$/, "")}${search}`, 308);
    }
    await next();
  });

  // Readiness: 200 once the database answers (start-up migrations have run by then).
  app.get("/api/health", async (c) => {
    try {
      const db = await requestDatabase(c);
      await db.execute(sql`select 1`);
      return c.json({ status: "ok" });
    } catch {
      return c.json({ status: "unavailable" }, 503);
    }
  });

  app.all("/api/trpc/*", (c) =>
    handleTrpcRequest(c.req.raw, options.trpcContext ?? createRequestContext, c.var.requestId),
  );

  app.get("/api/v1/openapi.json", (c) => c.json(openApiDocument(v1), 200, { "cache-control": PUBLIC_CACHE }));
  app.route("/api/v1", v1);

  app.notFound((c) => {
    if (c.req.path === "/api/v1" || c.req.path.startsWith("/api/v1/")) {
      return problemResponse(
        new ProblemError(
          "not-found",
          `There is no endpoint ${c.req.method} ${c.req.path}. The endpoints are listed at /api/v1/openapi.json.`,
        ),
        c.req.path,
      );
    }
    return c.json({ error: { code: "NOT_FOUND", message: "Not found." } }, 404);
  });

  app.onError((error, c) => {
    if (c.req.path.startsWith("/api/v1")) {
      let problem = error instanceof HTTPException ? httpExceptionProblem(error) : toProblem(error);
      if (problem.type === "internal") {
        const id = unexpected(c, error);
        problem = new ProblemError("internal", internalErrorMessage(id), { requestId: id });
      }
      return problemResponse(problem, c.req.path);
    }
    const id = unexpected(c, error instanceof ZodError ? error.issues : error);
    return c.json({ error: { code: "INTERNAL", message: internalErrorMessage(id), requestId: id } }, 500);
  });
  return app;
}

/** Hono's own refusals (a body the route's validator cannot read) as problems. */
function httpExceptionProblem(error: HTTPException): ProblemError {
  if (error.status === 415) return new ProblemError("unsupported-media-type", error.message);
  if (error.status === 400) return new ProblemError("malformed-body", error.message);
  return toProblem(error);
}
