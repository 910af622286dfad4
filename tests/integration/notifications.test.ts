/**
 * Email digests with real parts: a real SMTP server in the test receives the upload email and the reminder that the
 * app's own job worker sends from the jobs table; their one-click unsubscribe links are followed the way a mail
 * client (POST, no session) and a person (GET, then the confirm button) follow them; a tampered or malformed link
 * changes nothing; a restart in the middle of a retry sends each email once.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import fs from "node:fs";
import path from "node:path";
import { and, eq, sql } from "drizzle-orm";
import { TRPCError } from "@trpc/server";
import { createDurableTestDatabase, createTestDatabase } from "../helpers/db";
import { parseMessage, startSmtpServer, type ReceivedMail } from "../helpers/smtp";
import type { Database, DatabaseHandle } from "@/server/db/client";

const fixtureCsv = fs.readFileSync(path.join(__dirname, "../fixtures/team-small.csv"));
/** The same team without one outside rep: the mix moves between the two uploads. */
const smallerCsv = Buffer.from(
  fixtureCsv
    .toString("utf8")
    .split("\n")
    .filter((line) => !line.startsWith("Cleo Park,"))
    .join("\n"),
  "utf8",
);
const REP_NAMES = ["Ana Ruiz", "Ben Ode", "Cleo Park", "Dev Shah", "Eve Lin"];
const REP_EMAILS = ["ana@acme.test", "ben@acme.test", "cleo@acme.test"];

let smtpDown = false;
let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
let handle: DatabaseHandle;
const saved = { SMTP_URL: process.env.SMTP_URL, APP_URL: process.env.APP_URL };
let app: {
  callers: typeof import("../helpers/callers");
  worker: typeof import("@/server/jobs/worker");
  handlers: typeof import("@/server/jobs/handlers");
  schedule: typeof import("@/server/jobs/schedule");
  digest: typeof import("@/server/notify/digest-queue");
  reminders: typeof import("@/server/notify/reminders");
  http: typeof import("@/server/notify/unsubscribe-http");
  tenant: typeof import("@/server/db/tenant");
  importTeam: typeof import("@/server/imports/import-team").importTeam;
  schema: typeof import("@/server/db/schema");
};

beforeAll(async () => {
  // The app reads SMTP_URL and APP_URL once: every app module is imported after they are set.
  smtp = await startSmtpServer({ down: () => smtpDown });
  process.env.SMTP_URL = smtp.url;
  process.env.APP_URL = "https://salesmix.test";
  handle = await createTestDatabase({ role: "salesmix_app" });
  app = {
    callers: await import("../helpers/callers"),
    worker: await import("@/server/jobs/worker"),
    handlers: await import("@/server/jobs/handlers"),
    schedule: await import("@/server/jobs/schedule"),
    digest: await import("@/server/notify/digest-queue"),
    reminders: await import("@/server/notify/reminders"),
    http: await import("@/server/notify/unsubscribe-http"),
    tenant: await import("@/server/db/tenant"),
    importTeam: (await import("@/server/imports/import-team")).importTeam,
    schema: await import("@/server/db/schema"),
  };
});
afterAll(async () => {
  await handle.close();
  await smtp.close();
  for (const [k, v] of Object.entries(saved)) {
    if (v === undefined) delete process.env[k];
    else process.env[k] = v;
  }
});

type Tenant = Awaited<ReturnType<typeof import("../helpers/callers").newTenant>>;

/** A member with `role`, added inside the organization's transaction as the app does (RLS is on). */
async function addMemberTo(db: Database, organizationId: string, role: "admin" | "analyst" | "viewer") {
  const { users, memberships } = app.schema;
  const email = `${role}-${Math.random().toString(36).slice(2)}@example.com`;
  const [user] = await db
    .insert(users)
    .values({ email, name: `${role} user`, passwordHash: "x" })
    .returning();
  await app.tenant.withTenant(db, organizationId, (tx) =>
    tx.insert(memberships).values({ organizationId, userId: user!.id, role }),
  );
  const sessionUser = { id: user!.id, email, name: user!.name, sessionId: "test" };
  return { user: sessionUser, caller: app.callers.callerFor(db, sessionUser) };
}

