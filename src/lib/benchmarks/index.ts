/**
 * SalesMix benchmark engine: the article's dataset, size bands, team metrics, gaps, sales-model
 * classification, recommendations and what-if. Pure TypeScript; runs on the server and in the browser.
 */
import type { OrgProfile, Rep } from "@/lib/team/types";
import { sizeBandFor, type SizeBand } from "./bands";
import { classifySalesModel, type SalesModelClassification } from "./classify";
import { BENCHMARK_DATASET_ID, VINTAGE_LABEL } from "./dataset";
import { computeGaps, type Gap } from "./gaps";
import { metricsFromSummary, type MetricsOptions, type TeamMetrics } from "./metrics";
import { recommend, type Recommendation } from "./recommend";
import { summarizeReps, type TeamSummary } from "./summary";

export {
  BENCHMARK_DATASET,
  BENCHMARK_DATASET_ID,
  VINTAGE_LABEL,
  figure,
  rule,
  finding,
  scorableValue,
} from "./dataset";
export {
  FIGURE_IDS,
  RULE_IDS,
  FINDING_IDS,
  datasetSchema,
  type FigureId,
  type RuleId,
  type FindingId,
  type SourceId,
  type BenchmarkFigure,
  type SalesModelRule,
  type ArticleFinding,
  type BenchmarkDataset,
  type BandCoverage,
} from "./schema";
export {
  sizeBandFor,
  SIZE_BANDS,
  SMALL_BAND_REVENUE_BELOW,
  LARGE_BAND_REVENUE_ABOVE,
  type SizeBand,
  type SizeBandInfo,
  type RevenueBound,
} from "./bands";
export {
  summarizeReps,
  mergeRoleSummaries,
  emptyTeamSummary,
  parseTeamSummary,
  teamSummarySchema,
  attainmentBucketFor,
  ATTAINMENT_BUCKETS,
  AT_QUOTA_ATTAINMENT,
  MAX_MEASURE_VALUE,
  type TeamSummary,
  type RoleSummary,
  type MeasureTotal,
  type AttainmentBucketId,
} from "./summary";
export {
  computeTeamMetrics,
  metricsFromSummary,
  metricValue,
  orientationFor,
  MIN_REPS_PER_METRIC,
  MIN_REPS_FOR_MIX,
  HYBRID_INSIDE_WEIGHT,
  HYBRID_RULE,
  BALANCED_MARGIN,
  MEASURE_LABELS,
  ROLE_SCOPES,
  type Metric,
  type MetricsOptions,
  type TeamMetrics,
  type TeamMix,
  type RoleMetrics,
  type RoleScope,
  type MixOrientation,
  type AttainmentBucketCount,
} from "./metrics";
export {
  computeGaps,
  bandMixGap,
  gapsByFigureId,
  GAP_TOLERANCE,
  type Gap,
  type GapKind,
  type GapStatus,
  type GapAssessment,
  type GapBenchmark,
  type BenchmarkBasis,
} from "./gaps";
export {
  classifySalesModel,
  dealSizeVerdict,
  cycleVerdict,
  decisionMakersVerdict,
  customerEmployeesVerdict,
  TRANSACTIONAL_DEAL_MAX,
  RELATIONSHIP_DEAL_MIN_STRUCTURE,
  CYCLE_DAYS_THRESHOLD,
  RELATIONSHIP_DECISION_MAKERS_MIN,
  CUSTOMER_EMPLOYEES_THRESHOLD,
  type SalesModel,
  type SalesModelClassification,
  type SalesModelCriterion,
  type CriterionEvidence,
  type CriterionVerdict,
  type InputSource,
  type ClassificationConfidence,
} from "./classify";
export {
  targetInsideShareRange,
  movesToTarget,
  distanceToRange,
  mixAnchorFor,
  type MixTargetRange,
  type MixTargetAnchor,
  type MixMove,
  type MoveDirection,
} from "./target";
export {
  recommend,
  type Recommendation,
  type RecommendationId,
  type RecommendationPriority,
  type MixAdvice,
} from "./recommend";
export {
  whatIf,
  applyShift,
  type MixShift,
  type AppliedShift,
  type ShiftResult,
  type RoleMove,
  type Composition,
  type WhatIfResult,
} from "./whatif";
export {
  premiumLevel,
  type PayCostProjection,
  type PayCostLine,
  type PayRate,
  type PayRateSource,
  type PremiumProjection,
  type ProjectedMeasure,
} from "./projections";
export { formatShare, formatPremium, formatMoney } from "./format";

export interface TeamAnalysis {
  datasetId: string;
  vintageLabel: string;
  band: SizeBand;
  metrics: TeamMetrics;
  gaps: Gap[];
  classification: SalesModelClassification;
  recommendations: Recommendation[];
}

/** Everything a report page needs, from rows or from a pre-aggregated summary. */
export function analyzeTeam(
  input: readonly Rep[] | TeamSummary,
  profile: OrgProfile,
  options: MetricsOptions = {},
): TeamAnalysis {
  const summary = "kind" in input ? input : summarizeReps(input);
  const metrics = metricsFromSummary(summary, options);
  const gaps = computeGaps(metrics, profile);
  const classification = classifySalesModel(profile, metrics);
  return {
    datasetId: BENCHMARK_DATASET_ID,
    vintageLabel: VINTAGE_LABEL,
    band: sizeBandFor(profile.annualRevenue),
    metrics,
    gaps,
    classification,
    recommendations: recommend(metrics, profile, classification, gaps),
  };
}
