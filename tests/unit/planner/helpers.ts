import type { PlannerRep } from "@/lib/planner";

export function rep(row: number, fields: Partial<PlannerRep> = {}): PlannerRep {
  return {
    row,
    name: `Rep ${row}`,
    role: "outside",
    baseSalary: null,
    ote: null,
    annualQuota: null,
    quotaAttainment: null,
    dealsWon: null,
    avgDealSize: null,
    salesCycleDays: null,
    decisionMakers: null,
    remoteSellingPct: null,
    ...fields,
  };
}