async function upload(db: Database, t: Tenant, asOf: string, bytes: Buffer = fixtureCsv) {
  const { organizations } = app.schema;
  const [org] = await db.select().from(organizations).where(eq(organizations.id, t.org.id));
  return app.importTeam(db, {
    organization: org!,
    role: "owner",
    actor: { kind: "user", userId: t.user.id, label: t.user.email },
    bytes,
    options: { asOf, period: "Q3", fileName: `team-${asOf}.csv`, allowDuplicate: true },
  });
}

function worker(db: Database) {
  return app.worker.createWorker({
    db,
    manual: true,
    baseBackoffMs: 50,
    handlers: app.handlers.appJobHandlers(),
  });
}
async function drain(db: Database) {
  const w = worker(db);
  let ran = 0;
  for (let n = await w.runOnce(); n > 0; n = await w.runOnce()) ran += n;
  return ran;
}

const mailsTo = (to: string) => smtp.inbox.filter((m: ReceivedMail) => m.envelopeTo.includes(to));
const unsubscribeUrlOf = (mail: ReceivedMail) => {
  const header = parseMessage(mail.raw).headers.get("list-unsubscribe") ?? "";
  return /^<(.+)>$/.exec(header)?.[1] ?? "";
};
const settingsOf = (t: { caller: Tenant["caller"] }, slug: string) =>
  t.caller.notifications.get({ orgSlug: slug });
const oneClick = (url: string) =>
  app.http.unsubscribePost(
    handle.db,
    new Request(url, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: "List-Unsubscribe=One-Click",
    }),
  );

/** A copy of a signed link with one character of its token changed at `at` (negative: from the end). */
function tamper(url: string, at: number) {
  const u = new URL(url);
  const token = u.searchParams.get("token") ?? "";
  const i = at < 0 ? token.length + at : at;
  const swapped = token[i] === "A" ? "B" : "A";
  u.searchParams.set("token", token.slice(0, i) + swapped + token.slice(i + 1));
  return u.toString();
}

