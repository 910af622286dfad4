import "server-only";
import { processState } from "../state";
import type { Report } from "./report";

/**
 * The kept reports of the process (src/server/state.ts: one cache for both copies of the services), keyed by
 * `keptReportKey`: the organization first, then whatever makes the report differ. Apart from report.ts, which
 * fills and reads it, services only drop an organization's entries: whatever changes its report (a new import,
 * another current snapshot, a deleted snapshot, a profile change, its deletion) calls `forgetKeptReports`
 * once its transaction has committed. Kept reports are only ever served after an access check, so dropping them
 * is about memory and staleness, not access; other processes let theirs expire.
 */
export function keptReportKey(organizationId: string, ...rest: unknown[]): string {
  return JSON.stringify([organizationId, ...rest]);
}

const organizationOfKey = (key: string) => (JSON.parse(key) as unknown[])[0];

export function getKeptReport(key: string): Report | undefined {
  return processState().reports.get(key);
}

export function keepReport(key: string, report: Report) {
  processState().reports.set(key, report);
}

/** How many reports this process keeps of an organization (tests, diagnostics). */
export function keptReportsOf(organizationId: string) {
  return [...processState().reports.keys()].filter((key) => organizationOfKey(key) === organizationId).length;
}

/** Drops what this process keeps of an organization. */
export function forgetKeptReports(organizationId: string) {
  const reports = processState().reports;
  for (const key of [...reports.keys()]) if (organizationOfKey(key) === organizationId) reports.delete(key);
}
