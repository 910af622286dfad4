import "server-only";
import { auditEvents } from "../db/schema";
import type { Db } from "../db/client";

export const AUDIT_ACTIONS = [
  "user.signed_up",
  "organization.created",
  "organization.updated",
  "organization.exported",
  "organization.deleted",
  "import.created",
  "import.failed",
  "import.deleted",
  "import.mapping_changed",
  "snapshot.made_current",
  "export.reps",
  "export.report",
  "invitation.sent",
  "invitation.resent",
  "invitation.revoked",
  "invitation.accepted",
  "member.role_changed",
  "member.removed",
  "member.left",
  "ownership.transferred",
  "apikey.created",
  "apikey.revoked",
  "webhook.created",
  "webhook.deleted",
  "webhook.enabled",
  "webhook.disabled",
  "webhook.replayed",
  "share.created",
  "share.revoked",
  "share.viewed",
  "scenario.created",
  "scenario.updated",
  "scenario.duplicated",
  "scenario.rebased",
  "scenario.deleted",
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** Who did it: a signed-in user or an API key. */
export type Actor =
  | { kind: "user"; userId: string; label: string }
  | { kind: "apiKey"; apiKeyId: string; label: string }
  | { kind: "system"; label: string };

export interface AuditInput {
  organizationId: string;
  actor: Actor;
  action: AuditAction;
  targetType?: string;
  targetId?: string;
  ip?: string | null;
  /** A small before/after or context; never a password, token or secret. */
  data?: Record<string, unknown>;
}

/** Writes one audit row. Call it inside the action's own transaction so both commit or neither does. */
export async function recordAudit(db: Db, input: AuditInput): Promise<void> {
  await db.insert(auditEvents).values({
    organizationId: input.organizationId,
    actorUserId: input.actor.kind === "user" ? input.actor.userId : null,
    actorApiKeyId: input.actor.kind === "apiKey" ? input.actor.apiKeyId : null,
    actorLabel: input.actor.label,
    action: input.action,
    targetType: input.targetType ?? null,
    targetId: input.targetId ?? null,
    ip: input.ip ?? null,
    data: input.data ?? null,
  });
}
