/**
 * The shape of a benchmark dataset, as zod schemas: the dataset is parsed with these when the module loads,
 * so a typo in a figure (a missing source sentence, a share above 1, an id that does not match its key)
 * fails at import, not in a chart.
 */
import { z } from "zod";

/** Ids of the figures in ../shared/seed/benchmarks.md, plus the derived estimates and the unresolved figure. */
export const FIGURE_IDS = [
  "us.salespeople",
  "mix.inside_share.us",
  "mix.outside_share.us",
  "mix.inside_share.2017",
  "mix.expected_balance",
  "mix.outside_share.large",
  "mix.inside_share.small",
  "remote.outside_time_share",
  "remote.outside_time_growth",
  "leaders.hybrid_intent",
  "pay.inside_am.base",
  "pay.inside_am.ote",
  "pay.outside_base_premium",
  "pay.outside_ote_premium",
  "quota.hit_rate",
  "quota.outside_quota_premium",
  "quota.inside_attainment_premium",
  "activity.calls_premium",
  "activity.voicemails_premium",
  "activity.emails_premium",
  "activity.social_share.inside",
  "activity.social_share.outside",
  "deal.outside_size_premium",
  // Not in benchmarks.md as ids: estimates derived from the figures above, marked `derived_estimate`.
  "pay.outside_base.estimate",
  "pay.outside_ote.estimate",
  // benchmarks.md "(unresolved)": the translation lost the metric; never scored.
  "unresolved.outside_higher_30_2",
] as const;
export type FigureId = (typeof FIGURE_IDS)[number];

/** Sales-model rule ids of benchmarks.md ("Sales-model rules"). */
export const RULE_IDS = [
  "model.transactional.deal_max",
  "model.relationship.deal_min_structure",
  "model.cycle_days",
  "model.decision_makers",
  "model.customer_employees",
] as const;
export type RuleId = (typeof RULE_IDS)[number];

/** Qualitative findings of the article that recommendations cite (benchmarks.md "Qualitative findings"). */
export const FINDING_IDS = [
  "finding.large_orgs_adding_inside",
  "finding.transactional_suits_inside",
  "finding.structure.stage1_outside_and_bizdev",
  "finding.structure.stage2_account_split_inside_se",
  "finding.structure.stage3_inbound_and_renewals",
  "finding.structure.stage4_channel",
  "finding.collaboration",
  "finding.roles_blur",
  "finding.caution",
  "finding.customer_decides",
  "finding.digital_buyers",
] as const;
export type FindingId = (typeof FINDING_IDS)[number];

/** Anything a recommendation or a gap can cite. */
export type SourceId = FigureId | RuleId | FindingId;

export const SIZE_BAND_IDS = ["small", "mid", "large"] as const;
export const CONFIDENCE_LEVELS = ["high", "medium-high", "medium", "low"] as const;

const sentenceZh = z.string().trim().min(2);
const sentenceEn = z.string().trim().min(10);

export const figureSchema = z
  .object({
    id: z.enum(FIGURE_IDS),
    value: z.number(),
    /** share: a fraction of 1 (0.455 = 45.5%); premium: relative difference (0.425 = +42.5%). */
    unit: z.enum(["people", "share", "premium", "usd"]),
    display: z.string().min(1),
    label: z.string().min(3),
    meaning: z.string().min(10),
    /**
     * level: a value to compare a level with; cohort_premium: how much one cohort exceeds another;
     * projection: the author's expectation; context: shown, not compared.
     */
    kind: z.enum(["level", "cohort_premium", "projection", "context"]),
    cohort: z.object({
      kind: z.enum(["population", "company_cohorts", "rep_cohorts", "team_cohorts", "role", "survey"]),
      description: z.string().min(5),
      /** For premiums: which side is the higher one. */
      higherSide: z.enum(["inside", "outside"]).nullable(),
    }),
    band: z.enum(["all", ...SIZE_BAND_IDS]),
    region: z.enum(["US", "unspecified"]),
    vintageYear: z.number().int().min(2014).max(2021),
    confidence: z.enum(CONFIDENCE_LEVELS),
    /** reported: stated in the article; derived_estimate: computed by us from reported figures; unresolved: never scored. */
    status: z.enum(["reported", "derived_estimate", "unresolved"]),
    scorable: z.boolean(),
    derivedFrom: z.array(z.enum(FIGURE_IDS)),
    derivation: z.string().nullable(),
    sourceZh: sentenceZh,
    sourceEn: sentenceEn,
    caveat: z.string().min(10),
  })
  .strict()
  .superRefine((figure, ctx) => {
    if (figure.unit === "share" && (figure.value < 0 || figure.value > 1)) {
      ctx.addIssue({ code: "custom", message: `${figure.id}: a share must be within [0, 1]` });
    }
    if (
      figure.kind === "cohort_premium" &&
      (figure.unit !== "premium" || figure.cohort.higherSide === null)
    ) {
      ctx.addIssue({
        code: "custom",
        message: `${figure.id}: a cohort premium needs unit premium and a side`,
      });
    }
    if ((figure.status === "unresolved") === figure.scorable) {
      ctx.addIssue({
        code: "custom",
        message: `${figure.id}: unresolved figures are exactly the unscorable ones`,
      });
    }
    if (
      (figure.status === "derived_estimate") !==
      (figure.derivedFrom.length > 0 && figure.derivation !== null)
    ) {
      ctx.addIssue({
        code: "custom",
        message: `${figure.id}: a derived estimate names its inputs and derivation`,
      });
    }
  });
