import "server-only";
import { and, eq } from "drizzle-orm";
import { memberships, organizations, type Organization } from "../db/schema";
import type { Db } from "../db/client";
import { withUser } from "../db/tenant";
import type { Role } from "@/lib/permissions";

export interface OrgAccess {
  org: Organization;
  role: Role;
}

/**
 * The organization of `slug` and the user's role in it, looked up on every request (no cache: a removed member
 * loses access at once). Null when there is no such org or the user is not a member — callers answer 404.
 */
export async function findOrgAccess(db: Db, userId: string, slug: string): Promise<OrgAccess | null> {
  const [row] = await withUser(db, userId, (tx) =>
    tx
      .select({ org: organizations, role: memberships.role })
      .from(organizations)
      .innerJoin(
        memberships,
        and(eq(memberships.organizationId, organizations.id), eq(memberships.userId, userId)),
      )
      .where(eq(organizations.slug, slug)),
  );
  return row ?? null;
}
