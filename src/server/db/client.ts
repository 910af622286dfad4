import fs from "node:fs";
import path from "node:path";
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from "drizzle-orm/pg-core";
import type { ExtractTablesWithRelations } from "drizzle-orm";
import * as schema from "./schema";

export type Schema = typeof schema;
/** The one database type every service is written against; PGlite and postgres.js both satisfy it. */
export type Database = PgDatabase<PgQueryResultHKT, Schema>;
export type Transaction = PgTransaction<PgQueryResultHKT, Schema, ExtractTablesWithRelations<Schema>>;
/** A service may run on the database or inside a caller's transaction. */
export type Db = Database | Transaction;

export interface DatabaseHandle {
  db: Database;
  engine: "pglite" | "postgres";
  close: () => Promise<void>;
  /** Applies the committed migrations in `drizzle/` (idempotent). */
  migrate: () => Promise<void>;
}

const migrationsFolder = () => path.join(/*turbopackIgnore: true*/ process.cwd(), "drizzle");

export interface OpenOptions {
  /** postgres:// URL; when absent, embedded PGlite is used. */
  url?: string;
  /** PGlite data folder; "memory://" keeps everything in memory (tests). */
  dataDir?: string;
  /** Pool size for postgres.js. */
  max?: number;
}

export async function openDatabase(options: OpenOptions): Promise<DatabaseHandle> {
  if (options.url) {
    const { default: postgres } = await import("postgres");
    const { drizzle } = await import("drizzle-orm/postgres-js");
    const client = postgres(options.url, {
      max: options.max ?? 10,
      onnotice: () => {},
      connection: { application_name: "salesmix" },
    });
    const pgDb = drizzle(client, { schema });
    const db: Database = pgDb;
    return {
      db,
      engine: "postgres",
      close: () => client.end({ timeout: 5 }),
      migrate: async () => {
        const { migrate } = await import("drizzle-orm/postgres-js/migrator");
        await migrate(pgDb, { migrationsFolder: migrationsFolder() });
      },
    };
  }
  const { PGlite } = await import("@electric-sql/pglite");
  const { drizzle } = await import("drizzle-orm/pglite");
  const dir = options.dataDir ?? "memory://";
  if (!dir.startsWith("memory://"))
    fs.mkdirSync(path.dirname(path.resolve(/*turbopackIgnore: true*/ dir)), { recursive: true });
  const client = await PGlite.create(dir);
  const liteDb = drizzle(client, { schema });
  const db: Database = liteDb;
  return {
    db,
    engine: "pglite",
    close: () => client.close(),
    migrate: async () => {
      const { migrate } = await import("drizzle-orm/pglite/migrator");
      await migrate(liteDb, { migrationsFolder: migrationsFolder() });
    },
  };
}