describe("upload digest", () => {
  let owner: Tenant;
  let viewer: Awaited<ReturnType<typeof addMemberTo>>;
  let analyst: Awaited<ReturnType<typeof addMemberTo>>;

  beforeAll(async () => {
    owner = await app.callers.newTenant(handle.db, "digest");
    viewer = await addMemberTo(handle.db, owner.org.id, "viewer");
    analyst = await addMemberTo(handle.db, owner.org.id, "analyst");
  });

  it("starts off; each member turns it on for themselves only; bad input is refused and changes nothing", async () => {
    const slug = owner.org.slug;
    expect(await settingsOf(owner, slug)).toEqual({
      uploadDigest: false,
      reminderDays: null,
      email: owner.user.email,
    });
    await owner.caller.notifications.update({ orgSlug: slug, uploadDigest: true });
    await viewer.caller.notifications.update({ orgSlug: slug, uploadDigest: true });
    expect(await settingsOf(owner, slug)).toMatchObject({ uploadDigest: true, reminderDays: null });
    expect(await settingsOf(analyst, slug)).toMatchObject({ uploadDigest: false });

    for (const [reminderDays, message] of [
      [3, "from 7 to 365"],
      [400, "from 7 to 365"],
      [12.5, "whole number"],
    ] as const) {
      const refused = await owner.caller.notifications
        .update({ orgSlug: slug, uploadDigest: false, reminderDays })
        .catch((e: unknown) => e);
      expect(refused).toBeInstanceOf(TRPCError);
      expect((refused as TRPCError).code).toBe("BAD_REQUEST");
      expect((refused as TRPCError).message).toContain(message);
    }
    const empty = await owner.caller.notifications.update({ orgSlug: slug }).catch((e: unknown) => e);
    expect((empty as TRPCError).code).toBe("BAD_REQUEST");
    // None of the refused changes touched the digest.
    expect(await settingsOf(owner, slug)).toMatchObject({ uploadDigest: true, reminderDays: null });
  });

  it("emails each member who chose it once per upload: the mix change, the largest gaps, a link; no rep data", async () => {
    const first = await upload(handle.db, owner, "2026-09-01");
    await drain(handle.db);
    const [firstMail] = mailsTo(owner.user.email);
    expect(mailsTo(owner.user.email)).toHaveLength(1);
    const firstMessage = parseMessage(firstMail!.raw);
    expect(firstMessage.headers.get("subject")).toContain("New team upload in");
    expect(firstMessage.text).toContain("This is the first upload");

    const second = await upload(handle.db, owner, "2026-10-01", smallerCsv);
    await drain(handle.db);
    expect(mailsTo(owner.user.email)).toHaveLength(2);
    expect(mailsTo(viewer.user.email)).toHaveLength(2);
    expect(mailsTo(analyst.user.email)).toHaveLength(0);

    const parsed = parseMessage(mailsTo(owner.user.email)[1]!.raw);
    const mail = { ...parsed, text: parsed.text.replaceAll("\r\n", "\n") };
    expect(mail.headers.get("subject")).toContain("as of 2026-10-01");
    expect(mail.text).toContain("4 reps as of 2026-10-01");
    // The mix change against the previous upload, from the comparison of the two.
    expect(mail.text).toContain(
      "Since the upload of 2026-09-01: 0 reps joined, 1 left, 0 changed role, 0 changed team; the inside share moved from 50% to 62.5%.",
    );
    expect(mail.text).toContain("Your inside share is 62.5%");
    expect(mail.text).toMatch(/article figures: mix\./);
    expect(mail.text).toMatch(/The largest gaps?:|Every other compared figure/);
    expect(mail.text).toContain(`https://salesmix.test/o/${owner.org.slug}\n`);
    expect(mail.html).toContain(`href="https://salesmix.test/o/${owner.org.slug}"`);
    for (const secret of [...REP_NAMES, ...REP_EMAILS]) {
      expect(mail.text).not.toContain(secret);
      expect(mail.html).not.toContain(secret);
    }
    // RFC 8058 one-click unsubscribe, and the same signed link in the body.
    const url = unsubscribeUrlOf(mailsTo(owner.user.email)[1]!);
    expect(url).toMatch(/^https:\/\/salesmix\.test\/api\/unsubscribe\?token=u1\.[^>\s]+$/);
    expect(mail.headers.get("list-unsubscribe-post")).toBe("List-Unsubscribe=One-Click");
    expect(mail.text).toContain(`Unsubscribe from these emails: ${url}`);

    // The same upload event again (a replay) queues nothing and sends nothing.
    for (const snapshotId of [first.snapshotId, second.snapshotId]) {
      const again = await app.tenant.withTenant(handle.db, owner.org.id, (tx) =>
        app.digest.enqueueUploadDigests(tx, owner.org.id, snapshotId),
      );
      expect(again).toBe(0);
    }
    expect(await drain(handle.db)).toBe(0);
    expect(mailsTo(owner.user.email)).toHaveLength(2);
  });

  it("a tampered or malformed unsubscribe link is refused and changes nothing", async () => {
    const url = unsubscribeUrlOf(mailsTo(owner.user.email)[1]!);
    const token = new URL(url).searchParams.get("token")!;
    const viewerId = viewer.user.id;
    const otherUser = token.replace(owner.user.id, viewerId);
    const otherKind = token.replace(".upload.", ".reminder.");
    const bad = [
      tamper(url, -5), // the signature
      tamper(url, 5), // the user id
      `https://salesmix.test/api/unsubscribe?token=${encodeURIComponent(otherUser)}`,
      `https://salesmix.test/api/unsubscribe?token=${encodeURIComponent(otherKind)}`,
      `https://salesmix.test/api/unsubscribe?token=${encodeURIComponent(token.slice(0, -10))}`,
      "https://salesmix.test/api/unsubscribe?token=not-a-token",
      "https://salesmix.test/api/unsubscribe",
    ];
    for (const link of bad) {
      for (const res of [await oneClick(link), await app.http.unsubscribeGet(handle.db, new Request(link))]) {
        expect(res.status).toBe(400);
        const body = await res.text();
        expect(body).toContain("This unsubscribe link is not valid");
        expect(body).toContain("nothing was changed");
      }
    }
    expect(await settingsOf(owner, owner.org.slug)).toMatchObject({ uploadDigest: true });
    expect(await settingsOf(viewer, owner.org.slug)).toMatchObject({ uploadDigest: true });
  });

  it("one click (a POST without a session) unsubscribes that member from that email only", async () => {
    const url = unsubscribeUrlOf(mailsTo(owner.user.email)[1]!);
    const res = await oneClick(url);
    expect(res.status).toBe(200);
    expect(await res.text()).toContain("You will no longer receive the email when a new team upload lands");
    expect(await settingsOf(owner, owner.org.slug)).toMatchObject({ uploadDigest: false });
    expect(await settingsOf(viewer, owner.org.slug)).toMatchObject({ uploadDigest: true });
    // Again: nothing left to change, and it says so.
    const again = await oneClick(url);
    expect(again.status).toBe(200);
    expect(await again.text()).toContain("nothing needed to change");
  });

  it("GET shows a confirm page and changes nothing; its button unsubscribes", async () => {
    const url = unsubscribeUrlOf(mailsTo(viewer.user.email)[1]!);
    const page = await app.http.unsubscribeGet(handle.db, new Request(url));
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain(`Stop the email when a new team upload lands from ${owner.org.name}?`);
    expect(html).toMatch(
      /<form method="post"><input type="hidden" name="List-Unsubscribe" value="One-Click">/,
    );
    expect(html).toContain('<meta name="robots" content="noindex">');
    // In the reader's language (no session: the browser's Accept-Language).
    const zh = await app.http.unsubscribeGet(
      handle.db,
      new Request(url, { headers: { "accept-language": "zh-CN" } }),
    );
    const zhHtml = await zh.text();
    expect(zhHtml).toContain('<html lang="zh-CN">');
    expect(zhHtml).toContain(`停止接收来自 ${owner.org.name} 的有新的团队上传时的邮件？`);
    expect(await settingsOf(viewer, owner.org.slug)).toMatchObject({ uploadDigest: true });
    // The button posts the form to the page's own URL.
    const form = new URLSearchParams({ "List-Unsubscribe": "One-Click" });
    const done = await app.http.unsubscribePost(
      handle.db,
      new Request(url, {
        method: "POST",
        headers: { "content-type": "application/x-www-form-urlencoded" },
        body: form.toString(),
      }),
    );
    expect(done.status).toBe(200);
    expect(await settingsOf(viewer, owner.org.slug)).toMatchObject({ uploadDigest: false });

    // The next upload reaches nobody.
    await upload(handle.db, owner, "2026-11-01");
    await drain(handle.db);
    expect(mailsTo(owner.user.email)).toHaveLength(2);
    expect(mailsTo(viewer.user.email)).toHaveLength(2);
  });
});

