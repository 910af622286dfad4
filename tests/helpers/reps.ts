import type { Rep } from "@/lib/team/types";

/** A rep with every optional field empty: tests spread their own values over it. */
export const EMPTY_REP: Rep = {
  name: "",
  email: null,
  role: "inside",
  title: null,
  team: null,
  baseSalary: null,
  ote: null,
  annualQuota: null,
  quotaAttainment: null,
  calls: null,
  voicemails: null,
  emails: null,
  socialTouches: null,
  meetings: null,
  dealsWon: null,
  avgDealSize: null,
  salesCycleDays: null,
  decisionMakers: null,
  remoteSellingPct: null,
};
