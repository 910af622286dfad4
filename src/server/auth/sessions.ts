import "server-only";
import { randomBytes } from "node:crypto";
import { and, desc, eq, gt, isNull, lt, ne, sql } from "drizzle-orm";
import { env } from "@/env";
import { sessions, users } from "../db/schema";
import type { Db } from "../db/client";
import { preparedFor } from "../db/prepared";
import { verifyPassword, timingDummyHash } from "./password";

/** A session ends 30 days after sign-in, whatever happens. */
export const SESSION_MAX_AGE_SECONDS = 30 * 24 * 60 * 60;
/** …and earlier when unused for this long (SESSION_IDLE_TIMEOUT_MINUTES, 12 hours by default). */
export const sessionIdleTimeoutSeconds = () => env.SESSION_IDLE_TIMEOUT_MINUTES * 60;
/** last_seen_at is written at most this often per session. */
export const LAST_SEEN_PRECISION_SECONDS = 60;

export interface SessionUser {
  id: string;
  email: string;
  name: string;
  sessionId: string;
}

/** The same answer for an unknown email and a wrong password, after the same amount of work. */
export async function verifyCredentials(db: Db, email: string, password: string) {
  const [user] = await db.select().from(users).where(eq(users.email, email.trim().toLowerCase()));
  if (!user) {
    await verifyPassword(await timingDummyHash(), password);
    return null;
  }
  return (await verifyPassword(user.passwordHash, password)) ? user : null;
}

export async function createSession(
  db: Db,
  userId: string,
  meta: { ip?: string | null; userAgent?: string | null },
) {
  const id = randomBytes(32).toString("base64url");
  await db.insert(sessions).values({
    id,
    userId,
    expiresAt: new Date(Date.now() + SESSION_MAX_AGE_SECONDS * 1000),
    ip: meta.ip ?? null,
    userAgent: meta.userAgent?.slice(0, 300) ?? null,
    idleTimeoutSeconds: sessionIdleTimeoutSeconds(),
  });
  return id;
}

/**
 * Looks the session up on every request, so a revoked session stops working at once; one unused for longer than
 * its idle limit has ended too. Records the use at most once a minute.
 */
export async function findActiveSession(db: Db, sessionId: string): Promise<SessionUser | null> {
  const [row] = await activeSession(db).execute({ sessionId });
  if (!row) return null;
  const { stale, ...user } = row;
  if (stale) await touchSession(db, sessionId);
  return user;
}

async function touchSession(db: Db, sessionId: string) {
  await db
    .update(sessions)
    .set({ lastSeenAt: sql`now()` })
    .where(
      and(
        eq(sessions.id, sessionId),
        lt(sessions.lastSeenAt, sql`now() - make_interval(secs => ${LAST_SEEN_PRECISION_SECONDS}::int)`),
      ),
    );
}

const activeSession = preparedFor((db) =>
  db
    .select({
      id: users.id,
      email: users.email,
      name: users.name,
      sessionId: sessions.id,
      stale: sql<boolean>`${sessions.lastSeenAt} < now() - make_interval(secs => ${sql.raw(String(LAST_SEEN_PRECISION_SECONDS))})`,
    })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(
      and(
        eq(sessions.id, sql.placeholder("sessionId")),
        isNull(sessions.revokedAt),
        gt(sessions.expiresAt, sql`now()`),
        gt(sessions.lastSeenAt, sql`now() - make_interval(secs => ${sessions.idleTimeoutSeconds})`),
      ),
    )
    .prepare("active_session"),
);

export async function revokeSession(db: Db, sessionId: string) {
  await db
    .update(sessions)
    .set({ revokedAt: new Date() })
    .where(and(eq(sessions.id, sessionId), isNull(sessions.revokedAt)));
}

/** "Sign out everywhere": every session of the user, on every device. */
export async function revokeAllSessions(db: Db, userId: string) {
  const revoked = await db
    .update(sessions)
    .set({ revokedAt: new Date() })
    .where(and(eq(sessions.userId, userId), isNull(sessions.revokedAt)))
    .returning({ id: sessions.id });
  return revoked.length;
}

/** Every session of the user except `keepSessionId` (after a password change, the device that made it stays). */
export async function revokeOtherSessions(db: Db, userId: string, keepSessionId: string) {
  const revoked = await db
    .update(sessions)
    .set({ revokedAt: new Date() })
    .where(and(eq(sessions.userId, userId), isNull(sessions.revokedAt), ne(sessions.id, keepSessionId)))
    .returning({ id: sessions.id });
  return revoked.length;
}

/** The user's sessions still in force, most recently used first; named by public id, never by the secret id. */
export async function listActiveSessions(db: Db, userId: string, currentSessionId: string | null) {
  const rows = await db
    .select({
      id: sessions.publicId,
      sessionId: sessions.id,
      ip: sessions.ip,
      userAgent: sessions.userAgent,
      createdAt: sessions.createdAt,
      lastSeenAt: sessions.lastSeenAt,
      expiresAt: sessions.expiresAt,
      idleTimeoutSeconds: sessions.idleTimeoutSeconds,
    })
    .from(sessions)
    .where(
      and(
        eq(sessions.userId, userId),
        isNull(sessions.revokedAt),
        gt(sessions.expiresAt, sql`now()`),
        gt(sessions.lastSeenAt, sql`now() - make_interval(secs => ${sessions.idleTimeoutSeconds})`),
      ),
    )
    .orderBy(desc(sessions.lastSeenAt), desc(sessions.createdAt));
  return rows.map(({ sessionId, ...r }) => ({ ...r, current: sessionId === currentSessionId }));
}

/** Ends one of the user's own sessions by its public id; false when there is no such active session of theirs. */
export async function revokeSessionByPublicId(db: Db, userId: string, publicId: string) {
  const revoked = await db
    .update(sessions)
    .set({ revokedAt: new Date() })
    .where(and(eq(sessions.userId, userId), eq(sessions.publicId, publicId), isNull(sessions.revokedAt)))
    .returning({ id: sessions.id });
  return revoked.length > 0;
}