export type BenchmarkFigure = z.infer<typeof figureSchema>;

export const ruleSchema = z
  .object({
    id: z.enum(RULE_IDS),
    value: z.number().positive(),
    unit: z.enum(["usd", "days", "decision_makers", "employees"]),
    display: z.string().min(1),
    label: z.string().min(3),
    transactionalSide: z.string().min(3),
    relationshipSide: z.string().min(3),
    confidence: z.enum(CONFIDENCE_LEVELS),
    sourceZh: sentenceZh,
    sourceEn: sentenceEn,
    counterSourceZh: sentenceZh.nullable(),
    counterSourceEn: sentenceEn.nullable(),
    caveat: z.string().min(10),
  })
  .strict();
export type SalesModelRule = z.infer<typeof ruleSchema>;

export const findingSchema = z
  .object({
    id: z.enum(FINDING_IDS),
    summary: z.string().min(10),
    sourceZh: sentenceZh,
    sourceEn: sentenceEn,
  })
  .strict();
export type ArticleFinding = z.infer<typeof findingSchema>;

export const bandCoverageSchema = z
  .object({
    band: z.enum(SIZE_BAND_IDS),
    figureId: z.enum(FIGURE_IDS).nullable(),
    /** A figure the engine may use, labelled as such, where the source has none for the band. */
    fallbackFigureId: z.enum(FIGURE_IDS).nullable(),
    note: z.string().min(10),
  })
  .strict()
  .refine((c) => (c.figureId === null) !== (c.fallbackFigureId === null), {
    message: "a band has either its own figure or a labelled fallback",
  });
export type BandCoverage = z.infer<typeof bandCoverageSchema>;

function checkKeysMatchIds(record: Record<string, { id: string }>, ctx: z.RefinementCtx): void {
  for (const [key, item] of Object.entries(record)) {
    if (item.id !== key) ctx.addIssue({ code: "custom", message: `key ${key} holds ${item.id}` });
  }
}

export const datasetSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9-]+$/),
    title: z.string().min(5),
    publisher: z.string().min(2),
    published: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
    updated: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
    vintageLabel: z.string().min(5),
    sourceLanguageNote: z.string().min(10),
    cohortCaveat: z.string().min(10),
    figures: z.record(z.enum(FIGURE_IDS), figureSchema),
    rules: z.record(z.enum(RULE_IDS), ruleSchema),
    findings: z.record(z.enum(FINDING_IDS), findingSchema),
    bandCoverage: z.record(z.enum(SIZE_BAND_IDS), bandCoverageSchema),
  })
  .strict()
  .superRefine((dataset, ctx) => {
    checkKeysMatchIds(dataset.figures, ctx);
    checkKeysMatchIds(dataset.rules, ctx);
    checkKeysMatchIds(dataset.findings, ctx);
    for (const [band, coverage] of Object.entries(dataset.bandCoverage)) {
      if (coverage.band !== band)
        ctx.addIssue({ code: "custom", message: `band ${band} holds ${coverage.band}` });
    }
    for (const figure of Object.values(dataset.figures)) {
      for (const input of figure.derivedFrom) {
        if (dataset.figures[input].status !== "reported") {
          ctx.addIssue({
            code: "custom",
            message: `${figure.id} is derived from a figure that is not reported`,
          });
        }
      }
    }
  });
export type BenchmarkDataset = z.infer<typeof datasetSchema>;
