import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TRPCError } from "@trpc/server";
import { and, eq } from "drizzle-orm";
import { createTestDatabase } from "../helpers/db";
import { addMember, newTenant } from "../helpers/callers";
import type { DatabaseHandle } from "@/server/db/client";
import { auditEvents, organizations, reps, teamSnapshots } from "@/server/db/schema";
import { IMPORT_CANCELLED_MESSAGE, importTeam, type ImportProgress } from "@/server/imports/import-team";
import { ServiceError } from "@/server/errors";

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

function team(rows: number) {
  const lines = ["Sales Rep,Sales Type,Dials"];
  for (let i = 0; i < rows; i++) lines.push(`Rep ${i},${i % 2 ? "inside" : "outside"},${i}`);
  return Buffer.from(lines.join("\n"));
}

describe("the remembered mapping", () => {
  it("is shown, replaced and reset through imports.saveMapping, with an audit row; a viewer cannot change it", async () => {
    const t = await newTenant(handle.db, "mapping");
    expect(await t.caller.imports.uploadContext({ orgSlug: t.org.slug })).toMatchObject({ remembered: {} });

    const saved = await t.caller.imports.saveMapping({
      orgSlug: t.org.slug,
      mapping: { "Sales Rep": "name", "Dials ": "calls", Notes: null },
    });
    expect(saved.remembered).toEqual({ salesrep: "name", dials: "calls", notes: null });
    expect((await t.caller.imports.uploadContext({ orgSlug: t.org.slug })).remembered).toEqual(
      saved.remembered,
    );

    // The next import starts from it.
    const result = await importTeam(handle.db, {
      organization: await orgRow(t.org.id),
      role: "owner",
      actor: { kind: "user", userId: t.user.id, label: t.user.email },
      bytes: Buffer.from("Dials,Sales Rep,Kind\n5,Ana,inside\n"),
      options: {
        asOf: "2026-11-01",
        period: "Q4",
        fileName: "m.csv",
        overrides: [{ columnIndex: 2, target: "role" }],
      },
    });
    const [row] = await handle.db.select().from(reps).where(eq(reps.snapshotId, result.snapshotId));
    expect(row).toMatchObject({ name: "Ana", calls: 5, role: "inside" });

    const viewer = await addMember(handle.db, t.org.id, "viewer");
    const refused = await viewer.caller.imports
      .saveMapping({ orgSlug: t.org.slug, mapping: {} })
      .catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(TRPCError);
    expect((refused as TRPCError).code).toBe("FORBIDDEN");

    const reset = await t.caller.imports.saveMapping({ orgSlug: t.org.slug, mapping: {} });
    expect(reset.remembered).toEqual({});
    expect((await orgRow(t.org.id)).lastImportMapping).toBeNull();
    const events = await handle.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.organizationId, t.org.id), eq(auditEvents.action, "import.mapping_changed")));
    expect(events.map((e) => e.data)).toEqual(
      expect.arrayContaining([
        { columns: 3, reset: false },
        { columns: 0, reset: true },
      ]),
    );
  });

  it("refuses an unknown field with a clear message and changes nothing", async () => {
    const t = await newTenant(handle.db, "mapping-bad");
    await t.caller.imports.saveMapping({ orgSlug: t.org.slug, mapping: { Rep: "name" } });
    const err = await t.caller.imports
      .saveMapping({ orgSlug: t.org.slug, mapping: { Rep: "nonsense" as "name" } })
      .catch((e: unknown) => e);
    expect(err).toBeInstanceOf(TRPCError);
    expect((err as TRPCError).code).toBe("BAD_REQUEST");
    expect((await orgRow(t.org.id)).lastImportMapping).toEqual({ rep: "name" });
  });
});

describe("cancelling an import", () => {
  it("half way through the rows: nothing is saved, no snapshot, and the message says so", async () => {
    const t = await newTenant(handle.db, "cancel");
    const cancel = new AbortController();
    const progress: ImportProgress[] = [];
    const err = await importTeam(handle.db, {
      organization: await orgRow(t.org.id),
      role: "owner",
      actor: { kind: "user", userId: t.user.id, label: t.user.email },
      bytes: team(9_000),
      options: { asOf: "2026-11-01", period: "Q4", fileName: "c.csv" },
      signal: cancel.signal,
      onProgress: (p) => {
        progress.push(p);
        if (p.phase === "checking" && p.rowsChecked >= 4_000) cancel.abort();
      },
    }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ServiceError);
    expect((err as ServiceError).message).toBe(IMPORT_CANCELLED_MESSAGE);
    expect(progress.some((p) => p.phase === "checking" && p.rowsChecked > 0 && p.rowsTotal === 9_000)).toBe(
      true,
    );
    expect(progress.some((p) => p.phase === "saving" || p.phase === "done")).toBe(false);
    expect(await handle.db.select().from(reps).where(eq(reps.organizationId, t.org.id))).toHaveLength(0);
    expect(
      await handle.db.select().from(teamSnapshots).where(eq(teamSnapshots.organizationId, t.org.id)),
    ).toHaveLength(0);
  });

  it("reports rows checked, then saving, then done with every row saved when not cancelled", async () => {
    const t = await newTenant(handle.db, "progress");
    const progress: ImportProgress[] = [];
    const result = await importTeam(handle.db, {
      organization: await orgRow(t.org.id),
      role: "owner",
      actor: { kind: "user", userId: t.user.id, label: t.user.email },
      bytes: team(5_000),
      options: { asOf: "2026-11-01", period: "Q4", fileName: "p.csv" },
      onProgress: (p) => progress.push(p),
    });
    expect(result.rowCount).toBe(5_000);
    const phases = progress.map((p) => p.phase);
    expect(phases[0]).toBe("reading");
    expect(phases.indexOf("checking")).toBeLessThan(phases.indexOf("saving"));
    expect(progress.at(-1)).toEqual({
      phase: "done",
      rowsChecked: 5_000,
      rowsSaved: 5_000,
      rowsTotal: 5_000,
    });
  });
});
