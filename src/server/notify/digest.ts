import "server-only";
import type { Database } from "../db/client";
import { appBaseUrl, sendEmail } from "../email";
import { ServiceError } from "../errors";
import type { ClaimedJob } from "../jobs/queue";
import { getReport } from "../reports/report";
import { sinceLastUpload } from "../reports/compare";
import { headlineSummary } from "@/lib/benchmarks/headline";
import { uploadDigestEmail } from "./emails";
import { loadRecipient, notificationLinks } from "./recipients";

/** Which headline sentences a digest tells: what moved since the previous upload, the mix, the largest gaps. */
const DIGEST_TOPICS = ["since_last", "mix", "gaps"] as const;

/**
 * The `email.upload_digest` job: one member's email about one upload. Nothing is sent when the member left, lost
 * the dashboard, turned the digest off meanwhile, or the upload was deleted.
 */
export async function uploadDigestJob(db: Database, job: ClaimedJob): Promise<void> {
  const organizationId = String(job.payload.organizationId);
  const snapshotId = String(job.payload.snapshotId);
  const userId = String(job.payload.userId);
  const recipient = await loadRecipient(db, organizationId, userId);
  if (!recipient?.uploadDigest) return;
  const org = recipient.organization;
  let report;
  try {
    report = await getReport(db, org, { snapshotId });
  } catch (e) {
    // Deleted (NOT_FOUND) or never completed: no digest of it.
    if (e instanceof ServiceError) return;
    throw e;
  }
  if (!report) return;
  const since = await sinceLastUpload(db, org, snapshotId);
  const sentences = headlineSummary(report.analysis, since?.line ?? null);
  const told = DIGEST_TOPICS.flatMap((topic) => sentences.filter((s) => s.topic === topic));
  const base = appBaseUrl();
  await sendEmail(
    db,
    uploadDigestEmail({
      to: recipient.email,
      organizationName: org.name,
      upload: {
        asOf: report.snapshot.asOf,
        period: report.snapshot.period,
        rowCount: report.snapshot.rowCount,
      },
      sentences: told,
      previousAsOf: since?.line.previousAsOf ?? null,
      overviewUrl: `${base}/o/${org.slug}`,
      links: notificationLinks(org, userId, "upload"),
    }),
  );
}
