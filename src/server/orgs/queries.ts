import "server-only";
import { asc, eq } from "drizzle-orm";
import { memberships, organizations } from "../db/schema";
import type { Db } from "../db/client";
import { withUser } from "../db/tenant";

/** The organizations a user belongs to, for the switcher (a user-scoped query: only their memberships). */
export async function listMyOrganizations(db: Db, userId: string) {
  return withUser(db, userId, (tx) =>
    tx
      .select({
        id: organizations.id,
        slug: organizations.slug,
        name: organizations.name,
        role: memberships.role,
      })
      .from(memberships)
      .innerJoin(organizations, eq(organizations.id, memberships.organizationId))
      .where(eq(memberships.userId, userId))
      .orderBy(asc(organizations.name)),
  );
}
