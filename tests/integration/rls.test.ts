import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq, sql } from "drizzle-orm";
import { createTestDatabase } from "../helpers/db";
import { newTenant } from "../helpers/callers";
import {
  openDatabase,
  queryRows,
  type Database,
  type DatabaseHandle,
  type Db,
  type Transaction,
} from "@/server/db/client";
import { organizations, reps, teamSnapshots } from "@/server/db/schema";
import { importTeam } from "@/server/imports/import-team";
import { getReport } from "@/server/reports/report";
import { hashApiKey } from "@/server/apikeys/keys";

const fixture = fs.readFileSync(path.join(__dirname, "../fixtures/team-small.csv"));
const TENANT_TABLES = [
  "memberships",
  "invitations",
  "team_snapshots",
  "reps",
  "audit_events",
  "api_keys",
  "webhook_endpoints",
  "webhook_deliveries",
  "scenarios",
  "share_links",
  "notification_preferences",
];

let handle: DatabaseHandle;
let a: Awaited<ReturnType<typeof newTenant>>;
let b: Awaited<ReturnType<typeof newTenant>>;
let bSnapshot: string;

async function org(id: string) {
  const [row] = await handle.db.select().from(organizations).where(eq(organizations.id, id));
  if (!row) throw new Error("org missing");
  return row;
}

/** Runs `fn` as the app's ordinary role (not superuser, no BYPASSRLS), optionally with an org set. */
async function asApp<T>(orgId: string | null, fn: (tx: Transaction) => Promise<T>): Promise<T> {
  return handle.db.transaction(async (tx) => {
    await tx.execute(sql`set local role salesmix_app`);
    if (orgId) await tx.execute(sql`select set_config('app.organization_id', ${orgId}, true)`);
    return fn(tx);
  });
}

const count = async (tx: Db, table: string, where = sql``) =>
  Number(
    (
      await queryRows<{ n: number | string }>(
        tx,
        sql`select count(*) as n from ${sql.identifier(table)} ${where}`,
      )
    )[0]?.n,
  );

beforeAll(async () => {
  handle = await createTestDatabase();
  a = await newTenant(handle.db, "rls-a");
  b = await newTenant(handle.db, "rls-b");
  const actor = (t: typeof a) => ({ kind: "user" as const, userId: t.user.id, label: t.user.email });
  const opts = { asOf: "2026-10-01", period: "Q3", fileName: "team.csv" };
  await importTeam(handle.db, {
    organization: await org(a.org.id),
    role: "owner",
    actor: actor(a),
    bytes: fixture,
    options: opts,
  });
  bSnapshot = (
    await importTeam(handle.db, {
      organization: await org(b.org.id),
      role: "owner",
      actor: actor(b),
      bytes: fixture,
      options: opts,
    })
  ).snapshotId;
});
afterAll(async () => {
  await handle.close();
});

