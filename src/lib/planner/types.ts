/**
 * The planner's view of a rep: the fields of the team file it reads, and the rep's row number in its snapshot
 * (the stable id of a rep within one upload). Every measure is null when the file lacks it, never 0.
 */
import type { RepRole } from "@/lib/team/types";

export interface PlannerRep {
  /** Row number in the uploaded file (header = row 1): unique within the snapshot. */
  row: number;
  name: string;
  role: RepRole;
  baseSalary: number | null;
  ote: number | null;
  annualQuota: number | null;
  /** A fraction: 0.87 = 87%. */
  quotaAttainment: number | null;
  dealsWon: number | null;
  avgDealSize: number | null;
  salesCycleDays: number | null;
  decisionMakers: number | null;
  /** A fraction of selling time done remotely. */
  remoteSellingPct: number | null;
}

/** One rep moved to another role in a scenario. */
export interface RepMove {
  row: number;
  to: RepRole;
}

/** Finite and zero or more: anything else is treated as missing, never as 0. */
export function usable(value: number | null | undefined): value is number {
  return typeof value === "number" && Number.isFinite(value) && value >= 0;
}
