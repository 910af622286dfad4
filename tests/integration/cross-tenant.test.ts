/**
 * The cross-tenant harness. Every tRPC procedure of the app router must have a case here (a new procedure without
 * one fails the first test). A tenant-scoped case is called by a member of organization A with B's slug, and with
 * A's slug but B's ids, expecting NOT_FOUND and nothing of B in the answer; its positive twin makes the same call as
 * B's own member and expects it to work. Everything runs as the app's ordinary database role, so row-level security
 * is live: a service that forgets its tenant context fails its positive twin.
 */
import { createHttpApp } from "@/server/http/app";
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TRPCError } from "@trpc/server";
import { createTestDatabase } from "../helpers/db";
import { callerFor, newTenant } from "../helpers/callers";
import { appRouter } from "@/server/api/root";
import type { DatabaseHandle } from "@/server/db/client";
import { createVerifiedAccount } from "@/server/auth/signup";

type Caller = ReturnType<typeof callerFor>;
interface Fixture {
  slug: string;
  name: string;
  caller: Caller;
  memberCaller: Caller;
  snapshotId: string;
  invitationId: string;
  apiKeyId: string;
  memberUserId: string;
  webhookId: string;
  disabledWebhookId: string;
  deliveryId: string;
  scenarioId: string;
  shareId: string;
}
/** `org` is the organization of the slug being called (its name is what confirmations type). */
type TenantCall = (caller: Caller, slug: string, ids: Fixture, org: { name: string }) => Promise<unknown>;
type Case =
  | {
      kind: "tenant";
      call: TenantCall;
      takesIds?: boolean;
      /** Who makes the positive call when the owner may not (e.g. the last owner cannot leave). */
      positiveAs?: "member";
    }
  | { kind: "not_tenant_scoped"; reason: string; check?: (a: Fixture, b: Fixture) => Promise<void> };

/** Nothing listens on the discard port: registration tolerates an unreachable receiver, deliveries would retry. */
const HOOK_URL = "http://127.0.0.1:9/salesmix";
const fixtureCsv = fs.readFileSync(path.join(__dirname, "../fixtures/team-small.csv"));