describe("row-level security", () => {
  it("the app role is ordinary: not superuser, no BYPASSRLS, and every tenant table forces RLS", async () => {
    const [role] = await queryRows<{ rolsuper: boolean; rolbypassrls: boolean }>(
      handle.db,
      sql`select rolsuper, rolbypassrls from pg_roles where rolname = 'salesmix_app'`,
    );
    expect(role).toEqual({ rolsuper: false, rolbypassrls: false });
    const tables = await queryRows<{
      relname: string;
      relrowsecurity: boolean;
      relforcerowsecurity: boolean;
    }>(
      handle.db,
      sql`select relname, relrowsecurity, relforcerowsecurity from pg_class where relname in ${sql.raw(`(${TENANT_TABLES.map((t) => `'${t}'`).join(",")})`)}`,
    );
    expect(tables).toHaveLength(TENANT_TABLES.length);
    for (const t of tables)
      expect([t.relname, t.relrowsecurity, t.relforcerowsecurity]).toEqual([t.relname, true, true]);
  });

  it("without an organization set, no tenant row is visible", async () => {
    await asApp(null, async (tx) => {
      for (const table of TENANT_TABLES) expect([table, await count(tx, table)]).toEqual([table, 0]);
    });
    // The same tables do hold rows (the owner sees them).
    expect(await count(handle.db, "reps")).toBe(10);
  });

  it("with org A set, even a query without any filter sees only A's rows", async () => {
    await asApp(a.org.id, async (tx) => {
      expect(await count(tx, "reps")).toBe(5);
      expect(await count(tx, "reps", sql`where organization_id = ${b.org.id}`)).toBe(0);
      expect(await count(tx, "team_snapshots", sql`where id = ${bSnapshot}`)).toBe(0);
      const rows = await tx.select().from(reps);
      expect(new Set(rows.map((r) => r.organizationId))).toEqual(new Set([a.org.id]));
    });
  });

  it("with org A set, B's rows can be neither changed, deleted nor written", async () => {
    await asApp(a.org.id, async (tx) => {
      const updated = await tx
        .update(reps)
        .set({ name: "hijacked" })
        .where(eq(reps.organizationId, b.org.id))
        .returning();
      expect(updated).toHaveLength(0);
      const deleted = await tx.delete(teamSnapshots).where(eq(teamSnapshots.id, bSnapshot)).returning();
      expect(deleted).toHaveLength(0);
    });
    const insert = asApp(a.org.id, (tx) =>
      tx.insert(reps).values({
        organizationId: b.org.id,
        snapshotId: bSnapshot,
        rowNumber: 999,
        name: "planted",
        role: "inside",
      }),
    );
    await expect(insert).rejects.toThrow();
    const bRows = await handle.db.select().from(reps).where(eq(reps.snapshotId, bSnapshot));
    expect(bRows).toHaveLength(5);
    expect(bRows.some((r) => r.name === "hijacked" || r.name === "planted")).toBe(false);
  });

  it("the import and the report work under RLS (INSERT … SELECT, not COPY)", async () => {
    const orgA = await org(a.org.id);
    const result = await asApp(null, async (tx) => {
      const appDb = tx as unknown as Database;
      const imported = await importTeam(appDb, {
        organization: orgA,
        role: "owner",
        actor: { kind: "user", userId: a.user.id, label: a.user.email },
        bytes: Buffer.concat([
          fixture,
          Buffer.from(
            'Zed Hall,zed@acme.test,Inside Sales,AE,SMB,"$41,000","$90,000",500000,99%,400,90,900,50,30,8,"$9,000",30,2,90%\n',
          ),
        ]),
        options: { asOf: "2026-11-01", period: "Q4", fileName: "team-q4.csv" },
      });
      const report = await getReport(appDb, orgA, { snapshotId: imported.snapshotId });
      return { imported, report };
    });
    expect(result.imported.rowCount).toBe(6);
    expect(result.report?.analysis.metrics.headCount.total).toBe(6);
  });

  it("the one-statement access check (app_org_access) answers only for a member, and leaves no setting behind", async () => {
    const settings = (tx: Db) =>
      queryRows<{ org: string | null; usr: string | null }>(
        tx,
        sql`select current_setting('app.organization_id', true) as org, current_setting('app.user_id', true) as usr`,
      );
    const access = (tx: Db, userId: string, slug: string) =>
      queryRows<{ org: string; role: string; snapshot: string | null }>(
        tx,
        sql`select access_organization_id as org, access_role as role, access_snapshot_id as snapshot
            from app_org_access(${userId}::uuid, ${slug}::text)`,
      );
    await asApp(a.org.id, async (tx) => {
      // A's owner asking for B's slug: nothing, and nothing of B leaks into the transaction's settings.
      expect(await access(tx, a.user.id, b.org.slug)).toEqual([]);
      expect(await settings(tx)).toEqual([{ org: a.org.id, usr: "" }]);
      // B's owner asking for B: B, the role and B's current snapshot; the caller's org setting is restored.
      expect(await access(tx, b.user.id, b.org.slug)).toEqual([
        { org: b.org.id, role: "owner", snapshot: bSnapshot },
      ]);
      expect(await settings(tx)).toEqual([{ org: a.org.id, usr: "" }]);
      // Still only A's rows afterwards.
      expect(await count(tx, "reps", sql`where organization_id = ${b.org.id}`)).toBe(0);
    });
  });

  it("app_api_key_access finds a key only by its hash and never a revoked one", async () => {
    const created = await b.caller.apiKeys.create({ orgSlug: b.org.slug, name: "rls", scope: "read" });
    const hash = hashApiKey(created.key);
    const lookup = (tx: Db, keyHash: string) =>
      queryRows<{ org: string; snapshot: string | null }>(
        tx,
        sql`select access_organization_id as org, access_snapshot_id as snapshot from app_api_key_access(${keyHash}::text)`,
      );
    await asApp(null, async (tx) => {
      expect(await lookup(tx, hash)).toEqual([{ org: b.org.id, snapshot: bSnapshot }]);
      expect(await lookup(tx, hashApiKey("smk_" + "x".repeat(40)))).toEqual([]);
      // The key's row is not visible after the call: the hash setting was restored.
      expect(await count(tx, "api_keys")).toBe(0);
    });
    await b.caller.apiKeys.revoke({ orgSlug: b.org.slug, keyId: created.id });
    await asApp(null, async (tx) => expect(await lookup(tx, hash)).toEqual([]));
  });

  // PGlite has a single session, covered above with SET LOCAL ROLE; a server also gets a real app-role connection.
  const serverUrl = process.env.TEST_DATABASE_URL;
  if (serverUrl)
    it("a real connection as the app role is bound the same way", async () => {
      const url = new URL(serverUrl);
      const [{ db: name } = { db: "" }] = await queryRows<{ db: string }>(
        handle.db,
        sql`select current_database() as db`,
      );
      url.pathname = `/${name}`;
      const app = await openDatabase({ url: url.toString(), role: "salesmix_app", max: 1 });
      try {
        const [who] = await queryRows<{ u: string }>(app.db, sql`select current_user as u`);
        expect(who?.u).toBe("salesmix_app");
        expect(await app.db.select().from(reps)).toHaveLength(0);
        const orgB = await org(b.org.id);
        const report = await getReport(app.db, orgB);
        expect(report?.snapshot.id).toBe(bSnapshot);
      } finally {
        await app.close();
      }
    });
});

