/**
 * Saved planner scenarios through the tRPC procedures, as members of each role, on the app's ordinary database
 * role (row-level security live): who may do what, the audit rows, bad input, the planner's data, the export
 * and the organization's deletion.
 */
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TRPCError } from "@trpc/server";
import { and, eq, sql } from "drizzle-orm";
import { strFromU8, unzipSync } from "fflate";
import { createTestDatabase } from "../helpers/db";
import { addMember, callerFor, newTenant } from "../helpers/callers";
import type { Database, DatabaseHandle } from "@/server/db/client";
import type { Role } from "@/lib/permissions";
import { auditEvents, organizations, scenarios } from "@/server/db/schema";
import { importTeam } from "@/server/imports/import-team";
import { exportOrganization } from "@/server/orgs/data";
import { evaluateScenario } from "@/server/planner/data";
import { DEFAULT_ASSUMPTIONS, namedCandidates } from "@/lib/planner";

const fixture = fs.readFileSync(path.join(__dirname, "../fixtures/team-small.csv"));
let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await createTestDatabase({ role: "salesmix_app" });
});
afterAll(async () => {
  await handle.close();
});

async function tenantWithTeam(label: string) {
  const t = await newTenant(handle.db, label);
  const [org] = await handle.db.transaction(async (tx) =>
    tx.select().from(organizations).where(eq(organizations.id, t.org.id)),
  );
  const snap = await importTeam(handle.db, {
    organization: { ...org!, annualRevenue: 30_000_000 },
    role: "owner",
    actor: { kind: "user", userId: t.user.id, label: t.user.email },
    bytes: fixture,
    options: { asOf: "2026-09-30", period: "Q3", fileName: "team.csv" },
  });
  await t.caller.org.updateProfile({ orgSlug: t.org.slug, annualRevenue: 30_000_000 });
  return { ...t, snapshotId: snap.snapshotId };
}

/** addMember, inside a transaction bound to the organization (the app role's policies then allow the insert). */
function member(orgId: string, role: Role) {
  return handle.db.transaction(async (tx) => {
    await tx.execute(sql`select set_config('app.organization_id', ${orgId}, true)`);
    const m = await addMember(tx as unknown as Database, orgId, role);
    return { user: m.user, caller: callerFor(handle.db, m.user) };
  });
}

const code = (e: unknown) => (e instanceof TRPCError ? e.code : String(e));
async function auditActions(orgId: string) {
  const rows = await handle.db.transaction(async (tx) => {
    await tx.execute(sql`select set_config('app.organization_id', ${orgId}, true)`);
    return tx
      .select({ action: auditEvents.action })
      .from(auditEvents)
      .where(and(eq(auditEvents.organizationId, orgId), eq(auditEvents.targetType, "scenario")));
  });
  return rows.map((r) => r.action).sort();
}

describe("scenarios by role", () => {
  it("analysts create, edit, duplicate and delete, each audited; viewers read only", async () => {
    const t = await tenantWithTeam("scen-roles");
    const analyst = await member(t.org.id, "analyst");
    const viewer = await member(t.org.id, "viewer");
    const orgSlug = t.org.slug;
    const created = await analyst.caller.scenarios.create({
      orgSlug,
      name: "Move Cleo to hybrid",
      content: { moves: [{ row: 4, to: "hybrid" }], assumptions: DEFAULT_ASSUMPTIONS },
    });
    expect(created).toMatchObject({
      snapshotId: t.snapshotId,
      author: analyst.user.email,
      snapshotDeleted: false,
    });
    await analyst.caller.scenarios.update({ orgSlug, scenarioId: created.id, name: "Cleo to hybrid" });
    const copy = await analyst.caller.scenarios.duplicate({ orgSlug, scenarioId: created.id });
    expect(copy.name).toBe("Cleo to hybrid (copy)");
    expect(copy.content).toEqual(created.content);

    const seen = await viewer.caller.scenarios.list({ orgSlug });
    expect(seen.map((s) => s.name).sort()).toEqual(["Cleo to hybrid", "Cleo to hybrid (copy)"]);
    expect((await viewer.caller.scenarios.get({ orgSlug, scenarioId: created.id })).name).toBe(
      "Cleo to hybrid",
    );
    for (const attempt of [
      () => viewer.caller.scenarios.create({ orgSlug, name: "nope" }),
      () => viewer.caller.scenarios.update({ orgSlug, scenarioId: created.id, name: "nope" }),
      () => viewer.caller.scenarios.duplicate({ orgSlug, scenarioId: created.id }),
      () => viewer.caller.scenarios.delete({ orgSlug, scenarioId: created.id }),
    ]) {
      const e = await attempt().catch((x: unknown) => x);
      expect(code(e)).toBe("FORBIDDEN");
    }
    await analyst.caller.scenarios.delete({ orgSlug, scenarioId: copy.id });
    expect((await viewer.caller.scenarios.list({ orgSlug })).map((s) => s.id)).toEqual([created.id]);
    expect(await auditActions(t.org.id)).toEqual([
      "scenario.created",
      "scenario.deleted",
      "scenario.duplicated",
      "scenario.updated",
    ]);
  });

  it("bad input is refused with the reason and saves nothing", async () => {
    const t = await tenantWithTeam("scen-bad");
    const other = await tenantWithTeam("scen-other");
    const orgSlug = t.org.slug;
    const refuse = async (fn: () => Promise<unknown>, message: RegExp, expected = "BAD_REQUEST") => {
      const e = await fn().catch((x: unknown) => x);
      expect(code(e)).toBe(expected);
      expect(String((e as Error).message)).toMatch(message);
    };
    await refuse(
      () =>
        t.caller.scenarios.create({
          orgSlug,
          name: "x",
          content: { moves: [{ row: 2, to: "inside" }], assumptions: DEFAULT_ASSUMPTIONS },
        }),
      /Ana Ruiz \(row 2\) is already inside/,
    );
    await refuse(
      () =>
        t.caller.scenarios.create({
          orgSlug,
          name: "x",
          content: {
            moves: [],
            assumptions: {
              ...DEFAULT_ASSUMPTIONS,
              roles: {
                ...DEFAULT_ASSUMPTIONS.roles,
                outside: { attritionPerYear: 0.1, rampMonths: 3, hiresPerQuarter: -2 },
              },
            },
          },
        }),
      /Hires per quarter cannot be negative/,
    );
    // The snapshot of another organization is not found, like any unknown id.
    await refuse(
      () => t.caller.scenarios.create({ orgSlug, name: "x", snapshotId: other.snapshotId }),
      /Snapshot not found/,
      "NOT_FOUND",
    );
    expect(await t.caller.scenarios.list({ orgSlug })).toEqual([]);
  });
});

