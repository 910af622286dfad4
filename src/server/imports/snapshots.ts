import "server-only";
import { and, asc, count, desc, eq, ilike, or, sql, type SQL } from "drizzle-orm";
import { organizations, reps, teamSnapshots, users, type Organization } from "../db/schema";
import { queryRows, type Database, type Db } from "../db/client";
import { withTenant } from "../db/tenant";
import { recordAudit, type Actor } from "../audit";
import { kickJobWorker } from "../jobs/kick";
import { notifyIfReportChanged } from "../notify/events";
import { ServiceError } from "../errors";
import type { Rep, RepRole } from "@/lib/team/types";
import { forgetKeptReports } from "../reports/kept";

const notFound = () => new ServiceError("NOT_FOUND", "Snapshot not found.");

/**
 * The org's uploads, newest "as of" first, with who made them: one page by keyset (the cursor is the id of the
 * last upload of the previous page; the next page is what sorts after it), so a page costs the same however many
 * uploads the organization has.
 */
export async function listSnapshots(
  db: Database,
  org: Organization,
  opts: { limit?: number; cursor?: string } = {},
) {
  const limit = Math.min(opts.limit ?? 100, 200);
  return withTenant(db, org.id, async (tx) => {
    let after: SQL | undefined;
    if (opts.cursor) {
      const [known] = await tx
        .select({ id: teamSnapshots.id })
        .from(teamSnapshots)
        .where(and(eq(teamSnapshots.organizationId, org.id), eq(teamSnapshots.id, opts.cursor)));
      if (!known) throw new ServiceError("NOT_FOUND", "No such page: start again without a cursor.");
      after = sql`(${teamSnapshots.asOf}, ${teamSnapshots.createdAt}, ${teamSnapshots.id}) < (
        select c.as_of, c.created_at, c.id from team_snapshots c
        where c.organization_id = ${org.id} and c.id = ${opts.cursor})`;
    }
    const rows = await tx
      .select({
        id: teamSnapshots.id,
        asOf: teamSnapshots.asOf,
        period: teamSnapshots.period,
        fileName: teamSnapshots.fileName,
        rowCount: teamSnapshots.rowCount,
        skippedRowCount: teamSnapshots.skippedRowCount,
        status: teamSnapshots.status,
        failureReason: teamSnapshots.failureReason,
        encoding: teamSnapshots.encoding,
        createdAt: teamSnapshots.createdAt,
        createdByName: users.name,
        createdByApiKeyId: teamSnapshots.createdByApiKeyId,
      })
      .from(teamSnapshots)
      .leftJoin(users, eq(users.id, teamSnapshots.createdBy))
      .where(and(eq(teamSnapshots.organizationId, org.id), after))
      .orderBy(desc(teamSnapshots.asOf), desc(teamSnapshots.createdAt), desc(teamSnapshots.id))
      .limit(limit + 1);
    const currentId = await currentSnapshotIdIn(tx, org);
    const page = rows.slice(0, limit);
    return {
      items: page.map((r) => ({ ...r, isCurrent: r.id === currentId })),
      nextCursor: rows.length > limit ? (page.at(-1)?.id ?? null) : null,
      currentSnapshotId: currentId,
    };
  });
}

/**
 * The snapshot the dashboard shows: the one marked current, else the latest completed. The rule lives in one
 * place, the database function `app_current_snapshot` (drizzle/0004_request_access.sql, in PL/pgSQL since 0007), which the per-request
 * access checks use too.
 */
async function currentSnapshotIdIn(tx: Db, org: Organization): Promise<string | null> {
  const [row] = await queryRows<{ id: string | null }>(
    tx,
    sql`select app_current_snapshot(${org.id}::uuid, ${org.currentSnapshotId}::uuid) as id`,
  );
  return row?.id ?? null;
}

export async function getSnapshot(db: Db, org: Organization, snapshotId: string) {
  const [row] = await db
    .select()
    .from(teamSnapshots)
    .where(and(eq(teamSnapshots.organizationId, org.id), eq(teamSnapshots.id, snapshotId)));
  if (!row) throw notFound();
  return row;
}

/** Resolves "the current snapshot" or a given id, always within the org. */
export async function resolveSnapshot(db: Database, org: Organization, snapshotId?: string | null) {
  return withTenant(db, org.id, async (tx) => {
    const id = snapshotId ?? (await currentSnapshotIdIn(tx, org));
    if (!id) return null;
    const snapshot = await getSnapshot(tx, org, id);
    if (snapshot.status !== "completed") {
      throw new ServiceError("UNPROCESSABLE_CONTENT", "That upload failed and has no reps to report on.");
    }
    return snapshot;
  });
}

export async function setCurrentSnapshot(
  db: Database,
  org: Organization,
  actor: Actor,
  snapshotId: string,
  ip?: string | null,
) {
  const done = await withTenant(db, org.id, async (tx) => {
    const before = await currentSnapshotIdIn(tx, org);
    const snapshot = await getSnapshot(tx, org, snapshotId);
    if (snapshot.status !== "completed") {
      throw new ServiceError(
        "UNPROCESSABLE_CONTENT",
        "Only a completed upload can be shown on the dashboard.",
      );
    }
    await tx
      .update(organizations)
      .set({ currentSnapshotId: snapshotId, updatedAt: new Date() })
      .where(eq(organizations.id, org.id));
    await recordAudit(tx, {
      organizationId: org.id,
      actor,
      action: "snapshot.made_current",
      targetType: "snapshot",
      targetId: snapshotId,
      ip,
      data: { fileName: snapshot.fileName, asOf: snapshot.asOf },
    });
    await notifyIfReportChanged(tx, org, before, "made_current");
  });
  forgetKeptReports(org.id);
  kickJobWorker();
  return done;
}

