import "server-only";
import { and, eq } from "drizzle-orm";
import { memberships, notificationPreferences, organizations, users, type Organization } from "../db/schema";
import type { Database } from "../db/client";
import { withTenant } from "../db/tenant";
import { appBaseUrl } from "../email";
import { can, type Role } from "@/lib/permissions";
import { unsubscribeToken, type NotificationKind } from "./unsubscribe-token";
import type { NotificationLinks } from "./emails";

export interface Recipient {
  organization: Organization;
  email: string;
  role: Role;
  uploadDigest: boolean;
  reminderDays: number | null;
}

/**
 * The member a notification job is for, read when it runs (not when it was queued): still a member, still with a
 * role that reads the dashboard, and with the preferences as they are now. Null: send nothing.
 */
export async function loadRecipient(
  db: Database,
  organizationId: string,
  userId: string,
): Promise<Recipient | null> {
  const [organization] = await db.select().from(organizations).where(eq(organizations.id, organizationId));
  if (!organization) return null;
  const row = await withTenant(db, organizationId, async (tx) => {
    const [found] = await tx
      .select({
        email: users.email,
        role: memberships.role,
        uploadDigest: notificationPreferences.uploadDigest,
        reminderDays: notificationPreferences.reminderDays,
      })
      .from(notificationPreferences)
      .innerJoin(
        memberships,
        and(
          eq(memberships.organizationId, notificationPreferences.organizationId),
          eq(memberships.userId, notificationPreferences.userId),
        ),
      )
      .innerJoin(users, eq(users.id, memberships.userId))
      .where(
        and(
          eq(notificationPreferences.organizationId, organizationId),
          eq(notificationPreferences.userId, userId),
        ),
      );
    return found ?? null;
  });
  if (!row || !can(row.role, "dashboard.read")) return null;
  return { organization, ...row };
}

/** The links every notification email carries: the member's settings page and the signed one-click unsubscribe. */
export function notificationLinks(
  organization: Pick<Organization, "id" | "slug">,
  userId: string,
  kind: NotificationKind,
): NotificationLinks {
  const base = appBaseUrl();
  const token = unsubscribeToken({ userId, organizationId: organization.id, kind });
  return {
    settingsUrl: `${base}/o/${organization.slug}/notifications`,
    unsubscribeUrl: `${base}/api/unsubscribe?token=${encodeURIComponent(token)}`,
  };
}
