/**
 * The restructuring planner: fit of each rep, named candidates for a mix recommendation, capacity and cost with
 * moved reps projected, and a quarterly plan. Pure TypeScript; runs on the server and in the browser.
 */
import type { MixMove } from "@/lib/benchmarks/target";
import { capacityAndCost, type CapacityResult } from "./capacity";
import { namedCandidates, type CandidateList } from "./candidates";
import { quarterlyPlan, type PlanAssumptions, type QuarterlyPlan, type TargetRangeLike } from "./plan";
import type { PlannerRep, RepMove } from "./types";

export * from "./types";
export * from "./fit";
export * from "./candidates";
export * from "./capacity";
export * from "./plan";
export * from "./hires";
export * from "./scenario";

export interface PlannerResult {
  before: CapacityResult;
  after: CapacityResult;
  plan: QuarterlyPlan;
}

/** Capacity before and after the moves, and the plan from the team after them. */
export function runPlanner(
  reps: readonly PlannerRep[],
  moves: readonly RepMove[],
  assumptions: PlanAssumptions,
  range: TargetRangeLike | null,
): PlannerResult {
  const before = capacityAndCost(reps);
  const after = moves.length > 0 ? capacityAndCost(reps, moves) : before;
  return { before, after, plan: quarterlyPlan(after, assumptions, range) };
}

export interface FullPlan extends PlannerResult {
  candidates: CandidateList;
}

/** Candidates for a move, then the planner on the preselected ones: what the benchmark measures. */
export function planFromRecommendation(
  reps: readonly PlannerRep[],
  move: Pick<MixMove, "direction" | "reps">,
  assumptions: PlanAssumptions,
  range: TargetRangeLike | null,
  currency = "USD",
): FullPlan {
  const candidates = namedCandidates(reps, move, currency);
  return { candidates, ...runPlanner(reps, candidates.preselected, assumptions, range) };
}
