import "server-only";
import NextAuth, { CredentialsSignin } from "next-auth";
import Credentials from "next-auth/providers/credentials";
import { getDb } from "../db";
import { ServiceError } from "../errors";
import { clientIp } from "../http";
import { resolveAuthSecrets } from "./secret";
import { revokeSession, SESSION_MAX_AGE_SECONDS } from "./sessions";
import { linkSignIn, passwordSignIn, SignInRefused } from "./signin";
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
class Throttled extends CredentialsSignin {
  code = "throttled";
}
class Unverified extends CredentialsSignin {
  code = "unverified";
}
class LinkUsed extends CredentialsSignin {
  code = "link_invalid";
}

function clientMeta(headers: Headers) {
  return { ip: clientIp(headers) ?? "unknown", userAgent: headers.get("user-agent") };
}

export const { handlers, auth, signIn, signOut } = NextAuth(() => ({
  // The first seals new cookies; the rest (AUTH_SECRET_PREVIOUS) still open cookies sealed before a rotation.
  secret: resolveAuthSecrets(),
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
        try {
          const { user, sessionId } = await passwordSignIn(
            await getDb(),
            parsed.data.email,
            parsed.data.password,
            clientMeta(request.headers),
          );
          return { ...user, sessionId };
        } catch (e) {
          if (e instanceof ServiceError) throw new RateLimited();
          if (e instanceof SignInRefused) {
            if (e.reason === "throttled") throw new Throttled();
            if (e.reason === "unverified") throw new Unverified();
            throw new InvalidCredentials();
          }
          throw e;
        }
      },
    }),
    // A link from an email (address verification, sign-in link): the token is spent by the POST of its page.
    Credentials({
      id: "email-link",
      name: "Email link",
      credentials: { token: { label: "Token" } },
      async authorize(credentials, request) {
        const token = typeof credentials?.token === "string" ? credentials.token : "";
        const signedIn = await linkSignIn(await getDb(), token, clientMeta(request.headers));
        if (!signedIn) throw new LinkUsed();
        return { ...signedIn.user, sessionId: signedIn.sessionId };
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
