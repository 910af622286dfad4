import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TRPCError } from "@trpc/server";
import { and, eq, sql } from "drizzle-orm";
import { createTestDatabase } from "../helpers/db";
import { addMember, callerFor, newTenant } from "../helpers/callers";
import { asAppRole } from "./api-helpers";
import type { DatabaseHandle } from "@/server/db/client";
import { apiKeys, auditEvents } from "@/server/db/schema";
import { authenticateApiKey, LAST_USED_PRECISION_MS } from "@/server/apikeys/authenticate";
import { hashApiKey } from "@/server/apikeys/keys";

let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await createTestDatabase();
});
afterAll(async () => {
  await handle.close();
});

const codeOf = (p: Promise<unknown>) =>
  p.then(
    () => "OK",
    (e: unknown) => (e instanceof TRPCError ? e.code : String(e)),
  );

/** Rows of a raw query: PGlite answers `{ rows }`, postgres.js an array. */
function rowsOf<T>(result: unknown): T[] {
  if (Array.isArray(result)) return result as T[];
  return ((result as { rows?: T[] }).rows ?? []) as T[];
}

async function keyRow(id: string) {
  const [row] = await handle.db.select().from(apiKeys).where(eq(apiKeys.id, id));
  if (!row) throw new Error("no key row");
  return row;
}

