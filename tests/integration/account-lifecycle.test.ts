import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TRPCError } from "@trpc/server";
import { and, desc, eq, sql } from "drizzle-orm";
import { createTestDatabase } from "../helpers/db";
import { callerFor, callerForSession, newTenant } from "../helpers/callers";
import type { DatabaseHandle } from "@/server/db/client";
import { accountTokens, emailOutbox, memberships, organizations, sessions, users } from "@/server/db/schema";
import { createSession, findActiveSession } from "@/server/auth/sessions";
import {
  delayAfterFailures,
  FIRST_DELAY_SECONDS,
  FREE_ATTEMPTS,
  linkSignIn,
  MAX_DELAY_SECONDS,
  passwordSignIn,
  SignInRefused,
} from "@/server/auth/signin";
import { hashAccountToken } from "@/server/auth/tokens";
import { findSessionOrgAccess } from "@/server/orgs/access.server";
import { LIMITS, reset } from "@/server/ratelimit";

let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await createTestDatabase();
});
afterAll(async () => {
  await handle.close();
});

const PASSWORD = "correct horse battery staple";
let seq = 0;
const uniqueEmail = (label: string) => `${label}-${Date.now().toString(36)}-${seq++}@example.com`;
const client = (ip: string) => ({ ip, userAgent: "Mozilla/5.0 (X11; Linux x86_64) Firefox/140.0" });

/** The latest development-outbox message to `to` (the app runs without SMTP in these tests). */
async function latestMail(to: string, subject?: string) {
  const [mail] = await handle.db
    .select()
    .from(emailOutbox)
    .where(and(eq(emailOutbox.to, to), subject ? eq(emailOutbox.subject, subject) : undefined))
    .orderBy(desc(emailOutbox.createdAt))
    .limit(1);
  if (!mail) throw new Error(`no mail for ${to}`);
  return mail;
}
function linkToken(text: string, path: string) {
  const token = new RegExp(`${path}/([A-Za-z0-9_-]{43})`).exec(text)?.[1];
  if (!token) throw new Error(`no ${path} link in: ${text}`);
  return token;
}
const refusal = (p: Promise<unknown>) =>
  p.then(
    () => "signed_in",
    (e: unknown) => (e instanceof SignInRefused ? e.reason : e instanceof TRPCError ? e.code : String(e)),
  );
async function refusedWith(p: Promise<unknown>) {
  const e = await p.then(
    () => null,
    (err: unknown) => err,
  );
  if (!(e instanceof SignInRefused)) throw new Error(`expected a refusal, got ${String(e)}`);
  return e;
}

