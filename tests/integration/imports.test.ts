import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TRPCError } from "@trpc/server";
import { and, eq } from "drizzle-orm";
import { createTestDatabase } from "../helpers/db";
import { addMember, newTenant } from "../helpers/callers";
import type { DatabaseHandle } from "@/server/db/client";
import { auditEvents, organizations, reps, teamSnapshots } from "@/server/db/schema";
import { importTeam, type ImportRequest } from "@/server/imports/import-team";
import { ServiceError } from "@/server/errors";
import { snapshotSummarySchema } from "@/server/imports/summary";

const fixture = fs.readFileSync(path.join(__dirname, "../fixtures/team-small.csv"));

let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await createTestDatabase();
});
afterAll(async () => {
  await handle.close();
});

async function orgRow(id: string) {
  const [org] = await handle.db.select().from(organizations).where(eq(organizations.id, id));
  if (!org) throw new Error("no org");
  return org;
}

async function run(
  orgId: string,
  user: { id: string; email: string },
  bytes: Uint8Array,
  extra: Partial<ImportRequest> = {},
  options: Partial<ImportRequest["options"]> = {},
) {
  return importTeam(handle.db, {
    organization: await orgRow(orgId),
    role: "owner",
    actor: { kind: "user", userId: user.id, label: user.email },
    bytes,
    options: { asOf: "2026-10-31", period: "Last 30 days", fileName: "team.csv", ...options },
    ...extra,
  });
}

const errorOf = (p: Promise<unknown>) =>
  p.then(
    () => null,
    (e: unknown) => e as ServiceError,
  );

describe("team import", () => {
  it("imports a CRM export with alias headers into one snapshot, with summary, audit and remembered mapping", async () => {
    const t = await newTenant(handle.db, "imp");
    const result = await run(t.org.id, t.user, fixture);
    expect(result.rowCount).toBe(5);
    expect(result.skippedRowCount).toBe(0);
    const stored = await handle.db.select().from(reps).where(eq(reps.snapshotId, result.snapshotId));
    expect(stored).toHaveLength(5);
    const ana = stored.find((r) => r.name === "Ana Ruiz");
    expect(ana).toMatchObject({
      role: "inside",
      baseSalary: 42833,
      ote: 96299,
      quotaAttainment: 1.04,
      calls: 420,
      remoteSellingPct: 0.9,
      team: "SMB",
    });
    expect(stored.find((r) => r.name === "Cleo Park")?.role).toBe("outside");
    expect(stored.find((r) => r.name === "Eve Lin")?.role).toBe("hybrid");

    const [snap] = await handle.db
      .select()
      .from(teamSnapshots)
      .where(eq(teamSnapshots.id, result.snapshotId));
    expect(snap?.status).toBe("completed");
    const summary = snapshotSummarySchema.parse(snap?.summary);
    expect(summary.team.byRole.inside.reps).toBe(2);
    expect(summary.team.byRole.outside.measures.baseSalary.sum).toBe(122000);
    expect(summary.teams).toEqual(["Enterprise", "Mid-Market", "SMB"]);

    const events = await handle.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.organizationId, t.org.id), eq(auditEvents.action, "import.created")));
    expect(events).toHaveLength(1);
    expect(events[0]?.data).toMatchObject({ rows: 5, fileName: "team.csv" });
    const org = await orgRow(t.org.id);
    expect(org.lastImportMapping).toMatchObject({ fullname: "name" });
  });

  it("recognises the same content again and refuses a duplicate unless asked", async () => {
    const t = await newTenant(handle.db, "dup");
    const first = await run(t.org.id, t.user, fixture);
    const err = await errorOf(run(t.org.id, t.user, fixture));
    expect(err?.code).toBe("DUPLICATE_IMPORT");
    expect(err?.details?.snapshotId).toBe(first.snapshotId);
    const again = await run(t.org.id, t.user, fixture, {}, { allowDuplicate: true });
    expect(again.snapshotId).not.toBe(first.snapshotId);
  });

  it("does not offer to import the valid rows of a file that has none", async () => {
    const t = await newTenant(handle.db, "none");
    const err = await errorOf(run(t.org.id, t.user, Buffer.from("name,role,calls\nAna,inside,abc\n")));
    expect(err?.message).toBe("1 of 1 rows have errors. Fix them and upload the file again.");
  });

  it("refuses a file with row errors, naming row, column and value; imports only the valid rows when asked", async () => {
    const t = await newTenant(handle.db, "err");
    const bad = Buffer.from(
      "name,role,base_salary,quota_attainment\nAna,inside,42000,95%\nBen,outside,abc,80%\nCy,martian,50000,1200%\nDee,hybrid,51000,101%\n",
    );
    const err = await errorOf(run(t.org.id, t.user, bad));
    expect(err?.code).toBe("INVALID_ROWS");
    expect(err?.message).toBe("2 of 4 rows have errors. Fix them, or import the 2 valid rows only.");
    const errors = err?.details?.errors as { row: number; column: string; value: string; message: string }[];
    expect(errors.find((e) => e.row === 3 && e.column === "base_salary")).toMatchObject({ value: "abc" });
    expect(errors.some((e) => e.row === 4 && e.column === "role")).toBe(true);
    expect(errors.some((e) => e.row === 4 && e.column === "quota_attainment")).toBe(true);
    expect(
      await handle.db.select().from(teamSnapshots).where(eq(teamSnapshots.organizationId, t.org.id)),
    ).toHaveLength(0);

    const partial = await run(t.org.id, t.user, bad, {}, { mode: "valid_rows_only" });
    expect(partial).toMatchObject({ rowCount: 2, skippedRowCount: 2 });
    const names = (await handle.db.select().from(reps).where(eq(reps.snapshotId, partial.snapshotId)))
      .map((r) => r.name)
      .sort();
    expect(names).toEqual(["Ana", "Dee"]);
  });

  it("keeps nothing when the commit fails on its last batch, and records the failure", async () => {
    const t = await newTenant(handle.db, "fail");
    const lines = ["name,role,calls"];
    for (let i = 0; i < 4500; i++) lines.push(`Rep ${i},${i % 3 === 0 ? "outside" : "inside"},${i}`);
    const err = await errorOf(
      run(t.org.id, t.user, Buffer.from(lines.join("\n")), {
        beforeBatch: (i) => {
          if (i === 2) throw new Error("connection lost (injected)");
        },
      }),
    );
    expect(err?.message).toContain("injected");
    expect(await handle.db.select().from(reps).where(eq(reps.organizationId, t.org.id))).toHaveLength(0);
    const snaps = await handle.db
      .select()
      .from(teamSnapshots)
      .where(eq(teamSnapshots.organizationId, t.org.id));
    expect(snaps).toHaveLength(1);
    expect(snaps[0]).toMatchObject({ status: "failed", rowCount: 0 });
    expect(snaps[0]?.failureReason).toContain("connection lost");
    const failed = await handle.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.organizationId, t.org.id), eq(auditEvents.action, "import.failed")));
    expect(failed).toHaveLength(1);
    // A retry of the same file succeeds (the failed attempt does not count as a duplicate).
    const retry = await run(t.org.id, t.user, Buffer.from(lines.join("\n")));
    expect(retry.rowCount).toBe(4500);
  });

  it("refuses a viewer, and an empty or binary file with a clear message", async () => {
    const t = await newTenant(handle.db, "perm");
    const viewer = await addMember(handle.db, t.org.id, "viewer");
    const denied = await errorOf(run(t.org.id, viewer.user, fixture, { role: "viewer" }));
    expect(denied?.code).toBe("FORBIDDEN");
    const empty = await errorOf(run(t.org.id, t.user, new Uint8Array()));
    expect(empty?.message).toMatch(/empty/i);
    const png = await errorOf(
      run(
        t.org.id,
        t.user,
        new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]),
      ),
    );
    expect(png?.code).toBe("INVALID_FILE");
    expect(
      await handle.db.select().from(teamSnapshots).where(eq(teamSnapshots.organizationId, t.org.id)),
    ).toHaveLength(0);
  });

  it("never shows one organization's snapshot to another (positive twin included)", async () => {
    const a = await newTenant(handle.db, "ta");
    const b = await newTenant(handle.db, "tb");
    const { snapshotId } = await run(b.org.id, b.user, fixture);
    await expect(b.caller.imports.get({ orgSlug: b.org.slug, snapshotId })).resolves.toMatchObject({
      rowCount: 5,
    });
    for (const call of [
      () => a.caller.imports.get({ orgSlug: a.org.slug, snapshotId }),
      () => a.caller.imports.reps({ orgSlug: a.org.slug, snapshotId }),
      () => a.caller.imports.get({ orgSlug: b.org.slug, snapshotId }),
      () => a.caller.imports.delete({ orgSlug: a.org.slug, snapshotId }),
      () => a.caller.imports.setCurrent({ orgSlug: a.org.slug, snapshotId }),
    ]) {
      const err = await call().catch((e: unknown) => e);
      expect((err as TRPCError).code).toBe("NOT_FOUND");
    }
    expect((await a.caller.imports.list({ orgSlug: a.org.slug })).items).toHaveLength(0);
    expect((await b.caller.imports.list({ orgSlug: b.org.slug })).items).toHaveLength(1);
    expect(await handle.db.select().from(reps).where(eq(reps.snapshotId, snapshotId))).toHaveLength(5);
  });
});

