import { describe, expect, it } from "vitest";
import {
  BENCHMARK_DATASET,
  analyzeTeam,
  movesToTarget,
  targetInsideShareRange,
  type SourceId,
} from "@/lib/benchmarks";
import { makeProfile, makeReps } from "./helpers";

const knownIds = new Set<string>([
  ...Object.keys(BENCHMARK_DATASET.figures),
  ...Object.keys(BENCHMARK_DATASET.rules),
  ...Object.keys(BENCHMARK_DATASET.findings),
]);

describe("targetInsideShareRange", () => {
  it.each([
    ["small", "relationship", 0.423, 0.5],
    ["small", "transactional", 0.45, 1],
    ["small", "borderline", 0.423, 0.55],
    ["mid", "relationship", 0.4095, 0.5],
    ["large", "relationship", 0.2592, 0.5],
    ["large", "transactional", 0.45, 1],
    ["unknown", "unknown", 0.4095, 0.55],
  ] as const)("%s band, %s model → [%d, %d]", (band, model, low, high) => {
    const range = targetInsideShareRange(band, model);
    expect(range.low).toBeCloseTo(low, 12);
    expect(range.high).toBeCloseTo(high, 12);
    expect(range.figureIds.every((id: SourceId) => knownIds.has(id))).toBe(true);
  });

  it("labels the mid and unknown anchors as fallbacks and the large one as derived", () => {
    expect(targetInsideShareRange("mid", "relationship").anchor.isFallback).toBe(true);
    expect(targetInsideShareRange("unknown", "relationship").anchor.isFallback).toBe(true);
    expect(targetInsideShareRange("large", "relationship").anchor.isDerived).toBe(true);
    expect(targetInsideShareRange("small", "relationship").anchor.isFallback).toBe(false);
  });
});

describe("movesToTarget", () => {
  it("keeps one fewer move when a coarse step would overshoot further", () => {
    // 3 outside reps, target [42.3 %, 50 %]: 1 inside = 33 %, 2 inside = 67 %; 1 is closer.
    const move = movesToTarget(
      { inside: 0, outside: 3, hybrid: 0 },
      targetInsideShareRange("small", "relationship"),
    );
    expect(move.reps).toBe(1);
    expect(move.reachesTarget).toBe(false);
    // Hybrid steps of ½: 3 hybrid → 50 %, inside the range.
    expect(move.viaHybrid).toEqual({ reps: 3, insideShareAfter: 0.5, reachesTarget: true });
  });

  it("counts whole reps, direct or via hybrid, within the source role", () => {
    // 10 outside reps, transactional target from 45 %: 4.5 inside needed → 5 direct, or 9 hybrid (4.5 = 45 %).
    const range = targetInsideShareRange("small", "transactional");
    const move = movesToTarget({ inside: 0, outside: 10, hybrid: 0 }, range);
    expect(move).toMatchObject({ direction: "outside_to_inside", reps: 5, insideShareAfter: 0.5 });
    expect(move.viaHybrid).toEqual({ reps: 9, insideShareAfter: 0.45, reachesTarget: true });
    // With 10 hybrids (5 inside-equivalents) of 12 reps, one move is enough: (5 + 1) / 12 = 50 %.
    expect(movesToTarget({ inside: 0, outside: 2, hybrid: 10 }, range).reps).toBe(1);
  });
});

describe("recommend", () => {
  it("cites only ids of the dataset, ranks 1..n and ends with the caution", () => {
    const reps = [...makeReps(2, "inside"), ...makeReps(18, "outside")];
    const { recommendations } = analyzeTeam(reps, makeProfile({ annualRevenue: 5_000_000 }));
    for (const r of recommendations) {
      expect(r.figureIds.length).toBeGreaterThan(0);
      for (const id of r.figureIds) expect(knownIds.has(id), `${r.id} cites ${id}`).toBe(true);
      expect(r.expectedEffect.length).toBeGreaterThan(10);
    }
    expect(recommendations.map((r) => r.rank)).toEqual(recommendations.map((_, i) => i + 1));
    expect(recommendations.at(-1)?.id).toBe("caution.keep_field_team");
    expect(recommendations.at(-1)?.figureIds).toContain("finding.caution");
  });

  it("never cites the unresolved figure", () => {
    const reps = [...makeReps(5, "inside", { calls: 10 }), ...makeReps(5, "outside", { calls: 100 })];
    const { recommendations } = analyzeTeam(reps, makeProfile({ annualRevenue: 900_000_000 }));
    expect(recommendations.flatMap((r) => r.figureIds).some((id) => id.startsWith("unresolved"))).toBe(false);
  });

  it("suggests a hybrid conversion when moving the only rep would overshoot", () => {
    // One outside rep, small relationship-model org: target 42.3 %–50 %. Moving them inside gives 100 %
    // (further away than 0 %); converting them to hybrid gives 50 %.
    const profile = makeProfile({
      annualRevenue: 10_000_000,
      typicalDealSize: 90_000,
      salesCycleDays: 120,
      decisionMakers: 5,
      customerEmployees: 800,
    });
    const [first] = analyzeTeam(makeReps(1, "outside"), profile).recommendations;
    expect(first?.title).toBe("Convert 1 outside rep to hybrid");
    expect(first?.mix?.move.reps).toBe(0);
    expect(first?.reasoning).toMatch(/Converting 1 rep brings it to 50%\./);
  });

  it("asks for a team when there is none", () => {
    const { recommendations } = analyzeTeam([], makeProfile());
    expect(recommendations[0]?.id).toBe("mix.no_team");
  });

  it("flags pay and quota misalignment with the figures it rests on", () => {
    const reps = [
      ...makeReps(4, "inside", { ote: 60_000, baseSalary: 30_000, quotaAttainment: 0.5 }),
      ...makeReps(4, "outside", { ote: 110_000, baseSalary: 60_000, quotaAttainment: 0.6 }),
    ];
    const { recommendations } = analyzeTeam(reps, makeProfile({ annualRevenue: 60_000_000 }));
    const pay = recommendations.find((r) => r.id === "pay_quota.alignment");
    expect(pay?.figureIds).toEqual(
      expect.arrayContaining(["pay.outside_ote_premium", "pay.inside_am.base", "quota.hit_rate"]),
    );
    expect(pay?.reasoning).toMatch(/\+83\.3%/); // 110,000 / 60,000 − 1
  });

  it("flags activity gaps when inside reps call no more than outside reps", () => {
    const reps = [
      ...makeReps(4, "inside", { calls: 100, voicemails: 10, emails: 100, socialTouches: 5 }),
      ...makeReps(4, "outside", { calls: 100, voicemails: 10, emails: 100, socialTouches: 5 }),
    ];
    const { recommendations } = analyzeTeam(reps, makeProfile({ annualRevenue: 60_000_000 }));
    const activity = recommendations.find((r) => r.id === "activity.gaps");
    expect(activity?.figureIds).toEqual(
      expect.arrayContaining(["activity.calls_premium", "activity.social_share.inside"]),
    );
    expect(activity?.priority).toBe("medium");
  });
});
