import { describe, expect, it } from "vitest";
import { computeGaps, computeTeamMetrics, gapsByFigureId, GAP_TOLERANCE, type Gap } from "@/lib/benchmarks";
import type { Rep } from "@/lib/team/types";
import { isPlainJson, makeProfile, makeReps } from "./helpers";

function gapsFor(reps: Rep[], profile = makeProfile({ annualRevenue: 20_000_000 })) {
  const gaps = computeGaps(computeTeamMetrics(reps), profile);
  const byId = gapsByFigureId(gaps);
  return { gaps, byId, get: (id: keyof typeof byId): Gap => byId[id] ?? expect.fail(`no gap ${id}`) };
}

const balancedTeam = [
  ...makeReps(5, "inside", {
    calls: 285,
    voicemails: 110,
    emails: 544,
    socialTouches: 50,
    baseSalary: 42_833,
    ote: 96_299,
    annualQuota: 500_000,
    quotaAttainment: 1.1,
    avgDealSize: 10_000,
  }),
  ...makeReps(5, "outside", {
    calls: 200,
    voicemails: 100,
    emails: 500,
    socialTouches: 40,
    baseSalary: 58_000,
    ote: 105_000,
    annualQuota: 648_000,
    quotaAttainment: 1.0,
    avgDealSize: 23_020,
    remoteSellingPct: 0.454,
  }),
];

describe("computeGaps", () => {
  it("never scores the unresolved 30.2 % figure", () => {
    expect(gapsFor(balancedTeam).gaps.some((g) => g.figureId.startsWith("unresolved"))).toBe(false);
  });

  it("keys each gap by a distinct figure id and is plain JSON", () => {
    const { gaps } = gapsFor(balancedTeam);
    expect(new Set(gaps.map((g) => g.figureId)).size).toBe(gaps.length);
    expect(isPlainJson(gaps)).toBe(true);
  });

  it("compares a cohort premium with the org's own inside/outside ratio", () => {
    const { get } = gapsFor(balancedTeam);
    const calls = get("activity.calls_premium");
    expect(calls.kind).toBe("cohort_ratio");
    expect(calls.orgValue).toBeCloseTo(285 / 200 - 1, 12); // +42.5 %
    expect(calls.status).toBe("on_par");
    const deal = get("deal.outside_size_premium");
    expect(deal.orgValue).toBeCloseTo(1.302, 12);
    expect(deal.relativeDifference).toBeCloseTo(0, 12);
    expect(get("quota.outside_quota_premium").orgValue).toBeCloseTo(0.296, 12);
  });

  it("compares levels, with difference absolute and relative", () => {
    const { get } = gapsFor(balancedTeam);
    const base = get("pay.inside_am.base");
    expect(base.kind).toBe("level");
    expect(base.orgValue).toBe(42_833);
    expect(base.absoluteDifference).toBe(0);
    const hit = get("quota.hit_rate");
    expect(hit.orgValue).toBe(1);
    expect(hit.absoluteDifference).toBeCloseTo(1 - 0.609, 12);
    expect(hit.relativeDifference).toBeCloseTo(1 / 0.609 - 1, 12);
    expect(hit.status).toBe("above");
    expect(hit.assessment).toBe("good");
  });

  it(`is on par within ±${GAP_TOLERANCE * 100} % of the figure and outside it above or below`, () => {
    const team = (calls: number) => [
      ...makeReps(3, "inside", { calls }),
      ...makeReps(3, "outside", { calls: 100 }),
    ];
    // Calls ratio 1.425 × 1.1 = 1.5675 is the upper edge; 1.425 × 0.9 = 1.2825 the lower.
    expect(gapsFor(team(156.7)).get("activity.calls_premium").status).toBe("on_par");
    expect(gapsFor(team(157)).get("activity.calls_premium").status).toBe("above");
    expect(gapsFor(team(128.3)).get("activity.calls_premium").status).toBe("on_par");
    expect(gapsFor(team(128)).get("activity.calls_premium").status).toBe("below");
  });

  it("rates below-market inside pay as bad and a wide OTE gap as bad", () => {
    const reps = [
      ...makeReps(3, "inside", { baseSalary: 30_000, ote: 60_000 }),
      ...makeReps(3, "outside", { baseSalary: 60_000, ote: 100_000 }),
    ];
    const { get } = gapsFor(reps);
    expect(get("pay.inside_am.base").assessment).toBe("bad");
    expect(get("pay.outside_ote_premium").status).toBe("above");
    expect(get("pay.outside_ote_premium").assessment).toBe("bad");
  });

  it("says not enough data when a side has too few reps", () => {
    const reps = [...makeReps(2, "inside", { calls: 300 }), ...makeReps(5, "outside", { calls: 200 })];
    const calls = gapsFor(reps).get("activity.calls_premium");
    expect(calls.status).toBe("insufficient");
    expect(calls.insufficient).toEqual({ scope: "inside", needed: 3, have: 2 });
    expect(calls.orgValue).toBeNull();
    expect(calls.assessment).toBeNull();
  });

  it("says not comparable when the lower side's average is 0", () => {
    const reps = [...makeReps(3, "inside", { calls: 300 }), ...makeReps(3, "outside", { calls: 0 })];
    const calls = gapsFor(reps).get("activity.calls_premium");
    expect(calls.status).toBe("not_comparable");
    expect(calls.notComparableReason).toMatch(/0/);
  });

  it("says not comparable when a ratio over a near-zero average overflows", () => {
    const reps = [
      ...makeReps(3, "inside", { calls: 1_000_000 }),
      ...makeReps(3, "outside", { calls: Number.MIN_VALUE }),
    ];
    const calls = gapsFor(reps).get("activity.calls_premium");
    expect(calls.status).toBe("not_comparable");
    expect(calls.orgValue).toBeNull();
    expect(isPlainJson(calls)).toBe(true);
  });

  it("does not compare dollar levels for an org in another currency", () => {
    const gap = gapsFor(balancedTeam, makeProfile({ currency: "EUR" })).get("pay.inside_am.base");
    expect(gap.status).toBe("not_comparable");
    expect(gap.notComparableReason).toMatch(/EUR/);
  });
});

