/** The interface languages, the default one first. URLs never carry the locale: it comes from the user. */
export const LOCALES = ["en", "zh-CN"] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = "en";

/** The cookie that remembers the choice on this browser (before sign-in, and for signed-out pages). */
export const LOCALE_COOKIE = "salesmix_locale";

/**
 * Set by the server (src/server/serve/listener.ts) on the pages of share links (/s/…), which read no session: their language comes from the
 * browser (the cookie, else Accept-Language), never from a signed-in account. The server drops any a client sent.
 */
export const NO_SESSION_HEADER = "x-salesmix-no-session";

/** Each language named in itself, as a language switcher lists them. */
export const LOCALE_NAMES: Record<Locale, string> = { en: "English", "zh-CN": "简体中文" };

export function isLocale(value: unknown): value is Locale {
  return typeof value === "string" && (LOCALES as readonly string[]).includes(value);
}

/**
 * The best interface language for an Accept-Language header: the first range (by q, then order) that names
 * English or Chinese. Any Chinese (zh, zh-CN, zh-Hans, zh-SG, zh-TW…) reads Simplified Chinese: it is the only
 * Chinese the interface has. Null when the header names neither.
 */
export function negotiateLocale(acceptLanguage: string | null | undefined): Locale | null {
  if (!acceptLanguage) return null;
  const ranges = acceptLanguage
    .split(",")
    .map((part, index) => {
      const [tag = "", ...params] = part.trim().split(";");
      const q = params.map((p) => /^\s*q=([0-9.]+)\s*$/.exec(p)?.[1]).find((v) => v !== undefined);
      return { tag: tag.trim().toLowerCase(), q: q === undefined ? 1 : Number(q), index };
    })
    .filter((r) => r.tag && Number.isFinite(r.q) && r.q > 0)
    .sort((a, b) => b.q - a.q || a.index - b.index);
  for (const { tag } of ranges) {
    if (tag === "zh" || tag.startsWith("zh-")) return "zh-CN";
    if (tag === "en" || tag.startsWith("en-")) return "en";
  }
  return null;
}

/** The locale of a request: the saved choice, else the cookie, else Accept-Language, else English. */
export function resolveLocale(opts: {
  saved?: string | null;
  cookie?: string | null;
  acceptLanguage?: string | null;
}): Locale {
  if (isLocale(opts.saved)) return opts.saved;
  if (isLocale(opts.cookie)) return opts.cookie;
  return negotiateLocale(opts.acceptLanguage) ?? DEFAULT_LOCALE;
}
