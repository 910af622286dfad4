import "server-only";
import { and, eq, sql } from "drizzle-orm";
import { notificationPreferences } from "../db/schema";
import type { Transaction } from "../db/client";
import { withTenant } from "../db/tenant";
import { ServiceError } from "../errors";
import type { OrgActorContext } from "../members/context";
import { can } from "@/lib/permissions";
import { updatePreferencesSchema } from "./schemas";
import type { NotificationKind } from "./unsubscribe-token";

export interface NotificationSettings {
  uploadDigest: boolean;
  /** Null: no reminder. */
  reminderDays: number | null;
  /** Where the emails go: the member's own account address. */
  email: string;
}

/** Digests carry the organization's figures: only a role that may read the dashboard receives or chooses them. */
function requireDashboard(ctx: Pick<OrgActorContext, "role" | "org">) {
  if (!can(ctx.role, "dashboard.read"))
    throw new ServiceError(
      "FORBIDDEN",
      `Your role (${ctx.role}) does not see the dashboard of ${ctx.org.name}.`,
    );
}

async function readPreferences(tx: Transaction, organizationId: string, userId: string) {
  const [row] = await tx
    .select({
      uploadDigest: notificationPreferences.uploadDigest,
      reminderDays: notificationPreferences.reminderDays,
    })
    .from(notificationPreferences)
    .where(
      and(
        eq(notificationPreferences.organizationId, organizationId),
        eq(notificationPreferences.userId, userId),
      ),
    );
  return row ?? { uploadDigest: false, reminderDays: null };
}

/** The caller's own choices for this organization (nothing is sent until they choose). */
export async function getNotificationSettings(ctx: OrgActorContext): Promise<NotificationSettings> {
  requireDashboard(ctx);
  const prefs = await withTenant(ctx.db, ctx.org.id, (tx) => readPreferences(tx, ctx.org.id, ctx.user.id));
  return { ...prefs, email: ctx.user.email };
}

/** Changes the caller's own choices for this organization; anything not given stays as it was. */
export async function updateNotificationSettings(
  ctx: OrgActorContext,
  rawInput: unknown,
): Promise<NotificationSettings> {
  requireDashboard(ctx);
  const input = updatePreferencesSchema.parse(rawInput);
  const prefs = await withTenant(ctx.db, ctx.org.id, async (tx) => {
    const set = {
      ...(input.uploadDigest !== undefined ? { uploadDigest: input.uploadDigest } : {}),
      ...(input.reminderDays !== undefined ? { reminderDays: input.reminderDays } : {}),
      updatedAt: sql`now()`,
    };
    const [row] = await tx
      .insert(notificationPreferences)
      .values({ organizationId: ctx.org.id, userId: ctx.user.id, ...set })
      .onConflictDoUpdate({
        target: [notificationPreferences.organizationId, notificationPreferences.userId],
        set,
      })
      .returning({
        uploadDigest: notificationPreferences.uploadDigest,
        reminderDays: notificationPreferences.reminderDays,
      });
    if (!row) throw new Error("preference upsert returned nothing");
    return row;
  });
  return { ...prefs, email: ctx.user.email };
}

/**
 * Turns one kind of email off for one member of one organization (the unsubscribe link). Returns whether it was
 * on; a member who left has no preferences left to change, which is the same outcome.
 */
export async function turnOffNotification(
  tx: Transaction,
  organizationId: string,
  userId: string,
  kind: NotificationKind,
): Promise<boolean> {
  const where = and(
    eq(notificationPreferences.organizationId, organizationId),
    eq(notificationPreferences.userId, userId),
    kind === "upload"
      ? eq(notificationPreferences.uploadDigest, true)
      : sql`${notificationPreferences.reminderDays} is not null`,
  );
  const rows = await tx
    .update(notificationPreferences)
    .set({
      ...(kind === "upload" ? { uploadDigest: false } : { reminderDays: null }),
      updatedAt: sql`now()`,
    })
    .where(where)
    .returning({ userId: notificationPreferences.userId });
  return rows.length > 0;
}
