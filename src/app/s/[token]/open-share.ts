import "server-only";
import { cache } from "react";
import { cookies, headers } from "next/headers";
import { getDb } from "@/server/db";
import { clientIp } from "@/server/http";
import { openShare, SHARE_UNLOCK_COOKIE } from "@/server/shares/open";

/**
 * The link's opening for this request, shared by the layout (which words a refusal) and the page (which shows the
 * report): React's per-request cache makes it one lookup and one counted view. Nothing outlives the request, so
 * a revoked link is refused on the next one. Reads no session: only this link's own unlock cookie.
 */
export const openThisShare = cache(async (token: string) => {
  const [db, jar, h] = await Promise.all([getDb(), cookies(), headers()]);
  return openShare(db, token, { unlock: jar.get(SHARE_UNLOCK_COOKIE)?.value ?? null, ip: clientIp(h) });
});
