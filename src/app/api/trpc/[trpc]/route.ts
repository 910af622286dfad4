import { fetchRequestHandler } from "@trpc/server/adapters/fetch";
import { appRouter } from "@/server/api/root";
import { createRequestContext } from "@/server/api/context";
import { isSameOrigin } from "@/server/http";

function handler(req: Request) {
  // State-changing calls must come from our own pages (a second wall behind SameSite=Lax cookies).
  if (req.method === "POST" && !isSameOrigin(req)) {
    return Response.json({ error: { message: "Cross-origin request refused." } }, { status: 403 });
  }
  return fetchRequestHandler({
    endpoint: "/api/trpc",
    req,
    router: appRouter,
    createContext: () => createRequestContext(req.headers),
    onError({ error, path }) {
      if (error.code === "INTERNAL_SERVER_ERROR")
        console.error(`tRPC ${path ?? "?"} failed:`, error.cause ?? error);
    },
  });
}

export { handler as GET, handler as POST };
