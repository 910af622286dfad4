/**
 * The OpenAPI 3.1 document of /api/v1, generated from the zod schemas in schemas.ts (the ones the endpoints
 * parse requests with) by zod's own JSON Schema output. Nothing here writes a JSON schema by hand: this file
 * only says which schema belongs to which operation, parameter, body and status.
 */
import { processState } from "../state";
import { z } from "zod";
import {
  compareQuerySchema,
  comparisonSchema,
  apiComponents,
  benchmarkDatasetSchema,
  importCreatedSchema,
  importQuerySchema,
  listImportsQuerySchema,
  listRepsQuerySchema,
  organizationPatchSchema,
  organizationSchema,
  problemSchema,
  repListSchema,
  reportQuerySchema,
  reportSchema,
  scenarioCreateBodySchema,
  scenarioDeletedSchema,
  scenarioListSchema,
  scenarioPatchBodySchema,
  scenarioPathSchema,
  scenarioSchema,
  snapshotListSchema,
  snapshotPathSchema,
} from "./schemas";
import { PROBLEM_TYPES, problemTypeUri, type ProblemType } from "./problem-types";

export type JsonSchema = { [key: string]: unknown };
type Method = "get" | "post" | "patch" | "delete";
type Scope = "public" | "read" | "read_write";

export interface OpenApiParameter {
  name: string;
  in: "query" | "path" | "header";
  required: boolean;
  description?: string;
  schema: JsonSchema;
}
export interface OpenApiMediaType {
  schema: JsonSchema;
}
export interface OpenApiResponse {
  description: string;
  headers?: Record<string, { description: string; schema: JsonSchema }>;
  content?: Record<string, OpenApiMediaType>;
}
export interface OpenApiOperation {
  operationId: string;
  summary: string;
  description: string;
  tags: string[];
  security: Record<string, string[]>[];
  "x-required-scope": Scope;
  "x-curl": string;
  parameters: OpenApiParameter[];
  requestBody?: { required: boolean; description: string; content: Record<string, OpenApiMediaType> };
  responses: Record<string, OpenApiResponse>;
}
export interface OpenApiDocument {
  openapi: "3.1.0";
  jsonSchemaDialect: string;
  info: { title: string; version: string; description: string };
  servers: { url: string; description: string }[];
  tags: { name: string; description: string }[];
  security: Record<string, string[]>[];
  paths: Record<string, Partial<Record<Method, OpenApiOperation>>>;
  components: {
    securitySchemes: Record<
      string,
      { type: "http"; scheme: "bearer"; bearerFormat: string; description: string }
    >;
    schemas: Record<string, JsonSchema>;
  };
}

const DIALECT = "https://json-schema.org/draft/2020-12/schema";
const SECURITY_SCHEME = "apiKey";
const schemaRef = (id: string): JsonSchema => ({ $ref: `#/components/schemas/${id}` });

function withoutHeader(schema: JsonSchema): JsonSchema {
  const { $schema: _dialect, $id: _id, ...rest } = schema;
  return rest;
}

/** A request-side schema (what a client sends), inline. */
function inputSchema(schema: z.ZodType): JsonSchema {
  return withoutHeader(
    z.toJSONSchema(schema, { target: "draft-2020-12", io: "input", unrepresentable: "any" }),
  );
}

/** A response schema: a `$ref` to its component. Every response schema is registered in `apiComponents`. */
function outputRef(schema: z.ZodType): JsonSchema {
  const meta = apiComponents.get(schema);
  if (!meta) throw new Error("response schemas must be registered components");
  return schemaRef(meta.id);
}

function parameters(schema: z.ZodObject, location: "query" | "path"): OpenApiParameter[] {
  return Object.entries(schema.shape).map(([name, field]) => {
    const { description, ...rest } = inputSchema(field);
    return {
      name,
      in: location,
      required: location === "path" || !field.isOptional(),
      ...(typeof description === "string" ? { description } : {}),
      schema: rest,
    };
  });
}

const PROBLEM_CONTENT = { "application/problem+json": { schema: schemaRef("Problem") } };

