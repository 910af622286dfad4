import { describe, expect, it } from "vitest";
import { encode } from "next-auth/jwt";
import { resolveAuthSecret } from "@/server/auth/secret";
import { sessionIdFromCookie } from "@/server/auth/session-cookie";

/**
 * The HTTP API reads the session with Auth.js's own getToken: tokens sealed by Auth.js's `encode` under its
 * cookie names (plain over HTTP, `__Secure-` over HTTPS, split into `.0`, `.1`, … when large) give their
 * session id; anything else is no session.
 */
const PLAIN = "authjs.session-token";
const SECURE = "__Secure-authjs.session-token";

async function token(name: string, claims: Record<string, unknown>, maxAge = 3600) {
  return encode({ token: claims, secret: resolveAuthSecret(), salt: name, maxAge });
}
const cookie = (pairs: [string, string][]) =>
  new Headers({ cookie: pairs.map(([n, v]) => `${n}=${v}`).join("; ") });

describe("sessionIdFromCookie", () => {
  it("reads the session id of Auth.js's cookie, over HTTP and over HTTPS", async () => {
    expect(await sessionIdFromCookie(cookie([[PLAIN, await token(PLAIN, { sid: "plain-sid" })]]))).toBe(
      "plain-sid",
    );
    expect(await sessionIdFromCookie(cookie([[SECURE, await token(SECURE, { sid: "secure-sid" })]]))).toBe(
      "secure-sid",
    );
  });

  it("joins a token Auth.js split into chunks, in their order", async () => {
    const big = await token(PLAIN, { sid: "chunked-sid", padding: "x".repeat(6000) });
    const half = Math.ceil(big.length / 2);
    const headers = cookie([
      [`${PLAIN}.1`, big.slice(half)],
      [`${PLAIN}.0`, big.slice(0, half)],
    ]);
    expect(await sessionIdFromCookie(headers)).toBe("chunked-sid");
  });

  it("is no session for a tampered, expired, wrongly named or missing cookie, or a Bearer header alone", async () => {
    const good = await token(PLAIN, { sid: "sid" });
    const middle = Math.floor(good.length / 2);
    const tampered = good.slice(0, middle) + (good[middle] === "A" ? "B" : "A") + good.slice(middle + 1);
    expect(await sessionIdFromCookie(cookie([[PLAIN, tampered]]))).toBeNull();
    expect(await sessionIdFromCookie(cookie([[PLAIN, await token(PLAIN, { sid: "old" }, -10)]]))).toBeNull();
    // Sealed for the other cookie name (its salt): not valid under this one.
    expect(await sessionIdFromCookie(cookie([[PLAIN, await token(SECURE, { sid: "sid" })]]))).toBeNull();
    expect(await sessionIdFromCookie(new Headers())).toBeNull();
    expect(await sessionIdFromCookie(new Headers({ authorization: `Bearer ${good}` }))).toBeNull();
  });
});
