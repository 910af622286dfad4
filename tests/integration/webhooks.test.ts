/**
 * Webhooks end to end with real parts: a real HTTP server in the test receives the deliveries and checks their
 * signatures with the verification code of docs/api.md, a real SMTP server receives the notice when an endpoint is
 * disabled, and the app's own job worker sends everything from the jobs table.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createHmac, timingSafeEqual } from "node:crypto";
import http from "node:http";
import fs from "node:fs";
import path from "node:path";
import type { AddressInfo } from "node:net";
import { and, eq } from "drizzle-orm";
import { TRPCError } from "@trpc/server";
import { createTestDatabase } from "../helpers/db";
import { startSmtpServer, parseMessage } from "../helpers/smtp";
import type { DatabaseHandle } from "@/server/db/client";

// ---- The receiver's verification code, exactly as docs/api.md gives it. ----
function verifySalesMixSignature(secret: string, rawBody: string, header: string, toleranceSeconds = 300) {
  const parts = Object.fromEntries(header.split(",").map((p) => p.split("=", 2) as [string, string]));
  const timestamp = Number(parts.t);
  if (!Number.isInteger(timestamp) || Math.abs(Date.now() / 1000 - timestamp) > toleranceSeconds)
    return false;
  const expected = createHmac("sha256", secret).update(`${timestamp}.${rawBody}`).digest();
  const given = Buffer.from(parts.v1 ?? "", "hex");
  return given.length === expected.length && timingSafeEqual(given, expected);
}
// ----

interface Hit {
  path: string;
  headers: http.IncomingHttpHeaders;
  body: string;
}
const hits: Hit[] = [];
/** What the receiver answers next, per path (default 200). */
const script = new Map<string, number[]>();
const receiver = http.createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on("data", (c: Buffer) => chunks.push(c));
  req.on("end", () => {
    const p = req.url ?? "/";
    hits.push({ path: p, headers: req.headers, body: Buffer.concat(chunks).toString("utf8") });
    if (p.startsWith("/moved")) {
      res.writeHead(301, { Location: `http://127.0.0.1:${port}/elsewhere` }).end();
      return;
    }
    const status = script.get(p)?.shift() ?? 200;
    res.writeHead(status, { "Content-Type": "text/plain" }).end(status === 200 ? "ok" : "receiver error");
  });
});
let port = 0;
const fixtureCsv = fs.readFileSync(path.join(__dirname, "../fixtures/team-small.csv"));

let handle: DatabaseHandle;
let smtp: Awaited<ReturnType<typeof startSmtpServer>>;
const saved = { SMTP_URL: process.env.SMTP_URL };
let app: {
  callers: typeof import("../helpers/callers");
  worker: typeof import("@/server/jobs/worker");
  handlers: typeof import("@/server/jobs/handlers");
  deliver: typeof import("@/server/webhooks/deliver");
  service: typeof import("@/server/webhooks/service");
  importTeam: typeof import("@/server/imports/import-team").importTeam;
  schema: typeof import("@/server/db/schema");
};

beforeAll(async () => {
  await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
  port = (receiver.address() as AddressInfo).port;
  smtp = await startSmtpServer();
  process.env.SMTP_URL = smtp.url;
  handle = await createTestDatabase({ role: "salesmix_app" });
  app = {
    callers: await import("../helpers/callers"),
    worker: await import("@/server/jobs/worker"),
    handlers: await import("@/server/jobs/handlers"),
    deliver: await import("@/server/webhooks/deliver"),
    service: await import("@/server/webhooks/service"),
    importTeam: (await import("@/server/imports/import-team")).importTeam,
    schema: await import("@/server/db/schema"),
  };
});
afterAll(async () => {
  await handle.close();
  await smtp.close();
  await new Promise<void>((resolve) => receiver.close(() => resolve()));
  if (saved.SMTP_URL === undefined) delete process.env.SMTP_URL;
  else process.env.SMTP_URL = saved.SMTP_URL;
});

const url = (p: string) => `http://127.0.0.1:${port}${p}`;
const hitsAt = (p: string) => hits.filter((h) => h.path === p);
const eventsAt = (p: string) => hitsAt(p).filter((h) => h.headers["salesmix-event"] !== "ping");

