import "server-only";
import { sql } from "drizzle-orm";
import { env } from "@/env";
import { getDatabaseHandle } from "./db";
import { resolveAuthSecret } from "./auth/secret";
import { DEMO_LOGIN, seedDemo } from "./seed/demo";

function redact(url: string) {
  return url.replace(/\/\/([^:@/]+):([^@/]+)@/, "//$1:***@");
}

/** Runs once per server process before it serves: check config, reach the database, migrate, seed. */
export async function startServer() {
  try {
    resolveAuthSecret();
  } catch (e) {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  }
  const handle = await getDatabaseHandle().catch((e: unknown) => fail(e));
  try {
    await handle.db.execute(sql`select 1`);
  } catch (e) {
    fail(e);
  }
  await handle.migrate();
  if (env.SEED_DEMO === "true") {
    await seedDemo(handle.db);
    console.info(
      `SalesMix demo login: ${DEMO_LOGIN.email} / ${DEMO_LOGIN.password}  (database: ${handle.engine === "pglite" ? `embedded PGlite in ${env.DATA_DIR}` : "PostgreSQL"})`,
    );
  }
}

function fail(e: unknown): never {
  const reason = e instanceof Error ? e.message : String(e);
  if (env.DATABASE_URL) {
    console.error(`Cannot connect to the database at DATABASE_URL=${redact(env.DATABASE_URL)}: ${reason}`);
  } else {
    console.error(`Cannot open the embedded database in DATA_DIR=${env.DATA_DIR}: ${reason}`);
  }
  process.exit(1);
}