describe("stale-upload reminder", () => {
  it("reminds once per period of the chosen days; the daily sweep runs once however many processes offer it", async () => {
    const t = await app.callers.newTenant(handle.db, "remind");
    const member = await addMemberTo(handle.db, t.org.id, "viewer");
    await t.caller.notifications.update({ orgSlug: t.org.slug, reminderDays: 7 });
    await member.caller.notifications.update({ orgSlug: t.org.slug, reminderDays: 30 });
    const { snapshotId } = await upload(handle.db, t, "2026-09-01");
    const age = (days: number) =>
      app.tenant.withTenant(handle.db, t.org.id, (tx) =>
        tx
          .update(app.schema.teamSnapshots)
          .set({ createdAt: sql`now() - make_interval(days => ${days})` })
          .where(
            and(
              eq(app.schema.teamSnapshots.organizationId, t.org.id),
              eq(app.schema.teamSnapshots.id, snapshotId),
            ),
          ),
      );

    // A fresh upload: nothing is due.
    expect(await app.schedule.queueDailyJobs(handle.db)).toBe(1);
    await drain(handle.db);
    expect(mailsTo(t.user.email)).toHaveLength(0);

    // Ten days later. Two processes offer tomorrow's sweep: one job, one sweep, one reminder.
    await age(10);
    const tomorrow = new Date(Date.now() + 86_400_000);
    expect(await app.schedule.queueDailyJobs(handle.db, tomorrow)).toBe(1);
    expect(await app.schedule.queueDailyJobs(handle.db, tomorrow)).toBe(0);
    await drain(handle.db);
    expect(mailsTo(t.user.email)).toHaveLength(1);
    expect(mailsTo(member.user.email)).toHaveLength(0); // 30 days not reached
    const mail = parseMessage(mailsTo(t.user.email)[0]!.raw);
    expect(mail.headers.get("subject")).toBe(`${t.org.name}: the last team upload is 10 days old`);
    expect(mail.text).toContain("data as of 2026-09-01");
    expect(mail.text).toContain(`https://salesmix.test/o/${t.org.slug}/imports/new`);
    expect(mail.headers.get("list-unsubscribe-post")).toBe("List-Unsubscribe=One-Click");
    const url = unsubscribeUrlOf(mailsTo(t.user.email)[0]!);
    expect(url).toContain(".reminder.");

    // The sweep again in the same period (another day, a retry): nothing new.
    await app.reminders.reminderSweepJob(handle.db);
    await drain(handle.db);
    expect(mailsTo(t.user.email)).toHaveLength(1);

    // The second period of seven days: one more.
    await age(15);
    await app.reminders.reminderSweepJob(handle.db);
    await app.reminders.reminderSweepJob(handle.db);
    await drain(handle.db);
    expect(mailsTo(t.user.email)).toHaveLength(2);

    // The reminder's link stops the reminder (and only it); later sweeps send nothing.
    await t.caller.notifications.update({ orgSlug: t.org.slug, uploadDigest: true });
    expect((await oneClick(url)).status).toBe(200);
    expect(await settingsOf(t, t.org.slug)).toMatchObject({ uploadDigest: true, reminderDays: null });
    await age(40);
    await app.reminders.reminderSweepJob(handle.db);
    await drain(handle.db);
    expect(mailsTo(t.user.email)).toHaveLength(2);
    expect(mailsTo(member.user.email)).toHaveLength(1); // 40 days ≥ 30: the member's first
  });

  it("a reminder queued before a new upload landed is not sent", async () => {
    const t = await app.callers.newTenant(handle.db, "fresh");
    await t.caller.notifications.update({ orgSlug: t.org.slug, reminderDays: 7 });
    const { snapshotId } = await upload(handle.db, t, "2026-09-01");
    await app.tenant.withTenant(handle.db, t.org.id, (tx) =>
      tx
        .update(app.schema.teamSnapshots)
        .set({ createdAt: sql`now() - make_interval(days => 9)` })
        .where(eq(app.schema.teamSnapshots.id, snapshotId)),
    );
    const [org] = await handle.db
      .select()
      .from(app.schema.organizations)
      .where(eq(app.schema.organizations.id, t.org.id));
    expect(await app.reminders.queueDueReminders(handle.db, org!)).toBe(1);
    await upload(handle.db, t, "2026-10-01");
    await drain(handle.db);
    expect(mailsTo(t.user.email)).toHaveLength(0);
  });
});

