/**
 * Team metrics from a TeamSummary: head count by role, the inside/outside mix, and per-role averages.
 * Every value is plain JSON (no NaN, no Infinity, no undefined, no Map), ready to send to the browser.
 */
import { REP_MEASURES, REP_ROLES, type Rep, type RepMeasure, type RepRole } from "@/lib/team/types";
import {
  ATTAINMENT_BUCKETS,
  mergeRoleSummaries,
  summarizeReps,
  type AttainmentBucketId,
  type RoleSummary,
  type TeamSummary,
} from "./summary";

/** Fewest reps with a value behind an average or a share of reps; fewer gives "not enough data". */
export const MIN_REPS_PER_METRIC = 3;
/** The mix is a head count, not a sample: one rep is enough to state it. */
export const MIN_REPS_FOR_MIX = 1;
/** Hybrid reps count half inside, half outside in the inside and outside shares (and are their own slice). */
export const HYBRID_INSIDE_WEIGHT = 0.5;
export const HYBRID_RULE =
  "Hybrid reps count half inside and half outside in the inside and outside shares, and are also shown as their own slice.";
/** Balanced when the inside share is within 50% ± this margin, both ends included. */
export const BALANCED_MARGIN = 0.05;

/** Plain words for each measure, for descriptions and reasons. */
export const MEASURE_LABELS: Record<RepMeasure, string> = {
  baseSalary: "base salary",
  ote: "OTE",
  annualQuota: "annual quota",
  quotaAttainment: "quota attainment",
  calls: "calls",
  voicemails: "voicemails",
  emails: "emails",
  socialTouches: "social touches",
  meetings: "meetings",
  dealsWon: "deals won",
  avgDealSize: "deal size",
  salesCycleDays: "sales cycle (days)",
  decisionMakers: "decision makers",
  remoteSellingPct: "remote-selling share",
};

export type Metric =
  { kind: "value"; value: number; reps: number } | { kind: "insufficient"; needed: number; have: number };

export type MixOrientation = "mostly_inside" | "mostly_outside" | "balanced" | "unknown";
export type RoleScope = RepRole | "all";
export const ROLE_SCOPES: readonly RoleScope[] = [...REP_ROLES, "all"];

export interface AttainmentBucketCount {
  id: AttainmentBucketId;
  label: string;
  count: number;
  /** Of the reps with an attainment; null when there are none. */
  share: number | null;
}

export interface RoleMetrics {
  headCount: number;
  /** Averages per rep of each measure; remoteSellingPct's average is the remote-selling share. */
  averages: Record<RepMeasure, Metric>;
  /** Social touches over all touches (calls + voicemails + emails + social), summed over reps with all four. */
  socialShareOfTouches: Metric;
  /** Reps with attainment of 100% or more, over reps with an attainment. */
  shareAtOrAboveQuota: Metric;
  attainmentDistribution: AttainmentBucketCount[];
}

export interface TeamMix {
  /** (inside + ½ hybrid) / total. */
  insideShare: Metric;
  /** (outside + ½ hybrid) / total; insideShare + outsideShare = 1. */
  outsideShare: Metric;
  /** hybrid / total. */
  hybridShare: Metric;
  /** inside + ½ hybrid, the numerator of insideShare. */
  insideEquivalents: number;
  orientation: MixOrientation;
}

export interface TeamMetrics {
  kind: "team_metrics";
  minRepsPerMetric: number;
  headCount: Record<RepRole, number> & { total: number };
  mix: TeamMix;
  byRole: Record<RoleScope, RoleMetrics>;
}

export interface MetricsOptions {
  minRepsPerMetric?: number;
}

export function metricValue(metric: Metric): number | null {
  return metric.kind === "value" ? metric.value : null;
}

/** numerator / denominator when enough reps stand behind it and the result is a finite number. */
function ratioMetric(numerator: number, denominator: number, reps: number, needed: number): Metric {
  if (reps < needed || denominator <= 0) return { kind: "insufficient", needed, have: reps };
  const value = numerator / denominator;
  return Number.isFinite(value)
    ? { kind: "value", value, reps }
    : { kind: "insufficient", needed, have: reps };
}

function roleMetrics(summary: RoleSummary, needed: number): RoleMetrics {
  const averages = {} as Record<RepMeasure, Metric>;
  for (const m of REP_MEASURES) {
    const { n, sum } = summary.measures[m];
    averages[m] = ratioMetric(sum, n, n, needed);
  }
  const attained = summary.measures.quotaAttainment.n;
  const shareAtOrAboveQuota = ratioMetric(summary.repsAtOrAboveQuota, attained, attained, needed);
  const { reps: touchReps, social, all } = summary.touches;
  // All four touch counts at 0 for every rep: there is no share to state.
  const socialShareOfTouches = ratioMetric(social, all, touchReps, needed);
  const attainmentDistribution = ATTAINMENT_BUCKETS.map((bucket) => {
    const count = summary.attainmentBuckets[bucket.id];
    return { id: bucket.id, label: bucket.label, count, share: attained > 0 ? count / attained : null };
  });
  return {
    headCount: summary.reps,
    averages,
    socialShareOfTouches,
    shareAtOrAboveQuota,
    attainmentDistribution,
  };
}

export function orientationFor(insideShare: number | null): MixOrientation {
  if (insideShare === null) return "unknown";
  if (insideShare > 0.5 + BALANCED_MARGIN) return "mostly_inside";
  if (insideShare < 0.5 - BALANCED_MARGIN) return "mostly_outside";
  return "balanced";
}

export function mixFor(inside: number, outside: number, hybrid: number): TeamMix {
  const total = inside + outside + hybrid;
  const insideEquivalents = inside + HYBRID_INSIDE_WEIGHT * hybrid;
  const outsideEquivalents = outside + (1 - HYBRID_INSIDE_WEIGHT) * hybrid;
  const insideShare = ratioMetric(insideEquivalents, total, total, MIN_REPS_FOR_MIX);
  return {
    insideShare,
    outsideShare: ratioMetric(outsideEquivalents, total, total, MIN_REPS_FOR_MIX),
    hybridShare: ratioMetric(hybrid, total, total, MIN_REPS_FOR_MIX),
    insideEquivalents,
    orientation: orientationFor(metricValue(insideShare)),
  };
}

export function metricsFromSummary(summary: TeamSummary, options: MetricsOptions = {}): TeamMetrics {
  const needed = Math.max(1, Math.floor(options.minRepsPerMetric ?? MIN_REPS_PER_METRIC));
  const { inside, outside, hybrid } = summary.byRole;
  const all = mergeRoleSummaries([inside, outside, hybrid]);
  return {
    kind: "team_metrics",
    minRepsPerMetric: needed,
    headCount: { inside: inside.reps, outside: outside.reps, hybrid: hybrid.reps, total: all.reps },
    mix: mixFor(inside.reps, outside.reps, hybrid.reps),
    byRole: {
      inside: roleMetrics(inside, needed),
      outside: roleMetrics(outside, needed),
      hybrid: roleMetrics(hybrid, needed),
      all: roleMetrics(all, needed),
    },
  };
}

/** metricsFromSummary ∘ summarizeReps. */
export function computeTeamMetrics(reps: readonly Rep[], options: MetricsOptions = {}): TeamMetrics {
  return metricsFromSummary(summarizeReps(reps), options);
}
