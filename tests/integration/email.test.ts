import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { AddressInfo } from "node:net";
import { SMTPServer } from "smtp-server";
import { eq } from "drizzle-orm";
import { createTestDatabase } from "../helpers/db";
import type { DatabaseHandle } from "@/server/db/client";
import { emailOutbox, invitations, memberships, users } from "@/server/db/schema";

/**
 * A real SMTP conversation: a local smtp-server on a random port receives what the app sends over nodemailer.
 * The app reads SMTP_URL once at start, so every app module is imported after the server is listening.
 */

interface Received {
  envelopeFrom: string;
  envelopeTo: string[];
  raw: string;
}
const inbox: Received[] = [];
const REFUSED = "bounce@example.com";

const smtp = new SMTPServer({
  authOptional: true,
  disabledCommands: ["STARTTLS"],
  logger: false,
  onRcptTo(address, _session, callback) {
    if (address.address === REFUSED)
      return callback(Object.assign(new Error("No such mailbox"), { responseCode: 550 }));
    callback();
  },
  onData(stream, session, callback) {
    const chunks: Buffer[] = [];
    stream.on("data", (c: Buffer) => chunks.push(c));
    stream.on("end", () => {
      inbox.push({
        envelopeFrom: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
        envelopeTo: session.envelope.rcptTo.map((r) => r.address),
        raw: Buffer.concat(chunks).toString("utf8"),
      });
      callback();
    });
  },
});

const saved = {
  SMTP_URL: process.env.SMTP_URL,
  APP_URL: process.env.APP_URL,
};
let handle: DatabaseHandle;
let app: {
  callers: typeof import("../helpers/callers");
  email: typeof import("@/server/email");
};

beforeAll(async () => {
  await new Promise<void>((resolve) => smtp.listen(0, "127.0.0.1", resolve));
  const { port } = smtp.server.address() as AddressInfo;
  process.env.SMTP_URL = `smtp://127.0.0.1:${port}`;
  process.env.APP_URL = "https://salesmix.test";
  handle = await createTestDatabase();
  app = { callers: await import("../helpers/callers"), email: await import("@/server/email") };
});

afterAll(async () => {
  await handle.close();
  await new Promise<void>((resolve) => smtp.close(resolve));
  for (const [k, v] of Object.entries(saved)) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
});

/** Just enough MIME for nodemailer's output: unfolded headers and decoded text/plain and text/html parts. */
function parseMessage(raw: string) {
  const [head = "", ...rest] = raw.split("\r\n\r\n");
  const body = rest.join("\r\n\r\n");
  const headers = new Map<string, string>();
  for (const line of head.replace(/\r\n[ \t]+/g, " ").split("\r\n")) {
    const i = line.indexOf(":");
    headers.set(line.slice(0, i).toLowerCase(), line.slice(i + 1).trim());
  }
  const boundary = /boundary="?([^";]+)"?/.exec(headers.get("content-type") ?? "")?.[1];
  const parts: Record<string, string> = {};
  for (const part of boundary ? body.split(`--${boundary}`) : []) {
    const [partHead = "", ...partRest] = part.replace(/^\r\n/, "").split("\r\n\r\n");
    const type = /content-type:\s*([^;\r\n]+)/i.exec(partHead)?.[1]?.trim();
    if (!type) continue;
    const encoding = /content-transfer-encoding:\s*(\S+)/i.exec(partHead)?.[1]?.toLowerCase();
    const content = partRest.join("\r\n\r\n");
    parts[type] =
      encoding === "base64"
        ? Buffer.from(content.replace(/\s+/g, ""), "base64").toString("utf8")
        : encoding === "quoted-printable"
          ? Buffer.from(
              content
                .replace(/=\r\n/g, "")
                .replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))),
              "latin1",
            ).toString("utf8")
          : content;
  }
  return { headers, text: parts["text/plain"] ?? "", html: parts["text/html"] ?? "" };
}

async function waitForMail(to: string) {
  for (let i = 0; i < 100; i++) {
    const found = inbox.find((m) => m.envelopeTo.includes(to));
    if (found) return found;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`no mail for ${to}`);
}

