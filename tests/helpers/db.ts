import { randomBytes } from "node:crypto";
import postgres from "postgres";
import { openDatabase, type DatabaseHandle } from "@/server/db/client";

/**
 * A fresh, migrated database for one test file (with `role`, every session runs as that role after migrating,
 * as the app does, so row-level security applies): in-memory PGlite by default, or a new database on the server
 * of TEST_DATABASE_URL (dropped again by `close`).
 */
export async function createTestDatabase(options: { role?: string } = {}): Promise<DatabaseHandle> {
  const url = process.env.TEST_DATABASE_URL;
  const role = options.role ?? null;
  if (!url) {
    const handle = await openDatabase({ dataDir: "memory://", role });
    await handle.migrate();
    return handle;
  }
  const name = `salesmix_test_${Date.now().toString(36)}_${randomBytes(4).toString("hex")}`;
  const admin = postgres(url, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  const dbUrl = new URL(url);
  dbUrl.pathname = `/${name}`;
  const handle = await openDatabase({ url: dbUrl.toString(), max: 5, role });
  await handle.migrate();
  return {
    ...handle,
    close: async () => {
      await handle.close();
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end({ timeout: 5 });
    },
  };
}

export const testEngine = () => (process.env.TEST_DATABASE_URL ? "postgres" : "pglite");

/**
 * A database that outlives its handle, for restart tests: `open()` connects (and migrates) again to the same
 * data — a PGlite folder on disk, or one database on the server of TEST_DATABASE_URL — and `dispose()` removes it.
 */
export async function createDurableTestDatabase(): Promise<{
  open: () => Promise<DatabaseHandle>;
  dispose: () => Promise<void>;
}> {
  const url = process.env.TEST_DATABASE_URL;
  if (!url) {
    const fs = await import("node:fs");
    const os = await import("node:os");
    const path = await import("node:path");
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), "salesmix-durable-"));
    return {
      open: async () => {
        const handle = await openDatabase({ dataDir: path.join(dir, "pgdata") });
        await handle.migrate();
        return handle;
      },
      dispose: async () => fs.rmSync(dir, { recursive: true, force: true }),
    };
  }
  const name = `salesmix_test_${Date.now().toString(36)}_${randomBytes(4).toString("hex")}`;
  const admin = postgres(url, { max: 1, onnotice: () => {} });
  await admin.unsafe(`create database ${name}`);
  const dbUrl = new URL(url);
  dbUrl.pathname = `/${name}`;
  return {
    open: async () => {
      const handle = await openDatabase({ url: dbUrl.toString(), max: 5 });
      await handle.migrate();
      return handle;
    },
    dispose: async () => {
      await admin.unsafe(`drop database if exists ${name} with (force)`);
      await admin.end({ timeout: 5 });
    },
  };
}