const CASES: Record<string, Case> = {
  "auth.signUp": { kind: "not_tenant_scoped", reason: "creates a new user and organization; takes no org" },
  "auth.me": {
    kind: "not_tenant_scoped",
    reason: "the caller's own user",
    check: async (a) => expect(JSON.stringify(await a.caller.auth.me())).not.toContain("xt-b"),
  },
  "auth.signOutEverywhere": { kind: "not_tenant_scoped", reason: "the caller's own sessions" },
  "auth.requestPasswordReset": {
    kind: "not_tenant_scoped",
    reason: "emails the address given; takes no org",
  },
  "auth.requestSignInLink": { kind: "not_tenant_scoped", reason: "emails the address given; takes no org" },
  "auth.resetPassword": { kind: "not_tenant_scoped", reason: "the account of the emailed token; no org" },
  "auth.checkLink": { kind: "not_tenant_scoped", reason: "whether an emailed token still works; no org" },
  "auth.changePassword": { kind: "not_tenant_scoped", reason: "the caller's own password" },
  "auth.sessions": {
    kind: "not_tenant_scoped",
    reason:
      "the caller's own sessions (account-lifecycle.test.ts: another user's are neither listed nor revocable)",
  },
  "auth.revokeSession": {
    kind: "not_tenant_scoped",
    reason: "only the caller's own sessions (account-lifecycle.test.ts)",
  },
  "org.mine": {
    kind: "not_tenant_scoped",
    reason: "lists only the caller's memberships",
    check: async (a, b) => {
      const mine = await a.caller.org.mine();
      expect(mine.map((o) => o.slug)).not.toContain(b.slug);
      expect(mine.map((o) => o.slug)).toContain(a.slug);
    },
  },
  "org.create": { kind: "not_tenant_scoped", reason: "creates a new organization owned by the caller" },
  "invitations.preview": {
    kind: "not_tenant_scoped",
    reason: "public by design: whoever holds an invitation link may see whom it invites to which org",
  },
  "invitations.accept": {
    kind: "not_tenant_scoped",
    reason: "by token; bound to the invited email (a different signed-in user is refused)",
  },
  "invitations.signUp": { kind: "not_tenant_scoped", reason: "by token; creates the invited user" },

  "org.get": { kind: "tenant", call: (c, s) => c.org.get({ orgSlug: s }) },
  "org.profile": { kind: "tenant", call: (c, s) => c.org.profile({ orgSlug: s }) },
  "org.updateProfile": {
    kind: "tenant",
    call: (c, s) => c.org.updateProfile({ orgSlug: s, annualRevenue: 42_000_000 }),
  },
  "org.dismissProfilePrompt": { kind: "tenant", call: (c, s) => c.org.dismissProfilePrompt({ orgSlug: s }) },
  "org.delete": { kind: "tenant", call: (c, s) => c.org.delete({ orgSlug: s, confirmation: s }) },
  "members.list": { kind: "tenant", call: (c, s) => c.members.list({ orgSlug: s }) },
  "members.changeRole": {
    kind: "tenant",
    takesIds: true,
    call: (c, s, ids) => c.members.changeRole({ orgSlug: s, userId: ids.memberUserId, role: "viewer" }),
  },
  "members.remove": {
    kind: "tenant",
    takesIds: true,
    call: (c, s, ids) => c.members.remove({ orgSlug: s, userId: ids.memberUserId }),
  },
  "members.leave": { kind: "tenant", positiveAs: "member", call: (c, s) => c.members.leave({ orgSlug: s }) },
  "members.transferOwnership": {
    kind: "tenant",
    takesIds: true,
    call: (c, s, ids, org) =>
      c.members.transferOwnership({ orgSlug: s, userId: ids.memberUserId, confirmation: org.name }),
  },
  "invitations.list": { kind: "tenant", call: (c, s) => c.invitations.list({ orgSlug: s }) },
  "invitations.create": {
    kind: "tenant",
    call: (c, s) =>
      c.invitations.create({ orgSlug: s, emails: [`new-${Date.now()}@example.com`], role: "viewer" }),
  },
  "invitations.resend": {
    kind: "tenant",
    takesIds: true,
    call: (c, s, ids) => c.invitations.resend({ orgSlug: s, invitationId: ids.invitationId }),
  },
  "invitations.revoke": {
    kind: "tenant",
    takesIds: true,
    call: (c, s, ids) => c.invitations.revoke({ orgSlug: s, invitationId: ids.invitationId }),
  },
  "audit.list": { kind: "tenant", call: (c, s) => c.audit.list({ orgSlug: s }) },
  "audit.filters": { kind: "tenant", call: (c, s) => c.audit.filters({ orgSlug: s }) },
  "imports.list": { kind: "tenant", call: (c, s) => c.imports.list({ orgSlug: s }) },
  "imports.get": {
    kind: "tenant",
    takesIds: true,
    call: (c, s, ids) => c.imports.get({ orgSlug: s, snapshotId: ids.snapshotId }),
  },
  "imports.reps": {
    kind: "tenant",
    takesIds: true,
    call: (c, s, ids) => c.imports.reps({ orgSlug: s, snapshotId: ids.snapshotId }),
  },
  "imports.uploadContext": { kind: "tenant", call: (c, s) => c.imports.uploadContext({ orgSlug: s }) },
  "imports.saveMapping": {
    kind: "tenant",
    call: (c, s) => c.imports.saveMapping({ orgSlug: s, mapping: { "Sales Rep": "name" } }),
  },
  "imports.findByHash": {
    kind: "tenant",
    call: (c, s) => c.imports.findByHash({ orgSlug: s, contentHash: "a".repeat(64) }),
  },
  "imports.setCurrent": {
    kind: "tenant",
    takesIds: true,
    call: (c, s, ids) => c.imports.setCurrent({ orgSlug: s, snapshotId: ids.snapshotId }),
  },
  "imports.delete": {
    kind: "tenant",
    takesIds: true,
    call: (c, s, ids) => c.imports.delete({ orgSlug: s, snapshotId: ids.snapshotId }),
  },
  "report.overview": {
    kind: "tenant",
    takesIds: true,
    call: (c, s, ids) => c.report.overview({ orgSlug: s, snapshotId: ids.snapshotId }),
  },
  "report.trend": { kind: "tenant", call: (c, s) => c.report.trend({ orgSlug: s }) },
  "report.compare": {
    kind: "tenant",
    takesIds: true,
    call: (c, s, ids) => c.report.compare({ orgSlug: s, from: ids.snapshotId, to: ids.snapshotId }),
  },
  "report.sinceLast": {
    kind: "tenant",
    takesIds: true,
    call: (c, s, ids) => c.report.sinceLast({ orgSlug: s, snapshotId: ids.snapshotId }),
  },
  "apiKeys.list": { kind: "tenant", call: (c, s) => c.apiKeys.list({ orgSlug: s }) },
  "apiKeys.create": {
    kind: "tenant",
    call: (c, s) => c.apiKeys.create({ orgSlug: s, name: "harness", scope: "read" }),
  },
  "apiKeys.revoke": {
    kind: "tenant",
    takesIds: true,
    call: (c, s, ids) => c.apiKeys.revoke({ orgSlug: s, keyId: ids.apiKeyId }),
  },
  "webhooks.list": { kind: "tenant", call: (c, s) => c.webhooks.list({ orgSlug: s }) },
  "webhooks.create": {
    kind: "tenant",
    call: (c, s) => c.webhooks.create({ orgSlug: s, url: HOOK_URL, events: ["report.changed"] }),
  },
  "webhooks.delete": {
    kind: "tenant",
    takesIds: true,
    call: (c, s, ids) => c.webhooks.delete({ orgSlug: s, endpointId: ids.webhookId }),
  },
  "webhooks.enable": {
    kind: "tenant",
    takesIds: true,
    call: (c, s, ids) => c.webhooks.enable({ orgSlug: s, endpointId: ids.disabledWebhookId }),
  },
  "webhooks.deliveries": {
    kind: "tenant",
    takesIds: true,
    call: (c, s, ids) => c.webhooks.deliveries({ orgSlug: s, endpointId: ids.webhookId }),
  },
  "webhooks.replay": {
    kind: "tenant",
    takesIds: true,
    call: (c, s, ids) => c.webhooks.replay({ orgSlug: s, deliveryId: ids.deliveryId }),
  },
  "scenarios.plannerData": {
    kind: "tenant",
    takesIds: true,
    call: (c, s, ids) => c.scenarios.plannerData({ orgSlug: s, snapshotId: ids.snapshotId }),
  },
  "scenarios.evaluate": {
    kind: "tenant",
    takesIds: true,
    call: (c, s, ids) => c.scenarios.evaluate({ orgSlug: s, scenarioId: ids.scenarioId }),
  },
  "scenarios.list": { kind: "tenant", call: (c, s) => c.scenarios.list({ orgSlug: s }) },
  "scenarios.get": {
    kind: "tenant",
    takesIds: true,
    call: (c, s, ids) => c.scenarios.get({ orgSlug: s, scenarioId: ids.scenarioId }),
  },
  "scenarios.create": {
    kind: "tenant",
    takesIds: true,
    call: (c, s, ids) => c.scenarios.create({ orgSlug: s, name: "harness", snapshotId: ids.snapshotId }),
  },
  "scenarios.update": {
    kind: "tenant",
    takesIds: true,
    call: (c, s, ids) => c.scenarios.update({ orgSlug: s, scenarioId: ids.scenarioId, name: "renamed" }),
  },
  "scenarios.duplicate": {
    kind: "tenant",
    takesIds: true,
    call: (c, s, ids) => c.scenarios.duplicate({ orgSlug: s, scenarioId: ids.scenarioId }),
  },
  "scenarios.delete": {
    kind: "tenant",
    takesIds: true,
    call: (c, s, ids) => c.scenarios.delete({ orgSlug: s, scenarioId: ids.scenarioId }),
  },
  "shares.list": { kind: "tenant", call: (c, s) => c.shares.list({ orgSlug: s }) },
  "shares.create": {
    kind: "tenant",
    takesIds: true,
    call: (c, s, ids) =>
      c.shares.create({ orgSlug: s, snapshotId: ids.snapshotId, expiresInDays: 7, redaction: "aggregates" }),
  },
  "shares.revoke": {
    kind: "tenant",
    takesIds: true,
    call: (c, s, ids) => c.shares.revoke({ orgSlug: s, shareId: ids.shareId }),
  },
  "notifications.get": {
    kind: "tenant",
    call: async (c, s) => {
      const got = await c.notifications.get({ orgSlug: s });
      // The positive twin reads its own choice, set on B alone by the fixture.
      expect(got.uploadDigest).toBe(true);
      return got;
    },
  },
  "notifications.update": {
    kind: "tenant",
    call: (c, s) => c.notifications.update({ orgSlug: s, reminderDays: 14 }),
  },
};

