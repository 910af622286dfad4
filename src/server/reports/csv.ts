import "server-only";
import type { Organization } from "../db/schema";
import type { Database } from "../db/client";
import { withTenant } from "../db/tenant";
import { recordAudit, type Actor } from "../audit";
import { ServiceError } from "../errors";
import { getReport, type Report, type ReportFilter } from "./report";
import { evaluateScenario, type EvaluatedScenario } from "../planner/data";
import { can, type Role } from "@/lib/permissions";
import { CSV_BOM, csvCell, formatNumberCell } from "@/lib/csv";
import {
  BENCHMARK_DATASET,
  MEASURE_LABELS,
  figure,
  type Gap,
  type Metric,
  type RoleScope,
} from "@/lib/benchmarks";
import { REP_MEASURES, type RepMeasure } from "@/lib/team/types";

/**
 * The report as one CSV for a spreadsheet: every metric and gap of the overview, one row each, under one
 * header. Numbers are plain (shares as "37.5%", money in the org's currency, ratios as "1.425"); no number
 * column is ever negative — a signed difference is written in words ("5.3 pts below") — so no cell needs an
 * apostrophe to stay a number. Text from the org (names, file names, teams, titles) goes through `csvCell`,
 * which neutralises anything a spreadsheet would run as a formula.
 */
export const REPORT_CSV_HEADER = [
  "section",
  "item",
  "scope",
  "label",
  "value",
  "unit",
  "reps",
  "benchmark",
  "difference",
  "status",
  "assessment",
  "figure_ids",
  "basis",
  "fallback",
  "estimate",
  "note",
] as const;
type Column = (typeof REPORT_CSV_HEADER)[number];
type Row = Partial<Record<Column, string | number | boolean | null>>;

const LINE_END = "\r\n";
const SCOPES: readonly RoleScope[] = ["inside", "hybrid", "outside", "all"];
const MONEY: readonly RepMeasure[] = ["baseSalary", "ote", "annualQuota", "avgDealSize"];
const SHARES: readonly RepMeasure[] = ["quotaAttainment", "remoteSellingPct"];

const round = (value: number, digits: number) => {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
};
/** A non-negative number as a plain cell; shares as percentages ("37.5%"). */
const num = (value: number | null, kind: "share" | "money" | "number" | "ratio" | "count") => {
  if (value === null || !Number.isFinite(value)) return "";
  if (value < 0) throw new Error("report CSV numbers are never negative");
  if (kind === "share") return formatNumberCell(round(value, 4), true);
  if (kind === "ratio") return formatNumberCell(round(value, 4), false);
  if (kind === "count") return formatNumberCell(Math.round(value), false);
  return formatNumberCell(round(value, 2), false);
};

function cell(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "boolean") return value ? "yes" : "no";
  // Numbers arrive already formatted by `num`; everything is neutralised and quoted the same way.
  return csvCell(String(value));
}

function line(row: Row): string {
  return REPORT_CSV_HEADER.map((c) => cell(row[c])).join(",") + LINE_END;
}

const insufficientNote = (m: Extract<Metric, { kind: "insufficient" }>) =>
  `not enough data (needs ${m.needed} reps, has ${m.have})`;

function metricRow(base: Row, metric: Metric, kind: "share" | "money" | "number"): Row {
  if (metric.kind === "insufficient") {
    return { ...base, reps: metric.have, status: "insufficient", note: insufficientNote(metric) };
  }
  return { ...base, value: num(metric.value, kind), reps: metric.reps, status: "ok" };
}

const pts = (x: number) => `${round(Math.abs(x) * 100, 1)}`;
const side = (x: number) => (x > 0 ? "above" : "below");