/** One response per status, naming every problem type the operation can answer with under it. */
function problemResponses(types: ProblemType[]): Record<string, OpenApiResponse> {
  const byStatus = new Map<number, ProblemType[]>();
  for (const type of types) {
    const status = PROBLEM_TYPES[type].status;
    byStatus.set(status, [...(byStatus.get(status) ?? []), type]);
  }
  const responses: Record<string, OpenApiResponse> = {};
  for (const [status, list] of [...byStatus].sort(([a], [b]) => a - b)) {
    const response: OpenApiResponse = {
      description: list.map((t) => `\`${problemTypeUri(t)}\`: ${PROBLEM_TYPES[t].when}`).join("\n\n"),
      content: PROBLEM_CONTENT,
    };
    if (status === 429) {
      response.headers = {
        "Retry-After": {
          description: "Seconds to wait before the next request.",
          schema: { type: "integer" },
        },
      };
    }
    if (status === 401 || status === 403) {
      response.headers = {
        "WWW-Authenticate": { description: "The Bearer challenge (RFC 6750).", schema: { type: "string" } },
      };
    }
    responses[String(status)] = response;
  }
  return responses;
}

interface OperationSpec {
  method: Method;
  path: string;
  operationId: string;
  tag: string;
  summary: string;
  description: string;
  scope: Scope;
  curl: string;
  pathParams?: z.ZodObject;
  query?: z.ZodObject;
  body?: { required: boolean; description: string; content: Record<string, z.ZodType> };
  success: { status: number; description: string; schema: z.ZodType; headers?: OpenApiResponse["headers"] };
  problems: ProblemType[];
}

const AUTH = '-H "Authorization: Bearer $SALESMIX_API_KEY"';
const BASE = "$SALESMIX_URL/api/v1";

