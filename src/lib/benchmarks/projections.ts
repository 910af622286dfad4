/**
 * The what-if's projections. Pay cost: each moved rep takes on the average pay of the role they move to, from
 * the org's own per-role averages, else the article's figures (US dollars only), each rate labelled.
 * Activity and attainment: the article's cohort premium applied to the org's own average of the source role,
 * with hybrid reps halfway (a level of 1 + premium × insideness, insideness 1 inside, ½ hybrid, 0 outside).
 */
import type { OrgProfile, RepMeasure, RepRole } from "@/lib/team/types";
import { figure } from "./dataset";
import { HYBRID_INSIDE_WEIGHT, metricValue, type TeamMetrics } from "./metrics";
import type { FigureId } from "./schema";

export type PayMeasure = "baseSalary" | "ote";
export type PayRateSource =
  "org_average" | "article_figure" | "article_estimate" | "midpoint_of_roles" | "missing";

export interface PayRate {
  value: number | null;
  source: PayRateSource;
  figureIds: FigureId[];
  label: string;
}

export interface PayCostLine {
  measure: PayMeasure;
  rates: Record<RepRole, PayRate>;
  /** Yearly change for the whole shift; null when a rate it needs is missing. */
  totalDelta: number | null;
  usesArticleFallback: boolean;
}

export interface PayCostProjection {
  currency: string;
  baseSalary: PayCostLine;
  ote: PayCostLine;
  label: string;
}

export type ProjectedMeasure = "calls" | "voicemails" | "emails" | "quotaAttainment" | "annualQuota";

export interface PremiumProjection {
  measure: ProjectedMeasure;
  figureId: FigureId;
  status: "projected" | "no_change" | "insufficient";
  teamAverageBefore: number | null;
  teamAverageAfter: number | null;
  relativeChange: number | null;
  label: string;
}

interface Move {
  from: RepRole;
  to: RepRole;
  reps: number;
}

const ARTICLE_PAY: Record<PayMeasure, { inside: FigureId; outside: FigureId }> = {
  baseSalary: { inside: "pay.inside_am.base", outside: "pay.outside_base.estimate" },
  ote: { inside: "pay.inside_am.ote", outside: "pay.outside_ote.estimate" },
};

function rateFor(
  metrics: TeamMetrics,
  role: "inside" | "outside",
  measure: PayMeasure,
  usd: boolean,
): PayRate {
  const own = metrics.byRole[role].averages[measure];
  if (own.kind === "value") {
    return {
      value: own.value,
      source: "org_average",
      figureIds: [],
      label: `Your ${role} reps' average (${own.reps} reps)`,
    };
  }
  const id = ARTICLE_PAY[measure][role];
  const f = figure(id);
  if (!usd) {
    return {
      value: null,
      source: "missing",
      figureIds: [id],
      label: `Too few ${role} reps with pay, and the article's figure is in US dollars`,
    };
  }
  const estimate = f.status === "derived_estimate";
  return {
    value: f.value,
    source: estimate ? "article_estimate" : "article_figure",
    figureIds: [id, ...f.derivedFrom],
    label: estimate
      ? `Article-based estimate (${f.derivation ?? f.display}): too few of your ${role} reps have pay`
      : `Article figure ${f.display}: too few of your ${role} reps have pay`,
  };
}

function payLine(
  metrics: TeamMetrics,
  measure: PayMeasure,
  usd: boolean,
  moves: readonly Move[],
): PayCostLine {
  const inside = rateFor(metrics, "inside", measure, usd);
  const outside = rateFor(metrics, "outside", measure, usd);
  const ownHybrid = metrics.byRole.hybrid.averages[measure];
  let hybrid: PayRate;
  if (ownHybrid.kind === "value") {
    hybrid = {
      value: ownHybrid.value,
      source: "org_average",
      figureIds: [],
      label: `Your hybrid reps' average (${ownHybrid.reps} reps)`,
    };
  } else if (inside.value !== null && outside.value !== null) {
    hybrid = {
      value: (inside.value + outside.value) / 2,
      source: "midpoint_of_roles",
      figureIds: [...inside.figureIds, ...outside.figureIds],
      label: "Assumed halfway between the inside and outside rates: too few hybrid reps have pay",
    };
  } else {
    hybrid = {
      value: null,
      source: "missing",
      figureIds: [],
      label: "No hybrid rate: too few hybrid reps have pay",
    };
  }
  const rates: Record<RepRole, PayRate> = { inside, outside, hybrid };
  let totalDelta: number | null = 0;
  for (const move of moves) {
    const to = rates[move.to].value;
    const from = rates[move.from].value;
    totalDelta =
      totalDelta === null || to === null || from === null ? null : totalDelta + move.reps * (to - from);
  }
  const involved = new Set(moves.flatMap((m) => [m.from, m.to]));
  const usesArticleFallback = [...involved].some((role) => {
    const source = rates[role].source;
    return (
      source === "article_figure" ||
      source === "article_estimate" ||
      (source === "midpoint_of_roles" && rates[role].figureIds.length > 0)
    );
  });
  return { measure, rates, totalDelta, usesArticleFallback };
}

