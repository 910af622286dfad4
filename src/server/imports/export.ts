import "server-only";
import type { Organization } from "../db/schema";
import type { Database } from "../db/client";
import { withTenant } from "../db/tenant";
import { recordAudit, type Actor } from "../audit";
import { ServiceError } from "../errors";
import { getSnapshot, iterateReps } from "./snapshots";
import { can, type Role } from "@/lib/permissions";
import { iterateRepsCsv } from "@/lib/csv";

/**
 * A snapshot's reps as CSV (UTF-8 with BOM for Excel; formula-looking cells neutralised), streamed in batches.
 * The export is audited before the first byte is sent.
 */
export async function exportSnapshotCsv(
  db: Database,
  org: Organization,
  role: Role,
  actor: Actor,
  snapshotId: string,
  ip?: string | null,
): Promise<{ fileName: string; stream: ReadableStream<Uint8Array> }> {
  if (!can(role, "exports.create")) {
    throw new ServiceError("FORBIDDEN", `Your role (${role}) cannot export data. Ask an analyst or admin.`);
  }
  const snapshot = await withTenant(db, org.id, async (tx) => {
    const s = await getSnapshot(tx, org, snapshotId);
    await recordAudit(tx, {
      organizationId: org.id,
      actor,
      action: "export.reps",
      targetType: "snapshot",
      targetId: snapshotId,
      ip,
      data: { rows: s.rowCount, fileName: s.fileName },
    });
    return s;
  });
  const encoder = new TextEncoder();
  const batches = iterateReps(db, org, snapshot.id);
  let headerSent = false;
  const stream = new ReadableStream<Uint8Array>({
    async pull(controller) {
      const next = await batches.next();
      if (next.done) {
        if (!headerSent) controller.enqueue(encoder.encode([...iterateRepsCsv([])].join("")));
        controller.close();
        return;
      }
      const lines = [...iterateRepsCsv(next.value)];
      // iterateRepsCsv starts every call with the BOM and the header row: keep them only once.
      const body = headerSent ? lines.slice(1).join("") : lines.join("");
      headerSent = true;
      controller.enqueue(encoder.encode(body));
    },
  });
  const base = snapshot.fileName.replace(/\.[^.]+$/, "").replace(/[^\w.-]+/g, "-") || "team";
  return { fileName: `${base}-${snapshot.asOf}-export.csv`, stream };
}
