import type { Rep } from "@/lib/team/types";
import { repsToCsv } from "./export";

/** The example row of the template (the figures of the team CSV description). */
export const TEMPLATE_EXAMPLE_REP: Readonly<Rep> = {
  name: "Ana Ruiz",
  email: "ana@acme.com",
  role: "inside",
  title: "Account Executive",
  team: "EMEA Mid-Market",
  baseSalary: 42833,
  ote: 96299,
  annualQuota: 1200000,
  quotaAttainment: 0.87,
  calls: 412,
  voicemails: 96,
  emails: 1050,
  socialTouches: 60,
  meetings: 38,
  dealsWon: 9,
  avgDealSize: 28500,
  salesCycleDays: 64,
  decisionMakers: 3,
  remoteSellingPct: 0.45,
};

/** The downloadable template: every field's header and one example row, UTF-8 with BOM. */
export function templateCsv(): string {
  return repsToCsv([TEMPLATE_EXAMPLE_REP]);
}
