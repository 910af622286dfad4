import "server-only";
import { eq, sql } from "drizzle-orm";
import { users } from "../db/schema";
import type { Db } from "../db/client";
import { withTenant } from "../db/tenant";
import { recordAudit } from "../audit";
import { createOrganizationWithOwner } from "../orgs/create";
import { ServiceError } from "../errors";
import { hashPassword } from "./password";
import { assertStrongPassword } from "./password-strength";
import { issueAccountToken } from "./tokens";
import { alreadyRegisteredMessage, sendAccountEmail, verifyEmailMessage } from "./account-email";
import type { Locale } from "@/lib/i18n/locales";
import { signUpSchema, type SignUpInput } from "@/lib/validation/auth";
import { acceptInTx } from "../invitations/accept";
import { emailLocale } from "../i18n";
import {
  findInvitationByToken,
  INVALID_LINK_MESSAGE,
  invitationStatus,
  unusableMessage,
} from "../invitations/lookup";
import { invitedSignUpSchema, type InvitedSignUpInput } from "../invitations/schemas";

/** Where links in account emails point: an absolute base such as https://salesmix.example.com. */
export interface AccountLinkOptions {
  appUrl: string;
}

/**
 * Creates the user (address not yet verified), their organization and the owner membership in one transaction:
 * a failure at any step (a slug race, a lost connection) leaves nothing behind. Null when the email already has
 * an account (nothing is created).
 */
/** Where a sign-up came from: the client's address, and the interface language it was made in. */
export interface SignUpMeta {
  ip?: string | null;
  /** Saved on the account: its emails and pages use it until the user picks another. */
  locale?: Locale | null;
}

export async function registerAccount(db: Db, rawInput: SignUpInput, meta: SignUpMeta = {}) {
  const input = signUpSchema.parse(rawInput);
  const passwordHash = await hashPassword(input.password);
  return db.transaction(async (tx) => {
    const [user] = await tx
      .insert(users)
      .values({ email: input.email, name: input.name, passwordHash, locale: meta.locale ?? null })
      .onConflictDoNothing({ target: users.email })
      .returning({ id: users.id, email: users.email, name: users.name });
    if (!user) return null;
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
 * An account whose address counts as verified, for the seeded demo, benchmarks and tests (no email is sent).
 * Throws when the email is taken.
 */
export async function createVerifiedAccount(db: Db, input: SignUpInput, meta: { ip?: string | null } = {}) {
  const created = await registerAccount(db, input, meta);
  if (!created) throw new Error(`An account with ${input.email} already exists.`);
  await db
    .update(users)
    .set({ emailVerifiedAt: sql`now()` })
    .where(eq(users.id, created.user.id));
  return created;
}

/**
 * Sign-up. The answer is the same whether or not the address already has an account ("check your email"), so
 * sign-up tells nobody which addresses are registered: a new account gets a verification link, which signs its
 * owner in; an existing one gets an email saying how to sign in (with a password-reset link), and nothing changes.
 */
export async function signUp(
  db: Db,
  rawInput: SignUpInput,
  meta: SignUpMeta = {},
  link: AccountLinkOptions = { appUrl: "http://localhost:3000" },
) {
  const input = signUpSchema.parse(rawInput);
  assertStrongPassword(input.password, [input.email, input.name, input.organizationName]);
  const created = await registerAccount(db, input, meta);
  if (created) {
    const { token, expiresAt } = await issueAccountToken(db, created.user.id, "verify_email");
    const url = `${link.appUrl}/verify-email/${token}`;
    await sendAccountEmail(
      db,
      "verify",
      verifyEmailMessage(input.email, input.name, url, expiresAt, meta.locale ?? undefined),
      url,
    );
    return created;
  }
  const [existing] = await db
    .select({ id: users.id, locale: users.locale })
    .from(users)
    .where(eq(users.email, input.email));
  if (existing) {
    const { token, expiresAt } = await issueAccountToken(db, existing.id, "reset_password");
    const url = `${link.appUrl}/reset-password/${token}`;
    const signInUrl = `${link.appUrl}/signin?email=${encodeURIComponent(input.email)}`;
    await sendAccountEmail(
      db,
      "already_registered",
      alreadyRegisteredMessage(
        input.email,
        signInUrl,
        url,
        expiresAt,
        emailLocale(existing.locale, meta.locale),
      ),
      url,
    );
  }
  return null;
}

/**
 * Sign-up from an invitation link: creates the user with the invited email (the link proves it reached that
 * mailbox) and accepts the invitation in the same transaction. No organization of their own is created; if the
 * invitation cannot be accepted (used, revoked, expired meanwhile), the user is not created either.
 */
export async function signUpWithInvitation(db: Db, rawInput: InvitedSignUpInput, meta: SignUpMeta = {}) {
  const input = invitedSignUpSchema.parse(rawInput);
  const inv = await findInvitationByToken(db, input.token);
  if (!inv) throw new ServiceError("NOT_FOUND", INVALID_LINK_MESSAGE);
  const status = invitationStatus(inv);
  if (status !== "pending")
    throw new ServiceError("CONFLICT", unusableMessage(status, inv), { reason: status });
  assertStrongPassword(input.password, [inv.email, input.name]);
  const passwordHash = await hashPassword(input.password);
  return withTenant(db, inv.organizationId, async (tx) => {
    // The link reached this mailbox: the address is verified by it.
    const [user] = await tx
      .insert(users)
      .values({
        email: inv.email,
        name: input.name,
        passwordHash,
        emailVerifiedAt: sql`now()`,
        locale: meta.locale ?? null,
      })
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
