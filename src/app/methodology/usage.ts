/**
 * What the methodology page says about how each figure is used, read from the engine itself (gaps for an empty
 * team in every band, the target ranges, the classification criteria) so the page cannot drift from the code.
 * Only the what-if fallbacks, which the engine keeps private, are described by hand.
 */
import {
  classifySalesModel,
  computeGaps,
  emptyTeamSummary,
  metricsFromSummary,
  targetInsideShareRange,
  type BenchmarkBasis,
  type FigureId,
  type GapKind,
  type RuleId,
  type SalesModel,
  type SizeBand,
  type SourceId,
} from "@/lib/benchmarks";
import type { OrgProfile } from "@/lib/team/types";

export const BANDS: readonly SizeBand[] = ["small", "mid", "large", "unknown"];
export const MODELS: readonly SalesModel[] = ["transactional", "relationship", "borderline", "unknown"];

export const BAND_NAMES: Record<SizeBand, string> = {
  small: "under $50M",
  mid: "$50M–$500M",
  large: "over $500M",
  unknown: "unknown size",
};

/** A revenue inside each band, to ask the engine which comparisons that band gets. */
const REVENUE_IN_BAND: Record<SizeBand, number | null> = {
  small: 20_000_000,
  mid: 100_000_000,
  large: 1_000_000_000,
  unknown: null,
};

function profileFor(band: SizeBand): OrgProfile {
  return {
    annualRevenue: REVENUE_IN_BAND[band],
    employeeCount: null,
    currency: "USD",
    typicalDealSize: null,
    salesCycleDays: null,
    decisionMakers: null,
    customerEmployees: null,
  };
}

export interface Comparison {
  kind: GapKind;
  basis: BenchmarkBasis;
  bands: SizeBand[];
  /** How the org's side is computed, as the engine describes it. */
  yourValue: string;
  /** Which direction is good or bad for the org. */
  direction: string;
  /** Set when the figure stands in for a band without one of its own. */
  fallbackLabel: string | null;
}

const emptyMetrics = metricsFromSummary(emptyTeamSummary());

function collectComparisons(): Map<FigureId, Comparison[]> {
  const byFigure = new Map<FigureId, Comparison[]>();
  for (const band of BANDS) {
    for (const gap of computeGaps(emptyMetrics, profileFor(band))) {
      const list = byFigure.get(gap.figureId) ?? [];
      const same = list.find(
        (c) => c.basis === gap.basis && c.kind === gap.kind && c.yourValue === gap.orgDescription,
      );
      if (same) same.bands.push(band);
      else
        list.push({
          kind: gap.kind,
          basis: gap.basis,
          bands: [band],
          yourValue: gap.orgDescription,
          direction: gap.assessmentReason,
          fallbackLabel: gap.benchmark.isFallback ? gap.benchmark.label : null,
        });
      byFigure.set(gap.figureId, list);
    }
  }
  return byFigure;
}

export const COMPARISONS: ReadonlyMap<FigureId, Comparison[]> = collectComparisons();

export interface TargetUse {
  band: SizeBand;
  model: SalesModel;
  low: number;
  high: number;
  anchorFigureId: FigureId;
  anchorLabel: string;
  figureIds: SourceId[];
  rationale: string;
}

export const TARGET_RANGES: readonly TargetUse[] = BANDS.flatMap((band) =>
  MODELS.map((model) => {
    const range = targetInsideShareRange(band, model);
    return {
      band,
      model,
      low: range.low,
      high: range.high,
      anchorFigureId: range.anchor.figureId,
      anchorLabel: range.anchor.label,
      figureIds: range.figureIds,
      rationale: range.rationale,
    };
  }),
);

/** Target-range uses of a source id, in words. */
export function targetUsesOf(id: SourceId): string[] {
  const anchorBands = BANDS.filter((band) =>
    TARGET_RANGES.some((t) => t.band === band && t.anchorFigureId === id),
  );
  const citedModels = MODELS.filter((model) =>
    TARGET_RANGES.some((t) => t.model === model && t.anchorFigureId !== id && t.figureIds.includes(id)),
  );
  const uses: string[] = [];
  if (anchorBands.length) {
    uses.push(
      `Anchor of the target inside-share range for ${anchorBands.map((b) => BAND_NAMES[b]).join(", ")} (the low end is the anchor × 0.9).`,
    );
  }
  if (citedModels.length) {
    uses.push(`Cited by the target inside-share range for the ${citedModels.join(", ")} model.`);
  }
  return uses;
}

export interface CriterionUse {
  label: string;
  threshold: string;
}

/** Which classification criterion each rule decides, from the classifier's own evidence list. */
export const RULE_CRITERIA: ReadonlyMap<RuleId, CriterionUse[]> = (() => {
  const map = new Map<RuleId, CriterionUse[]>();
  for (const e of classifySalesModel(profileFor("unknown"), emptyMetrics).evidence) {
    for (const id of e.ruleIds) {
      map.set(id, [...(map.get(id) ?? []), { label: e.label, threshold: e.threshold }]);
    }
  }
  return map;
})();

const PAY_FALLBACK =
  "What-if pay cost: the rate for a role when fewer than 3 of your reps in it have the value (US dollars only; labelled as the article's figure).";
const PROJECTION =
  "What-if projection: a moved rep's value becomes their old role's average × level(new role) ÷ level(old role), with level = 1 + premium × how inside the role is (inside 1, hybrid ½, outside 0).";
const PROJECTION_OUTSIDE =
  "What-if projection: as for activity, with level = 1 + premium × how outside the role is (outside 1, hybrid ½, inside 0).";

/** Uses the engine keeps private (what-if fallbacks and projections). */
export const OTHER_USES: Partial<Record<FigureId, string[]>> = {
  "pay.inside_am.base": [PAY_FALLBACK],
  "pay.inside_am.ote": [PAY_FALLBACK],
  "pay.outside_base.estimate": [`${PAY_FALLBACK} Labelled an estimate. Never compared with your team.`],
  "pay.outside_ote.estimate": [`${PAY_FALLBACK} Labelled an estimate. Never compared with your team.`],
  "activity.calls_premium": [PROJECTION],
  "activity.voicemails_premium": [PROJECTION],
  "activity.emails_premium": [PROJECTION],
  "quota.inside_attainment_premium": [PROJECTION],
  "quota.outside_quota_premium": [PROJECTION_OUTSIDE],
  "deal.outside_size_premium": [
    "Cited by the recommendation that inside reps close deals under $35,000 on their own.",
  ],
};
