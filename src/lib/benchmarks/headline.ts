/**
 * The summary a sales leader reads first: three to five plain sentences generated from one analysis (and, when
 * there is an earlier upload, from its comparison). Every number in a sentence is a value of the analysis (or
 * of the comparison) formatted as the rest of the product formats it; where the analysis has not enough data,
 * the sentence says so instead of a number. Each sentence names the section it summarizes and its figure ids.
 */
import type { TeamAnalysis } from "./index";
import { SIZE_BANDS } from "./bands";
import { formatMoney, formatPremium, formatShare } from "./format";
import type { Gap } from "./gaps";
import type { Recommendation } from "./recommend";
import type { SourceId } from "./schema";

export type HeadlineTopic = "mix" | "gaps" | "model" | "next_step" | "since_last";
/** The overview sections a sentence points to (the report uses the same ids as anchors). */
export type HeadlineSection = "composition" | "gaps" | "sales-model" | "recommendations" | "changes";

export interface HeadlineSentence {
  topic: HeadlineTopic;
  text: string;
  section: HeadlineSection;
  /** The article's figure, rule or finding ids the sentence rests on. */
  figureIds: SourceId[];
}

/** What moved between the previous upload and this one, as the comparison service reports it. */
export interface SinceLastUpload {
  previousAsOf: string;
  joined: number;
  left: number;
  changedRole: number;
  changedTeam: number;
  insideShareBefore: number | null;
  insideShareAfter: number | null;
}

/** How a gap's value reads: a share, a premium, or US dollars (pay figures are only compared in USD). */
export function formatGapValue(gap: Pick<Gap, "kind" | "figureId">, value: number): string {
  if (gap.kind === "cohort_ratio") return formatPremium(value);
  return gap.figureId.startsWith("pay.") ? formatMoney(value, "USD") : formatShare(value);
}

const STATUS_WORDS: Record<Gap["status"], string> = {
  above: "above",
  below: "below",
  on_par: "on par with",
  insufficient: "not enough data",
  not_comparable: "not comparable",
};

function notEnoughData(gap: Gap): string {
  return gap.insufficient
    ? `not enough data (needs ${gap.insufficient.needed} reps, has ${gap.insufficient.have})`
    : "not enough data";
}

function mixSentence(analysis: TeamAnalysis): HeadlineSentence {
  const info = SIZE_BANDS[analysis.band];
  const bandFigure = info.figureId ?? info.fallbackFigureId;
  const gap =
    analysis.gaps.find((g) => g.figureId === bandFigure) ??
    analysis.gaps.find((g) => g.figureId === "mix.inside_share.us") ??
    null;
  if (!gap) {
    return {
      topic: "mix",
      text: "The mix cannot be compared: the analysis has no mix figure.",
      section: "composition",
      figureIds: [],
    };
  }
  const what = gap.figureId === "mix.outside_share.large" ? "outside (field) share" : "inside share";
  const against =
    analysis.band === "unknown"
      ? `the article's US overall ${gap.benchmark.display} (no size band: annual revenue is not set)`
      : gap.benchmark.isFallback
        ? `the article's US overall ${gap.benchmark.display}, a stand-in because the source has no figure for ${info.label}`
        : `the article's ${gap.benchmark.display} for the ${info.label} band`;
  if (gap.orgValue === null) {
    const why = gap.status === "insufficient" ? notEnoughData(gap) : (gap.notComparableReason ?? "");
    return {
      topic: "mix",
      text: `Your ${what} cannot be compared with ${against}: ${why}.`,
      section: "composition",
      figureIds: [gap.figureId],
    };
  }
  const mix = analysis.recommendations.find((r) => r.mix !== null)?.mix ?? null;
  const target = mix
    ? ` The target for a ${mix.range.model} sales model is ${formatShare(mix.range.low)}–${formatShare(mix.range.high)} inside.`
    : "";
  return {
    topic: "mix",
    text: `Your ${what} is ${formatShare(gap.orgValue)}, ${STATUS_WORDS[gap.status]}: ${against}.${target}`,
    section: "composition",
    figureIds: [...new Set<SourceId>([gap.figureId, ...(mix?.range.figureIds ?? [])])],
  };
}

const isMixGap = (gap: Gap) => gap.figureId.startsWith("mix.");
/** Recommendations that act on gaps they found; the mix items and the caution cite fixed lists instead. */
const actsOnGaps = (r: Recommendation) => !r.id.startsWith("mix.") && r.id !== "caution.keep_field_team";

/**
 * The gaps outside the tolerance (the mix has its own sentence), ranked as the recommendations rank them: a gap
 * acted on by a higher-ranked recommendation comes first, then gaps no recommendation acts on; within a rank,
 * the larger relative difference first.
 */
