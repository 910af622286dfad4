import "server-only";
import { forgetKeptReports } from "../reports/kept";
import { asc, count, eq } from "drizzle-orm";
import { strToU8, zipSync } from "fflate";
import {
  apiKeys,
  auditEvents,
  invitations,
  memberships,
  notificationPreferences,
  organizationDeletions,
  organizations,
  reps,
  scenarios,
  shareLinks,
  teamSnapshots,
  users,
  webhookDeliveries,
  webhookEndpoints,
  type Organization,
} from "../db/schema";
import type { Database } from "../db/client";
import { withTenant } from "../db/tenant";
import { recordAudit, type Actor } from "../audit";
import { ServiceError } from "../errors";
import { iterateReps } from "../imports/snapshots";
import { can, type Role } from "@/lib/permissions";
import { csvCell, CSV_BOM, iterateRepsCsv } from "@/lib/csv";

function requireOwner(role: Role, permission: "org.export" | "org.delete") {
  if (!can(role, permission)) {
    throw new ServiceError("FORBIDDEN", "Only an owner of the organization can do this.");
  }
}

const csv = (header: string[], rows: unknown[][]) =>
  CSV_BOM +
  [header, ...rows]
    .map((r) =>
      r
        .map((v) =>
          csvCell(v === null || v === undefined ? "" : v instanceof Date ? v.toISOString() : String(v)),
        )
        .join(","),
    )
    .join("\r\n") +
  "\r\n";

/**
 * Everything of the organization as a zip: organization.json, members.csv, snapshots.csv, one reps CSV per
 * snapshot, audit-log.json, webhooks.json (endpoints without secrets, the delivery log). Owner only; audited (the export itself is the last audit row in the file).
 * snapshot, scenarios.json (saved planner scenarios), notifications.json (members' email choices), audit-log.json. Owner only; audited (the export itself is the last audit row in the file).
 */
export async function exportOrganization(
  db: Database,
  org: Organization,
  role: Role,
  actor: Actor,
  ip?: string | null,
) {
  requireOwner(role, "org.export");
  const { members, snapshots, audit, webhooks, deliveries, savedScenarios, shares, notifications } =
    await withTenant(db, org.id, async (tx) => {
      await recordAudit(tx, {
        organizationId: org.id,
        actor,
        action: "organization.exported",
        targetType: "organization",
        targetId: org.id,
        ip,
      });
      return {
        members: await tx
          .select({
            name: users.name,
            email: users.email,
            role: memberships.role,
            joinedAt: memberships.createdAt,
          })
          .from(memberships)
          .innerJoin(users, eq(users.id, memberships.userId))
          .where(eq(memberships.organizationId, org.id))
          .orderBy(asc(memberships.createdAt)),
        snapshots: await tx
          .select()
          .from(teamSnapshots)
          .where(eq(teamSnapshots.organizationId, org.id))
          .orderBy(asc(teamSnapshots.createdAt)),
        audit: await tx
          .select()
          .from(auditEvents)
          .where(eq(auditEvents.organizationId, org.id))
          .orderBy(asc(auditEvents.createdAt)),
        // Endpoints without their signing secrets.
        webhooks: await tx
          .select({
            id: webhookEndpoints.id,
            url: webhookEndpoints.url,
            events: webhookEndpoints.events,
            createdAt: webhookEndpoints.createdAt,
            consecutiveFailures: webhookEndpoints.consecutiveFailures,
            disabledAt: webhookEndpoints.disabledAt,
            disabledReason: webhookEndpoints.disabledReason,
          })
          .from(webhookEndpoints)
          .where(eq(webhookEndpoints.organizationId, org.id))
          .orderBy(asc(webhookEndpoints.createdAt)),
        deliveries: await tx
          .select()
          .from(webhookDeliveries)
          .where(eq(webhookDeliveries.organizationId, org.id))
          .orderBy(asc(webhookDeliveries.createdAt)),
        savedScenarios: await tx
          .select()
          .from(scenarios)
          .where(eq(scenarios.organizationId, org.id))
          .orderBy(asc(scenarios.createdAt)),
        // Share links without their token hashes or password hashes.
        shares: await tx
          .select({
            id: shareLinks.id,
            snapshotId: shareLinks.snapshotId,
            snapshotLabel: shareLinks.snapshotLabel,
            scenarioId: shareLinks.scenarioId,
            redaction: shareLinks.redaction,
            createdByLabel: shareLinks.createdByLabel,
            createdAt: shareLinks.createdAt,
            expiresAt: shareLinks.expiresAt,
            revokedAt: shareLinks.revokedAt,
            viewCount: shareLinks.viewCount,
            lastViewedAt: shareLinks.lastViewedAt,
          })
          .from(shareLinks)
          .where(eq(shareLinks.organizationId, org.id))
          .orderBy(asc(shareLinks.createdAt)),
        // Each member's own email choices, by address.
        notifications: await tx
          .select({
            email: users.email,
            uploadDigest: notificationPreferences.uploadDigest,
            reminderDays: notificationPreferences.reminderDays,
            updatedAt: notificationPreferences.updatedAt,
          })
          .from(notificationPreferences)
          .innerJoin(users, eq(users.id, notificationPreferences.userId))
          .where(eq(notificationPreferences.organizationId, org.id))
          .orderBy(asc(users.email)),
      };
    });
  const files: Record<string, Uint8Array> = {};
  const { lastImportMapping: _mapping, ...orgFields } = org;
  files["organization.json"] = strToU8(JSON.stringify(orgFields, null, 2));
  files["members.csv"] = strToU8(
    csv(
      ["name", "email", "role", "joined_at"],
      members.map((m) => [m.name, m.email, m.role, m.joinedAt]),
    ),
  );
  files["snapshots.csv"] = strToU8(
    csv(
      [
        "id",
        "as_of",
        "period",
        "file_name",
        "rows",
        "skipped_rows",
        "status",
        "failure_reason",
        "created_at",
      ],
      snapshots.map((s) => [
        s.id,
        s.asOf,
        s.period,
        s.fileName,
        s.rowCount,
        s.skippedRowCount,
        s.status,
        s.failureReason,
        s.createdAt,
      ]),
    ),
  );
  for (const s of snapshots.filter((x) => x.status === "completed")) {
    const parts: string[] = [];
    for await (const batch of iterateReps(db, org, s.id)) {
      const lines = [...iterateRepsCsv(batch)];
      parts.push(...(parts.length ? lines.slice(1) : lines));
    }
    if (parts.length === 0) parts.push(...iterateRepsCsv([]));
    files[`reps/${s.asOf}-${s.id}.csv`] = strToU8(parts.join(""));
  }
  files["scenarios.json"] = strToU8(JSON.stringify(savedScenarios, null, 2));
  files["share-links.json"] = strToU8(JSON.stringify(shares, null, 2));
  files["notifications.json"] = strToU8(JSON.stringify(notifications, null, 2));
  files["audit-log.json"] = strToU8(JSON.stringify(audit, null, 2));
  files["webhooks.json"] = strToU8(JSON.stringify({ endpoints: webhooks, deliveries }, null, 2));
  return {
    fileName: `${org.slug}-export-${new Date().toISOString().slice(0, 10)}.zip`,
    zip: zipSync(files, { level: 6 }),
  };
}

