/**
 * Share links: created by an admin through the real tRPC procedures, opened through the same service the public
 * page /s/<token> calls, as the app's ordinary database role (row-level security live). Each refusal is checked
 * with its positive twin.
 */
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TRPCError } from "@trpc/server";
import { and, eq, sql } from "drizzle-orm";
import { createTestDatabase } from "../helpers/db";
import { callerFor, newTenant } from "../helpers/callers";
import { createVerifiedAccount } from "@/server/auth/signup";
import type { Role } from "@/lib/permissions";
import type { DatabaseHandle } from "@/server/db/client";
import { auditEvents, organizations, shareLinks } from "@/server/db/schema";
import { importTeam } from "@/server/imports/import-team";
import { withTenant } from "@/server/db/tenant";
import { openShare, unlockShare, type ShareOpening } from "@/server/shares/open";
import { hashShareToken } from "@/server/shares/token";
import { LIMITS } from "@/server/ratelimit";
import { handleTrpcRequest } from "@/server/api/http-handler";
import { apiRequest, dispatch } from "./api-helpers";

const fixture = fs.readFileSync(path.join(__dirname, "../fixtures/team-small.csv"));
const REP_NAMES = ["Ana Ruiz", "Ben Ode", "Cleo Park"];

let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await createTestDatabase({ role: "salesmix_app" });
});
afterAll(async () => {
  await handle.close();
});

type Tenant = Awaited<ReturnType<typeof newTenant>>;

async function tenantWithUpload(label: string, asOf = "2026-10-01") {
  const t = await newTenant(handle.db, label);
  const snapshotId = await upload(t, asOf);
  return { ...t, snapshotId };
}

async function upload(t: Tenant, asOf: string) {
  const [org] = await handle.db.transaction((tx) =>
    tx.select().from(organizations).where(eq(organizations.id, t.org.id)),
  );
  const snap = await importTeam(handle.db, {
    organization: org!,
    role: "owner",
    actor: { kind: "user", userId: t.user.id, label: t.user.email },
    bytes: fixture,
    options: { asOf, period: "Q3", fileName: "ana-ruiz-team.csv", allowDuplicate: true },
  });
  return snap.snapshotId;
}

/** A member with `role`, brought in through the real invitation flow (row-level security is live). */
async function member(t: Tenant, role: Role) {
  const account = await createVerifiedAccount(handle.db, {
    name: `${role} member`,
    email: `sh-${role}-${Date.now()}-${Math.random().toString(36).slice(2)}@example.com`,
    password: "member-password-2026",
    organizationName: `${role} home`,
  });
  const invited = await t.caller.invitations.create({
    orgSlug: t.org.slug,
    emails: [account.user.email],
    role,
  });
  const sent = invited.results[0];
  if (!sent || sent.status !== "sent" || !sent.inviteUrl) throw new Error("invitation not sent");
  const caller = callerFor(handle.db, { ...account.user, sessionId: "x" });
  await caller.invitations.accept({ token: sent.inviteUrl.split("/").pop() ?? "" });
  return { caller };
}

const open = (token: string, opts: { unlock?: string | null; ip?: string } = {}) =>
  openShare(handle.db, token, { unlock: opts.unlock ?? null, ip: opts.ip ?? "203.0.113.9" });

function expectOpen(o: ShareOpening) {
  if (o.status !== "open") throw new Error(`expected an open link, got ${o.status}`);
  return o.shared;
}

const code = (e: unknown) => (e instanceof TRPCError ? e.code : String(e));
const tokenOf = (created: { path: string }) => created.path.split("/").pop()!;

