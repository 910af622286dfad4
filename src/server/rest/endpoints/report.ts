import "server-only";
import { getReport, type Report } from "../../reports/report";
import { serializeOnce } from "../../immutable";
import { jsonResponse, keyEndpoint, parseQuery, RawJson } from "../endpoint";
import { ProblemError } from "../problem";
import { reportQuerySchema, type ReportJson } from "../schemas";

/**
 * GET /report: exactly what the overview dashboard computes (the same `getReport`), as JSON, for the current
 * snapshot or the one asked for.
 */
export const getReportJson = keyEndpoint("read", async (ctx) => {
  const query = parseQuery(ctx.url, reportQuerySchema);
  const report = await getReport(ctx.db, ctx.org, {
    snapshotId: query.snapshot ?? null,
    current: ctx.currentSnapshotId,
    filter: { team: query.team ?? null, title: query.title ?? null },
  });
  if (!report) {
    throw new ProblemError(
      "no-upload",
      "No team has been uploaded yet, so there is nothing to report. Upload one with POST /api/v1/imports.",
    );
  }
  return jsonResponse(reportBody(report));
});

/** The report as the API sends it (dates as ISO strings); for a kept report, made once. */
const reportBody = serializeOnce((value) => {
  const report = value as Report;
  const body: ReportJson = {
    ...report,
    snapshot: { ...report.snapshot, createdAt: report.snapshot.createdAt.toISOString() },
  };
  return new RawJson(JSON.stringify(body));
});
