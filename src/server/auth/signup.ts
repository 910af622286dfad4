import "server-only";
import { users } from "../db/schema";
import type { Db } from "../db/client";
import { withTenant } from "../db/tenant";
import { recordAudit } from "../audit";
import { createOrganizationWithOwner } from "../orgs/create";
import { ServiceError } from "../errors";
import { hashPassword } from "./password";
import { signUpSchema, type SignUpInput } from "@/lib/validation/auth";
import { acceptInTx } from "../invitations/accept";
import {
  findInvitationByToken,
  INVALID_LINK_MESSAGE,
  invitationStatus,
  unusableMessage,
} from "../invitations/lookup";
import { invitedSignUpSchema, type InvitedSignUpInput } from "../invitations/schemas";

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

/**
 * Sign-up from an invitation link: creates the user with the invited email (the link proves it reached that
 * mailbox) and accepts the invitation in the same transaction. No organization of their own is created; if the
 * invitation cannot be accepted (used, revoked, expired meanwhile), the user is not created either.
 */
export async function signUpWithInvitation(
  db: Db,
  rawInput: InvitedSignUpInput,
  meta: { ip?: string | null } = {},
) {
  const input = invitedSignUpSchema.parse(rawInput);
  const inv = await findInvitationByToken(db, input.token);
  if (!inv) throw new ServiceError("NOT_FOUND", INVALID_LINK_MESSAGE);
  const status = invitationStatus(inv);
  if (status !== "pending")
    throw new ServiceError("CONFLICT", unusableMessage(status, inv), { reason: status });
  const passwordHash = await hashPassword(input.password);
  return withTenant(db, inv.organizationId, async (tx) => {
    const [user] = await tx
      .insert(users)
      .values({ email: inv.email, name: input.name, passwordHash })
      .onConflictDoNothing({ target: users.email })
      .returning({ id: users.id, email: users.email, name: users.name });
    if (!user) {
      throw new ServiceError(
        "CONFLICT",
        `An account with ${inv.email} already exists. Sign in to accept the invitation.`,
        { reason: "account_exists" },
      );
    }
    await recordAudit(tx, {
      organizationId: inv.organizationId,
      actor: { kind: "user", userId: user.id, label: user.email },
      action: "user.signed_up",
      targetType: "user",
      targetId: user.id,
      ip: meta.ip,
      data: { email: user.email, via: "invitation" },
    });
    const joined = await acceptInTx(tx, inv, user, meta.ip);
    return { user, organization: joined.organization, role: joined.role };
  });
}