describe("API key procedures", () => {
  it("creates a key shown once: smk_ + 32 random bytes, stored only as its SHA-256 and a display prefix", async () => {
    const t = await newTenant(handle.db, "keys");
    const created = await t.caller.apiKeys.create({
      orgSlug: t.org.slug,
      name: "Nightly CRM sync",
      scope: "read",
    });
    expect(created.key).toMatch(/^smk_[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(created.key.slice(4), "base64url")).toHaveLength(32);
    expect(created.prefix).toBe(created.key.slice(0, 12));
    const row = await keyRow(created.id);
    expect(row).toMatchObject({
      organizationId: t.org.id,
      name: "Nightly CRM sync",
      scope: "read",
      createdBy: t.user.id,
    });
    expect(row.keyHash).toBe(hashApiKey(created.key));
    expect(row.keyHash).not.toContain(created.key.slice(12));

    // The raw key is in no column of any table.
    const tableNames = rowsOf<{ table_name: string }>(
      await handle.db.execute(
        sql`select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'`,
      ),
    );
    expect(tableNames.map((r) => r.table_name)).toContain("api_keys");
    for (const { table_name } of tableNames) {
      const rows = rowsOf<{ n: number }>(
        await handle.db.execute(
          sql`select count(*)::int as n from ${sql.identifier(table_name)} t where t::text like ${`%${created.key.slice(4)}%`}`,
        ),
      );
      expect(rows[0]?.n, `raw key found in ${table_name}`).toBe(0);
    }

    const list = await t.caller.apiKeys.list({ orgSlug: t.org.slug });
    expect(list.keys).toHaveLength(1);
    expect(list.keys[0]).toMatchObject({
      id: created.id,
      prefix: created.prefix,
      scope: "read",
      lastUsedAt: null,
    });
    expect(JSON.stringify(list)).not.toContain(created.key);
    expect(Object.keys(list.keys[0] ?? {})).not.toContain("keyHash");
  });

  it("audits creation and revocation in the organization's log, never with the key", async () => {
    const t = await newTenant(handle.db, "audit");
    const created = await t.caller.apiKeys.create({ orgSlug: t.org.slug, name: "BI", scope: "read_write" });
    await t.caller.apiKeys.revoke({ orgSlug: t.org.slug, keyId: created.id });
    const events = await handle.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.organizationId, t.org.id), eq(auditEvents.targetType, "api_key")));
    expect(events.map((e) => e.action).sort()).toEqual(["apikey.created", "apikey.revoked"]);
    for (const e of events) {
      expect(e).toMatchObject({ actorUserId: t.user.id, targetId: created.id, ip: "203.0.113.7" });
      expect(e.data).toMatchObject({ name: "BI", scope: "read_write", prefix: created.prefix });
      expect(JSON.stringify(e)).not.toContain(created.key);
    }
    // Revoking again changes nothing and records nothing.
    const again = await t.caller.apiKeys.revoke({ orgSlug: t.org.slug, keyId: created.id });
    expect(again.changed).toBe(false);
    const after = await handle.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.organizationId, t.org.id), eq(auditEvents.action, "apikey.revoked")));
    expect(after).toHaveLength(1);
  });

  it("refuses analysts and viewers with FORBIDDEN; admins and owners may manage keys", async () => {
    const t = await newTenant(handle.db, "roles");
    const key = await t.caller.apiKeys.create({ orgSlug: t.org.slug, name: "owner's", scope: "read" });
    for (const role of ["analyst", "viewer"] as const) {
      const m = await addMember(handle.db, t.org.id, role);
      expect(await codeOf(m.caller.apiKeys.list({ orgSlug: t.org.slug }))).toBe("FORBIDDEN");
      expect(await codeOf(m.caller.apiKeys.create({ orgSlug: t.org.slug, name: "x", scope: "read" }))).toBe(
        "FORBIDDEN",
      );
      expect(await codeOf(m.caller.apiKeys.revoke({ orgSlug: t.org.slug, keyId: key.id }))).toBe("FORBIDDEN");
    }
    expect((await keyRow(key.id)).revokedAt).toBeNull();
    const admin = await addMember(handle.db, t.org.id, "admin");
    const made = await admin.caller.apiKeys.create({
      orgSlug: t.org.slug,
      name: "admin's",
      scope: "read_write",
    });
    expect((await admin.caller.apiKeys.list({ orgSlug: t.org.slug })).keys.map((k) => k.id).sort()).toEqual(
      [key.id, made.id].sort(),
    );
    expect((await admin.caller.apiKeys.revoke({ orgSlug: t.org.slug, keyId: key.id })).changed).toBe(true);
  });

  it("never reaches another organization's keys: NOT_FOUND, with its positive twin", async () => {
    const a = await newTenant(handle.db, "tenant-a");
    const b = await newTenant(handle.db, "tenant-b");
    const bKey = await b.caller.apiKeys.create({ orgSlug: b.org.slug, name: "b", scope: "read" });
    expect(await codeOf(a.caller.apiKeys.revoke({ orgSlug: a.org.slug, keyId: bKey.id }))).toBe("NOT_FOUND");
    expect(await codeOf(a.caller.apiKeys.list({ orgSlug: b.org.slug }))).toBe("NOT_FOUND");
    expect((await a.caller.apiKeys.list({ orgSlug: a.org.slug })).keys).toHaveLength(0);
    expect((await keyRow(bKey.id)).revokedAt).toBeNull();
    // Twin: the owner of b revokes it.
    expect((await b.caller.apiKeys.revoke({ orgSlug: b.org.slug, keyId: bKey.id })).changed).toBe(true);
    expect((await keyRow(bKey.id)).revokedAt).not.toBeNull();
  });

  it("validates the name and scope", async () => {
    const t = await newTenant(handle.db, "valid");
    expect(await codeOf(t.caller.apiKeys.create({ orgSlug: t.org.slug, name: "  ", scope: "read" }))).toBe(
      "BAD_REQUEST",
    );
    expect(
      await codeOf(
        t.caller.apiKeys.create({ orgSlug: t.org.slug, name: "x", scope: "admin" as unknown as "read" }),
      ),
    ).toBe("BAD_REQUEST");
    expect(await codeOf(t.caller.apiKeys.revoke({ orgSlug: t.org.slug, keyId: "not-a-uuid" }))).toBe(
      "BAD_REQUEST",
    );
    expect((await t.caller.apiKeys.list({ orgSlug: t.org.slug })).keys).toHaveLength(0);
  });
});

