import type en from "../../../messages/en.json";
import type { Locale } from "./locales";

/** The English catalogue's shape: every locale has the same keys (tests/unit/i18n/messages.test.ts). */
export type Messages = typeof en;

/** One locale's messages, loaded on demand so a page carries only its reader's language. */
export async function loadMessages(locale: Locale): Promise<Messages> {
  const loaded =
    locale === "zh-CN"
      ? await import("../../../messages/zh-CN.json")
      : await import("../../../messages/en.json");
  return loaded.default as Messages;
}