const OPERATIONS: OperationSpec[] = [
  {
    method: "get",
    path: "/benchmarks",
    operationId: "getBenchmarks",
    tag: "Benchmarks",
    summary: "The benchmark dataset",
    description:
      "Every figure of the research article the comparisons use, keyed by its id: value, unit, cohort, size band, vintage year, confidence, and the source sentence (Chinese original and English rendering). Public: no key needed.",
    scope: "public",
    curl: `curl -sS "${BASE}/benchmarks"`,
    success: { status: 200, description: "The dataset.", schema: benchmarkDatasetSchema },
    problems: [],
  },
  {
    method: "post",
    path: "/imports",
    operationId: "createImport",
    tag: "Imports",
    summary: "Upload the team",
    description:
      "Runs the upload page's import: the same header mapping (remembered from earlier uploads), validation, limits (20 MB, 100,000 rows), one transaction and audit entry. Either every row is valid and the snapshot is saved, or nothing is saved and 422 lists the row and column of each error (up to 200; `errorCount` counts them all). The same bytes imported before answer 409 with that snapshot's id.",
    scope: "read_write",
    curl: `curl -sS -X POST "${BASE}/imports?as_of=2026-10-31&period=Last%2030%20days" ${AUTH} -H "Content-Type: text/csv" --data-binary @team.csv`,
    query: importQuerySchema,
    body: {
      required: true,
      description: "The team file: the CSV itself, or a multipart form with the CSV in a part named `file`.",
      content: {
        "text/csv": z.string().meta({ description: "The CSV file's bytes (any common encoding)." }),
        "multipart/form-data": z.object({ file: z.file().mime("text/csv") }),
      },
    },
    success: {
      status: 201,
      description: "Imported: the new snapshot, now the latest upload.",
      schema: importCreatedSchema,
    },
    problems: [
      "invalid-parameters",
      "malformed-body",
      "duplicate-import",
      "payload-too-large",
      "unsupported-media-type",
      "validation",
      "invalid-file",
    ],
  },
  {
    method: "get",
    path: "/imports",
    operationId: "listImports",
    tag: "Imports",
    summary: "List uploads",
    description:
      "Every upload of the organization (completed and failed), newest `asOf` first, a page at a time: pass `nextCursor` as `cursor` until it is null.",
    scope: "read",
    curl: `curl -sS "${BASE}/imports?limit=50" ${AUTH}`,
    query: listImportsQuerySchema,
    success: { status: 200, description: "One page of snapshots.", schema: snapshotListSchema },
    problems: ["invalid-parameters", "not-found"],
  },
  {
    method: "get",
    path: "/imports/{id}/reps",
    operationId: "listImportReps",
    tag: "Imports",
    summary: "The reps of one upload",
    description:
      "The reps of a snapshot in file order, optionally filtered, a page at a time: pass `nextOffset` as `offset` until it is null. A snapshot never changes, so pages are stable.",
    scope: "read",
    curl: `curl -sS "${BASE}/imports/$SNAPSHOT_ID/reps?limit=100" ${AUTH}`,
    pathParams: snapshotPathSchema,
    query: listRepsQuerySchema,
    success: { status: 200, description: "One page of reps.", schema: repListSchema },
    problems: ["invalid-parameters", "not-found"],
  },
  {
    method: "get",
    path: "/imports/{id}/compare",
    operationId: "compareImports",
    tag: "Imports",
    summary: "Compare two uploads",
    description:
      "What changed from upload `{id}` to upload `to`: who joined, who left, who changed role or team (the same person is matched by email, trimmed and in any case, else by name when an email is missing on one side), and how the mix, attainment, pay and every gap against the article moved. Both must be completed uploads of the key's organization: an id of another organization is a 404, like one that does not exist.",
    scope: "read",
    curl: `curl -sS "${BASE}/imports/$EARLIER_ID/compare?to=$LATER_ID" ${AUTH}`,
    pathParams: snapshotPathSchema,
    query: compareQuerySchema,
    success: { status: 200, description: "The comparison.", schema: comparisonSchema },
    problems: ["invalid-parameters", "not-found", "unprocessable"],
  },
  {
    method: "get",
    path: "/report",
    operationId: "getReport",
    tag: "Report",
    summary: "The benchmark report",
    description:
      "Everything the overview dashboard shows, computed by the same service: size band, composition and mix, team metrics by role, every gap against a benchmark figure (by `figureId`: org value, benchmark value, difference, status), the sales-model classification with its evidence, the ranked recommendations with the dataset ids they rest on, and the data vintage.",
    scope: "read",
    curl: `curl -sS "${BASE}/report" ${AUTH}`,
    query: reportQuerySchema,
    success: { status: 200, description: "The report.", schema: reportSchema },
    problems: ["invalid-parameters", "not-found", "no-upload", "unprocessable"],
  },
  {
    method: "get",
    path: "/organization",
    operationId: "getOrganization",
    tag: "Organization",
    summary: "The organization profile",
    description: "The key's organization: its profile and the revenue size band it falls in.",
    scope: "read",
    curl: `curl -sS "${BASE}/organization" ${AUTH}`,
    success: { status: 200, description: "The organization.", schema: organizationSchema },
    problems: ["invalid-parameters"],
  },
  {
    method: "patch",
    path: "/organization",
    operationId: "updateOrganization",
    tag: "Organization",
    summary: "Change the organization profile",
    description:
      "Changes the profile fields sent (revenue, employees, currency, industry and the sales profile: typical deal size, sales cycle, decision makers, customer size); `null` clears one. Recorded in the audit log as the key.",
    scope: "read_write",
    curl: `curl -sS -X PATCH "${BASE}/organization" ${AUTH} -H "Content-Type: application/json" --data '{"annualRevenue": 42000000, "employeeCount": 180}'`,
    body: {
      required: true,
      description: "The fields to change.",
      content: { "application/json": organizationPatchSchema },
    },
    success: { status: 200, description: "The organization after the change.", schema: organizationSchema },
    problems: [
      "invalid-parameters",
      "malformed-body",
      "payload-too-large",
      "unsupported-media-type",
      "validation",
    ],
  },
  {
    method: "get",
    path: "/scenarios",
    operationId: "listScenarios",
    tag: "Scenarios",
    summary: "List saved scenarios",
    description:
      "Every restructuring scenario saved in the planner, last changed first: name, author, dates, the upload it starts from (and whether that upload was deleted), the moves (reps by row number in that upload) and the plan's assumptions.",
    scope: "read",
    curl: `curl -sS "${BASE}/scenarios" ${AUTH}`,
    success: { status: 200, description: "The scenarios.", schema: scenarioListSchema },
    problems: ["invalid-parameters"],
  },
  {
    method: "post",
    path: "/scenarios",
    operationId: "createScenario",
    tag: "Scenarios",
    summary: "Save a scenario",
    description:
      "Saves a scenario on the current upload (or `snapshotId`). Each move names a rep by its row number in that upload and the role it moves to; a row that is not a rep of the upload, a rep moved twice, more moves than reps, or negative or absurd assumptions answer 422 and save nothing. Recorded in the audit log as the key.",
    scope: "read_write",
    curl: `curl -sS -X POST "${BASE}/scenarios" ${AUTH} -H "Content-Type: application/json" --data '{"name": "Hire inside, no moves"}'`,
    body: {
      required: true,
      description: "The scenario.",
      content: { "application/json": scenarioCreateBodySchema },
    },
    success: { status: 201, description: "Saved.", schema: scenarioSchema },
    problems: [
      "invalid-parameters",
      "malformed-body",
      "payload-too-large",
      "unsupported-media-type",
      "validation",
      "not-found",
      "unprocessable",
    ],
  },
  {
    method: "get",
    path: "/scenarios/{id}",
    operationId: "getScenario",
    tag: "Scenarios",
    summary: "One scenario",
    description:
      "One saved scenario. When its upload was deleted, `snapshotDeleted` is true and `rebaseSnapshotId` names the current upload to rebase it on.",
    scope: "read",
    curl: `curl -sS "${BASE}/scenarios/$SCENARIO_ID" ${AUTH}`,
    pathParams: scenarioPathSchema,
    success: { status: 200, description: "The scenario.", schema: scenarioSchema },
    problems: ["invalid-parameters", "not-found"],
  },
  {
    method: "patch",
    path: "/scenarios/{id}",
    operationId: "updateScenario",
    tag: "Scenarios",
    summary: "Change a scenario",
    description:
      "Changes the name and/or the content (moves and assumptions), checked as on POST. A scenario whose upload was deleted answers 422 with `rebaseSnapshotId` until it is rebased: `rebase: true` moves it to the current upload, keeps its assumptions and drops its moves (row numbers belong to one upload).",
    scope: "read_write",
    curl: `curl -sS -X PATCH "${BASE}/scenarios/$SCENARIO_ID" ${AUTH} -H "Content-Type: application/json" --data '{"name": "Hire inside, plan B"}'`,
    pathParams: scenarioPathSchema,
    body: {
      required: true,
      description: "The fields to change.",
      content: { "application/json": scenarioPatchBodySchema },
    },
    success: { status: 200, description: "The scenario after the change.", schema: scenarioSchema },
    problems: [
      "invalid-parameters",
      "malformed-body",
      "payload-too-large",
      "unsupported-media-type",
      "validation",
      "not-found",
      "unprocessable",
    ],
  },
  {
    method: "delete",
    path: "/scenarios/{id}",
    operationId: "deleteScenario",
    tag: "Scenarios",
    summary: "Delete a scenario",
    description: "Deletes a saved scenario. Recorded in the audit log as the key.",
    scope: "read_write",
    curl: `curl -sS -X DELETE "${BASE}/scenarios/$SCENARIO_ID" ${AUTH}`,
    pathParams: scenarioPathSchema,
    success: { status: 200, description: "Deleted.", schema: scenarioDeletedSchema },
    problems: ["invalid-parameters", "not-found"],
  },
];

