import "server-only";
import nodemailer from "nodemailer";
import { env } from "@/env";
import { emailOutbox } from "../db/schema";
import type { Db } from "../db/client";
import { processState } from "../state";
import type { EmailDelivery } from "@/lib/email/delivery";

export interface EmailMessage {
  to: string;
  subject: string;
  text: string;
  html: string;
  /** Extra headers (e.g. List-Unsubscribe); the development outbox keeps only the message itself. */
  headers?: Record<string, string>;
}

export type { EmailDelivery } from "@/lib/email/delivery";

export function emailDeliveryMode(): EmailDelivery {
  if (env.SMTP_URL) return "smtp";
  return env.NODE_ENV === "production" ? "none" : "outbox";
}

/** One SMTP transport (and its pooled connections) per process and URL, in src/server/state.ts. */
function smtpTransporter(url: string) {
  const state = processState();
  if (state.smtp?.url !== url) state.smtp = { url, transporter: nodemailer.createTransport(url) };
  return state.smtp.transporter;
}

/** Sends one message the configured way and says which way it went. SMTP failures reject. */
export async function sendEmail(db: Db, message: EmailMessage): Promise<EmailDelivery> {
  const mode = emailDeliveryMode();
  if (mode === "smtp" && env.SMTP_URL) {
    await smtpTransporter(env.SMTP_URL).sendMail({ from: env.MAIL_FROM, ...message });
    return "smtp";
  }
  if (mode === "outbox") {
    const { to, subject, text, html } = message;
    await db.insert(emailOutbox).values({ to, subject, text, html });
    return "outbox";
  }
  return "none";
}

/**
 * The absolute base for links in emails: APP_URL when set (recommended in production, so links never depend
 * on a request's Host header), else the origin the request came to.
 */
export function appBaseUrl(headers?: Headers): string {
  if (env.APP_URL) return env.APP_URL.replace(/\/+$/, "");
  const host = headers?.get("x-forwarded-host") ?? headers?.get("host");
  if (host) {
    const proto = headers?.get("x-forwarded-proto")?.split(",")[0]?.trim() || "http";
    return `${proto}://${host}`;
  }
  return "http://localhost:3000";
}

/** Escapes text for an HTML body. */
export function escapeHtml(value: string): string {
  return value
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;")
    .replaceAll("'", "&#39;");
}
