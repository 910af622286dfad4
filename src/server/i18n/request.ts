import "server-only";
import { headers } from "next/headers";
import { getRequestConfig } from "next-intl/server";
import { getDb } from "../db";
import { loadMessages, requestLocale } from ".";

/**
 * next-intl's request configuration (next.config.js points its plugin here). URLs carry no locale: it comes from
 * the user's saved choice, else the cookie, else Accept-Language, else English. Only that locale's messages are
 * loaded, so a page ships one language.
 */
export default getRequestConfig(async () => {
  const locale = await requestLocale(await headers(), getDb);
  return { locale, messages: await loadMessages(locale) };
});
