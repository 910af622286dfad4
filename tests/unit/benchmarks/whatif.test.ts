import { describe, expect, it } from "vitest";
import { applyShift, computeTeamMetrics, summarizeReps, whatIf } from "@/lib/benchmarks";
import { isPlainJson, makeProfile, makeReps } from "./helpers";

const reps = [
  ...makeReps(4, "inside", { calls: 300, quotaAttainment: 1.1, annualQuota: 400_000 }),
  ...makeReps(10, "outside", { calls: 200, quotaAttainment: 0.9, annualQuota: 520_000 }),
  ...makeReps(2, "hybrid"),
];
const metrics = computeTeamMetrics(reps);
const profile = makeProfile({ annualRevenue: 30_000_000 });

describe("applyShift", () => {
  it("clamps to the reps a role has, in order, and reports it", () => {
    const result = applyShift(
      { inside: 4, outside: 10, hybrid: 2 },
      { outsideToInside: 8, outsideToHybrid: 5 },
    );
    expect(result.applied).toMatchObject({ outsideToInside: 8, outsideToHybrid: 2 });
    expect(result.after).toEqual({ inside: 12, outside: 0, hybrid: 4 });
    expect(result.clamped).toBe(true);
  });

  it("moves only whole reps: fractions floor, negatives and NaN are 0", () => {
    const result = applyShift(
      { inside: 4, outside: 10, hybrid: 2 },
      { outsideToInside: 2.7, insideToOutside: -3, hybridToInside: Number.NaN },
    );
    expect(result.applied).toMatchObject({ outsideToInside: 2, insideToOutside: 0, hybridToInside: 0 });
    expect(result.clamped).toBe(true);
    expect(isPlainJson(result.requested)).toBe(true);
  });

  it("takes moves from the counts before the shift (a moved rep does not move again)", () => {
    const result = applyShift(
      { inside: 0, outside: 5, hybrid: 0 },
      { outsideToInside: 5, insideToOutside: 5 },
    );
    expect(result.after).toEqual({ inside: 5, outside: 0, hybrid: 0 });
    expect(result.applied.insideToOutside).toBe(0);
  });
});

describe("whatIf", () => {
  it("gives the same result from metrics and from a summary", () => {
    const shift = { outsideToInside: 3 };
    expect(whatIf(summarizeReps(reps), profile, shift)).toEqual(whatIf(metrics, profile, shift));
  });

  it("projects composition and the band gap before and after", () => {
    const result = whatIf(metrics, profile, { outsideToInside: 3, outsideToHybrid: 2 });
    expect(result.before.insideShare).toBeCloseTo(5 / 16, 12);
    expect(result.after.headCount).toEqual({ inside: 7, outside: 5, hybrid: 4, total: 16 });
    expect(result.after.insideShare).toBeCloseTo(9 / 16, 12);
    expect(result.bandGap.before?.figureId).toBe("mix.inside_share.small");
    expect(Math.abs(result.bandGap.after?.absoluteDifference ?? 1)).toBeLessThan(
      Math.abs(result.bandGap.before?.absoluteDifference ?? 0),
    );
    expect(result.label).toMatch(/Projection/);
  });

  it("projects attainment and quota from the cohort premiums on the org's own averages", () => {
    const result = whatIf(metrics, profile, { outsideToInside: 2 });
    const attainment = result.projections.find((p) => p.measure === "quotaAttainment");
    // all-rep average (4 × 1.1 + 10 × 0.9) / 14, plus 2 reps × 0.9 × 9.8 % spread over 16 reps
    const before = (4 * 1.1 + 10 * 0.9) / 14;
    expect(attainment?.teamAverageAfter).toBeCloseTo(before + (2 * 0.9 * 0.098) / 16, 12);
    const quota = result.projections.find((p) => p.measure === "annualQuota");
    // outside → inside: quota × 1 / 1.296
    expect(quota?.teamAverageAfter).toBeCloseTo(
      (4 * 400_000 + 10 * 520_000) / 14 + (2 * 520_000 * (1 / 1.296 - 1)) / 16,
      6,
    );
    expect(result.projections.every((p) => p.label.startsWith("Projection"))).toBe(true);
  });

  it("halves a premium for hybrid reps", () => {
    const result = whatIf(metrics, profile, { outsideToHybrid: 1 });
    const calls = result.projections.find((p) => p.measure === "calls");
    const before = (4 * 300 + 10 * 200) / 14;
    expect(calls?.teamAverageAfter).toBeCloseTo(before + (200 * 0.2125) / 16, 12);
  });

  it("says insufficient rather than guessing when the source role has too few reps", () => {
    const result = whatIf(metrics, profile, { hybridToInside: 1 });
    expect(result.projections.find((p) => p.measure === "calls")?.status).toBe("insufficient");
  });

  it("has no pay fallback in another currency than US dollars", () => {
    const result = whatIf(metrics, makeProfile({ currency: "EUR" }), { outsideToInside: 1 });
    expect(result.payCost.baseSalary.rates.inside.source).toBe("missing");
    expect(result.payCost.baseSalary.totalDelta).toBeNull();
  });

  it("uses the org's hybrid average, else the midpoint of the other roles, labelled", () => {
    const result = whatIf(metrics, profile, { outsideToHybrid: 2 });
    const hybrid = result.payCost.baseSalary.rates.hybrid;
    expect(hybrid.source).toBe("midpoint_of_roles");
    expect(hybrid.value).toBe((42_833 + 58_253) / 2);
    expect(result.payCost.baseSalary.totalDelta).toBe(2 * ((42_833 + 58_253) / 2 - 58_253));
  });

  it("changes nothing for an empty shift and stays plain JSON", () => {
    const result = whatIf(metrics, profile, {});
    expect(result.after).toEqual(result.before);
    expect(result.payCost.ote.totalDelta).toBe(0);
    expect(result.projections.every((p) => p.status === "no_change")).toBe(true);
    expect(isPlainJson(result)).toBe(true);
  });
});
