/**
 * The shape of one sales rep as the product understands it, independent of how it was stored or uploaded.
 * Fields follow the team CSV (see the template); every optional measure is `null` when missing, never 0.
 * Percent-like values (quotaAttainment, remoteSellingPct) are fractions: 0.87 means 87%.
 * Money is yearly and in the organization's currency.
 */
export const REP_ROLES = ["inside", "outside", "hybrid"] as const;
export type RepRole = (typeof REP_ROLES)[number];

export interface Rep {
  name: string;
  email: string | null;
  role: RepRole;
  title: string | null;
  team: string | null;
  baseSalary: number | null;
  ote: number | null;
  annualQuota: number | null;
  quotaAttainment: number | null;
  calls: number | null;
  voicemails: number | null;
  emails: number | null;
  socialTouches: number | null;
  meetings: number | null;
  dealsWon: number | null;
  avgDealSize: number | null;
  salesCycleDays: number | null;
  decisionMakers: number | null;
  remoteSellingPct: number | null;
}

/** Numeric rep measures, in the order of the team CSV. */
export const REP_MEASURES = [
  "baseSalary",
  "ote",
  "annualQuota",
  "quotaAttainment",
  "calls",
  "voicemails",
  "emails",
  "socialTouches",
  "meetings",
  "dealsWon",
  "avgDealSize",
  "salesCycleDays",
  "decisionMakers",
  "remoteSellingPct",
] as const satisfies readonly (keyof Rep)[];
export type RepMeasure = (typeof REP_MEASURES)[number];

/** The organization's profile as the benchmark engine needs it; every field optional (null = not set). */
export interface OrgProfile {
  annualRevenue: number | null;
  employeeCount: number | null;
  currency: string;
  typicalDealSize: number | null;
  salesCycleDays: number | null;
  decisionMakers: number | null;
  customerEmployees: number | null;
}
