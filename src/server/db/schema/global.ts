import { sql } from "drizzle-orm";
import {
  check,
  doublePrecision,
  index,
  integer,
  jsonb,
  pgTable,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";

export const users = pgTable(
  "users",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    email: text("email").notNull(),
    name: text("name").notNull(),
    passwordHash: text("password_hash").notNull(),
    /** When the owner of the address proved it (a link from an email); null until then. */
    emailVerifiedAt: timestamp("email_verified_at", { withTimezone: true }),
    /** The interface language the user chose ("en", "zh-CN"); null until they choose (then the browser's). */
    locale: text("locale"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  // Emails are stored lower-cased (the check keeps it so), which makes the plain unique index case-insensitive.
  (t) => [
    uniqueIndex("users_email_idx").on(t.email),
    check("users_email_lower", sql`${t.email} = lower(${t.email})`),
  ],
);

/** Server-side sessions: the signed cookie only carries the session id, so revoking a row ends the session. */
export const sessions = pgTable(
  "sessions",
  {
    id: text("id").primaryKey(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    revokedAt: timestamp("revoked_at", { withTimezone: true }),
    ip: text("ip"),
    userAgent: text("user_agent"),
    /** What the account page names a session by: the id itself is the secret inside the cookie. */
    publicId: uuid("public_id").notNull().defaultRandom(),
    /** Written at most once a minute while the session is used; the idle limit counts from here. */
    lastSeenAt: timestamp("last_seen_at", { withTimezone: true }).notNull().defaultNow(),
    /** The inactivity limit in force when the session began (SESSION_IDLE_TIMEOUT_MINUTES). */
    idleTimeoutSeconds: integer("idle_timeout_seconds").notNull().default(43_200),
  },
  (t) => [index("sessions_user_idx").on(t.userId), uniqueIndex("sessions_public_id_idx").on(t.publicId)],
);

export const ACCOUNT_TOKEN_PURPOSES = ["verify_email", "reset_password", "sign_in"] as const;
export type AccountTokenPurpose = (typeof ACCOUNT_TOKEN_PURPOSES)[number];

/**
 * Single-use links sent by email: address verification, password reset, a sign-in link. Only the SHA-256 of the
 * token is kept; one guarded UPDATE (used_at is null and not expired) spends it.
 */
export const accountTokens = pgTable(
  "account_tokens",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    purpose: text("purpose", { enum: ACCOUNT_TOKEN_PURPOSES }).notNull(),
    tokenHash: text("token_hash").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp("expires_at", { withTimezone: true }).notNull(),
    usedAt: timestamp("used_at", { withTimezone: true }),
  },
  (t) => [
    uniqueIndex("account_tokens_hash_idx").on(t.tokenHash),
    index("account_tokens_user_idx").on(t.userId),
  ],
);

/** The tenant root. Its `id` is the `organization_id` of every tenant row. */
export const organizations = pgTable(
  "organizations",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    slug: text("slug").notNull(),
    name: text("name").notNull(),
    annualRevenue: doublePrecision("annual_revenue"),
    employeeCount: integer("employee_count"),
    industry: text("industry"),
    currency: text("currency").notNull().default("USD"),
    typicalDealSize: doublePrecision("typical_deal_size"),
    salesCycleDays: doublePrecision("sales_cycle_days"),
    decisionMakers: doublePrecision("decision_makers"),
    customerEmployees: integer("customer_employees"),
    /** The snapshot the dashboard shows; null means "the latest completed one". */
    currentSnapshotId: uuid("current_snapshot_id"),
    /** The last header mapping used for an upload, offered again on the next one. */
    lastImportMapping: jsonb("last_import_mapping").$type<Record<string, string | null>>(),
    profilePromptDismissedAt: timestamp("profile_prompt_dismissed_at", { withTimezone: true }),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp("updated_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [uniqueIndex("organizations_slug_idx").on(t.slug)],
);

/** Messages the app would have sent when no SMTP server is configured (non-production only). */
export const emailOutbox = pgTable(
  "email_outbox",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    to: text("to").notNull(),
    subject: text("subject").notNull(),
    text: text("text").notNull(),
    html: text("html").notNull(),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [index("email_outbox_created_idx").on(t.createdAt)],
);

export type User = typeof users.$inferSelect;
export type Organization = typeof organizations.$inferSelect;

/**
 * What survives an organization's deletion: that it happened, when and by whom — none of its data (no name,
 * no members, no reps). Kept outside the tenant tables so the cascade does not take it.
 */
export const organizationDeletions = pgTable("organization_deletions", {
  id: uuid("id").primaryKey().defaultRandom(),
  /** Named apart from organization_id on purpose: this is not a tenant row. */
  deletedOrganizationId: uuid("deleted_organization_id").notNull(),
  deletedByUserId: uuid("deleted_by_user_id"),
  deletedAt: timestamp("deleted_at", { withTimezone: true }).notNull().defaultNow(),
  counts: jsonb("counts").$type<Record<string, number>>().notNull(),
});

/** Rate-limit counters shared by every app instance (rate-limiter-flexible's Drizzle store). */
export const rateLimits = pgTable("rate_limits", {
  key: text("key").primaryKey(),
  points: integer("points").notNull().default(0),
  expire: timestamp("expire", { withTimezone: true }),
});

export const JOB_STATUSES = ["pending", "running", "done", "dead"] as const;
export type JobStatus = (typeof JOB_STATUSES)[number];

/**
 * The durable job queue (emails, webhook deliveries): one table in the app's own database, claimed with
 * `FOR UPDATE SKIP LOCKED` so several processes never take the same job (docs/scaling.md, Jobs). Not a tenant
 * table: a job's payload holds ids only (its organization's among them), never tenant data, and a handler whose
 * rows are gone (the organization was deleted) finishes without doing anything.
 * `(queue, idempotency_key)` is unique: enqueueing one event twice keeps the first job.
 */
export const jobs = pgTable(
  "jobs",
  {
    id: uuid("id").primaryKey().defaultRandom(),
    queue: text("queue").notNull(),
    idempotencyKey: text("idempotency_key").notNull(),
    payload: jsonb("payload").$type<Record<string, unknown>>().notNull(),
    status: text("status", { enum: JOB_STATUSES }).notNull().default("pending"),
    attempts: integer("attempts").notNull().default(0),
    maxAttempts: integer("max_attempts").notNull().default(8),
    runAt: timestamp("run_at", { withTimezone: true }).notNull().defaultNow(),
    /** While running: until when the claim holds; a worker that died lets it lapse and another takes the job. */
    lockedUntil: timestamp("locked_until", { withTimezone: true }),
    lockedBy: text("locked_by"),
    lastError: text("last_error"),
    createdAt: timestamp("created_at", { withTimezone: true }).notNull().defaultNow(),
    finishedAt: timestamp("finished_at", { withTimezone: true }),
  },
  (t) => [
    uniqueIndex("jobs_queue_key_idx").on(t.queue, t.idempotencyKey),
    index("jobs_due_idx").on(t.status, t.runAt),
  ],
);
export type Job = typeof jobs.$inferSelect;
