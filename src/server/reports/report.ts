import "server-only";
import { deepFreeze } from "../immutable";
import { and, asc, eq } from "drizzle-orm";
import { teamSnapshots, type Organization, type TeamSnapshot } from "../db/schema";
import type { Database } from "../db/client";
import { withTenant } from "../db/tenant";
import { ServiceError } from "../errors";
import { getKeptReport, keepReport, keptReportKey } from "./kept";
import { iterateReps, resolveSnapshot, type RepFilter } from "../imports/snapshots";
import { SnapshotSummaryBuilder, snapshotSummarySchema, type SnapshotSummary } from "../imports/summary";
import { analyzeTeam, metricsFromSummary, metricValue, sizeBandFor, SIZE_BANDS } from "@/lib/benchmarks";
import type { OrgProfile } from "@/lib/team/types";
import type { Report } from "@/lib/team/report";

export function orgProfile(org: Organization): OrgProfile {
  return {
    annualRevenue: org.annualRevenue,
    employeeCount: org.employeeCount,
    currency: org.currency,
    typicalDealSize: org.typicalDealSize,
    salesCycleDays: org.salesCycleDays,
    decisionMakers: org.decisionMakers,
    customerEmployees: org.customerEmployees,
  };
}

function storedSummary(snapshot: TeamSnapshot): SnapshotSummary {
  const parsed = snapshotSummarySchema.safeParse(snapshot.summary);
  if (!parsed.success) throw new Error(`snapshot ${snapshot.id} has no valid summary`);
  return parsed.data;
}

export interface ReportFilter {
  team?: string | null;
  title?: string | null;
}

export type { Report } from "@/lib/team/report";

/**
 * Completed snapshots never change (their reps and summary are written once, in the import's transaction), so a
 * report of one can be kept (./kept.ts): by organization, snapshot, team and title, and everything of the
 * organization a report shows (name, slug, currency, profile), so a profile change makes a new key. An entry is
 * only ever read after this request's own access check has named that snapshot as the organization's current one,
 * so the cache decides nothing about who sees what. Kept reports are frozen and shared, so their serialization is
 * kept too (the tRPC transformer, the REST endpoint).
 */
function reportKey(org: Organization, snapshotId: string, team: string | null, title: string | null) {
  return keptReportKey(org.id, snapshotId, team, title, org.name, org.slug, org.currency, orgProfile(org));
}

export { forgetKeptReports, keptReportsOf } from "./kept";

/**
 * Everything the overview shows, for the current (or a given) snapshot, optionally narrowed to one team and/or
 * title. The unfiltered report reads the summary stored at import (no rep rows); a filtered one sums the
 * matching reps. The dashboard and the REST API both call this, so they cannot disagree.
 *
 * `current` is the organization's current snapshot as the request's access check read it (`OrgAccess`,
 * `AuthenticatedKey`): given, the report of the current snapshot comes from the cache without another query.
 */
export async function getReport(
  db: Database,
  org: Organization,
  opts: { snapshotId?: string | null; filter?: ReportFilter; current?: string | null } = {},
): Promise<Report | null> {
  const team = opts.filter?.team || null;
  const title = opts.filter?.title || null;
  if (!opts.snapshotId && opts.current !== undefined) {
    if (opts.current === null) return null;
    const kept = getKeptReport(reportKey(org, opts.current, team, title));
    if (kept) return kept;
  }
  const snapshot = await resolveSnapshot(db, org, opts.snapshotId ?? opts.current);
  if (!snapshot) return null;
  const stored = storedSummary(snapshot);
  let summary = stored.team;
  if (team || title) {
    const filter: RepFilter = { team, title };
    const builder = new SnapshotSummaryBuilder();
    for await (const batch of iterateReps(db, org, snapshot.id, filter)) builder.add(batch);
    summary = builder.build().team;
  }
  const profile = orgProfile(org);
  const band = sizeBandFor(profile.annualRevenue);
  const report: Report = {
    organization: {
      name: org.name,
      slug: org.slug,
      currency: org.currency,
      profile,
      profileComplete: profile.annualRevenue !== null,
    },
    snapshot: {
      id: snapshot.id,
      asOf: snapshot.asOf,
      period: snapshot.period,
      fileName: snapshot.fileName,
      rowCount: snapshot.rowCount,
      createdAt: snapshot.createdAt,
    },
    filter: { team, title, options: { teams: stored.teams, titles: stored.titles } },
    bandInfo: SIZE_BANDS[band],
    analysis: analyzeTeam(summary, profile),
    summary,
  };
  keepReport(reportKey(org, snapshot.id, team, title), deepFreeze(report));
  return report;
}

export async function requireReport(db: Database, org: Organization, opts: Parameters<typeof getReport>[2]) {
  const report = await getReport(db, org, opts);
  if (!report) throw new ServiceError("NOT_FOUND", "No team has been uploaded yet.");
  return report;
}

/**
 * One point per completed snapshot, oldest first: mix, share at quota and headcount by role — for the whole team
 * from the stored summaries, or for one team/title by summing the matching reps of each snapshot.
 */
export async function getTrend(db: Database, org: Organization, filter: ReportFilter = {}) {
  const rows = await withTenant(db, org.id, (tx) =>
    tx
      .select()
      .from(teamSnapshots)
      .where(and(eq(teamSnapshots.organizationId, org.id), eq(teamSnapshots.status, "completed")))
      .orderBy(asc(teamSnapshots.asOf), asc(teamSnapshots.createdAt)),
  );
  const team = filter.team || null;
  const title = filter.title || null;
  const points = [];
  for (const s of rows) {
    let summary = storedSummary(s).team;
    if (team || title) {
      const builder = new SnapshotSummaryBuilder();
      for await (const batch of iterateReps(db, org, s.id, { team, title })) builder.add(batch);
      summary = builder.build().team;
    }
    const metrics = metricsFromSummary(summary);
    points.push({
      snapshotId: s.id,
      asOf: s.asOf,
      fileName: s.fileName,
      headCount: metrics.headCount,
      insideShare: metricValue(metrics.mix.insideShare),
      hybridShare: metricValue(metrics.mix.hybridShare),
      shareAtQuota: metricValue(metrics.byRole.all.shareAtOrAboveQuota),
    });
  }
  return points;
}