describe("sign-in throttling (item 8)", () => {
  it("the wait grows: free attempts, then 15 s doubling to 15 minutes", () => {
    expect([0, 1, FREE_ATTEMPTS - 1].map(delayAfterFailures)).toEqual([0, 0, 0]);
    expect(delayAfterFailures(FREE_ATTEMPTS)).toBe(FIRST_DELAY_SECONDS);
    expect(delayAfterFailures(FREE_ATTEMPTS + 1)).toBe(2 * FIRST_DELAY_SECONDS);
    expect(delayAfterFailures(FREE_ATTEMPTS + 2)).toBe(4 * FIRST_DELAY_SECONDS);
    expect(delayAfterFailures(FREE_ATTEMPTS + 30)).toBe(MAX_DELAY_SECONDS);
  });

  it("throttles guessing from one client with a growing delay, while the owner still gets in from another", async () => {
    const owner = await newTenant(handle.db, "guessed");
    const attacker = client("198.51.100.66");
    for (let i = 0; i < FREE_ATTEMPTS; i++) {
      expect(await refusal(passwordSignIn(handle.db, owner.user.email, `guess-${i}`, attacker))).toBe(
        "invalid_credentials",
      );
    }
    // Now every try from that client waits, even with the right password (the guesser learns nothing).
    const first = await refusedWith(passwordSignIn(handle.db, owner.user.email, PASSWORD, attacker));
    expect(first.reason).toBe("throttled");
    expect(first.retryAfterSeconds).toBeGreaterThan(FIRST_DELAY_SECONDS - 3);
    expect(first.retryAfterSeconds).toBeLessThanOrEqual(FIRST_DELAY_SECONDS);
    // The wait passes (its counter is cleared), the next wrong guess waits twice as long.
    await reset("signInDelay", `${owner.user.email}|${attacker.ip}`);
    expect(await refusal(passwordSignIn(handle.db, owner.user.email, "guess-again", attacker))).toBe(
      "invalid_credentials",
    );
    const second = await refusedWith(passwordSignIn(handle.db, owner.user.email, "guess-more", attacker));
    expect(second.retryAfterSeconds).toBeGreaterThan(2 * FIRST_DELAY_SECONDS - 3);

    // Ten more tries (the old per-account limit locked the account for everyone after ten).
    for (let i = 0; i < 10; i++)
      await refusal(passwordSignIn(handle.db, owner.user.email, `x${i}`, attacker));
    // The owner, from their own device, signs in with the right password at once.
    const ok = await passwordSignIn(handle.db, owner.user.email, PASSWORD, client("203.0.113.10"));
    expect(ok.user.id).toBe(owner.user.id);
    expect(await findActiveSession(handle.db, ok.sessionId)).toMatchObject({ id: owner.user.id });
  });

  it("guessing from many clients pauses password sign-in for the account; a sign-in link by email lets the owner in", async () => {
    const owner = await newTenant(handle.db, "distributed");
    for (let i = 0; i < LIMITS.signInAccountFailures.points; i++) {
      await refusal(passwordSignIn(handle.db, owner.user.email, `guess-${i}`, client(`192.0.2.${i % 250}`)));
    }
    const paused = await refusedWith(
      passwordSignIn(handle.db, owner.user.email, PASSWORD, client("203.0.113.11")),
    );
    expect(paused.reason).toBe("throttled");

    const anon = callerFor(handle.db, null, "203.0.113.11");
    // The same answer for an address without an account: nothing is revealed.
    expect(await anon.auth.requestSignInLink({ email: uniqueEmail("nobody") })).toEqual({
      status: "check_email",
    });
    expect(await anon.auth.requestSignInLink({ email: owner.user.email })).toEqual({ status: "check_email" });
    const mail = await latestMail(owner.user.email);
    expect(mail.subject).toBe("Your SalesMix sign-in link");
    const token = linkToken(mail.text, "/signin/link");
    expect((await anon.auth.checkLink({ kind: "sign_in", token })).valid).toBe(true);
    const signedIn = await linkSignIn(handle.db, token, client("203.0.113.11"));
    expect(signedIn?.user.id).toBe(owner.user.id);
    expect(await findActiveSession(handle.db, signedIn!.sessionId)).not.toBeNull();
    // Single use; and the link signing in clears the pause, so the password works again.
    expect(await linkSignIn(handle.db, token, client("203.0.113.11"))).toBeNull();
    expect((await anon.auth.checkLink({ kind: "sign_in", token })).valid).toBe(false);
    const again = await passwordSignIn(handle.db, owner.user.email, PASSWORD, client("203.0.113.12"));
    expect(again.user.id).toBe(owner.user.id);
  }, 180_000); // a hundred argon2id verifications
});

