import { useTranslations } from "next-intl";
import { isRole } from "@/lib/permissions";
import { localizeKnownMessage } from "@/lib/i18n/known-messages";

/**
 * Shows a service's or a schema's English message in the reader's language when it is a known one
 * (src/lib/i18n/known-messages.ts); any other text is returned as is, so translated text passes through.
 */
export function useKnownMessage() {
  const known = useTranslations("known");
  const roles = useTranslations("roles");
  const t = known as unknown as (key: string, params?: Record<string, string>) => string;
  return (message: string) => localizeKnownMessage(message, t, (role) => (isRole(role) ? roles(role) : role));
}
