import "server-only";
import { users } from "../db/schema";
import type { Db } from "../db/client";
import { recordAudit } from "../audit";
import { createOrganizationWithOwner } from "../orgs/create";
import { ServiceError } from "../errors";
import { hashPassword } from "./password";
import { signUpSchema, type SignUpInput } from "@/lib/validation/auth";

/**
 * Creates the user, their organization and the owner membership in one transaction: a failure at any step
 * (a taken email, a slug race, a lost connection) leaves nothing behind.
 */
export async function signUp(db: Db, rawInput: SignUpInput, meta: { ip?: string | null } = {}) {
  const input = signUpSchema.parse(rawInput);
  const passwordHash = await hashPassword(input.password);
  return db.transaction(async (tx) => {
    const [user] = await tx
      .insert(users)
      .values({ email: input.email, name: input.name, passwordHash })
      .onConflictDoNothing({ target: users.email })
      .returning({ id: users.id, email: users.email, name: users.name });
    if (!user) {
      throw new ServiceError("CONFLICT", "An account with this email already exists. Sign in instead.", {
        field: "email",
      });
    }
    const actor = { kind: "user" as const, userId: user.id, label: user.email };
    const org = await createOrganizationWithOwner(tx, {
      name: input.organizationName,
      ownerUserId: user.id,
      actor,
      ip: meta.ip,
    });
    await recordAudit(tx, {
      organizationId: org.id,
      actor,
      action: "user.signed_up",
      targetType: "user",
      targetId: user.id,
      ip: meta.ip,
      data: { email: user.email },
    });
    return { user, organization: { id: org.id, slug: org.slug, name: org.name } };
  });
}
