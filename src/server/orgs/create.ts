import "server-only";
import { randomBytes } from "node:crypto";
import { sql } from "drizzle-orm";
import { memberships, organizations } from "../db/schema";
import type { Transaction } from "../db/client";
import { recordAudit, type Actor } from "../audit";
import { RESERVED_SLUGS, slugify } from "@/lib/slug";

/**
 * Creates an organization and its owner membership inside the caller's transaction. A slug already taken
 * (also by a concurrent sign-up) gets a random suffix; `on conflict do nothing` keeps the transaction usable.
 */
export async function createOrganizationWithOwner(
  tx: Transaction,
  input: { name: string; ownerUserId: string; actor: Actor; ip?: string | null },
) {
  const base = slugify(input.name);
  for (let attempt = 0; attempt < 8; attempt++) {
    const slug =
      attempt === 0 && !RESERVED_SLUGS.has(base)
        ? base
        : `${base.slice(0, 40)}-${randomBytes(3).toString("hex")}`;
    const [org] = await tx
      .insert(organizations)
      .values({ name: input.name, slug })
      .onConflictDoNothing({ target: organizations.slug })
      .returning();
    if (!org) continue;
    // From here on the transaction acts inside the new organization (row-level security).
    await tx.execute(sql`select set_config('app.organization_id', ${org.id}, true)`);
    await tx.insert(memberships).values({ organizationId: org.id, userId: input.ownerUserId, role: "owner" });
    await recordAudit(tx, {
      organizationId: org.id,
      actor: input.actor,
      action: "organization.created",
      targetType: "organization",
      targetId: org.id,
      ip: input.ip,
      data: { name: org.name, slug: org.slug },
    });
    return org;
  }
  throw new Error("Could not find a free slug for the organization");
}
