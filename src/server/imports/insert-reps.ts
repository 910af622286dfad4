import "server-only";
import { sql } from "drizzle-orm";
import type { Transaction } from "../db/client";
import { copyTextInto } from "../db/copy";
import type { Rep } from "@/lib/team/types";

/**
 * Reps are written batch by batch in two steps: each batch is COPY'd into a temporary staging table (no row-level
 * security, no index, no foreign key, no WAL), then one `INSERT … SELECT` moves it into `reps`, where row-level
 * security checks each row (COPY straight into a table with RLS is refused), and the staging table is emptied for
 * the next batch. Moving each batch as it comes lets the database insert while the next batch is read and checked,
 * instead of inserting every row after the last one is read. All of it happens in the import's transaction, and the
 * staging table lives only inside it (`on commit drop`), so nothing of it outlasts a failure.
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

/** One rep as a line of COPY text, columns in the order of COLUMNS. */
export function repCopyLine(rowNumber: number, rep: Rep): string {
  return (
    `${rowNumber}\t${copyText(rep.name)}\t${copyText(rep.email)}\t${rep.role}\t${copyText(rep.title)}\t` +
    `${copyText(rep.team)}\t${copyNumber(rep.baseSalary)}\t${copyNumber(rep.ote)}\t${copyNumber(rep.annualQuota)}\t` +
    `${copyNumber(rep.quotaAttainment)}\t${copyNumber(rep.calls)}\t${copyNumber(rep.voicemails)}\t` +
    `${copyNumber(rep.emails)}\t${copyNumber(rep.socialTouches)}\t${copyNumber(rep.meetings)}\t` +
    `${copyNumber(rep.dealsWon)}\t${copyNumber(rep.avgDealSize)}\t${copyNumber(rep.salesCycleDays)}\t` +
    `${copyNumber(rep.decisionMakers)}\t${copyNumber(rep.remoteSellingPct)}\n`
  );
}

/**
 * A batch of reps as COPY text, written as UTF-8 into a buffer as each rep is checked: the reps themselves are
 * not kept, and the text lives outside the JavaScript heap, so the garbage collector neither copies nor scans
 * it (kept as strings and objects until the batch is sent, it was most of what each collection had to move).
 * Two buffers take turns: one is filled while the other is being sent.
 */
export class RepCopyBatch {
  private filling = Buffer.allocUnsafe(INITIAL_BYTES);
  private sending = Buffer.allocUnsafe(INITIAL_BYTES);
  private length = 0;
  rows = 0;

  add(rowNumber: number, rep: Rep) {
    const line = repCopyLine(rowNumber, rep);
    // UTF-8 takes at most three bytes per UTF-16 code unit.
    const needed = this.length + line.length * 3;
    if (needed > this.filling.length) {
      const grown = Buffer.allocUnsafe(Math.max(this.filling.length * 2, needed));
      this.filling.copy(grown, 0, 0, this.length);
      this.filling = grown;
    }
    this.length += this.filling.write(line, this.length, "utf8");
    this.rows++;
  }

  /**
   * The batch written so far; the next one is written into the other buffer. The bytes returned stay valid until
   * the next call: the caller sends one batch at a time and awaits it before taking the next.
   */
  take(): Buffer {
    const bytes = this.filling.subarray(0, this.length);
    [this.filling, this.sending] = [this.sending, this.filling];
    this.length = 0;
    this.rows = 0;
    return bytes;
  }
}
/** A batch of IMPORT_BATCH_SIZE reps of the benchmark file is about 250 KB of COPY text; longer rows grow it. */
const INITIAL_BYTES = 1024 * 1024;

/** Write one batch: COPY it into the staging table, move it into `reps` for this organization and snapshot. */
export async function saveRepBatch(
  tx: Transaction,
  organizationId: string,
  snapshotId: string,
  copyText: string | Uint8Array,
) {
  if (copyText.length === 0) return;
  await copyTextInto(tx, `${STAGING} (${COLUMNS})`, copyText);
  await tx.execute(sql`
    insert into reps (organization_id, snapshot_id, ${sql.raw(COLUMNS)})
    select ${organizationId}::uuid, ${snapshotId}::uuid, ${sql.raw(COLUMNS)} from ${sql.raw(STAGING)}`);
  await tx.execute(sql.raw(`truncate ${STAGING}`));
}