describe("who receives", () => {
  it("before any upload, the reminder counts from the organization's creation", async () => {
    const t = await app.callers.newTenant(handle.db, "empty");
    await t.caller.notifications.update({ orgSlug: t.org.slug, reminderDays: 7 });
    const [org] = await handle.db
      .select()
      .from(app.schema.organizations)
      .where(eq(app.schema.organizations.id, t.org.id));
    expect(await app.reminders.queueDueReminders(handle.db, org!)).toBe(0);
    const eightDaysOn = new Date(Date.now() + 8 * 86_400_000);
    expect(await app.reminders.queueDueReminders(handle.db, org!, eightDaysOn)).toBe(1);
    expect(await app.reminders.queueDueReminders(handle.db, org!, eightDaysOn)).toBe(0);
    // The job checks the age when it runs (now: a day old), and the organization still has no upload.
    await drain(handle.db);
    const [mail] = mailsTo(t.user.email);
    expect(parseMessage(mail!.raw).headers.get("subject")).toBe(
      `${t.org.name}: no team has been uploaded yet`,
    );
  });

  it("a member who left receives nothing, even for a digest queued before they left", async () => {
    const t = await app.callers.newTenant(handle.db, "leaver");
    const member = await addMemberTo(handle.db, t.org.id, "analyst");
    await member.caller.notifications.update({ orgSlug: t.org.slug, uploadDigest: true });
    await upload(handle.db, t, "2026-09-01");
    await member.caller.members.leave({ orgSlug: t.org.slug });
    // The preference went with the membership.
    const left = await app.tenant.withTenant(handle.db, t.org.id, (tx) =>
      tx
        .select()
        .from(app.schema.notificationPreferences)
        .where(eq(app.schema.notificationPreferences.organizationId, t.org.id)),
    );
    expect(left).toEqual([]);
    await drain(handle.db);
    expect(mailsTo(member.user.email)).toHaveLength(0);
  });
});

