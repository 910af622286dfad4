/**
 * Three worked examples a reader can follow from the team to the advice. Numbers in comments are the
 * arithmetic the engine is expected to do.
 */
import { describe, expect, it } from "vitest";
import { analyzeTeam, whatIf } from "@/lib/benchmarks";
import { makeProfile, makeReps } from "./helpers";

describe("worked example 1: a 30-rep small company, $8K deals, 30-day cycles, 90 % field reps", () => {
  // 27 outside + 3 inside = 30 reps; inside share 3 / 30 = 10 %.
  const reps = [
    ...makeReps(27, "outside", {
      calls: 200,
      socialTouches: 30,
      voicemails: 80,
      emails: 400,
      decisionMakers: 2,
    }),
    ...makeReps(3, "inside", {
      calls: 290,
      socialTouches: 60,
      voicemails: 90,
      emails: 430,
      decisionMakers: 2,
    }),
  ];
  const profile = makeProfile({ annualRevenue: 12_000_000, typicalDealSize: 8_000, salesCycleDays: 30 });
  const analysis = analyzeTeam(reps, profile);

  it("is a small company, mostly outside, 10 % inside vs the band's 47 %", () => {
    expect(analysis.band).toBe("small");
    expect(analysis.metrics.mix.orientation).toBe("mostly_outside");
    const band = analysis.gaps.find((g) => g.figureId === "mix.inside_share.small");
    expect(band?.orgValue).toBeCloseTo(0.1, 12);
    expect(band?.absoluteDifference).toBeCloseTo(-0.37, 12);
    expect(band?.status).toBe("below");
  });

  it("classifies as transactional: deal, cycle from the profile; decision makers from the team average", () => {
    const { classification } = analysis;
    expect(classification.model).toBe("transactional");
    // Three criteria known, none against; customer size missing → medium, not high.
    expect(classification.confidence).toBe("medium");
    expect(classification.evidence.map((e) => [e.criterion, e.source, e.verdict])).toEqual([
      ["deal_size", "org_profile", "transactional"],
      ["sales_cycle", "org_profile", "transactional"],
      ["decision_makers", "team_average", "transactional"],
      ["customer_employees", "missing", "unknown"],
    ]);
  });

  it("recommends moving 11 outside reps inside: target 45 %–100 %, 3 + 11 = 14 of 30 = 46.7 %", () => {
    const [first] = analysis.recommendations;
    expect(first?.id).toBe("mix.move_toward_target");
    expect(first?.mix?.range.low).toBeCloseTo(0.45, 12);
    expect(first?.mix?.range.high).toBe(1);
    expect(first?.mix?.move.direction).toBe("outside_to_inside");
    expect(first?.mix?.move.reps).toBe(11); // 0.45 × 30 = 13.5 inside needed → 14 → move 11
    expect(first?.mix?.move.insideShareAfter).toBeCloseTo(14 / 30, 12);
    // Or 21 to hybrid: 3 + 21 × ½ = 13.5 = 45 % exactly.
    expect(first?.mix?.move.viaHybrid).toEqual({ reps: 21, insideShareAfter: 0.45, reachesTarget: true });
    expect(first?.title).toBe("Move 11 outside reps to inside sales (or convert 21 reps to hybrid)");
  });

  it("ends with the author's caution and asks for the missing customer size", () => {
    const ids = analysis.recommendations.map((r) => r.id);
    expect(ids.at(-1)).toBe("caution.keep_field_team");
    expect(ids).toContain("profile.complete_inputs");
    expect(analysis.recommendations.map((r) => r.rank)).toEqual(ids.map((_, i) => i + 1));
  });

  it("what-if of that move: band gap closes to on par, pay cost uses the article's labelled figures", () => {
    const result = whatIf(analysis.metrics, profile, { outsideToInside: 11 });
    expect(result.after.headCount).toEqual({ inside: 14, outside: 16, hybrid: 0, total: 30 });
    expect(result.bandGap.before?.status).toBe("below");
    expect(result.bandGap.after?.status).toBe("on_par"); // 46.7 % vs 47 %
    expect(result.target.distanceAfter).toBe(0);
    // No pay in the file: inside $42,833 (article figure) vs outside ≈ $58,253 (estimate) per rep.
    expect(result.payCost.baseSalary.rates.inside.source).toBe("article_figure");
    expect(result.payCost.baseSalary.rates.outside.source).toBe("article_estimate");
    expect(result.payCost.baseSalary.totalDelta).toBe(11 * (42_833 - 58_253));
    expect(result.payCost.baseSalary.usesArticleFallback).toBe(true);
    // Calls: 11 reps × 200 × 0.425 more → team average 200.9 × ... labelled as a projection.
    const calls = result.projections.find((p) => p.measure === "calls");
    expect(calls?.status).toBe("projected");
    expect(calls?.teamAverageAfter).toBeCloseTo((27 * 200 + 3 * 290 + 11 * 200 * 0.425) / 30, 9);
    expect(calls?.label).toMatch(/Projection/);
  });
});

