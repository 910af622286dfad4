/**
 * Gaps between a team and the article's figures. Two kinds:
 * - level: the org's value against a figure (47% inside for small orgs, 60.9% reaching quota, $42,833 base);
 * - cohort_ratio: the org's own inside/outside ratio against a cohort premium (+42.5% calls, +29.6% quota).
 * Status tolerance: on par within ±GAP_TOLERANCE of the figure, relative (for premiums, of the figure's ratio).
 */
import type { OrgProfile, RepMeasure } from "@/lib/team/types";
import { sizeBandFor, SIZE_BANDS, type SizeBand } from "./bands";
import { figure, VINTAGE_LABEL } from "./dataset";
import {
  MEASURE_LABELS,
  type Metric,
  type RoleMetrics,
  type RoleScope,
  type TeamMetrics,
  type TeamMix,
} from "./metrics";
import type { FigureId } from "./schema";

/** On par when within ±10% of the figure (relative); for premiums, of the ratio 1 + premium. */
export const GAP_TOLERANCE = 0.1;

export type GapKind = "level" | "cohort_ratio";
export type GapStatus = "above" | "on_par" | "below" | "insufficient" | "not_comparable";
export type GapAssessment = "good" | "bad" | "neutral";
/** band: the band's own figure; band_fallback: a labelled stand-in for a band without one; band_free: any org. */
export type BenchmarkBasis = "band" | "band_fallback" | "band_free";
type Direction = "higher_is_better" | "below_is_bad" | "above_is_bad" | "neutral";

export interface GapBenchmark {
  value: number;
  display: string;
  isEstimate: boolean;
  isFallback: boolean;
  /** Says what the benchmark is when it is a fallback or an estimate; null otherwise. */
  label: string | null;
}

export interface Gap {
  figureId: FigureId;
  kind: GapKind;
  label: string;
  basis: BenchmarkBasis;
  benchmark: GapBenchmark;
  /** Same unit as the figure: a share or money for levels, a premium (0.2 = +20%) for cohort ratios. */
  orgValue: number | null;
  orgDescription: string;
  /** Reps behind the org value (for ratios, the smaller side). */
  orgReps: number | null;
  /** orgValue − benchmark, in the figure's unit (premium points for cohort ratios). */
  absoluteDifference: number | null;
  /** Levels: orgValue / benchmark − 1. Cohort ratios: (1 + orgValue) / (1 + benchmark) − 1. */
  relativeDifference: number | null;
  status: GapStatus;
  tolerance: number;
  assessment: GapAssessment | null;
  assessmentReason: string;
  insufficient: { scope: RoleScope; needed: number; have: number } | null;
  notComparableReason: string | null;
  caveat: string;
  vintageLabel: string;
}

interface OrgSide {
  value: number;
  reps: number;
}
type OrgRead = { ok: true; side: OrgSide } | { ok: false; gapFields: Partial<Gap> & { status: GapStatus } };

function statusFor(relative: number): "above" | "on_par" | "below" {
  if (Math.abs(relative) <= GAP_TOLERANCE + 1e-12) return "on_par";
  return relative > 0 ? "above" : "below";
}

function assessmentFor(direction: Direction, status: "above" | "on_par" | "below"): GapAssessment {
  if (direction === "higher_is_better")
    return status === "above" ? "good" : status === "below" ? "bad" : "neutral";
  if (direction === "below_is_bad") return status === "below" ? "bad" : "neutral";
  if (direction === "above_is_bad") return status === "above" ? "bad" : "neutral";
  return "neutral";
}

const ASSESSMENT_REASONS: Record<Direction, string> = {
  higher_is_better: "Higher is better for the org here; on par is neither good nor bad.",
  below_is_bad:
    "Below the figure is a risk for the org (e.g. below-market pay makes reps easier to hire away).",
  above_is_bad: "A gap wider than the article's cohorts is a risk for the org; narrower or on par is not.",
  neutral: "Neither direction is good or bad in itself: this describes how the team is set up.",
};

function benchmarkOf(id: FigureId, basis: BenchmarkBasis, fallbackLabel: string | null): GapBenchmark {
  const f = figure(id);
  const isEstimate = f.status === "derived_estimate";
  return {
    value: f.value,
    display: f.display,
    isEstimate,
    isFallback: basis === "band_fallback",
    label: fallbackLabel ?? (isEstimate ? `Estimate: ${f.derivation ?? f.meaning}` : null),
  };
}

