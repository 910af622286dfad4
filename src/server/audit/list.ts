import "server-only";
import { and, desc, eq, isNotNull, sql, type SQL } from "drizzle-orm";
import { z } from "zod";
import { auditEvents } from "../db/schema";
import { withTenant } from "../db/tenant";
import { ServiceError } from "../errors";
import type { OrgActorContext } from "../members/context";
import { can } from "@/lib/permissions";
import { oneLineText } from "@/lib/validation/text";
import { AUDIT_ACTIONS, type AuditAction } from "./index";

/** Labels for the page; an action added later without a label shows as its own name. */
export const AUDIT_ACTION_LABELS: Partial<Record<AuditAction, string>> = {
  "user.signed_up": "Signed up",
  "organization.created": "Organization created",
  "organization.updated": "Organization profile changed",
  "organization.exported": "Organization exported",
  "organization.deleted": "Organization deleted",
  "import.created": "Team uploaded",
  "import.failed": "Upload failed",
  "import.deleted": "Upload deleted",
  "import.mapping_changed": "Saved column mapping changed",
  "snapshot.made_current": "Snapshot made current",
  "export.reps": "Reps exported",
  "export.report": "Report exported",
  "invitation.sent": "Invitation sent",
  "invitation.resent": "Invitation resent",
  "invitation.revoked": "Invitation revoked",
  "invitation.accepted": "Invitation accepted",
  "member.role_changed": "Role changed",
  "member.removed": "Member removed",
  "member.left": "Member left",
  "ownership.transferred": "Ownership transferred",
  "apikey.created": "API key created",
  "apikey.revoked": "API key revoked",
  "webhook.created": "Webhook endpoint added",
  "webhook.deleted": "Webhook endpoint removed",
  "webhook.enabled": "Webhook endpoint enabled",
  "webhook.disabled": "Webhook endpoint disabled after failures",
  "webhook.replayed": "Webhook delivery replayed",
  "share.created": "Share link created",
  "share.revoked": "Share link revoked",
  "share.viewed": "Share link viewed",
  "scenario.created": "Scenario saved",
  "scenario.updated": "Scenario changed",
  "scenario.duplicated": "Scenario duplicated",
  "scenario.rebased": "Scenario rebased on the current upload",
  "scenario.deleted": "Scenario deleted",
};

function actionLabel(action: string): string {
  return AUDIT_ACTION_LABELS[action as AuditAction] ?? action;
}

export const AUDIT_PAGE_SIZE = 50;

/**
 * A page position: the last row's time (as Postgres text, to keep the microseconds a JS Date would drop) and
 * id, so rows sharing a timestamp are neither skipped nor repeated.
 */
const CURSOR_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;
const cursorSchema = z.object({
  // Exactly what to_char writes below, and a real instant (Postgres would refuse month 13 with a 500).
  t: z
    .string()
    .regex(CURSOR_TIME)
    .refine((t) => {
      const millis = `${t.slice(0, 23)}Z`;
      const date = new Date(millis);
      return !Number.isNaN(date.getTime()) && date.toISOString() === millis;
    }),
  id: z.uuid(),
});

function encodeCursor(c: z.infer<typeof cursorSchema>) {
  return Buffer.from(JSON.stringify(c)).toString("base64url");
}

function decodeCursor(cursor: string) {
  try {
    return cursorSchema.parse(JSON.parse(Buffer.from(cursor, "base64url").toString("utf8")));
  } catch {
    throw new ServiceError(
      "BAD_REQUEST",
      "That page of the audit log is not valid. Start from the first page.",
      {
        field: "cursor",
      },
    );
  }
}

export const listAuditSchema = z.object({
  action: z.enum(AUDIT_ACTIONS).optional(),
  actorUserId: z.uuid().optional(),
  cursor: oneLineText("The page cursor").max(200).nullish(),
  limit: z.number().int().min(1).max(100).optional(),
});
export type ListAuditInput = z.input<typeof listAuditSchema>;

function requireAuditReader(ctx: OrgActorContext) {
  if (!can(ctx.role, "audit.read"))
    throw new ServiceError("FORBIDDEN", "Only admins and owners can read the audit log.");
}

/** The organization's events, newest first, filtered by action and actor, one page at a time. */
export async function listAuditEvents(ctx: OrgActorContext, rawInput: ListAuditInput) {
  requireAuditReader(ctx);
  const input = listAuditSchema.parse(rawInput);
  const limit = input.limit ?? AUDIT_PAGE_SIZE;
  const after = input.cursor ? decodeCursor(input.cursor) : null;
  const filters: SQL[] = [eq(auditEvents.organizationId, ctx.org.id)];
  if (input.action) filters.push(eq(auditEvents.action, input.action));
  if (input.actorUserId) filters.push(eq(auditEvents.actorUserId, input.actorUserId));
  if (after)
    filters.push(
      sql`(${auditEvents.createdAt}, ${auditEvents.id}) < (${after.t}::timestamptz, ${after.id}::uuid)`,
    );
  const rows = await withTenant(ctx.db, ctx.org.id, (tx) =>
    tx
      .select({
        id: auditEvents.id,
        createdAt: auditEvents.createdAt,
        cursorTime: sql<string>`to_char(${auditEvents.createdAt} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`,
        action: auditEvents.action,
        actorUserId: auditEvents.actorUserId,
        actorApiKeyId: auditEvents.actorApiKeyId,
        actorLabel: auditEvents.actorLabel,
        targetType: auditEvents.targetType,
        targetId: auditEvents.targetId,
        ip: auditEvents.ip,
        data: auditEvents.data,
      })
      .from(auditEvents)
      .where(and(...filters))
      .orderBy(desc(auditEvents.createdAt), desc(auditEvents.id))
      .limit(limit + 1),
  );
  const page = rows.slice(0, limit);
  const last = page.at(-1);
  return {
    events: page.map(({ cursorTime: _cursorTime, ...e }) => ({
      ...e,
      actionLabel: actionLabel(e.action),
    })),
    nextCursor: rows.length > limit && last ? encodeCursor({ t: last.cursorTime, id: last.id }) : null,
  };
}

/** What the filters offer: every action, and the people who appear in this organization's log. */
export async function auditFilterOptions(ctx: OrgActorContext) {
  requireAuditReader(ctx);
  const actors = await withTenant(ctx.db, ctx.org.id, (tx) =>
    tx
      .selectDistinctOn([auditEvents.actorUserId], {
        userId: auditEvents.actorUserId,
        label: auditEvents.actorLabel,
      })
      .from(auditEvents)
      .where(and(eq(auditEvents.organizationId, ctx.org.id), isNotNull(auditEvents.actorUserId)))
      .orderBy(auditEvents.actorUserId, desc(auditEvents.createdAt)),
  );
  return {
    actions: AUDIT_ACTIONS.map((value) => ({ value, label: actionLabel(value) })),
    actors: actors
      .flatMap((a) => (a.userId ? [{ userId: a.userId, label: a.label ?? a.userId }] : []))
      .sort((a, b) => a.label.localeCompare(b.label)),
  };
}
