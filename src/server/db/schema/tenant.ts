import { sql } from "drizzle-orm";
import {
  boolean,
  check,
  date,
  doublePrecision,
  foreignKey,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";
import { ROLES } from "../../../lib/permissions";
import type { ScenarioContent } from "../../../lib/planner/scenario";
import { organizations, users } from "./global";

const organizationId = () =>
  uuid("organization_id")
    .notNull()
    .references(() => organizations.id, { onDelete: "cascade" });

export const memberships = pgTable(
  "memberships",
  {
    organizationId: organizationId(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    role: text("role", { enum: ROLES }).notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.organizationId, t.userId] }), index("memberships_user_idx").on(t.userId)],
);

export const invitations = pgTable(
  "invitations",
  {
    organizationId: organizationId(),
    id: uuid("id").notNull().defaultRandom(),
    email: text("email").notNull(),
    role: text("role", { enum: ROLES }).notNull(),
    /** SHA-256 of the token in the link; the token itself is never stored. */
    tokenHash: text("token_hash").notNull(),
    invitedBy: uuid("invited_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    acceptedAt: timestamp("accepted_at", { withTimezone: true }),
    acceptedBy: uuid("accepted_by").references(() => users.id, { onDelete: "set null" }),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.organizationId, t.id] }),
    index("invitations_token_idx").on(t.tokenHash),
    index("invitations_org_email_idx").on(t.organizationId, t.email),
  ],
);

export const SNAPSHOT_STATUSES = ["processing", "completed", "failed"] as const;
export type SnapshotStatus = (typeof SNAPSHOT_STATUSES)[number];

export const teamSnapshots = pgTable(
  "team_snapshots",
  {
    organizationId: organizationId(),
    id: uuid("id").notNull().defaultRandom(),
    asOf: date("as_of", { mode: "string" }).notNull(),
    /** The period the activity counts cover, e.g. "last 30 days", "Q3 2026", "FY 2025". */
    period: text("period").notNull(),
    fileName: text("file_name").notNull(),
    contentHash: text("content_hash").notNull(),
    rowCount: integer("row_count").notNull().default(0),
    skippedRowCount: integer("skipped_row_count").notNull().default(0),
    status: text("status", { enum: SNAPSHOT_STATUSES }).notNull(),
    failureReason: text("failure_reason"),
    encoding: text("encoding"),
    mapping: jsonb("mapping").$type<Record<string, string | null>>(),
    /** Per-role sums computed once at import, so dashboards never load every rep row. */
    summary: jsonb("summary").$type<unknown>(),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    createdByApiKeyId: uuid("created_by_api_key_id"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    completedAt: timestamp("completed_at", { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.organizationId, t.id] }),
    index("team_snapshots_org_asof_idx").on(t.organizationId, t.asOf, t.createdAt),
    index("team_snapshots_org_hash_idx").on(t.organizationId, t.contentHash),
  ],
);

export const reps = pgTable(
  "reps",
  {
    organizationId: uuid("organization_id").notNull(),
    snapshotId: uuid("snapshot_id").notNull(),
    /** The row number in the uploaded file (header = row 1), also the rep's position in the snapshot. */
    rowNumber: integer("row_number").notNull(),
    name: text("name").notNull(),
    email: text("email"),
    role: text("role", { enum: ["inside", "outside", "hybrid"] }).notNull(),
    title: text("title"),
    team: text("team"),
    baseSalary: doublePrecision("base_salary"),
    ote: doublePrecision("ote"),
    annualQuota: doublePrecision("annual_quota"),
    quotaAttainment: doublePrecision("quota_attainment"),
    calls: integer("calls"),
    voicemails: integer("voicemails"),
    emails: integer("emails"),
    socialTouches: integer("social_touches"),
    meetings: integer("meetings"),
    dealsWon: integer("deals_won"),
    avgDealSize: doublePrecision("avg_deal_size"),
    salesCycleDays: doublePrecision("sales_cycle_days"),
    decisionMakers: doublePrecision("decision_makers"),
    remoteSellingPct: doublePrecision("remote_selling_pct"),
  },
  (t) => [
    primaryKey({ columns: [t.organizationId, t.snapshotId, t.rowNumber] }),
    foreignKey({
      columns: [t.organizationId, t.snapshotId],
      foreignColumns: [teamSnapshots.organizationId, teamSnapshots.id],
      name: "reps_snapshot_fk",
    }).onDelete("cascade"),
  ],
);