/** A signed difference in words, never starting with a sign. */
function differenceText(gap: Gap, currency: string): string {
  const abs = gap.absoluteDifference;
  const rel = gap.relativeDifference;
  if (abs === null || rel === null) return "";
  if (abs === 0) return "equal to the figure";
  const relative = `${pts(rel)}% ${side(rel)} relative`;
  if (gap.kind === "cohort_ratio") return `${pts(abs)} premium pts ${side(abs)} (${relative})`;
  if (figure(gap.figureId).unit === "usd")
    return `${round(Math.abs(abs), 2)} ${currency} ${side(abs)} (${relative})`;
  return `${pts(abs)} pts ${side(abs)} (${relative})`;
}

function gapRow(gap: Gap, currency: string): Row {
  const f = figure(gap.figureId);
  const ratio = gap.kind === "cohort_ratio";
  const higher = f.cohort.higherSide ?? "outside";
  const lower = higher === "inside" ? "outside" : "inside";
  const unit = ratio
    ? `ratio (${higher} average ÷ ${lower} average)`
    : f.unit === "usd"
      ? `${currency} (figure in USD)`
      : "share";
  // A cohort ratio is written as 1 + premium: never negative, and what the relative difference divides.
  const valueOf = (v: number | null) =>
    v === null ? "" : ratio ? num(1 + v, "ratio") : num(v, f.unit === "usd" ? "money" : "share");
  const detail = [
    `Your value: ${gap.orgDescription}.`,
    gap.insufficient
      ? `Not enough data: the ${gap.insufficient.scope} side needs ${gap.insufficient.needed} reps with a value, has ${gap.insufficient.have}.`
      : null,
    gap.notComparableReason,
    gap.benchmark.label,
    `Caveat: ${gap.caveat}`,
  ];
  return {
    section: "gap",
    item: gap.figureId,
    scope: gap.insufficient?.scope ?? null,
    label: gap.label,
    value: valueOf(gap.orgValue),
    unit,
    reps: gap.orgReps,
    benchmark: valueOf(gap.benchmark.value),
    difference: differenceText(gap, currency),
    status: gap.status,
    assessment: gap.assessment,
    figure_ids: gap.figureId,
    basis: gap.basis,
    fallback: gap.benchmark.isFallback,
    estimate: gap.benchmark.isEstimate,
    note: detail.filter(Boolean).join(" "),
  };
}