/**
 * Deletes the organization and every row of it (the foreign keys cascade), after the owner typed its slug.
 * A deletion record without any of the data survives it.
 */
export async function deleteOrganization(
  db: Database,
  org: Organization,
  role: Role,
  actor: Actor & { kind: "user" },
  confirmation: string,
) {
  requireOwner(role, "org.delete");
  if (confirmation.trim() !== org.slug) {
    throw new ServiceError("BAD_REQUEST", `Type the organization's slug “${org.slug}” to confirm.`, {
      field: "confirmation",
    });
  }
  const counts = await withTenant(db, org.id, async (tx) => {
    const n = async (
      table:
        | typeof reps
        | typeof teamSnapshots
        | typeof memberships
        | typeof auditEvents
        | typeof invitations
        | typeof apiKeys
        | typeof webhookEndpoints
        | typeof webhookDeliveries
        | typeof scenarios
        | typeof shareLinks
        | typeof notificationPreferences,
    ) =>
      Number(
        (await tx.select({ n: count() }).from(table).where(eq(table.organizationId, org.id)))[0]?.n ?? 0,
      );
    const counts = {
      members: await n(memberships),
      snapshots: await n(teamSnapshots),
      reps: await n(reps),
      auditEvents: await n(auditEvents),
      invitations: await n(invitations),
      apiKeys: await n(apiKeys),
      webhookEndpoints: await n(webhookEndpoints),
      webhookDeliveries: await n(webhookDeliveries),
      scenarios: await n(scenarios),
      shareLinks: await n(shareLinks),
      notificationPreferences: await n(notificationPreferences),
    };
    // Reps have no direct foreign key to organizations: remove them with their snapshots first.
    await tx.delete(reps).where(eq(reps.organizationId, org.id));
    await tx.delete(organizations).where(eq(organizations.id, org.id));
    await tx
      .insert(organizationDeletions)
      .values({ deletedOrganizationId: org.id, deletedByUserId: actor.userId, counts });
    return counts;
  });
  forgetKeptReports(org.id);
  return counts;
}
