import "server-only";
import path from "node:path";
import { env } from "@/env";
import { openDatabase, type DatabaseHandle } from "./client";
import { processState } from "../state";

export type { Database, Db, Transaction } from "./client";

export function dataDir(): string {
  return path.resolve(env.DATA_DIR);
}

/**
 * The app's one database handle, in the process state (src/server/state.ts): Next.js and the SalesMix server load
 * this module separately in one process, and PGlite must never be opened twice on one data folder.
 */
export function getDatabaseHandle(): Promise<DatabaseHandle> {
  const role = env.DATABASE_APP_ROLE === "none" ? null : env.DATABASE_APP_ROLE;
  const state = processState();
  state.db ??= openDatabase(
    env.DATABASE_URL
      ? { url: env.DATABASE_URL, ownerUrl: env.DATABASE_OWNER_URL, role, max: env.DATABASE_POOL_SIZE }
      : { dataDir: path.join(dataDir(), "pgdata"), role },
  );
  return state.db;
}

export async function getDb() {
  return (await getDatabaseHandle()).db;
}
