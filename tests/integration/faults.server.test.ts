import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq, sql } from "drizzle-orm";
import postgres from "postgres";
import { createTestDatabase } from "../helpers/db";
import { newTenant } from "../helpers/callers";
import { queryRows, type DatabaseHandle } from "@/server/db/client";
import { organizations, reps, teamSnapshots } from "@/server/db/schema";
import { importTeam } from "@/server/imports/import-team";

function bigFile(rows: number) {
  const lines = ["name,role,calls,quota_attainment"];
  for (let i = 0; i < rows; i++)
    lines.push(`Rep ${i},${["inside", "outside", "hybrid"][i % 3]},${i % 400},${70 + (i % 60)}%`);
  return Buffer.from(lines.join("\n"));
}

// Killing a connection needs a database server (vitest.config.mts runs *.server.test.ts only with
// TEST_DATABASE_URL); on PGlite the all-or-nothing commit is covered by the injected failure in imports.test.ts.
const serverUrl = process.env.TEST_DATABASE_URL ?? "";
{
  let handle: DatabaseHandle;
  beforeAll(async () => {
    handle = await createTestDatabase();
  });
  afterAll(async () => {
    await handle.close();
  });

  describe("faults", () => {
    it("a database connection killed mid-import leaves no reps, the snapshot failed or absent, and a retry succeeds", async () => {
      const t = await newTenant(handle.db, `fault-${randomBytes(2).toString("hex")}`);
      const [org] = await handle.db.select().from(organizations).where(eq(organizations.id, t.org.id));
      const [{ db } = { db: "" }] = await queryRows<{ db: string }>(
        handle.db,
        sql`select current_database() as db`,
      );
      const killer = postgres(serverUrl, { max: 1, onnotice: () => {} });
      const bytes = bigFile(12_000);
      const actor = { kind: "user" as const, userId: t.user.id, label: t.user.email };
      const options = { asOf: "2026-11-01", period: "Q4", fileName: "big.csv" };
      try {
        const failed = await importTeam(handle.db, {
          organization: org!,
          role: "owner",
          actor,
          bytes,
          options,
          beforeBatch: async (i) => {
            if (i !== 3) return;
            // From a second connection, terminate every other backend on the test database: the import's too.
            await killer`select pg_terminate_backend(pid) from pg_stat_activity
                         where datname = ${db} and pid <> pg_backend_pid() and application_name = 'salesmix'`;
          },
        }).catch((e: unknown) => e);
        expect(failed).toBeInstanceOf(Error);
      } finally {
        await killer.end();
      }
      // The pool reconnects; nothing of the import remains.
      expect(await handle.db.select().from(reps).where(eq(reps.organizationId, t.org.id))).toHaveLength(0);
      const snaps = await handle.db
        .select()
        .from(teamSnapshots)
        .where(eq(teamSnapshots.organizationId, t.org.id));
      expect(snaps.every((s) => s.status === "failed" && s.rowCount === 0)).toBe(true);
      const retry = await importTeam(handle.db, { organization: org!, role: "owner", actor, bytes, options });
      expect(retry.rowCount).toBe(12_000);
      expect(await handle.db.select().from(reps).where(eq(reps.snapshotId, retry.snapshotId))).toHaveLength(
        12_000,
      );
    });
  });
}