/** A member with `role`, added as the app would (inside the organization's transaction, under RLS). */
async function addMemberTo(organizationId: string, role: "admin" | "analyst" | "viewer") {
  const { users, memberships } = app.schema;
  const { withTenant } = await import("@/server/db/tenant");
  const email = `${role}-${Math.random().toString(36).slice(2)}@example.com`;
  const [user] = await handle.db
    .insert(users)
    .values({ email, name: `${role} user`, passwordHash: "x" })
    .returning();
  await withTenant(handle.db, organizationId, (tx) =>
    tx.insert(memberships).values({ organizationId, userId: user!.id, role }),
  );
  const sessionUser = { id: user!.id, email, name: user!.name, sessionId: "test" };
  return { user: sessionUser, caller: app.callers.callerFor(handle.db, sessionUser) };
}

async function tenantWithHook(hookPath: string, events: ("import.completed" | "report.changed")[]) {
  const t = await app.callers.newTenant(handle.db, "hooks");
  const created = await t.caller.webhooks.create({ orgSlug: t.org.slug, url: url(hookPath), events });
  return { ...t, endpoint: created.endpoint, secret: created.secret, ping: created.ping };
}

async function importFor(t: Awaited<ReturnType<typeof tenantWithHook>>) {
  const { organizations } = app.schema;
  const [org] = await handle.db.transaction(async (tx) => {
    const { sql } = await import("drizzle-orm");
    await tx.execute(sql`select set_config('app.user_id', ${t.user.id}, true)`);
    return tx.select().from(organizations).where(eq(organizations.id, t.org.id));
  });
  return app.importTeam(handle.db, {
    organization: org!,
    role: "owner",
    actor: { kind: "user", userId: t.user.id, label: t.user.email },
    bytes: fixtureCsv,
    options: { asOf: "2026-10-01", period: "Q3", fileName: "team.csv", allowDuplicate: true },
  });
}

function worker(baseBackoffMs = 50) {
  return app.worker.createWorker({
    db: handle.db,
    manual: true,
    baseBackoffMs,
    handlers: app.handlers.appJobHandlers(),
  });
}
async function drain(w: ReturnType<typeof worker>, rounds = 20, waitMs = 60) {
  for (let i = 0; i < rounds; i++) {
    const ran = await w.runOnce();
    if (ran === 0) await new Promise((r) => setTimeout(r, waitMs));
  }
}

const code = (e: unknown) => (e instanceof TRPCError ? e.code : String(e));

