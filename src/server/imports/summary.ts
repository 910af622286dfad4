import { z } from "zod";
import {
  mergeRoleSummaries,
  summarizeReps,
  teamSummarySchema,
  type TeamSummary,
} from "@/lib/benchmarks/summary";
import { REP_ROLES, type Rep } from "@/lib/team/types";

/** Kept on each snapshot at import: the per-role sums the dashboards start from, and the filter options. */
export interface SnapshotSummary {
  version: 1;
  team: TeamSummary;
  teams: string[];
  titles: string[];
}

export const snapshotSummarySchema = z.object({
  version: z.literal(1),
  team: teamSummarySchema,
  teams: z.array(z.string()),
  titles: z.array(z.string()),
});

/** Builds a snapshot summary batch by batch, so an import never holds every rep in memory. */
export class SnapshotSummaryBuilder {
  private team: TeamSummary = summarizeReps([]);
  private readonly teams = new Set<string>();
  private readonly titles = new Set<string>();

  add(batch: readonly Rep[]) {
    const part = summarizeReps(batch);
    for (const role of REP_ROLES) {
      this.team.byRole[role] = mergeRoleSummaries([this.team.byRole[role], part.byRole[role]]);
    }
    for (const rep of batch) {
      if (rep.team) this.teams.add(rep.team);
      if (rep.title) this.titles.add(rep.title);
    }
  }

  build(): SnapshotSummary {
    const sort = (s: Set<string>) => [...s].sort((a, b) => a.localeCompare(b));
    return { version: 1, team: this.team, teams: sort(this.teams), titles: sort(this.titles) };
  }
}
