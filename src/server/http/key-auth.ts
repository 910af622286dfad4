import "server-only";
import type { Context, MiddlewareHandler } from "hono";
import type { Database } from "../db/client";
import type { Organization } from "../db/schema";
import type { Actor } from "../audit";
import { getDb } from "../db";
import { apiKeyActor, authenticateApiKey, type AuthenticatedKey } from "../apikeys/authenticate";
import { consume } from "../ratelimit";
import { clientIp } from "../http";
import { ProblemError } from "../rest/problem";
import type { HttpEnv } from "./env";

/** The scope an endpoint requires: none (public), any key, or a read_write key. */
export type Scope = "public" | "read" | "read_write";

/** What an authenticated endpoint works with: the key's organization, never one named in the request. */
export interface ApiContext {
  db: Database;
  org: Organization;
  /** The organization's current snapshot, read with the key. */
  currentSnapshotId: string | null;
  key: AuthenticatedKey["key"];
  actor: Actor;
  ip: string | null;
}

const REALM = 'Bearer realm="SalesMix API"';

function bearerToken(header: string | undefined): string | null {
  if (!header) return null;
  const match = /^Bearer[ ]+(\S+)\s*$/i.exec(header);
  return match?.[1] ?? "";
}

/** The request's database: the one the caller bound (tests), else the process's handle. */
export async function requestDatabase(c: Context<HttpEnv>): Promise<Database> {
  return c.env?.database ?? (await getDb());
}

async function authenticate(db: Database, header: string | undefined, scope: "read" | "read_write") {
  const token = bearerToken(header);
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

/**
 * The middleware of a keyed endpoint: authenticates the Bearer key for `scope` before anything of the request is
 * validated or read, and puts the key's organization in `c.var.api`.
 */
export function requireKey(scope: "read" | "read_write"): MiddlewareHandler<HttpEnv> {
  return async (c, next) => {
    const db = await requestDatabase(c);
    const found = await authenticate(db, c.req.header("authorization"), scope);
    c.set("api", {
      db,
      org: found.org,
      currentSnapshotId: found.currentSnapshotId,
      key: found.key,
      actor: apiKeyActor(found.key),
      ip: clientIp(c.req.raw.headers),
    });
    await next();
  };
}