function operation(spec: OperationSpec): OpenApiOperation {
  const keyed = spec.scope !== "public";
  const problems: ProblemType[] = [
    ...spec.problems,
    ...(keyed ? (["unauthorized", "rate-limited"] as const) : []),
    ...(spec.scope === "read_write" ? (["insufficient-scope"] as const) : []),
    "internal",
  ];
  const result: OpenApiOperation = {
    operationId: spec.operationId,
    summary: spec.summary,
    description: spec.description,
    tags: [spec.tag],
    security: keyed ? [{ [SECURITY_SCHEME]: [] }] : [],
    "x-required-scope": spec.scope,
    "x-curl": spec.curl,
    parameters: [
      ...(spec.pathParams ? parameters(spec.pathParams, "path") : []),
      ...(spec.query ? parameters(spec.query, "query") : []),
    ],
    responses: {
      [String(spec.success.status)]: {
        description: spec.success.description,
        ...(spec.success.headers ? { headers: spec.success.headers } : {}),
        content: { "application/json": { schema: outputRef(spec.success.schema) } },
      },
      ...problemResponses(problems),
    },
  };
  if (spec.body) {
    result.requestBody = {
      required: spec.body.required,
      description: spec.body.description,
      content: Object.fromEntries(
        Object.entries(spec.body.content).map(([type, schema]) => [type, { schema: inputSchema(schema) }]),
      ),
    };
  }
  return result;
}