export async function deleteSnapshot(
  db: Database,
  org: Organization,
  actor: Actor,
  snapshotId: string,
  ip?: string | null,
) {
  const done = await withTenant(db, org.id, async (tx) => {
    const before = await currentSnapshotIdIn(tx, org);
    const snapshot = await getSnapshot(tx, org, snapshotId);
    await tx
      .delete(teamSnapshots)
      .where(and(eq(teamSnapshots.organizationId, org.id), eq(teamSnapshots.id, snapshotId)));
    if (org.currentSnapshotId === snapshotId) {
      await tx.update(organizations).set({ currentSnapshotId: null }).where(eq(organizations.id, org.id));
    }
    await recordAudit(tx, {
      organizationId: org.id,
      actor,
      action: "import.deleted",
      targetType: "snapshot",
      targetId: snapshotId,
      ip,
      data: { fileName: snapshot.fileName, asOf: snapshot.asOf, rows: snapshot.rowCount },
    });
    await notifyIfReportChanged(tx, org, before, "deleted");
  });
  forgetKeptReports(org.id);
  kickJobWorker();
  return done;
}

export const REP_SORT_COLUMNS = {
  row: reps.rowNumber,
  name: reps.name,
  role: reps.role,
  team: reps.team,
  title: reps.title,
  baseSalary: reps.baseSalary,
  ote: reps.ote,
  quotaAttainment: reps.quotaAttainment,
  calls: reps.calls,
  avgDealSize: reps.avgDealSize,
} as const;
export type RepSortColumn = keyof typeof REP_SORT_COLUMNS;

export interface RepFilter {
  role?: RepRole | null;
  team?: string | null;
  title?: string | null;
  search?: string | null;
}

function repFilterWhere(org: Organization, snapshotId: string, filter: RepFilter): SQL | undefined {
  const search = filter.search?.trim();
  return and(
    eq(reps.organizationId, org.id),
    eq(reps.snapshotId, snapshotId),
    filter.role ? eq(reps.role, filter.role) : undefined,
    filter.team ? eq(reps.team, filter.team) : undefined,
    filter.title ? eq(reps.title, filter.title) : undefined,
    search
      ? or(ilike(reps.name, `%${escapeLike(search)}%`), ilike(reps.email, `%${escapeLike(search)}%`))
      : undefined,
  );
}

function escapeLike(s: string) {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** One page of a snapshot's reps, sortable and filterable, for the snapshot table and the API. */
export async function listReps(
  db: Database,
  org: Organization,
  snapshotId: string,
  opts: {
    filter?: RepFilter;
    sort?: RepSortColumn;
    direction?: "asc" | "desc";
    offset?: number;
    limit?: number;
  },
) {
  const limit = Math.min(opts.limit ?? 50, 1000);
  const offset = Math.max(opts.offset ?? 0, 0);
  return withTenant(db, org.id, async (tx) => {
    await getSnapshot(tx, org, snapshotId);
    const where = repFilterWhere(org, snapshotId, opts.filter ?? {});
    const column = REP_SORT_COLUMNS[opts.sort ?? "row"];
    const order = opts.direction === "desc" ? sql`${column} desc nulls last` : sql`${column} asc nulls last`;
    const [rows, [total]] = await Promise.all([
      tx.select().from(reps).where(where).orderBy(order, asc(reps.rowNumber)).limit(limit).offset(offset),
      tx.select({ n: count() }).from(reps).where(where),
    ]);
    return { items: rows.map(toRep), total: total?.n ?? 0, offset, limit };
  });
}

/** Every rep of a snapshot matching the filter, in batches (for exports and filtered summaries). */
export async function* iterateReps(
  db: Database,
  org: Organization,
  snapshotId: string,
  filter: RepFilter = {},
  batchSize = 5000,
) {
  let after = 0;
  for (;;) {
    const rows = await withTenant(db, org.id, (tx) =>
      tx
        .select()
        .from(reps)
        .where(and(repFilterWhere(org, snapshotId, filter), sql`${reps.rowNumber} > ${after}`))
        .orderBy(asc(reps.rowNumber))
        .limit(batchSize),
    );
    if (rows.length === 0) return;
    yield rows.map(toRep);
    after = rows.at(-1)?.rowNumber ?? after;
    if (rows.length < batchSize) return;
  }
}

export function toRep(row: typeof reps.$inferSelect): Rep & { rowNumber: number } {
  return {
    rowNumber: row.rowNumber,
    name: row.name,
    email: row.email,
    role: row.role,
    title: row.title,
    team: row.team,
    baseSalary: row.baseSalary,
    ote: row.ote,
    annualQuota: row.annualQuota,
    quotaAttainment: row.quotaAttainment,
    calls: row.calls,
    voicemails: row.voicemails,
    emails: row.emails,
    socialTouches: row.socialTouches,
    meetings: row.meetings,
    dealsWon: row.dealsWon,
    avgDealSize: row.avgDealSize,
    salesCycleDays: row.salesCycleDays,
    decisionMakers: row.decisionMakers,
    remoteSellingPct: row.remoteSellingPct,
  };
}
