import "server-only";
import { getDb } from "../db";
import type { Database } from "../db/client";
import { sessionIdFromCookie } from "../auth/session-cookie";
import type { SessionUser } from "../auth/sessions";
import { findSessionOrgAccess, type OrgAccess } from "../orgs/access.server";
import { BodyTooLargeError, readBodyWithin } from "../body";
import { ServiceError } from "../errors";
import { clientIp, isSameOrigin } from "../http";
import { routeError } from "../http-errors";
import { importTeam, type ImportProgress } from "./import-team";
import { columnOverridesSchema, MAX_BYTES } from "@/lib/csv";
import { can } from "@/lib/permissions";

/** Multipart overhead allowed on top of the file itself before the body is refused unread. */
const MULTIPART_SLACK = 64 * 1024;

/** A refusal before the import starts: the app's one JSON error body (http-errors.ts) with its status. */
function refusal(req: Request, error: ServiceError) {
  const { status, body } = routeError(error, req.headers);
  return Response.json(body, { status, headers: { "cache-control": "no-store" } });
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
 * `result` line or an `{ type: "error", status, error }` line, so the page can show a real progress bar for large
 * files. A refusal before the import starts is the app's JSON error body (`{ error }`) with its status.
 */
export async function handleUpload(
  req: Request,
  slug: string,
  findAccess: UploadAccessLookup = accessFromSessionCookie,
): Promise<Response> {
  // Every refusal below is decided before the body is read; a refused body is left unread.
  const refuse = async (code: ServiceError["code"], message: string) => {
    await req.body?.cancel().catch(() => undefined);
    return refusal(req, new ServiceError(code, message));
  };
  if (!isSameOrigin(req)) return refuse("FORBIDDEN", "Cross-origin request refused.");
  const found = await findAccess(req, slug);
  if (!found) return refuse("UNAUTHORIZED", "Sign in to continue.");
  const { db, user, access } = found;
  if (!access) return refuse("NOT_FOUND", "Organization not found.");
  if (!can(access.role, "imports.create")) {
    return refuse(
      "FORBIDDEN",
      `Your role (${access.role}) cannot upload team files. Ask an analyst or admin.`,
    );
  }
  let bytesRead: Uint8Array<ArrayBuffer>;
  try {
    bytesRead = await readBodyWithin(req, MAX_BYTES + MULTIPART_SLACK);
  } catch (e) {
    if (!(e instanceof BodyTooLargeError)) throw e;
    return refusal(
      req,
      new ServiceError(
        "PAYLOAD_TOO_LARGE",
        `The file is larger than the ${MAX_BYTES / 1024 / 1024} MB limit.`,
      ),
    );
  }
  let form: FormData;
  try {
    form = await new Response(bytesRead, {
      headers: { "content-type": req.headers.get("content-type") ?? "" },
    }).formData();
  } catch {
    return refusal(req, new ServiceError("BAD_REQUEST", "Send the file as multipart/form-data."));
  }
  const file = form.get("file");
  if (!(file instanceof File))
    return refusal(req, new ServiceError("BAD_REQUEST", "Choose a file to upload."));
  let overrides;
  try {
    overrides = columnOverridesSchema.parse(JSON.parse(String(form.get("overrides") ?? "[]")));
  } catch {
    return refusal(req, new ServiceError("BAD_REQUEST", "The column choices could not be read."));
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
        // The last line: the same error body as a refusal (an unexpected failure logged with the request id).
        const { status, body } = routeError(e, req.headers);
        send({ type: "error", status, ...body });
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
