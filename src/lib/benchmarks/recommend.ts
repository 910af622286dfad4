/**
 * Ranked recommendations toward a hybrid mix. Each rests on figure, rule or finding ids and states its expected
 * effect as what the article's cohorts show, never as a promise. An org already in its target range gets
 * "keep the mix"; the other items appear only when their own evidence (a gap, a missing input) is there.
 */
import type { OrgProfile } from "@/lib/team/types";
import { sizeBandFor, type SizeBand } from "./bands";
import type { SalesModelClassification } from "./classify";
import { formatMoney, formatPremium, formatShare, plural } from "./format";
import { gapsByFigureId, type Gap } from "./gaps";
import { metricValue, type TeamMetrics } from "./metrics";
import type { FindingId, SourceId } from "./schema";
import { movesToTarget, targetInsideShareRange, type MixMove, type MixTargetRange } from "./target";

export type RecommendationId =
  | "mix.move_toward_target"
  | "mix.keep"
  | "mix.no_team"
  | "pay_quota.alignment"
  | "activity.gaps"
  | "collaboration.inside_closes_small_deals"
  | "structure.next_step"
  | "profile.complete_inputs"
  | "caution.keep_field_team";
export type RecommendationPriority = "high" | "medium" | "low";

export interface MixAdvice {
  range: MixTargetRange;
  currentInsideShare: number | null;
  move: MixMove;
}

export interface Recommendation {
  id: RecommendationId;
  rank: number;
  priority: RecommendationPriority;
  title: string;
  reasoning: string;
  /** Figure, rule or finding ids of the dataset the recommendation rests on. */
  figureIds: SourceId[];
  expectedEffect: string;
  /** Only on the mix items. */
  mix: MixAdvice | null;
}

type Draft = Omit<Recommendation, "rank">;

const BAND_PHRASE: Record<SizeBand, string> = {
  small: "an organization with revenue under $50M",
  mid: "an organization with revenue of $50M–$500M",
  large: "an organization with revenue over $500M",
  unknown: "an organization of unknown size (no revenue set)",
};

const PRIORITY_ORDER: Record<RecommendationPriority, number> = { high: 0, medium: 1, low: 2 };
const COHORT_NOTE =
  "These are differences between groups of companies in 2017–2019 data, not a promised result.";

