// `npm run db:migrate`: applies the committed migrations to DATABASE_OWNER_URL, DATABASE_URL, or the embedded
// database in DATA_DIR — the same migrations the server applies at start.
import path from "node:path";
import { openDatabase } from "../src/server/db/client";

async function main() {
  const url = process.env.DATABASE_OWNER_URL || process.env.DATABASE_URL || undefined;
  const dataDir = path.join(path.resolve(process.env.DATA_DIR || ".data"), "pgdata");
  const handle = await openDatabase(url ? { url, max: 1 } : { dataDir });
  try {
    await handle.migrate();
    console.info(
      `Migrations applied (${handle.engine === "pglite" ? `embedded database in ${dataDir}` : "PostgreSQL"}).`,
    );
  } finally {
    await handle.close();
  }
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