describe("email verification (item 12)", () => {
  it("sign-up answers the same for a new and a taken address; only the mailbox learns which", async () => {
    const anon = callerFor(handle.db, null, `198.51.100.${seq % 250}`);
    const email = uniqueEmail("newcomer");
    const input = { name: "Nia New", email, password: PASSWORD, organizationName: "Nia Co" };
    const first = await anon.auth.signUp(input);
    const second = await anon.auth.signUp({ ...input, name: "Someone Else", organizationName: "Squat Co" });
    expect(first).toEqual({ status: "check_email", email });
    expect(second).toEqual(first);
    const [user] = await handle.db.select().from(users).where(eq(users.email, email));
    expect(user?.emailVerifiedAt).toBeNull();
    expect(
      await handle.db.select().from(organizations).where(eq(organizations.name, "Squat Co")),
    ).toHaveLength(0);
    const mails = await handle.db.select().from(emailOutbox).where(eq(emailOutbox.to, email));
    expect(mails.map((m) => m.subject).sort()).toEqual([
      "Confirm your email address for SalesMix",
      "You already have a SalesMix account",
    ]);
  });

  it("the link (hashed at rest, single use, expiring) verifies the address and signs in; before it, no password sign-in", async () => {
    const anon = callerFor(handle.db, null, "198.51.100.201");
    const email = uniqueEmail("verify");
    await anon.auth.signUp({ name: "Vi Verify", email, password: PASSWORD, organizationName: "Vi Co" });
    expect(await refusal(passwordSignIn(handle.db, email, PASSWORD, client("198.51.100.201")))).toBe(
      "unverified",
    );
    const token = linkToken((await latestMail(email)).text, "/verify-email");
    const [row] = await handle.db
      .select()
      .from(accountTokens)
      .where(eq(accountTokens.tokenHash, hashAccountToken(token)));
    expect(row).toMatchObject({ purpose: "verify_email", usedAt: null });
    expect(JSON.stringify(row)).not.toContain(token);
    const hours = (row!.expiresAt.getTime() - row!.createdAt.getTime()) / 3_600_000;
    expect(hours).toBeCloseTo(24, 3);

    const signedIn = await linkSignIn(handle.db, token, client("198.51.100.201"));
    expect(signedIn?.user.email).toBe(email);
    expect(signedIn?.purpose).toBe("verify_email");
    const [user] = await handle.db.select().from(users).where(eq(users.email, email));
    expect(user?.emailVerifiedAt).toBeInstanceOf(Date);
    expect(await linkSignIn(handle.db, token, client("198.51.100.201"))).toBeNull();
    expect((await passwordSignIn(handle.db, email, PASSWORD, client("198.51.100.201"))).user.email).toBe(
      email,
    );
  });

  it("an expired verification link does nothing", async () => {
    const anon = callerFor(handle.db, null, "198.51.100.202");
    const email = uniqueEmail("late");
    await anon.auth.signUp({ name: "La Late", email, password: PASSWORD, organizationName: "Late Co" });
    const token = linkToken((await latestMail(email)).text, "/verify-email");
    await handle.db
      .update(accountTokens)
      .set({ expiresAt: sql`now() - interval '1 second'` })
      .where(eq(accountTokens.tokenHash, hashAccountToken(token)));
    expect(await linkSignIn(handle.db, token, client("198.51.100.202"))).toBeNull();
    const [user] = await handle.db.select().from(users).where(eq(users.email, email));
    expect(user?.emailVerifiedAt).toBeNull();
  });

  it("an unverified account cannot accept an invitation into another organization; once verified it can", async () => {
    const inviter = await newTenant(handle.db, "squat-target");
    const email = uniqueEmail("colleague");
    const anon = callerFor(handle.db, null, "198.51.100.203");
    await anon.auth.signUp({ name: "Squatter", email, password: PASSWORD, organizationName: "Squatter Co" });
    const [squatter] = await handle.db.select().from(users).where(eq(users.email, email));
    const sent = (
      await inviter.caller.invitations.create({ orgSlug: inviter.org.slug, emails: [email], role: "analyst" })
    ).results[0];
    if (!sent || sent.status !== "sent" || !sent.inviteUrl) throw new Error("not sent");
    const inviteToken = sent.inviteUrl.split("/").pop() ?? "";
    const asSquatter = callerFor(handle.db, { id: squatter!.id, email, name: "Squatter", sessionId: "x" });
    const err = await asSquatter.invitations.accept({ token: inviteToken }).catch((e: unknown) => e);
    expect((err as TRPCError).code).toBe("FORBIDDEN");
    expect((err as TRPCError).message).toMatch(/Confirm your email address first/);
    const member = await handle.db
      .select()
      .from(memberships)
      .where(and(eq(memberships.organizationId, inviter.org.id), eq(memberships.userId, squatter!.id)));
    expect(member).toHaveLength(0);
    // The address owner verifies (the link proves the mailbox); then accepting works.
    await linkSignIn(
      handle.db,
      linkToken((await latestMail(email, "Confirm your email address for SalesMix")).text, "/verify-email"),
      client("198.51.100.203"),
    );
    const joined = await asSquatter.invitations.accept({ token: inviteToken });
    expect(joined.organization.slug).toBe(inviter.org.slug);
  });
});