describe("under row-level security (the app's ordinary role)", () => {
  it("creates, lists, authenticates and revokes keys of the organization, and sees no other's", async () => {
    const t = await newTenant(handle.db, "rls");
    const other = await newTenant(handle.db, "rls-other");
    const otherKey = await other.caller.apiKeys.create({
      orgSlug: other.org.slug,
      name: "other",
      scope: "read",
    });
    const result = await asAppRole(handle.db, async (appDb) => {
      const caller = callerFor(appDb, t.user);
      const created = await caller.apiKeys.create({ orgSlug: t.org.slug, name: "under rls", scope: "read" });
      const listed = await caller.apiKeys.list({ orgSlug: t.org.slug });
      const found = await authenticateApiKey(appDb, created.key);
      const foundOther = await authenticateApiKey(appDb, otherKey.key);
      const crossRevoke = await codeOf(caller.apiKeys.revoke({ orgSlug: t.org.slug, keyId: otherKey.id }));
      const revoked = await caller.apiKeys.revoke({ orgSlug: t.org.slug, keyId: created.id });
      const afterRevoke = await authenticateApiKey(appDb, created.key);
      return { created, listed, found, foundOther, crossRevoke, revoked, afterRevoke };
    });
    expect(result.listed.keys.map((k) => k.id)).toEqual([result.created.id]);
    expect(result.found?.org.id).toBe(t.org.id);
    expect(result.foundOther?.org.id).toBe(other.org.id);
    expect(result.crossRevoke).toBe("NOT_FOUND");
    expect(result.revoked.changed).toBe(true);
    expect(result.afterRevoke).toBeNull();
    expect((await keyRow(result.created.id)).lastUsedAt).not.toBeNull();
    expect((await keyRow(otherKey.id)).revokedAt).toBeNull();
  });
});

describe("authenticating a key", () => {
  it("finds the organization and scope of a key; unknown, malformed and revoked keys are null", async () => {
    const t = await newTenant(handle.db, "auth");
    const created = await t.caller.apiKeys.create({ orgSlug: t.org.slug, name: "sync", scope: "read_write" });
    const found = await authenticateApiKey(handle.db, created.key);
    expect(found?.org.id).toBe(t.org.id);
    expect(found?.scope).toBe("read_write");
    expect(found?.key).toMatchObject({ id: created.id, name: "sync", prefix: created.prefix });

    const flipped = created.key.slice(0, -1) + (created.key.endsWith("A") ? "B" : "A");
    expect(await authenticateApiKey(handle.db, flipped)).toBeNull();
    expect(await authenticateApiKey(handle.db, "smk_short")).toBeNull();
    expect(await authenticateApiKey(handle.db, "")).toBeNull();

    await t.caller.apiKeys.revoke({ orgSlug: t.org.slug, keyId: created.id });
    expect(await authenticateApiKey(handle.db, created.key)).toBeNull();
  });

  it("records the last use at most once a minute per key", async () => {
    const t = await newTenant(handle.db, "lastused");
    const created = await t.caller.apiKeys.create({ orgSlug: t.org.slug, name: "sync", scope: "read" });
    const t0 = new Date("2030-01-01T10:00:00.000Z");
    await authenticateApiKey(handle.db, created.key, t0);
    expect((await keyRow(created.id)).lastUsedAt?.toISOString()).toBe(t0.toISOString());
    await authenticateApiKey(handle.db, created.key, new Date(t0.getTime() + LAST_USED_PRECISION_MS - 1000));
    expect((await keyRow(created.id)).lastUsedAt?.toISOString()).toBe(t0.toISOString());
    const later = new Date(t0.getTime() + LAST_USED_PRECISION_MS + 1000);
    await authenticateApiKey(handle.db, created.key, later);
    expect((await keyRow(created.id)).lastUsedAt?.toISOString()).toBe(later.toISOString());
    const listed = await t.caller.apiKeys.list({ orgSlug: t.org.slug });
    expect(listed.keys[0]?.lastUsedAt?.toISOString()).toBe(later.toISOString());
  });
});

