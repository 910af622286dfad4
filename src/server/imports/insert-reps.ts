import "server-only";
import { sql } from "drizzle-orm";
import type { Transaction } from "../db/client";
import { copyTextInto } from "../db/copy";
import type { Rep } from "@/lib/team/types";

export interface RepToInsert {
  rowNumber: number;
  rep: Rep;
}

/**
 * Reps are written in two steps: each batch is COPY'd into a temporary staging table (no row-level security, no
 * index, no foreign key, no WAL), and once every row is valid one `INSERT … SELECT` moves them all into `reps`,
 * where row-level security checks each row (COPY straight into a table with RLS is refused). The staging table
 * lives only inside the import's transaction (`on commit drop`), so nothing of it outlasts a failure either.
 */
const STAGING = "rep_import_staging";
const COLUMNS =
  "row_number, name, email, role, title, team, base_salary, ote, annual_quota, quota_attainment, calls, voicemails, emails, social_touches, meetings, deals_won, avg_deal_size, sales_cycle_days, decision_makers, remote_selling_pct";

export async function createRepStaging(tx: Transaction) {
  await tx.execute(
    sql.raw(`create temporary table ${STAGING} (row_number int, name text, email text, role text, title text,
      team text, base_salary float8, ote float8, annual_quota float8, quota_attainment float8, calls int,
      voicemails int, emails int, social_touches int, meetings int, deals_won int, avg_deal_size float8,
      sales_cycle_days float8, decision_makers float8, remote_selling_pct float8) on commit drop`),
  );
}

/** A value in COPY's text format: `\N` for null; backslash, tab and line breaks escaped. */
function copyText(value: string | null): string {
  if (value === null) return "\\N";
  // Most values have nothing to escape; test before replacing.
  return /[\\\t\n\r]/.test(value)
    ? value.replace(/[\\\t\n\r]/g, (c) =>
        c === "\\" ? "\\\\" : c === "\t" ? "\\t" : c === "\n" ? "\\n" : "\\r",
      )
    : value;
}
const copyNumber = (value: number | null) => (value === null ? "\\N" : String(value));

/** One batch as COPY text: one line per rep, columns in the order of COLUMNS. */
export function repBatchToCopyText(batch: readonly RepToInsert[]): string {
  let text = "";
  for (const { rowNumber, rep } of batch) {
    text +=
      `${rowNumber}\t${copyText(rep.name)}\t${copyText(rep.email)}\t${rep.role}\t${copyText(rep.title)}\t` +
      `${copyText(rep.team)}\t${copyNumber(rep.baseSalary)}\t${copyNumber(rep.ote)}\t${copyNumber(rep.annualQuota)}\t` +
      `${copyNumber(rep.quotaAttainment)}\t${copyNumber(rep.calls)}\t${copyNumber(rep.voicemails)}\t` +
      `${copyNumber(rep.emails)}\t${copyNumber(rep.socialTouches)}\t${copyNumber(rep.meetings)}\t` +
      `${copyNumber(rep.dealsWon)}\t${copyNumber(rep.avgDealSize)}\t${copyNumber(rep.salesCycleDays)}\t` +
      `${copyNumber(rep.decisionMakers)}\t${copyNumber(rep.remoteSellingPct)}\n`;
  }
  return text;
}

/** COPY one batch into the staging table. */
export async function stageRepBatch(tx: Transaction, batch: readonly RepToInsert[]) {
  if (batch.length === 0) return;
  await copyTextInto(tx, `${STAGING} (${COLUMNS})`, repBatchToCopyText(batch));
}

/** Move every staged rep into `reps` for this organization and snapshot, in one statement. */
export async function insertStagedReps(tx: Transaction, organizationId: string, snapshotId: string) {
  await tx.execute(sql`
    insert into reps (organization_id, snapshot_id, ${sql.raw(COLUMNS)})
    select ${organizationId}::uuid, ${snapshotId}::uuid, ${sql.raw(COLUMNS)} from ${sql.raw(STAGING)}`);
}
