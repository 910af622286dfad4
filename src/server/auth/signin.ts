import "server-only";
import { eq, sql } from "drizzle-orm";
import { users } from "../db/schema";
import type { Db } from "../db/client";
import { block, consume, formatWait, peek, penalty, reset, LIMITS } from "../ratelimit";
import { createSession, verifyCredentials } from "./sessions";
import { consumeAccountToken } from "./tokens";

/** Wrong passwords allowed from one client for one account before each further try has to wait. */
export const FREE_ATTEMPTS = 5;
/** The first wait; it doubles with every further wrong password, up to MAX_DELAY_SECONDS. */
export const FIRST_DELAY_SECONDS = 15;
export const MAX_DELAY_SECONDS = 15 * 60;

export type SignInRefusal = "invalid_credentials" | "throttled" | "unverified";

/** A refused sign-in: why (a code the form turns into words) and, when throttled, how long to wait. */
export class SignInRefused extends Error {
  constructor(
    readonly reason: SignInRefusal,
    readonly retryAfterSeconds?: number,
  ) {
    super(reason);
  }
}

interface ClientMeta {
  ip: string;
  userAgent: string | null;
}

/** The wait after `failures` wrong passwords from one client: none for the free ones, then 15 s, 30 s, … 15 min. */
export function delayAfterFailures(failures: number): number {
  if (failures < FREE_ATTEMPTS) return 0;
  return Math.min(MAX_DELAY_SECONDS, FIRST_DELAY_SECONDS * 2 ** (failures - FREE_ATTEMPTS));
}

const pairKey = (email: string, ip: string) => `${email}|${ip}`;

/**
 * Password sign-in. Guessing is throttled per account and client (a growing wait after a few wrong passwords), so
 * a stranger slows only their own guesses: the owner, from their own device, is not affected. Wrong passwords for
 * the account from every client together past a high bar pause password sign-in for it; the owner then gets a
 * sign-in link by email. The per-client-IP limit across accounts stays as before.
 */
export async function passwordSignIn(db: Db, email: string, password: string, meta: ClientMeta) {
  await consume("signInIp", meta.ip);
  const normalized = email.trim().toLowerCase();
  const pair = pairKey(normalized, meta.ip);
  const waiting = await peek("signInDelay", pair);
  if (waiting.points > LIMITS.signInDelay.points) {
    throw new SignInRefused("throttled", Math.max(1, Math.ceil(waiting.msBeforeNext / 1000)));
  }
  const accountFailures = await peek("signInAccountFailures", normalized);
  if (accountFailures.points >= LIMITS.signInAccountFailures.points) {
    throw new SignInRefused("throttled", Math.max(1, Math.ceil(accountFailures.msBeforeNext / 1000)));
  }
  const user = await verifyCredentials(db, normalized, password);
  if (!user) {
    const failures = await penalty("signInFailures", pair);
    await penalty("signInAccountFailures", normalized);
    const delay = delayAfterFailures(failures);
    if (delay > 0) await block("signInDelay", pair, delay);
    throw new SignInRefused("invalid_credentials");
  }
  await reset("signInFailures", pair);
  await reset("signInDelay", pair);
  if (!user.emailVerifiedAt) throw new SignInRefused("unverified");
  const sessionId = await createSession(db, user.id, meta);
  return { user: { id: user.id, email: user.email, name: user.name }, sessionId };
}

/**
 * Sign-in from an emailed link (address verification or a sign-in link): spends the token, marks the address
 * verified (the link proves the mailbox) and starts a session. Null when the link no longer works.
 */
export async function linkSignIn(db: Db, token: string, meta: ClientMeta) {
  const spent = await consumeAccountToken(db, token, ["verify_email", "sign_in"]);
  if (!spent) return null;
  const [user] = await db
    .update(users)
    .set({ emailVerifiedAt: sql`coalesce(${users.emailVerifiedAt}, now())` })
    .where(eq(users.id, spent.userId))
    .returning({ id: users.id, email: users.email, name: users.name });
  if (!user) return null;
  await reset("signInAccountFailures", user.email);
  await reset("signInDelay", pairKey(user.email, meta.ip));
  const sessionId = await createSession(db, user.id, meta);
  return { user, sessionId, purpose: spent.purpose };
}

/** The message for a throttled sign-in. */
export function throttledMessage(retryAfterSeconds: number) {
  return `Too many wrong passwords. Try again in ${formatWait(retryAfterSeconds)}, or get a sign-in link by email.`;
}
