import "server-only";
import type { Role } from "@/lib/permissions";
import type { PlannerContext } from "../../planner/context";
import {
  createScenario,
  deleteScenario,
  getScenario,
  listScenarios,
  updateScenario,
  type ScenarioView,
} from "../../planner/scenarios";
import { readJsonBody } from "../body";
import { jsonResponse, keyEndpoint, parseQuery, type ApiContext } from "../endpoint";
import { fromZodError, ProblemError } from "../problem";
import {
  listScenariosQuerySchema,
  scenarioCreateBodySchema,
  scenarioPatchBodySchema,
  scenarioPathSchema,
  type ScenarioJson,
} from "../schemas";

/** As for imports: a read key reads as a viewer, a read_write key saves and changes as an analyst. */
const READ_ROLE: Role = "viewer";
const WRITE_ROLE: Role = "analyst";

function plannerContext(ctx: ApiContext, role: Role): PlannerContext {
  return {
    db: ctx.db,
    org: ctx.org,
    role,
    actor: ctx.actor,
    ip: ctx.ip,
    currentSnapshotId: ctx.currentSnapshotId,
  };
}

function scenarioJson(s: ScenarioView): ScenarioJson {
  return { ...s, createdAt: s.createdAt.toISOString(), updatedAt: s.updatedAt.toISOString() };
}

function scenarioIdOf(params: { id: string }): string {
  const path = scenarioPathSchema.safeParse(params);
  if (!path.success) throw new ProblemError("not-found", "Scenario not found.");
  return path.data.id;
}

/** GET /scenarios: every saved scenario of the key's organization, last changed first. */
export const listScenariosEndpoint = keyEndpoint("read", async (ctx) => {
  parseQuery(ctx.url, listScenariosQuerySchema);
  const list = await listScenarios(plannerContext(ctx, READ_ROLE));
  return jsonResponse({ data: list.map(scenarioJson) });
});

/** POST /scenarios: saves a scenario; its moves must name reps of its snapshot. */
export const createScenarioEndpoint = keyEndpoint("read_write", async (ctx) => {
  parseQuery(ctx.url, listScenariosQuerySchema);
  const parsed = scenarioCreateBodySchema.safeParse(await readJsonBody(ctx.request));
  if (!parsed.success) throw fromZodError(parsed.error, "body");
  const created = await createScenario(plannerContext(ctx, WRITE_ROLE), parsed.data);
  return jsonResponse(scenarioJson(created), { status: 201 });
});

/** GET /scenarios/{id}: another organization's id is a 404. */
export const getScenarioEndpoint = keyEndpoint<{ id: string }>("read", async (ctx, params) => {
  const id = scenarioIdOf(params);
  parseQuery(ctx.url, listScenariosQuerySchema);
  return jsonResponse(scenarioJson(await getScenario(plannerContext(ctx, READ_ROLE), id)));
});

/** PATCH /scenarios/{id}: name, content, or `rebase: true` onto the current upload. */
export const patchScenarioEndpoint = keyEndpoint<{ id: string }>("read_write", async (ctx, params) => {
  const id = scenarioIdOf(params);
  parseQuery(ctx.url, listScenariosQuerySchema);
  const parsed = scenarioPatchBodySchema.safeParse(await readJsonBody(ctx.request));
  if (!parsed.success) throw fromZodError(parsed.error, "body");
  return jsonResponse(scenarioJson(await updateScenario(plannerContext(ctx, WRITE_ROLE), id, parsed.data)));
});

/** DELETE /scenarios/{id}. */
export const deleteScenarioEndpoint = keyEndpoint<{ id: string }>("read_write", async (ctx, params) => {
  const id = scenarioIdOf(params);
  parseQuery(ctx.url, listScenariosQuerySchema);
  return jsonResponse(await deleteScenario(plannerContext(ctx, WRITE_ROLE), id));
});
