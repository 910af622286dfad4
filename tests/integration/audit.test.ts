import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { randomBytes, randomUUID } from "node:crypto";
import { TRPCError } from "@trpc/server";
import { and, eq } from "drizzle-orm";
import { createTestDatabase } from "../helpers/db";
import { callerFor, newTenant } from "../helpers/callers";
import type { DatabaseHandle } from "@/server/db/client";
import { auditEvents, invitations, memberships, users } from "@/server/db/schema";
import type { SessionUser } from "@/server/auth/sessions";
import type { Role } from "@/lib/permissions";

vi.hoisted(() => {
  delete process.env.SMTP_URL;
});

/**
 * The audit writer, wrapped so a test can make it fail: before writing (the audit insert itself fails, with a
 * real database error) or after writing (the action's transaction fails once its audit row is in).
 */
const auditFault = vi.hoisted(() => ({ mode: "none" as "none" | "audit-fails" | "fails-after-audit" }));
vi.mock("@/server/audit", async (importOriginal) => {
  const original = await importOriginal<typeof import("@/server/audit")>();
  return {
    ...original,
    recordAudit: async (...args: Parameters<typeof original.recordAudit>) => {
      const [db, input] = args;
      if (auditFault.mode === "audit-fails") {
        // A foreign key violation from the database: no such organization.
        return original.recordAudit(db, { ...input, organizationId: randomUUID() });
      }
      await original.recordAudit(db, input);
      if (auditFault.mode === "fails-after-audit") throw new Error("connection lost after the audit row");
    },
  };
});

let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await createTestDatabase();
});
afterAll(async () => {
  await handle.close();
});

type Tenant = Awaited<ReturnType<typeof newTenant>>;
const PASSWORD = "audit-test-password";
const randomIp = () => `198.51.100.${1 + ((randomBytes(1)[0] ?? 0) % 250)}`;
const uniqueEmail = (label: string) => `${label}-${randomBytes(4).toString("hex")}@example.com`;

async function trpcError(promise: Promise<unknown>): Promise<TRPCError> {
  const err = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(TRPCError);
  return err as TRPCError;
}

async function joinAs(tenant: Tenant, role: Role) {
  const email = uniqueEmail(role);
  const { results } = await tenant.caller.invitations.create({
    orgSlug: tenant.org.slug,
    emails: [email],
    role,
  });
  const sent = results[0];
  if (sent?.status !== "sent" || !sent.inviteUrl) throw new Error("not sent");
  const token = sent.inviteUrl.split("/invite/")[1] ?? "";
  await callerFor(handle.db, null, randomIp()).invitations.signUp({
    token,
    name: `${role} person`,
    password: PASSWORD,
  });
  const [row] = await handle.db.select().from(users).where(eq(users.email, email));
  if (!row) throw new Error("user not created");
  const user: SessionUser = { id: row.id, email, name: row.name, sessionId: "test" };
  return { user, caller: callerFor(handle.db, user, "192.0.2.44"), token };
}

async function eventsOf(orgId: string) {
  return handle.db.select().from(auditEvents).where(eq(auditEvents.organizationId, orgId));
}

async function roleOf(orgId: string, userId: string) {
  const [m] = await handle.db
    .select({ role: memberships.role })
    .from(memberships)
    .where(and(eq(memberships.organizationId, orgId), eq(memberships.userId, userId)));
  return m?.role ?? null;
}