export const auditEvents = pgTable(
  "audit_events",
  {
    organizationId: organizationId(),
    id: uuid("id").notNull().defaultRandom(),
    actorUserId: uuid("actor_user_id").references(() => users.id, { onDelete: "set null" }),
    actorApiKeyId: uuid("actor_api_key_id"),
    /** Kept as text so the event stays readable after the actor is gone. */
    actorLabel: text("actor_label"),
    action: text("action").notNull(),
    targetType: text("target_type"),
    targetId: text("target_id"),
    ip: text("ip"),
    data: jsonb("data").$type<Record<string, unknown>>(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.organizationId, t.id] }),
    index("audit_events_org_created_idx").on(t.organizationId, t.createdAt),
  ],
);

export const API_KEY_SCOPES = ["read", "read_write"] as const;
export type ApiKeyScope = (typeof API_KEY_SCOPES)[number];

export const apiKeys = pgTable(
  "api_keys",
  {
    organizationId: organizationId(),
    id: uuid("id").notNull().defaultRandom(),
    name: text("name").notNull(),
    scope: text("scope", { enum: API_KEY_SCOPES }).notNull(),
    /** The first characters of the key, shown in lists so users can tell keys apart. */
    prefix: text("prefix").notNull(),
    keyHash: text("key_hash").notNull(),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    lastUsedAt: timestamp("last_used_at", { withTimezone: true }),
    /** Optional: past it the key is refused like a revoked one. Null keeps it working until revoked. */
    expiresAt: timestamp("expires_at", { withTimezone: true }),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
  },
  (t) => [primaryKey({ columns: [t.organizationId, t.id] }), index("api_keys_hash_idx").on(t.keyHash)],
);

/**
 * Saved planner scenarios: the moves (reps by row number in `snapshot_id`) and the plan's assumptions. No foreign
 * key to the snapshot on purpose: a scenario outlives a deleted upload, says so, and can be rebased on the current
 * one; `snapshot_label` keeps what the upload was.
 */
export const scenarios = pgTable(
  "scenarios",
  {
    organizationId: organizationId(),
    id: uuid("id").notNull().defaultRandom(),
    name: text("name").notNull(),
    snapshotId: uuid("snapshot_id").notNull(),
    snapshotLabel: text("snapshot_label").notNull(),
    /** `ScenarioContent` (src/lib/planner/scenario.ts), validated before every write. */
    content: jsonb("content").$type<ScenarioContent>().notNull(),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    createdByApiKeyId: uuid("created_by_api_key_id"),
    /** Kept as text so the author stays readable after the member or key is gone. */
    authorLabel: text("author_label").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.organizationId, t.id] }),
    index("scenarios_org_created_idx").on(t.organizationId, t.createdAt),
  ],
);

export type Membership = typeof memberships.$inferSelect;
export type TeamSnapshot = typeof teamSnapshots.$inferSelect;
export type RepRow = typeof reps.$inferSelect;
export type AuditEvent = typeof auditEvents.$inferSelect;
export type ApiKey = typeof apiKeys.$inferSelect;

export const WEBHOOK_EVENTS = ["import.completed", "report.changed"] as const;
export type WebhookEvent = (typeof WEBHOOK_EVENTS)[number];

/** An HTTPS endpoint an admin registered; its signing secret is stored encrypted (webhooks/secret.ts). */
export const webhookEndpoints = pgTable(
  "webhook_endpoints",
  {
    organizationId: organizationId(),
    id: uuid("id").notNull().defaultRandom(),
    url: text("url").notNull(),
    events: jsonb("events").$type<WebhookEvent[]>().notNull(),
    secretCiphertext: text("secret_ciphertext").notNull(),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    /** Failed attempts in a row; reset by a success. At the limit the endpoint is disabled. */
    consecutiveFailures: integer("consecutive_failures").notNull().default(0),
    disabledAt: timestamp("disabled_at", { withTimezone: true }),
    disabledReason: text("disabled_reason"),
  },
  (t) => [primaryKey({ columns: [t.organizationId, t.id] })],
);

export const WEBHOOK_DELIVERY_STATUSES = ["pending", "succeeded", "failed"] as const;