/**
 * The endpoints of the HTTP API (src/server/http) and the test file that calls each with another organization's
 * key/ids and its positive twin.
 */
const ENDPOINTS: Record<string, string> = {
  "GET /api/v1/imports": "api-v1.test.ts",
  "POST /api/v1/imports": "api-v1.test.ts",
  "GET /api/v1/imports/:id/reps": "api-v1.test.ts",
  "GET /api/v1/imports/:id/compare": "api-v1.test.ts",
  "GET /api/v1/report": "api-v1.test.ts",
  "GET /api/v1/organization": "api-v1.test.ts",
  "PATCH /api/v1/organization": "api-v1.test.ts",
  "GET /api/v1/scenarios": "api-v1.test.ts",
  "POST /api/v1/scenarios": "api-v1.test.ts",
  "GET /api/v1/scenarios/:id": "api-v1.test.ts",
  "PATCH /api/v1/scenarios/:id": "api-v1.test.ts",
  "DELETE /api/v1/scenarios/:id": "api-v1.test.ts",
  "GET /api/v1/benchmarks": "public: the article's dataset, no tenant data",
  "GET /api/v1/openapi.json": "public: the API description",
  "ALL /api/trpc/*": "every procedure: this harness",
  "GET /api/health": "readiness, no tenant data",
};

