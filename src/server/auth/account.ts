import "server-only";
import type { Locale } from "@/lib/i18n/locales";
import { emailLocale } from "../i18n";
import { z } from "zod";
import { eq, sql } from "drizzle-orm";
import { users } from "../db/schema";
import type { Db } from "../db/client";
import { ServiceError } from "../errors";
import { consume } from "../ratelimit";
import { emailSchema, passwordSchema } from "@/lib/validation/auth";
import { hashPassword, verifyPassword } from "./password";
import { assertStrongPassword } from "./password-strength";
import { revokeAllSessions, revokeOtherSessions, type SessionUser } from "./sessions";
import { consumeAccountToken, issueAccountToken } from "./tokens";
import { resetPasswordMessage, sendAccountEmail, signInLinkMessage } from "./account-email";
import type { AccountLinkOptions } from "./signup";

export const LINK_INVALID_MESSAGE =
  "This link no longer works: it was already used, replaced by a newer one, or has expired. Ask for a new one.";

export const emailRequestSchema = z.object({ email: emailSchema });
export const resetPasswordSchema = z.object({ token: z.string().min(1).max(200), password: passwordSchema });
export const changePasswordSchema = z.object({
  currentPassword: z.string().min(1, "Enter your current password").max(200),
  newPassword: passwordSchema,
});

/** Emails with a link are limited per address and per client, so the feature cannot be used to flood a mailbox. */
async function limitEmails(email: string, ip: string | null) {
  await consume("accountEmailIp", ip ?? "unknown");
  await consume("accountEmail", email);
}

/**
 * "Forgot password": emails a reset link (one hour, single use) when the address has an account. The answer is the
 * same either way, so it reveals no account.
 */
export async function requestPasswordReset(
  db: Db,
  rawInput: { email: string },
  meta: { ip: string | null; locale?: Locale | null },
  link: AccountLinkOptions,
) {
  const { email } = emailRequestSchema.parse(rawInput);
  await limitEmails(email, meta.ip);
  const [user] = await db
    .select({ id: users.id, locale: users.locale })
    .from(users)
    .where(eq(users.email, email));
  if (user) {
    const { token, expiresAt } = await issueAccountToken(db, user.id, "reset_password");
    const url = `${link.appUrl}/reset-password/${token}`;
    const locale = emailLocale(user.locale, meta.locale);
    await sendAccountEmail(db, "reset", resetPasswordMessage(email, url, expiresAt, locale), url);
  }
  return { status: "check_email" as const };
}

/** A one-time sign-in link by email (offered when password sign-in is throttled or the address is unverified). */
export async function requestSignInLink(
  db: Db,
  rawInput: { email: string },
  meta: { ip: string | null; locale?: Locale | null },
  link: AccountLinkOptions,
) {
  const { email } = emailRequestSchema.parse(rawInput);
  await limitEmails(email, meta.ip);
  const [user] = await db
    .select({ id: users.id, locale: users.locale })
    .from(users)
    .where(eq(users.email, email));
  if (user) {
    const { token, expiresAt } = await issueAccountToken(db, user.id, "sign_in");
    const url = `${link.appUrl}/signin/link/${token}`;
    const locale = emailLocale(user.locale, meta.locale);
    await sendAccountEmail(db, "sign_in_link", signInLinkMessage(email, url, expiresAt, locale), url);
  }
  return { status: "check_email" as const };
}

/**
 * Sets a new password from a reset link: spends the token, stores the new hash, marks the address verified (the
 * link reached the mailbox) and revokes every session of the account, on every device.
 */
export async function resetPassword(db: Db, rawInput: { token: string; password: string }) {
  const input = resetPasswordSchema.parse(rawInput);
  // The strength check comes first, so a refused password leaves the link usable.
  assertStrongPassword(input.password);
  const passwordHash = await hashPassword(input.password);
  const spent = await consumeAccountToken(db, input.token, ["reset_password"]);
  if (!spent) throw new ServiceError("NOT_FOUND", LINK_INVALID_MESSAGE, { reason: "link_invalid" });
  const [user] = await db
    .update(users)
    .set({ passwordHash, emailVerifiedAt: sql`coalesce(${users.emailVerifiedAt}, now())` })
    .where(eq(users.id, spent.userId))
    .returning({ id: users.id, email: users.email });
  if (!user) throw new ServiceError("NOT_FOUND", LINK_INVALID_MESSAGE, { reason: "link_invalid" });
  const revoked = await revokeAllSessions(db, user.id);
  return { email: user.email, revokedSessions: revoked };
}

/** Change password from the account page: asks for the current one; every other session is revoked. */
export async function changePassword(
  db: Db,
  user: SessionUser,
  rawInput: { currentPassword: string; newPassword: string },
) {
  const input = changePasswordSchema.parse(rawInput);
  const [row] = await db
    .select({ passwordHash: users.passwordHash })
    .from(users)
    .where(eq(users.id, user.id));
  if (!row || !(await verifyPassword(row.passwordHash, input.currentPassword))) {
    throw new ServiceError("BAD_REQUEST", "Your current password is not right.", {
      field: "currentPassword",
    });
  }
  try {
    assertStrongPassword(input.newPassword, [user.email, user.name]);
  } catch (e) {
    if (e instanceof ServiceError) throw new ServiceError("BAD_REQUEST", e.message, { field: "newPassword" });
    throw e;
  }
  await db
    .update(users)
    .set({ passwordHash: await hashPassword(input.newPassword) })
    .where(eq(users.id, user.id));
  const revoked = await revokeOtherSessions(db, user.id, user.sessionId);
  return { revokedSessions: revoked };
}
