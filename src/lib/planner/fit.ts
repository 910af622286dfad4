/**
 * Fit of one rep for the inside or outside role: the article's sales-model rules (benchmarks.md "Sales-model
 * rules") applied to the rep's own numbers, plus the rep's remote-selling share against the outside reps'
 * 45.4% (remote.outside_time_share). Each criterion is one line citing its rule or figure id; a field the file
 * lacks gives "not enough data" for that line, never a default.
 */
import {
  CYCLE_DAYS_THRESHOLD,
  RELATIONSHIP_DECISION_MAKERS_MIN,
  RELATIONSHIP_DEAL_MIN_STRUCTURE,
  TRANSACTIONAL_DEAL_MAX,
  cycleVerdict,
  dealSizeVerdict,
  decisionMakersVerdict,
} from "@/lib/benchmarks/classify";
import { figure } from "@/lib/benchmarks/dataset";
import { formatMoney, formatShare } from "@/lib/benchmarks/format";
import type { SourceId } from "@/lib/benchmarks/schema";
import { usable, type PlannerRep } from "./types";

export type FitVerdict = "inside_fit" | "outside_fit" | "borderline" | "not_enough_data";
export type FitCriterion = "deal_size" | "sales_cycle" | "decision_makers" | "remote_share";
export type CriterionLean = "inside" | "outside" | "borderline" | "unknown";

export interface FitLine {
  criterion: FitCriterion;
  lean: CriterionLean;
  value: number | null;
  ids: SourceId[];
  text: string;
}

export interface RepFit {
  row: number;
  verdict: FitVerdict;
  /** Criteria leaning inside minus those leaning outside (−4…4): the ranking key. */
  score: number;
  known: number;
  lines: FitLine[];
  summary: string;
}

/** remote.outside_time_share: outside reps sell remotely 45.4% of their time (2017). */
export const OUTSIDE_REMOTE_SHARE = figure("remote.outside_time_share").value;
const TRANSACTIONAL_DECISION_MAKERS_MAX = RELATIONSHIP_DECISION_MAKERS_MIN - 1;
/** Fewest known criteria behind a fit; with fewer the rep is "not enough data". */
export const MIN_KNOWN_CRITERIA = 2;

const LEAN_OF = { transactional: "inside", relationship: "outside", borderline: "borderline" } as const;

function dealLine(rep: PlannerRep, currency: string): FitLine {
  const ids: SourceId[] = ["model.transactional.deal_max", "model.relationship.deal_min_structure"];
  const v = rep.avgDealSize;
  if (!usable(v) || v === 0)
    return {
      criterion: "deal_size",
      lean: "unknown",
      value: null,
      ids,
      text: "Deal size: not enough data (no average deal size in the file).",
    };
  const verdict = dealSizeVerdict(v);
  if (verdict === "unknown")
    return { criterion: "deal_size", lean: "unknown", value: v, ids, text: "Deal size: not enough data." };
  const shown = formatMoney(v, currency);
  const text =
    verdict === "transactional"
      ? `Deal size ${shown} is under ${formatMoney(RELATIONSHIP_DEAL_MIN_STRUCTURE, "USD")}: transactional, suits inside (model.relationship.deal_min_structure).`
      : verdict === "relationship"
        ? `Deal size ${shown} is over ${formatMoney(TRANSACTIONAL_DEAL_MAX, "USD")}: relationship, suits outside (model.transactional.deal_max).`
        : `Deal size ${shown} is in the $32,000–$35,000 borderline zone (model.relationship.deal_min_structure, model.transactional.deal_max).`;
  return { criterion: "deal_size", lean: LEAN_OF[verdict], value: v, ids, text };
}

function cycleLine(rep: PlannerRep): FitLine {
  const ids: SourceId[] = ["model.cycle_days"];
  const v = rep.salesCycleDays;
  if (!usable(v) || v === 0)
    return {
      criterion: "sales_cycle",
      lean: "unknown",
      value: null,
      ids,
      text: "Sales cycle: not enough data (no sales cycle in the file).",
    };
  const verdict = cycleVerdict(v);
  const days = Math.round(v * 10) / 10;
  const text =
    verdict === "transactional"
      ? `Sales cycle ${days} days is under ${CYCLE_DAYS_THRESHOLD}: transactional, suits inside (model.cycle_days).`
      : `Sales cycle ${days} days is ${CYCLE_DAYS_THRESHOLD} or more: relationship, suits outside (model.cycle_days).`;
  return {
    criterion: "sales_cycle",
    lean: verdict === "transactional" ? "inside" : "outside",
    value: v,
    ids,
    text,
  };
}

