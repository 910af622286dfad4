import fs from "node:fs";
import path from "node:path";
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from "drizzle-orm/pg-core";
import type { ExtractTablesWithRelations, SQL } from "drizzle-orm";
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
  /**
   * Role every session runs as after migrations (e.g. salesmix_app, an ordinary role without BYPASSRLS), so
   * row-level security applies even when the login role is the owner. Migrations run as the login role.
   */
  role?: string | null;
  /** postgres:// URL of the owner for migrations, when the login role of `url` may not run them. */
  ownerUrl?: string;
}

function quoteIdent(name: string) {
  return `"${name.replace(/"/g, '""')}"`;
}

export async function openDatabase(options: OpenOptions): Promise<DatabaseHandle> {
  const url = options.url;
  if (url) {
    const { default: postgres } = await import("postgres");
    const { drizzle } = await import("drizzle-orm/postgres-js");
    const role = options.role ? { role: options.role } : {};
    const client = postgres(url, {
      max: options.max ?? 10,
      onnotice: () => {},
      connection: { application_name: "salesmix", ...role },
    });
    const db: Database = drizzle(client, { schema });
    return {
      db,
      engine: "postgres",
      close: () => client.end({ timeout: 5 }),
      migrate: async () => {
        // Migrations run on their own connection as the login (or owner) role, never as the app role.
        const owner = postgres(options.ownerUrl ?? url, { max: 1, onnotice: () => {} });
        try {
          // Several servers may start at once (processes of one machine, replicas): one migrates, the others
          // wait here and then find nothing left to do. The lock ends with this connection.
          await owner`select pg_advisory_lock(hashtext('salesmix.migrations'))`;
          const { migrate } = await import("drizzle-orm/postgres-js/migrator");
          await migrate(drizzle(owner, { schema }), { migrationsFolder: migrationsFolder() });
        } finally {
          await owner.end({ timeout: 5 });
        }
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
  // PGlite has one session: it switches to the app role after migrations (the role exists only then).
  const assumeRole = async () => {
    if (options.role) await client.exec(`SET ROLE ${quoteIdent(options.role)}`);
  };
  const hasRole = options.role
    ? (await client.query("select 1 from pg_roles where rolname = $1", [options.role])).rows.length > 0
    : false;
  if (hasRole) await assumeRole();
  return {
    db,
    engine: "pglite",
    close: () => client.close(),
    migrate: async () => {
      await client.exec("RESET ROLE");
      const { migrate } = await import("drizzle-orm/pglite/migrator");
      await migrate(liteDb, { migrationsFolder: migrationsFolder() });
      await assumeRole();
    },
  };
}

/** Rows of a raw SQL query; PGlite returns `{ rows }`, postgres.js an array. */
export async function queryRows<T extends Record<string, unknown>>(db: Db, query: SQL): Promise<T[]> {
  const result: unknown = await db.execute(query);
  if (Array.isArray(result)) return result as T[];
  return (result as { rows: T[] }).rows;
}