describe("digest across a restart", () => {
  it("sends each member's digest once when the process stops in the middle of its retries", async () => {
    const durable = await createDurableTestDatabase();
    try {
      let life = await durable.open();
      const t = await app.callers.newTenant(life.db, "restart");
      await t.caller.notifications.update({ orgSlug: t.org.slug, uploadDigest: true });
      // First life: the mail server is down, so the digest waits for its retry.
      smtpDown = true;
      const { snapshotId } = await upload(life.db, t, "2026-09-01");
      const first = app.worker.createWorker({
        db: life.db,
        manual: true,
        baseBackoffMs: 60_000,
        handlers: app.handlers.appJobHandlers(),
      });
      expect(await first.runOnce()).toBe(1);
      await first.stop();
      await life.close();
      smtpDown = false;

      // Second life: the same data; the import's event is replayed; the backoff still holds, then it sends once.
      life = await durable.open();
      const replay = await app.tenant.withTenant(life.db, t.org.id, (tx) =>
        app.digest.enqueueUploadDigests(tx, t.org.id, snapshotId),
      );
      expect(replay).toBe(0);
      const key = app.digest.uploadDigestKey(snapshotId, t.user.id);
      const [waiting] = await life.db
        .select()
        .from(app.schema.jobs)
        .where(eq(app.schema.jobs.idempotencyKey, key));
      expect(waiting).toMatchObject({ status: "pending", attempts: 1 });
      expect(waiting!.lastError).toMatch(/451|Try again later/);
      const second = app.worker.createWorker({
        db: life.db,
        manual: true,
        handlers: app.handlers.appJobHandlers(),
      });
      expect(await second.runOnce()).toBe(0);
      await life.db.execute(sql`update jobs set run_at = now() where idempotency_key = ${key}`);
      expect(await second.runOnce()).toBe(1);
      expect(await second.runOnce()).toBe(0);
      expect(mailsTo(t.user.email)).toHaveLength(1);
      const [done] = await life.db
        .select()
        .from(app.schema.jobs)
        .where(eq(app.schema.jobs.idempotencyKey, key));
      expect(done).toMatchObject({ status: "done", attempts: 2 });
      await life.close();
    } finally {
      smtpDown = false;
      await durable.dispose();
    }
  });
});
