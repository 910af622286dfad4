import "server-only";
import { ServiceError } from "../errors";
import { routeErrorResponse } from "../http-errors";
import { and, eq, gt, isNull } from "drizzle-orm";
import { createTranslator } from "use-intl/core";
import { RequestCookies } from "@edge-runtime/cookies";
import { sessionIdFromCookie } from "../auth/session-cookie";
import type { Db } from "../db/client";
import { sessions, users } from "../db/schema";
import { DEFAULT_LOCALE, isLocale, LOCALE_COOKIE, resolveLocale, type Locale } from "@/lib/i18n/locales";
import { loadMessages } from "@/lib/i18n/messages";

export { loadMessages };

/** The locale a signed-in user saved, by session id; null when none was saved or the session is not active. */
export async function sessionLocale(db: Db, sessionId: string): Promise<Locale | null> {
  const [row] = await db
    .select({ locale: users.locale })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.id, sessionId), isNull(sessions.revokedAt), gt(sessions.expiresAt, new Date())))
    .limit(1);
  return isLocale(row?.locale) ? row.locale : null;
}

/** The locale saved on an account (emails to that user), or null. */
export async function userLocale(db: Db, userId: string): Promise<Locale | null> {
  const [row] = await db.select({ locale: users.locale }).from(users).where(eq(users.id, userId)).limit(1);
  return isLocale(row?.locale) ? row.locale : null;
}

/** An account email's language: the one the user saved, else the one of the request that caused it. */
export function emailLocale(saved: string | null | undefined, request: Locale | null | undefined): Locale {
  return isLocale(saved) ? saved : (request ?? DEFAULT_LOCALE);
}

/**
 * An invitation's language: the invitee's own choice when the address has an account, else the inviter's (who
 * likely shares a language with their colleague), else English.
 */
export async function invitationLocale(db: Db, inviteeEmail: string, inviterId: string): Promise<Locale> {
  const [invitee] = await db
    .select({ locale: users.locale })
    .from(users)
    .where(eq(users.email, inviteeEmail.toLowerCase()))
    .limit(1);
  if (isLocale(invitee?.locale)) return invitee.locale;
  return (await userLocale(db, inviterId)) ?? DEFAULT_LOCALE;
}

/** The locale of a request without looking at the account: the cookie, else Accept-Language, else English. */
export function browserLocale(headers: Headers): Locale {
  return resolveLocale({
    cookie: new RequestCookies(headers).get(LOCALE_COOKIE)?.value,
    acceptLanguage: headers.get("accept-language"),
  });
}

/**
 * The locale of a request: the signed-in user's saved choice, else the cookie of this browser, else
 * Accept-Language, else English. Pages (src/server/i18n/request.ts), route handlers and tRPC read it here.
 */
export async function requestLocale(headers: Headers, db?: Db | (() => Promise<Db>)): Promise<Locale> {
  if (db) {
    const sessionId = await sessionIdFromCookie(headers);
    if (sessionId) {
      const saved = await sessionLocale(typeof db === "function" ? await db() : db, sessionId);
      if (saved) return saved;
    }
  }
  return browserLocale(headers);
}

/**
 * A translator for code outside a page (route handlers, tRPC, REST, emails, jobs): next-intl's `getTranslations`
 * needs Next.js's request scope, which the SalesMix server (src/serve) does not have.
 */
export async function translator(locale: Locale = DEFAULT_LOCALE) {
  const messages = await loadMessages(locale);
  return createTranslator({ locale, messages });
}

export type Translator = Awaited<ReturnType<typeof translator>>;

/** Saves the interface language on the account of a session (no-op without an active session). */
export async function saveSessionLocale(db: Db, sessionId: string, locale: Locale): Promise<boolean> {
  const [session] = await db
    .select({ userId: sessions.userId })
    .from(sessions)
    .where(and(eq(sessions.id, sessionId), isNull(sessions.revokedAt), gt(sessions.expiresAt, new Date())))
    .limit(1);
  if (!session) return false;
  await db.update(users).set({ locale }).where(eq(users.id, session.userId));
  return true;
}

/** Sets the language of this browser and, when signed in, of the account: the switcher's POST /api/locale. */
export async function handleLocaleChange(req: Request, db: () => Promise<Db>): Promise<Response> {
  const body: unknown = await req.json().catch(() => null);
  const locale =
    typeof body === "object" && body !== null ? (body as { locale?: unknown }).locale : undefined;
  if (!isLocale(locale)) {
    const refused = new ServiceError("INVALID_FIELD", "locale must be one of: en, zh-CN", {
      field: "locale",
    });
    return routeErrorResponse(refused, req);
  }
  const sessionId = await sessionIdFromCookie(req.headers);
  const saved = sessionId ? await saveSessionLocale(await db(), sessionId, locale) : false;
  const secure = new URL(req.url).protocol === "https:" ? "; Secure" : "";
  return new Response(JSON.stringify({ locale, saved }), {
    status: 200,
    headers: {
      "content-type": "application/json",
      "set-cookie": `${LOCALE_COOKIE}=${locale}; Path=/; Max-Age=31536000; SameSite=Lax${secure}`,
    },
  });
}
