import "server-only";
import { and, asc, eq } from "drizzle-orm";
import { teamSnapshots, type Organization } from "../db/schema";
import type { Database } from "../db/client";
import { withTenant } from "../db/tenant";
import { iterateReps, resolveSnapshot } from "../imports/snapshots";
import { requireReport } from "./report";
import { compareAnalyses, type AnalysisComparison } from "@/lib/benchmarks/compare";
import type { SinceLastUpload } from "@/lib/benchmarks/headline";
import { diffRosters, type RosterMove, type RosterPerson, type RosterRep } from "@/lib/team/roster-diff";

/** People listed per change (the counts are always complete); a screen or an API answer stays small. */
export const COMPARE_LIST_LIMIT = 200;

interface Listed<T> {
  count: number;
  items: T[];
}

export interface SnapshotRef {
  id: string;
  asOf: string;
  fileName: string;
  rowCount: number;
}

export interface SnapshotComparison {
  from: SnapshotRef;
  to: SnapshotRef;
  people: {
    matchedByEmail: number;
    matchedByName: number;
    joined: Listed<RosterPerson>;
    left: Listed<RosterPerson>;
    changedRole: Listed<RosterMove>;
    changedTeam: Listed<RosterMove>;
  };
  analysis: AnalysisComparison;
}

const listed = <T>(items: T[]): Listed<T> => ({
  count: items.length,
  items: items.slice(0, COMPARE_LIST_LIMIT),
});

async function rosterOf(db: Database, org: Organization, snapshotId: string): Promise<RosterRep[]> {
  const roster: RosterRep[] = [];
  for await (const batch of iterateReps(db, org, snapshotId))
    for (const r of batch) roster.push({ name: r.name, email: r.email, role: r.role, team: r.team });
  return roster;
}

/**
 * Two completed uploads of the organization side by side: people matched by email, else by name, and how the
 * analysis moved. Both ids are looked up within the organization, so another organization's upload is "not
 * found", exactly like an id that does not exist.
 */
export async function compareSnapshots(
  db: Database,
  org: Organization,
  fromId: string,
  toId: string,
): Promise<SnapshotComparison> {
  const [from, to] = await Promise.all([
    requireReport(db, org, { snapshotId: fromId }),
    requireReport(db, org, { snapshotId: toId }),
  ]);
  const [before, after] = await Promise.all([rosterOf(db, org, fromId), rosterOf(db, org, toId)]);
  const diff = diffRosters(before, after);
  const ref = (s: typeof from.snapshot): SnapshotRef => ({
    id: s.id,
    asOf: s.asOf,
    fileName: s.fileName,
    rowCount: s.rowCount,
  });
  return {
    from: ref(from.snapshot),
    to: ref(to.snapshot),
    people: {
      matchedByEmail: diff.matched.byEmail,
      matchedByName: diff.matched.byName,
      joined: listed(diff.joined),
      left: listed(diff.left),
      changedRole: listed(diff.changedRole),
      changedTeam: listed(diff.changedTeam),
    },
    analysis: compareAnalyses(from.analysis, to.analysis),
  };
}

/** The completed upload just before the given one (by "as of", then upload time), or null. */
export async function previousSnapshotId(db: Database, org: Organization, snapshotId: string) {
  const rows = await withTenant(db, org.id, (tx) =>
    tx
      .select({ id: teamSnapshots.id })
      .from(teamSnapshots)
      .where(and(eq(teamSnapshots.organizationId, org.id), eq(teamSnapshots.status, "completed")))
      .orderBy(asc(teamSnapshots.asOf), asc(teamSnapshots.createdAt), asc(teamSnapshots.id)),
  );
  const at = rows.findIndex((r) => r.id === snapshotId);
  // Not a completed upload of this organization: say why exactly as the report would (not found, or failed).
  if (at === -1) await resolveSnapshot(db, org, snapshotId);
  return at > 0 ? (rows[at - 1]?.id ?? null) : null;
}

/** The summary's "since last upload" line for the snapshot shown: null when it is the first upload. */
export async function sinceLastUpload(
  db: Database,
  org: Organization,
  snapshotId: string,
): Promise<{ comparison: SnapshotComparison; line: SinceLastUpload } | null> {
  const previous = await previousSnapshotId(db, org, snapshotId);
  if (!previous) return null;
  const comparison = await compareSnapshots(db, org, previous, snapshotId);
  return {
    comparison,
    line: {
      previousAsOf: comparison.from.asOf,
      joined: comparison.people.joined.count,
      left: comparison.people.left.count,
      changedRole: comparison.people.changedRole.count,
      changedTeam: comparison.people.changedTeam.count,
      insideShareBefore: comparison.analysis.insideShare.before,
      insideShareAfter: comparison.analysis.insideShare.after,
    },
  };
}