/** Every row of the report CSV, header first; the BOM is added by `reportToCsv`. */
export function reportCsvLines(report: Report, generatedAt: Date): string[] {
  const { analysis, organization: org, snapshot } = report;
  const { metrics } = analysis;
  const currency = org.currency;
  const lines: string[] = [REPORT_CSV_HEADER.map((h) => csvCell(h)).join(",") + LINE_END];
  const push = (row: Row) => lines.push(line(row));

  // About the report.
  const about: [string, string, string | number | null][] = [
    ["organization", "Organization", org.name],
    ["snapshot_as_of", "Team as of", snapshot.asOf],
    ["snapshot_period", "Activity period", snapshot.period],
    ["snapshot_file", "Uploaded file", snapshot.fileName],
    ["snapshot_reps", "Reps in the upload", snapshot.rowCount],
    ["filter_team", "Filter: team", report.filter.team],
    ["filter_title", "Filter: title", report.filter.title],
    ["reps_in_report", "Reps in this report", metrics.headCount.total],
    ["size_band", "Size band", report.bandInfo.label],
    ["size_band_boundaries", "Size band boundaries", report.bandInfo.boundaries],
    ["currency", "Currency of the team file", currency],
    [
      "dataset",
      "Benchmarks",
      `${BENCHMARK_DATASET.id}: “${BENCHMARK_DATASET.title}”, ${BENCHMARK_DATASET.publisher}`,
    ],
    ["vintage", "Data vintage of the benchmarks", analysis.vintageLabel],
    ["generated_at", "Generated", generatedAt.toISOString()],
    ["methodology", "Methodology", "/methodology"],
  ];
  for (const [item, label, value] of about) push({ section: "report", item, label, value });

  // Composition.
  for (const scope of ["inside", "hybrid", "outside", "total"] as const) {
    push({
      section: "composition",
      item: "head_count",
      scope: scope === "total" ? "all" : scope,
      label: `Reps, ${scope}`,
      value: num(metrics.headCount[scope], "count"),
      unit: "reps",
      status: "ok",
    });
  }
  const mixRows: [string, string, Metric, string][] = [
    ["inside_share", "Inside share", metrics.mix.insideShare, "(inside + ½ hybrid) ÷ all reps"],
    ["hybrid_share", "Hybrid share", metrics.mix.hybridShare, "hybrid ÷ all reps"],
    ["outside_share", "Outside share", metrics.mix.outsideShare, "(outside + ½ hybrid) ÷ all reps"],
  ];
  for (const [item, label, metric, note] of mixRows) {
    push({
      ...metricRow({ section: "composition", item, scope: "all", label, unit: "share" }, metric, "share"),
      note,
    });
  }
  push({
    section: "composition",
    item: "orientation",
    scope: "all",
    label: "Orientation",
    value: metrics.mix.orientation,
  });

  // Per-role averages, with the reps behind each.
  for (const scope of SCOPES) {
    const role = metrics.byRole[scope];
    for (const measure of REP_MEASURES) {
      const kind = MONEY.includes(measure) ? "money" : SHARES.includes(measure) ? "share" : "number";
      const unit =
        kind === "money"
          ? currency
          : kind === "share"
            ? "share"
            : measure === "salesCycleDays"
              ? "days"
              : "per rep";
      push(
        metricRow(
          {
            section: "role_average",
            item: measure,
            scope,
            label: `Average ${MEASURE_LABELS[measure]}`,
            unit,
          },
          role.averages[measure],
          kind,
        ),
      );
    }
    push(
      metricRow(
        {
          section: "role_average",
          item: "social_share_of_touches",
          scope,
          label: "Social share of touches",
          unit: "share",
          note: "social touches ÷ (calls + voicemails + emails + social touches), over reps with all four",
        },
        role.socialShareOfTouches,
        "share",
      ),
    );
    push(
      metricRow(
        {
          section: "role_average",
          item: "share_at_or_above_quota",
          scope,
          label: "Reps at or above quota",
          unit: "share",
          note: "reps with attainment of 100% or more ÷ reps with an attainment",
        },
        role.shareAtOrAboveQuota,
        "share",
      ),
    );
    for (const bucket of role.attainmentDistribution) {
      push({
        section: "attainment",
        item: bucket.id,
        scope,
        label: `Attainment ${bucket.label}`,
        value: num(bucket.count, "count"),
        unit: "reps",
        note:
          bucket.share === null
            ? "no reps with an attainment"
            : `${num(bucket.share, "share")} of reps with an attainment`,
      });
    }
  }

  // Every comparison with the article.
  for (const gap of analysis.gaps) push(gapRow(gap, currency));

  // Sales-model classification and its evidence.
  const c = analysis.classification;
  push({
    section: "classification",
    item: "model",
    label: "Sales model",
    value: c.model,
    status: `confidence ${c.confidence}`,
    note: c.reasoning,
  });
  for (const e of c.evidence) {
    push({
      section: "classification",
      item: e.criterion,
      label: e.label,
      value: e.value === null ? null : num(e.value, e.criterion === "deal_size" ? "money" : "number"),
      unit: e.criterion === "deal_size" ? currency : e.criterion === "sales_cycle" ? "days" : null,
      reps: e.teamAverageReps,
      benchmark: e.threshold,
      status: e.verdict,
      figure_ids: e.ruleIds.join(" "),
      basis: e.source,
      note: [e.explanation, e.caveat].filter(Boolean).join(" "),
    });
  }

  // Recommendations, ranked, with the figures they rest on.
  for (const r of analysis.recommendations) {
    push({
      section: "recommendation",
      item: r.id,
      label: r.title,
      value: r.rank,
      status: r.priority,
      figure_ids: r.figureIds.join(" "),
      note: `${r.reasoning} What the article's cohorts show: ${r.expectedEffect}`,
    });
  }
  return lines;
}

