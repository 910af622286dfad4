import "server-only";
import path from "node:path";
import { env } from "@/env";
import { openDatabase, type DatabaseHandle } from "./client";

export type { Database, Db, Transaction } from "./client";

/**
 * The app's one database handle. Kept on globalThis because Next.js may load this module in several bundles
 * of the same process, and PGlite must never be opened twice on one data folder.
 */
const globalForDb = globalThis as unknown as { salesmixDb?: Promise<DatabaseHandle> };

export function dataDir(): string {
  return path.resolve(env.DATA_DIR);
}

export function getDatabaseHandle(): Promise<DatabaseHandle> {
  const role = env.DATABASE_APP_ROLE === "none" ? null : env.DATABASE_APP_ROLE;
  globalForDb.salesmixDb ??= openDatabase(
    env.DATABASE_URL
      ? { url: env.DATABASE_URL, ownerUrl: env.DATABASE_OWNER_URL, role, max: env.DATABASE_POOL_SIZE }
      : { dataDir: path.join(dataDir(), "pgdata"), role },
  );
  return globalForDb.salesmixDb;
}

export async function getDb() {
  return (await getDatabaseHandle()).db;
}