/** One event for one endpoint: the delivery log an admin reads and replays. */
export const webhookDeliveries = pgTable(
  "webhook_deliveries",
  {
    organizationId: uuid("organization_id").notNull(),
    id: uuid("id").notNull().defaultRandom(),
    endpointId: uuid("endpoint_id").notNull(),
    /** The same for every endpoint the event went to; receivers deduplicate on the delivery id. */
    eventId: uuid("event_id").notNull(),
    eventType: text("event_type", { enum: WEBHOOK_EVENTS }).notNull(),
    /** The exact JSON body sent (its signature covers these bytes). */
    body: text("body").notNull(),
    status: text("status", { enum: WEBHOOK_DELIVERY_STATUSES }).notNull().default("pending"),
    attempts: integer("attempts").notNull().default(0),
    replays: integer("replays").notNull().default(0),
    lastStatusCode: integer("last_status_code"),
    lastError: text("last_error"),
    lastAttemptAt: timestamp("last_attempt_at", { withTimezone: true }),
    deliveredAt: timestamp("delivered_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.organizationId, t.id] }),
    foreignKey({
      columns: [t.organizationId, t.endpointId],
      foreignColumns: [webhookEndpoints.organizationId, webhookEndpoints.id],
      name: "webhook_deliveries_endpoint_fk",
    }).onDelete("cascade"),
    uniqueIndex("webhook_deliveries_event_idx").on(t.organizationId, t.endpointId, t.eventId),
    index("webhook_deliveries_created_idx").on(t.organizationId, t.createdAt),
  ],
);

export type WebhookEndpoint = typeof webhookEndpoints.$inferSelect;
export type WebhookDelivery = typeof webhookDeliveries.$inferSelect;
export type ScenarioRow = typeof scenarios.$inferSelect;

export const SHARE_REDACTIONS = ["aggregates", "names"] as const;
export type ShareRedaction = (typeof SHARE_REDACTIONS)[number];

/**
 * A read-only link to the report of one upload (optionally with one saved scenario). Only the SHA-256 of its
 * token is stored. No foreign key to the snapshot or the scenario on purpose: the link outlives a deleted upload
 * and says so instead of vanishing into "not valid".
 */
export const shareLinks = pgTable(
  "share_links",
  {
    organizationId: organizationId(),
    id: uuid("id").notNull().defaultRandom(),
    tokenHash: text("token_hash").notNull(),
    snapshotId: uuid("snapshot_id").notNull(),
    snapshotLabel: text("snapshot_label").notNull(),
    scenarioId: uuid("scenario_id"),
    redaction: text("redaction", { enum: SHARE_REDACTIONS }).notNull(),
    /** argon2id of the optional password; null when the link opens without one. */
    passwordHash: text("password_hash"),
    createdBy: uuid("created_by").references(() => users.id, { onDelete: "set null" }),
    /** Kept as text so the author stays readable after the member is gone. */
    createdByLabel: text("created_by_label").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
    viewCount: integer("view_count").notNull().default(0),
    lastViewedAt: timestamp("last_viewed_at", { withTimezone: true }),
  },
  (t) => [
    primaryKey({ columns: [t.organizationId, t.id] }),
    // Not unique: a unique index must include organization_id to distribute; 256 random bits do not collide.
    index("share_links_token_idx").on(t.tokenHash),
    index("share_links_org_created_idx").on(t.organizationId, t.createdAt),
  ],
);
export type ShareLinkRow = typeof shareLinks.$inferSelect;

/**
 * A member's own email choices for one organization: a digest when an upload lands, and a reminder when the last
 * upload is older than `reminder_days`. Removed with the membership (a member who leaves hears nothing more).
 */
export const notificationPreferences = pgTable(
  "notification_preferences",
  {
    organizationId: uuid("organization_id").notNull(),
    userId: uuid("user_id").notNull(),
    uploadDigest: boolean("upload_digest").notNull().default(false),
    /** Null: no reminder. */
    reminderDays: integer("reminder_days"),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.organizationId, t.userId] }),
    foreignKey({
      columns: [t.organizationId, t.userId],
      foreignColumns: [memberships.organizationId, memberships.userId],
      name: "notification_preferences_membership_fk",
    }).onDelete("cascade"),
    check("notification_preferences_reminder_days_range", sql`${t.reminderDays} between 1 and 365`),
  ],
);

export type NotificationPreferences = typeof notificationPreferences.$inferSelect;
