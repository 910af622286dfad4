import "server-only";
import { and, eq, isNull, lt, or } from "drizzle-orm";
import { apiKeys, organizations, type ApiKeyScope, type Organization } from "../db/schema";
import type { Database } from "../db/client";
import { withSecretLookup, withTenant } from "../db/tenant";
import type { Actor } from "../audit";
import { hashApiKey, looksLikeApiKey } from "./keys";

/** last_used_at is written at most this often per key, so a busy integration does not write on every call. */
export const LAST_USED_PRECISION_MS = 60_000;

export interface AuthenticatedKey {
  org: Organization;
  key: { id: string; name: string; prefix: string; scope: ApiKeyScope };
  scope: ApiKeyScope;
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
  // The one read that starts without an organization: the key's hash finds its row, and with it the
  // organization every later step is scoped to. Row-level security shows exactly the row with that hash.
  const [row] = await withSecretLookup(db, "key_hash", keyHash, (tx) =>
    tx
      .select({
        org: organizations,
        id: apiKeys.id,
        name: apiKeys.name,
        prefix: apiKeys.prefix,
        scope: apiKeys.scope,
        lastUsedAt: apiKeys.lastUsedAt,
      })
      .from(apiKeys)
      .innerJoin(organizations, eq(organizations.id, apiKeys.organizationId))
      .where(and(eq(apiKeys.keyHash, keyHash), isNull(apiKeys.revokedAt))),
  );
  if (!row) return null;
  if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() >= LAST_USED_PRECISION_MS) {
    await touchLastUsed(db, row.org.id, row.id, now);
  }
  const key = { id: row.id, name: row.name, prefix: row.prefix, scope: row.scope };
  return { org: row.org, key, scope: row.scope };
}

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
