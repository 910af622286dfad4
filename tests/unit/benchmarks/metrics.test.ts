import { describe, expect, it } from "vitest";
import {
  computeTeamMetrics,
  metricsFromSummary,
  parseTeamSummary,
  summarizeReps,
  MIN_REPS_PER_METRIC,
  type Metric,
} from "@/lib/benchmarks";
import { REP_MEASURES } from "@/lib/team/types";
import { isPlainJson, makeRep, makeReps } from "./helpers";

const value = (metric: Metric) => (metric.kind === "value" ? metric.value : null);

describe("computeTeamMetrics: composition", () => {
  it("counts head count by role and the inside share with hybrid reps counted half", () => {
    const reps = [...makeReps(4, "inside"), ...makeReps(4, "outside"), ...makeReps(2, "hybrid")];
    const m = computeTeamMetrics(reps);
    expect(m.headCount).toEqual({ inside: 4, outside: 4, hybrid: 2, total: 10 });
    expect(value(m.mix.insideShare)).toBeCloseTo(0.5, 12); // (4 + 1) / 10
    expect(value(m.mix.outsideShare)).toBeCloseTo(0.5, 12);
    expect(value(m.mix.hybridShare)).toBeCloseTo(0.2, 12);
    expect(m.mix.insideEquivalents).toBe(5);
    expect(m.mix.orientation).toBe("balanced");
  });

  it.each([
    [6, 4, "mostly_inside"], // 60 %
    [11, 9, "balanced"], // 55 %: the edge of balanced, included
    [9, 11, "balanced"], // 45 %
    [4, 6, "mostly_outside"], // 40 %
  ] as const)("%d inside, %d outside → %s", (inside, outside, orientation) => {
    const m = computeTeamMetrics([...makeReps(inside, "inside"), ...makeReps(outside, "outside")]);
    expect(m.mix.orientation).toBe(orientation);
  });

  it("gives no mix for an empty team, and a mix for one rep", () => {
    expect(computeTeamMetrics([]).mix.insideShare).toEqual({ kind: "insufficient", needed: 1, have: 0 });
    expect(computeTeamMetrics([]).mix.orientation).toBe("unknown");
    expect(value(computeTeamMetrics([makeRep("inside")]).mix.insideShare)).toBe(1);
  });
});

describe("computeTeamMetrics: per-role averages", () => {
  const inside = [
    makeRep("inside", {
      calls: 100,
      voicemails: 10,
      emails: 80,
      socialTouches: 10,
      baseSalary: 40_000,
      quotaAttainment: 1.2,
    }),
    makeRep("inside", {
      calls: 200,
      voicemails: 20,
      emails: 60,
      socialTouches: 20,
      baseSalary: 50_000,
      quotaAttainment: 0.8,
    }),
    makeRep("inside", {
      calls: 300,
      voicemails: 30,
      emails: 40,
      socialTouches: 30,
      baseSalary: 60_000,
      quotaAttainment: 1.0,
    }),
  ];

  it("averages each measure over the reps that have it", () => {
    const m = computeTeamMetrics([...inside, makeRep("inside", { calls: null, baseSalary: 70_000 })]);
    expect(value(m.byRole.inside.averages.calls)).toBe(200);
    expect(m.byRole.inside.averages.calls).toMatchObject({ reps: 3 });
    expect(value(m.byRole.inside.averages.baseSalary)).toBe(55_000);
    expect(m.byRole.inside.headCount).toBe(4);
  });

  it("computes the social share of touches over reps with all four touch counts", () => {
    const m = computeTeamMetrics(inside);
    // social 60 of calls 600 + voicemails 60 + emails 180 + social 60 = 900
    expect(value(m.byRole.inside.socialShareOfTouches)).toBeCloseTo(60 / 900, 12);
  });

  it("counts reps at or above quota from exactly 100 %", () => {
    const m = computeTeamMetrics(inside);
    expect(value(m.byRole.inside.shareAtOrAboveQuota)).toBeCloseTo(2 / 3, 12);
    expect(value(m.byRole.inside.averages.quotaAttainment)).toBeCloseTo(1.0, 12);
  });

  it(`says "not enough data" below ${MIN_REPS_PER_METRIC} reps, never a number`, () => {
    const m = computeTeamMetrics([...inside.slice(0, 2), ...makeReps(5, "outside")]);
    expect(m.byRole.inside.averages.calls).toEqual({ kind: "insufficient", needed: 3, have: 2 });
    expect(m.byRole.outside.averages.calls).toEqual({ kind: "insufficient", needed: 3, have: 0 });
    expect(m.byRole.all.averages.calls).toEqual({ kind: "insufficient", needed: 3, have: 2 });
  });

  it("lets the caller raise the minimum", () => {
    const m = computeTeamMetrics(inside, { minRepsPerMetric: 5 });
    expect(m.byRole.inside.averages.calls).toEqual({ kind: "insufficient", needed: 5, have: 3 });
  });

  it("treats negative, NaN and absurd values as missing rather than 0", () => {
    const reps = [
      ...makeReps(3, "outside", { baseSalary: 80_000 }),
      makeRep("outside", { baseSalary: -1 }),
      makeRep("outside", { baseSalary: Number.NaN }),
      makeRep("outside", { baseSalary: 1e15 }),
    ];
    const m = computeTeamMetrics(reps);
    expect(value(m.byRole.outside.averages.baseSalary)).toBe(80_000);
    expect(m.byRole.outside.averages.baseSalary).toMatchObject({ reps: 3 });
  });

  it("keeps zero salaries as real values", () => {
    const m = computeTeamMetrics(makeReps(3, "inside", { baseSalary: 0 }));
    expect(value(m.byRole.inside.averages.baseSalary)).toBe(0);
  });

  it("gives no social share when every touch count is 0", () => {
    const m = computeTeamMetrics(
      makeReps(3, "inside", { calls: 0, voicemails: 0, emails: 0, socialTouches: 0 }),
    );
    expect(m.byRole.inside.socialShareOfTouches.kind).toBe("insufficient");
  });
});

