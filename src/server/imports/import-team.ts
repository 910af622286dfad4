import "server-only";
import { createHash } from "node:crypto";
import { and, desc, eq } from "drizzle-orm";
import { z } from "zod";
import { organizations, teamSnapshots, type Organization } from "../db/schema";
import type { Database } from "../db/client";
import { withTenant } from "../db/tenant";
import { recordAudit, type Actor } from "../audit";
import { ServiceError } from "../errors";
import { can, type Role } from "@/lib/permissions";
import { createRepStaging, RepCopyBatch, saveRepBatch } from "./insert-reps";
import { kickJobWorker } from "../jobs/kick";
import { notifyImportCompleted } from "../notify/events";
import { SnapshotSummaryBuilder } from "./summary";
import {
  analyzeTeamCsvText,
  checkCsvByteSize,
  columnOverridesSchema,
  iterateDecodedTeamRows,
  mappingToRemember,
  MAX_BYTES,
  rememberedMappingSchema,
  type CsvRowError,
} from "@/lib/csv";
import { forgetKeptReports } from "../reports/kept";

/** The org's last mapping; one saved by an older version with unknown targets is simply not offered. */
export function rememberedMapping(stored: unknown) {
  const parsed = rememberedMappingSchema.safeParse(stored ?? {});
  return parsed.success ? parsed.data : undefined;
}

export const IMPORT_BATCH_SIZE = 2_000;
const YIELD_EVERY_ROWS = 100;
const nextTurn = () => new Promise<void>((resolve) => setImmediate(resolve));
/** Errors sent back with a refused import; the full list is in the preview and its CSV download. */
export const ERRORS_IN_RESPONSE = 200;

/** PostgreSQL text cannot hold a NUL character; refused here rather than failing in the insert. */
const withoutNul = (s: string) => !s.includes("\u0000");

export const importOptionsSchema = z.object({
  asOf: z.iso
    .date("Use a date like 2026-11-27 for “as of”")
    .refine((d) => d <= new Date(Date.now() + 86_400_000).toISOString().slice(0, 10), {
      message: "The “as of” date is in the future",
    }),
  period: z
    .string()
    .trim()
    .min(1, "Say which period the activity counts cover (e.g. “Last 30 days”)")
    .max(100, "Keep the period under 100 characters")
    .refine(withoutNul, "The period cannot contain a NUL character"),
  fileName: z
    .string()
    .trim()
    .min(1)
    .max(255)
    .refine(withoutNul, "The file name cannot contain a NUL character"),
  mode: z.enum(["all", "valid_rows_only"]).default("all"),
  allowDuplicate: z.boolean().default(false),
  overrides: columnOverridesSchema.optional(),
});
export type ImportOptions = z.input<typeof importOptionsSchema>;

/**
 * Where an import is: reading the file (dialect, mapping, column rules), checking its rows (each valid batch is
 * written, inside the import's transaction, as it is checked), saving (the snapshot's totals, the audit row), done.
 * `rowsSaved` is 0 until the save is done: until the transaction commits, no row is saved.
 */
export interface ImportProgress {
  phase: "reading" | "checking" | "saving" | "done";
  rowsChecked: number;
  rowsSaved: number;
  rowsTotal: number;
}

export const IMPORT_CANCELLED_MESSAGE = "The import was cancelled before it was saved; nothing was imported.";

export interface ImportRequest {
  organization: Organization;
  /** The caller's role in the organization (an API key with write scope acts as an analyst). */
  role: Role;
  actor: Actor;
  ip?: string | null;
  bytes: Uint8Array;
  options: ImportOptions;
  onProgress?: (progress: ImportProgress) => void;
  /** Called before each batch is written; lets tests inject a failure mid-import. */
  beforeBatch?: (batchIndex: number) => void | Promise<void>;
  /** Aborted when the user cancels (or the upload's connection closes): the transaction rolls back. */
  signal?: AbortSignal;
}

export interface ImportResult {
  snapshotId: string;
  rowCount: number;
  skippedRowCount: number;
  encoding: string;
  contentHash: string;
}

export function contentHash(bytes: Uint8Array) {
  return createHash("sha256").update(bytes).digest("hex");
}

/** The newest completed snapshot of this org with exactly this file content, if any. */
export async function findSnapshotByHash(db: Database, organizationId: string, hash: string) {
  return withTenant(db, organizationId, async (tx) => {
    const [row] = await tx
      .select({
        id: teamSnapshots.id,
        asOf: teamSnapshots.asOf,
        fileName: teamSnapshots.fileName,
        createdAt: teamSnapshots.createdAt,
      })
      .from(teamSnapshots)
      .where(
        and(
          eq(teamSnapshots.organizationId, organizationId),
          eq(teamSnapshots.contentHash, hash),
          eq(teamSnapshots.status, "completed"),
        ),
      )
      .orderBy(desc(teamSnapshots.createdAt))
      .limit(1);
    return row ?? null;
  });
}

/**
 * The one import pipeline, used by the upload page and the REST API: read and validate the whole file, refuse
 * it with every problem named, or write the snapshot and all its reps in one transaction. If the transaction
 * fails, nothing of it remains; a failed-snapshot row records the reason.
 */
