import "server-only";
import { sql } from "drizzle-orm";
import { queryRows, type Transaction } from "../db/client";
import { emitWebhookEvent } from "../webhooks/events";
import { enqueueUploadDigests } from "./digest-queue";

/** The snapshot the report shows now, read inside the caller's transaction (after its own changes). */
export async function currentSnapshotNow(tx: Transaction, organizationId: string): Promise<string | null> {
  const [row] = await queryRows<{ id: string | null }>(
    tx,
    sql`select app_current_snapshot(o.id, o.current_snapshot_id) as id from organizations o where o.id = ${organizationId}::uuid`,
  );
  return row?.id ?? null;
}

export interface CompletedImport {
  id: string;
  asOf: string;
  period: string;
  fileName: string;
  rowCount: number;
  skippedRowCount: number;
}

/**
 * What a completed import sets off, inside its transaction: the `import.completed` webhook, `report.changed` when
 * the report now shows this upload, and the upload email of each member who chose it. Aggregates and ids only: no
 * rep leaves in a notification.
 */
export async function notifyImportCompleted(
  tx: Transaction,
  org: { id: string; slug: string },
  snapshot: CompletedImport,
): Promise<void> {
  await emitWebhookEvent(tx, org, "import.completed", {
    snapshotId: snapshot.id,
    asOf: snapshot.asOf,
    period: snapshot.period,
    fileName: snapshot.fileName,
    rowCount: snapshot.rowCount,
    skippedRowCount: snapshot.skippedRowCount,
  });
  if ((await currentSnapshotNow(tx, org.id)) === snapshot.id)
    await emitWebhookEvent(tx, org, "report.changed", { snapshotId: snapshot.id, reason: "import" });
  await enqueueUploadDigests(tx, org.id, snapshot.id);
}

/** `report.changed` when the upload the report shows is no longer `before` (made current, deleted). */
export async function notifyIfReportChanged(
  tx: Transaction,
  org: { id: string; slug: string },
  before: string | null,
  reason: "made_current" | "deleted",
): Promise<void> {
  const after = await currentSnapshotNow(tx, org.id);
  if (after !== before) await emitWebhookEvent(tx, org, "report.changed", { snapshotId: after, reason });
}
