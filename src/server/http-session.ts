import "server-only";
import { getDb } from "./db";
import { headers } from "next/headers";
import { sessionIdFromCookie } from "./auth/session-cookie";
import { findSessionOrgAccess } from "./orgs/access.server";
import { ServiceError } from "./errors";

/**
 * The signed-in user of this request's session cookie and their access to the org of `slug` (null when not a
 * member), read in one statement; null when there is no valid session.
 */
export async function findRequestOrgAccess(slug: string) {
  const sessionId = await sessionIdFromCookie(await headers());
  if (!sessionId) return null;
  const db = await getDb();
  const found = await findSessionOrgAccess(db, sessionId, slug);
  return found && { db, ...found };
}

/**
 * For route handlers used by the app's own pages (downloads, uploads): the signed-in user and their access to
 * the org in the URL. Throws ServiceError UNAUTHORIZED / NOT_FOUND; `routeErrorResponse` (http-errors.ts) answers it.
 */
export async function requireSessionOrg(slug: string) {
  const found = await findRequestOrgAccess(slug);
  if (!found) throw new ServiceError("UNAUTHORIZED", "Sign in to continue.");
  const { db, user, access } = found;
  if (!access) throw new ServiceError("NOT_FOUND", "Organization not found.");
  return { db, user, ...access, actor: { kind: "user" as const, userId: user.id, label: user.email } };
}