describe("webhooks", () => {
  it("registers an endpoint with a secret shown once and a signed ping, never listing the secret", async () => {
    const t = await tenantWithHook("/ping-check", ["import.completed"]);
    expect(t.secret).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);
    expect(t.ping).toMatchObject({ ok: true, statusCode: 200 });
    const [ping] = hitsAt("/ping-check");
    expect(ping?.headers["salesmix-event"]).toBe("ping");
    expect(verifySalesMixSignature(t.secret, ping!.body, String(ping!.headers["salesmix-signature"]))).toBe(
      true,
    );
    expect(
      verifySalesMixSignature("whsec_wrong", ping!.body, String(ping!.headers["salesmix-signature"])),
    ).toBe(false);
    const listed = await t.caller.webhooks.list({ orgSlug: t.org.slug });
    expect(listed.endpoints.map((e) => e.url)).toEqual([url("/ping-check")]);
    expect(JSON.stringify(listed)).not.toContain(t.secret);
    // Stored encrypted: the database holds no copy of the secret.
    const { webhookEndpoints } = app.schema;
    const { withTenant } = await import("@/server/db/tenant");
    const [row] = await withTenant(handle.db, t.org.id, (tx) =>
      tx.select().from(webhookEndpoints).where(eq(webhookEndpoints.id, t.endpoint.id)),
    );
    expect(row?.secretCiphertext).not.toContain(t.secret.slice(6));
  });

  it("delivers import.completed and report.changed after an import, signed over timestamp and body", async () => {
    const t = await tenantWithHook("/events", ["import.completed", "report.changed"]);
    const imported = await importFor(t);
    await drain(worker(), 3);
    const got = eventsAt("/events");
    expect(got.map((h) => h.headers["salesmix-event"]).sort()).toEqual([
      "import.completed",
      "report.changed",
    ]);
    for (const h of got) {
      expect(verifySalesMixSignature(t.secret, h.body, String(h.headers["salesmix-signature"]))).toBe(true);
      // A tampered body fails the same check.
      expect(
        verifySalesMixSignature(
          t.secret,
          h.body.replace("}", ', "x": 1}'),
          String(h.headers["salesmix-signature"]),
        ),
      ).toBe(false);
      expect(h.headers["content-type"]).toBe("application/json");
    }
    const completed = JSON.parse(got.find((h) => h.headers["salesmix-event"] === "import.completed")!.body);
    expect(completed).toMatchObject({
      type: "import.completed",
      organization: { id: t.org.id, slug: t.org.slug },
      data: { snapshotId: imported.snapshotId, period: "Q3", rowCount: imported.rowCount },
    });
    // Aggregates and ids only: no rep of the file is in a webhook.
    expect(got.map((h) => h.body).join("")).not.toMatch(/@example\.com/);
    const log = await t.caller.webhooks.deliveries({ orgSlug: t.org.slug });
    expect(log.deliveries.map((d) => [d.eventType, d.status, d.attempts, d.lastStatusCode]).sort()).toEqual([
      ["import.completed", "succeeded", 1, 200],
      ["report.changed", "succeeded", 1, 200],
    ]);
    // The delivery id in the header is the log's.
    expect(got.map((h) => h.headers["salesmix-delivery"]).sort()).toEqual(
      log.deliveries.map((d) => d.id).sort(),
    );
  });

  it("retries a failing delivery with backoff until it succeeds, logging every attempt", async () => {
    const t = await tenantWithHook("/flaky", ["import.completed"]);
    script.set("/flaky", [500, 503]);
    await importFor(t);
    const w = worker(400);
    expect(await w.runOnce()).toBe(1);
    let log = await t.caller.webhooks.deliveries({ orgSlug: t.org.slug });
    expect(log.deliveries[0]).toMatchObject({ status: "pending", attempts: 1, lastStatusCode: 500 });
    expect(log.deliveries[0]?.lastError).toContain("Answered 500");
    // Not again before the backoff.
    expect(await w.runOnce()).toBe(0);
    await drain(w, 30, 100);
    log = await t.caller.webhooks.deliveries({ orgSlug: t.org.slug });
    expect(log.deliveries[0]).toMatchObject({ status: "succeeded", attempts: 3, lastStatusCode: 200 });
    const got = hitsAt("/flaky");
    // One ping, then three attempts of one delivery: the same delivery id each time.
    expect(got.filter((h) => h.headers["salesmix-event"] === "import.completed")).toHaveLength(3);
    expect(new Set(got.slice(1).map((h) => h.headers["salesmix-delivery"])).size).toBe(1);
  });

  it("follows no redirect: refused at registration, a failed attempt at delivery", async () => {
    const t = await app.callers.newTenant(handle.db, "redir");
    const refused = await t.caller.webhooks
      .create({ orgSlug: t.org.slug, url: url("/moved"), events: ["import.completed"] })
      .catch((e: unknown) => e);
    expect(code(refused)).toBe("BAD_REQUEST");
    expect(String((refused as Error).message)).toMatch(
      /redirecting to .*\/elsewhere.*Redirects are not followed/,
    );
    expect((await t.caller.webhooks.list({ orgSlug: t.org.slug })).endpoints).toEqual([]);
    expect(hitsAt("/elsewhere")).toEqual([]);

    // An endpoint that starts redirecting later: the delivery fails and the target is not visited.
    const later = await tenantWithHook("/later-ok", ["import.completed"]);
    const { webhookEndpoints } = app.schema;
    const { withTenant } = await import("@/server/db/tenant");
    await withTenant(handle.db, later.org.id, (tx) =>
      tx
        .update(webhookEndpoints)
        .set({ url: url("/moved-later") })
        .where(
          and(eq(webhookEndpoints.organizationId, later.org.id), eq(webhookEndpoints.id, later.endpoint.id)),
        ),
    );
    await importFor(later);
    expect(await worker().runOnce()).toBe(1);
    const log = await later.caller.webhooks.deliveries({ orgSlug: later.org.slug });
    expect(log.deliveries[0]).toMatchObject({ status: "pending", lastStatusCode: 301 });
    expect(log.deliveries[0]?.lastError).toContain("redirects are not followed");
    expect(hitsAt("/elsewhere")).toEqual([]);
  });

  it("refuses non-HTTPS, private, loopback and link-local targets under the production policy, with the reason", async () => {
    const t = await app.callers.newTenant(handle.db, "ssrf");
    const production = { allowPrivate: false };
    const ctx = {
      db: handle.db,
      user: t.user,
      org: t.org,
      role: "owner" as const,
      ip: null,
    };
    const cases: [string, RegExp][] = [
      [url("/plain"), /HTTPS only.*http:/],
      ["https://127.0.0.1/hook", /loopback/],
      ["https://[::1]/hook", /loopback/],
      ["https://169.254.169.254/latest", /link-local/],
      ["https://10.1.2.3/hook", /private/],
      ["https://192.168.0.10/hook", /private/],
      ["https://[::ffff:127.0.0.1]/hook", /loopback/],
      ["https://localhost/hook", /resolves to .*loopback/],
      ["https://user:pw@example.com/hook", /no user name or password/],
      ["not a url", /not a URL/],
    ];
    for (const [target, reason] of cases) {
      const e = await app.service
        .createWebhook(ctx, { url: target, events: ["report.changed"] }, production)
        .catch((err: unknown) => err);
      expect([target, (e as { code?: string }).code, (e as Error).message]).toEqual([
        target,
        "BAD_REQUEST",
        expect.stringMatching(reason),
      ]);
    }
    expect((await t.caller.webhooks.list({ orgSlug: t.org.slug })).endpoints).toEqual([]);
    // At delivery too: an address refused by the policy is never connected to.
    const { postWebhook } = await import("@/server/webhooks/target");
    await expect(postWebhook(new URL(url("/never")), "{}", {}, production)).rejects.toThrow(/loopback/);
    expect(hitsAt("/never")).toEqual([]);
  });

  it("disables an endpoint after repeated failures, emails the admins, and replays once enabled again", async () => {
    const t = await tenantWithHook("/down", ["import.completed"]);
    const admin = await addMemberTo(t.org.id, "admin");
    const viewer = await addMemberTo(t.org.id, "viewer");
    const { webhookEndpoints, auditEvents } = app.schema;
    const { withTenant } = await import("@/server/db/tenant");
    // The endpoint has already failed all but one of its allowed attempts in a row.
    await withTenant(handle.db, t.org.id, (tx) =>
      tx
        .update(webhookEndpoints)
        .set({ consecutiveFailures: app.deliver.DISABLE_AFTER_FAILURES - 1 })
        .where(eq(webhookEndpoints.organizationId, t.org.id)),
    );
    script.set("/down", [500]);
    await importFor(t);
    await drain(worker(), 4);
    const [endpoint] = (await t.caller.webhooks.list({ orgSlug: t.org.slug })).endpoints;
    expect(endpoint?.disabledAt).toBeInstanceOf(Date);
    expect(endpoint?.disabledReason).toBe(`${app.deliver.DISABLE_AFTER_FAILURES} failed attempts in a row`);
    const log = await t.caller.webhooks.deliveries({ orgSlug: t.org.slug });
    expect(log.deliveries[0]).toMatchObject({ status: "failed", attempts: 1 });
    const audit = await withTenant(handle.db, t.org.id, (tx) =>
      tx
        .select()
        .from(auditEvents)
        .where(and(eq(auditEvents.organizationId, t.org.id), eq(auditEvents.action, "webhook.disabled"))),
    );
    expect(audit).toHaveLength(1);
    // The owner and the admin are emailed over SMTP; the viewer is not.
    const notices = smtp.inbox.filter((m) => parseMessage(m.raw).headers.get("subject")?.includes("webhook"));
    const to = notices.flatMap((m) => m.envelopeTo);
    expect(to).toEqual(expect.arrayContaining([t.user.email, admin.user.email]));
    expect(to).not.toContain(viewer.user.email);
    expect(parseMessage(notices[0]!.raw).text).toContain(url("/down"));

    // Replaying while disabled is refused; after enabling, the same delivery goes again and succeeds.
    const deliveryId = log.deliveries[0]!.id;
    const refused = await t.caller.webhooks
      .replay({ orgSlug: t.org.slug, deliveryId })
      .catch((e: unknown) => e);
    expect(code(refused)).toBe("CONFLICT");
    await t.caller.webhooks.enable({ orgSlug: t.org.slug, endpointId: endpoint!.id });
    await t.caller.webhooks.replay({ orgSlug: t.org.slug, deliveryId });
    await drain(worker(), 3);
    const after = await t.caller.webhooks.deliveries({ orgSlug: t.org.slug });
    expect(after.deliveries[0]).toMatchObject({
      id: deliveryId,
      status: "succeeded",
      attempts: 2,
      replays: 1,
    });
    const sent = hitsAt("/down").filter((h) => h.headers["salesmix-delivery"] === deliveryId);
    expect(sent).toHaveLength(2);
    expect(sent[0]?.body).toBe(sent[1]?.body);
  });

  it("is in the organization export without its secret, and removed with the organization", async () => {
    const t = await tenantWithHook("/export", ["import.completed"]);
    await importFor(t);
    const { unzipSync, strFromU8 } = await import("fflate");
    const { exportOrganization } = await import("@/server/orgs/data");
    const { organizations, webhookDeliveries, webhookEndpoints } = app.schema;
    const { withTenant } = await import("@/server/db/tenant");
    const [org] = await withTenant(handle.db, t.org.id, (tx) =>
      tx.select().from(organizations).where(eq(organizations.id, t.org.id)),
    );
    const { zip } = await exportOrganization(handle.db, org!, "owner", {
      kind: "user",
      userId: t.user.id,
      label: t.user.email,
    });
    const exported = strFromU8(unzipSync(zip)["webhooks.json"]!);
    const parsed = JSON.parse(exported) as {
      endpoints: { url: string }[];
      deliveries: { eventType: string }[];
    };
    expect(parsed.endpoints.map((e) => e.url)).toEqual([url("/export")]);
    expect(parsed.deliveries.map((d) => d.eventType)).toEqual(["import.completed"]);
    expect(exported).not.toContain(t.secret);
    expect(exported).not.toContain("secret");

    const counts = await t.caller.org.delete({ orgSlug: t.org.slug, confirmation: t.org.slug });
    expect(counts).toMatchObject({ webhookEndpoints: 1, webhookDeliveries: 1 });
    const left = await withTenant(handle.db, t.org.id, async (tx) => [
      (await tx.select().from(webhookEndpoints).where(eq(webhookEndpoints.organizationId, t.org.id))).length,
      (await tx.select().from(webhookDeliveries).where(eq(webhookDeliveries.organizationId, t.org.id)))
        .length,
    ]);
    expect(left).toEqual([0, 0]);
    // Its pending delivery job finds nothing and finishes without sending.
    await drain(worker(), 2);
    expect(eventsAt("/export")).toEqual([]);
  });

  it("refuses bad input with a specific message and changes nothing; only admins manage webhooks", async () => {
    const t = await app.callers.newTenant(handle.db, "badhook");
    const noEvents = await t.caller.webhooks
      .create({ orgSlug: t.org.slug, url: url("/x"), events: [] })
      .catch((e: unknown) => e);
    expect([code(noEvents), (noEvents as Error).message]).toEqual([
      "BAD_REQUEST",
      expect.stringContaining("at least one event"),
    ]);
    const analyst = await addMemberTo(t.org.id, "analyst");
    const forbidden = await analyst.caller.webhooks.list({ orgSlug: t.org.slug }).catch((e: unknown) => e);
    expect(code(forbidden)).toBe("FORBIDDEN");
    const missing = await t.caller.webhooks
      .replay({ orgSlug: t.org.slug, deliveryId: "00000000-0000-4000-8000-000000000000" })
      .catch((e: unknown) => e);
    expect(code(missing)).toBe("NOT_FOUND");
    expect((await t.caller.webhooks.list({ orgSlug: t.org.slug })).endpoints).toEqual([]);
  });
});
