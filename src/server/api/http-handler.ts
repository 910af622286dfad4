import "server-only";
import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import type { TRPCError } from "@trpc/server";
import { appRouter } from "./root";
import type { Context } from "./trpc";
import { ServiceError } from "../errors";
import { isSameOrigin } from "../http";

/**
 * tRPC over HTTP (the route /api/trpc/[trpc]): state-changing calls must come from our own pages (a second wall
 * behind SameSite=Lax cookies), and a call refused by a rate limit answers 429 with `Retry-After`, as the REST API
 * does. `createContext` builds the request's context from its headers.
 */
export function handleTrpcRequest(
  req: Request,
  createContext: (headers: Headers) => Promise<Context>,
): Response | Promise<Response> {
  if (req.method === "POST" && !isSameOrigin(req)) {
    return Response.json({ error: { message: "Cross-origin request refused." } }, { status: 403 });
  }
  return fetchRequestHandler({
    endpoint: "/api/trpc",
    req,
    router: appRouter,
    createContext: () => createContext(req.headers),
    responseMeta: ({ errors }) => {
      const wait = retryAfterSeconds(errors);
      return wait === undefined ? {} : { headers: new Headers({ "retry-after": String(wait) }) };
    },
    onError({ error, path }) {
      if (error.code === "INTERNAL_SERVER_ERROR")
        console.error(`tRPC ${path ?? "?"} failed:`, error.cause ?? error);
    },
  });
}

/** The longest wait any rate-limited call of the (possibly batched) request was told. */
function retryAfterSeconds(errors: readonly TRPCError[]): number | undefined {
  let longest: number | undefined;
  for (const error of errors) {
    const wait = error.cause instanceof ServiceError ? error.cause.details?.retryAfterSeconds : undefined;
    if (typeof wait === "number") longest = Math.max(longest ?? 0, wait);
  }
  return longest;
}