export async function importTeam(db: Database, request: ImportRequest): Promise<ImportResult> {
  const { organization: org, bytes } = request;
  if (!can(request.role, "imports.create")) {
    throw new ServiceError(
      "FORBIDDEN",
      `Your role (${request.role}) cannot upload team files. Ask an analyst or admin.`,
    );
  }
  const options = importOptionsSchema.parse(request.options);
  const sizeProblem = checkCsvByteSize(bytes.length, MAX_BYTES);
  if (sizeProblem) {
    throw new ServiceError(bytes.length === 0 ? "INVALID_FILE" : "PAYLOAD_TOO_LARGE", sizeProblem);
  }
  request.onProgress?.({ phase: "reading", rowsChecked: 0, rowsSaved: 0, rowsTotal: 0 });
  const checkCancelled = () => {
    if (request.signal?.aborted)
      throw new ServiceError("BAD_REQUEST", IMPORT_CANCELLED_MESSAGE, { cancelled: true });
  };

  // First pass: dialect, mapping and column rules. Rows are validated once, in the pass that writes them.
  const read = analyzeTeamCsvText(bytes, {
    overrides: options.overrides,
    remembered: rememberedMapping(org.lastImportMapping),
    organizationCurrency: org.currency,
    validateRows: false,
  });
  if (read.text === null) {
    const { error } = read.analysis;
    const code = error.code === "too-large" ? "PAYLOAD_TOO_LARGE" : "INVALID_FILE";
    throw new ServiceError(code, error.message, { fileError: error.code });
  }
  const { text } = read;
  const preview = read.analysis.preview;
  if (!preview.plan) {
    throw new ServiceError("INVALID_FILE", preview.mappingProblems.map((p) => p.message).join(" "), {
      mappingProblems: preview.mappingProblems,
    });
  }
  const hash = contentHash(bytes);
  if (!options.allowDuplicate) {
    const existing = await findSnapshotByHash(db, org.id, hash);
    if (existing) {
      throw new ServiceError(
        "DUPLICATE_IMPORT",
        `This exact file was already imported (“${existing.fileName}”, as of ${existing.asOf}). Import it again only if you mean to.`,
        { snapshotId: existing.id },
      );
    }
  }

  const plan = preview.plan;
  const mapping = mappingToRemember(preview.mapping);
  try {
    const result = await withTenant(db, org.id, async (tx) => {
      const [snapshot] = await tx
        .insert(teamSnapshots)
        .values({
          organizationId: org.id,
          asOf: options.asOf,
          period: options.period,
          fileName: options.fileName,
          contentHash: hash,
          status: "completed",
          encoding: preview.encodingLabel,
          mapping,
          createdBy: request.actor.kind === "user" ? request.actor.userId : null,
          createdByApiKeyId: request.actor.kind === "apiKey" ? request.actor.apiKeyId : null,
        })
        .returning({ id: teamSnapshots.id });
      if (!snapshot) throw new Error("snapshot insert returned nothing");
      await createRepStaging(tx);

      const summary = new SnapshotSummaryBuilder();
      const batch = new RepCopyBatch();
      let batchIndex = 0;
      let staged = 0;
      let checked = 0;
      // One batch in flight at a time: the database stages batch N while this thread reads and validates batch
      // N+1. Its outcome is awaited before the next batch is sent and before the transaction ends.
      let inFlight: { promise: Promise<void>; rows: number } | null = null;
      const settle = async () => {
        if (!inFlight) return;
        const { promise, rows } = inFlight;
        inFlight = null;
        await promise;
        staged += rows;
        request.onProgress?.({
          phase: "checking",
          rowsChecked: checked,
          rowsSaved: 0,
          rowsTotal: preview.rowCount,
        });
      };
      // On the way out with an error: a batch still being written finishes (its outcome no longer matters) before
      // the transaction rolls back, or the rollback would run into its statements.
      const drain = async () => {
        const pending = inFlight;
        inFlight = null;
        await pending?.promise.catch(() => undefined);
      };
      const flush = async () => {
        checkCancelled();
        await request.beforeBatch?.(batchIndex++);
        const rows = batch.rows;
        const copyText = batch.take();
        await settle();
        const promise = saveRepBatch(tx, org.id, snapshot.id, copyText);
        // Observed by settle(); this keeps a failure while the next batch is read from being "unhandled".
        promise.catch(() => undefined);
        inFlight = { promise, rows };
        // Embedded PGlite runs in this thread: a turn of the event loop per batch lets progress reach the browser
        // and other requests be served during a large import.
        await nextTurn();
      };
      const problems: CsvRowError[] = [];
      let invalidRows = 0;
      let errorCount = 0;
      const validOnly = options.mode === "valid_rows_only";
      try {
        for (const result of iterateDecodedTeamRows(text, plan)) {
          checked++;
          if (!("rep" in result)) {
            invalidRows++;
            errorCount += result.errors.length;
            problems.push(...result.errors.slice(0, Math.max(0, ERRORS_IN_RESPONSE - problems.length)));
            continue;
          }
          // Once a row error dooms an all-or-nothing import, keep reading only to report every error.
          if (invalidRows > 0 && !validOnly) continue;
          batch.add(result.row, result.rep);
          summary.addRep(result.rep);
          if (batch.rows >= IMPORT_BATCH_SIZE) await flush();
          // A batch is about a megabyte on the wire; the socket only takes the rest of it while the event loop
          // turns, so turn it now and then while reading, or the database would wait for this loop.
          else if (inFlight && batch.rows % YIELD_EVERY_ROWS === 0) await nextTurn();
        }
        if (invalidRows > 0 && !validOnly) {
          const valid = preview.rowCount - invalidRows;
          throw rowErrors(
            `${invalidRows.toLocaleString("en-US")} of ${preview.rowCount.toLocaleString("en-US")} rows have errors. ` +
              (valid > 0
                ? `Fix them, or import the ${valid.toLocaleString("en-US")} valid rows only.`
                : "Fix them and upload the file again."),
            problems,
            errorCount,
            preview.rowCount,
          );
        }
        if (batch.rows > 0) await flush();
        await settle();
      } catch (e) {
        await drain();
        throw e;
      }
      if (staged === 0) {
        throw rowErrors("No row of the file can be imported.", problems, errorCount, preview.rowCount);
      }
      checkCancelled();
      request.onProgress?.({
        phase: "saving",
        rowsChecked: checked,
        rowsSaved: 0,
        rowsTotal: preview.rowCount,
      });
      const saved = staged;

      const skipped = preview.rowCount - saved;
      await tx
        .update(teamSnapshots)
        .set({ rowCount: saved, skippedRowCount: skipped, summary: summary.build(), completedAt: new Date() })
        .where(and(eq(teamSnapshots.organizationId, org.id), eq(teamSnapshots.id, snapshot.id)));
      await tx
        .update(organizations)
        .set({ lastImportMapping: mapping, updatedAt: new Date() })
        .where(eq(organizations.id, org.id));
      await recordAudit(tx, {
        organizationId: org.id,
        actor: request.actor,
        action: "import.created",
        targetType: "snapshot",
        targetId: snapshot.id,
        ip: request.ip,
        data: {
          fileName: options.fileName,
          asOf: options.asOf,
          rows: saved,
          skippedRows: skipped,
          mode: options.mode,
        },
      });
      checkCancelled();
      await notifyImportCompleted(tx, org, {
        id: snapshot.id,
        asOf: options.asOf,
        period: options.period,
        fileName: options.fileName,
        rowCount: saved,
        skippedRowCount: skipped,
      });
      request.onProgress?.({
        phase: "done",
        rowsChecked: checked,
        rowsSaved: saved,
        rowsTotal: preview.rowCount,
      });
      return {
        snapshotId: snapshot.id,
        rowCount: saved,
        skippedRowCount: skipped,
        encoding: preview.encodingLabel,
        contentHash: hash,
      };
    });
    // The new snapshot is the current one now: the reports kept of the previous one are stale.
    forgetKeptReports(org.id);
    // The webhooks and emails it set off are committed: this process's worker takes them now.
    kickJobWorker();
    return result;
  } catch (e) {
    // A file refused for its rows is the user's to fix, not a failed import.
    if (!(e instanceof ServiceError)) await recordFailedImport(db, request, options, hash, e);
    throw e;
  }
}

