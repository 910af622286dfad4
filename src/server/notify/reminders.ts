import "server-only";
import { and, asc, desc, eq, isNotNull } from "drizzle-orm";
import { memberships, notificationPreferences, organizations, teamSnapshots } from "../db/schema";
import type { Database, Transaction } from "../db/client";
import { withTenant } from "../db/tenant";
import { appBaseUrl, sendEmail } from "../email";
import { enqueue, type ClaimedJob } from "../jobs/queue";
import { can } from "@/lib/permissions";
import { reminderEmail } from "./emails";
import { loadRecipient, notificationLinks } from "./recipients";

export const REMINDER_SWEEP_QUEUE = "notify.reminder_sweep";
export const REMINDER_QUEUE = "email.upload_reminder";
const DAY_MS = 86_400_000;

/** The organization's last completed upload (by upload time) and when it landed; null when there is none. */
async function lastUpload(tx: Transaction, organizationId: string) {
  const [row] = await tx
    .select({ id: teamSnapshots.id, asOf: teamSnapshots.asOf, createdAt: teamSnapshots.createdAt })
    .from(teamSnapshots)
    .where(and(eq(teamSnapshots.organizationId, organizationId), eq(teamSnapshots.status, "completed")))
    .orderBy(desc(teamSnapshots.createdAt), desc(teamSnapshots.id))
    .limit(1);
  return row ?? null;
}

/** Whole days since `since`; the n-th period of `days` days starts at n × days. */
const ageInDays = (since: Date, now: Date) => Math.floor((now.getTime() - since.getTime()) / DAY_MS);

/**
 * The idempotency key of one reminder: the member, the upload it is about ("none" before the first), the chosen
 * period and which period of staleness it is. One reminder per period per member, however often the sweep runs
 * and however many processes run it; a new upload starts again from its own id.
 */
export const reminderKey = (userId: string, lastUploadId: string | null, days: number, period: number) =>
  `digest:reminder:${lastUploadId ?? "none"}:${userId}:${days}d:${period}`;

/**
 * Queues the reminders due in one organization: members who chose one (and read the dashboard) and whose chosen
 * number of days has passed since the last upload (or since the organization was created, before any upload).
 */
export async function queueDueReminders(
  db: Database,
  org: { id: string; createdAt: Date },
  now = new Date(),
): Promise<number> {
  return withTenant(db, org.id, async (tx) => {
    const members = await tx
      .select({
        userId: notificationPreferences.userId,
        days: notificationPreferences.reminderDays,
        role: memberships.role,
      })
      .from(notificationPreferences)
      .innerJoin(
        memberships,
        and(
          eq(memberships.organizationId, notificationPreferences.organizationId),
          eq(memberships.userId, notificationPreferences.userId),
        ),
      )
      .where(
        and(
          eq(notificationPreferences.organizationId, org.id),
          isNotNull(notificationPreferences.reminderDays),
        ),
      );
    if (members.length === 0) return 0;
    const last = await lastUpload(tx, org.id);
    const age = ageInDays(last?.createdAt ?? org.createdAt, now);
    let queued = 0;
    for (const m of members) {
      if (!m.days || !can(m.role, "dashboard.read")) continue;
      const period = Math.floor(age / m.days);
      if (period < 1) continue;
      const created = await enqueue(tx, {
        queue: REMINDER_QUEUE,
        idempotencyKey: reminderKey(m.userId, last?.id ?? null, m.days, period),
        payload: { organizationId: org.id, userId: m.userId, lastUploadId: last?.id ?? null, days: m.days },
        maxAttempts: 6,
      });
      if (created) queued++;
    }
    return queued;
  });
}

/**
 * The `notify.reminder_sweep` job: looks at every organization once and queues the reminders that are due. It is
 * queued under a key per day (src/server/jobs/schedule.ts), so however many processes schedule it, it runs once a
 * day; a retry after a failure queues nothing twice (each reminder has its own key).
 */
export async function reminderSweepJob(db: Database, now = new Date()): Promise<void> {
  const orgs = await db
    .select({ id: organizations.id, createdAt: organizations.createdAt })
    .from(organizations)
    .orderBy(asc(organizations.createdAt));
  for (const org of orgs) await queueDueReminders(db, org, now);
}

/**
 * The `email.upload_reminder` job: one member's reminder. Sent only if it is still due when it runs: the member is
 * still there with the same choice, and no upload has landed since the sweep.
 */
export async function reminderJob(db: Database, job: ClaimedJob): Promise<void> {
  const organizationId = String(job.payload.organizationId);
  const userId = String(job.payload.userId);
  const lastUploadId = job.payload.lastUploadId ? String(job.payload.lastUploadId) : null;
  const recipient = await loadRecipient(db, organizationId, userId);
  if (!recipient || recipient.reminderDays !== Number(job.payload.days)) return;
  const org = recipient.organization;
  const last = await withTenant(db, organizationId, (tx) => lastUpload(tx, organizationId));
  if ((last?.id ?? null) !== lastUploadId) return;
  const base = appBaseUrl();
  await sendEmail(
    db,
    reminderEmail({
      to: recipient.email,
      organizationName: org.name,
      lastUpload: last ? { asOf: last.asOf, uploadedAt: last.createdAt } : null,
      ageDays: ageInDays(last?.createdAt ?? org.createdAt, new Date()),
      reminderDays: recipient.reminderDays,
      uploadUrl: `${base}/o/${org.slug}/imports/new`,
      links: notificationLinks(org, userId, "reminder"),
    }),
  );
}
