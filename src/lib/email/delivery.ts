/**
 * How mail leaves the app: over SMTP when SMTP_URL is set; otherwise, outside production, into the development
 * outbox (shown at /dev/outbox); in production without SMTP it is not sent at all and the UI hands the inviter
 * the link instead.
 */
export type EmailDelivery = "smtp" | "outbox" | "none";
