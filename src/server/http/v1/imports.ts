import "server-only";
import type { OpenAPIHono } from "@hono/zod-openapi";
import { z } from "zod";
import { ServiceError } from "../../errors";
import { importTeam } from "../../imports/import-team";
import { getSnapshot, listReps, listSnapshots } from "../../imports/snapshots";
import { withTenant } from "../../db/tenant";
import { compareSnapshots } from "../../reports/compare";
import { readCsvUpload } from "../../rest/body";
import { ProblemError } from "../../rest/problem";
import {
  compareQuerySchema,
  comparisonSchema,
  importCreatedSchema,
  importQuerySchema,
  listImportsQuerySchema,
  listRepsQuerySchema,
  repListSchema,
  snapshotListSchema,
  snapshotPathSchema,
  type ComparisonJson,
  type ImportCreatedJson,
  type RepListJson,
  type SnapshotListJson,
} from "../../rest/schemas";
import { AUTH, BASE, endpoint } from "../endpoint";
import type { HttpEnv } from "../env";
import { mount } from "../register";
import { jsonResponse } from "../respond";

/** A read_write key imports as an analyst would: the role that may upload, and nothing more. */
const IMPORT_ROLE = "analyst";
const DEFAULT_FILE_NAME = "api-upload.csv";
const SNAPSHOT_NOT_FOUND = "Snapshot not found.";

