import "server-only";
import { getDb } from "./db";
import { getSessionUser } from "./auth";
import { findOrgAccess } from "./orgs/access.server";
import { ServiceError } from "./errors";
import { HTTP_STATUS } from "./http-errors";

/**
 * For route handlers used by the app's own pages (downloads, uploads): the signed-in user and their access to
 * the org in the URL. Throws ServiceError UNAUTHORIZED / NOT_FOUND; `errorResponse` turns it into JSON.
 */
export async function requireSessionOrg(slug: string) {
  const user = await getSessionUser();
  if (!user) throw new ServiceError("UNAUTHORIZED", "Sign in to continue.");
  const db = await getDb();
  const access = await findOrgAccess(db, user.id, slug);
  if (!access) throw new ServiceError("NOT_FOUND", "Organization not found.");
  return { db, user, ...access, actor: { kind: "user" as const, userId: user.id, label: user.email } };
}

export function errorResponse(e: unknown): Response {
  if (e instanceof ServiceError) {
    return Response.json({ error: { code: e.code, message: e.message } }, { status: HTTP_STATUS[e.code] });
  }
  throw e;
}
