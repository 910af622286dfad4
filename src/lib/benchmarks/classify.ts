/**
 * Sales-model classification (benchmarks.md "Sales-model rules"): transactional, relationship or borderline,
 * from four criteria. Each input comes from the org profile first, the team average as a fallback; a missing
 * input is reported and lowers confidence, it is never given a default value.
 */
import type { OrgProfile, RepMeasure } from "@/lib/team/types";
import { rule } from "./dataset";
import type { TeamMetrics } from "./metrics";
import type { RuleId } from "./schema";

export type SalesModel = "transactional" | "relationship" | "borderline" | "unknown";
export type SalesModelCriterion = "deal_size" | "sales_cycle" | "decision_makers" | "customer_employees";
export type CriterionVerdict = "transactional" | "relationship" | "borderline" | "unknown";
export type InputSource = "org_profile" | "team_average" | "missing";
export type ClassificationConfidence = "high" | "medium" | "low" | "none";

export interface CriterionEvidence {
  criterion: SalesModelCriterion;
  label: string;
  value: number | null;
  source: InputSource;
  /** Reps behind the team average when that is the source. */
  teamAverageReps: number | null;
  verdict: CriterionVerdict;
  ruleIds: RuleId[];
  threshold: string;
  explanation: string;
  caveat: string | null;
}

export interface SalesModelClassification {
  model: SalesModel;
  confidence: ClassificationConfidence;
  votes: { transactional: number; relationship: number; borderline: number; missing: number };
  evidence: CriterionEvidence[];
  missingInputs: SalesModelCriterion[];
  reasoning: string;
}

/** model.transactional.deal_max: transactional under $35,000, relationship over it. */
export const TRANSACTIONAL_DEAL_MAX = rule("model.transactional.deal_max").value;
/** model.relationship.deal_min_structure: the org-structure section's $32,000; $32K–$35K is borderline. */
export const RELATIONSHIP_DEAL_MIN_STRUCTURE = rule("model.relationship.deal_min_structure").value;
/** model.cycle_days: transactional under 90 days, relationship at 90 or more. */
export const CYCLE_DAYS_THRESHOLD = rule("model.cycle_days").value;
/** model.decision_makers: transactional 1–3, relationship 4+; an average strictly between 3 and 4 is borderline. */
export const RELATIONSHIP_DECISION_MAKERS_MIN = rule("model.decision_makers").value;
export const TRANSACTIONAL_DECISION_MAKERS_MAX = RELATIONSHIP_DECISION_MAKERS_MIN - 1;
/** model.customer_employees: customers with 100+ employees point to the relationship model. */
export const CUSTOMER_EMPLOYEES_THRESHOLD = rule("model.customer_employees").value;

export function dealSizeVerdict(deal: number): CriterionVerdict {
  if (deal < RELATIONSHIP_DEAL_MIN_STRUCTURE) return "transactional";
  if (deal <= TRANSACTIONAL_DEAL_MAX) return "borderline";
  return "relationship";
}

export function cycleVerdict(days: number): CriterionVerdict {
  return days < CYCLE_DAYS_THRESHOLD ? "transactional" : "relationship";
}

export function decisionMakersVerdict(count: number): CriterionVerdict {
  if (count <= TRANSACTIONAL_DECISION_MAKERS_MAX) return "transactional";
  if (count >= RELATIONSHIP_DECISION_MAKERS_MIN) return "relationship";
  return "borderline";
}

export function customerEmployeesVerdict(employees: number): CriterionVerdict {
  return employees < CUSTOMER_EMPLOYEES_THRESHOLD ? "transactional" : "relationship";
}

interface CriterionSpec {
  criterion: SalesModelCriterion;
  label: string;
  profileValue: (p: OrgProfile) => number | null;
  teamMeasure: RepMeasure | null;
  verdict: (value: number) => CriterionVerdict;
  ruleIds: RuleId[];
  threshold: string;
  caveat: string | null;
}

const CRITERIA: readonly CriterionSpec[] = [
  {
    criterion: "deal_size",
    label: "Deal size",
    profileValue: (p) => p.typicalDealSize,
    teamMeasure: "avgDealSize",
    verdict: dealSizeVerdict,
    ruleIds: ["model.transactional.deal_max", "model.relationship.deal_min_structure"],
    threshold:
      "under $32,000 transactional; $32,000–$35,000 borderline (both included); over $35,000 relationship",
    caveat: null,
  },
  {
    criterion: "sales_cycle",
    label: "Sales cycle",
    profileValue: (p) => p.salesCycleDays,
    teamMeasure: "salesCycleDays",
    verdict: cycleVerdict,
    ruleIds: ["model.cycle_days"],
    threshold: "under 90 days transactional; 90 days or more relationship",
    caveat: null,
  },
  {
    criterion: "decision_makers",
    label: "Decision makers",
    profileValue: (p) => p.decisionMakers,
    teamMeasure: "decisionMakers",
    verdict: decisionMakersVerdict,
    ruleIds: ["model.decision_makers"],
    threshold: "1–3 transactional; 4 or more relationship; an average between 3 and 4 borderline",
    caveat: null,
  },
  {
    criterion: "customer_employees",
    label: "Customer size",
    profileValue: (p) => p.customerEmployees,
    teamMeasure: null,
    verdict: customerEmployeesVerdict,
    ruleIds: ["model.customer_employees"],
    threshold: "customers under 100 employees transactional; 100 or more relationship",
    caveat: rule("model.customer_employees").caveat,
  },
];

