/**
 * A plan over 4–8 quarters from the user's assumptions (never the article's): per role, yearly attrition, ramp
 * months and hires per quarter. It starts from the team after the scenario's moves (capacityAndCost) and gives,
 * per quarter, the expected head count by role, the inside share against the band's target range, ramped
 * quota capacity and comp cost.
 *
 * - Attrition: a yearly rate a leaves a share s = (1 − a)^(1/4) of the reps present at a quarter's start.
 * - Hires join at the start of their quarter and leave at the same rate from the next quarter on:
 *   head(q) = head(q − 1) × s + hires.
 * - Ramp: in month i after joining (i = 0, 1, …) a hire produces min(1, i / rampMonths) of a ramped rep;
 *   a quarter's factor is the mean of its three months (ramp 0 = full from day one). Reps on the team at the
 *   start, moved reps included, are ramped.
 * - A ramped rep of a role produces that role's quota capacity per rep (Σ quota × attainment ÷ reps with both)
 *   and costs its average base and OTE: hires are assumed to look like the role's reps today.
 * - Quarterly figures are a quarter of the yearly ones. Head counts are expected values, not whole people.
 */
import { z } from "zod";
import { HYBRID_INSIDE_WEIGHT } from "@/lib/benchmarks/metrics";
import { distanceToRange } from "@/lib/benchmarks/target";
import { REP_ROLES, type RepRole } from "@/lib/team/types";
import type { CapacityResult } from "./capacity";

export const MIN_QUARTERS = 4;
export const MAX_QUARTERS = 8;
export const MAX_HIRES_PER_QUARTER = 1000;
export const MAX_RAMP_MONTHS = 36;

export const roleAssumptionSchema = z
  .object({
    attritionPerYear: z
      .number({ error: "Attrition must be a number (a fraction per year, 0.15 = 15%)." })
      .min(0, "Attrition cannot be negative.")
      .max(0.95, "Attrition above 95% a year is not a plan: check the rate (0.15 = 15%)."),
    rampMonths: z
      .number({ error: "Ramp months must be a number." })
      .int("Ramp months must be a whole number.")
      .min(0, "Ramp months cannot be negative.")
      .max(MAX_RAMP_MONTHS, `Ramp months above ${MAX_RAMP_MONTHS} are not supported.`),
    hiresPerQuarter: z
      .number({ error: "Hires per quarter must be a number." })
      .int("Hires per quarter must be a whole number.")
      .min(0, "Hires per quarter cannot be negative.")
      .max(
        MAX_HIRES_PER_QUARTER,
        `More than ${MAX_HIRES_PER_QUARTER} hires a quarter in one role is not supported.`,
      ),
  })
  .strict();

export const planAssumptionsSchema = z
  .object({
    quarters: z
      .number({ error: "Quarters must be a number." })
      .int("Quarters must be a whole number.")
      .min(MIN_QUARTERS, `Plan at least ${MIN_QUARTERS} quarters.`)
      .max(MAX_QUARTERS, `Plan at most ${MAX_QUARTERS} quarters.`),
    roles: z
      .object({ inside: roleAssumptionSchema, outside: roleAssumptionSchema, hybrid: roleAssumptionSchema })
      .strict(),
  })
  .strict();

export type RoleAssumption = z.infer<typeof roleAssumptionSchema>;
export type PlanAssumptions = z.infer<typeof planAssumptionsSchema>;

/** SalesMix's defaults, shown as editable assumptions: they are not benchmarks and not from the article. */
export const DEFAULT_ASSUMPTIONS: PlanAssumptions = {
  quarters: 8,
  roles: {
    inside: { attritionPerYear: 0.15, rampMonths: 3, hiresPerQuarter: 0 },
    outside: { attritionPerYear: 0.15, rampMonths: 6, hiresPerQuarter: 0 },
    hybrid: { attritionPerYear: 0.15, rampMonths: 4, hiresPerQuarter: 0 },
  },
};
export const ASSUMPTIONS_LABEL =
  "Your assumptions (SalesMix defaults until you change them): not figures from the article.";

export interface TargetRangeLike {
  low: number;
  high: number;
}

export interface QuarterRole {
  headCount: number;
  rampedReps: number;
  /** Quota × attainment for the quarter; null when the role has no rep with both. */
  capacity: number | null;
  oteCost: number | null;
  baseCost: number | null;
}

export interface PlanQuarter {
  /** 0 is the start (after the moves), 1… the planned quarters. */
  quarter: number;
  byRole: Record<RepRole, QuarterRole>;
  total: QuarterRole;
  insideShare: number | null;
  /** Distance of the inside share from the target range; 0 inside it. */
  gapToRange: number | null;
  inRange: boolean | null;
}

