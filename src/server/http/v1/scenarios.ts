import "server-only";
import type { OpenAPIHono } from "@hono/zod-openapi";
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
import {
  listScenariosQuerySchema,
  scenarioCreateBodySchema,
  scenarioDeletedSchema,
  scenarioListSchema,
  scenarioPatchBodySchema,
  scenarioPathSchema,
  scenarioSchema,
  type ScenarioJson,
} from "../../rest/schemas";
import { AUTH, BASE, endpoint } from "../endpoint";
import type { HttpEnv } from "../env";
import type { ApiContext } from "../key-auth";
import { mount, validJson } from "../register";
import { jsonResponse } from "../respond";

/** As for imports: a read key reads as a viewer, a read_write key saves and changes as an analyst. */
const READ_ROLE: Role = "viewer";
const WRITE_ROLE: Role = "analyst";
const SCENARIO_NOT_FOUND = "Scenario not found.";

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

const BODY_PROBLEMS = [
  "invalid-parameters",
  "malformed-body",
  "payload-too-large",
  "unsupported-media-type",
  "validation",
  "not-found",
  "unprocessable",
] as const;

export const listScenariosRoute = endpoint({
  method: "get",
  path: "/scenarios",
  operationId: "listScenarios",
  tag: "Scenarios",
  summary: "List saved scenarios",
  description:
    "Every restructuring scenario saved in the planner, last changed first: name, author, dates, the upload it starts from (and whether that upload was deleted), the moves (reps by row number in that upload) and the plan's assumptions.",
  scope: "read",
  curl: `curl -sS "${BASE}/scenarios" ${AUTH}`,
  request: { query: listScenariosQuerySchema },
  success: { status: 200, description: "The scenarios.", schema: scenarioListSchema },
  problems: ["invalid-parameters"],
});

export const createScenarioRoute = endpoint({
  method: "post",
  path: "/scenarios",
  operationId: "createScenario",
  tag: "Scenarios",
  summary: "Save a scenario",
  description:
    "Saves a scenario on the current upload (or `snapshotId`). Each move names a rep by its row number in that upload and the role it moves to; a row that is not a rep of the upload, a rep moved twice, more moves than reps, or negative or absurd assumptions answer 422 and save nothing. Recorded in the audit log as the key.",
  scope: "read_write",
  curl: `curl -sS -X POST "${BASE}/scenarios" ${AUTH} -H "Content-Type: application/json" --data '{"name": "Hire inside, no moves"}'`,
  jsonBody: true,
  request: {
    query: listScenariosQuerySchema,
    body: {
      required: true,
      description: "The scenario.",
      content: { "application/json": { schema: scenarioCreateBodySchema } },
    },
  },
  success: { status: 201, description: "Saved.", schema: scenarioSchema },
  problems: [...BODY_PROBLEMS],
});

export const getScenarioRoute = endpoint({
  method: "get",
  path: "/scenarios/{id}",
  operationId: "getScenario",
  tag: "Scenarios",
  summary: "One scenario",
  description:
    "One saved scenario. When its upload was deleted, `snapshotDeleted` is true and `rebaseSnapshotId` names the current upload to rebase it on.",
  scope: "read",
  curl: `curl -sS "${BASE}/scenarios/$SCENARIO_ID" ${AUTH}`,
  request: { params: scenarioPathSchema, query: listScenariosQuerySchema },
  success: { status: 200, description: "The scenario.", schema: scenarioSchema },
  problems: ["invalid-parameters", "not-found"],
});

export const updateScenarioRoute = endpoint({
  method: "patch",
  path: "/scenarios/{id}",
  operationId: "updateScenario",
  tag: "Scenarios",
  summary: "Change a scenario",
  description:
    "Changes the name and/or the content (moves and assumptions), checked as on POST. A scenario whose upload was deleted answers 422 with `rebaseSnapshotId` until it is rebased: `rebase: true` moves it to the current upload, keeps its assumptions and drops its moves (row numbers belong to one upload).",
  scope: "read_write",
  curl: `curl -sS -X PATCH "${BASE}/scenarios/$SCENARIO_ID" ${AUTH} -H "Content-Type: application/json" --data '{"name": "Hire inside, plan B"}'`,
  jsonBody: true,
  request: {
    params: scenarioPathSchema,
    query: listScenariosQuerySchema,
    body: {
      required: true,
      description: "The fields to change.",
      content: { "application/json": { schema: scenarioPatchBodySchema } },
    },
  },
  success: { status: 200, description: "The scenario after the change.", schema: scenarioSchema },
  problems: [...BODY_PROBLEMS],
});

export const deleteScenarioRoute = endpoint({
  method: "delete",
  path: "/scenarios/{id}",
  operationId: "deleteScenario",
  tag: "Scenarios",
  summary: "Delete a scenario",
  description: "Deletes a saved scenario. Recorded in the audit log as the key.",
  scope: "read_write",
  curl: `curl -sS -X DELETE "${BASE}/scenarios/$SCENARIO_ID" ${AUTH}`,
  request: { params: scenarioPathSchema, query: listScenariosQuerySchema },
  success: { status: 200, description: "Deleted.", schema: scenarioDeletedSchema },
  problems: ["invalid-parameters", "not-found"],
});

export function mountScenarios(app: OpenAPIHono<HttpEnv>) {
  mount(app, listScenariosRoute, async (c) => {
    const list = await listScenarios(plannerContext(c.var.api, READ_ROLE));
    return jsonResponse({ data: list.map(scenarioJson) });
  });
  // Its moves must name reps of its snapshot.
  mount(app, createScenarioRoute, async (c) => {
    const created = await createScenario(
      plannerContext(c.var.api, WRITE_ROLE),
      validJson(c, scenarioCreateBodySchema),
    );
    return jsonResponse(scenarioJson(created), { status: 201 });
  });
  // Another organization's id is a 404, like one that does not exist.
  mount(
    app,
    getScenarioRoute,
    async (c) =>
      jsonResponse(
        scenarioJson(await getScenario(plannerContext(c.var.api, READ_ROLE), c.req.valid("param").id)),
      ),
    SCENARIO_NOT_FOUND,
  );
  // Name, content, or `rebase: true` onto the current upload.
  mount(
    app,
    updateScenarioRoute,
    async (c) =>
      jsonResponse(
        scenarioJson(
          await updateScenario(
            plannerContext(c.var.api, WRITE_ROLE),
            c.req.valid("param").id,
            validJson(c, scenarioPatchBodySchema),
          ),
        ),
      ),
    SCENARIO_NOT_FOUND,
  );
  mount(
    app,
    deleteScenarioRoute,
    async (c) =>
      jsonResponse(await deleteScenario(plannerContext(c.var.api, WRITE_ROLE), c.req.valid("param").id)),
    SCENARIO_NOT_FOUND,
  );
}
