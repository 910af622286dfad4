import { randomBytes } from "node:crypto";
import { createCaller } from "@/server/api/root";
import type { Database } from "@/server/db/client";
import { createVerifiedAccount } from "@/server/auth/signup";
import { findActiveSession, type SessionUser } from "@/server/auth/sessions";
import { memberships, users } from "@/server/db/schema";
import type { Role } from "@/lib/permissions";

/** A tRPC caller acting as `user` (or signed out), the way the HTTP handler would build it. */
export function callerFor(db: Database, user: SessionUser | null, ip = "203.0.113.7") {
  return createCaller({ db, headers: new Headers(), ip, sessionId: null, loadUser: async () => user });
}

/**
 * A tRPC caller carrying a session id, as a request with a session cookie does: the user is read from the sessions
 * table, and organization procedures check the session and the membership in one statement.
 */
export function callerForSession(db: Database, sessionId: string, ip = "203.0.113.7") {
  return createCaller({
    db,
    headers: new Headers(),
    ip,
    sessionId,
    loadUser: () => findActiveSession(db, sessionId),
  });
}

/** Signs up a fresh user with their own organization; each test makes its own tenant. */
export async function newTenant(db: Database, label = "acme") {
  const suffix = randomBytes(4).toString("hex");
  const email = `${label}-${suffix}@example.com`;
  const { user, organization } = await createVerifiedAccount(db, {
    name: `${label} owner`,
    email,
    password: "correct horse battery staple",
    organizationName: `${label} ${suffix}`,
  });
  const sessionUser: SessionUser = { id: user.id, email: user.email, name: user.name, sessionId: "test" };
  return { user: sessionUser, org: organization, caller: callerFor(db, sessionUser) };
}

/** A user with `role` in an existing organization (inserted directly: the members flow has its own tests). */
export async function addMember(db: Database, organizationId: string, role: Role, label = role) {
  const email = `${label}-${randomBytes(4).toString("hex")}@example.com`;
  const [user] = await db
    .insert(users)
    .values({ email, name: `${label} user`, passwordHash: "not-a-real-hash" })
    .returning();
  if (!user) throw new Error("user insert failed");
  await db.insert(memberships).values({ organizationId, userId: user.id, role });
  const sessionUser: SessionUser = { id: user.id, email, name: user.name, sessionId: "test" };
  return { user: sessionUser, caller: callerFor(db, sessionUser) };
}
