import { z } from "zod";
import { TeamSummaryAccumulator, teamSummarySchema, type TeamSummary } from "@/lib/benchmarks/summary";
import { detach } from "@/lib/csv/validate";
import type { Rep } from "@/lib/team/types";

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

/** Builds a snapshot summary rep by rep, so an import never holds its reps in memory. */
export class SnapshotSummaryBuilder {
  private readonly team = new TeamSummaryAccumulator();
  private readonly teams = new Set<string>();
  private readonly titles = new Set<string>();

  add(batch: readonly Rep[]) {
    for (const rep of batch) this.addRep(rep);
  }

  addRep(rep: Rep) {
    this.team.add(rep);
    if (rep.team && !this.teams.has(rep.team)) this.teams.add(detach(rep.team));
    if (rep.title && !this.titles.has(rep.title)) this.titles.add(detach(rep.title));
  }

  build(): SnapshotSummary {
    const sort = (s: Set<string>) => [...s].sort((a, b) => a.localeCompare(b));
    return { version: 1, team: this.team.build(), teams: sort(this.teams), titles: sort(this.titles) };
  }
}
