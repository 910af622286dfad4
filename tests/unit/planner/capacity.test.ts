import { describe, expect, it } from "vitest";
import { capacityAndCost, moveFactors } from "@/lib/planner";
import { rep } from "./helpers";

const inside = rep(2, {
  role: "inside",
  annualQuota: 400_000,
  quotaAttainment: 1,
  ote: 100_000,
  baseSalary: 50_000,
  dealsWon: 20,
  avgDealSize: 20_000,
});
const outside = rep(3, {
  role: "outside",
  annualQuota: 1_000_000,
  quotaAttainment: 0.8,
  ote: 200_000,
  baseSalary: 100_000,
  dealsWon: 10,
  avgDealSize: 80_000,
});

describe("capacityAndCost from the user's rows", () => {
  it("per role and total, as computed by hand", () => {
    const c = capacityAndCost([inside, outside]);
    expect(c.byRole.inside.capacity).toEqual({ value: 400_000, reps: 1 });
    expect(c.byRole.outside.capacity).toEqual({ value: 800_000, reps: 1 });
    expect(c.total.quota).toEqual({ value: 1_400_000, reps: 2 });
    expect(c.total.capacity).toEqual({ value: 1_200_000, reps: 2 });
    expect(c.total.bookingsFromDeals).toEqual({ value: 1_200_000, reps: 2 });
    expect(c.total.baseCost).toEqual({ value: 150_000, reps: 2 });
    expect(c.total.oteCost).toEqual({ value: 300_000, reps: 2 });
    expect(c.total.costOfSale.value).toBeCloseTo(0.25, 10); // 300k / 1.2M
    expect(c.total.quotaToOte.value).toBeCloseTo(4.666_667, 5); // 1.4M / 300k
    expect(c.noBenchmarkNote).toMatch(/no benchmark for cost of sale or quota-to-OTE/);
    expect(c.moved).toBe(0);
  });

  it("missing fields: not enough data (null), with the reps counted; never a guess", () => {
    const c = capacityAndCost([rep(2, { role: "hybrid", annualQuota: 100_000 }), rep(3, { role: "hybrid" })]);
    expect(c.byRole.hybrid.headCount).toBe(2);
    expect(c.byRole.hybrid.quota).toEqual({ value: 100_000, reps: 1 });
    expect(c.byRole.hybrid.capacity).toEqual({ value: null, reps: 0 });
    expect(c.byRole.hybrid.costOfSale.value).toBeNull();
    expect(c.byRole.inside.capacity.value).toBeNull();
  });

  it("a moved rep keeps their own pay; quota, attainment and deal size follow the cohort premiums", () => {
    const c = capacityAndCost([inside, outside], [{ row: 3, to: "inside" }]);
    // quota.outside_quota_premium: 1,000,000 / 1.296; quota.inside_attainment_premium: 0.8 × 1.098
    const movedCapacity = (1_000_000 / 1.296) * 0.8 * 1.098;
    expect(c.byRole.inside.headCount).toBe(2);
    expect(c.byRole.inside.movedIn).toBe(1);
    expect(c.byRole.inside.capacity.value).toBeCloseTo(400_000 + movedCapacity, 4); // 1,077,777.78
    expect(c.byRole.inside.oteCost.value).toBe(300_000);
    // deal.outside_size_premium: 10 deals × 80,000 / 2.302
    expect(c.byRole.inside.bookingsFromDeals.value).toBeCloseTo(400_000 + 800_000 / 2.302, 4);
    expect(c.byRole.outside.headCount).toBe(0);
    expect(c.byRole.outside.capacity.value).toBeNull();
    expect(c.moved).toBe(1);
    expect(c.projectionLabel).toMatch(
      /quota\.outside_quota_premium.*quota\.inside_attainment_premium.*deal\.outside_size_premium/,
    );
    expect(c.payBasis).toMatch(/keeps their own base and OTE/);
  });

  it("hybrid is half way on each premium", () => {
    const f = moveFactors("outside", "hybrid");
    expect(f.quota).toBeCloseTo(1.148 / 1.296, 10);
    expect(f.attainment).toBeCloseTo(1.049, 10);
    expect(f.dealSize).toBeCloseTo(1.651 / 2.302, 10);
    expect(moveFactors("inside", "outside").quota).toBeCloseTo(1.296, 10);
  });

  it("a move to the rep's own role is no move", () => {
    expect(capacityAndCost([inside], [{ row: 2, to: "inside" }]).moved).toBe(0);
  });
});