function positive(value: number | null): value is number {
  return value !== null && Number.isFinite(value) && value > 0;
}

interface ReadInput {
  value: number | null;
  source: InputSource;
  teamAverageReps: number | null;
  explanation: string;
}

function readInput(spec: CriterionSpec, raw: number | null, metrics: TeamMetrics): ReadInput {
  if (positive(raw)) {
    return {
      value: raw,
      source: "org_profile",
      teamAverageReps: null,
      explanation: `${spec.label} ${raw} from the org profile`,
    };
  }
  const teamMetric = spec.teamMeasure ? metrics.byRole.all.averages[spec.teamMeasure] : null;
  if (teamMetric?.kind === "value" && positive(teamMetric.value)) {
    const shown = Math.round(teamMetric.value * 100) / 100;
    return {
      value: teamMetric.value,
      source: "team_average",
      teamAverageReps: teamMetric.reps,
      explanation: `${spec.label} ${shown} as the average of ${teamMetric.reps} reps (not set in the org profile)`,
    };
  }
  const why = spec.teamMeasure
    ? "not in the org profile and too few reps have it for a team average"
    : "not in the org profile (the team file has no such field)";
  return { value: null, source: "missing", teamAverageReps: null, explanation: `${spec.label}: ${why}` };
}

function evidenceFor(spec: CriterionSpec, profile: OrgProfile, metrics: TeamMetrics): CriterionEvidence {
  const raw = spec.profileValue(profile);
  const notes: string[] = spec.caveat ? [spec.caveat] : [];
  if (raw !== null && !positive(raw))
    notes.push(`The profile value ${String(raw)} is not a positive number and was ignored.`);
  if (spec.criterion === "deal_size" && profile.currency.trim().toUpperCase() !== "USD") {
    notes.push(
      `The thresholds are US dollars; your ${profile.currency} amounts are compared without conversion.`,
    );
  }
  const input = readInput(spec, raw, metrics);
  const verdict: CriterionVerdict = input.value === null ? "unknown" : spec.verdict(input.value);
  return {
    criterion: spec.criterion,
    label: spec.label,
    value: input.value,
    source: input.source,
    teamAverageReps: input.teamAverageReps,
    verdict,
    ruleIds: [...spec.ruleIds],
    threshold: spec.threshold,
    explanation:
      verdict === "unknown"
        ? `${input.explanation}; this lowers confidence.`
        : `${input.explanation}: ${verdict}.`,
    caveat: notes.length > 0 ? notes.join(" ") : null,
  };
}

function decideModel(transactional: number, relationship: number, known: number): SalesModel {
  if (known === 0) return "unknown";
  if (relationship > transactional && (transactional === 0 || relationship - transactional >= 2))
    return "relationship";
  if (transactional > relationship && (relationship === 0 || transactional - relationship >= 2))
    return "transactional";
  return "borderline";
}

/**
 * Confidence: none without any input; high with all four from the profile, none borderline and no criterion
 * pointing the other way; medium with three or more known and none pointing the other way; low otherwise.
 */
function confidenceFor(
  evidence: readonly CriterionEvidence[],
  votes: SalesModelClassification["votes"],
): ClassificationConfidence {
  const known = evidence.length - votes.missing;
  if (known === 0) return "none";
  const opposed = votes.transactional > 0 && votes.relationship > 0;
  const allFromProfile = evidence.every((e) => e.source === "org_profile");
  if (known === evidence.length && allFromProfile && votes.borderline === 0 && !opposed) return "high";
  if (known >= 3 && !opposed) return "medium";
  return "low";
}

export function classifySalesModel(profile: OrgProfile, metrics: TeamMetrics): SalesModelClassification {
  const evidence = CRITERIA.map((spec) => evidenceFor(spec, profile, metrics));
  const count = (verdict: CriterionVerdict) => evidence.filter((e) => e.verdict === verdict).length;
  const votes = {
    transactional: count("transactional"),
    relationship: count("relationship"),
    borderline: count("borderline"),
    missing: count("unknown"),
  };
  const known = evidence.length - votes.missing;
  const model = decideModel(votes.transactional, votes.relationship, known);
  const confidence: ClassificationConfidence = confidenceFor(evidence, votes);
  const missingInputs = evidence.filter((e) => e.source === "missing").map((e) => e.criterion);
  const reasoning =
    model === "unknown"
      ? "No criterion is known: set deal size, sales cycle, decision makers and customer size in the org profile."
      : `${votes.relationship} ${votes.relationship === 1 ? "criterion points" : "criteria point"} to the relationship model, ${votes.transactional} to the transactional model, ${votes.borderline} ${votes.borderline === 1 ? "is" : "are"} borderline and ${votes.missing} unknown. ` +
        "A model needs the majority with none against it, or a lead of two.";
  return { model, confidence, votes, evidence, missingInputs, reasoning };
}
