import "server-only";
import { and, eq, isNull, lt, or, sql } from "drizzle-orm";
import { apiKeys, organizations, type ApiKeyScope, type Organization } from "../db/schema";
import type { Database } from "../db/client";
import { preparedFor } from "../db/prepared";
import { withTenant } from "../db/tenant";
import type { Actor } from "../audit";
import { hashApiKey, looksLikeApiKey } from "./keys";

/** last_used_at is written at most this often per key, so a busy integration does not write on every call. */
export const LAST_USED_PRECISION_MS = 60_000;

export interface AuthenticatedKey {
  org: Organization;
  key: { id: string; name: string; prefix: string; scope: ApiKeyScope };
  scope: ApiKeyScope;
  /** The organization's current snapshot, read with the key (null before the first upload). */
  currentSnapshotId: string | null;
}

/**
 * The organization, key and scope of a raw API key, or null when it is malformed, unknown or revoked. Looked up
 * on every request (nothing cached), so a revoke takes effect on the next one.
 */
export async function authenticateApiKey(
  db: Database,
  rawKey: string,
  now: Date = new Date(),
): Promise<AuthenticatedKey | null> {
  if (!looksLikeApiKey(rawKey)) return null;
  const keyHash = hashApiKey(rawKey);
  // The one read that starts without an organization: the key's hash finds its row, and with it the organization
  // every later step is scoped to. One statement: `app_api_key_access` (drizzle/0004_request_access.sql) reads
  // the key with app.key_hash set (row-level security shows exactly that row) and the organization's current
  // snapshot with app.organization_id set.
  const [row] = await apiKeyAccess(db).execute({ keyHash });
  if (!row) return null;
  if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() >= LAST_USED_PRECISION_MS) {
    await touchLastUsed(db, row.org.id, row.id, now);
  }
  const key = { id: row.id, name: row.name, prefix: row.prefix, scope: row.scope };
  return { org: row.org, key, scope: row.scope, currentSnapshotId: row.currentSnapshotId };
}

const apiKeyAccess = preparedFor((db) =>
  db
    .select({
      org: organizations,
      id: sql<string>`access.access_key_id`,
      name: sql<string>`access.access_key_name`,
      prefix: sql<string>`access.access_key_prefix`,
      scope: sql<ApiKeyScope>`access.access_key_scope`,
      lastUsedAt: sql<Date | null>`access.access_key_last_used_at`.mapWith(apiKeys.lastUsedAt),
      currentSnapshotId: sql<string | null>`access.access_snapshot_id`,
    })
    .from(sql`app_api_key_access(${sql.placeholder("keyHash")}::text) as access`)
    .innerJoin(organizations, eq(organizations.id, sql`access.access_organization_id`))
    .prepare("api_key_access"),
);

async function touchLastUsed(db: Database, organizationId: string, keyId: string, now: Date) {
  const staleBefore = new Date(now.getTime() - LAST_USED_PRECISION_MS);
  // The condition repeats the check so that concurrent requests write once, not once each.
  await withTenant(db, organizationId, (tx) =>
    tx
      .update(apiKeys)
      .set({ lastUsedAt: now })
      .where(
        and(
          eq(apiKeys.organizationId, organizationId),
          eq(apiKeys.id, keyId),
          or(isNull(apiKeys.lastUsedAt), lt(apiKeys.lastUsedAt, staleBefore)),
        ),
      ),
  );
}

/** How an API key appears in the audit log. */
export function apiKeyActor(key: AuthenticatedKey["key"]): Actor {
  return { kind: "apiKey", apiKeyId: key.id, label: `API key “${key.name}” (${key.prefix}…)` };
}
