import "server-only";
import { createTranslator } from "use-intl/core";
import en from "../../../messages/en.json";
import zh from "../../../messages/zh-CN.json";
import type { Locale } from "@/lib/i18n/locales";
import { localizeKnownMessage } from "@/lib/i18n/known-messages";
import { isRole } from "@/lib/permissions";

type Translate = (key: string, params?: Record<string, string>) => string;

// Built once per bundle from the static catalogues: translators hold no request state.
const KNOWN: Record<Locale, Translate> = {
  en: createTranslator({ locale: "en", messages: en, namespace: "known" }) as unknown as Translate,
  "zh-CN": createTranslator({ locale: "zh-CN", messages: zh, namespace: "known" }) as unknown as Translate,
};
const ROLES: Record<Locale, Translate> = {
  en: createTranslator({ locale: "en", messages: en, namespace: "roles" }) as unknown as Translate,
  "zh-CN": createTranslator({ locale: "zh-CN", messages: zh, namespace: "roles" }) as unknown as Translate,
};

/**
 * A service's English message in `locale` when it is a known one (src/lib/i18n/known-messages.ts), else as
 * written. Synchronous, for error formatters: tRPC's, and REST problem details.
 */
export function localizeMessage(message: string, locale: Locale): string {
  if (locale === "en") return message;
  const roles = ROLES[locale];
  return localizeKnownMessage(message, KNOWN[locale], (role) => (isRole(role) ? roles(role) : role));
}

const CATALOGUES = { en, "zh-CN": zh } as const;

/**
 * A synchronous translator over one namespace of a locale's catalogue, for text built outside a page: emails,
 * problem details. (Pages use next-intl's getTranslations; `translator` in ./index loads one locale on demand.)
 */
export function staticTranslator(locale: Locale, namespace: string): Translate {
  return createTranslator({
    locale,
    messages: CATALOGUES[locale],
    namespace: namespace as "emails",
  }) as unknown as Translate;
}
