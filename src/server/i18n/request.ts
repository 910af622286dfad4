import "server-only";
import { headers } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import { getDb } from "../db";
import { NO_SESSION_HEADER } from "@/lib/i18n/locales";
import { browserLocale, loadMessages, requestLocale } from ".";

/**
 * next-intl's request configuration (next.config.js points its plugin here). URLs carry no locale: it comes from
 * the user's saved choice (not on a share link's page), else the cookie, else Accept-Language, else English. Only
 * that locale's messages are loaded, so a page ships one language.
 */
export default getRequestConfig(async () => {
  const h = await headers();
  // A share link's page reads no session, not even for the language (the server marks it: src/server/serve/listener.ts).
  const locale = h.get(NO_SESSION_HEADER) ? browserLocale(h) : await requestLocale(h, getDb);
  return { locale, messages: await loadMessages(locale) };
});
