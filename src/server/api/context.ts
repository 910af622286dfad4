import "server-only";
import { getDb } from "../db";
import { getSessionUser } from "../auth";
import { clientIp } from "../http";
import type { Context } from "./trpc";

/** The context of one HTTP or RSC request: the database, the checked session user, and request metadata. */
export async function createRequestContext(headers: Headers): Promise<Context> {
  const [db, user] = await Promise.all([getDb(), getSessionUser()]);
  return { db, user, headers, ip: clientIp(headers) };
}
