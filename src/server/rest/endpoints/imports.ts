import "server-only";
import { ServiceError } from "../../errors";
import { importTeam } from "../../imports/import-team";
import { getSnapshot, listReps, listSnapshots } from "../../imports/snapshots";
import { withTenant } from "../../db/tenant";
import { readCsvUpload } from "../body";
import { jsonResponse, keyEndpoint, parseQuery } from "../endpoint";
import { ProblemError } from "../problem";
import { compareSnapshots } from "../../reports/compare";
import {
  compareQuerySchema,
  importQuerySchema,
  listImportsQuerySchema,
  listRepsQuerySchema,
  snapshotPathSchema,
  type ComparisonJson,
  type ImportCreatedJson,
  type RepListJson,
  type SnapshotListJson,
} from "../schemas";

/** A read_write key imports as an analyst would: the role that may upload, and nothing more. */
const IMPORT_ROLE = "analyst";
const DEFAULT_FILE_NAME = "api-upload.csv";

/** POST /imports: the upload page's own pipeline (mapping, validation, limits, one transaction, audit). */
export const createImport = keyEndpoint("read_write", async (ctx) => {
  const query = parseQuery(ctx.url, importQuerySchema);
  const upload = await readCsvUpload(ctx.request);
  try {
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
  } catch (e) {
    // Problems with the file as a whole (empty, undecodable, a required column missing) rather than its rows.
    if (
      e instanceof ServiceError &&
      e.code === "UNPROCESSABLE_CONTENT" &&
      !Array.isArray(e.details?.errors)
    ) {
      throw new ProblemError("invalid-file", e.message);
    }
    throw e;
  }
});

/** GET /imports: newest first, by cursor (the id of the last snapshot of the previous page). */
export const listImports = keyEndpoint("read", async (ctx) => {
  const query = parseQuery(ctx.url, listImportsQuerySchema);
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

/** GET /imports/{id}/reps: one snapshot's reps in file order; another organization's id is a 404. */
export const listImportReps = keyEndpoint<{ id: string }>("read", async (ctx, params) => {
  const path = snapshotPathSchema.safeParse(params);
  if (!path.success) throw new ProblemError("not-found", "Snapshot not found.");
  const query = parseQuery(ctx.url, listRepsQuerySchema);
  const page = await listReps(ctx.db, ctx.org, path.data.id, {
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
});

/** GET /imports/{id}/compare?to=: two uploads of the key's organization; either id of another one is a 404. */
export const compareImports = keyEndpoint<{ id: string }>("read", async (ctx, params) => {
  const path = snapshotPathSchema.safeParse(params);
  if (!path.success) throw new ProblemError("not-found", "Snapshot not found.");
  const query = parseQuery(ctx.url, compareQuerySchema);
  const body: ComparisonJson = await compareSnapshots(ctx.db, ctx.org, path.data.id, query.to);
  return jsonResponse(body);
});