describe("attainment histogram", () => {
  it("puts each rep in one bucket, 100 % exactly in 100–125 %", () => {
    const attainments = [0, 0.49, 0.5, 0.74, 0.75, 0.99, 1, 1.24, 1.25, 3];
    const m = computeTeamMetrics(attainments.map((a) => makeRep("outside", { quotaAttainment: a })));
    const counts = m.byRole.outside.attainmentDistribution.map((b) => [b.id, b.count]);
    expect(counts).toEqual([
      ["under_50", 2],
      ["50_to_75", 2],
      ["75_to_100", 2],
      ["100_to_125", 2],
      ["125_plus", 2],
    ]);
    expect(m.byRole.outside.attainmentDistribution[0]?.share).toBeCloseTo(0.2, 12);
    expect(m.byRole.all.attainmentDistribution[4]?.count).toBe(2);
  });

  it("has null shares without any attainment", () => {
    const m = computeTeamMetrics(makeReps(3, "inside"));
    expect(m.byRole.inside.attainmentDistribution.every((b) => b.count === 0 && b.share === null)).toBe(true);
  });
});

describe("TeamSummary", () => {
  const reps = [
    ...makeReps(5, "inside", { calls: 300, quotaAttainment: 1.1, baseSalary: 45_000 }),
    ...makeReps(7, "outside", { calls: 200, quotaAttainment: 0.7, baseSalary: 65_000 }),
    ...makeReps(3, "hybrid", { calls: 250, quotaAttainment: 0.95 }),
  ];

  it("computeTeamMetrics equals metricsFromSummary of summarizeReps", () => {
    expect(computeTeamMetrics(reps)).toEqual(metricsFromSummary(summarizeReps(reps)));
  });

  it("sums every measure into its own slot", () => {
    const values = Object.fromEntries(REP_MEASURES.map((m, i) => [m, i + 1]));
    const s = summarizeReps([makeRep("hybrid", values)]);
    for (const [i, m] of REP_MEASURES.entries())
      expect(s.byRole.hybrid.measures[m], m).toEqual({ n: 1, sum: i + 1 });
    expect(s.byRole.inside.measures.calls).toEqual({ n: 0, sum: 0 });
  });

  it("carries counts, sums and the reps at quota, as a GROUP BY would", () => {
    const s = summarizeReps(reps);
    expect(s.byRole.inside.reps).toBe(5);
    expect(s.byRole.inside.measures.calls).toEqual({ n: 5, sum: 1500 });
    expect(s.byRole.inside.repsAtOrAboveQuota).toBe(5);
    expect(s.byRole.outside.repsAtOrAboveQuota).toBe(0);
    expect(s.byRole.hybrid.attainmentBuckets["75_to_100"]).toBe(3);
  });

  it("survives JSON and validation, and a tampered summary is rejected", () => {
    const s = summarizeReps(reps);
    const roundTrip = parseTeamSummary(JSON.parse(JSON.stringify(s)));
    expect(metricsFromSummary(roundTrip)).toEqual(metricsFromSummary(s));
    const tampered = JSON.parse(JSON.stringify(s));
    tampered.byRole.inside.measures.calls.n = 99;
    expect(() => parseTeamSummary(tampered)).toThrow();
  });

  it("produces plain JSON for an empty team", () => {
    const m = computeTeamMetrics([]);
    expect(isPlainJson(m)).toBe(true);
    expect(JSON.parse(JSON.stringify(m))).toEqual(m);
  });
});
