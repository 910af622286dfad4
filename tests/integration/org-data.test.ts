import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TRPCError } from "@trpc/server";
import { eq } from "drizzle-orm";
import { strFromU8, unzipSync } from "fflate";
import { createTestDatabase } from "../helpers/db";
import { addMember, newTenant } from "../helpers/callers";
import type { DatabaseHandle } from "@/server/db/client";
import {
  auditEvents,
  memberships,
  organizationDeletions,
  organizations,
  reps,
  teamSnapshots,
} from "@/server/db/schema";
import { importTeam } from "@/server/imports/import-team";
import { exportOrganization } from "@/server/orgs/data";
import { keptReportsOf } from "@/server/reports/report";
import { ServiceError } from "@/server/errors";

const fixture = fs.readFileSync(path.join(__dirname, "../fixtures/team-small.csv"));
let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await createTestDatabase();
});
afterAll(async () => {
  await handle.close();
});

async function tenantWithTeam(label: string) {
  const t = await newTenant(handle.db, label);
  const [org] = await handle.db.select().from(organizations).where(eq(organizations.id, t.org.id));
  await importTeam(handle.db, {
    organization: org!,
    role: "owner",
    actor: { kind: "user", userId: t.user.id, label: t.user.email },
    bytes: fixture,
    options: { asOf: "2026-09-30", period: "Q3", fileName: "team.csv" },
  });
  return { ...t, orgRow: org! };
}

describe("export everything", () => {
  it("zips the profile, members, snapshots, reps and audit log; owner only; audited", async () => {
    const t = await tenantWithTeam("exp");
    const { zip } = await exportOrganization(handle.db, t.orgRow, "owner", {
      kind: "user",
      userId: t.user.id,
      label: t.user.email,
    });
    const files = unzipSync(zip);
    expect(Object.keys(files).sort()).toEqual(
      expect.arrayContaining([
        "organization.json",
        "members.csv",
        "snapshots.csv",
        "audit-log.json",
        "webhooks.json",
      ]),
    );
    const repFile = Object.keys(files).find((f) => f.startsWith("reps/"));
    expect(strFromU8(files[repFile!]!)).toContain("Ana Ruiz");
    expect(strFromU8(files["members.csv"]!)).toContain(t.user.email);
    expect(JSON.parse(strFromU8(files["organization.json"]!))).toMatchObject({
      id: t.org.id,
      slug: t.org.slug,
    });
    const events = await handle.db.select().from(auditEvents).where(eq(auditEvents.organizationId, t.org.id));
    expect(events.some((e) => e.action === "organization.exported")).toBe(true);

    const admin = await addMember(handle.db, t.org.id, "admin");
    const err = await exportOrganization(handle.db, t.orgRow, "admin", {
      kind: "user",
      userId: admin.user.id,
      label: admin.user.email,
    }).catch((e: unknown) => e);
    expect((err as ServiceError).code).toBe("FORBIDDEN");
  });
});

describe("delete the organization", () => {
  it("needs the owner and the typed slug, removes every row, and leaves a record without the data", async () => {
    const t = await tenantWithTeam("del");
    const other = await tenantWithTeam("keep");
    const admin = await addMember(handle.db, t.org.id, "admin");
    const denied = await admin.caller.org
      .delete({ orgSlug: t.org.slug, confirmation: t.org.slug })
      .catch((e: unknown) => e);
    expect((denied as TRPCError).code).toBe("FORBIDDEN");
    const typo = await t.caller.org
      .delete({ orgSlug: t.org.slug, confirmation: "nope" })
      .catch((e: unknown) => e);
    expect((typo as TRPCError).code).toBe("BAD_REQUEST");
    expect((typo as TRPCError).message).toContain(t.org.slug);
    const cross = await other.caller.org
      .delete({ orgSlug: t.org.slug, confirmation: t.org.slug })
      .catch((e: unknown) => e);
    expect((cross as TRPCError).code).toBe("NOT_FOUND");

    // Dashboards viewed before: this process keeps their reports, and forgets them with the organization.
    await t.caller.report.overview({ orgSlug: t.org.slug });
    await other.caller.report.overview({ orgSlug: other.org.slug });
    expect(keptReportsOf(t.org.id)).toBe(1);

    const counts = await t.caller.org.delete({ orgSlug: t.org.slug, confirmation: t.org.slug });
    expect(keptReportsOf(t.org.id)).toBe(0);
    expect(keptReportsOf(other.org.id)).toBe(1);
    expect(counts).toMatchObject({ members: 2, snapshots: 1, reps: 5 });
    for (const table of [memberships, teamSnapshots, reps, auditEvents]) {
      expect(await handle.db.select().from(table).where(eq(table.organizationId, t.org.id))).toHaveLength(0);
    }
    expect(await handle.db.select().from(organizations).where(eq(organizations.id, t.org.id))).toHaveLength(
      0,
    );
    const [record] = await handle.db
      .select()
      .from(organizationDeletions)
      .where(eq(organizationDeletions.deletedOrganizationId, t.org.id));
    expect(record).toMatchObject({
      deletedByUserId: t.user.id,
      counts: expect.objectContaining({ reps: 5 }),
    });
    expect(JSON.stringify(record)).not.toContain(t.org.slug);
    // The other organization is untouched.
    expect(await handle.db.select().from(reps).where(eq(reps.organizationId, other.org.id))).toHaveLength(5);
  });
});