describe("the per-request access functions", () => {
  it("tell the planner they return one row, so the organization is joined by its key, not by hashing the table", async () => {
    const functions = await queryRows<{ name: string; rows: number; language: string }>(
      handle.db,
      sql`select p.proname as name, p.prorows::int as rows, l.lanname as language
          from pg_proc p join pg_language l on l.oid = p.prolang
          where p.pronamespace = 'public'::regnamespace and p.proname like 'app%' and p.proretset
          order by p.proname`,
    );
    expect(functions).toEqual([
      { name: "app_api_key_access", rows: 1, language: "plpgsql" },
      { name: "app_org_access", rows: 1, language: "plpgsql" },
      { name: "app_session_org_access", rows: 1, language: "plpgsql" },
    ]);
  });
});

describe("schema shape for sharding by organization", () => {
  it("every tenant table leads its primary key with organization_id, and tenant-to-tenant foreign keys include it", async () => {
    const pks = await queryRows<{ table: string; first: string }>(
      handle.db,
      sql`select c.relname as table, a.attname as first
          from pg_constraint k join pg_class c on c.oid = k.conrelid
          join pg_attribute a on a.attrelid = c.oid and a.attnum = k.conkey[1]
          where k.contype = 'p' and c.relnamespace = 'public'::regnamespace
            and exists (select 1 from pg_attribute x where x.attrelid = c.oid and x.attname = 'organization_id')`,
    );
    expect(pks.map((p) => p.table).sort()).toEqual([...TENANT_TABLES].sort());
    for (const pk of pks) expect([pk.table, pk.first]).toEqual([pk.table, "organization_id"]);

    const fks = await queryRows<{ name: string; cols: string[] | string }>(
      handle.db,
      sql`select k.conname as name, array(select a.attname from unnest(k.conkey) n join pg_attribute a on a.attrelid = k.conrelid and a.attnum = n)::text[] as cols
          from pg_constraint k join pg_class src on src.oid = k.conrelid join pg_class dst on dst.oid = k.confrelid
          where k.contype = 'f'
            and exists (select 1 from pg_attribute x where x.attrelid = src.oid and x.attname = 'organization_id')
            and exists (select 1 from pg_attribute x where x.attrelid = dst.oid and x.attname = 'organization_id')`,
    );
    expect(fks.length).toBeGreaterThan(0);
    for (const fk of fks) {
      const cols = Array.isArray(fk.cols) ? fk.cols : fk.cols.replace(/[{}]/g, "").split(",");
      expect([fk.name, cols.includes("organization_id")]).toEqual([fk.name, true]);
    }
  });
});