function mixRecommendation(
  metrics: TeamMetrics,
  band: SizeBand,
  classification: SalesModelClassification,
): Draft {
  const range = targetInsideShareRange(band, classification.model);
  const current = metricValue(metrics.mix.insideShare);
  const move = movesToTarget(metrics.headCount, range);
  const rangeText = `${formatShare(range.low)}–${formatShare(range.high)} inside`;
  const context = `for ${BAND_PHRASE[band]} with a ${classification.model} sales model (confidence ${classification.confidence})`;
  const mix: MixAdvice = { range, currentInsideShare: current, move };
  if (current === null) {
    return {
      id: "mix.no_team",
      priority: "high",
      title: "Add your team to get a mix target",
      reasoning: `No reps are in this snapshot. The target would be ${rangeText} ${context}.`,
      figureIds: range.figureIds,
      expectedEffect: "None until a team is uploaded.",
      mix,
    };
  }
  const hybridReps = move.viaHybrid?.reps ?? 0;
  if (move.direction === "none" || (move.reps === 0 && hybridReps === 0)) {
    const where =
      move.direction === "none"
        ? `within the target of ${rangeText} ${context}`
        : `as close to the target of ${rangeText} ${context} as whole reps allow`;
    return {
      id: "mix.keep",
      priority: "low",
      title: "Keep the mix",
      reasoning: `Your inside share is ${formatShare(current)}, ${where}. ${range.rationale}`,
      figureIds: range.figureIds,
      expectedEffect:
        "No change to the mix is suggested; the other items, if any, are about how the roles work together.",
      mix,
    };
  }
  const toInside = move.direction === "outside_to_inside";
  const from = toInside ? "outside" : "inside";
  const to = toInside ? "inside sales" : "field (outside) sales";
  const hybridShort = move.viaHybrid?.reachesTarget ? "" : ", which falls short of the range";
  const title =
    move.reps > 0
      ? `Move ${plural(move.reps, `${from} rep`, `${from} reps`)} to ${to}` +
        (hybridReps > 0 ? ` (or convert ${plural(hybridReps, "rep", "reps")} to hybrid${hybridShort})` : "")
      : `Convert ${plural(hybridReps, `${from} rep`, `${from} reps`)} to hybrid`;
  const moved =
    move.reps > 0
      ? move
      : {
          reps: hybridReps,
          insideShareAfter: move.viaHybrid?.insideShareAfter ?? null,
          reachesTarget: move.viaHybrid?.reachesTarget ?? false,
        };
  const after = moved.insideShareAfter === null ? "" : ` to ${formatShare(moved.insideShareAfter)}`;
  const shortfall = moved.reachesTarget ? "" : " That is as close as whole moves of the available reps get.";
  return {
    id: "mix.move_toward_target",
    priority: "high",
    title,
    reasoning: `Your inside share is ${formatShare(current)}; the target is ${rangeText} ${context}. ${range.rationale} ${move.reps > 0 ? "Moving" : "Converting"} ${plural(moved.reps, "rep", "reps")} brings it${after}.${shortfall} Do it through hiring and role changes over time, not by replacing people.`,
    figureIds: toInside
      ? [
          ...range.figureIds,
          "activity.calls_premium",
          "quota.inside_attainment_premium",
          "pay.outside_ote_premium",
          "deal.outside_size_premium",
        ]
      : [
          ...range.figureIds,
          "deal.outside_size_premium",
          "model.transactional.deal_max",
          "pay.outside_base_premium",
        ],
    expectedEffect: toInside
      ? `In the article, mostly-inside organizations made 42.5% more calls and had 9.8% higher quota attainment than mostly-outside ones, while OTE at mostly-outside companies was only 9.2% higher; outside teams' deals were 130.2% larger, a reminder that inside reps usually sell the smaller deals. ${COHORT_NOTE}`
      : `In the article, outside teams' deals were 130.2% larger than inside teams', and the relationship model (deals over $35,000, cycles of 90 days or more, 4+ decision makers) benefits from outside sellers; mostly-outside companies paid 36% higher base and 9.2% higher OTE. ${COHORT_NOTE}`,
    mix,
  };
}

function describeGap(gap: Gap, what: string): string {
  const org = gap.orgValue ?? 0;
  return gap.kind === "cohort_ratio"
    ? `${what}: yours ${formatPremium(org)}, the article's cohorts ${gap.benchmark.display}`
    : `${what}: yours ${formatShare(org)}, the article ${gap.benchmark.display}`;
}

function payQuotaRecommendation(gaps: Partial<Record<string, Gap>>): Draft | null {
  const findings: string[] = [];
  const figureIds: SourceId[] = [];
  const ote = gaps["pay.outside_ote_premium"];
  if (ote?.assessment === "bad") {
    findings.push(
      `${describeGap(ote, "outside OTE over inside OTE")}: inside reps earn less than the pattern, a retention risk`,
    );
    figureIds.push("pay.outside_ote_premium");
  }
  for (const id of ["pay.inside_am.base", "pay.inside_am.ote"] as const) {
    const gap = gaps[id];
    if (gap?.assessment === "bad" && gap.orgValue !== null) {
      findings.push(
        `${gap.label}: your inside reps average ${formatMoney(gap.orgValue, "USD")} vs ${gap.benchmark.display}, below market`,
      );
      figureIds.push(id);
    }
  }
  const quota = gaps["quota.outside_quota_premium"];
  if (quota && (quota.status === "above" || quota.status === "below")) {
    findings.push(
      `${describeGap(quota, "outside quota over inside quota")}: check that quotas follow the deal sizes each role sells`,
    );
    figureIds.push("quota.outside_quota_premium");
  }
  const hitRate = gaps["quota.hit_rate"];
  if (hitRate?.assessment === "bad") {
    findings.push(
      `${describeGap(hitRate, "reps at or above quota")}: quotas may be set above what the team can reach`,
    );
    figureIds.push("quota.hit_rate");
  }
  if (findings.length === 0) return null;
  return {
    id: "pay_quota.alignment",
    priority: "medium",
    title: "Align pay and quota across inside and outside roles",
    reasoning: `${findings.join("; ")}.`,
    figureIds,
    expectedEffect: `In the article, OTE at mostly-outside companies was only 9.2% higher, outside quotas 29.6% higher, and 60.9% of reps reached quota in a year. ${COHORT_NOTE}`,
    mix: null,
  };
}

