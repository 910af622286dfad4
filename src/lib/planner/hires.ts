/**
 * How many hires a quarter reach the band's target range by the plan's last quarter, holding every other
 * assumption as the user set it: the "reach the mix by hiring, without moving anyone" answer.
 *
 * The inside share of the last quarter only grows with inside hires and only falls with outside hires, so the
 * smallest sufficient number is found by bisection over 0…MAX_HIRES_PER_QUARTER (about ten plan runs).
 * Hybrid reps count half inside (HYBRID_INSIDE_WEIGHT), so hiring inside or outside reps is the direct lever.
 */
import type { CapacityResult } from "./capacity";
import {
  MAX_HIRES_PER_QUARTER,
  quarterlyPlan,
  type PlanAssumptions,
  type QuarterlyPlan,
  type TargetRangeLike,
} from "./plan";

export type HiringSuggestion =
  | { kind: "in_range"; quarter: number }
  | {
      kind: "hire";
      role: "inside" | "outside";
      /** Hires a quarter in `role`, in place of the user's own figure for that role. */
      hiresPerQuarter: number;
      /** The first quarter whose inside share is in the range with those hires (null: only overshoots it). */
      quarter: number | null;
    }
  | { kind: "unreachable"; role: "inside" | "outside" }
  | { kind: "no_range" };

const inRangeAt = (plan: QuarterlyPlan) => plan.quarters.find((q) => q.quarter > 0 && q.inRange)?.quarter;

function lastShare(plan: QuarterlyPlan) {
  return plan.quarters[plan.quarters.length - 1]?.insideShare ?? null;
}

export function hiresToReachRange(
  start: CapacityResult,
  assumptions: PlanAssumptions,
  range: TargetRangeLike | null,
): HiringSuggestion {
  if (range === null) return { kind: "no_range" };
  const current = quarterlyPlan(start, assumptions, range);
  const share = lastShare(current);
  if (share === null) return { kind: "no_range" };
  const last = current.quarters[current.quarters.length - 1];
  if (last?.inRange) return { kind: "in_range", quarter: inRangeAt(current) ?? last.quarter };
  const role = share < range.low ? "inside" : "outside";
  const withHires = (h: number) =>
    quarterlyPlan(
      start,
      {
        ...assumptions,
        roles: { ...assumptions.roles, [role]: { ...assumptions.roles[role], hiresPerQuarter: h } },
      },
      range,
    );
  const enough = (plan: QuarterlyPlan) => {
    const s = lastShare(plan);
    if (s === null) return false;
    return role === "inside" ? s >= range.low - 1e-9 : s <= range.high + 1e-9;
  };
  let lo = assumptions.roles[role].hiresPerQuarter;
  let hi = MAX_HIRES_PER_QUARTER;
  if (!enough(withHires(hi))) return { kind: "unreachable", role };
  while (lo < hi) {
    const mid = Math.floor((lo + hi) / 2);
    if (enough(withHires(mid))) hi = mid;
    else lo = mid + 1;
  }
  const plan = withHires(hi);
  return { kind: "hire", role, hiresPerQuarter: hi, quarter: inRangeAt(plan) ?? null };
}
