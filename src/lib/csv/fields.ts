import type { Rep } from "@/lib/team/types";

/**
 * The columns of the team CSV: which Rep field each one fills, its template header, how its cells are read
 * and the range a value must fall in. `firstName` / `lastName` are extra mapping targets for HR exports that
 * split the name; they are joined into `name`.
 */
export type TeamField = keyof Rep;
export type NamePart = "firstName" | "lastName";
export type MappingTarget = TeamField | NamePart;

export type FieldKind = "name" | "email" | "role" | "text" | "money" | "count" | "number" | "percent";

export interface TeamFieldSpec {
  target: MappingTarget;
  /** Header in the template and in exports. */
  header: string;
  /** How messages name the field. */
  label: string;
  kind: FieldKind;
  required: boolean;
  /** Largest accepted value (fractions for percent fields); null for text. */
  max: number | null;
  /** The same limit as a reader would write it. */
  maxLabel: string | null;
  description: string;
}

const spec = (s: TeamFieldSpec): TeamFieldSpec => s;

/** Rep fields in template order. */
export const TEAM_FIELDS: readonly TeamFieldSpec[] = [
  spec({
    target: "name",
    header: "name",
    label: "name",
    kind: "name",
    required: true,
    max: null,
    maxLabel: null,
    description: "The rep's name.",
  }),
  spec({
    target: "email",
    header: "email",
    label: "email",
    kind: "email",
    required: false,
    max: null,
    maxLabel: null,
    description: "Unique within one file; identifies the rep across uploads.",
  }),
  spec({
    target: "role",
    header: "role",
    label: "role",
    kind: "role",
    required: true,
    max: null,
    maxLabel: null,
    description: "inside, outside or hybrid.",
  }),
  spec({
    target: "title",
    header: "title",
    label: "title",
    kind: "text",
    required: false,
    max: null,
    maxLabel: null,
    description: "Job title.",
  }),
  spec({
    target: "team",
    header: "team",
    label: "team",
    kind: "text",
    required: false,
    max: null,
    maxLabel: null,
    description: "Team, segment or region.",
  }),
  spec({
    target: "baseSalary",
    header: "base_salary",
    label: "base salary",
    kind: "money",
    required: false,
    max: 10_000_000,
    maxLabel: "10,000,000",
    description: "Yearly base pay.",
  }),
  spec({
    target: "ote",
    header: "ote",
    label: "OTE",
    kind: "money",
    required: false,
    max: 20_000_000,
    maxLabel: "20,000,000",
    description: "Yearly on-target earnings (base plus variable).",
  }),
  spec({
    target: "annualQuota",
    header: "annual_quota",
    label: "annual quota",
    kind: "money",
    required: false,
    max: 1_000_000_000,
    maxLabel: "1,000,000,000",
    description: "Yearly quota in money.",
  }),
  spec({
    target: "quotaAttainment",
    header: "quota_attainment",
    label: "quota attainment",
    kind: "percent",
    required: false,
    max: 10,
    maxLabel: "1,000%",
    description: "Share of quota reached in the period.",
  }),
  spec({
    target: "calls",
    header: "calls",
    label: "calls",
    kind: "count",
    required: false,
    max: 1_000_000,
    maxLabel: "1,000,000",
    description: "Calls made in the period.",
  }),
  spec({
    target: "voicemails",
    header: "voicemails",
    label: "voicemails",
    kind: "count",
    required: false,
    max: 1_000_000,
    maxLabel: "1,000,000",
    description: "Voicemails left in the period.",
  }),
  spec({
    target: "emails",
    header: "emails",
    label: "emails",
    kind: "count",
    required: false,
    max: 1_000_000,
    maxLabel: "1,000,000",
    description: "Emails sent in the period.",
  }),
  spec({
    target: "socialTouches",
    header: "social_touches",
    label: "social touches",
    kind: "count",
    required: false,
    max: 1_000_000,
    maxLabel: "1,000,000",
    description: "Social-selling touches in the period.",
  }),
  spec({
    target: "meetings",
    header: "meetings",
    label: "meetings",
    kind: "count",
    required: false,
    max: 100_000,
    maxLabel: "100,000",
    description: "Meetings held (in person or video) in the period.",
  }),
  spec({
    target: "dealsWon",
    header: "deals_won",
    label: "deals won",
    kind: "count",
    required: false,
    max: 100_000,
    maxLabel: "100,000",
    description: "Deals closed-won in the period.",
  }),
  spec({
    target: "avgDealSize",
    header: "avg_deal_size",
    label: "average deal size",
    kind: "money",
    required: false,
    max: 1_000_000_000,
    maxLabel: "1,000,000,000",
    description: "Average closed-won deal size.",
  }),
  spec({
    target: "salesCycleDays",
    header: "sales_cycle_days",
    label: "sales cycle (days)",
    kind: "number",
    required: false,
    max: 3_650,
    maxLabel: "3,650 days",
    description: "Average days from first touch to close.",
  }),
  spec({
    target: "decisionMakers",
    header: "decision_makers",
    label: "decision makers",
    kind: "number",
    required: false,
    max: 100,
    maxLabel: "100",
    description: "Average decision makers per deal.",
  }),
  spec({
    target: "remoteSellingPct",
    header: "remote_selling_pct",
    label: "remote selling share",
    kind: "percent",
    required: false,
    max: 1,
    maxLabel: "100%",
    description: "Share of selling time done remotely.",
  }),
];

/** Mapping targets that are not Rep fields: parts of a split name. */
export const NAME_PART_FIELDS: readonly TeamFieldSpec[] = [
  spec({
    target: "firstName",
    header: "first_name",
    label: "first name",
    kind: "text",
    required: false,
    max: null,
    maxLabel: null,
    description: "Joined with the last name when there is no full-name column.",
  }),
  spec({
    target: "lastName",
    header: "last_name",
    label: "last name",
    kind: "text",
    required: false,
    max: null,
    maxLabel: null,
    description: "Joined with the first name when there is no full-name column.",
  }),
];

export const MAPPING_TARGET_SPECS: readonly TeamFieldSpec[] = [...TEAM_FIELDS, ...NAME_PART_FIELDS];
export const MAPPING_TARGETS: readonly MappingTarget[] = MAPPING_TARGET_SPECS.map((f) => f.target);

const SPEC_BY_TARGET = new Map<MappingTarget, TeamFieldSpec>(MAPPING_TARGET_SPECS.map((f) => [f.target, f]));

export function fieldSpec(target: MappingTarget): TeamFieldSpec {
  const found = SPEC_BY_TARGET.get(target);
  if (!found) throw new Error(`Unknown team CSV field: ${target}`);
  return found;
}

export function isMappingTarget(value: string): value is MappingTarget {
  return SPEC_BY_TARGET.has(value as MappingTarget);
}

/** Numeric kinds read by the number parser. */
export type NumericKind = "money" | "count" | "number" | "percent";
export function isNumericKind(kind: FieldKind): kind is NumericKind {
  return kind === "money" || kind === "count" || kind === "number" || kind === "percent";
}

/**
 * Below this, a plain number in a percent column counts as "looks like a fraction" when the column rule is
 * decided. Attainment fractions often exceed 1 (a rep at 130 % is 1.3), remote shares never do.
 */
export const FRACTION_THRESHOLD: Partial<Record<TeamField, number>> = {
  quotaAttainment: 1.5,
  remoteSellingPct: 1,
};
