import fs from "node:fs";
import path from "node:path";

/**
 * The emails the app sent over SMTP during this run: scripts/e2e.mjs runs a real SMTP server (smtp-server) and
 * points the app's SMTP_URL at it; each message received is a file in E2E_MAIL_DIR.
 */
interface Received {
  to: string[];
  raw: string;
}

function mailDir(): string {
  const dir = process.env.E2E_MAIL_DIR;
  if (!dir) throw new Error("E2E_MAIL_DIR is not set: run the browser tests with `node scripts/e2e.mjs`");
  return dir;
}

/** The message's text with quoted-printable soft line breaks and escapes undone (enough for links and subjects). */
function decoded(raw: string): string {
  return raw
    .replace(/=\r?\n/g, "")
    .replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}

/** Waits for the newest email to `to` whose subject contains `subject`, and returns its decoded source. */
export async function waitForMail(to: string, subject: string, timeoutMs = 15_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const names = fs
      .readdirSync(mailDir())
      .filter((n) => n.endsWith(".json"))
      .sort()
      .reverse();
    for (const name of names) {
      const mail = JSON.parse(fs.readFileSync(path.join(mailDir(), name), "utf8")) as Received;
      if (!mail.to.includes(to)) continue;
      const text = decoded(mail.raw);
      const subjectLine = /^Subject: (.*)$/m.exec(text.replace(/\r?\n[ \t]+/g, " "))?.[1] ?? "";
      if (subjectLine.includes(subject)) return text;
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`no email to ${to} with subject "${subject}" within ${timeoutMs} ms`);
}

/** The first link in an email whose path starts with `pathPrefix` (e.g. "/verify-email/"). */
export function linkIn(mail: string, pathPrefix: string): string {
  const escaped = pathPrefix.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const found = new RegExp(`https?://[^\\s"<>]+${escaped}[A-Za-z0-9_-]+`).exec(mail)?.[0];
  if (!found) throw new Error(`no ${pathPrefix} link in the email`);
  return found;
}

export async function mailLink(to: string, subject: string, pathPrefix: string): Promise<string> {
  return linkIn(await waitForMail(to, subject), pathPrefix);
}

/** Waits for the newest email to `to` and returns it as received (headers and body still MIME-encoded). */
export async function waitForRawMail(to: string, timeoutMs = 15_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const names = fs
      .readdirSync(mailDir())
      .filter((n) => n.endsWith(".json"))
      .sort()
      .reverse();
    for (const name of names) {
      const mail = JSON.parse(fs.readFileSync(path.join(mailDir(), name), "utf8")) as Received;
      if (mail.to.includes(to)) return mail.raw;
    }
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error(`no email to ${to} within ${timeoutMs} ms`);
}