function activityRecommendation(gaps: Partial<Record<string, Gap>>): Draft | null {
  const findings: string[] = [];
  const figureIds: SourceId[] = [];
  const premiums = [
    ["activity.calls_premium", "inside calls over outside calls"],
    ["activity.voicemails_premium", "inside voicemails over outside voicemails"],
    ["activity.emails_premium", "inside emails over outside emails"],
  ] as const;
  for (const [id, what] of premiums) {
    const gap = gaps[id];
    if (gap?.status === "below") {
      findings.push(describeGap(gap, what));
      figureIds.push(id);
    }
  }
  for (const id of ["activity.social_share.inside", "activity.social_share.outside"] as const) {
    const gap = gaps[id];
    if (gap?.status === "below") {
      findings.push(
        describeGap(
          gap,
          id.endsWith("inside")
            ? "inside reps' social share of touches"
            : "outside reps' social share of touches",
        ),
      );
      figureIds.push(id);
    }
  }
  if (findings.length === 0) return null;
  return {
    id: "activity.gaps",
    priority: "medium",
    title: "Close the activity gaps: calls and social touches",
    reasoning: `${findings.join("; ")}. Buyers are increasingly digital; social touches are a growing share of how inside-led teams reach them.`,
    figureIds: [...figureIds, "finding.digital_buyers"],
    expectedEffect: `In the article, mostly-inside organizations made 42.5% more calls, left 10.2% more voicemails, sent 8.8% more emails, and 18.1% of their touches were social (12.1% at mostly-outside ones). ${COHORT_NOTE}`,
    mix: null,
  };
}

function collaborationRecommendation(
  metrics: TeamMetrics,
  classification: SalesModelClassification,
  gaps: Partial<Record<string, Gap>>,
): Draft | null {
  const { inside, outside, hybrid, total } = metrics.headCount;
  if (total === 0 || classification.model === "transactional") return null;
  const deal = gaps["deal.outside_size_premium"];
  const dealText =
    deal?.orgValue != null
      ? ` Your outside reps' deals are ${formatPremium(deal.orgValue)} larger than your inside reps' (the article's teams: +130.2%).`
      : "";
  const hasInside = inside + hybrid > 0;
  const hasField = outside + hybrid > 0;
  const who = !hasInside
    ? "Once you have inside reps, let them"
    : !hasField
      ? "As you add field reps, let your inside reps keep closing"
      : "Let your inside reps";
  const verb = hasInside && !hasField ? "" : " close";
  return {
    id: "collaboration.inside_closes_small_deals",
    priority: "medium",
    title: "Let inside reps close the smaller deals and support outside reps on strategic accounts",
    reasoning: `${who}${verb} deals under the $35,000 transactional line on their own and support field reps on key strategic accounts, so field time goes to the relationship deals.${dealText}`,
    figureIds: [
      "finding.collaboration",
      "deal.outside_size_premium",
      "model.transactional.deal_max",
      "remote.outside_time_share",
      "finding.roles_blur",
    ],
    expectedEffect:
      "The article reports that companies commonly work this way; outside reps already sell remotely 45.4% of the time, so the roles overlap. No figure measures the effect of this practice.",
    mix: null,
  };
}

const STRUCTURE_STEPS: Record<Exclude<SizeBand, "unknown">, { finding: FindingId; text: string }> = {
  small: {
    finding: "finding.structure.stage2_account_split_inside_se",
    text: "split account roles for better customer support and build inside sales and sales-engineering teams",
  },
  mid: {
    finding: "finding.structure.stage3_inbound_and_renewals",
    text: "add an inbound function working with marketing and a renewals function supporting account management",
  },
  large: {
    finding: "finding.structure.stage4_channel",
    text: "add channel programs, which the article puts last in the progression",
  },
};

const FIRST_STRUCTURE_STEP = {
  finding: "finding.structure.stage1_outside_and_bizdev",
  text: "build outside sales with a business development team, where the article's progression starts",
} as const;

