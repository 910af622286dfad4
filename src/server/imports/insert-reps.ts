import "server-only";
import { sql } from "drizzle-orm";
import type { Transaction } from "../db/client";
import type { Rep } from "@/lib/team/types";

export interface RepToInsert {
  rowNumber: number;
  rep: Rep;
}

/**
 * Inserts one batch of reps with a single statement: the batch travels as one JSON parameter and
 * `json_to_recordset` turns it into rows. One parameter per batch avoids the 65,535-parameter cap, works the
 * same on PGlite and postgres.js, and is an INSERT … SELECT, which row-level security checks row by row
 * (COPY into a table with RLS is refused).
 */
export async function insertRepBatch(
  tx: Transaction,
  organizationId: string,
  snapshotId: string,
  batch: readonly RepToInsert[],
) {
  if (batch.length === 0) return;
  const rows = batch.map(({ rowNumber, rep }) => ({
    n: rowNumber,
    name: rep.name,
    email: rep.email,
    role: rep.role,
    title: rep.title,
    team: rep.team,
    base: rep.baseSalary,
    ote: rep.ote,
    quota: rep.annualQuota,
    att: rep.quotaAttainment,
    calls: rep.calls,
    vm: rep.voicemails,
    em: rep.emails,
    soc: rep.socialTouches,
    mtg: rep.meetings,
    won: rep.dealsWon,
    deal: rep.avgDealSize,
    cyc: rep.salesCycleDays,
    dm: rep.decisionMakers,
    rem: rep.remoteSellingPct,
  }));
  await tx.execute(sql`
    insert into reps (organization_id, snapshot_id, row_number, name, email, role, title, team, base_salary, ote,
      annual_quota, quota_attainment, calls, voicemails, emails, social_touches, meetings, deals_won, avg_deal_size,
      sales_cycle_days, decision_makers, remote_selling_pct)
    select ${organizationId}::uuid, ${snapshotId}::uuid, x.n, x.name, x.email, x.role, x.title, x.team, x.base, x.ote,
      x.quota, x.att, x.calls, x.vm, x.em, x.soc, x.mtg, x.won, x.deal, x.cyc, x.dm, x.rem
    from json_to_recordset(${JSON.stringify(rows)}::json) as x(n int, name text, email text, role text, title text,
      team text, base float8, ote float8, quota float8, att float8, calls int, vm int, em int, soc int, mtg int,
      won int, deal float8, cyc float8, dm float8, rem float8)`);
}
