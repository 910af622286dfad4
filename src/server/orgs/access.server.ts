import "server-only";
import { eq, sql } from "drizzle-orm";
import { organizations, type Organization } from "../db/schema";
import type { Db } from "../db/client";
import { preparedFor } from "../db/prepared";
import type { Role } from "@/lib/permissions";

export interface OrgAccess {
  org: Organization;
  role: Role;
  /**
   * The snapshot the dashboard shows (marked current, else the latest completed), read in the same statement as
   * the membership; null before the first upload.
   */
  currentSnapshotId: string | null;
}

/**
 * The organization of `slug` and the user's role in it, looked up on every request (no cache: a removed member
 * loses access at once). Null when there is no such org or the user is not a member — callers answer 404.
 * One statement: `app_org_access` (drizzle/0004_request_access.sql) reads the membership with app.user_id set
 * and the current snapshot with app.organization_id set, as row-level security requires, and joins the
 * organization here.
 */
export async function findOrgAccess(db: Db, userId: string, slug: string): Promise<OrgAccess | null> {
  const [row] = await orgAccess(db).execute({ userId, slug });
  return row ?? null;
}

const orgAccess = preparedFor((db) =>
  db
    .select({
      org: organizations,
      role: sql<Role>`access.access_role`,
      currentSnapshotId: sql<string | null>`access.access_snapshot_id`,
    })
    .from(sql`app_org_access(${sql.placeholder("userId")}::uuid, ${sql.placeholder("slug")}::text) as access`)
    .innerJoin(organizations, eq(organizations.id, sql`access.access_organization_id`))
    .prepare("org_access"),
);