function readMetric(metric: Metric, scope: RoleScope): OrgRead {
  if (metric.kind === "value") return { ok: true, side: { value: metric.value, reps: metric.reps } };
  return {
    ok: false,
    gapFields: { status: "insufficient", insufficient: { scope, needed: metric.needed, have: metric.have } },
  };
}

function buildGap(
  id: FigureId,
  kind: GapKind,
  basis: BenchmarkBasis,
  direction: Direction,
  orgDescription: string,
  read: OrgRead,
  fallbackLabel: string | null = null,
): Gap {
  const f = figure(id);
  if (!f.scorable) throw new Error(`${id} is not scorable`);
  const benchmark = benchmarkOf(id, basis, fallbackLabel);
  const gap: Gap = {
    figureId: id,
    kind,
    label: f.label,
    basis,
    benchmark,
    orgValue: null,
    orgDescription,
    orgReps: null,
    absoluteDifference: null,
    relativeDifference: null,
    status: "insufficient",
    tolerance: GAP_TOLERANCE,
    assessment: null,
    assessmentReason: ASSESSMENT_REASONS[direction],
    insufficient: null,
    notComparableReason: null,
    caveat: f.caveat,
    vintageLabel: VINTAGE_LABEL,
  };
  // `gap` is a fresh object: fill it in place (object spread is slow in hot paths on V8).
  if (!read.ok) return Object.assign(gap, read.gapFields);
  const { value, reps } = read.side;
  const relative = kind === "level" ? value / f.value - 1 : (1 + value) / (1 + f.value) - 1;
  if (!Number.isFinite(value) || !Number.isFinite(relative)) {
    // e.g. a ratio over a near-zero average: too extreme to state as a number.
    gap.status = "not_comparable";
    gap.notComparableReason = "The org's value is too extreme to compare.";
    return gap;
  }
  gap.status = statusFor(relative);
  gap.orgValue = value;
  gap.orgReps = reps;
  gap.absoluteDifference = value - f.value;
  gap.relativeDifference = relative;
  gap.assessment = assessmentFor(direction, gap.status);
  return gap;
}

/** The band's mix comparison: its own figure for small and large, the labelled US fallback for mid. */
export function bandMixGap(mix: TeamMix, band: SizeBand): Gap | null {
  const info = SIZE_BANDS[band];
  if (band === "large" && info.figureId) {
    return buildGap(
      info.figureId,
      "level",
      "band",
      "neutral",
      "(outside + ½ hybrid) ÷ all reps",
      readMetric(mix.outsideShare, "all"),
    );
  }
  if (info.figureId) {
    return buildGap(
      info.figureId,
      "level",
      "band",
      "neutral",
      "(inside + ½ hybrid) ÷ all reps",
      readMetric(mix.insideShare, "all"),
    );
  }
  if (info.fallbackFigureId) {
    return buildGap(
      info.fallbackFigureId,
      "level",
      "band_fallback",
      "neutral",
      "(inside + ½ hybrid) ÷ all reps",
      readMetric(mix.insideShare, "all"),
      "Fallback: the source has no figure for $50M–$500M revenue; this is the US overall inside share (45.5%), not a band figure.",
    );
  }
  return null;
}

interface LevelSpec {
  id: FigureId;
  scope: RoleScope;
  read: (role: RoleMetrics) => Metric;
  direction: Direction;
  orgDescription: string;
  inUsd: boolean;
}

const LEVEL_SPECS: readonly LevelSpec[] = [
  {
    id: "quota.hit_rate",
    scope: "all",
    read: (r) => r.shareAtOrAboveQuota,
    direction: "higher_is_better",
    orgDescription: "reps at or above 100% attainment ÷ reps with an attainment",
    inUsd: false,
  },
  {
    id: "pay.inside_am.base",
    scope: "inside",
    read: (r) => r.averages.baseSalary,
    direction: "below_is_bad",
    orgDescription: "inside reps' average base salary",
    inUsd: true,
  },
  {
    id: "pay.inside_am.ote",
    scope: "inside",
    read: (r) => r.averages.ote,
    direction: "below_is_bad",
    orgDescription: "inside reps' average OTE",
    inUsd: true,
  },
  {
    id: "remote.outside_time_share",
    scope: "outside",
    read: (r) => r.averages.remoteSellingPct,
    direction: "neutral",
    orgDescription: "outside reps' average share of selling time done remotely",
    inUsd: false,
  },
  {
    id: "activity.social_share.inside",
    scope: "inside",
    read: (r) => r.socialShareOfTouches,
    direction: "higher_is_better",
    orgDescription: "inside reps' social touches ÷ all their touches",
    inUsd: false,
  },
  {
    id: "activity.social_share.outside",
    scope: "outside",
    read: (r) => r.socialShareOfTouches,
    direction: "higher_is_better",
    orgDescription: "outside reps' social touches ÷ all their touches",
    inUsd: false,
  },
];