describe("computeGaps: the band comparison", () => {
  const team = [...makeReps(3, "inside"), ...makeReps(6, "outside"), ...makeReps(2, "hybrid")]; // 4 / 11 inside

  it("small band: inside share vs 47 %", () => {
    const gap = gapsFor(team, makeProfile({ annualRevenue: 10_000_000 })).get("mix.inside_share.small");
    expect(gap.basis).toBe("band");
    expect(gap.orgValue).toBeCloseTo(4 / 11, 12);
    expect(gap.benchmark.isFallback).toBe(false);
  });

  it("large band: outside share vs 71.2 %", () => {
    const gap = gapsFor(team, makeProfile({ annualRevenue: 900_000_000 })).get("mix.outside_share.large");
    expect(gap.orgValue).toBeCloseTo(7 / 11, 12);
  });

  it("mid band: the US overall 45.5 % only as a labelled fallback", () => {
    const { byId, gaps } = gapsFor(team, makeProfile({ annualRevenue: 100_000_000 }));
    const gap = byId["mix.inside_share.us"];
    expect(gap?.basis).toBe("band_fallback");
    expect(gap?.benchmark.isFallback).toBe(true);
    expect(gap?.benchmark.label).toMatch(/fallback/i);
    expect(gaps.filter((g) => g.figureId.startsWith("mix.")).length).toBe(1);
  });

  it("unknown band: band-free comparisons only", () => {
    const { byId } = gapsFor(team, makeProfile({ annualRevenue: null }));
    expect(byId["mix.inside_share.small"]).toBeUndefined();
    expect(byId["mix.outside_share.large"]).toBeUndefined();
    expect(byId["mix.inside_share.us"]?.basis).toBe("band_free");
    expect(byId["mix.inside_share.us"]?.benchmark.isFallback).toBe(false);
  });
});
