import "server-only";
import { sql } from "drizzle-orm";
import type { Db, Transaction } from "./client";

/**
 * Runs `fn` in one transaction bound to one organization. On real Postgres the row-level security policies
 * read `app.organization_id`; `set_config(..., true)` keeps it local to this transaction, so it never leaks
 * to the next request sharing the connection (PGlite has only one).
 */
export async function withTenant<T>(
  db: Db,
  organizationId: string,
  fn: (tx: Transaction) => Promise<T>,
): Promise<T> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`select set_config('app.organization_id', ${organizationId}, true)`);
    return fn(tx);
  });
}

/** For lookups across a user's own memberships (org switcher, access checks): the policies allow their rows. */
export async function withUser<T>(db: Db, userId: string, fn: (tx: Transaction) => Promise<T>): Promise<T> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`select set_config('app.user_id', ${userId}, true)`);
    return fn(tx);
  });
}

/**
 * For the two lookups that come before the organization is known: an invitation by its token hash and an API
 * key by its key hash. The policies then show only the row with that hash.
 */
export async function withSecretLookup<T>(
  db: Db,
  kind: "token_hash" | "key_hash",
  hash: string,
  fn: (tx: Transaction) => Promise<T>,
): Promise<T> {
  return db.transaction(async (tx) => {
    await tx.execute(sql`select set_config(${`app.${kind}`}, ${hash}, true)`);
    return fn(tx);
  });
}
