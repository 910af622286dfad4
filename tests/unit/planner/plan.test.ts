import { describe, expect, it } from "vitest";
import {
  capacityAndCost,
  checkMoves,
  DEFAULT_ASSUMPTIONS,
  planAssumptionsSchema,
  quarterlyPlan,
  rampFactor,
  scenarioContentSchema,
  type PlanAssumptions,
} from "@/lib/planner";
import { rep } from "./helpers";

const insideRep = (row: number) =>
  rep(row, { role: "inside", annualQuota: 400_000, quotaAttainment: 1, ote: 100_000, baseSalary: 50_000 });
const outsideRep = (row: number) =>
  rep(row, {
    role: "outside",
    annualQuota: 1_000_000,
    quotaAttainment: 0.8,
    ote: 200_000,
    baseSalary: 100_000,
  });
const team = [
  insideRep(2),
  insideRep(3),
  insideRep(4),
  insideRep(5),
  outsideRep(6),
  outsideRep(7),
  outsideRep(8),
  outsideRep(9),
];

const assumptions: PlanAssumptions = {
  quarters: 4,
  roles: {
    inside: { attritionPerYear: 0, rampMonths: 6, hiresPerQuarter: 2 },
    outside: { attritionPerYear: 0.19, rampMonths: 0, hiresPerQuarter: 0 },
    hybrid: { attritionPerYear: 0, rampMonths: 0, hiresPerQuarter: 0 },
  },
};

describe("rampFactor", () => {
  it("is the mean of the quarter's months of min(1, month / ramp)", () => {
    expect(rampFactor(0, 6)).toBeCloseTo((0 + 1 / 6 + 2 / 6) / 3, 12);
    expect(rampFactor(1, 6)).toBeCloseTo((3 / 6 + 4 / 6 + 5 / 6) / 3, 12);
    expect(rampFactor(2, 6)).toBe(1);
    expect(rampFactor(0, 3)).toBeCloseTo(1 / 3, 12);
    expect(rampFactor(0, 0)).toBe(1);
  });
});

describe("quarterlyPlan, as computed by hand", () => {
  const plan = quarterlyPlan(capacityAndCost(team), assumptions, { low: 0.6, high: 1 });
  const q = (n: number) => {
    const found = plan.quarters[n];
    if (!found) throw new Error(`no quarter ${n}`);
    return found;
  };

  it("has the start and four quarters", () => {
    expect(plan.quarters.map((x) => x.quarter)).toEqual([0, 1, 2, 3, 4]);
    expect(plan.assumptionsLabel).toMatch(/not figures from the article/);
  });

  it("inside: two hires a quarter ramping over six months", () => {
    expect(q(1).byRole.inside.headCount).toBe(6);
    expect(q(1).byRole.inside.rampedReps).toBeCloseTo(4 + 2 / 6, 10); // 2 × 1/6
    expect(q(1).byRole.inside.capacity).toBeCloseTo((4 + 2 / 6) * 100_000, 4); // 433,333.33 a quarter
    expect(q(2).byRole.inside.rampedReps).toBeCloseTo(4 + 2 * (2 / 3) + 2 / 6, 10); // 5.6667
    expect(q(3).byRole.inside.rampedReps).toBeCloseTo(4 + 2 + 4 / 3 + 1 / 3, 10); // 7.6667
    expect(q(3).byRole.inside.headCount).toBe(10);
    expect(q(1).byRole.inside.oteCost).toBe(6 * 25_000);
  });

  it("outside: 19 % a year leaves 0.9 of the reps after two quarters, 0.81 after four", () => {
    expect(q(2).byRole.outside.headCount).toBeCloseTo(3.6, 10);
    expect(q(4).byRole.outside.headCount).toBeCloseTo(3.24, 10);
    expect(q(4).byRole.outside.capacity).toBeCloseTo(648_000, 4); // 3.24 × 800,000 / 4
    expect(q(4).byRole.outside.oteCost).toBeCloseTo(162_000, 4); // 3.24 × 200,000 / 4
  });

  it("inside share against the range", () => {
    expect(q(0).insideShare).toBe(0.5);
    expect(q(0).gapToRange).toBeCloseTo(0.1, 10);
    expect(q(0).inRange).toBe(false);
    expect(q(4).insideShare).toBeCloseTo(12 / 15.24, 10);
    expect(q(4).inRange).toBe(true);
    expect(q(4).total.capacity).toBeCloseTo(q(4).byRole.inside.capacity! + 648_000, 4);
  });

  it("hires into a role with no data: not enough data, said in a note", () => {
    const p = quarterlyPlan(
      capacityAndCost(team),
      {
        ...assumptions,
        roles: { ...assumptions.roles, hybrid: { attritionPerYear: 0, rampMonths: 0, hiresPerQuarter: 1 } },
      },
      null,
    );
    expect(p.quarters[1]?.byRole.hybrid.capacity).toBeNull();
    expect(p.quarters[1]?.total.capacity).toBeNull();
    expect(p.notes.join(" ")).toMatch(/hybrid hires is not enough data/);
  });
});

describe("assumptions and moves: bad input", () => {
  it("defaults are valid", () => {
    expect(planAssumptionsSchema.safeParse(DEFAULT_ASSUMPTIONS).success).toBe(true);
  });

  it.each([
    [{ attritionPerYear: -0.1 }, "Attrition cannot be negative."],
    [{ attritionPerYear: 1.5 }, "Attrition above 95% a year is not a plan: check the rate (0.15 = 15%)."],
    [{ hiresPerQuarter: -1 }, "Hires per quarter cannot be negative."],
    [{ hiresPerQuarter: 1.5 }, "Hires per quarter must be a whole number."],
    [{ hiresPerQuarter: 5000 }, "More than 1000 hires a quarter in one role is not supported."],
    [{ rampMonths: 99 }, "Ramp months above 36 are not supported."],
  ])("%o is refused", (change, message) => {
    const bad = {
      ...DEFAULT_ASSUMPTIONS,
      roles: { ...DEFAULT_ASSUMPTIONS.roles, inside: { ...DEFAULT_ASSUMPTIONS.roles.inside, ...change } },
    };
    const r = planAssumptionsSchema.safeParse(bad);
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.message).toBe(message);
  });

  it.each([3, 9])("%d quarters is refused", (quarters) => {
    expect(planAssumptionsSchema.safeParse({ ...DEFAULT_ASSUMPTIONS, quarters }).success).toBe(false);
  });

  it("moves against the snapshot", () => {
    const reps = [insideRep(2), outsideRep(3)];
    expect(checkMoves(reps, [{ row: 3, to: "inside" }])).toEqual([]);
    expect(
      checkMoves(reps, [
        { row: 3, to: "inside" },
        { row: 2, to: "outside" },
        { row: 4, to: "inside" },
      ])[0]?.message,
    ).toBe("3 moves, but the snapshot has only 2 reps.");
    expect(checkMoves(reps, [{ row: 40, to: "inside" }])[0]?.message).toBe(
      "Move 1: row 40 is not a rep of this snapshot.",
    );
    expect(
      checkMoves(reps, [
        { row: 3, to: "inside" },
        { row: 3, to: "hybrid" },
      ])[0]?.message,
    ).toMatch(/moved twice/);
    expect(checkMoves(reps, [{ row: 2, to: "inside" }])[0]?.message).toMatch(/already inside/);
  });

  it("content schema refuses a bad role", () => {
    const r = scenarioContentSchema.safeParse({
      moves: [{ row: 2, to: "manager" }],
      assumptions: DEFAULT_ASSUMPTIONS,
    });
    expect(r.success).toBe(false);
  });
});