describe("audit rows commit or roll back with their action", () => {
  it("a failing audit write rolls the role change back", async () => {
    const t = await newTenant(handle.db, "rollback1");
    const analyst = await joinAs(t, "analyst");
    const before = (await eventsOf(t.org.id)).length;
    auditFault.mode = "audit-fails";
    try {
      const err = await t.caller.members
        .changeRole({ orgSlug: t.org.slug, userId: analyst.user.id, role: "viewer" })
        .then(
          () => null,
          (e: unknown) => e,
        );
      expect(err).toBeInstanceOf(Error);
    } finally {
      auditFault.mode = "none";
    }
    expect(await roleOf(t.org.id, analyst.user.id)).toBe("analyst");
    expect(await eventsOf(t.org.id)).toHaveLength(before);

    // The twin: without the fault the same call changes the role and writes its row.
    await t.caller.members.changeRole({ orgSlug: t.org.slug, userId: analyst.user.id, role: "viewer" });
    expect(await roleOf(t.org.id, analyst.user.id)).toBe("viewer");
    expect(await eventsOf(t.org.id)).toHaveLength(before + 1);
  });

  it("a failing audit write rolls the invitations back, and the removal, and the accept", async () => {
    const t = await newTenant(handle.db, "rollback2");
    const viewer = await joinAs(t, "viewer");
    const email = uniqueEmail("never");
    const pending = await t.caller.invitations.create({
      orgSlug: t.org.slug,
      emails: [uniqueEmail("p")],
      role: "viewer",
    });
    const pendingUrl = pending.results[0]?.status === "sent" ? pending.results[0].inviteUrl : null;
    const invitee = await newTenant(handle.db, "invitee");
    const forInvitee = await t.caller.invitations.create({
      orgSlug: t.org.slug,
      emails: [invitee.user.email],
      role: "viewer",
    });
    const inviteeToken =
      (forInvitee.results[0]?.status === "sent" ? forInvitee.results[0].inviteUrl : "")?.split(
        "/invite/",
      )[1] ?? "";
    expect(pendingUrl).toBeTruthy();
    const before = (await eventsOf(t.org.id)).length;
    auditFault.mode = "audit-fails";
    try {
      await expect(
        t.caller.invitations.create({ orgSlug: t.org.slug, emails: [email], role: "viewer" }),
      ).rejects.toThrow();
      await expect(
        t.caller.members.remove({ orgSlug: t.org.slug, userId: viewer.user.id }),
      ).rejects.toThrow();
      await expect(invitee.caller.invitations.accept({ token: inviteeToken })).rejects.toThrow();
    } finally {
      auditFault.mode = "none";
    }
    expect(await handle.db.select().from(invitations).where(eq(invitations.email, email))).toHaveLength(0);
    expect(await roleOf(t.org.id, viewer.user.id)).toBe("viewer");
    expect(await roleOf(t.org.id, invitee.user.id)).toBeNull();
    expect(await eventsOf(t.org.id)).toHaveLength(before);
    // The accept was rolled back as a whole, so the link still works.
    await invitee.caller.invitations.accept({ token: inviteeToken });
    expect(await roleOf(t.org.id, invitee.user.id)).toBe("viewer");
  });

  it("an action that fails after its audit row was written leaves neither the change nor the row", async () => {
    const t = await newTenant(handle.db, "rollback3");
    const analyst = await joinAs(t, "analyst");
    const email = uniqueEmail("late");
    const created = await t.caller.invitations.create({
      orgSlug: t.org.slug,
      emails: [email],
      role: "viewer",
    });
    const url = created.results[0]?.status === "sent" ? created.results[0].inviteUrl : null;
    const token = url?.split("/invite/")[1] ?? "";
    const before = (await eventsOf(t.org.id)).length;
    auditFault.mode = "fails-after-audit";
    try {
      await expect(
        t.caller.members.transferOwnership({
          orgSlug: t.org.slug,
          userId: analyst.user.id,
          confirmation: t.org.name,
        }),
      ).rejects.toThrow(/connection lost/);
      await expect(
        callerFor(handle.db, null, randomIp()).invitations.signUp({
          token,
          name: "Late",
          password: PASSWORD,
        }),
      ).rejects.toThrow(/connection lost/);
    } finally {
      auditFault.mode = "none";
    }
    expect(await roleOf(t.org.id, analyst.user.id)).toBe("analyst");
    expect(await roleOf(t.org.id, t.user.id)).toBe("owner");
    expect(await handle.db.select().from(users).where(eq(users.email, email))).toHaveLength(0);
    const [inv] = await handle.db.select().from(invitations).where(eq(invitations.email, email));
    expect(inv?.acceptedAt).toBeNull();
    expect(await eventsOf(t.org.id)).toHaveLength(before);
  });
});

describe("what an audit row holds", () => {
  it("actor, action, target, time, IP and a small before/after; never a token or password", async () => {
    const t = await newTenant(handle.db, "contents");
    const analyst = await joinAs(t, "analyst");
    const adminCaller = callerFor(handle.db, t.user, "192.0.2.10");
    await adminCaller.members.changeRole({ orgSlug: t.org.slug, userId: analyst.user.id, role: "viewer" });
    const [event] = await handle.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.organizationId, t.org.id), eq(auditEvents.action, "member.role_changed")));
    expect(event).toMatchObject({
      actorUserId: t.user.id,
      actorLabel: t.user.email,
      targetType: "user",
      targetId: analyst.user.id,
      ip: "192.0.2.10",
      data: { email: analyst.user.email, before: { role: "analyst" }, after: { role: "viewer" } },
    });
    expect(Date.now() - (event?.createdAt.getTime() ?? 0)).toBeLessThan(60_000);

    const all = JSON.stringify(await eventsOf(t.org.id));
    expect(all).toContain("invitation.sent");
    expect(all).toContain("invitation.accepted");
    expect(all).not.toContain(analyst.token);
    expect(all).not.toContain(PASSWORD);
    expect(all).not.toMatch(/token|password|hash/i);
  });
});