describe("the upload list, a page at a time", () => {
  it("pages by keyset in as-of, upload time, id order, and refuses another organization's upload as a cursor", async () => {
    const t = await newTenant(handle.db, "pages");
    const other = await newTenant(handle.db, "pagesother");
    // Two uploads share an "as of": the upload time and then the id break the tie, so no page repeats or skips.
    const made: string[] = [];
    for (const asOf of ["2026-08-31", "2026-10-31", "2026-09-30", "2026-10-31", "2026-07-31"])
      made.push((await run(t.org.id, t.user, fixture, {}, { asOf, allowDuplicate: true })).snapshotId);
    const { snapshotId: foreign } = await run(other.org.id, other.user, fixture);

    const seen: { id: string; asOf: string }[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const page = await t.caller.imports.list({ orgSlug: t.org.slug, limit: 2, cursor });
      expect(page.items.length).toBeLessThanOrEqual(2);
      seen.push(...page.items.map((s) => ({ id: s.id, asOf: s.asOf })));
      cursor = page.nextCursor ?? undefined;
      pages += 1;
    } while (cursor && pages < 10);
    expect(pages).toBe(3);
    expect(seen.map((s) => s.asOf)).toEqual([
      "2026-10-31",
      "2026-10-31",
      "2026-09-30",
      "2026-08-31",
      "2026-07-31",
    ]);
    // The later of the two 2026-10-31 uploads first.
    expect(seen.slice(0, 2).map((s) => s.id)).toEqual([made[3], made[1]]);
    expect(new Set(seen.map((s) => s.id)).size).toBe(5);

    const err = await t.caller.imports
      .list({ orgSlug: t.org.slug, cursor: foreign })
      .catch((e: unknown) => e);
    expect((err as TRPCError).code).toBe("NOT_FOUND");
    expect((err as TRPCError).message).toBe("No such page: start again without a cursor.");
  });
});
