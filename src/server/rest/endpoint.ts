import "server-only";
import type { z } from "zod";
import type { Database } from "../db/client";
import type { Organization } from "../db/schema";
import type { Actor } from "../audit";
import { apiKeyActor, authenticateApiKey, type AuthenticatedKey } from "../apikeys/authenticate";
import { consume } from "../ratelimit";
import { clientIp } from "../http";
import { fromZodError, ProblemError, problemResponse, toProblem } from "./problem";

/** What an authenticated endpoint works with: the key's organization, never one named in the request. */
export interface ApiContext {
  db: Database;
  request: Request;
  url: URL;
  org: Organization;
  /** The organization's current snapshot, read with the key. */
  currentSnapshotId: string | null;
  key: AuthenticatedKey["key"];
  actor: Actor;
  ip: string | null;
}

const REALM = 'Bearer realm="SalesMix API"';

function bearerToken(request: Request): string | null {
  const header = request.headers.get("authorization");
  if (!header) return null;
  const match = /^Bearer[ ]+(\S+)\s*$/i.exec(header);
  return match?.[1] ?? "";
}

async function authenticate(db: Database, request: Request, scope: "read" | "read_write") {
  const token = bearerToken(request);
  if (token === null) {
    throw new ProblemError(
      "unauthorized",
      "Send an API key in the Authorization header: `Authorization: Bearer smk_…`. An admin creates keys under Settings → API keys.",
      {},
      { "www-authenticate": REALM },
    );
  }
  const found = token ? await authenticateApiKey(db, token) : null;
  if (!found) {
    throw new ProblemError(
      "unauthorized",
      "This API key is not valid: it is mistyped, or it was revoked. Check it, or ask an admin for a new one.",
      {},
      { "www-authenticate": `${REALM}, error="invalid_token"` },
    );
  }
  // Counted before the scope check, so a read key hammering a write endpoint is limited too.
  await consume("apiKey", found.key.id);
  if (scope === "read_write" && found.scope !== "read_write") {
    throw new ProblemError(
      "insufficient-scope",
      `The key “${found.key.name}” can only read. Use a key with the read_write scope to import or change data.`,
      {},
      { "www-authenticate": `${REALM}, error="insufficient_scope", scope="read_write"` },
    );
  }
  return found;
}

function instanceOf(request: Request): string {
  try {
    return new URL(request.url).pathname;
  } catch {
    return "/api/v1";
  }
}

async function answer(request: Request, run: () => Promise<Response>): Promise<Response> {
  try {
    return await run();
  } catch (e) {
    return problemResponse(toProblem(e), instanceOf(request));
  }
}

/**
 * An endpoint that needs an API key of at least `scope`; errors of any kind become problem responses. The
 * database may be passed as a promise (the route's `getDb()`), so that failing to reach it is a problem too.
 */
export function keyEndpoint<P = Record<string, never>>(
  scope: "read" | "read_write",
  handler: (ctx: ApiContext, params: P) => Promise<Response>,
) {
  return (database: Database | Promise<Database>, request: Request, params: P = {} as P) =>
    answer(request, async () => {
      const db = await database;
      const found = await authenticate(db, request, scope);
      const ctx: ApiContext = {
        db,
        request,
        url: new URL(request.url),
        org: found.org,
        currentSnapshotId: found.currentSnapshotId,
        key: found.key,
        actor: apiKeyActor(found.key),
        ip: clientIp(request.headers),
      };
      return handler(ctx, params);
    });
}

/** An endpoint anyone may call: no key, no database. */
export function publicEndpoint(handler: (request: Request) => Promise<Response> | Response) {
  return (request: Request) => answer(request, async () => handler(request));
}

/** Query parameters through their schema; a problem names every bad one (400). */
export function parseQuery<S extends z.ZodType>(url: URL, schema: S): z.output<S> {
  const raw: Record<string, string> = {};
  for (const [name, value] of url.searchParams) raw[name] = value;
  const parsed = schema.safeParse(raw);
  if (!parsed.success) throw fromZodError(parsed.error, "query");
  return parsed.data;
}

/** JSON text made beforehand, sent as it is. */
export class RawJson {
  constructor(readonly text: string) {}
}

/** A JSON answer that no cache keeps (it is one organization's data). */
export function jsonResponse(
  body: unknown,
  init: { status?: number; headers?: Record<string, string> } = {},
) {
  const headers = { "cache-control": "no-store", ...init.headers };
  if (body instanceof RawJson) {
    return new Response(body.text, {
      status: init.status ?? 200,
      headers: { "content-type": "application/json", ...headers },
    });
  }
  return Response.json(body, { status: init.status ?? 200, headers });
}

/** Any path under /api/v1 that is no endpoint: a problem, like every other answer of the API. */
export const unknownEndpoint = publicEndpoint((request) => {
  throw new ProblemError(
    "not-found",
    `There is no endpoint ${request.method} ${new URL(request.url).pathname}. The endpoints are listed at /api/v1/openapi.json.`,
  );
});
