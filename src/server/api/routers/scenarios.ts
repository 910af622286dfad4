import { z } from "zod";
import { createTRPCRouter, orgProcedure } from "../trpc";
import type { PlannerContext } from "../../planner/context";
import { evaluateScenario, getPlannerData } from "../../planner/data";
import {
  createScenario,
  createScenarioSchema,
  deleteScenario,
  duplicateScenario,
  duplicateScenarioSchema,
  getScenario,
  listScenarios,
  updateScenario,
  updateScenarioSchema,
} from "../../planner/scenarios";

const scenarioId = z.uuid("Not a scenario id");
// The REST bodies are strict; here the org procedure's `orgSlug` is part of the same input object.
const createInput = z.object(createScenarioSchema.shape);
const updateInput = z.object({ ...updateScenarioSchema.shape, scenarioId });
const duplicateInput = z.object({ ...duplicateScenarioSchema.shape, scenarioId });

function plannerContext(ctx: {
  db: PlannerContext["db"];
  org: PlannerContext["org"];
  role: PlannerContext["role"];
  user: { id: string; email: string };
  ip: string | null;
  currentSnapshotId: string | null;
}): PlannerContext {
  return {
    db: ctx.db,
    org: ctx.org,
    role: ctx.role,
    actor: { kind: "user", userId: ctx.user.id, label: ctx.user.email },
    ip: ctx.ip,
    currentSnapshotId: ctx.currentSnapshotId,
  };
}

/** Wiring only: permissions, validation against the snapshot and audit rows live in the planner services. */
export const scenariosRouter = createTRPCRouter({
  plannerData: orgProcedure
    .input(z.object({ snapshotId: z.uuid("Not a snapshot id").nullish() }))
    .query(({ ctx, input }) => getPlannerData(plannerContext(ctx), input.snapshotId)),
  evaluate: orgProcedure
    .input(z.object({ scenarioId }))
    .query(({ ctx, input }) => evaluateScenario(plannerContext(ctx), input.scenarioId)),
  list: orgProcedure.query(({ ctx }) => listScenarios(plannerContext(ctx))),
  get: orgProcedure
    .input(z.object({ scenarioId }))
    .query(({ ctx, input }) => getScenario(plannerContext(ctx), input.scenarioId)),
  create: orgProcedure
    .input(createInput)
    .mutation(({ ctx, input }) => createScenario(plannerContext(ctx), input)),
  update: orgProcedure
    .input(updateInput)
    .mutation(({ ctx, input: { scenarioId: id, ...change } }) =>
      updateScenario(plannerContext(ctx), id, change),
    ),
  duplicate: orgProcedure
    .input(duplicateInput)
    .mutation(({ ctx, input }) => duplicateScenario(plannerContext(ctx), input.scenarioId, input.name)),
  delete: orgProcedure
    .input(z.object({ scenarioId }))
    .mutation(({ ctx, input }) => deleteScenario(plannerContext(ctx), input.scenarioId)),
});