/** The Next.js route files and the test that covers each (another organization's slug/ids, and the twin). */
const ROUTES: Record<string, string> = {
  "api/orgs/[slug]/imports/route.ts":
    "upload: importTeam after findOrgAccess (imports.test.ts, e2e imports.spec.ts)",
  "api/orgs/[slug]/snapshots/[id]/reps.csv/route.ts": "export: getSnapshot within the org (imports.test.ts)",
  "api/orgs/[slug]/report.csv/route.ts": "report CSV: getReport within the org (report.test.ts)",
  "api/orgs/[slug]/export.zip/route.ts": "owner export (org-data.test.ts)",
  "api/auth/[...nextauth]/route.ts": "Auth.js: sign-in/out, no tenant data",
  "api/template.csv/route.ts": "static template, no tenant data",
  "api/locale/route.ts": "the caller's own interface language (locale.test.ts), no tenant data",
  "api/unsubscribe/route.ts":
    "signed link naming one member and one organization; tampered or another's → refused (notifications.test.ts)",
};

let handle: DatabaseHandle;
let seq = 0;

async function tenant(label: string): Promise<Fixture> {
  const t = await newTenant(handle.db, `xt-${label}-${seq++}`);
  const member = await createVerifiedAccount(handle.db, {
    name: `${label} analyst`,
    email: `xt-${label}-analyst-${seq++}-${Date.now()}@example.com`,
    password: "analyst-password",
    organizationName: `${label} analyst home`,
  });
  // Bring the analyst in through the real invitation flow.
  const invited = await t.caller.invitations.create({
    orgSlug: t.org.slug,
    emails: [member.user.email],
    role: "analyst",
  });
  const sent = invited.results[0];
  if (!sent || sent.status !== "sent" || !sent.inviteUrl) throw new Error("invitation not sent");
  const token = sent.inviteUrl.split("/").pop() ?? "";
  const memberCaller = callerFor(handle.db, { ...member.user, sessionId: "x" });
  await memberCaller.invitations.accept({ token });
  const pending = await t.caller.invitations.create({
    orgSlug: t.org.slug,
    emails: [`pending-${seq++}@example.com`],
    role: "viewer",
  });
  const invitationId = pending.results[0]?.status === "sent" ? pending.results[0].invitationId : "";
  const key = await t.caller.apiKeys.create({ orgSlug: t.org.slug, name: "k", scope: "read" });
  const hook = await t.caller.webhooks.create({
    orgSlug: t.org.slug,
    url: HOOK_URL,
    events: ["import.completed"],
  });
  const disabledHook = await t.caller.webhooks.create({
    orgSlug: t.org.slug,
    url: HOOK_URL,
    events: ["report.changed"],
  });
  const { importTeam } = await import("@/server/imports/import-team");
  const { organizations } = await import("@/server/db/schema");
  const { eq } = await import("drizzle-orm");
  const [org] = await handle.db.transaction(async (tx) =>
    tx.select().from(organizations).where(eq(organizations.id, t.org.id)),
  );
  const snap = await importTeam(handle.db, {
    organization: org!,
    role: "owner",
    actor: { kind: "user", userId: t.user.id, label: t.user.email },
    bytes: fixtureCsv,
    options: { asOf: "2026-10-01", period: "Q3", fileName: "team.csv" },
  });
  // One endpoint disabled (to be enabled again), one delivery finished as failed (to be replayed).
  const { withTenant } = await import("@/server/db/tenant");
  const { webhookDeliveries, webhookEndpoints } = await import("@/server/db/schema");
  const [delivery] = await withTenant(handle.db, t.org.id, async (tx) => {
    await tx
      .update(webhookEndpoints)
      .set({ disabledAt: new Date(), disabledReason: "test" })
      .where(eq(webhookEndpoints.id, disabledHook.endpoint.id));
    return tx
      .update(webhookDeliveries)
      .set({ status: "failed" })
      .where(eq(webhookDeliveries.endpointId, hook.endpoint.id))
      .returning({ id: webhookDeliveries.id });
  });
  const scenario = await t.caller.scenarios.create({ orgSlug: t.org.slug, name: `${label} plan` });
  const share = await t.caller.shares.create({ orgSlug: t.org.slug, expiresInDays: 7 });
  await t.caller.notifications.update({ orgSlug: t.org.slug, uploadDigest: true });
  return {
    shareId: share.link.id,
    webhookId: hook.endpoint.id,
    disabledWebhookId: disabledHook.endpoint.id,
    deliveryId: delivery?.id ?? "",
    slug: t.org.slug,
    name: t.org.name,
    scenarioId: scenario.id,
    caller: t.caller,
    memberCaller,
    snapshotId: snap.snapshotId,
    invitationId,
    apiKeyId: key.id,
    memberUserId: member.user.id,
  };
}