function decisionMakersLine(rep: PlannerRep): FitLine {
  const ids: SourceId[] = ["model.decision_makers"];
  const v = rep.decisionMakers;
  if (!usable(v) || v === 0)
    return {
      criterion: "decision_makers",
      lean: "unknown",
      value: null,
      ids,
      text: "Decision makers: not enough data (none in the file).",
    };
  const verdict = decisionMakersVerdict(v);
  const n = Math.round(v * 10) / 10;
  const text =
    verdict === "transactional"
      ? `${n} decision makers (1–3): transactional, suits inside (model.decision_makers).`
      : verdict === "relationship"
        ? `${n} decision makers (4 or more): relationship, suits outside (model.decision_makers).`
        : `${n} decision makers, between 3 and 4: borderline (model.decision_makers).`;
  return {
    criterion: "decision_makers",
    lean: LEAN_OF[verdict === "unknown" ? "borderline" : verdict],
    value: v,
    ids,
    text,
  };
}

function remoteLine(rep: PlannerRep): FitLine {
  const ids: SourceId[] = ["remote.outside_time_share"];
  const v = rep.remoteSellingPct;
  if (!usable(v) || v > 1)
    return {
      criterion: "remote_share",
      lean: "unknown",
      value: null,
      ids,
      text: "Remote selling: not enough data (no remote-selling share in the file).",
    };
  const lean: CriterionLean = v >= OUTSIDE_REMOTE_SHARE ? "inside" : "outside";
  const text =
    lean === "inside"
      ? `Sells remotely ${formatShare(v)} of the time, at or above outside reps' ${formatShare(OUTSIDE_REMOTE_SHARE)}: already works the way inside reps do (remote.outside_time_share).`
      : `Sells remotely ${formatShare(v)} of the time, below outside reps' ${formatShare(OUTSIDE_REMOTE_SHARE)}: field-heavy, suits outside (remote.outside_time_share).`;
  return { criterion: "remote_share", lean, value: v, ids, text };
}

/** inside_fit / outside_fit need the majority of known criteria with none against it, or a lead of two. */
function decide(inside: number, outside: number, known: number): FitVerdict {
  if (known < MIN_KNOWN_CRITERIA) return "not_enough_data";
  if (inside > outside && (outside === 0 || inside - outside >= 2)) return "inside_fit";
  if (outside > inside && (inside === 0 || outside - inside >= 2)) return "outside_fit";
  return "borderline";
}

const VERDICT_TEXT: Record<FitVerdict, string> = {
  inside_fit: "Inside fit",
  outside_fit: "Outside fit",
  borderline: "Borderline",
  not_enough_data: "Not enough data",
};

export function fitLabel(verdict: FitVerdict): string {
  return VERDICT_TEXT[verdict];
}

export interface FitScore {
  verdict: FitVerdict;
  score: number;
  known: number;
}

/**
 * The verdict and score alone, without the lines' text: what ranking thousands of reps needs (no allocation per
 * rep). Gives the same verdict as repFit (a test checks it on every combination).
 */
export function fitScore(rep: PlannerRep): FitScore {
  let inside = 0;
  let outside = 0;
  let known = 0;
  const deal = rep.avgDealSize;
  if (usable(deal) && deal > 0) {
    known += 1;
    if (deal < RELATIONSHIP_DEAL_MIN_STRUCTURE) inside += 1;
    else if (deal > TRANSACTIONAL_DEAL_MAX) outside += 1;
  }
  const cycle = rep.salesCycleDays;
  if (usable(cycle) && cycle > 0) {
    known += 1;
    if (cycle < CYCLE_DAYS_THRESHOLD) inside += 1;
    else outside += 1;
  }
  const dm = rep.decisionMakers;
  if (usable(dm) && dm > 0) {
    known += 1;
    if (dm <= TRANSACTIONAL_DECISION_MAKERS_MAX) inside += 1;
    else if (dm >= RELATIONSHIP_DECISION_MAKERS_MIN) outside += 1;
  }
  const remote = rep.remoteSellingPct;
  if (usable(remote) && remote <= 1) {
    known += 1;
    if (remote >= OUTSIDE_REMOTE_SHARE) inside += 1;
    else outside += 1;
  }
  return { verdict: decide(inside, outside, known), score: inside - outside, known };
}

export function repFit(rep: PlannerRep, currency = "USD"): RepFit {
  const lines = [dealLine(rep, currency), cycleLine(rep), decisionMakersLine(rep), remoteLine(rep)];
  let inside = 0;
  let outside = 0;
  let known = 0;
  for (const line of lines) {
    if (line.lean === "unknown") continue;
    known += 1;
    if (line.lean === "inside") inside += 1;
    else if (line.lean === "outside") outside += 1;
  }
  const verdict = decide(inside, outside, known);
  const summary =
    verdict === "not_enough_data"
      ? `${known} of 4 criteria known; at least ${MIN_KNOWN_CRITERIA} are needed for a fit.`
      : `${inside} of ${known} known criteria point inside, ${outside} outside.`;
  return { row: rep.row, verdict, score: inside - outside, known, lines, summary };
}
