import "server-only";
import { ServiceError } from "../errors";
import { withTenant } from "../db/tenant";
import { requireReport } from "../reports/report";
import { can } from "@/lib/permissions";
import type { MixTargetRange, Recommendation, SizeBand, SalesModel } from "@/lib/benchmarks";
import { runPlanner, type PlannerRep, type PlannerResult } from "@/lib/planner";
import type { PlannerContext } from "./context";
import { plannerReps } from "./reps";
import { getScenario, type ScenarioView } from "./scenarios";

export interface PlannerData {
  snapshot: { id: string; asOf: string; period: string; fileName: string; rowCount: number };
  currency: string;
  band: SizeBand;
  model: SalesModel;
  range: MixTargetRange;
  /** The mix recommendation of the report (move or keep), with its move. */
  recommendation: Pick<Recommendation, "id" | "title" | "reasoning" | "figureIds" | "mix"> | null;
  reps: PlannerRep[];
}

/** Everything the planner page computes with, in the browser: the report's mix advice and the snapshot's reps. */
export async function getPlannerData(ctx: PlannerContext, snapshotId?: string | null): Promise<PlannerData> {
  if (!can(ctx.role, "dashboard.read"))
    throw new ServiceError("FORBIDDEN", "Your role cannot see the dashboard.");
  const report = await requireReport(ctx.db, ctx.org, {
    snapshotId: snapshotId ?? null,
    current: snapshotId ? undefined : ctx.currentSnapshotId,
  });
  const mix = report.analysis.recommendations.find((r) => r.mix !== null) ?? null;
  const reps = await withTenant(ctx.db, ctx.org.id, (tx) => plannerReps(tx, ctx.org, report.snapshot.id));
  const range =
    mix?.mix?.range ??
    // Every report has a mix item; the fallback keeps the type honest without inventing a range.
    (() => {
      throw new ServiceError("UNPROCESSABLE_CONTENT", "The report has no mix target to plan toward.");
    })();
  return {
    snapshot: {
      id: report.snapshot.id,
      asOf: report.snapshot.asOf,
      period: report.snapshot.period,
      fileName: report.snapshot.fileName,
      rowCount: report.snapshot.rowCount,
    },
    currency: report.organization.currency,
    band: report.analysis.band,
    model: report.analysis.classification.model,
    range,
    recommendation: mix
      ? { id: mix.id, title: mix.title, reasoning: mix.reasoning, figureIds: mix.figureIds, mix: mix.mix }
      : null,
    reps,
  };
}

export interface EvaluatedScenario {
  scenario: ScenarioView;
  /** Null when the scenario's upload was deleted: it says so instead of guessing. */
  result: PlannerResult | null;
  range: MixTargetRange | null;
  currency: string;
}

/** A saved scenario run on its own snapshot, for the report page and the metrics CSV. */
export async function evaluateScenario(ctx: PlannerContext, scenarioId: string): Promise<EvaluatedScenario> {
  const scenario = await getScenario(ctx, scenarioId);
  if (scenario.snapshotDeleted) return { scenario, result: null, range: null, currency: ctx.org.currency };
  const data = await getPlannerData(ctx, scenario.snapshotId);
  return {
    scenario,
    result: runPlanner(data.reps, scenario.content.moves, scenario.content.assumptions, data.range),
    range: data.range,
    currency: data.currency,
  };
}