describe("planner data and evaluation", () => {
  it("gives the page the snapshot's reps and the report's mix advice; a saved scenario is run on its own snapshot", async () => {
    const t = await tenantWithTeam("scen-data");
    const data = await t.caller.scenarios.plannerData({ orgSlug: t.org.slug });
    expect(data.snapshot.id).toBe(t.snapshotId);
    expect(data.reps.map((r) => [r.row, r.name, r.role])).toEqual([
      [2, "Ana Ruiz", "inside"],
      [3, "Ben Ode", "inside"],
      [4, "Cleo Park", "outside"],
      [5, "Dev Shah", "outside"],
      [6, "Eve Lin", "hybrid"],
    ]);
    expect(data.recommendation?.mix?.range.low).toBeGreaterThan(0);
    // Cleo: $41,000 deals, 95-day cycle, 5 decision makers, 40 % remote: an outside fit, not a move inside.
    const candidates = namedCandidates(data.reps, { direction: "outside_to_inside", reps: 1 });
    expect(candidates.direct).toEqual([]);
    expect(candidates.shortfall).toBe(1);

    const saved = await t.caller.scenarios.create({
      orgSlug: t.org.slug,
      name: "Dev inside",
      content: { moves: [{ row: 5, to: "inside" }], assumptions: DEFAULT_ASSUMPTIONS },
    });
    const [org] = await handle.db.transaction(async (tx) =>
      tx.select().from(organizations).where(eq(organizations.id, t.org.id)),
    );
    const evaluated = await evaluateScenario(
      {
        db: handle.db,
        org: org!,
        role: "viewer",
        actor: { kind: "system", label: "test" },
        ip: null,
        currentSnapshotId: t.snapshotId,
      },
      saved.id,
    );
    expect(evaluated.result?.after.byRole.inside.headCount).toBe(3);
    expect(evaluated.result?.after.moved).toBe(1);
    // Dev: 850,000 quota at 110 %, moved inside: 850,000 / 1.296 × 1.10 × 1.098.
    const devCapacity = (850_000 / 1.296) * 1.1 * 1.098;
    expect(evaluated.result?.after.byRole.inside.capacity.value).toBeCloseTo(
      600_000 * 1.04 + 500_000 * 0.92 + devCapacity,
      2,
    );
    expect(evaluated.result?.plan.quarters).toHaveLength(9);
  });
});

describe("scenarios belong to the organization", () => {
  it("are in the owner's export and removed with the organization", async () => {
    const t = await tenantWithTeam("scen-export");
    await t.caller.scenarios.create({ orgSlug: t.org.slug, name: "Exported plan" });
    const [org] = await handle.db.transaction(async (tx) =>
      tx.select().from(organizations).where(eq(organizations.id, t.org.id)),
    );
    const { zip } = await exportOrganization(handle.db, org!, "owner", {
      kind: "user",
      userId: t.user.id,
      label: t.user.email,
    });
    const exported = JSON.parse(strFromU8(unzipSync(zip)["scenarios.json"]!)) as { name: string }[];
    expect(exported.map((s) => s.name)).toEqual(["Exported plan"]);
    const counts = await t.caller.org.delete({ orgSlug: t.org.slug, confirmation: t.org.slug });
    expect(counts).toMatchObject({ scenarios: 1 });
    const left = await handle.db.transaction(async (tx) => {
      await tx.execute(sql`select set_config('app.organization_id', ${t.org.id}, true)`);
      return tx.select().from(scenarios).where(eq(scenarios.organizationId, t.org.id));
    });
    expect(left).toEqual([]);
  });
});
