import "server-only";
import { escapeHtml, sendEmail, type EmailDelivery, type EmailMessage } from "../email";
import type { Db } from "../db/client";
import { formatExpiry } from "../invitations/email";

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
): EmailMessage {
  const text = [
    ...paragraphs.flatMap((p) => [p, ""]),
    ...links.flatMap((l) => [`${l.label}:`, l.url, ""]),
    footer,
  ].join("\n");
  const e = escapeHtml;
  const html = `<!doctype html>
<html lang="en"><body style="font-family:system-ui,sans-serif;color:#111827;line-height:1.5">
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

const until = (d: Date) => `${formatExpiry(d)} UTC`;
const NOT_YOU = "If this was not you, ignore this email: nothing changes without the link.";

export function verifyEmailMessage(to: string, name: string, url: string, expiresAt: Date) {
  return message(
    to,
    "Confirm your email address for SalesMix",
    [
      `Hello ${name},`,
      "Confirm this address to finish creating your SalesMix account. The link signs you in.",
    ],
    [{ label: "Confirm my email address", url }],
    `The link works once, until ${until(expiresAt)}. ${NOT_YOU}`,
  );
}

/** Sign-up with an address that already has an account: how to get in, and nothing about the sign-up. */
export function alreadyRegisteredMessage(to: string, signInUrl: string, resetUrl: string, expiresAt: Date) {
  return message(
    to,
    "You already have a SalesMix account",
    [
      "Someone (probably you) tried to create a SalesMix account with this address, which already has one. No new account was created.",
      "Sign in with your password, or set a new one if you have forgotten it.",
    ],
    [
      { label: "Sign in", url: signInUrl },
      { label: "Set a new password", url: resetUrl },
    ],
    `The password link works once, until ${until(expiresAt)}. ${NOT_YOU}`,
  );
}

export function resetPasswordMessage(to: string, url: string, expiresAt: Date) {
  return message(
    to,
    "Reset your SalesMix password",
    [
      "Someone (probably you) asked to reset the password of the SalesMix account for this address.",
      "Choosing a new password signs you out on every device.",
    ],
    [{ label: "Choose a new password", url }],
    `The link works once, until ${until(expiresAt)}. ${NOT_YOU}`,
  );
}

export function signInLinkMessage(to: string, url: string, expiresAt: Date) {
  return message(
    to,
    "Your SalesMix sign-in link",
    [
      "Sign-in with a password is paused for this account after too many wrong attempts, or you asked for a link.",
      "This link signs you in without the password.",
    ],
    [{ label: "Sign in to SalesMix", url }],
    `The link works once, until ${until(expiresAt)}. If you did not ask for it, someone may be guessing your password: change it in your account settings after signing in.`,
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
