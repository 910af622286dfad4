import "server-only";
import { escapeHtml, sendEmail, type EmailDelivery, type EmailMessage } from "../email";
import type { Db } from "../db/client";
import { formatExpiry } from "../invitations/email";
import { staticTranslator } from "../i18n/known";
import type { Locale } from "@/lib/i18n/locales";

export type AccountEmailKind = "verify" | "already_registered" | "reset" | "sign_in_link";

interface Link {
  label: string;
  url: string;
}

function message(
  to: string,
  subject: string,
  paragraphs: string[],
  links: Link[],
  footer: string,
  locale: Locale,
): EmailMessage {
  const text = [
    ...paragraphs.flatMap((p) => [p, ""]),
    ...links.flatMap((l) => [`${l.label}${locale === "zh-CN" ? "：" : ":"}`, l.url, ""]),
    footer,
  ].join("\n");
  const e = escapeHtml;
  const html = `<!doctype html>
<html lang="${locale}"><body style="font-family:system-ui,sans-serif;color:#111827;line-height:1.5">
${paragraphs.map((p) => `<p>${e(p)}</p>`).join("\n")}
${links
  .map(
    (l) =>
      `<p><a href="${e(l.url)}" style="display:inline-block;background:#2563eb;color:#fff;padding:10px 16px;border-radius:6px;text-decoration:none">${e(l.label)}</a><br><span style="color:#4b5563;font-size:13px">${e(l.url)}</span></p>`,
  )
  .join("\n")}
<p style="color:#4b5563">${e(footer)}</p>
</body></html>`;
  return { to, subject, text, html };
}

/** The account emails' words in `locale` (messages/*.json, emails). */
function words(locale: Locale) {
  const t = staticTranslator(locale, "emails");
  const until = (d: Date) => formatExpiry(d, locale);
  return { t, worksUntil: (d: Date) => `${t("worksUntil", { until: until(d) })} ${t("notYou")}`, until };
}

export function verifyEmailMessage(
  to: string,
  name: string,
  url: string,
  expiresAt: Date,
  locale: Locale = "en",
) {
  const { t, worksUntil } = words(locale);
  return message(
    to,
    t("verify.subject"),
    [t("hello", { name }), t("verify.body")],
    [{ label: t("verify.button"), url }],
    worksUntil(expiresAt),
    locale,
  );
}

/** Sign-up with an address that already has an account: how to get in, and nothing about the sign-up. */
export function alreadyRegisteredMessage(
  to: string,
  signInUrl: string,
  resetUrl: string,
  expiresAt: Date,
  locale: Locale = "en",
) {
  const { t, until } = words(locale);
  return message(
    to,
    t("already.subject"),
    [t("already.body1"), t("already.body2")],
    [
      { label: t("already.signIn"), url: signInUrl },
      { label: t("already.reset"), url: resetUrl },
    ],
    `${t("passwordWorksUntil", { until: until(expiresAt) })} ${t("notYou")}`,
    locale,
  );
}

export function resetPasswordMessage(to: string, url: string, expiresAt: Date, locale: Locale = "en") {
  const { t, worksUntil } = words(locale);
  return message(
    to,
    t("reset.subject"),
    [t("reset.body1"), t("reset.body2")],
    [{ label: t("reset.button"), url }],
    worksUntil(expiresAt),
    locale,
  );
}

export function signInLinkMessage(to: string, url: string, expiresAt: Date, locale: Locale = "en") {
  const { t, until } = words(locale);
  return message(
    to,
    t("signInLink.subject"),
    [t("signInLink.body1"), t("signInLink.body2")],
    [{ label: t("signInLink.button"), url }],
    t("signInLink.footer", { until: until(expiresAt) }),
    locale,
  );
}

/**
 * Sends an account email the configured way. Without SMTP the link is also written to the server log (and, outside
 * production, the development outbox), so a first start without a mail server still lets a newcomer in.
 */
export async function sendAccountEmail(
  db: Db,
  kind: AccountEmailKind,
  msg: EmailMessage,
  link: string,
): Promise<EmailDelivery | "failed"> {
  let delivery: EmailDelivery | "failed";
  try {
    delivery = await sendEmail(db, msg);
  } catch (e) {
    console.error(`[email] ${kind} email not sent:`, e instanceof Error ? e.message : e);
    delivery = "failed";
  }
  if (delivery !== "smtp") {
    console.info(`[email] no SMTP server (SMTP_URL): ${kind} link for ${msg.to}: ${link}`);
  }
  return delivery;
}
