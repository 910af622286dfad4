import "server-only";
import { eq } from "drizzle-orm";
import { organizations, type Organization } from "../db/schema";
import type { Database } from "../db/client";
import { withTenant } from "../db/tenant";
import { recordAudit, type Actor } from "../audit";
import { ServiceError } from "../errors";
import { can, type Role } from "@/lib/permissions";
import { orgProfileSchema, type OrgProfileInput } from "@/lib/validation/org-profile";
import { forgetKeptReports } from "../reports/kept";

const PROFILE_FIELDS = [
  "name",
  "annualRevenue",
  "employeeCount",
  "industry",
  "currency",
  "typicalDealSize",
  "salesCycleDays",
  "decisionMakers",
  "customerEmployees",
] as const;

/** Updates the org profile (admin+), auditing what changed from what to what. */
export async function updateOrgProfile(
  db: Database,
  org: Organization,
  role: Role,
  actor: Actor,
  raw: OrgProfileInput,
  ip?: string | null,
) {
  if (!can(role, "org.update")) {
    throw new ServiceError(
      "FORBIDDEN",
      `Your role (${role}) cannot change the organization profile. Ask an admin.`,
    );
  }
  const input = orgProfileSchema.parse(raw);
  const changes: Partial<Pick<Organization, (typeof PROFILE_FIELDS)[number]>> = {};
  const before: Record<string, unknown> = {};
  for (const field of PROFILE_FIELDS) {
    const value = input[field];
    if (value === undefined || value === org[field]) continue;
    Object.assign(changes, { [field]: value });
    before[field] = org[field];
  }
  if (Object.keys(changes).length === 0) return org;
  const saved = await withTenant(db, org.id, async (tx) => {
    const [updated] = await tx
      .update(organizations)
      .set({ ...changes, updatedAt: new Date() })
      .where(eq(organizations.id, org.id))
      .returning();
    await recordAudit(tx, {
      organizationId: org.id,
      actor,
      action: "organization.updated",
      targetType: "organization",
      targetId: org.id,
      ip,
      data: { before, after: changes },
    });
    return updated ?? org;
  });
  // Reports show the profile: those kept under the old one are stale.
  forgetKeptReports(org.id);
  return saved;
}

export async function dismissProfilePrompt(db: Database, org: Organization) {
  await db
    .update(organizations)
    .set({ profilePromptDismissedAt: new Date() })
    .where(eq(organizations.id, org.id));
}
