import "server-only";
import { and, asc, eq } from "drizzle-orm";
import { reps, teamSnapshots, type Organization } from "../db/schema";
import type { Db } from "../db/client";
import type { PlannerRep } from "@/lib/planner";

/** The planner's fields of every rep of one snapshot, in file order (the caller's transaction is tenant-bound). */
export async function plannerReps(tx: Db, org: Organization, snapshotId: string): Promise<PlannerRep[]> {
  const rows = await tx
    .select({
      row: reps.rowNumber,
      name: reps.name,
      role: reps.role,
      baseSalary: reps.baseSalary,
      ote: reps.ote,
      annualQuota: reps.annualQuota,
      quotaAttainment: reps.quotaAttainment,
      dealsWon: reps.dealsWon,
      avgDealSize: reps.avgDealSize,
      salesCycleDays: reps.salesCycleDays,
      decisionMakers: reps.decisionMakers,
      remoteSellingPct: reps.remoteSellingPct,
    })
    .from(reps)
    .where(and(eq(reps.organizationId, org.id), eq(reps.snapshotId, snapshotId)))
    .orderBy(asc(reps.rowNumber));
  return rows;
}

/** The snapshot, if it still exists in the organization. */
export async function findSnapshot(tx: Db, org: Organization, snapshotId: string) {
  const [row] = await tx
    .select()
    .from(teamSnapshots)
    .where(and(eq(teamSnapshots.organizationId, org.id), eq(teamSnapshots.id, snapshotId)));
  return row ?? null;
}

export const snapshotLabel = (s: { asOf: string; fileName: string; period: string }) =>
  `${s.fileName} (as of ${s.asOf}, ${s.period})`;
