import "server-only";
import NextAuth, { CredentialsSignin } from "next-auth";
import { decode } from "next-auth/jwt";
import Credentials from "next-auth/providers/credentials";
import { RequestCookies } from "@edge-runtime/cookies";
import { headers as nextHeaders } from "next/headers";
import { getDb } from "../db";
import { consume, reset } from "../ratelimit";
import { ServiceError } from "../errors";
import { clientIp } from "../http";
import { resolveAuthSecret } from "./secret";
import { createSession, revokeSession, SESSION_MAX_AGE_SECONDS, verifyCredentials } from "./sessions";
import { signInSchema } from "@/lib/validation/auth";

declare module "next-auth" {
  interface User {
    sessionId?: string;
  }
  interface Session {
    sessionId?: string;
  }
}
declare module "@auth/core/jwt" {
  interface JWT {
    sid?: string;
  }
}

class InvalidCredentials extends CredentialsSignin {
  code = "invalid_credentials";
}
class RateLimited extends CredentialsSignin {
  code = "rate_limited";
}

export const { handlers, auth, signIn, signOut } = NextAuth(() => ({
  secret: resolveAuthSecret(),
  trustHost: true,
  logger: {
    // A wrong password is an expected outcome, not a server error worth a stack trace.
    error(error: Error) {
      if (error instanceof CredentialsSignin) return;
      console.error("[auth]", error);
    },
  },
  session: { strategy: "jwt", maxAge: SESSION_MAX_AGE_SECONDS },
  pages: { signIn: "/signin", error: "/signin" },
  providers: [
    Credentials({
      credentials: { email: { label: "Email" }, password: { label: "Password", type: "password" } },
      async authorize(credentials, request) {
        const parsed = signInSchema.safeParse(credentials);
        if (!parsed.success) throw new InvalidCredentials();
        const { email, password } = parsed.data;
        const ip = clientIp(request.headers) ?? "unknown";
        try {
          await consume("signInIp", ip);
          await consume("signInAccount", email);
        } catch (e) {
          if (e instanceof ServiceError) throw new RateLimited();
          throw e;
        }
        const db = await getDb();
        const user = await verifyCredentials(db, email, password);
        if (!user) throw new InvalidCredentials();
        await reset("signInAccount", email);
        const sessionId = await createSession(db, user.id, {
          ip,
          userAgent: request.headers.get("user-agent"),
        });
        return { id: user.id, email: user.email, name: user.name, sessionId };
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user?.sessionId) token.sid = user.sessionId;
      return token;
    },
    session({ session, token }) {
      return { ...session, sessionId: token.sid };
    },
  },
  events: {
    async signOut(message) {
      const sid = "token" in message ? message.token?.sid : undefined;
      if (sid) await revokeSession(await getDb(), sid);
    },
  },
}));

/** Auth.js's session cookie; the `__Secure-` name when it was set over HTTPS. */
const SESSION_COOKIES = ["__Secure-authjs.session-token", "authjs.session-token"] as const;
const DECODED_CACHE_SIZE = 10_000;
const decodedTokens = new Map<string, { sid: string | null; expiresAt: number }>();
let authSecret: string | undefined;

/**
 * The session id inside this request's session cookie. The cookie is an encrypted token that only carries the
 * id (the session itself, and whether it was revoked, is read from the database on every request); decrypting
 * it costs a key derivation, so a token already decrypted is remembered until it expires. Unlike `auth()`, this
 * does not re-issue the cookie: the session's lifetime is fixed at sign-in, in the sessions table.
 * `headers`: the request's (the tRPC context has them, and the API server has no Next.js request scope);
 * without them, those of the Next.js request being rendered.
 */
export async function sessionIdFromCookie(headers?: Headers): Promise<string | null> {
  const jar = new RequestCookies(headers ?? (await nextHeaders()));
  for (const name of SESSION_COOKIES) {
    const token = jar.get(name)?.value ?? chunkedToken(jar, name);
    if (!token) continue;
    const hit = decodedTokens.get(token);
    if (hit) return hit.expiresAt > Date.now() ? hit.sid : null;
    authSecret ??= resolveAuthSecret();
    let claims: { sid?: unknown; exp?: unknown };
    try {
      claims = (await decode({ token, secret: authSecret, salt: name })) ?? {};
    } catch {
      return null; // tampered, or sealed with another secret
    }
    const sid = typeof claims.sid === "string" ? claims.sid : null;
    const expiresAt = typeof claims.exp === "number" ? claims.exp * 1000 : 0;
    if (decodedTokens.size >= DECODED_CACHE_SIZE) {
      const oldest = decodedTokens.keys().next().value;
      if (oldest !== undefined) decodedTokens.delete(oldest);
    }
    decodedTokens.set(token, { sid, expiresAt });
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
