import "server-only";
import { cache } from "react";
import { headers } from "next/headers";
import { dehydrate, HydrationBoundary } from "@tanstack/react-query";
import { createTRPCOptionsProxy } from "@trpc/tanstack-react-query";
import { appRouter, createCaller } from "@/server/api/root";
import { createRequestContext } from "@/server/api/context";
import { makeQueryClient } from "./query-client";

const createContext = cache(async () => createRequestContext(new Headers(await headers())));

/** One query client per request, shared by every prefetch of that request. */
export const getQueryClient = cache(makeQueryClient);

/** For server components: `prefetch(trpc.x.queryOptions(...))` then render <HydrateClient>. */
export const trpc = createTRPCOptionsProxy({
  ctx: createContext,
  router: appRouter,
  queryClient: getQueryClient,
});

/** Direct server-side calls (no HTTP) with the request's context. */
export const serverCaller = cache(async () => createCaller(await createContext()));

export function HydrateClient({ children }: { children: React.ReactNode }) {
  return <HydrationBoundary state={dehydrate(getQueryClient())}>{children}</HydrationBoundary>;
}