describe("invitation email over SMTP", () => {
  it("arrives with the recipient, subject, who/what/role/expiry, and a link that works", async () => {
    const { newTenant, callerFor } = app.callers;
    expect(app.email.emailDeliveryMode()).toBe("smtp");
    const owner = await newTenant(handle.db, "mailer");
    const to = "new.colleague@example.com";
    const { results } = await owner.caller.invitations.create({
      orgSlug: owner.org.slug,
      emails: [to],
      role: "analyst",
    });
    // Delivered by email, so the inviter is not handed the link.
    expect(results).toEqual([
      expect.objectContaining({ email: to, status: "sent", delivery: "smtp", inviteUrl: null }),
    ]);

    const mail = await waitForMail(to);
    expect(mail.envelopeTo).toEqual([to]);
    expect(mail.envelopeFrom).toBe("no-reply@salesmix.local");
    const message = parseMessage(mail.raw);
    expect(message.headers.get("to")).toBe(to);
    expect(message.headers.get("subject")).toBe(
      `${owner.user.name} invited you to ${owner.org.name} on SalesMix`,
    );
    expect(message.headers.get("content-type")).toMatch(/multipart\/alternative/);

    for (const body of [message.text, message.html]) {
      expect(body).toContain(owner.user.name);
      expect(body).toContain(owner.user.email);
      expect(body).toContain(owner.org.name);
      expect(body).toContain("Analyst");
      expect(body).toMatch(/expires on \w+day, \w+ \d{1,2}, \d{4}/);
    }
    const link = /https:\/\/salesmix\.test\/invite\/[A-Za-z0-9_-]{43}/.exec(message.text)?.[0];
    expect(link).toBeDefined();
    expect(message.html).toContain(`href="${link}"`);
    // Nothing went to the development outbox.
    expect(await handle.db.select().from(emailOutbox).where(eq(emailOutbox.to, to))).toHaveLength(0);

    // The link works: it previews the invitation and signs the colleague up into the org.
    const token = new URL(link ?? "").pathname.split("/")[2] ?? "";
    const anonymous = callerFor(handle.db, null, "198.51.100.9");
    expect(await anonymous.invitations.preview({ token })).toMatchObject({
      status: "pending",
      email: to,
      role: "analyst",
      organization: { name: owner.org.name },
    });
    const joined = await anonymous.invitations.signUp({
      token,
      name: "New Colleague",
      password: "colleague-pass-1",
    });
    expect(joined.organizationSlug).toBe(owner.org.slug);
    const [user] = await handle.db.select().from(users).where(eq(users.email, to));
    const [member] = await handle.db
      .select()
      .from(memberships)
      .where(eq(memberships.userId, user?.id ?? ""));
    expect(member).toMatchObject({ organizationId: owner.org.id, role: "analyst" });
  });

  it("a resend sends a second email whose link replaces the first", async () => {
    const { newTenant, callerFor } = app.callers;
    const owner = await newTenant(handle.db, "resender");
    const to = "twice@example.com";
    const { results } = await owner.caller.invitations.create({
      orgSlug: owner.org.slug,
      emails: [to],
      role: "viewer",
    });
    const first = parseMessage((await waitForMail(to)).raw).text;
    inbox.splice(0, inbox.length);
    const id = results[0]?.status === "sent" ? results[0].invitationId : "";
    await owner.caller.invitations.resend({ orgSlug: owner.org.slug, invitationId: id });
    const second = parseMessage((await waitForMail(to)).raw).text;
    const linkOf = (text: string) => /\/invite\/([A-Za-z0-9_-]{43})/.exec(text)?.[1] ?? "";
    expect(linkOf(second)).not.toBe(linkOf(first));
    const anonymous = callerFor(handle.db, null);
    expect((await anonymous.invitations.preview({ token: linkOf(first) })).status).toBe("invalid");
    expect((await anonymous.invitations.preview({ token: linkOf(second) })).status).toBe("pending");
  });

  it("when the mail server refuses, the invitation still exists and the inviter gets the link to copy", async () => {
    const { newTenant } = app.callers;
    const owner = await newTenant(handle.db, "refused");
    const { results } = await owner.caller.invitations.create({
      orgSlug: owner.org.slug,
      emails: [REFUSED],
      role: "viewer",
    });
    expect(results[0]).toMatchObject({ status: "sent", delivery: "failed" });
    expect(results[0]?.status === "sent" && results[0].inviteUrl).toMatch(
      /^https:\/\/salesmix\.test\/invite\//,
    );
    expect(await handle.db.select().from(invitations).where(eq(invitations.email, REFUSED))).toHaveLength(1);
  });
});

describe("without SMTP", () => {
  it("in production nothing is stored or sent, and the inviter gets the link to copy", async () => {
    vi.resetModules();
    delete process.env.SMTP_URL;
    vi.stubEnv("NODE_ENV", "production");
    try {
      const email = await import("@/server/email");
      const { newTenant } = await import("../helpers/callers");
      expect(email.emailDeliveryMode()).toBe("none");
      const owner = await newTenant(handle.db, "prod");
      const to = "prod-invitee@example.com";
      const { results } = await owner.caller.invitations.create({
        orgSlug: owner.org.slug,
        emails: [to],
        role: "viewer",
      });
      expect(results[0]).toMatchObject({ status: "sent", delivery: "none" });
      expect(results[0]?.status === "sent" && results[0].inviteUrl).toMatch(/\/invite\/[A-Za-z0-9_-]{43}$/);
      expect(await handle.db.select().from(emailOutbox)).toHaveLength(0);
      expect(inbox.some((m) => m.envelopeTo.includes(to))).toBe(false);
    } finally {
      vi.unstubAllEnvs();
    }
  });

  it("outside production the message lands in the development outbox", async () => {
    vi.resetModules();
    delete process.env.SMTP_URL;
    const email = await import("@/server/email");
    const { newTenant } = await import("../helpers/callers");
    expect(email.emailDeliveryMode()).toBe("outbox");
    const owner = await newTenant(handle.db, "dev");
    const to = "dev-invitee@example.com";
    const { results } = await owner.caller.invitations.create({
      orgSlug: owner.org.slug,
      emails: [to],
      role: "viewer",
    });
    expect(results[0]).toMatchObject({ status: "sent", delivery: "outbox" });
    const [row] = await handle.db.select().from(emailOutbox).where(eq(emailOutbox.to, to));
    expect(row?.subject).toContain(owner.org.name);
    expect(row?.html).toContain("<a href=");
    expect(row?.text).toContain(results[0]?.status === "sent" ? results[0].inviteUrl : "missing");
  });
});
