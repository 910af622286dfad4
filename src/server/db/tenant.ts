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
