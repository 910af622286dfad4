import "server-only";
import { cache } from "react";
import { notFound, redirect } from "next/navigation";
import { TRPCError } from "@trpc/server";
import { serverCaller } from "./server";

/**
 * For org pages: the signed-in user and their membership of the org in the URL. Signed out → sign-in page;
 * not a member (or no such org) → 404, the same answer either way. It drives the page (redirect, notFound) over
 * the server caller, so it lives with the caller, above src/server.
 */
export const requireOrgPage = cache(async (slug: string) => {
  const caller = await serverCaller();
  const me = await caller.auth.me().catch(() => null);
  if (!me) redirect(`/signin?callbackUrl=${encodeURIComponent(`/o/${slug}`)}`);
  try {
    const org = await caller.org.get({ orgSlug: slug });
    return { me, org, caller };
  } catch (e) {
    if (e instanceof TRPCError && e.code === "NOT_FOUND") notFound();
    throw e;
  }
});
