import "server-only";
import type { OpenAPIHono, RouteConfig, RouteHandler } from "@hono/zod-openapi";
import type { z, ZodError } from "zod";
import { fromZodError, ProblemError } from "../rest/problem";
import type { HttpEnv } from "./env";

/** The context a handler of `route` gets: `c.req.valid("query" | "param" | "json")` typed by its schemas. */
export type EndpointContext<R extends RouteConfig> = Parameters<RouteHandler<R, HttpEnv>>[0];

type ValidationResult = { target: string } & ({ success: true } | { success: false; error: ZodError });

/**
 * What a failed validation answers: a bad path parameter is a resource that does not exist (404, as any id of
 * another organization), a bad query a 400 naming each parameter, a bad body a 422 naming each field.
 */
export function validationProblem(result: ValidationResult, notFound = "Not found."): void {
  if (result.success) return;
  if (result.target === "param") throw new ProblemError("not-found", notFound);
  throw fromZodError(result.error, result.target === "query" ? "query" : "body");
}

/**
 * Mounts an endpoint: its handler answers with a Response (a problem is thrown, and answered by the app's error
 * handler); `notFound` is the message of a path parameter that names nothing.
 */
export function mount<R extends RouteConfig>(
  app: OpenAPIHono<HttpEnv>,
  route: R,
  handler: (c: EndpointContext<R>) => Promise<Response> | Response,
  notFound?: string,
) {
  const hook = (result: ValidationResult) => validationProblem(result, notFound);
  app.openapi(route, handler as never, hook as never);
}

/** The JSON body the route's validator checked against `schema` (its declared body schema). */
export function validJson<S extends z.ZodType>(c: { req: unknown }, _schema: S): z.output<S> {
  return (c.req as { valid: (target: "json") => unknown }).valid("json") as z.output<S>;
}
