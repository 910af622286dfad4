import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  GAP_TOLERANCE,
  analyzeTeam,
  computeTeamMetrics,
  distanceToRange,
  metricsFromSummary,
  movesToTarget,
  parseTeamSummary,
  summarizeReps,
  targetInsideShareRange,
  whatIf,
  type Metric,
  type SalesModel,
  type SizeBand,
} from "@/lib/benchmarks";
import { REP_MEASURES, REP_ROLES, type OrgProfile, type Rep, type RepRole } from "@/lib/team/types";
import { isPlainJson, makeProfile, makeRep } from "./helpers";

const RUNS = { numRuns: 200 };
const REVENUE_IN: Record<SizeBand, number | null> = { small: 1e7, mid: 1e8, large: 1e9, unknown: null };

const measureValue = fc.oneof(
  { weight: 8, arbitrary: fc.double({ min: 0, max: 2_000_000, noNaN: true }) },
  { weight: 2, arbitrary: fc.constant(0) },
  { weight: 2, arbitrary: fc.constant(null) },
  { weight: 1, arbitrary: fc.constantFrom(Number.NaN, -1, Number.POSITIVE_INFINITY, 1e13) },
  // Tiny but usable values: a ratio over one of them overflows unless the engine guards it.
  { weight: 1, arbitrary: fc.constantFrom(Number.MIN_VALUE, 1e-300) },
);

function repArbitrary(roles: readonly RepRole[] = REP_ROLES): fc.Arbitrary<Rep> {
  const measures = Object.fromEntries(REP_MEASURES.map((m) => [m, measureValue])) as Record<
    (typeof REP_MEASURES)[number],
    fc.Arbitrary<number | null>
  >;
  return fc
    .record({ role: fc.constantFrom(...roles), ...measures })
    .map(({ role, ...values }) => makeRep(role, values));
}

const team = fc.array(repArbitrary(), { maxLength: 40 });
const edgeTeams = fc.oneof(
  fc.constant<Rep[]>([]),
  fc.array(repArbitrary(), { minLength: 1, maxLength: 1 }),
  fc.array(repArbitrary(["inside"]), { minLength: 1, maxLength: 20 }),
  fc.array(repArbitrary(["outside"]), { minLength: 1, maxLength: 20 }),
  fc
    .array(repArbitrary(), { minLength: 1, maxLength: 20 })
    .map((reps) => reps.map((r) => ({ ...r, baseSalary: 0, ote: 0, annualQuota: 0, quotaAttainment: 0 }))),
  // Every measure 0: zero salaries, zero activity, zero deals.
  fc
    .array(repArbitrary(), { minLength: 1, maxLength: 20 })
    .map((reps) => reps.map((r) => ({ ...r, ...Object.fromEntries(REP_MEASURES.map((m) => [m, 0])) }))),
);

const optionalNumber = (max: number) => fc.option(fc.double({ min: -10, max, noNaN: true }), { nil: null });
const profileArbitrary: fc.Arbitrary<OrgProfile> = fc
  .record({
    annualRevenue: optionalNumber(2_000_000_000),
    typicalDealSize: optionalNumber(300_000),
    salesCycleDays: optionalNumber(400),
    decisionMakers: optionalNumber(10),
    customerEmployees: optionalNumber(50_000),
    currency: fc.constantFrom("USD", "EUR"),
  })
  .map((p) => makeProfile(p));

const headCounts = fc.record({
  inside: fc.nat({ max: 60 }),
  outside: fc.nat({ max: 60 }),
  hybrid: fc.nat({ max: 30 }),
});
const bands = fc.constantFrom<SizeBand>("small", "mid", "large", "unknown");
const models = fc.constantFrom<SalesModel>("transactional", "relationship", "borderline", "unknown");

function shares(metrics: ReturnType<typeof computeTeamMetrics>): Metric[] {
  const list: Metric[] = [metrics.mix.insideShare, metrics.mix.outsideShare, metrics.mix.hybridShare];
  for (const role of Object.values(metrics.byRole)) {
    list.push(role.socialShareOfTouches, role.shareAtOrAboveQuota);
  }
  return list;
}