export function rankedGaps(analysis: TeamAnalysis): Gap[] {
  const rankOf = new Map<string, number>();
  for (const r of analysis.recommendations.filter(actsOnGaps))
    for (const id of r.figureIds) if (!rankOf.has(id)) rankOf.set(id, r.rank);
  const magnitude = (g: Gap) => Math.abs(g.relativeDifference ?? 0);
  return analysis.gaps
    .filter((g) => !isMixGap(g) && (g.status === "above" || g.status === "below"))
    .sort(
      (a, b) =>
        (rankOf.get(a.figureId) ?? Infinity) - (rankOf.get(b.figureId) ?? Infinity) ||
        magnitude(b) - magnitude(a),
    );
}

function gapsSentence(analysis: TeamAnalysis): HeadlineSentence {
  const ranked = rankedGaps(analysis).slice(0, 3);
  const compared = analysis.gaps.filter((g) => !isMixGap(g));
  const missing = compared.some((g) => g.status === "insufficient");
  const missingNote = missing ? " Some figures have not enough data to compare (see the tables)." : "";
  if (ranked.length === 0) {
    const anyCompared = compared.some((g) => g.orgValue !== null);
    const tolerance = formatShare(compared[0]?.tolerance ?? 0);
    return {
      topic: "gaps",
      text: anyCompared
        ? `Every other compared figure is within ±${tolerance} of the article.${missingNote}`
        : "Not enough data to compare pay, quota, activity or deals with the article.",
      section: "gaps",
      figureIds: [],
    };
  }
  const parts = ranked.map(
    (g) =>
      `${g.label}: yours ${formatGapValue(g, g.orgValue ?? 0)}, the article ${g.benchmark.display} (${g.status === "above" ? "above" : "below"})`,
  );
  return {
    topic: "gaps",
    text: `The largest ${ranked.length === 1 ? "gap" : "gaps"}: ${parts.join("; ")}.${missingNote}`,
    section: "gaps",
    figureIds: ranked.map((g) => g.figureId),
  };
}

function modelSentence(analysis: TeamAnalysis): HeadlineSentence {
  const c = analysis.classification;
  const ruleIds = [...new Set<SourceId>(c.evidence.flatMap((e) => e.ruleIds))];
  const missing = c.evidence.filter((e) => e.source === "missing").map((e) => e.label.toLowerCase());
  const missingText = missing.length ? ` Missing: ${missing.join(", ")}.` : "";
  if (c.model === "unknown") {
    return {
      topic: "model",
      text: `Not enough data to tell the sales model.${missingText}`,
      section: "sales-model",
      figureIds: ruleIds,
    };
  }
  const model = c.model === "borderline" ? "borderline between transactional and relationship" : c.model;
  return {
    topic: "model",
    text: `The sales model reads as ${model} (confidence ${c.confidence}), from deal size, sales cycle, decision makers and customer size.${missingText}`,
    section: "sales-model",
    figureIds: ruleIds,
  };
}

function nextStepSentence(analysis: TeamAnalysis): HeadlineSentence {
  const [first, second] = analysis.recommendations;
  if (!first) {
    return {
      topic: "next_step",
      text: "No next step to suggest.",
      section: "recommendations",
      figureIds: [],
    };
  }
  const then =
    first.id === "mix.keep" && second && second.id !== "caution.keep_field_team"
      ? `; then: ${second.title.charAt(0).toLowerCase()}${second.title.slice(1)}`
      : "";
  return {
    topic: "next_step",
    text: `Next step: ${first.title}${then}.`,
    section: "recommendations",
    figureIds: [...new Set<SourceId>([...first.figureIds, ...(then && second ? second.figureIds : [])])],
  };
}

function plural(n: number, one: string, many: string) {
  return `${n} ${n === 1 ? one : many}`;
}

function sinceLastSentence(since: SinceLastUpload): HeadlineSentence {
  const people = [
    plural(since.joined, "rep joined", "reps joined"),
    plural(since.left, "left", "left"),
    plural(since.changedRole, "changed role", "changed role"),
    plural(since.changedTeam, "changed team", "changed team"),
  ].join(", ");
  const mix =
    since.insideShareBefore !== null && since.insideShareAfter !== null
      ? `; the inside share moved from ${formatShare(since.insideShareBefore)} to ${formatShare(since.insideShareAfter)}`
      : "";
  return {
    topic: "since_last",
    text: `Since the upload of ${since.previousAsOf}: ${people}${mix}.`,
    section: "changes",
    figureIds: [],
  };
}

/** Three to five sentences: mix, largest gaps, sales model, next step, and what changed since the last upload. */
export function headlineSummary(
  analysis: TeamAnalysis,
  sinceLast: SinceLastUpload | null = null,
): HeadlineSentence[] {
  const empty: HeadlineSentence = {
    topic: "mix",
    text: "Not enough data: this upload has no reps.",
    section: "composition",
    figureIds: [],
  };
  const sentences: HeadlineSentence[] =
    analysis.metrics.headCount.total === 0
      ? [empty, modelSentence(analysis), nextStepSentence(analysis)]
      : [mixSentence(analysis), gapsSentence(analysis), modelSentence(analysis), nextStepSentence(analysis)];
  if (sinceLast) sentences.push(sinceLastSentence(sinceLast));
  return sentences;
}