describe("passwords (item 13)", () => {
  it("refuses common and breached passwords at sign-up with a message saying why", async () => {
    const anon = callerFor(handle.db, null, "198.51.100.204");
    const email = uniqueEmail("weak");
    for (const password of ["password123", "qwertyuiop", "Password1!"]) {
      const err = await anon.auth
        .signUp({ name: "We Weak", email, password, organizationName: "Weak Co" })
        .catch((e: unknown) => e);
      expect((err as TRPCError).code).toBe("BAD_REQUEST");
      expect((err as TRPCError).message).toMatch(/common and breached passwords/);
    }
    expect(await handle.db.select().from(users).where(eq(users.email, email))).toHaveLength(0);
  });

  it("a reset link (one hour, single use) sets a new password and revokes every session; the same answer for unknown addresses", async () => {
    const owner = await newTenant(handle.db, "forgot");
    const s1 = await createSession(handle.db, owner.user.id, client("203.0.113.20"));
    const s2 = await createSession(handle.db, owner.user.id, client("203.0.113.21"));
    const anon = callerFor(handle.db, null, "203.0.113.22");
    expect(await anon.auth.requestPasswordReset({ email: uniqueEmail("ghost") })).toEqual({
      status: "check_email",
    });
    expect(await anon.auth.requestPasswordReset({ email: owner.user.email })).toEqual({
      status: "check_email",
    });
    const mail = await latestMail(owner.user.email);
    expect(mail.subject).toBe("Reset your SalesMix password");
    const token = linkToken(mail.text, "/reset-password");
    const [row] = await handle.db
      .select()
      .from(accountTokens)
      .where(eq(accountTokens.tokenHash, hashAccountToken(token)));
    expect((row!.expiresAt.getTime() - row!.createdAt.getTime()) / 60_000).toBeCloseTo(60, 3);

    // A breached password is refused with the reason, and the link keeps working.
    const weak = await anon.auth.resetPassword({ token, password: "iloveyou2" }).catch((e: unknown) => e);
    expect((weak as TRPCError).code).toBe("BAD_REQUEST");
    expect((weak as TRPCError).message).toMatch(/common and breached passwords/);
    expect((await anon.auth.checkLink({ kind: "reset", token })).valid).toBe(true);

    const done = await anon.auth.resetPassword({ token, password: "violet tractor under moonlight" });
    expect(done).toMatchObject({ email: owner.user.email, revokedSessions: 2 });
    expect(await findActiveSession(handle.db, s1)).toBeNull();
    expect(await findActiveSession(handle.db, s2)).toBeNull();
    expect(await refusal(passwordSignIn(handle.db, owner.user.email, PASSWORD, client("203.0.113.23")))).toBe(
      "invalid_credentials",
    );
    expect(
      (
        await passwordSignIn(
          handle.db,
          owner.user.email,
          "violet tractor under moonlight",
          client("203.0.113.23"),
        )
      ).user.id,
    ).toBe(owner.user.id);
    const reused = await anon.auth
      .resetPassword({ token, password: "another fine long phrase" })
      .catch((e: unknown) => e);
    expect((reused as TRPCError).code).toBe("NOT_FOUND");
  });

  it("an expired reset link is refused", async () => {
    const owner = await newTenant(handle.db, "expired-reset");
    const anon = callerFor(handle.db, null, "203.0.113.24");
    await anon.auth.requestPasswordReset({ email: owner.user.email });
    const token = linkToken((await latestMail(owner.user.email)).text, "/reset-password");
    await handle.db
      .update(accountTokens)
      .set({ expiresAt: sql`now() - interval '1 second'` })
      .where(eq(accountTokens.tokenHash, hashAccountToken(token)));
    const err = await anon.auth
      .resetPassword({ token, password: "violet tractor under moonlight" })
      .catch((e: unknown) => e);
    expect((err as TRPCError).code).toBe("NOT_FOUND");
    expect((err as TRPCError).message).toMatch(/no longer works/);
  });

  it("change password asks for the current one, refuses a weak new one, and signs out the other sessions", async () => {
    const owner = await newTenant(handle.db, "changer");
    const here = await createSession(handle.db, owner.user.id, client("203.0.113.30"));
    const other = await createSession(handle.db, owner.user.id, client("203.0.113.31"));
    const caller = callerForSession(handle.db, here);
    const wrong = await caller.auth
      .changePassword({ currentPassword: "not it", newPassword: "violet tractor under moonlight" })
      .catch((e: unknown) => e);
    expect((wrong as TRPCError).code).toBe("BAD_REQUEST");
    expect((wrong as TRPCError).message).toBe("Your current password is not right.");
    const weak = await caller.auth
      .changePassword({ currentPassword: PASSWORD, newPassword: "password123" })
      .catch((e: unknown) => e);
    expect((weak as TRPCError).message).toMatch(/common and breached passwords/);
    expect(await findActiveSession(handle.db, other)).not.toBeNull();

    const done = await caller.auth.changePassword({
      currentPassword: PASSWORD,
      newPassword: "violet tractor under moonlight",
    });
    expect(done.revokedSessions).toBe(1);
    expect(await findActiveSession(handle.db, here)).not.toBeNull();
    expect(await findActiveSession(handle.db, other)).toBeNull();
  });
});