/** The whole CSV: UTF-8 byte-order mark (for Excel), header, rows, CRLF line ends. */
/**
 * A saved scenario's rows (section "scenario"): what it is, capacity and cost per role before and after its
 * moves, and each quarter of its plan. Moved reps' figures are projections from cohort figures (their ids in
 * figure_ids); the plan's inputs are the user's assumptions; cost of sale and quota-to-OTE have no benchmark.
 */
export function scenarioCsvLines(evaluated: EvaluatedScenario): string[] {
  const { scenario, result, currency } = evaluated;
  const lines: string[] = [];
  const push = (row: Row) => lines.push(line({ section: "scenario", ...row }));
  push({ item: "scenario_name", label: "Scenario", value: scenario.name });
  push({ item: "scenario_author", label: "Saved by", value: scenario.author });
  push({ item: "scenario_updated", label: "Last changed", value: scenario.updatedAt.toISOString() });
  push({ item: "scenario_snapshot", label: "Starts from the upload", value: scenario.snapshotLabel });
  push({
    item: "scenario_moves",
    label: "Reps moved",
    value: num(scenario.content.moves.length, "count"),
    unit: "reps",
  });
  if (!result) {
    push({
      item: "scenario_snapshot_deleted",
      label: "Upload deleted",
      status: "not_enough_data",
      note: "The upload this scenario starts from was deleted: rebase it on the current upload in the planner.",
    });
    return lines;
  }
  const projection = result.after.moved > 0 ? result.after.projectionIds.join(" ") : null;
  for (const [when, cap] of [
    ["before", result.before],
    ["after", result.after],
  ] as const) {
    for (const scope of ["inside", "hybrid", "outside", "all"] as const) {
      const r = scope === "all" ? cap.total : cap.byRole[scope];
      const row = (
        item: string,
        label: string,
        v: { value: number | null; reps: number },
        kind: "money" | "ratio",
        unit: string,
        note: string | null = null,
      ): Row => ({
        item: `${when}.${item}`,
        scope,
        label: `${label}, ${when} the moves`,
        value: num(v.value, kind),
        unit,
        reps: v.reps,
        status: v.value === null ? "not_enough_data" : "ok",
        basis: when === "after" && r.movedIn > 0 ? "projection" : "your_data",
        figure_ids: when === "after" && r.movedIn > 0 ? projection : null,
        note,
      });
      push({
        item: `${when}.head_count`,
        scope,
        label: `Reps, ${when} the moves`,
        value: num(r.headCount, "count"),
        unit: "reps",
        status: "ok",
        basis: "your_data",
      });
      push(
        row(
          "quota_capacity",
          "Quota capacity (Σ quota × attainment)",
          r.capacity,
          "money",
          `${currency} a year`,
        ),
      );
      push(row("ote_cost", "OTE cost", r.oteCost, "money", `${currency} a year`));
      push(row("base_cost", "Base cost", r.baseCost, "money", `${currency} a year`));
      push(
        row(
          "cost_of_sale",
          "Cost of sale (OTE ÷ quota capacity)",
          r.costOfSale,
          "ratio",
          "ratio",
          cap.noBenchmarkNote,
        ),
      );
      push(row("quota_to_ote", "Quota-to-OTE", r.quotaToOte, "ratio", "ratio", cap.noBenchmarkNote));
    }
  }
  for (const q of result.plan.quarters) {
    const base = { scope: "all", basis: "assumption", note: result.plan.assumptionsLabel } as const;
    const label = q.quarter === 0 ? "start" : `quarter ${q.quarter}`;
    push({
      ...base,
      item: `plan.q${q.quarter}.head_count`,
      label: `Expected reps, ${label}`,
      value: num(q.total.headCount, "number"),
      unit: "reps",
    });
    for (const role of ["inside", "hybrid", "outside"] as const)
      push({
        ...base,
        scope: role,
        item: `plan.q${q.quarter}.head_count`,
        label: `Expected ${role} reps, ${label}`,
        value: num(q.byRole[role].headCount, "number"),
        unit: "reps",
      });
    push({
      ...base,
      item: `plan.q${q.quarter}.inside_share`,
      label: `Inside share, ${label}`,
      value: num(q.insideShare, "share"),
      unit: "share",
      benchmark: evaluated.range
        ? `${num(evaluated.range.low, "share")}–${num(evaluated.range.high, "share")}`
        : null,
      difference:
        q.gapToRange === null
          ? null
          : q.gapToRange === 0
            ? "in the target range"
            : `${round(q.gapToRange * 100, 1)} pts outside the target range`,
      figure_ids: evaluated.range?.figureIds.join(" ") ?? null,
    });
    push({
      ...base,
      item: `plan.q${q.quarter}.ramped_capacity`,
      label: `Ramped quota capacity, ${label}`,
      value: num(q.total.capacity, "money"),
      unit: `${currency} a quarter`,
      status: q.total.capacity === null ? "not_enough_data" : "ok",
    });
    push({
      ...base,
      item: `plan.q${q.quarter}.ote_cost`,
      label: `OTE cost, ${label}`,
      value: num(q.total.oteCost, "money"),
      unit: `${currency} a quarter`,
      status: q.total.oteCost === null ? "not_enough_data" : "ok",
    });
  }
  return lines;
}

