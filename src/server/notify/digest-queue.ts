import "server-only";
import { and, eq } from "drizzle-orm";
import { memberships, notificationPreferences } from "../db/schema";
import type { Transaction } from "../db/client";
import { enqueue } from "../jobs/queue";
import { can } from "@/lib/permissions";

export const UPLOAD_DIGEST_QUEUE = "email.upload_digest";

/** The idempotency key of one member's digest of one upload: an upload is told to each member at most once. */
export const uploadDigestKey = (snapshotId: string, userId: string) =>
  `digest:upload:${snapshotId}:${userId}`;

/**
 * Queues the upload email for every member who chose it, inside the import's transaction: the jobs exist exactly
 * when the upload committed. Ids only in the payload; the job reads the figures when it runs.
 */
export async function enqueueUploadDigests(
  tx: Transaction,
  organizationId: string,
  snapshotId: string,
): Promise<number> {
  const members = await tx
    .select({ userId: notificationPreferences.userId, role: memberships.role })
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
        eq(notificationPreferences.organizationId, organizationId),
        eq(notificationPreferences.uploadDigest, true),
      ),
    );
  let queued = 0;
  for (const member of members.filter((m) => can(m.role, "dashboard.read")))
    if (
      await enqueue(tx, {
        queue: UPLOAD_DIGEST_QUEUE,
        idempotencyKey: uploadDigestKey(snapshotId, member.userId),
        payload: { organizationId, snapshotId, userId: member.userId },
        maxAttempts: 6,
      })
    )
      queued++;
  return queued;
}
