import "server-only";
import { getDb } from "../db";
import { sessionIdFromCookie } from "../auth/session-cookie";
import { findActiveSession, type SessionUser } from "../auth/sessions";
import { clientIp } from "../http";
import type { Context } from "./trpc";

/**
 * The context of one HTTP or RSC request: the database, the session id of its cookie, the user (read when first
 * needed; organization procedures read it together with the membership) and request metadata.
 */
export async function createRequestContext(headers: Headers): Promise<Context> {
  const [db, sessionId] = await Promise.all([getDb(), sessionIdFromCookie(headers)]);
  let user: Promise<SessionUser | null> | undefined;
  return {
    db,
    headers,
    ip: clientIp(headers),
    sessionId,
    loadUser: () => (user ??= sessionId ? findActiveSession(db, sessionId) : Promise.resolve(null)),
  };
}
