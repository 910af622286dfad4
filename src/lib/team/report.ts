import type { SizeBandInfo, TeamAnalysis } from "@/lib/benchmarks";
import type { TeamSummary } from "@/lib/benchmarks/summary";
import type { OrgProfile } from "./types";

/**
 * Everything the overview, the report page and GET /api/v1/report show for one snapshot (built by
 * src/server/reports/report.ts); a type of its own here so pages and components take it from src/lib.
 */
export interface Report {
  organization: {
    name: string;
    slug: string;
    currency: string;
    profile: OrgProfile;
    profileComplete: boolean;
  };
  snapshot: { id: string; asOf: string; period: string; fileName: string; rowCount: number; createdAt: Date };
  filter: { team: string | null; title: string | null; options: { teams: string[]; titles: string[] } };
  bandInfo: SizeBandInfo;
  analysis: TeamAnalysis;
  /** The per-role sums behind the analysis: enough for the browser to run the what-if without rows. */
  summary: TeamSummary;
}