export interface QuarterlyPlan {
  quarters: PlanQuarter[];
  assumptionsLabel: string;
  notes: string[];
}

/** Mean productivity over the three months of a hire's quarter `age` (0 = the quarter they join). */
export function rampFactor(age: number, rampMonths: number): number {
  if (rampMonths <= 0) return 1;
  let sum = 0;
  for (let m = 3 * age; m < 3 * age + 3; m += 1) sum += Math.min(1, m / rampMonths);
  return sum / 3;
}

interface PerRep {
  capacity: number | null;
  ote: number | null;
  base: number | null;
}

function perRep(c: CapacityResult, role: RepRole): PerRep {
  const r = c.byRole[role];
  const per = (s: { value: number | null; reps: number }) =>
    s.value !== null && s.reps > 0 ? s.value / s.reps : null;
  return { capacity: per(r.capacity), ote: per(r.oteCost), base: per(r.baseCost) };
}

const add = (a: number | null, b: number | null) => (a === null ? b : b === null ? a : a + b);

export function quarterlyPlan(
  start: CapacityResult,
  assumptions: PlanAssumptions,
  range: TargetRangeLike | null,
): QuarterlyPlan {
  const rates = {} as Record<RepRole, PerRep>;
  const survival = {} as Record<RepRole, number>;
  for (const role of REP_ROLES) {
    rates[role] = perRep(start, role);
    survival[role] = Math.pow(1 - assumptions.roles[role].attritionPerYear, 0.25);
  }
  const notes: string[] = [];
  for (const role of REP_ROLES) {
    const a = assumptions.roles[role];
    if (a.hiresPerQuarter > 0 && rates[role].capacity === null)
      notes.push(
        `No ${role} rep has quota and attainment: the capacity of ${role} hires is not enough data.`,
      );
    if (a.hiresPerQuarter > 0 && rates[role].ote === null)
      notes.push(`No ${role} rep has an OTE: the cost of ${role} hires is not enough data.`);
  }
  const quarters: PlanQuarter[] = [];
  for (let q = 0; q <= assumptions.quarters; q += 1) {
    const byRole = {} as Record<RepRole, QuarterRole>;
    for (const role of REP_ROLES) {
      const a = assumptions.roles[role];
      const s = survival[role];
      const startHead = start.byRole[role].headCount;
      // Survivors of the starting team, then each hire cohort j = 1..q (age q − j quarters).
      let head = startHead * Math.pow(s, q);
      let ramped = head;
      for (let j = 1; j <= q; j += 1) {
        const cohort = a.hiresPerQuarter * Math.pow(s, q - j);
        head += cohort;
        ramped += cohort * rampFactor(q - j, a.rampMonths);
      }
      const r = rates[role];
      byRole[role] = {
        headCount: head,
        rampedReps: ramped,
        capacity: r.capacity === null ? (ramped === 0 ? 0 : null) : (ramped * r.capacity) / 4,
        oteCost: r.ote === null ? (head === 0 ? 0 : null) : (head * r.ote) / 4,
        baseCost: r.base === null ? (head === 0 ? 0 : null) : (head * r.base) / 4,
      };
    }
    const total: QuarterRole = {
      headCount: byRole.inside.headCount + byRole.outside.headCount + byRole.hybrid.headCount,
      rampedReps: byRole.inside.rampedReps + byRole.outside.rampedReps + byRole.hybrid.rampedReps,
      capacity: null,
      oteCost: null,
      baseCost: null,
    };
    // A total is stated only when every role with reps has the figure.
    const totalOf = (k: "capacity" | "oteCost" | "baseCost") => {
      let t: number | null = 0;
      for (const role of REP_ROLES) {
        const v = byRole[role][k];
        t = v === null || t === null ? null : add(t, v);
      }
      return t;
    };
    total.capacity = totalOf("capacity");
    total.oteCost = totalOf("oteCost");
    total.baseCost = totalOf("baseCost");
    const insideShare =
      total.headCount > 0
        ? (byRole.inside.headCount + HYBRID_INSIDE_WEIGHT * byRole.hybrid.headCount) / total.headCount
        : null;
    const gap = insideShare === null || range === null ? null : distanceToRange(insideShare, range);
    quarters.push({
      quarter: q,
      byRole,
      total,
      insideShare,
      gapToRange: gap,
      inRange: gap === null ? null : gap <= 1e-9,
    });
  }
  return { quarters, assumptionsLabel: ASSUMPTIONS_LABEL, notes };
}
