import "server-only";
import { eq, sql } from "drizzle-orm";
import type { SessionUser } from "../auth/sessions";
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

/**
 * The session check and the access check in one statement (`app_session_org_access`,
 * drizzle/0006_session_org_access.sql): null when the session is unknown, revoked or expired; otherwise its user,
 * with `access` null when the user is not a member of the organization of `slug`.
 */
export async function findSessionOrgAccess(
  db: Db,
  sessionId: string,
  slug: string,
): Promise<{ user: SessionUser; access: OrgAccess | null } | null> {
  const [row] = await sessionOrgAccess(db).execute({ sessionId, slug });
  if (!row) return null;
  const user: SessionUser = { id: row.userId, email: row.email, name: row.name, sessionId };
  const access =
    row.org && row.role ? { org: row.org, role: row.role, currentSnapshotId: row.currentSnapshotId } : null;
  return { user, access };
}

const sessionOrgAccess = preparedFor((db) =>
  db
    .select({
      userId: sql<string>`access.session_user_id`,
      email: sql<string>`access.session_user_email`,
      name: sql<string>`access.session_user_name`,
      org: organizations,
      role: sql<Role | null>`access.access_role`,
      currentSnapshotId: sql<string | null>`access.access_snapshot_id`,
    })
    .from(
      sql`app_session_org_access(${sql.placeholder("sessionId")}::text, ${sql.placeholder("slug")}::text) as access`,
    )
    .leftJoin(organizations, eq(organizations.id, sql`access.access_organization_id`))
    .prepare("session_org_access"),
);
