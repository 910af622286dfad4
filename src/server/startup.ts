import "server-only";
import { sql } from "drizzle-orm";
import { env } from "@/env";
import { getDatabaseHandle } from "./db";
import { queryRows, type Database } from "./db/client";
import { resolveAuthSecret } from "./auth/secret";
import { DEMO_LOGIN, seedDemo } from "./seed/demo";
import { demoSeedPlan } from "./seed/plan";
import { startJobWorker } from "./jobs";
import { processState } from "./state";

function redact(url: string) {
  return url.replace(/\/\/([^:@/]+):([^@/]+)@/, "//$1:***@");
}

/**
 * Runs once per server process before it serves: check config, reach the database, migrate, seed. The SalesMix
 * server (src/serve/main.ts) calls it before it listens, and Next.js's instrumentation hook calls it too
 * (under `next dev`, the only call); both wait for the same run, kept in the process state (src/server/state.ts)
 * since the two load this module separately.
 */
export function startServer(): Promise<void> {
  const state = processState();
  state.startup ??= start();
  return state.startup;
}

async function start() {
  try {
    resolveAuthSecret();
  } catch (e) {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  }
  const handle = await getDatabaseHandle().catch((e: unknown) => fail(e));
  // Migrations first, on the owner's connection: on a new server they create the app role the sessions use.
  try {
    await handle.migrate();
  } catch (e) {
    fail(e, "migrate");
  }
  try {
    await handle.db.execute(sql`select 1`);
  } catch (e) {
    fail(e);
  }
  await checkRowLevelSecurity(handle.db);
  if (env.NODE_ENV === "production" && env.SMTP_URL && !env.APP_URL)
    // Emails sent by jobs (upload digests, reminders, notices) have no request to take an origin from.
    console.warn(
      "Warning: APP_URL is not set: links in emails sent in the background (upload digests, reminders, their unsubscribe links) point to http://localhost:3000. Set APP_URL to the public URL.",
    );
  const plan = demoSeedPlan(env);
  if (plan.seed) {
    const { created } = await seedDemo(handle.db, plan.password);
    const worker = process.env.SALESMIX_WORKER;
    const where = handle.engine === "pglite" ? `embedded PGlite in ${env.DATA_DIR}` : "PostgreSQL";
    if (!worker || worker === "1") {
      if (!plan.generated)
        console.info(`SalesMix demo login: ${DEMO_LOGIN.email} / ${plan.password}  (database: ${where})`);
      else if (created)
        // Printed this once: the password is stored only as its hash.
        console.info(
          `SalesMix demo login (shown once, keep it or change it): ${DEMO_LOGIN.email} / ${plan.password}  (database: ${where})`,
        );
      else console.info(`SalesMix demo organization present; its password was printed when it was created.`);
    }
  }
  // Emails and webhook deliveries: every process runs a worker over the jobs table.
  startJobWorker(handle.db);
  // Under scripts/cluster.mjs: the database is migrated and seeded, so the other processes may start.
  process.send?.({ salesmix: "ready" });
}

/**
 * Row-level security only binds a role that is neither superuser nor BYPASSRLS. In production the server
 * refuses to start as such a role; elsewhere it says so once.
 */
async function checkRowLevelSecurity(db: Database) {
  const [row] = await queryRows<{ role: string; bypass: boolean }>(
    db,
    sql`select current_user as role, (rolsuper or rolbypassrls) as bypass from pg_roles where rolname = current_user`,
  );
  if (!row?.bypass) return;
  const message = `The database role "${row.role}" bypasses row-level security (superuser or BYPASSRLS). Set DATABASE_APP_ROLE to an ordinary role such as salesmix_app, or connect DATABASE_URL as one.`;
  if (env.NODE_ENV === "production") {
    console.error(message);
    process.exit(1);
  }
  console.warn(`Warning: ${message}`);
}

function fail(e: unknown, step: "connect" | "migrate" = "connect"): never {
  // drizzle wraps the driver's error ("Failed query: …"); its cause says what happened (e.g. ECONNREFUSED).
  const root = e instanceof Error && e.cause instanceof Error ? e.cause : e;
  const reason =
    root instanceof Error ? root.message || String((root as { code?: string }).code) : String(root);
  if (env.DATABASE_URL) {
    const what =
      step === "migrate" ? "Cannot reach or migrate the database" : "Cannot connect to the database";
    console.error(`${what} at DATABASE_URL=${redact(env.DATABASE_URL)}: ${reason}`);
  } else {
    console.error(`Cannot open the embedded database in DATA_DIR=${env.DATA_DIR}: ${reason}`);
  }
  process.exit(1);
}
