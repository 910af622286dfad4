/**
 * The benchmark dataset `xant-2020`, parsed with zod when this module loads and then frozen. Other benchmark
 * sets can sit beside it later under their own version id; everything downstream reads figures by id.
 */
import { FIGURES_XANT_2020 } from "./figures";
import { FINDINGS_XANT_2020, RULES_XANT_2020 } from "./rules";
import {
  datasetSchema,
  type ArticleFinding,
  type BenchmarkDataset,
  type BenchmarkFigure,
  type FigureId,
  type FindingId,
  type RuleId,
  type SalesModelRule,
} from "./schema";

export const BENCHMARK_DATASET_ID = "xant-2020";
/** Shown wherever a figure appears (benchmarks.md: composition, pay, activity 2017; US split 2019). */
export const VINTAGE_LABEL = "2017–2019 data, published 2020";

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === "object" && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}

export const BENCHMARK_DATASET: BenchmarkDataset = deepFreeze(
  datasetSchema.parse({
    id: BENCHMARK_DATASET_ID,
    title: "Inside Sales vs. Outside Sales",
    publisher: "XANT research, published on a sales blog",
    published: "2020-04-07",
    updated: "2020-11-24",
    vintageLabel: VINTAGE_LABEL,
    sourceLanguageNote:
      "The article is available here only as a machine translation into Chinese; each figure keeps its Chinese sentence verbatim with a plain English rendering.",
    cohortCaveat:
      "Mostly-inside and mostly-outside are company cohorts: the figures compare groups of organizations, not individual reps, and show no causal effect.",
    figures: FIGURES_XANT_2020,
    rules: RULES_XANT_2020,
    findings: FINDINGS_XANT_2020,
    bandCoverage: {
      small: {
        band: "small",
        figureId: "mix.inside_share.small",
        fallbackFigureId: null,
        note: "Revenue under $50M: 47% inside.",
      },
      mid: {
        band: "mid",
        figureId: null,
        fallbackFigureId: "mix.inside_share.us",
        note: "Not in source: the article gives no figure for revenue $50M–$500M. The US overall inside share (45.5%) is used only as a labelled fallback.",
      },
      large: {
        band: "large",
        figureId: "mix.outside_share.large",
        fallbackFigureId: null,
        note: "Revenue over $500M: 71.2% field (outside) reps.",
      },
    },
  }),
);

export function figure(id: FigureId): BenchmarkFigure {
  return BENCHMARK_DATASET.figures[id];
}

export function rule(id: RuleId): SalesModelRule {
  return BENCHMARK_DATASET.rules[id];
}

export function finding(id: FindingId): ArticleFinding {
  return BENCHMARK_DATASET.findings[id];
}

/** The value of a figure that may be used in a comparison; throws for the unresolved one. */
export function scorableValue(id: FigureId): number {
  const f = figure(id);
  if (!f.scorable) throw new Error(`${id} is not scorable: ${f.caveat}`);
  return f.value;
}
