import "server-only";
import type { OpenAPIHono } from "@hono/zod-openapi";
import { getReport, type Report } from "../../reports/report";
import { serializeOnce } from "../../immutable";
import { ProblemError } from "../../rest/problem";
import { reportQuerySchema, reportSchema, type ReportJson } from "../../rest/schemas";
import { AUTH, BASE, endpoint } from "../endpoint";
import type { HttpEnv } from "../env";
import { mount } from "../register";
import { jsonResponse, RawJson } from "../respond";

export const getReportRoute = endpoint({
  method: "get",
  path: "/report",
  operationId: "getReport",
  tag: "Report",
  summary: "The benchmark report",
  description:
    "Everything the overview dashboard shows, computed by the same service: size band, composition and mix, team metrics by role, every gap against a benchmark figure (by `figureId`: org value, benchmark value, difference, status), the sales-model classification with its evidence, the ranked recommendations with the dataset ids they rest on, and the data vintage.",
  scope: "read",
  curl: `curl -sS "${BASE}/report" ${AUTH}`,
  request: { query: reportQuerySchema },
  success: { status: 200, description: "The report.", schema: reportSchema },
  problems: ["invalid-parameters", "not-found", "no-upload", "unprocessable"],
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

export function mountReport(app: OpenAPIHono<HttpEnv>) {
  // Exactly what the overview dashboard computes (the same `getReport`), for the current snapshot or the one asked.
  mount(app, getReportRoute, async (c) => {
    const ctx = c.var.api;
    const query = c.req.valid("query");
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
}
