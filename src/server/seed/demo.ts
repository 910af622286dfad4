import "server-only";
import { and, eq } from "drizzle-orm";
import { memberships, organizations, teamSnapshots, users } from "../db/schema";
import type { Database } from "../db/client";
import { withTenant, withUser } from "../db/tenant";
import { createVerifiedAccount } from "../auth/signup";
import { importTeam } from "../imports/import-team";
import { demoTeamFiles } from "./demo-team";

import { DOCUMENTED_DEMO_PASSWORD } from "./plan";

/** The demo login of a local trial, also written in the README (a deployment gets another password: plan.ts). */
export const DEMO_LOGIN = { email: "demo@salesmix.app", password: DOCUMENTED_DEMO_PASSWORD } as const;
export const DEMO_ORG = {
  name: "Northwind Analytics",
  profile: {
    annualRevenue: 38_000_000,
    employeeCount: 180,
    industry: "B2B software (analytics)",
    typicalDealSize: 24_000,
    salesCycleDays: 60,
    decisionMakers: 3,
    customerEmployees: 250,
  },
} as const;

async function demoOrganization(db: Database) {
  const [user] = await db.select({ id: users.id }).from(users).where(eq(users.email, DEMO_LOGIN.email));
  if (!user) return null;
  const [row] = await withUser(db, user.id, (tx) =>
    tx
      .select({ org: organizations, userId: memberships.userId })
      .from(memberships)
      .innerJoin(organizations, eq(organizations.id, memberships.organizationId))
      .where(
        and(
          eq(memberships.userId, user.id),
          eq(memberships.role, "owner"),
          eq(organizations.name, DEMO_ORG.name),
        ),
      ),
  );
  return row ?? null;
}

/**
 * Seeds the demo organization: a ~40-rep B2B company, its owner, and two uploads a year apart (the later one
 * more hybrid), all through the real services. Idempotent: each step runs only if its result is missing.
 */
export async function seedDemo(
  db: Database,
  password: string = DEMO_LOGIN.password,
): Promise<{ created: boolean }> {
  let demo = await demoOrganization(db);
  let created = false;
  if (!demo) {
    const [existingUser] = await db
      .select({ id: users.id })
      .from(users)
      .where(eq(users.email, DEMO_LOGIN.email));
    if (existingUser) return { created: false }; // The demo user exists but its org was renamed or removed.
    const { organization } = await createVerifiedAccount(db, {
      name: "Dana Demo",
      email: DEMO_LOGIN.email,
      password,
      organizationName: DEMO_ORG.name,
    });
    await db.update(organizations).set(DEMO_ORG.profile).where(eq(organizations.id, organization.id));
    demo = await demoOrganization(db);
    if (!demo) throw new Error("the demo organization could not be read back");
    created = true;
  }
  const orgId = demo.org.id;
  const [anySnapshot] = await withTenant(db, orgId, (tx) =>
    tx
      .select({ id: teamSnapshots.id })
      .from(teamSnapshots)
      .where(and(eq(teamSnapshots.organizationId, orgId), eq(teamSnapshots.status, "completed")))
      .limit(1),
  );
  if (anySnapshot) return { created };

  const files = demoTeamFiles();
  const actor = { kind: "user" as const, userId: demo.userId, label: DEMO_LOGIN.email };
  const today = new Date();
  const lastYear = new Date(today.getTime() - 365 * 86_400_000);
  for (const [text, asOf, fileName] of [
    [files.lastYear, lastYear, "northwind-team-last-year.csv"],
    [files.today, today, "northwind-team.csv"],
  ] as const) {
    await importTeam(db, {
      organization: demo.org,
      role: "owner",
      actor,
      bytes: new TextEncoder().encode(text),
      options: { asOf: asOf.toISOString().slice(0, 10), period: "Last 12 months", fileName },
    });
  }
  return { created: true };
}