export function reportToCsv(
  report: Report,
  generatedAt = new Date(),
  scenario: EvaluatedScenario | null = null,
): string {
  return (
    CSV_BOM +
    reportCsvLines(report, generatedAt).join("") +
    (scenario ? scenarioCsvLines(scenario).join("") : "")
  );
}

function safeFilePart(text: string) {
  return text.replace(/[^\w.-]+/g, "-").replace(/^[-.]+|[-.]+$/g, "") || "team";
}

/**
 * The report CSV for a signed-in member: analyst or more (`exports.create`), audited as `export.report` in the
 * same transaction as the read, so an export is never sent without its audit row.
 */
export async function exportReportCsv(
  db: Database,
  org: Organization,
  role: Role,
  actor: Actor,
  filter: ReportFilter,
  ip?: string | null,
  scenarioId?: string | null,
): Promise<{ fileName: string; csv: string }> {
  if (!can(role, "exports.create")) {
    throw new ServiceError("FORBIDDEN", `Your role (${role}) cannot export data. Ask an analyst or admin.`);
  }
  const report = await withTenant(db, org.id, async (tx) => {
    const found = await getReport(tx, org, { filter });
    if (!found) throw new ServiceError("NOT_FOUND", "No team has been uploaded yet.");
    await recordAudit(tx, {
      organizationId: org.id,
      actor,
      action: "export.report",
      targetType: "snapshot",
      targetId: found.snapshot.id,
      ip,
      data: {
        format: "csv",
        asOf: found.snapshot.asOf,
        team: found.filter.team,
        title: found.filter.title,
        reps: found.analysis.metrics.headCount.total,
      },
    });
    return found;
  });
  const parts = [org.slug, "report", report.snapshot.asOf, report.filter.team, report.filter.title];
  const fileName = `${parts
    .filter((p): p is string => Boolean(p))
    .map(safeFilePart)
    .join("-")}.csv`;
  const scenario = scenarioId
    ? await evaluateScenario(
        { db, org, role, actor, ip: ip ?? null, currentSnapshotId: report.snapshot.id },
        scenarioId,
      )
    : null;
  return { fileName, csv: reportToCsv(report, new Date(), scenario) };
}