describe("properties", () => {
  it("every share stays in [0, 1]", () => {
    fc.assert(
      fc.property(fc.oneof(team, edgeTeams), (reps) => {
        const metrics = computeTeamMetrics(reps);
        for (const share of shares(metrics)) {
          if (share.kind === "value") expect(share.value).toBeGreaterThanOrEqual(0);
          if (share.kind === "value") expect(share.value).toBeLessThanOrEqual(1);
        }
        for (const role of Object.values(metrics.byRole)) {
          for (const bucket of role.attainmentDistribution) {
            if (bucket.share !== null) expect(bucket.share).toBeLessThanOrEqual(1);
          }
        }
      }),
      RUNS,
    );
  });

  it("no NaN or Infinity anywhere for empty, one-rep, all-inside, all-outside and zero-salary teams", () => {
    fc.assert(
      fc.property(edgeTeams, profileArbitrary, (reps, profile) => {
        const analysis = analyzeTeam(reps, profile);
        expect(isPlainJson(analysis)).toBe(true);
        const projection = whatIf(analysis.metrics, profile, { outsideToInside: 1, insideToHybrid: 1 });
        expect(isPlainJson(projection)).toBe(true);
      }),
      RUNS,
    );
  });

  it("the metrics from a JSON round trip of the summary equal the metrics from the rows", () => {
    fc.assert(
      fc.property(team, (reps) => {
        const fromSummary = metricsFromSummary(
          parseTeamSummary(JSON.parse(JSON.stringify(summarizeReps(reps)))),
        );
        expect(fromSummary).toEqual(computeTeamMetrics(reps));
      }),
      { numRuns: 100 },
    );
  });

  it("a gap is on par exactly when it is within the stated tolerance", () => {
    fc.assert(
      fc.property(team, profileArbitrary, (reps, profile) => {
        for (const gap of analyzeTeam(reps, profile).gaps) {
          if (gap.relativeDifference === null) continue;
          const within = Math.abs(gap.relativeDifference) <= GAP_TOLERANCE + 1e-12;
          expect(gap.status === "on_par").toBe(within);
        }
      }),
      RUNS,
    );
  });

  it("moving reps toward the target never increases the distance to it, one rep at a time", () => {
    fc.assert(
      fc.property(headCounts, bands, models, (count, band, model) => {
        const range = targetInsideShareRange(band, model);
        const move = movesToTarget(count, range);
        const total = count.inside + count.outside + count.hybrid;
        if (move.direction === "none" || total === 0) return;
        const sign = move.direction === "outside_to_inside" ? 1 : -1;
        let previous = Number.POSITIVE_INFINITY;
        for (let j = 0; j <= move.reps; j += 1) {
          const share = (count.inside + count.hybrid / 2 + sign * j) / total;
          const distance = distanceToRange(share, range);
          expect(distance).toBeLessThanOrEqual(previous + 1e-12);
          previous = distance;
        }
      }),
      RUNS,
    );
  });

  it("moving reps toward the band figure never increases the band gap", () => {
    fc.assert(
      fc.property(
        headCounts,
        fc.constantFrom<SizeBand>("small", "mid", "large"),
        fc.nat({ max: 60 }),
        (count, band, j) => {
          const total = count.inside + count.outside + count.hybrid;
          if (total === 0) return;
          const reps = [
            ...Array.from({ length: count.inside }, () => makeRep("inside")),
            ...Array.from({ length: count.outside }, () => makeRep("outside")),
            ...Array.from({ length: count.hybrid }, () => makeRep("hybrid")),
          ];
          const profile = makeProfile({ annualRevenue: REVENUE_IN[band] });
          const metrics = computeTeamMetrics(reps);
          const before = whatIf(metrics, profile, {}).bandGap.before;
          if (!before || before.absoluteDifference === null) return;
          // The figure is an inside share (small, mid) or an outside share (large).
          const insideBelow =
            band === "large" ? before.absoluteDifference > 0 : before.absoluteDifference < 0;
          // Moves that do not pass the figure: at most the gap in reps, rounded down.
          const room = Math.floor(Math.abs(before.absoluteDifference) * total + 1e-9);
          const moves = Math.min(j, room);
          const shift = insideBelow ? { outsideToInside: moves } : { insideToOutside: moves };
          const after = whatIf(metrics, profile, shift).bandGap.after;
          expect(Math.abs(after?.absoluteDifference ?? Number.NaN)).toBeLessThanOrEqual(
            Math.abs(before.absoluteDifference) + 1e-12,
          );
        },
      ),
      RUNS,
    );
  });

  it("recommended shifts are whole reps, never more than the role has, and never clamped by the what-if", () => {
    fc.assert(
      fc.property(team, profileArbitrary, (reps, profile) => {
        const analysis = analyzeTeam(reps, profile);
        const mix = analysis.recommendations.find((r) => r.mix !== null)?.mix;
        expect(mix).toBeDefined();
        if (!mix) return;
        const { move } = mix;
        const source =
          move.direction === "inside_to_outside"
            ? analysis.metrics.headCount.inside
            : analysis.metrics.headCount.outside;
        for (const count of [move.reps, move.viaHybrid?.reps ?? 0]) {
          expect(Number.isInteger(count)).toBe(true);
          expect(count).toBeGreaterThanOrEqual(0);
          expect(count).toBeLessThanOrEqual(source);
          expect(count).toBeLessThanOrEqual(analysis.metrics.headCount.total);
        }
        if (move.direction === "none") return;
        const shift =
          move.direction === "outside_to_inside"
            ? { outsideToInside: move.reps }
            : { insideToOutside: move.reps };
        const projection = whatIf(analysis.metrics, profile, shift);
        expect(projection.clamped).toBe(false);
        expect(projection.target.distanceAfter ?? 1).toBeLessThanOrEqual(
          projection.target.distanceBefore ?? 0,
        );
      }),
      RUNS,
    );
  });

  it("a what-if keeps the head count and never goes below zero in a role", () => {
    const anyCount = fc.oneof(fc.integer({ min: -5, max: 200 }), fc.double({ noNaN: false }));
    fc.assert(
      fc.property(
        headCounts,
        fc.record({
          outsideToInside: anyCount,
          outsideToHybrid: anyCount,
          insideToOutside: anyCount,
          insideToHybrid: anyCount,
        }),
        (count, shift) => {
          const reps = REP_ROLES.flatMap((role) => Array.from({ length: count[role] }, () => makeRep(role)));
          const result = whatIf(computeTeamMetrics(reps), makeProfile(), shift);
          expect(result.after.headCount.total).toBe(result.before.headCount.total);
          for (const role of REP_ROLES) {
            expect(Number.isInteger(result.after.headCount[role])).toBe(true);
            expect(result.after.headCount[role]).toBeGreaterThanOrEqual(0);
          }
          expect(isPlainJson(result)).toBe(true);
        },
      ),
      RUNS,
    );
  });
});
