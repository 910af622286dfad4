import "server-only";
import { ZodError } from "zod";
import { getDb } from "../db";
import type { Database } from "../db/client";
import { sessionIdFromCookie } from "../auth/session-cookie";
import type { SessionUser } from "../auth/sessions";
import { findSessionOrgAccess, type OrgAccess } from "../orgs/access.server";
import { BodyTooLargeError, readBodyWithin } from "../body";
import { ServiceError } from "../errors";
import { clientIp, isSameOrigin } from "../http";
import { HTTP_STATUS } from "../http-errors";
import { importTeam, type ImportProgress } from "./import-team";
import { columnOverridesSchema, MAX_BYTES } from "@/lib/csv";
import { can } from "@/lib/permissions";
import { firstIssueMessage } from "@/lib/validation/issues";

/** Multipart overhead allowed on top of the file itself before the body is refused unread. */
const MULTIPART_SLACK = 64 * 1024;

function json(status: number, body: unknown) {
  return Response.json(body, { status });
}

/** The signed-in user of the request's session cookie and their access to the org of `slug` (null: none). */
export type UploadAccessLookup = (
  req: Request,
  slug: string,
) => Promise<{ db: Database; user: SessionUser; access: OrgAccess | null } | null>;

/** From the session cookie of the request itself (no Next.js request scope needed). */
export const accessFromSessionCookie: UploadAccessLookup = async (req, slug) => {
  const sessionId = await sessionIdFromCookie(req.headers);
  if (!sessionId) return null;
  const db = await getDb();
  const found = await findSessionOrgAccess(db, sessionId, slug);
  return found && { db, ...found };
};

/**
 * The upload page's commit: multipart form with `file`, `asOf`, `period`, `mode`, `allowDuplicate` and
 * `overrides` (JSON). Answers with newline-delimited JSON: progress lines while rows are saved, then one
 * `result` or `error` line, so the page can show a real progress bar for large files.
 */
export async function handleUpload(
  req: Request,
  slug: string,
  findAccess: UploadAccessLookup = accessFromSessionCookie,
): Promise<Response> {
  // Every refusal below is decided before the body is read; a refused body is left unread.
  const refuse = async (status: number, body: unknown) => {
    await req.body?.cancel().catch(() => undefined);
    return json(status, body);
  };
  if (!isSameOrigin(req))
    return refuse(403, { type: "error", code: "FORBIDDEN", message: "Cross-origin request refused." });
  const found = await findAccess(req, slug);
  if (!found) return refuse(401, { type: "error", code: "UNAUTHORIZED", message: "Sign in to continue." });
  const { db, user, access } = found;
  if (!access) return refuse(404, { type: "error", code: "NOT_FOUND", message: "Organization not found." });
  if (!can(access.role, "imports.create")) {
    return refuse(403, {
      type: "error",
      code: "FORBIDDEN",
      message: `Your role (${access.role}) cannot upload team files. Ask an analyst or admin.`,
    });
  }
  let bytesRead: Uint8Array<ArrayBuffer>;
  try {
    bytesRead = await readBodyWithin(req, MAX_BYTES + MULTIPART_SLACK);
  } catch (e) {
    if (!(e instanceof BodyTooLargeError)) throw e;
    return json(413, {
      type: "error",
      code: "PAYLOAD_TOO_LARGE",
      message: `The file is larger than the ${MAX_BYTES / 1024 / 1024} MB limit.`,
    });
  }
  let form: FormData;
  try {
    form = await new Response(bytesRead, {
      headers: { "content-type": req.headers.get("content-type") ?? "" },
    }).formData();
  } catch {
    return json(400, {
      type: "error",
      code: "BAD_REQUEST",
      message: "Send the file as multipart/form-data.",
    });
  }
  const file = form.get("file");
  if (!(file instanceof File))
    return json(400, { type: "error", code: "BAD_REQUEST", message: "Choose a file to upload." });
  let overrides;
  try {
    overrides = columnOverridesSchema.parse(JSON.parse(String(form.get("overrides") ?? "[]")));
  } catch {
    return json(400, {
      type: "error",
      code: "BAD_REQUEST",
      message: "The column choices could not be read.",
    });
  }
  const bytes = new Uint8Array(await file.arrayBuffer());

  const encoder = new TextEncoder();
  // The user's cancel closes the connection: the request's signal aborts, or the response stream is cancelled.
  // Either way the import's transaction rolls back before anything is saved.
  const cancel = new AbortController();
  req.signal.addEventListener("abort", () => cancel.abort(), { once: true });
  const stream = new ReadableStream<Uint8Array>({
    async start(controller) {
      const send = (line: unknown) => {
        if (cancel.signal.aborted) return;
        controller.enqueue(encoder.encode(`${JSON.stringify(line)}\n`));
      };
      let lastSent = 0;
      const onProgress = (p: ImportProgress) => {
        const now = Date.now();
        if (p.phase !== "checking" || now - lastSent > 100) {
          lastSent = now;
          send({ type: "progress", ...p });
        }
      };
      try {
        const result = await importTeam(db, {
          organization: access.org,
          role: access.role,
          actor: { kind: "user", userId: user.id, label: user.email },
          ip: clientIp(req.headers),
          bytes,
          options: {
            asOf: String(form.get("asOf") ?? ""),
            period: String(form.get("period") ?? ""),
            fileName: file.name || "upload.csv",
            mode: form.get("mode") === "valid_rows_only" ? "valid_rows_only" : "all",
            allowDuplicate: form.get("allowDuplicate") === "true",
            overrides,
          },
          onProgress,
          signal: cancel.signal,
        });
        send({ type: "result", ...result });
      } catch (e) {
        if (e instanceof ServiceError) {
          send({
            type: "error",
            code: e.code,
            status: HTTP_STATUS[e.code],
            message: e.message,
            details: e.details,
          });
        } else if (e instanceof ZodError) {
          send({
            type: "error",
            code: "BAD_REQUEST",
            status: 400,
            message: firstIssueMessage(e.issues),
            issues: e.issues,
          });
        } else {
          console.error("Upload failed:", e);
          send({
            type: "error",
            code: "INTERNAL_SERVER_ERROR",
            status: 500,
            message: "The upload could not be saved. Nothing was imported; please try again.",
          });
        }
      } finally {
        if (!cancel.signal.aborted) controller.close();
      }
    },
    cancel() {
      cancel.abort();
    },
  });
  return new Response(stream, {
    headers: {
      "content-type": "application/x-ndjson; charset=utf-8",
      // no-transform keeps the server's gzip from buffering the progress lines until the end.
      "cache-control": "no-store, no-transform",
      "x-accel-buffering": "no",
    },
  });
}