function componentSchemas(): Record<string, JsonSchema> {
  const { schemas } = z.toJSONSchema(apiComponents, {
    target: "draft-2020-12",
    io: "output",
    unrepresentable: "any",
    uri: (id) => `#/components/schemas/${id}`,
  });
  return Object.fromEntries(Object.entries(schemas).map(([id, schema]) => [id, withoutHeader(schema)]));
}

const DESCRIPTION = `Push your team from a CRM export and pull the benchmark report, with an organization API key.

**Authentication.** Every endpoint except \`/benchmarks\` and \`/openapi.json\` needs \`Authorization: Bearer <key>\`. An admin creates keys in the app under Settings → API keys; a key is shown once. A \`read\` key reads; a \`read_write\` key may also import and change the profile. Revoking a key takes effect on the next request.

**Errors** are \`application/problem+json\` (RFC 9457) with a stable \`type\` URI, a \`title\`, the HTTP \`status\` and a \`detail\` saying what to do. Ids of another organization answer 404, never 403. Requests are limited per key (600 a minute); past it, 429 with \`Retry-After\`.`;

/** Built once per process (src/server/state.ts) from the declarations above, which do not change while it runs. */
export function buildOpenApiDocument(): OpenApiDocument {
  const state = processState();
  if (state.openApiDocument) return state.openApiDocument;
  // The problem schema is referenced from every operation even when no endpoint returns it directly.
  void problemSchema;
  const paths: OpenApiDocument["paths"] = {};
  for (const spec of OPERATIONS) {
    paths[spec.path] = { ...paths[spec.path], [spec.method]: operation(spec) };
  }
  state.openApiDocument = {
    openapi: "3.1.0",
    jsonSchemaDialect: DIALECT,
    info: { title: "SalesMix API", version: "1.0.0", description: DESCRIPTION },
    servers: [{ url: "/api/v1", description: "This SalesMix server" }],
    tags: [
      { name: "Imports", description: "Push the team; list uploads and their reps." },
      { name: "Report", description: "The benchmark comparison the dashboard shows." },
      {
        name: "Organization",
        description: "The profile the comparison depends on (revenue band, sales model).",
      },
      { name: "Benchmarks", description: "The research figures everything is compared with." },
      {
        name: "Scenarios",
        description:
          "Restructuring scenarios saved in the planner: moves of named reps, hires and assumptions.",
      },
    ],
    security: [{ [SECURITY_SCHEME]: [] }],
    paths,
    components: {
      securitySchemes: {
        [SECURITY_SCHEME]: {
          type: "http",
          scheme: "bearer",
          bearerFormat: "smk_ followed by 43 characters",
          description: "An organization API key, created by an admin under Settings → API keys.",
        },
      },
      schemas: componentSchemas(),
    },
  };
  return state.openApiDocument;
}

/** The operation for a method and a concrete path (`/api/v1/imports/<uuid>/reps`), for tests and docs. */
export function findOperation(document: OpenApiDocument, method: string, pathname: string) {
  const relative = pathname.replace(/^\/api\/v1/, "");
  for (const [template, item] of Object.entries(document.paths)) {
    const pattern = new RegExp(`^${template.replace(/\{[^}]+\}/g, "[^/]+")}$`);
    const op = item[method.toLowerCase() as Method];
    if (op && pattern.test(relative)) return { template, operation: op };
  }
  return null;
}