beforeAll(async () => {
  handle = await createTestDatabase({ role: "salesmix_app" });
});
afterAll(async () => {
  await handle.close();
});

const code = (e: unknown) => (e instanceof TRPCError ? e.code : String(e));

describe("cross-tenant harness", () => {
  it("has a case for every tRPC procedure, every endpoint of the HTTP API and every route file", () => {
    expect(Object.keys(appRouter._def.procedures).sort()).toEqual(Object.keys(CASES).sort());
    const root = path.join(__dirname, "../../src/app");
    const found: string[] = [];
    const walk = (dir: string) => {
      for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
        const full = path.join(dir, entry.name);
        if (entry.isDirectory()) walk(full);
        else if (entry.name === "route.ts") found.push(path.relative(root, full));
      }
    };
    walk(path.join(root, "api"));
    expect(found.sort()).toEqual(Object.keys(ROUTES).sort());
    const served = new Set(
      createHttpApp()
        .routes.filter((r) => !(r.method === "ALL" && r.path === "/*"))
        .map((r) => `${r.method} ${r.path}`),
    );
    expect([...served].sort()).toEqual(Object.keys(ENDPOINTS).sort());
  });

  for (const [name, c] of Object.entries(CASES)) {
    if (c.kind === "not_tenant_scoped") {
      it(`${name}: not tenant-scoped (${c.reason})`, async () => {
        expect(c.reason.length).toBeGreaterThan(10);
        if (c.check) await c.check(await tenant("a"), await tenant("b"));
      });
      continue;
    }
    it(`${name}: B's slug${c.takesIds ? " and B's ids" : ""} → NOT_FOUND for A's member; works for B's`, async () => {
      const a = await tenant("a");
      const b = await tenant("b");
      const withBSlug = await c.call(a.caller, b.slug, b, b).then(
        (v) => ({ ok: true as const, v }),
        (e: unknown) => ({ ok: false as const, e }),
      );
      expect(withBSlug.ok).toBe(false);
      if (!withBSlug.ok) {
        expect(code(withBSlug.e)).toBe("NOT_FOUND");
        expect(JSON.stringify(withBSlug.e)).not.toContain(b.name);
      }
      if (c.takesIds) {
        const withBIds = await c.call(a.caller, a.slug, b, a).then(
          (v) => ({ ok: true as const, v }),
          (e: unknown) => ({ ok: false as const, e }),
        );
        const outcome = withBIds.ok ? "resolved" : code((withBIds as { e: unknown }).e);
        expect([name, outcome, withBIds.ok ? "" : String((withBIds as { e: unknown }).e)]).toEqual([
          name,
          "NOT_FOUND",
          expect.any(String),
        ]);
      }
      // Positive twin: B's own owner, B's slug and ids.
      await expect(
        c.call(c.positiveAs === "member" ? b.memberCaller : b.caller, b.slug, b, b),
      ).resolves.not.toThrow();
    });
  }

  it("report.compare of an upload of A with one of B → NOT_FOUND in either order; A's own two compare", async () => {
    const a = await tenant("a");
    const b = await tenant("b");
    for (const [from, to] of [
      [a.snapshotId, b.snapshotId],
      [b.snapshotId, a.snapshotId],
    ]) {
      const refused = await a.caller.report.compare({ orgSlug: a.slug, from: from ?? "", to: to ?? "" }).then(
        () => "resolved",
        (e: unknown) => code(e),
      );
      expect(refused).toBe("NOT_FOUND");
    }
    const own = await a.caller.report.compare({ orgSlug: a.slug, from: a.snapshotId, to: a.snapshotId });
    expect(own.people.joined.count + own.people.left.count + own.people.changedRole.count).toBe(0);
  });
});