describe("sessions you can see (item 14)", () => {
  it("lists active sessions with device, IP and last seen, and revokes one by its public id; never another user's", async () => {
    const owner = await newTenant(handle.db, "seer");
    const stranger = await newTenant(handle.db, "stranger");
    const here = await createSession(handle.db, owner.user.id, {
      ip: "203.0.113.40",
      userAgent:
        "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_5) AppleWebKit/605.1.15 Version/17.5 Safari/605.1.15",
    });
    const phone = await createSession(handle.db, owner.user.id, {
      ip: "203.0.113.41",
      userAgent: "Mozilla/5.0 (Linux; Android 14) AppleWebKit/537.36 Chrome/126.0 Mobile Safari/537.36",
    });
    const strangers = await createSession(handle.db, stranger.user.id, { ip: "203.0.113.99" });
    const caller = callerForSession(handle.db, here);
    const { sessions: listed } = await caller.auth.sessions();
    expect(listed).toHaveLength(2);
    expect(listed.find((s) => s.current)).toMatchObject({ ip: "203.0.113.40" });
    const other = listed.find((s) => !s.current)!;
    expect(other).toMatchObject({ ip: "203.0.113.41", lastSeenAt: expect.any(Date) });
    expect(JSON.stringify(listed)).not.toContain(here);
    expect(JSON.stringify(listed)).not.toContain(phone);

    // Another user's session cannot be revoked (NOT_FOUND), and stays.
    const [theirs] = await handle.db.select().from(sessions).where(eq(sessions.id, strangers));
    const cross = await caller.auth.revokeSession({ sessionId: theirs!.publicId }).catch((e: unknown) => e);
    expect((cross as TRPCError).code).toBe("NOT_FOUND");
    expect(await findActiveSession(handle.db, strangers)).not.toBeNull();

    expect(await caller.auth.revokeSession({ sessionId: other.id })).toEqual({ revoked: true });
    expect(await findActiveSession(handle.db, phone)).toBeNull();
    expect((await caller.auth.sessions()).sessions.map((s) => s.ip)).toEqual(["203.0.113.40"]);
  });

  it("ends a session after its idle limit, in both session checks; use within it moves last seen", async () => {
    const owner = await newTenant(handle.db, "idle");
    const idle = await createSession(handle.db, owner.user.id, { ip: "203.0.113.50" });
    const [row] = await handle.db.select().from(sessions).where(eq(sessions.id, idle));
    expect(row?.idleTimeoutSeconds).toBe(12 * 60 * 60);
    // Used two minutes ago: still valid, and the use is recorded.
    await handle.db
      .update(sessions)
      .set({ lastSeenAt: sql`now() - interval '2 minutes'` })
      .where(eq(sessions.id, idle));
    expect(await findActiveSession(handle.db, idle)).not.toBeNull();
    const [touched] = await handle.db.select().from(sessions).where(eq(sessions.id, idle));
    expect(Date.now() - touched!.lastSeenAt.getTime()).toBeLessThan(60_000);
    expect((await findSessionOrgAccess(handle.db, idle, owner.org.slug))?.access?.role).toBe("owner");

    // Unused for longer than the limit: ended, for the page check and the one-statement org check alike.
    await handle.db
      .update(sessions)
      .set({ lastSeenAt: sql`now() - interval '12 hours 1 minute'` })
      .where(eq(sessions.id, idle));
    expect(await findActiveSession(handle.db, idle)).toBeNull();
    expect(await findSessionOrgAccess(handle.db, idle, owner.org.slug)).toBeNull();
    const err = await callerForSession(handle.db, idle)
      .org.get({ orgSlug: owner.org.slug })
      .catch((e: unknown) => e);
    expect((err as TRPCError).code).toBe("UNAUTHORIZED");
  });
});