export function projectPayCost(
  metrics: TeamMetrics,
  profile: OrgProfile,
  moves: readonly Move[],
): PayCostProjection {
  const usd = profile.currency.trim().toUpperCase() === "USD";
  return {
    currency: profile.currency,
    baseSalary: payLine(metrics, "baseSalary", usd, moves),
    ote: payLine(metrics, "ote", usd, moves),
    label: "Projected yearly pay change if each moved rep is paid the average of the role they move to.",
  };
}

const PREMIUMS: readonly { measure: ProjectedMeasure & RepMeasure; figureId: FigureId }[] = [
  { measure: "calls", figureId: "activity.calls_premium" },
  { measure: "voicemails", figureId: "activity.voicemails_premium" },
  { measure: "emails", figureId: "activity.emails_premium" },
  { measure: "quotaAttainment", figureId: "quota.inside_attainment_premium" },
  { measure: "annualQuota", figureId: "quota.outside_quota_premium" },
];

const INSIDENESS: Record<RepRole, number> = { inside: 1, hybrid: HYBRID_INSIDE_WEIGHT, outside: 0 };

/** The relative level of a role under a premium: 1 + premium × (how much of the higher side the role is). */
export function premiumLevel(role: RepRole, premium: number, higherSide: "inside" | "outside"): number {
  const x = INSIDENESS[role];
  return 1 + premium * (higherSide === "inside" ? x : 1 - x);
}

/** The change the moves make to the team average of one measure; null when a source role lacks it. */
function changeFromMoves(
  metrics: TeamMetrics,
  moves: readonly Move[],
  measure: RepMeasure,
  premium: number,
  higherSide: "inside" | "outside",
): number | null {
  let change = 0;
  for (const move of moves) {
    const sourceAverage = metricValue(metrics.byRole[move.from].averages[measure]);
    if (sourceAverage === null) return null;
    const factor = premiumLevel(move.to, premium, higherSide) / premiumLevel(move.from, premium, higherSide);
    change += move.reps * sourceAverage * (factor - 1);
  }
  return change;
}

export function projectActivity(metrics: TeamMetrics, moves: readonly Move[]): PremiumProjection[] {
  const total = metrics.headCount.total;
  return PREMIUMS.map(({ measure, figureId }) => {
    const f = figure(figureId);
    const before = metricValue(metrics.byRole.all.averages[measure]);
    const projection: PremiumProjection = {
      measure,
      figureId,
      status: "no_change",
      teamAverageBefore: before,
      teamAverageAfter: before,
      relativeChange: before === null ? null : 0,
      label: `Projection from ${figureId} (${f.display}, company cohorts) applied to your own averages`,
    };
    if (moves.length === 0 || total === 0) return projection;
    const change = changeFromMoves(metrics, moves, measure, f.value, f.cohort.higherSide ?? "inside");
    const after = before === null || change === null ? null : before + change / total;
    if (before === null || after === null || !Number.isFinite(after)) {
      projection.status = "insufficient";
      projection.teamAverageAfter = null;
      projection.relativeChange = null;
      return projection;
    }
    const relativeChange = before > 0 ? after / before - 1 : null;
    projection.status = "projected";
    projection.teamAverageAfter = after;
    projection.relativeChange =
      relativeChange !== null && Number.isFinite(relativeChange) ? relativeChange : null;
    return projection;
  });
}
