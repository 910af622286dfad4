import "server-only";
import { decode, getToken, type JWT, type JWTDecodeParams } from "next-auth/jwt";
import { resolveAuthSecrets } from "./secret";
import { processState } from "../state";

/**
 * The session id inside this request's Auth.js session cookie, read by Auth.js's own `getToken` (its cookie
 * names, `__Secure-` over HTTPS, and its chunking of large tokens), for the HTTP API and tRPC, which run outside
 * Next.js's request scope (src/serve) where `auth()` is not available. The cookie is an encrypted token that only
 * carries the id: the session itself, and whether it was revoked, is read from the database on every request.
 * Decrypting costs a key derivation, so a token already decrypted is remembered until it expires (in the process
 * state, src/server/state.ts). Unlike `auth()`, this does not re-issue the cookie: the session's lifetime is
 * fixed at sign-in, in the sessions table.
 */
export async function sessionIdFromCookie(headers: Headers): Promise<string | null> {
  const cookie = headers.get("cookie");
  if (!cookie) return null;
  const state = processState();
  const secret = (state.authSecrets ??= resolveAuthSecrets());
  // Only the cookie: getToken would otherwise take an `Authorization: Bearer` value (an API key) for a token.
  const req = { headers: new Headers({ cookie }) };
  for (const secureCookie of [true, false]) {
    const claims = await getToken({ req, secret, secureCookie, decode: rememberedDecode });
    if (!claims) continue;
    const sid = typeof claims.sid === "string" ? claims.sid : null;
    const expiresAt = typeof claims.exp === "number" ? claims.exp * 1000 : 0;
    return expiresAt > Date.now() ? sid : null;
  }
  return null;
}

/** Auth.js's `decode`, remembering what a token decoded to until it expires. */
async function rememberedDecode(params: JWTDecodeParams): Promise<JWT | null> {
  const { token } = params;
  if (!token) return null;
  const state = processState();
  const hit = state.decodedSessionTokens.get(token);
  if (hit) return { sid: hit.sid ?? undefined, exp: hit.expiresAt / 1000 };
  const claims = await decode(params);
  if (!claims) return null;
  const sid = typeof claims.sid === "string" ? claims.sid : null;
  const expiresAt = typeof claims.exp === "number" ? claims.exp * 1000 : 0;
  state.decodedSessionTokens.set(token, { sid, expiresAt });
  return claims;
}