describe("key lifecycle: expiry, last use, creators who left", () => {
  it("a key with an expiry works until then and is refused after, like a revoked one; the list says so", async () => {
    const t = await newTenant(handle.db, "expiry");
    const short = await t.caller.apiKeys.create({
      orgSlug: t.org.slug,
      name: "one-off import",
      scope: "read",
      expiresInDays: 7,
    });
    const forever = await t.caller.apiKeys.create({ orgSlug: t.org.slug, name: "nightly", scope: "read" });
    expect(short.expiresAt).not.toBeNull();
    const days = (short.expiresAt!.getTime() - short.createdAt.getTime()) / 86_400_000;
    expect(days).toBeCloseTo(7, 3);
    expect(forever.expiresAt).toBeNull();
    expect((await authenticateApiKey(handle.db, short.key))?.key.id).toBe(short.id);

    // Time passes (the expiry is moved into the past): the key is refused, the other one still works.
    await handle.db
      .update(apiKeys)
      .set({ expiresAt: sql`now() - interval '1 second'` })
      .where(and(eq(apiKeys.organizationId, t.org.id), eq(apiKeys.id, short.id)));
    expect(await authenticateApiKey(handle.db, short.key)).toBeNull();
    expect((await authenticateApiKey(handle.db, forever.key))?.key.id).toBe(forever.id);

    const listed = await t.caller.apiKeys.list({ orgSlug: t.org.slug });
    const byId = new Map(listed.keys.map((k) => [k.id, k]));
    expect(byId.get(short.id)).toMatchObject({ expired: true, lastUsedAt: expect.any(Date) });
    expect(byId.get(forever.id)).toMatchObject({ expired: false, expiresAt: null });

    const events = await handle.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.organizationId, t.org.id), eq(auditEvents.targetId, short.id)));
    expect(events[0]?.data).toMatchObject({ expiresAt: short.expiresAt!.toISOString() });
  });

  it("refuses an expiry that is not a whole number of days between 1 and 730, creating nothing", async () => {
    const t = await newTenant(handle.db, "badexpiry");
    for (const expiresInDays of [0, -3, 1.5, 731]) {
      expect(
        await codeOf(
          t.caller.apiKeys.create({ orgSlug: t.org.slug, name: "x", scope: "read", expiresInDays }),
        ),
      ).toBe("BAD_REQUEST");
    }
    expect((await t.caller.apiKeys.list({ orgSlug: t.org.slug })).keys).toHaveLength(0);
  });

  it("flags a key whose creator has left the organization; keys of current members are not flagged", async () => {
    const t = await newTenant(handle.db, "leaver");
    const admin = await addMember(handle.db, t.org.id, "admin");
    const adminKey = await admin.caller.apiKeys.create({
      orgSlug: t.org.slug,
      name: "admin's",
      scope: "read",
    });
    const ownerKey = await t.caller.apiKeys.create({ orgSlug: t.org.slug, name: "owner's", scope: "read" });
    const before = await t.caller.apiKeys.list({ orgSlug: t.org.slug });
    expect(before.keys.every((k) => !k.creatorLeft)).toBe(true);

    await t.caller.members.remove({ orgSlug: t.org.slug, userId: admin.user.id });
    const after = new Map((await t.caller.apiKeys.list({ orgSlug: t.org.slug })).keys.map((k) => [k.id, k]));
    expect(after.get(adminKey.id)).toMatchObject({ creatorLeft: true, createdByName: "admin user" });
    expect(after.get(ownerKey.id)?.creatorLeft).toBe(false);
    // The key itself keeps working (it belongs to the organization): the flag is what tells the admin.
    expect((await authenticateApiKey(handle.db, adminKey.key))?.org.id).toBe(t.org.id);
  });
});
