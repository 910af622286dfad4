/**
 * How two analyses of the same organization differ: the mix, attainment, pay and every gap, before and after.
 * A value missing on either side (not enough data) has no change, never a change from or to 0.
 */
import type { RepRole } from "@/lib/team/types";
import type { GapStatus } from "./gaps";
import type { TeamAnalysis } from "./index";
import { metricValue, type RoleScope } from "./metrics";
import type { FigureId } from "./schema";

export interface Moved {
  before: number | null;
  after: number | null;
  /** after − before, when both are known. */
  change: number | null;
}

export interface GapMove {
  figureId: FigureId;
  label: string;
  kind: "level" | "cohort_ratio";
  benchmark: string;
  before: { orgValue: number | null; status: GapStatus };
  after: { orgValue: number | null; status: GapStatus };
  change: number | null;
  statusChanged: boolean;
}

export interface AnalysisComparison {
  headCount: Record<RepRole | "total", { before: number; after: number; change: number }>;
  insideShare: Moved;
  hybridShare: Moved;
  shareAtOrAboveQuota: Moved;
  averageAttainment: Moved;
  pay: Record<"inside" | "outside" | "hybrid", { baseSalary: Moved; ote: Moved }>;
  gaps: GapMove[];
}

function moved(before: number | null, after: number | null): Moved {
  return { before, after, change: before !== null && after !== null ? after - before : null };
}

export function compareAnalyses(before: TeamAnalysis, after: TeamAnalysis): AnalysisComparison {
  const b = before.metrics;
  const a = after.metrics;
  const count = (role: RepRole | "total") => ({
    before: b.headCount[role],
    after: a.headCount[role],
    change: a.headCount[role] - b.headCount[role],
  });
  const avg = (scope: RoleScope, m: "baseSalary" | "ote" | "quotaAttainment") =>
    moved(metricValue(b.byRole[scope].averages[m]), metricValue(a.byRole[scope].averages[m]));
  const beforeGaps = new Map(before.gaps.map((g) => [g.figureId, g]));
  return {
    headCount: {
      inside: count("inside"),
      outside: count("outside"),
      hybrid: count("hybrid"),
      total: count("total"),
    },
    insideShare: moved(metricValue(b.mix.insideShare), metricValue(a.mix.insideShare)),
    hybridShare: moved(metricValue(b.mix.hybridShare), metricValue(a.mix.hybridShare)),
    shareAtOrAboveQuota: moved(
      metricValue(b.byRole.all.shareAtOrAboveQuota),
      metricValue(a.byRole.all.shareAtOrAboveQuota),
    ),
    averageAttainment: avg("all", "quotaAttainment"),
    pay: {
      inside: { baseSalary: avg("inside", "baseSalary"), ote: avg("inside", "ote") },
      outside: { baseSalary: avg("outside", "baseSalary"), ote: avg("outside", "ote") },
      hybrid: { baseSalary: avg("hybrid", "baseSalary"), ote: avg("hybrid", "ote") },
    },
    // The after side's figures (the band may have changed with the profile; a figure on one side only is left out).
    gaps: after.gaps.flatMap((g): GapMove[] => {
      const old = beforeGaps.get(g.figureId);
      if (!old) return [];
      const m = moved(old.orgValue, g.orgValue);
      return [
        {
          figureId: g.figureId,
          label: g.label,
          kind: g.kind,
          benchmark: g.benchmark.display,
          before: { orgValue: old.orgValue, status: old.status },
          after: { orgValue: g.orgValue, status: g.status },
          change: m.change,
          statusChanged: old.status !== g.status,
        },
      ];
    }),
  };
}
