import "server-only";
import { eq } from "drizzle-orm";
import { organizations, users } from "../db/schema";
import type { Database } from "../db/client";
import { signUp } from "../auth/signup";

/** The demo login, also written in the README. */
export const DEMO_LOGIN = { email: "demo@salesmix.app", password: "salesmix-demo-2026" } as const;
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

/**
 * Seeds the demo organization once: a ~40-person B2B company with its owner. Idempotent: a second start finds
 * the demo user and does nothing.
 */
export async function seedDemo(db: Database): Promise<{ created: boolean; slug: string | null }> {
  const [existing] = await db.select({ id: users.id }).from(users).where(eq(users.email, DEMO_LOGIN.email));
  if (existing) return { created: false, slug: null };
  try {
    const { organization } = await signUp(db, {
      name: "Dana Demo",
      email: DEMO_LOGIN.email,
      password: DEMO_LOGIN.password,
      organizationName: DEMO_ORG.name,
    });
    await db.update(organizations).set(DEMO_ORG.profile).where(eq(organizations.id, organization.id));
    return { created: true, slug: organization.slug };
  } catch (e) {
    // A concurrent start seeded it first.
    const [now] = await db.select({ id: users.id }).from(users).where(eq(users.email, DEMO_LOGIN.email));
    if (now) return { created: false, slug: null };
    throw e;
  }
}
