import "server-only";
import type { Role } from "@/lib/permissions";
import type { Locale } from "@/lib/i18n/locales";
import { escapeHtml, type EmailMessage } from "../email";
import { staticTranslator } from "../i18n/known";

/** A moment as an email states it: the full date and time in UTC, in the recipient's language. */
export function formatExpiry(date: Date, locale: Locale = "en"): string {
  const text = new Intl.DateTimeFormat(locale, {
    dateStyle: "full",
    timeStyle: "short",
    timeZone: "UTC",
  }).format(date);
  return staticTranslator(locale, "emails")("utc", { date: text });
}

/**
 * The invitation message: who invited, to which org, which role, until when; plain text and HTML, in the
 * recipient's language (messages/*.json, emails.invitation).
 */
export function invitationEmail(input: {
  to: string;
  organizationName: string;
  inviterName: string;
  inviterEmail: string;
  role: Role;
  expiresAt: Date;
  url: string;
  locale?: Locale;
}): EmailMessage {
  const locale = input.locale ?? "en";
  const t = staticTranslator(locale, "emails.invitation");
  const role = staticTranslator(locale, "roles")(input.role);
  const expires = formatExpiry(input.expiresAt, locale);
  const names = {
    inviter: input.inviterName,
    inviterEmail: input.inviterEmail,
    org: input.organizationName,
    role,
  };
  const what = t(`roles.${input.role}`);
  const subject = t("subject", names);
  const text = [
    t("intro", names),
    "",
    t("can", { role, what }),
    "",
    t("accept_"),
    input.url,
    "",
    t("expires", { expires }),
    t("ignore", names),
  ].join("\n");
  const e = escapeHtml;
  const html = `<!doctype html>
<html lang="${locale}"><body style="font-family:system-ui,sans-serif;color:#111827;line-height:1.5">
<p>${e(t("intro", names))}</p>
<p>${e(t("can", { role, what }))}</p>
<p><a href="${e(input.url)}" style="display:inline-block;background:#2563eb;color:#fff;padding:10px 16px;border-radius:6px;text-decoration:none">${e(t("accept"))}</a></p>
<p>${e(t("paste"))}<br><a href="${e(input.url)}">${e(input.url)}</a></p>
<p>${e(t("expires", { expires }))}</p>
<p style="color:#4b5563">${e(t("ignore", names))}</p>
</body></html>`;
  return { to: input.to, subject, text, html };
}
