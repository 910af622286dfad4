/** Builders for reps and org profiles used across the benchmark tests. */
import type { OrgProfile, Rep, RepRole } from "@/lib/team/types";
import { EMPTY_REP } from "../../helpers/reps";

export function makeRep(role: RepRole, overrides: Partial<Rep> = {}): Rep {
  return { ...EMPTY_REP, name: `${role} rep`, role, ...overrides };
}

export function makeReps(count: number, role: RepRole, overrides: Partial<Rep> = {}): Rep[] {
  return Array.from({ length: count }, (_, i) => makeRep(role, { name: `${role} ${i + 1}`, ...overrides }));
}

export function makeProfile(overrides: Partial<OrgProfile> = {}): OrgProfile {
  return {
    annualRevenue: null,
    employeeCount: null,
    currency: "USD",
    typicalDealSize: null,
    salesCycleDays: null,
    decisionMakers: null,
    customerEmployees: null,
    ...overrides,
  };
}

/** True when a JSON value holds no NaN, no Infinity and no undefined anywhere. */
export function isPlainJson(value: unknown): boolean {
  if (value === null || typeof value === "string" || typeof value === "boolean") return true;
  if (typeof value === "number") return Number.isFinite(value);
  if (Array.isArray(value)) return value.every(isPlainJson);
  if (typeof value === "object") return Object.values(value).every((v) => v !== undefined && isPlainJson(v));
  return false;
}
