import "server-only";
import { createHmac, hkdfSync, timingSafeEqual } from "node:crypto";
import { resolveAuthSecret, resolveAuthSecrets } from "../auth/secret";

/** The emails a member can stop with one click; each link stops one kind in one organization. */
export const NOTIFICATION_KINDS = ["upload", "reminder"] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

export interface UnsubscribeClaim {
  userId: string;
  organizationId: string;
  kind: NotificationKind;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
const VERSION = "u1";

/** A key of its own, derived from AUTH_SECRET: an unsubscribe signature is good for nothing else. */
function signingKey(authSecret: string): Buffer {
  return Buffer.from(hkdfSync("sha256", authSecret, "salesmix", "unsubscribe links", 32));
}

function signature(claim: UnsubscribeClaim, authSecret = resolveAuthSecret()): Buffer {
  return createHmac("sha256", signingKey(authSecret))
    .update(`${VERSION}|${claim.userId}|${claim.organizationId}|${claim.kind}`)
    .digest();
}

/**
 * The token of an unsubscribe link: who, which organization, which kind, and an HMAC over them. It never expires
 * (an old email's link must still work) and changes nothing but that one preference, so it needs no state.
 */
export function unsubscribeToken(claim: UnsubscribeClaim): string {
  return [
    VERSION,
    claim.userId,
    claim.organizationId,
    claim.kind,
    signature(claim).toString("base64url"),
  ].join(".");
}

/** Why a token is refused, in words for the page; null when it is good. */
export type TokenProblem = "malformed" | "signature";

/** Reads and checks a token; a malformed or tampered one is refused without saying which part was wrong. */
export function verifyUnsubscribeToken(
  token: string | null | undefined,
): { ok: true; claim: UnsubscribeClaim } | { ok: false; problem: TokenProblem } {
  const parts = typeof token === "string" && token.length <= 300 ? token.split(".") : [];
  const [version, userId, organizationId, kind, sig] = parts;
  if (
    parts.length !== 5 ||
    version !== VERSION ||
    !userId ||
    !UUID.test(userId) ||
    !organizationId ||
    !UUID.test(organizationId) ||
    !NOTIFICATION_KINDS.includes(kind as NotificationKind) ||
    !sig ||
    !/^[A-Za-z0-9_-]{43}$/.test(sig)
  )
    return { ok: false, problem: "malformed" };
  const claim: UnsubscribeClaim = { userId, organizationId, kind: kind as NotificationKind };
  const given = Buffer.from(sig, "base64url");
  // Links in emails sent before an AUTH_SECRET rotation keep working while AUTH_SECRET_PREVIOUS lists the old value.
  const valid = resolveAuthSecrets().some((secret) => {
    const expected = signature(claim, secret);
    return given.length === expected.length && timingSafeEqual(given, expected);
  });
  if (!valid) return { ok: false, problem: "signature" };
  return { ok: true, claim };
}
