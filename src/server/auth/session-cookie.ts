import "server-only";
import { RequestCookies } from "@edge-runtime/cookies";
import { decode } from "next-auth/jwt";
import { resolveAuthSecrets } from "./secret";
import { processState } from "../state";

/** Auth.js's session cookie; the `__Secure-` name when it was set over HTTPS. */
const SESSION_COOKIES = ["__Secure-authjs.session-token", "authjs.session-token"] as const;

/**
 * The session id inside this request's session cookie. The cookie is an encrypted token that only carries the
 * id (the session itself, and whether it was revoked, is read from the database on every request); decrypting
 * it costs a key derivation, so a token already decrypted is remembered until it expires (in the process state,
 * src/server/state.ts, shared by both copies of the services). Unlike `auth()`, this
 * does not re-issue the cookie: the session's lifetime is fixed at sign-in, in the sessions table.
 * It reads the request's headers, not Next.js's `cookies()`: the SalesMix server calls the tRPC routes outside
 * Next.js's request scope (src/serve), so nothing here imports Next.js.
 */
export async function sessionIdFromCookie(headers: Headers): Promise<string | null> {
  const jar = new RequestCookies(headers);
  const state = processState();
  for (const name of SESSION_COOKIES) {
    const token = jar.get(name)?.value ?? chunkedToken(jar, name);
    if (!token) continue;
    const hit = state.decodedSessionTokens.get(token);
    if (hit) return hit.expiresAt > Date.now() ? hit.sid : null;
    const secret = (state.authSecrets ??= resolveAuthSecrets());
    let claims: { sid?: unknown; exp?: unknown };
    try {
      claims = (await decode({ token, secret, salt: name })) ?? {};
    } catch {
      return null; // tampered, or sealed with another secret
    }
    const sid = typeof claims.sid === "string" ? claims.sid : null;
    const expiresAt = typeof claims.exp === "number" ? claims.exp * 1000 : 0;
    state.decodedSessionTokens.set(token, { sid, expiresAt });
    return expiresAt > Date.now() ? sid : null;
  }
  return null;
}

/** Auth.js splits a token too large for one cookie into `<name>.0`, `<name>.1`, …: joined in order, the token. */
function chunkedToken(jar: RequestCookies, name: string): string | undefined {
  const chunks = jar
    .getAll()
    .map((c) => ({ index: /^(\d+)$/.exec(c.name.slice(name.length + 1))?.[1], c }))
    .filter((x) => x.index !== undefined && x.c.name.startsWith(`${name}.`));
  if (!chunks.length) return undefined;
  return chunks
    .sort((a, b) => Number(a.index) - Number(b.index))
    .map((x) => x.c.value)
    .join("");
}