describe("worked example 2: a large company, $150K deals, 180-day cycles, an all-inside team", () => {
  const reps = makeReps(40, "inside", { calls: 300, baseSalary: 50_000, ote: 100_000 });
  const profile = makeProfile({
    annualRevenue: 2_000_000_000,
    typicalDealSize: 150_000,
    salesCycleDays: 180,
  });
  const analysis = analyzeTeam(reps, profile);

  it("is large, with 0 % field reps vs the band's 71.2 %", () => {
    expect(analysis.band).toBe("large");
    const band = analysis.gaps.find((g) => g.figureId === "mix.outside_share.large");
    expect(band?.orgValue).toBe(0);
    expect(band?.status).toBe("below");
  });

  it("classifies as relationship with low confidence (two of four criteria known)", () => {
    expect(analysis.classification.model).toBe("relationship");
    expect(analysis.classification.confidence).toBe("low");
    expect(analysis.classification.missingInputs).toEqual(["decision_makers", "customer_employees"]);
  });

  it("recommends moving 20 inside reps to the field: target 25.9 %–50 %, from 100 % to 50 %", () => {
    const mix = analysis.recommendations.find((r) => r.id === "mix.move_toward_target")?.mix;
    expect(mix?.range.low).toBeCloseTo(0.2592, 12); // (1 − 71.2 %) × 0.9
    expect(mix?.range.high).toBe(0.5);
    expect(mix?.range.anchor.isDerived).toBe(true);
    expect(mix?.move.direction).toBe("inside_to_outside");
    expect(mix?.move.reps).toBe(20);
    expect(mix?.move.viaHybrid).toEqual({ reps: 40, insideShareAfter: 0.5, reachesTarget: true });
  });

  it("puts the incomplete profile first among the rest, and the first structure stage next", () => {
    const ids = analysis.recommendations.map((r) => r.id);
    expect(ids.slice(0, 2)).toEqual(["mix.move_toward_target", "profile.complete_inputs"]);
    const structure = analysis.recommendations.find((r) => r.id === "structure.next_step");
    expect(structure?.figureIds).toContain("finding.structure.stage1_outside_and_bizdev");
    expect(structure?.title).toMatch(/outside sales with a business development team/);
    const collaboration = analysis.recommendations.find(
      (r) => r.id === "collaboration.inside_closes_small_deals",
    );
    expect(collaboration?.reasoning).toMatch(/^As you add field reps/);
  });

  it("what-if of 20 inside → outside: outside pay from the article's estimate, the org's own inside pay", () => {
    const result = whatIf(analysis.metrics, profile, { insideToOutside: 20 });
    expect(result.after.insideShare).toBe(0.5);
    expect(result.payCost.ote.rates.inside).toMatchObject({ value: 100_000, source: "org_average" });
    expect(result.payCost.ote.rates.outside).toMatchObject({ value: 105_159, source: "article_estimate" });
    expect(result.payCost.ote.totalDelta).toBe(20 * 5_159);
    // Calls of the moved reps fall to 300 / 1.425 each.
    const calls = result.projections.find((p) => p.measure === "calls");
    expect(calls?.teamAverageAfter).toBeCloseTo((20 * 300 + 20 * (300 / 1.425)) / 40, 9);
  });
});

describe("worked example 3: a balanced mid-size company", () => {
  // 8 inside + 8 outside + 4 hybrid = 20 reps; inside share (8 + 2) / 20 = 50 %.
  const reps = [
    ...makeReps(8, "inside", {
      calls: 280,
      voicemails: 90,
      emails: 500,
      socialTouches: 190,
      baseSalary: 46_000,
      ote: 95_000,
      annualQuota: 400_000,
      quotaAttainment: 1.05,
    }),
    ...makeReps(8, "outside", {
      calls: 200,
      voicemails: 85,
      emails: 460,
      socialTouches: 100,
      baseSalary: 62_000,
      ote: 104_000,
      annualQuota: 520_000,
      quotaAttainment: 0.98,
    }),
    ...makeReps(4, "hybrid", { calls: 240, quotaAttainment: 1.0 }),
  ];
  const profile = makeProfile({
    annualRevenue: 200_000_000,
    typicalDealSize: 34_000, // in the $32K–$35K borderline zone
    salesCycleDays: 75,
    decisionMakers: 4,
    customerEmployees: 500,
  });
  const analysis = analyzeTeam(reps, profile);

  it("is mid-band and balanced, compared with the US 45.5 % only as a labelled fallback", () => {
    expect(analysis.band).toBe("mid");
    expect(analysis.metrics.mix.orientation).toBe("balanced");
    const gap = analysis.gaps.find((g) => g.figureId === "mix.inside_share.us");
    expect(gap?.basis).toBe("band_fallback");
    expect(gap?.benchmark.isFallback).toBe(true);
    expect(gap?.status).toBe("on_par"); // 50 % / 45.5 % − 1 = 9.9 %, inside ±10 %
  });

  it("classifies as borderline: deal borderline, cycle transactional, 4 decision makers and big customers relationship", () => {
    expect(analysis.classification.model).toBe("borderline");
    expect(analysis.classification.votes).toEqual({
      transactional: 1,
      relationship: 2,
      borderline: 1,
      missing: 0,
    });
  });

  it("keeps the mix, with reasons and no invented moves", () => {
    const keep = analysis.recommendations.find((r) => r.id === "mix.keep");
    expect(keep?.mix?.move).toMatchObject({ direction: "none", reps: 0 });
    expect(keep?.mix?.range.low).toBeCloseTo(0.4095, 12); // 45.5 % fallback × 0.9
    expect(keep?.mix?.range.high).toBeCloseTo(0.55, 12);
    expect(keep?.reasoning).toMatch(/50%, within the target of 41%–55% inside/);
    expect(analysis.recommendations.some((r) => r.id === "mix.move_toward_target")).toBe(false);
    // Pay, quota and activity are on par or better, so none of those items appear.
    const ids = analysis.recommendations.map((r) => r.id);
    expect(ids).not.toContain("pay_quota.alignment");
    expect(ids).not.toContain("activity.gaps");
    expect(ids).not.toContain("profile.complete_inputs");
    expect(ids.at(-1)).toBe("caution.keep_field_team");
  });
});