interface PremiumSpec {
  id: FigureId;
  measure: RepMeasure;
  direction: Direction;
}

/** Premium figures and the rep measure whose inside/outside averages they are compared with. */
export const PREMIUM_SPECS: readonly PremiumSpec[] = [
  { id: "pay.outside_base_premium", measure: "baseSalary", direction: "neutral" },
  // A wider OTE gap than the cohorts' 9.2% means inside reps earn less than the pattern: a retention risk.
  { id: "pay.outside_ote_premium", measure: "ote", direction: "above_is_bad" },
  { id: "quota.outside_quota_premium", measure: "annualQuota", direction: "neutral" },
  { id: "quota.inside_attainment_premium", measure: "quotaAttainment", direction: "neutral" },
  { id: "activity.calls_premium", measure: "calls", direction: "neutral" },
  { id: "activity.voicemails_premium", measure: "voicemails", direction: "neutral" },
  { id: "activity.emails_premium", measure: "emails", direction: "neutral" },
  { id: "deal.outside_size_premium", measure: "avgDealSize", direction: "neutral" },
];

function readPremium(metrics: TeamMetrics, measure: RepMeasure, higherSide: "inside" | "outside"): OrgRead {
  const lowerSide = higherSide === "inside" ? "outside" : "inside";
  const higher = readMetric(metrics.byRole[higherSide].averages[measure], higherSide);
  if (!higher.ok) return higher;
  const lower = readMetric(metrics.byRole[lowerSide].averages[measure], lowerSide);
  if (!lower.ok) return lower;
  if (lower.side.value <= 0) {
    return {
      ok: false,
      gapFields: {
        status: "not_comparable",
        notComparableReason: `Your ${lowerSide} reps' average is 0, so there is no ratio to compare.`,
      },
    };
  }
  return {
    ok: true,
    side: {
      value: higher.side.value / lower.side.value - 1,
      reps: Math.min(higher.side.reps, lower.side.reps),
    },
  };
}

function isUsd(profile: OrgProfile): boolean {
  return profile.currency.trim().toUpperCase() === "USD";
}

/** Every comparable figure, in a stable order: mix, quota, pay, remote, activity, deal size. */
export function computeGaps(metrics: TeamMetrics, profile: OrgProfile): Gap[] {
  const band = sizeBandFor(profile.annualRevenue);
  const gaps: Gap[] = [];
  const bandGap = bandMixGap(metrics.mix, band);
  if (bandGap) gaps.push(bandGap);
  // The US overall split is band-free; for the mid band it already appears above as the labelled fallback.
  if (band !== "mid") {
    const read = readMetric(metrics.mix.insideShare, "all");
    gaps.push(
      buildGap(
        "mix.inside_share.us",
        "level",
        "band_free",
        "neutral",
        "(inside + ½ hybrid) ÷ all reps",
        read,
      ),
    );
  }
  for (const spec of LEVEL_SPECS) {
    const read: OrgRead =
      spec.inUsd && !isUsd(profile)
        ? {
            ok: false,
            gapFields: {
              status: "not_comparable",
              notComparableReason: `The figure is in US dollars and the org's currency is ${profile.currency}; no conversion is made.`,
            },
          }
        : readMetric(spec.read(metrics.byRole[spec.scope]), spec.scope);
    gaps.push(buildGap(spec.id, "level", "band_free", spec.direction, spec.orgDescription, read));
  }
  for (const spec of PREMIUM_SPECS) {
    const f = figure(spec.id);
    const higherSide = f.cohort.higherSide ?? "outside";
    const lowerSide = higherSide === "inside" ? "outside" : "inside";
    const description = `${higherSide} reps' average ${MEASURE_LABELS[spec.measure]} ÷ ${lowerSide} reps' average − 1`;
    gaps.push(
      buildGap(
        spec.id,
        "cohort_ratio",
        "band_free",
        spec.direction,
        description,
        readPremium(metrics, spec.measure, higherSide),
      ),
    );
  }
  return gaps;
}

export function gapsByFigureId(gaps: readonly Gap[]): Partial<Record<FigureId, Gap>> {
  const byId: Partial<Record<FigureId, Gap>> = {};
  for (const gap of gaps) byId[gap.figureId] = gap;
  return byId;
}