describe("share links", () => {
  it("creates a link with a 256-bit token stored only as its SHA-256, shown once, listed without secrets", async () => {
    const t = await tenantWithUpload("sh-create");
    const created = await t.caller.shares.create({ orgSlug: t.org.slug, expiresInDays: 7 });
    expect(created.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(created.token, "base64url")).toHaveLength(32);
    expect(created.path).toBe(`/s/${created.token}`);
    const [row] = await withTenant(handle.db, t.org.id, (tx) =>
      tx.select().from(shareLinks).where(eq(shareLinks.id, created.link.id)),
    );
    expect(row!.tokenHash).toBe(hashShareToken(created.token));
    expect(JSON.stringify(row)).not.toContain(created.token);
    expect(row!.snapshotId).toBe(t.snapshotId);
    expect(row!.redaction).toBe("aggregates");
    const days = (row!.expiresAt.getTime() - row!.createdAt.getTime()) / 86_400_000;
    expect(days).toBeGreaterThan(6.99);
    expect(days).toBeLessThan(7.01);
    const listed = await t.caller.shares.list({ orgSlug: t.org.slug });
    expect(listed.links.map((l) => l.id)).toEqual([created.link.id]);
    const text = JSON.stringify(listed);
    expect(text).not.toContain(created.token);
    expect(text).not.toContain(row!.tokenHash);
    const audit = await withTenant(handle.db, t.org.id, (tx) =>
      tx
        .select()
        .from(auditEvents)
        .where(and(eq(auditEvents.organizationId, t.org.id), eq(auditEvents.action, "share.created"))),
    );
    expect(audit).toHaveLength(1);
    expect(JSON.stringify(audit)).not.toContain(created.token);
  });

  it("refuses bad input with a specific message and creates nothing", async () => {
    const t = await tenantWithUpload("sh-bad");
    const bad = [
      [{ expiresInDays: 0 }, "at least 1 day"],
      [{ expiresInDays: 91 }, "at most 90 days"],
      [{ expiresInDays: 2.5 }, "whole number"],
      [{ expiresInDays: 7, password: "short" }, "at least 8 characters"],
      [{ expiresInDays: 7, redaction: "everything" }, "aggregates or names"],
    ] as const;
    for (const [input, message] of bad) {
      const e = await t.caller.shares
        .create({ orgSlug: t.org.slug, ...(input as { expiresInDays: number }) })
        .then(
          () => null,
          (err: unknown) => err,
        );
      expect([code(e), String((e as Error).message)]).toEqual([
        "BAD_REQUEST",
        expect.stringContaining(message),
      ]);
    }
    const empty = await newTenant(handle.db, "sh-empty");
    await expect(empty.caller.shares.create({ orgSlug: empty.org.slug, expiresInDays: 7 })).rejects.toThrow(
      /no upload to share/,
    );
    expect((await t.caller.shares.list({ orgSlug: t.org.slug })).links).toHaveLength(0);
  });

  it("is for admins: an analyst may neither create nor list links; an admin may", async () => {
    const t = await tenantWithUpload("sh-roles");
    const analyst = await member(t, "analyst");
    await expect(analyst.caller.shares.list({ orgSlug: t.org.slug })).rejects.toThrow(/does not allow/);
    await expect(
      analyst.caller.shares.create({ orgSlug: t.org.slug, expiresInDays: 7 }),
    ).rejects.toMatchObject({ code: "FORBIDDEN" });
    const admin = await member(t, "admin");
    const created = await admin.caller.shares.create({ orgSlug: t.org.slug, expiresInDays: 1 });
    expect(expectOpen(await open(created.token)).report.snapshot.id).toBe(t.snapshotId);
  });

  it("opens the report of its own upload only, counts the view and audits it; aggregates carry no name, email or file name", async () => {
    const t = await tenantWithUpload("sh-open");
    const created = await t.caller.shares.create({ orgSlug: t.org.slug, expiresInDays: 7 });
    // A newer upload becomes current: the link still shows the one it was made for.
    const newer = await upload(t, "2026-11-01");
    const shared = expectOpen(await open(created.token));
    expect(shared.report.snapshot.id).toBe(t.snapshotId);
    expect(shared.report.snapshot.id).not.toBe(newer);
    expect(shared.report.analysis.metrics.headCount.total).toBe(5);
    expect(shared.roster).toBeNull();
    const text = JSON.stringify(shared);
    for (const name of REP_NAMES) expect(text).not.toContain(name);
    expect(text).not.toContain("@acme.test");
    expect(text).not.toContain("ana-ruiz-team.csv");
    // Eve Lin is the only hybrid rep: her OTE must not appear as a per-role sum; nor Cleo Park's.
    expect(text).not.toContain("110000");
    expect(text).not.toContain("130000");
    await open(created.token);
    const [row] = (await t.caller.shares.list({ orgSlug: t.org.slug })).links;
    expect(row!.viewCount).toBe(2);
    expect(row!.lastViewedAt).toBeInstanceOf(Date);
    const views = await withTenant(handle.db, t.org.id, (tx) =>
      tx
        .select()
        .from(auditEvents)
        .where(and(eq(auditEvents.organizationId, t.org.id), eq(auditEvents.action, "share.viewed"))),
    );
    expect(views).toHaveLength(2);
    expect(views[0]!.ip).toBe("203.0.113.9");
  });

  it("with names: the roster of the upload (names, no emails or pay); the scenario author shown", async () => {
    const t = await tenantWithUpload("sh-names");
    const scenario = await t.caller.scenarios.create({ orgSlug: t.org.slug, name: "Hybrid shift" });
    const created = await t.caller.shares.create({
      orgSlug: t.org.slug,
      expiresInDays: 30,
      redaction: "names",
      scenarioId: scenario.id,
    });
    const shared = expectOpen(await open(created.token));
    expect(shared.roster!.map((r) => r.name)).toEqual(expect.arrayContaining(REP_NAMES));
    expect(JSON.stringify(shared.roster)).not.toContain("@acme.test");
    expect(shared.scenario!.scenario.name).toBe("Hybrid shift");
    expect(shared.scenario!.scenario.author).toBe(t.user.email);
    // The same scenario on an aggregates link: no author.
    const redacted = await t.caller.shares.create({
      orgSlug: t.org.slug,
      expiresInDays: 30,
      scenarioId: scenario.id,
    });
    const plain = expectOpen(await open(redacted.token));
    expect(plain.scenario!.scenario.author).toBe("");
    expect(JSON.stringify(plain)).not.toContain(t.user.email);
  });

  it("refuses a scenario of another upload or another organization, and another organization's upload", async () => {
    const a = await tenantWithUpload("sh-xa");
    const b = await tenantWithUpload("sh-xb");
    const bScenario = await b.caller.scenarios.create({ orgSlug: b.org.slug, name: "B plan" });
    await expect(
      a.caller.shares.create({ orgSlug: a.org.slug, expiresInDays: 7, scenarioId: bScenario.id }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    await expect(
      a.caller.shares.create({ orgSlug: a.org.slug, expiresInDays: 7, snapshotId: b.snapshotId }),
    ).rejects.toMatchObject({ code: "NOT_FOUND" });
    const aScenario = await a.caller.scenarios.create({ orgSlug: a.org.slug, name: "A plan" });
    const newer = await upload(a, "2026-11-01");
    const e = await a.caller.shares
      .create({ orgSlug: a.org.slug, expiresInDays: 7, snapshotId: newer, scenarioId: aScenario.id })
      .then(
        () => null,
        (err: unknown) => err,
      );
    expect(code(e)).toBe("BAD_REQUEST");
    expect(String(e)).toMatch(/starts from another upload/);
    // Positive twin: B's own scenario on B's upload.
    const ok = await b.caller.shares.create({
      orgSlug: b.org.slug,
      expiresInDays: 7,
      scenarioId: bScenario.id,
    });
    expect(expectOpen(await open(ok.token)).scenario?.scenario.id).toBe(bScenario.id);
    // A's link opens A's report, never B's.
    const aLink = await a.caller.shares.create({ orgSlug: a.org.slug, expiresInDays: 7 });
    const shared = expectOpen(await open(aLink.token));
    expect(shared.report.organization.slug).toBe(a.org.slug);
    expect(JSON.stringify(shared)).not.toContain(b.org.slug);
  });

  it("revoking takes effect on the next request; expired and tampered links say which, with no data", async () => {
    const t = await tenantWithUpload("sh-revoke");
    const created = await t.caller.shares.create({ orgSlug: t.org.slug, expiresInDays: 7 });
    expectOpen(await open(created.token));
    await t.caller.shares.revoke({ orgSlug: t.org.slug, shareId: created.link.id });
    const revoked = await open(created.token);
    expect(revoked.status).toBe("revoked");
    expect(JSON.stringify(revoked)).not.toContain(t.org.name);
    await expect(
      t.caller.shares.revoke({ orgSlug: t.org.slug, shareId: created.link.id }),
    ).rejects.toMatchObject({ code: "CONFLICT" });

    const expiring = await t.caller.shares.create({ orgSlug: t.org.slug, expiresInDays: 1 });
    expectOpen(await open(expiring.token));
    await withTenant(handle.db, t.org.id, (tx) =>
      tx
        .update(shareLinks)
        .set({ expiresAt: sql`now() - interval '1 minute'` })
        .where(and(eq(shareLinks.organizationId, t.org.id), eq(shareLinks.id, expiring.link.id))),
    );
    const expired = await open(expiring.token);
    expect(expired.status).toBe("expired");

    // One character changed, a truncated token, garbage: not valid.
    const token = tokenOf(expiring);
    const flipped = token.slice(0, -1) + (token.endsWith("A") ? "B" : "A");
    for (const bad of [flipped, token.slice(0, 20), "../../api/trpc", ""]) {
      expect((await open(bad)).status).toBe("invalid");
    }
    // Views were counted only while the links were usable.
    const links = (await t.caller.shares.list({ orgSlug: t.org.slug })).links;
    expect(links.map((l) => [l.id === created.link.id ? "revoked" : "expired", l.viewCount]).sort()).toEqual([
      ["expired", 1],
      ["revoked", 1],
    ]);
  });

  it("a deleted upload: the link says so and shows nothing", async () => {
    const t = await tenantWithUpload("sh-gone");
    const keep = await upload(t, "2026-11-01");
    const created = await t.caller.shares.create({
      orgSlug: t.org.slug,
      expiresInDays: 7,
      snapshotId: t.snapshotId,
    });
    await t.caller.imports.delete({ orgSlug: t.org.slug, snapshotId: t.snapshotId });
    expect((await open(created.token)).status).toBe("gone");
    expect(keep).toBeTruthy();
  });

  it("a password: locked until given; a wrong one is refused with the attempts left; then rate-limited", async () => {
    const t = await tenantWithUpload("sh-pass");
    const created = await t.caller.shares.create({
      orgSlug: t.org.slug,
      expiresInDays: 7,
      password: "board-meeting-2026",
    });
    const [row] = await withTenant(handle.db, t.org.id, (tx) =>
      tx.select().from(shareLinks).where(eq(shareLinks.id, created.link.id)),
    );
    expect(row!.passwordHash).toMatch(/^\$argon2id\$/);
    const ip = "198.51.100.20";
    const locked = await open(created.token, { ip });
    expect(locked).toEqual({
      status: "locked",
      attemptsLeft: LIMITS.sharePasswordIp.points,
      retryAfterSeconds: null,
    });
    expect(JSON.stringify(locked)).not.toContain(t.org.name);

    const wrong = await unlockShare(handle.db, created.token, "not-the-password", ip);
    expect(wrong).toEqual({
      status: "wrong_password",
      attemptsLeft: LIMITS.sharePasswordIp.points - 1,
      retryAfterSeconds: null,
    });
    // A forged or foreign unlock cookie does not open it.
    expect((await open(created.token, { ip, unlock: `${Date.now() + 60_000}.forged` })).status).toBe(
      "locked",
    );

    const right = await unlockShare(handle.db, created.token, "board-meeting-2026", ip);
    if (right.status !== "unlocked" || !right.cookie)
      throw new Error(`expected unlocked, got ${right.status}`);
    expectOpen(await open(created.token, { ip, unlock: right.cookie.value }));
    // The cookie of this link does not open another link with the same password.
    const other = await t.caller.shares.create({
      orgSlug: t.org.slug,
      expiresInDays: 7,
      password: "board-meeting-2026",
    });
    expect((await open(other.token, { ip, unlock: right.cookie.value })).status).toBe("locked");

    // From another client: every wrong attempt counts down, then the link refuses without checking.
    const guesser = "198.51.100.21";
    for (let left = LIMITS.sharePasswordIp.points - 1; left >= 0; left--) {
      const r = await unlockShare(handle.db, created.token, `guess-${left}`, guesser);
      expect(r.status === "wrong_password" && r.attemptsLeft).toBe(left);
    }
    const limited = await unlockShare(handle.db, created.token, "board-meeting-2026", guesser);
    expect(limited.status).toBe("rate_limited");
    expect(limited.status === "rate_limited" && limited.retryAfterSeconds).toBeGreaterThan(0);
    const lockedOut = await open(created.token, { ip: guesser });
    expect(lockedOut.status === "locked" && lockedOut.attemptsLeft).toBe(0);
    // The first client still gets in with the password.
    expect((await unlockShare(handle.db, created.token, "board-meeting-2026", ip)).status).toBe("unlocked");
  }, 60_000);

  it("the token authenticates neither the REST API nor tRPC", async () => {
    const t = await tenantWithUpload("sh-api");
    const created = await t.caller.shares.create({ orgSlug: t.org.slug, expiresInDays: 7 });
    const rest = await dispatch(handle.db, apiRequest("GET", "/report", { key: created.token }));
    expect(rest.status).toBe(401);
    const trpc = await handleTrpcRequest(
      new Request(
        `http://salesmix.test/api/trpc/report.overview?input=${encodeURIComponent(JSON.stringify({ json: { orgSlug: t.org.slug } }))}`,
        {
          headers: {
            host: "salesmix.test",
            authorization: `Bearer ${created.token}`,
            cookie: `salesmix_share_unlock=${created.token}; authjs.session-token=${created.token}`,
          },
        },
      ),
      async (h) => ({ db: handle.db, headers: h, ip: null, sessionId: null, loadUser: async () => null }),
    );
    expect(trpc.status).toBe(401);
    expect(await trpc.text()).not.toContain(t.org.name);
    // Positive twin: the link itself opens.
    expectOpen(await open(created.token));
  });
});
