import { describe, expect, it } from "vitest";
import { capacityAndCost, hiresToReachRange, type PlanAssumptions } from "@/lib/planner";
import { rep } from "./helpers";

const inside = (row: number) => rep(row, { role: "inside" });
const outside = (row: number) => rep(row, { role: "outside" });
const team = (i: number, o: number) => [
  ...Array.from({ length: i }, (_, k) => inside(k + 2)),
  ...Array.from({ length: o }, (_, k) => outside(k + 2 + i)),
];
const flat: PlanAssumptions = {
  quarters: 4,
  roles: {
    inside: { attritionPerYear: 0, rampMonths: 0, hiresPerQuarter: 0 },
    outside: { attritionPerYear: 0, rampMonths: 0, hiresPerQuarter: 0 },
    hybrid: { attritionPerYear: 0, rampMonths: 0, hiresPerQuarter: 0 },
  },
};

describe("hiresToReachRange, as computed by hand", () => {
  it("hires inside reps when the share is below the range: (4 + 4h) / (8 + 4h) ≥ 0.6 needs h = 1", () => {
    const s = hiresToReachRange(capacityAndCost(team(4, 4)), flat, { low: 0.6, high: 0.8 });
    // Q1: 5/9 = 0.556, Q2: 6/10 = 0.6 — in range from the second quarter.
    expect(s).toEqual({ kind: "hire", role: "inside", hiresPerQuarter: 1, quarter: 2 });
  });

  it("hires outside reps when the share is above it: 6 / (8 + 4h) ≤ 0.6 needs h = 1", () => {
    const s = hiresToReachRange(capacityAndCost(team(6, 2)), flat, { low: 0.4, high: 0.6 });
    expect(s).toEqual({ kind: "hire", role: "outside", hiresPerQuarter: 1, quarter: 2 });
  });

  it("needs more hires when the user's attrition takes reps away", () => {
    const leaky: PlanAssumptions = {
      ...flat,
      roles: { ...flat.roles, inside: { attritionPerYear: 0.5, rampMonths: 0, hiresPerQuarter: 0 } },
    };
    const s = hiresToReachRange(capacityAndCost(team(4, 4)), leaky, { low: 0.6, high: 0.8 });
    expect(s.kind).toBe("hire");
    if (s.kind === "hire") expect(s.hiresPerQuarter).toBe(2);
  });

  it("says so when the plan is already in range, and when no number of hires reaches it", () => {
    expect(hiresToReachRange(capacityAndCost(team(5, 5)), flat, { low: 0.4, high: 0.6 })).toEqual({
      kind: "in_range",
      quarter: 1,
    });
    const churn: PlanAssumptions = {
      ...flat,
      roles: { ...flat.roles, inside: { attritionPerYear: 0.95, rampMonths: 0, hiresPerQuarter: 0 } },
    };
    expect(hiresToReachRange(capacityAndCost(team(1, 4)), churn, { low: 0.999, high: 1 })).toEqual({
      kind: "unreachable",
      role: "inside",
    });
    expect(hiresToReachRange(capacityAndCost(team(1, 4)), flat, null)).toEqual({ kind: "no_range" });
  });
});