describe("the audit log page's procedures", () => {
  it("lists only the organization's events, newest first, filtered by action and actor", async () => {
    const a = await newTenant(handle.db, "loga");
    const b = await newTenant(handle.db, "logb");
    const analyst = await joinAs(a, "analyst");
    await joinAs(b, "viewer");
    await a.caller.members.changeRole({ orgSlug: a.org.slug, userId: analyst.user.id, role: "viewer" });

    const { events, nextCursor } = await a.caller.audit.list({ orgSlug: a.org.slug });
    expect(nextCursor).toBeNull();
    expect(events.map((e) => e.action)).toEqual(
      expect.arrayContaining([
        "organization.created",
        "user.signed_up",
        "invitation.sent",
        "invitation.accepted",
        "member.role_changed",
      ]),
    );
    const ids = new Set((await eventsOf(a.org.id)).map((e) => e.id));
    expect(events.every((e) => ids.has(e.id))).toBe(true);
    expect(JSON.stringify(events)).not.toContain(b.org.name);
    expect(JSON.stringify(events)).not.toContain(b.user.email);
    const times = events.map((e) => e.createdAt.getTime());
    expect([...times].sort((x, y) => y - x)).toEqual(times);
    expect(events[0]).toMatchObject({ action: "member.role_changed", actionLabel: "Role changed" });

    const sent = await a.caller.audit.list({ orgSlug: a.org.slug, action: "invitation.sent" });
    expect(sent.events.length).toBeGreaterThan(0);
    expect(sent.events.every((e) => e.action === "invitation.sent")).toBe(true);

    const byAnalyst = await a.caller.audit.list({ orgSlug: a.org.slug, actorUserId: analyst.user.id });
    expect(byAnalyst.events.map((e) => e.action).sort()).toEqual(["invitation.accepted", "user.signed_up"]);
    // Another org's user as the actor filter finds nothing here.
    expect((await a.caller.audit.list({ orgSlug: a.org.slug, actorUserId: b.user.id })).events).toEqual([]);

    const filters = await a.caller.audit.filters({ orgSlug: a.org.slug });
    expect(filters.actors.map((x) => x.userId).sort()).toEqual([a.user.id, analyst.user.id].sort());
    expect(filters.actions.find((x) => x.value === "invitation.revoked")?.label).toBe("Invitation revoked");
  });

  it("pages with a cursor through every event exactly once, even events sharing a timestamp", async () => {
    const t = await newTenant(handle.db, "pages");
    const emails = Array.from({ length: 12 }, (_, i) => uniqueEmail(`p${i}`));
    // One request, one transaction: all twelve invitation.sent rows share the same now().
    await t.caller.invitations.create({ orgSlug: t.org.slug, emails, role: "viewer" });
    const all = await eventsOf(t.org.id);
    expect(all).toHaveLength(14);
    const seen: string[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const page: { events: { id: string }[]; nextCursor: string | null } = await t.caller.audit.list({
        orgSlug: t.org.slug,
        limit: 5,
        cursor,
      });
      seen.push(...page.events.map((e) => e.id));
      cursor = page.nextCursor;
      pages++;
    } while (cursor);
    expect(pages).toBe(3);
    expect(seen).toHaveLength(14);
    expect(new Set(seen)).toEqual(new Set(all.map((e) => e.id)));
  });

  it("refuses a forged cursor with BAD_REQUEST", async () => {
    const t = await newTenant(handle.db, "cursor");
    const err = await trpcError(t.caller.audit.list({ orgSlug: t.org.slug, cursor: "not-a-cursor" }));
    expect(err.code).toBe("BAD_REQUEST");
  });

  it("is for admins and owners: a viewer and an analyst get FORBIDDEN, an admin the events", async () => {
    const t = await newTenant(handle.db, "auditperm");
    const admin = await joinAs(t, "admin");
    for (const role of ["viewer", "analyst"] as const) {
      const who = await joinAs(t, role);
      expect((await trpcError(who.caller.audit.list({ orgSlug: t.org.slug }))).code).toBe("FORBIDDEN");
      expect((await trpcError(who.caller.audit.filters({ orgSlug: t.org.slug }))).code).toBe("FORBIDDEN");
    }
    expect((await admin.caller.audit.list({ orgSlug: t.org.slug })).events.length).toBeGreaterThan(0);
    expect((await admin.caller.audit.filters({ orgSlug: t.org.slug })).actors.length).toBeGreaterThan(0);
  });

  it("cross-tenant: A's owner with B's slug gets NOT_FOUND and no B data; B's owner reads B", async () => {
    const a = await newTenant(handle.db, "xa");
    const b = await newTenant(handle.db, "xb");
    for (const call of [
      () => a.caller.audit.list({ orgSlug: b.org.slug }),
      () => a.caller.audit.list({ orgSlug: b.org.slug, actorUserId: b.user.id }),
      () => a.caller.audit.filters({ orgSlug: b.org.slug }),
    ]) {
      const err = await trpcError(call());
      expect(err.code).toBe("NOT_FOUND");
      expect(JSON.stringify(err)).not.toContain(b.user.email);
    }
    const own = await b.caller.audit.list({ orgSlug: b.org.slug });
    expect(own.events.map((e) => e.actorLabel)).toContain(b.user.email);
    expect((await b.caller.audit.filters({ orgSlug: b.org.slug })).actors).toEqual([
      { userId: b.user.id, label: b.user.email },
    ]);
  });
});
