import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { createTestDatabase } from "../helpers/db";
import type { DatabaseHandle } from "@/server/db/client";
import { organizations, teamSnapshots, users } from "@/server/db/schema";
import { DEMO_LOGIN, seedDemo } from "@/server/seed/demo";
import { verifyCredentials } from "@/server/auth/sessions";
import { getReport, getTrend } from "@/server/reports/report";

let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await createTestDatabase();
});
afterAll(async () => {
  await handle.close();
});

describe("demo seed", () => {
  it("creates the demo org with two uploads a year apart, the later one more hybrid, and is idempotent", async () => {
    expect((await seedDemo(handle.db)).created).toBe(true);
    expect((await seedDemo(handle.db)).created).toBe(false);
    const demoUsers = await handle.db.select().from(users).where(eq(users.email, DEMO_LOGIN.email));
    expect(demoUsers).toHaveLength(1);
    // The demo account can sign in at once: its address counts as verified.
    expect(demoUsers[0]?.emailVerifiedAt).toBeInstanceOf(Date);
    expect((await verifyCredentials(handle.db, DEMO_LOGIN.email, DEMO_LOGIN.password))?.email).toBe(
      DEMO_LOGIN.email,
    );
    const [org] = await handle.db
      .select()
      .from(organizations)
      .where(eq(organizations.name, "Northwind Analytics"));
    const snaps = await handle.db
      .select()
      .from(teamSnapshots)
      .where(eq(teamSnapshots.organizationId, org!.id));
    expect(snaps.map((s) => s.rowCount)).toEqual([40, 40]);
    const trend = await getTrend(handle.db, org!);
    expect(trend).toHaveLength(2);
    expect(trend[0]!.headCount).toMatchObject({ inside: 12, outside: 26, hybrid: 2 });
    expect(trend[1]!.headCount).toMatchObject({ inside: 20, outside: 12, hybrid: 8 });
    // The trend follows the dashboard's team filter: each point sums only that team's reps.
    const smb = await getTrend(handle.db, org!, { team: "SMB" });
    expect(smb.map((p) => p.headCount.total)).toEqual([13, 13]);
    const smbReport = await getReport(handle.db, org!, { filter: { team: "SMB" } });
    expect(smbReport?.analysis.metrics.headCount.total).toBe(smb[1]?.headCount.total);
    const report = await getReport(handle.db, org!);
    expect(report?.bandInfo.band).toBe("small");
    expect(report?.analysis.recommendations.length).toBeGreaterThan(2);
  });
});