function rowErrors(message: string, errors: CsvRowError[], errorCount: number, rowCount: number) {
  return new ServiceError("INVALID_ROWS", message, {
    errors: errors.slice(0, ERRORS_IN_RESPONSE),
    errorCount,
    rowCount,
  });
}

/**
 * After a failed commit (its transaction rolled back, so none of its reps exist): a failed snapshot row with the
 * reason, and the audit event. Best effort: if the database is gone, the snapshot simply never appears.
 */
async function recordFailedImport(
  db: Database,
  request: ImportRequest,
  options: z.output<typeof importOptionsSchema>,
  hash: string,
  error: unknown,
) {
  const reason = error instanceof Error ? error.message.slice(0, 500) : "Unknown error";
  try {
    await withTenant(db, request.organization.id, async (tx) => {
      const [row] = await tx
        .insert(teamSnapshots)
        .values({
          organizationId: request.organization.id,
          asOf: options.asOf,
          period: options.period,
          fileName: options.fileName,
          contentHash: hash,
          status: "failed",
          failureReason: `The import stopped before it was saved: ${reason}`,
          createdBy: request.actor.kind === "user" ? request.actor.userId : null,
          createdByApiKeyId: request.actor.kind === "apiKey" ? request.actor.apiKeyId : null,
        })
        .returning({ id: teamSnapshots.id });
      await recordAudit(tx, {
        organizationId: request.organization.id,
        actor: request.actor,
        action: "import.failed",
        targetType: "snapshot",
        targetId: row?.id,
        ip: request.ip,
        data: { fileName: options.fileName, reason },
      });
    });
  } catch {
    // The database is unreachable: there is nothing to mark, and no rep of this import was kept.
  }
}
