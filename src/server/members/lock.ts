import "server-only";
import { and, eq, inArray } from "drizzle-orm";
import { memberships, organizations, users } from "../db/schema";
import type { Transaction } from "../db/client";
import { ServiceError } from "../errors";

/**
 * Locks the organization row for the rest of the transaction, so membership changes and invitations of one
 * organization run one after another: two owners demoting each other at once cannot leave it ownerless, and
 * two admins cannot invite the same email twice.
 */
export async function lockOrganization(tx: Transaction, organizationId: string): Promise<void> {
  await tx
    .select({ id: organizations.id })
    .from(organizations)
    .where(eq(organizations.id, organizationId))
    .for("update");
}

/** Members by user id, as of this transaction (read after the lock, so roles cannot change underneath). */
export async function membersById(tx: Transaction, organizationId: string, userIds: string[]) {
  const rows = await tx
    .select({ userId: memberships.userId, role: memberships.role, email: users.email, name: users.name })
    .from(memberships)
    .innerJoin(users, eq(users.id, memberships.userId))
    .where(and(eq(memberships.organizationId, organizationId), inArray(memberships.userId, userIds)));
  return new Map(rows.map((r) => [r.userId, r]));
}

/** The acting user's membership as of this transaction; gone meanwhile → NOT_FOUND like the org procedure. */
export async function lockedActor(tx: Transaction, organizationId: string, userId: string) {
  await lockOrganization(tx, organizationId);
  const actor = (await membersById(tx, organizationId, [userId])).get(userId);
  if (!actor) throw new ServiceError("NOT_FOUND", "Organization not found.");
  return actor;
}

export async function ownerCount(tx: Transaction, organizationId: string): Promise<number> {
  const rows = await tx
    .select({ userId: memberships.userId })
    .from(memberships)
    .where(and(eq(memberships.organizationId, organizationId), eq(memberships.role, "owner")));
  return rows.length;
}