function structureRecommendation(
  metrics: TeamMetrics,
  band: SizeBand,
  classification: SalesModelClassification,
): Draft | null {
  if (band === "unknown" || metrics.headCount.total === 0) return null;
  const hasInside = metrics.headCount.inside + metrics.headCount.hybrid > 0;
  const hasField = metrics.headCount.outside + metrics.headCount.hybrid > 0;
  // The progression assumes the earlier stages exist: a team without field or inside reps starts there.
  const step =
    !hasField && classification.model !== "transactional"
      ? FIRST_STRUCTURE_STEP
      : !hasInside && band !== "small"
        ? STRUCTURE_STEPS.small
        : STRUCTURE_STEPS[band];
  const transactionalNote =
    classification.model === "transactional"
      ? " The article describes this progression for relationship-model companies (deals over $32,000); a transactional team may not need every step."
      : "";
  return {
    id: "structure.next_step",
    priority: "low",
    title: `Next org-structure step: ${step.text}`,
    reasoning: `The article's progression for a growing relationship-model company: outside sales and business development first; then account roles split, with inside sales and sales engineering; then inbound with marketing plus renewals; channel programs last. For ${BAND_PHRASE[band]}${hasInside ? "" : " with no inside reps yet"}${hasField ? "" : " with no field reps yet"}, the next step is to ${step.text}.${transactionalNote}`,
    figureIds: [
      "finding.structure.stage1_outside_and_bizdev",
      step.finding,
      "model.relationship.deal_min_structure",
    ],
    expectedEffect: "A pattern the article saw in how sales organizations grow, not a measured effect.",
    mix: null,
  };
}

function profileRecommendation(band: SizeBand, classification: SalesModelClassification): Draft | null {
  const missing: string[] = classification.evidence
    .filter((e) => e.source === "missing")
    .map((e) => e.label.toLowerCase());
  if (band === "unknown") missing.unshift("annual revenue (for the size band)");
  if (missing.length === 0) return null;
  const weak =
    classification.model === "unknown" ||
    classification.confidence === "low" ||
    classification.confidence === "none";
  return {
    id: "profile.complete_inputs",
    priority: weak ? "high" : "low",
    title: "Complete the org profile",
    reasoning: `Missing: ${missing.join(", ")}. Without ${missing.length === 1 ? "it" : "them"} the size band or sales model is less certain (classification confidence: ${classification.confidence}), and nothing is assumed in ${missing.length === 1 ? "its" : "their"} place.`,
    figureIds: [
      "model.transactional.deal_max",
      "model.cycle_days",
      "model.decision_makers",
      "model.customer_employees",
    ],
    expectedEffect: "Sharper band comparisons and a firmer sales-model classification.",
    mix: null,
  };
}

const CAUTION: Draft = {
  id: "caution.keep_field_team",
  priority: "low",
  title: "Do not replace a whole field team on these numbers",
  reasoning:
    "The author warns that the activity and quota gaps come from particular selling environments. The customer decides how they want to buy; change the mix step by step and watch your own results.",
  figureIds: [
    "finding.caution",
    "finding.customer_decides",
    "activity.calls_premium",
    "quota.inside_attainment_premium",
  ],
  expectedEffect: "None by itself: it is the author's caution on every number above.",
  mix: null,
};

export function recommend(
  metrics: TeamMetrics,
  profile: OrgProfile,
  classification: SalesModelClassification,
  gaps: readonly Gap[],
): Recommendation[] {
  const band = sizeBandFor(profile.annualRevenue);
  const byId = gapsByFigureId(gaps);
  const drafts = [
    mixRecommendation(metrics, band, classification),
    profileRecommendation(band, classification),
    payQuotaRecommendation(byId),
    activityRecommendation(byId),
    collaborationRecommendation(metrics, classification, byId),
    structureRecommendation(metrics, band, classification),
  ].filter((d): d is Draft => d !== null);
  // Stable sort by priority keeps the order above within a priority; the caution always comes last.
  drafts.sort((a, b) => PRIORITY_ORDER[a.priority] - PRIORITY_ORDER[b.priority]);
  return [...drafts, CAUTION].map((draft, index) => ({
    id: draft.id,
    rank: index + 1,
    priority: draft.priority,
    title: draft.title,
    reasoning: draft.reasoning,
    figureIds: [...new Set(draft.figureIds)],
    expectedEffect: draft.expectedEffect,
    mix: draft.mix,
  }));
}
