import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { eq } from "drizzle-orm";
import { createTestDatabase } from "../helpers/db";
import { parseMessage, startSmtpServer, type ReceivedMail } from "../helpers/smtp";
import type { DatabaseHandle } from "@/server/db/client";
import { emailOutbox, invitations, memberships, users } from "@/server/db/schema";

/**
 * A real SMTP conversation: a local smtp-server on a random port receives what the app sends over nodemailer.
 * The app reads SMTP_URL once at start, so every app module is imported after the server is listening.
 */

const REFUSED = "bounce@example.com";
let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
let inbox: ReceivedMail[] = [];

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
  smtp = await startSmtpServer({ refuse: [REFUSED] });
  inbox = smtp.inbox;
  process.env.SMTP_URL = smtp.url;
  process.env.APP_URL = "https://salesmix.test";
  handle = await createTestDatabase();
  app = { callers: await import("../helpers/callers"), email: await import("@/server/email") };
});

afterAll(async () => {
  await handle.close();
  await smtp.close();
  for (const [k, v] of Object.entries(saved)) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
});

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