export const createImport = endpoint({
  method: "post",
  path: "/imports",
  operationId: "createImport",
  tag: "Imports",
  summary: "Upload the team",
  description:
    "Runs the upload page's import: the same header mapping (remembered from earlier uploads), validation, limits (20 MB, 100,000 rows), one transaction and audit entry. Either every row is valid and the snapshot is saved, or nothing is saved and 422 lists the row and column of each error (up to 200; `errorCount` counts them all). The same bytes imported before answer 409 with that snapshot's id.",
  scope: "read_write",
  curl: `curl -sS -X POST "${BASE}/imports?as_of=2026-10-31&period=Last%2030%20days" ${AUTH} -H "Content-Type: text/csv" --data-binary @team.csv`,
  request: {
    query: importQuerySchema,
    // The file is read by the endpoint itself, within its size limit while it streams (readCsvUpload): these
    // schemas describe it for the document and validate nothing on their own.
    body: {
      required: true,
      description: "The team file: the CSV itself, or a multipart form with the CSV in a part named `file`.",
      content: {
        "text/csv": {
          schema: z.string().meta({ description: "The CSV file's bytes (any common encoding)." }),
        },
        "multipart/form-data": {
          schema: {
            type: "object",
            properties: { file: { type: "string", contentMediaType: "text/csv" } },
            required: ["file"],
          },
        },
      },
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
});

export const listImports = endpoint({
  method: "get",
  path: "/imports",
  operationId: "listImports",
  tag: "Imports",
  summary: "List uploads",
  description:
    "Every upload of the organization (completed and failed), newest `asOf` first, a page at a time: pass `nextCursor` as `cursor` until it is null.",
  scope: "read",
  curl: `curl -sS "${BASE}/imports?limit=50" ${AUTH}`,
  request: { query: listImportsQuerySchema },
  success: { status: 200, description: "One page of snapshots.", schema: snapshotListSchema },
  problems: ["invalid-parameters", "not-found"],
});

export const listImportReps = endpoint({
  method: "get",
  path: "/imports/{id}/reps",
  operationId: "listImportReps",
  tag: "Imports",
  summary: "The reps of one upload",
  description:
    "The reps of a snapshot in file order, optionally filtered, a page at a time: pass `nextOffset` as `offset` until it is null. A snapshot never changes, so pages are stable.",
  scope: "read",
  curl: `curl -sS "${BASE}/imports/$SNAPSHOT_ID/reps?limit=100" ${AUTH}`,
  request: { params: snapshotPathSchema, query: listRepsQuerySchema },
  success: { status: 200, description: "One page of reps.", schema: repListSchema },
  problems: ["invalid-parameters", "not-found"],
});

export const compareImports = endpoint({
  method: "get",
  path: "/imports/{id}/compare",
  operationId: "compareImports",
  tag: "Imports",
  summary: "Compare two uploads",
  description:
    "What changed from upload `{id}` to upload `to`: who joined, who left, who changed role or team (the same person is matched by email, trimmed and in any case, else by name when an email is missing on one side), and how the mix, attainment, pay and every gap against the article moved. Both must be completed uploads of the key's organization: an id of another organization is a 404, like one that does not exist.",
  scope: "read",
  curl: `curl -sS "${BASE}/imports/$EARLIER_ID/compare?to=$LATER_ID" ${AUTH}`,
  request: { params: snapshotPathSchema, query: compareQuerySchema },
  success: { status: 200, description: "The comparison.", schema: comparisonSchema },
  problems: ["invalid-parameters", "not-found", "unprocessable"],
});

export function mountImports(app: OpenAPIHono<HttpEnv>) {
  // POST /imports: the upload page's own pipeline (mapping, validation, limits, one transaction, audit).
  mount(app, createImport, async (c) => {
    const ctx = c.var.api;
    const query = c.req.valid("query");
    const upload = await readCsvUpload(c.req.raw);
    const result = await importTeam(ctx.db, {
      organization: ctx.org,
      role: IMPORT_ROLE,
      actor: ctx.actor,
      ip: ctx.ip,
      bytes: upload.bytes,
      options: {
        asOf: query.as_of,
        period: query.period,
        fileName: upload.fileName ?? query.file_name ?? DEFAULT_FILE_NAME,
        mode: query.mode,
        allowDuplicate: query.allow_duplicate,
      },
    });
    const body: ImportCreatedJson = result;
    return jsonResponse(body, { status: 201 });
  });

  // GET /imports: newest first, by cursor (the id of the last snapshot of the previous page).
  mount(app, listImports, async (c) => {
    const ctx = c.var.api;
    const query = c.req.valid("query");
    if (query.cursor) {
      const cursor = query.cursor;
      const known = await withTenant(ctx.db, ctx.org.id, (tx) =>
        getSnapshot(tx, ctx.org, cursor).then(
          () => true,
          (e: unknown) => {
            if (e instanceof ServiceError && e.code === "NOT_FOUND") return false;
            throw e;
          },
        ),
      );
      // Like any id of another organization (or none): not found, never "exists elsewhere".
      if (!known) throw new ProblemError("not-found", "No such page: start again without `cursor`.");
    }
    const page = await listSnapshots(ctx.db, ctx.org, { limit: query.limit, cursor: query.cursor });
    const body: SnapshotListJson = {
      data: page.items.map((s) => ({ ...s, createdAt: s.createdAt.toISOString() })),
      nextCursor: page.nextCursor,
      currentSnapshotId: page.currentSnapshotId,
    };
    return jsonResponse(body);
  });

  // GET /imports/{id}/reps: one snapshot's reps in file order; another organization's id is a 404.
  mount(
    app,
    listImportReps,
    async (c) => {
      const ctx = c.var.api;
      const { id } = c.req.valid("param");
      const query = c.req.valid("query");
      const page = await listReps(ctx.db, ctx.org, id, {
        filter: { role: query.role, team: query.team, title: query.title },
        offset: query.offset,
        limit: query.limit,
      });
      const next = page.offset + page.items.length;
      const body: RepListJson = {
        data: page.items,
        total: page.total,
        offset: page.offset,
        limit: page.limit,
        nextOffset: next < page.total ? next : null,
      };
      return jsonResponse(body);
    },
    SNAPSHOT_NOT_FOUND,
  );

  // GET /imports/{id}/compare?to=: two uploads of the key's organization; either id of another one is a 404.
  mount(
    app,
    compareImports,
    async (c) => {
      const ctx = c.var.api;
      const { id } = c.req.valid("param");
      const query = c.req.valid("query");
      const body: ComparisonJson = await compareSnapshots(ctx.db, ctx.org, id, query.to);
      return jsonResponse(body);
    },
    SNAPSHOT_NOT_FOUND,
  );
}
