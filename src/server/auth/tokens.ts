import "server-only";
import { createHash, randomBytes } from "node:crypto";
import { and, eq, gt, inArray, isNull, sql } from "drizzle-orm";
import { accountTokens, type AccountTokenPurpose } from "../db/schema";
import type { Db } from "../db/client";

/** How long each kind of link works. */
export const TOKEN_LIFETIME_SECONDS: Record<AccountTokenPurpose, number> = {
  verify_email: 24 * 60 * 60,
  reset_password: 60 * 60,
  sign_in: 15 * 60,
};

const TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/;

export function hashAccountToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

/**
 * A new single-use link token for the user: 32 random bytes, of which only the SHA-256 is stored. Earlier unused
 * tokens of the same purpose stop working, so only the latest email's link does.
 */
export async function issueAccountToken(db: Db, userId: string, purpose: AccountTokenPurpose) {
  const token = randomBytes(32).toString("base64url");
  const [row] = await db.transaction(async (tx) => {
    await tx
      .update(accountTokens)
      .set({ usedAt: sql`now()` })
      .where(
        and(
          eq(accountTokens.userId, userId),
          eq(accountTokens.purpose, purpose),
          isNull(accountTokens.usedAt),
        ),
      );
    return tx
      .insert(accountTokens)
      .values({
        userId,
        purpose,
        tokenHash: hashAccountToken(token),
        expiresAt: sql`now() + make_interval(secs => ${TOKEN_LIFETIME_SECONDS[purpose]}::int)`,
      })
      .returning({ expiresAt: accountTokens.expiresAt });
  });
  if (!row) throw new Error("account token insert returned nothing");
  return { token, expiresAt: row.expiresAt };
}

/**
 * Spends a token: one guarded UPDATE that matches only while it is unused and unexpired, so of two concurrent
 * uses exactly one gets the row. Null for a malformed, unknown, used or expired token (the caller says "this link
 * no longer works" for all of them).
 */
export async function consumeAccountToken(
  db: Db,
  token: string,
  purposes: readonly AccountTokenPurpose[],
): Promise<{ userId: string; purpose: AccountTokenPurpose } | null> {
  if (!TOKEN_PATTERN.test(token)) return null;
  const [row] = await db
    .update(accountTokens)
    .set({ usedAt: sql`now()` })
    .where(
      and(
        eq(accountTokens.tokenHash, hashAccountToken(token)),
        inArray(accountTokens.purpose, [...purposes]),
        isNull(accountTokens.usedAt),
        gt(accountTokens.expiresAt, sql`now()`),
      ),
    )
    .returning({ userId: accountTokens.userId, purpose: accountTokens.purpose });
  return row ?? null;
}

/** Whether a token would still work, without spending it (the link pages show their button only then). */
export async function peekAccountToken(db: Db, token: string, purposes: readonly AccountTokenPurpose[]) {
  if (!TOKEN_PATTERN.test(token)) return false;
  const [row] = await db
    .select({ id: accountTokens.id })
    .from(accountTokens)
    .where(
      and(
        eq(accountTokens.tokenHash, hashAccountToken(token)),
        inArray(accountTokens.purpose, [...purposes]),
        isNull(accountTokens.usedAt),
        gt(accountTokens.expiresAt, sql`now()`),
      ),
    );
  return Boolean(row);
}
