import { z } from "zod";
import { oneLineText } from "./text";

const optionalNumber = (label: string, opts: { min: number; max: number; int?: boolean }) => {
  let n = z
    .number({ error: `${label} must be a number` })
    .min(opts.min, `${label} cannot be below ${opts.min.toLocaleString("en-US")}`)
    .max(opts.max, `${label} looks too large (at most ${opts.max.toLocaleString("en-US")})`);
  if (opts.int) n = n.int(`${label} must be a whole number`);
  return n.nullable().optional();
};

/** The organization profile: every field optional; null clears it. Shared by the settings form, tRPC and the REST API. */
export const orgProfileSchema = z.object({
  name: oneLineText("The organization's name")
    .trim()
    .min(2, "Enter the organization's name (at least 2 characters)")
    .max(100)
    .optional(),
  annualRevenue: optionalNumber("Annual revenue", { min: 0, max: 1e13 }),
  employeeCount: optionalNumber("Employee count", { min: 1, max: 10_000_000, int: true }),
  industry: oneLineText("The industry")
    .trim()
    .max(100, "Keep the industry under 100 characters")
    .nullable()
    .optional(),
  currency: z
    .string()
    .trim()
    .regex(/^[A-Z]{3}$/, "Use a three-letter currency code such as USD or EUR")
    .optional(),
  typicalDealSize: optionalNumber("Typical deal size", { min: 0, max: 1e10 }),
  salesCycleDays: optionalNumber("Sales cycle", { min: 0, max: 3650 }),
  decisionMakers: optionalNumber("Decision makers per deal", { min: 0, max: 100 }),
  customerEmployees: optionalNumber("Customer employee count", { min: 0, max: 10_000_000, int: true }),
});
export type OrgProfileInput = z.input<typeof orgProfileSchema>;
