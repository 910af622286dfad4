import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { randomBytes } from "node:crypto";
import { TRPCError } from "@trpc/server";
import { and, eq } from "drizzle-orm";
import { createTestDatabase } from "../helpers/db";
import { callerFor, newTenant } from "../helpers/callers";
import type { DatabaseHandle } from "@/server/db/client";
import { auditEvents, memberships, users } from "@/server/db/schema";
import type { SessionUser } from "@/server/auth/sessions";
import type { Role } from "@/lib/permissions";

let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await createTestDatabase();
});
afterAll(async () => {
  await handle.close();
});

type Tenant = Awaited<ReturnType<typeof newTenant>>;
const PASSWORD = "members-test-password";
const randomIp = () => `198.51.100.${1 + ((randomBytes(1)[0] ?? 0) % 250)}`;

/** A colleague joins `tenant`'s organization the real way: invited by its owner, signed up from the link. */
async function joinAs(tenant: Tenant, role: Role, label: string = role, inviter = tenant.caller) {
  const email = `${label}-${randomBytes(4).toString("hex")}@example.com`;
  const { results } = await inviter.invitations.create({
    orgSlug: tenant.org.slug,
    emails: [email],
    role,
  });
  const sent = results[0];
  if (sent?.status !== "sent" || !sent.inviteUrl) throw new Error("invitation not sent");
  const token = sent.inviteUrl.split("/invite/")[1] ?? "";
  await callerFor(handle.db, null, randomIp()).invitations.signUp({
    token,
    name: `${label} person`,
    password: PASSWORD,
  });
  const [row] = await handle.db.select().from(users).where(eq(users.email, email));
  if (!row) throw new Error("user not created");
  const user: SessionUser = { id: row.id, email, name: row.name, sessionId: "test" };
  return { user, caller: callerFor(handle.db, user) };
}

async function trpcError(promise: Promise<unknown>): Promise<TRPCError> {
  const err = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(TRPCError);
  return err as TRPCError;
}

async function roleOf(orgId: string, userId: string) {
  const [m] = await handle.db
    .select({ role: memberships.role })
    .from(memberships)
    .where(and(eq(memberships.organizationId, orgId), eq(memberships.userId, userId)));
  return m?.role ?? null;
}

describe("members list", () => {
  it("shows name, email, role and joined date to every member, with what the caller may do", async () => {
    const t = await newTenant(handle.db, "list");
    const admin = await joinAs(t, "admin");
    const viewer = await joinAs(t, "viewer");

    const asOwner = await t.caller.members.list({ orgSlug: t.org.slug });
    expect(asOwner.members.map((m) => [m.email, m.role])).toEqual([
      [t.user.email, "owner"],
      [admin.user.email, "admin"],
      [viewer.user.email, "viewer"],
    ]);
    expect(asOwner.members.every((m) => m.joinedAt instanceof Date && m.name.length > 0)).toBe(true);
    const adminRow = asOwner.members.find((m) => m.userId === admin.user.id);
    expect(adminRow?.allowed).toMatchObject({ remove: true, transfer: true });
    expect(adminRow?.allowed.roles).toEqual(["owner", "analyst", "viewer"]);
    const me = asOwner.members.find((m) => m.isYou);
    expect(me?.allowed).toMatchObject({ leave: false, remove: false, roles: [] });

    const asViewer = await viewer.caller.members.list({ orgSlug: t.org.slug });
    expect(asViewer.members).toHaveLength(3);
    expect(asViewer.members.every((m) => m.allowed.roles.length === 0 && !m.allowed.remove)).toBe(true);
    expect(asViewer.members.find((m) => m.isYou)?.allowed.leave).toBe(true);

    const asAdmin = await admin.caller.members.list({ orgSlug: t.org.slug });
    expect(asAdmin.members.find((m) => m.role === "owner")?.allowed).toMatchObject({
      remove: false,
      roles: [],
    });
    expect(asAdmin.members.find((m) => m.role === "viewer")?.allowed).toMatchObject({
      remove: true,
      roles: ["admin", "analyst"],
    });
  });
});

describe("role rules, each tried through the API", () => {
  it("an analyst cannot change roles (FORBIDDEN); an admin can change an analyst's role", async () => {
    const t = await newTenant(handle.db, "rules1");
    const admin = await joinAs(t, "admin");
    const analyst = await joinAs(t, "analyst");
    const viewer = await joinAs(t, "viewer");
    const err = await trpcError(
      analyst.caller.members.changeRole({ orgSlug: t.org.slug, userId: viewer.user.id, role: "analyst" }),
    );
    expect(err.code).toBe("FORBIDDEN");
    expect(await roleOf(t.org.id, viewer.user.id)).toBe("viewer");

    await expect(
      admin.caller.members.changeRole({ orgSlug: t.org.slug, userId: analyst.user.id, role: "viewer" }),
    ).resolves.toMatchObject({ role: "viewer", changed: true });
    expect(await roleOf(t.org.id, analyst.user.id)).toBe("viewer");
  });

  it("nobody grants above their own role: an admin cannot make an owner, but can make an admin", async () => {
    const t = await newTenant(handle.db, "rules2");
    const admin = await joinAs(t, "admin");
    const analyst = await joinAs(t, "analyst");
    const err = await trpcError(
      admin.caller.members.changeRole({ orgSlug: t.org.slug, userId: analyst.user.id, role: "owner" }),
    );
    expect(err.code).toBe("FORBIDDEN");
    expect(err.message).toMatch(/above your own/);
    expect(await roleOf(t.org.id, analyst.user.id)).toBe("analyst");

    await admin.caller.members.changeRole({ orgSlug: t.org.slug, userId: analyst.user.id, role: "admin" });
    expect(await roleOf(t.org.id, analyst.user.id)).toBe("admin");
  });

  it("an admin cannot change an owner or another admin; the owner can change an admin", async () => {
    const t = await newTenant(handle.db, "rules3");
    const admin = await joinAs(t, "admin");
    const admin2 = await joinAs(t, "admin", "admin2");
    for (const target of [t.user.id, admin2.user.id]) {
      const err = await trpcError(
        admin.caller.members.changeRole({ orgSlug: t.org.slug, userId: target, role: "viewer" }),
      );
      expect(err.code).toBe("FORBIDDEN");
    }
    expect(await roleOf(t.org.id, t.user.id)).toBe("owner");
    expect(await roleOf(t.org.id, admin2.user.id)).toBe("admin");

    await t.caller.members.changeRole({ orgSlug: t.org.slug, userId: admin2.user.id, role: "analyst" });
    expect(await roleOf(t.org.id, admin2.user.id)).toBe("analyst");
  });

  it("an admin cannot change their own role", async () => {
    const t = await newTenant(handle.db, "rules4");
    const admin = await joinAs(t, "admin");
    const err = await trpcError(
      admin.caller.members.changeRole({ orgSlug: t.org.slug, userId: admin.user.id, role: "viewer" }),
    );
    expect(err.code).toBe("FORBIDDEN");
    expect(await roleOf(t.org.id, admin.user.id)).toBe("admin");
  });

  it("an admin cannot remove an owner or another admin; an admin removes an analyst, the owner an admin", async () => {
    const t = await newTenant(handle.db, "rules5");
    const admin = await joinAs(t, "admin");
    const admin2 = await joinAs(t, "admin", "admin2");
    const analyst = await joinAs(t, "analyst");
    for (const target of [t.user.id, admin2.user.id]) {
      const err = await trpcError(admin.caller.members.remove({ orgSlug: t.org.slug, userId: target }));
      expect(err.code).toBe("FORBIDDEN");
      expect(await roleOf(t.org.id, target)).not.toBeNull();
    }
    await admin.caller.members.remove({ orgSlug: t.org.slug, userId: analyst.user.id });
    expect(await roleOf(t.org.id, analyst.user.id)).toBeNull();
    await t.caller.members.remove({ orgSlug: t.org.slug, userId: admin2.user.id });
    expect(await roleOf(t.org.id, admin2.user.id)).toBeNull();
  });

  it("a viewer or analyst cannot remove anyone", async () => {
    const t = await newTenant(handle.db, "rules6");
    const analyst = await joinAs(t, "analyst");
    const viewer = await joinAs(t, "viewer");
    expect(
      (await trpcError(analyst.caller.members.remove({ orgSlug: t.org.slug, userId: viewer.user.id }))).code,
    ).toBe("FORBIDDEN");
    expect(
      (await trpcError(viewer.caller.members.remove({ orgSlug: t.org.slug, userId: analyst.user.id }))).code,
    ).toBe("FORBIDDEN");
    expect(await roleOf(t.org.id, viewer.user.id)).toBe("viewer");
    expect(await roleOf(t.org.id, analyst.user.id)).toBe("analyst");
  });

  it("the last owner cannot leave, be demoted or be removed; with a second owner all three work", async () => {
    const t = await newTenant(handle.db, "lastowner");
    const admin = await joinAs(t, "admin");
    const slug = t.org.slug;

    const leave = await trpcError(t.caller.members.leave({ orgSlug: slug }));
    expect(leave.code).toBe("FORBIDDEN");
    expect(leave.message).toMatch(/last owner/);
    const demote = await trpcError(
      t.caller.members.changeRole({ orgSlug: slug, userId: t.user.id, role: "admin" }),
    );
    expect(demote.code).toBe("FORBIDDEN");
    expect(demote.message).toMatch(/at least one owner/);
    const removeSelf = await trpcError(t.caller.members.remove({ orgSlug: slug, userId: t.user.id }));
    expect(removeSelf.code).toBe("FORBIDDEN");
    const removedByAdmin = await trpcError(admin.caller.members.remove({ orgSlug: slug, userId: t.user.id }));
    expect(removedByAdmin.code).toBe("FORBIDDEN");
    expect(await roleOf(t.org.id, t.user.id)).toBe("owner");

    // Positive twins: with a second owner, the first can be demoted, an owner removed, and an owner can leave.
    const owner2 = await joinAs(t, "owner", "owner2");
    await owner2.caller.members.changeRole({ orgSlug: slug, userId: t.user.id, role: "admin" });
    expect(await roleOf(t.org.id, t.user.id)).toBe("admin");
    const owner3 = await joinAs(t, "owner", "owner3", owner2.caller);
    await owner2.caller.members.remove({ orgSlug: slug, userId: owner3.user.id });
    expect(await roleOf(t.org.id, owner3.user.id)).toBeNull();
    const owner4 = await joinAs(t, "owner", "owner4", owner2.caller);
    await owner2.caller.members.leave({ orgSlug: slug });
    expect(await roleOf(t.org.id, owner2.user.id)).toBeNull();
    expect(await roleOf(t.org.id, owner4.user.id)).toBe("owner");
  });

  it("two owners demoting each other at the same time never leave the organization without an owner", async () => {
    const t = await newTenant(handle.db, "race");
    const owner2 = await joinAs(t, "owner", "owner2");
    const results = await Promise.allSettled([
      t.caller.members.changeRole({ orgSlug: t.org.slug, userId: owner2.user.id, role: "admin" }),
      owner2.caller.members.changeRole({ orgSlug: t.org.slug, userId: t.user.id, role: "admin" }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    const rejected = results.find((r) => r.status === "rejected");
    expect(rejected?.status === "rejected" && (rejected.reason as TRPCError).code).toBe("FORBIDDEN");
    const owners = await handle.db
      .select()
      .from(memberships)
      .where(and(eq(memberships.organizationId, t.org.id), eq(memberships.role, "owner")));
    expect(owners).toHaveLength(1);
  });
});

describe("leaving and removal take effect at once", () => {
  it("a removed member's next request to the organization is NOT_FOUND", async () => {
    const t = await newTenant(handle.db, "removed");
    const analyst = await joinAs(t, "analyst");
    await expect(analyst.caller.org.get({ orgSlug: t.org.slug })).resolves.toMatchObject({ role: "analyst" });
    await expect(analyst.caller.members.list({ orgSlug: t.org.slug })).resolves.toBeTruthy();

    await t.caller.members.remove({ orgSlug: t.org.slug, userId: analyst.user.id });

    for (const call of [
      () => analyst.caller.org.get({ orgSlug: t.org.slug }),
      () => analyst.caller.members.list({ orgSlug: t.org.slug }),
    ]) {
      const err = await trpcError(call());
      expect(err.code).toBe("NOT_FOUND");
      expect(JSON.stringify(err)).not.toContain(t.org.name);
    }
    const [event] = await handle.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.organizationId, t.org.id), eq(auditEvents.action, "member.removed")));
    expect(event).toMatchObject({ actorUserId: t.user.id, targetId: analyst.user.id, ip: "203.0.113.7" });
    expect(event?.data).toMatchObject({ email: analyst.user.email, before: { role: "analyst" } });
  });

  it("a member who leaves loses access and the org disappears from their switcher", async () => {
    const t = await newTenant(handle.db, "leaver");
    const viewer = await joinAs(t, "viewer");
    expect((await viewer.caller.org.mine()).map((o) => o.slug)).toEqual([t.org.slug]);
    await viewer.caller.members.leave({ orgSlug: t.org.slug });
    expect(await viewer.caller.org.mine()).toEqual([]);
    expect((await trpcError(viewer.caller.members.list({ orgSlug: t.org.slug }))).code).toBe("NOT_FOUND");
  });
});

describe("ownership transfer", () => {
  it("only an owner can transfer, with the organization's name typed to confirm", async () => {
    const t = await newTenant(handle.db, "transfer");
    const admin = await joinAs(t, "admin");
    const analyst = await joinAs(t, "analyst");
    const slug = t.org.slug;

    const byAdmin = await trpcError(
      admin.caller.members.transferOwnership({
        orgSlug: slug,
        userId: analyst.user.id,
        confirmation: t.org.name,
      }),
    );
    expect(byAdmin.code).toBe("FORBIDDEN");
    const unconfirmed = await trpcError(
      t.caller.members.transferOwnership({ orgSlug: slug, userId: analyst.user.id, confirmation: "yes" }),
    );
    expect(unconfirmed.code).toBe("BAD_REQUEST");
    expect(unconfirmed.message).toContain(t.org.name);
    const toSelf = await trpcError(
      t.caller.members.transferOwnership({ orgSlug: slug, userId: t.user.id, confirmation: t.org.name }),
    );
    expect(toSelf.code).toBe("FORBIDDEN");
    expect(await roleOf(t.org.id, analyst.user.id)).toBe("analyst");

    await t.caller.members.transferOwnership({
      orgSlug: slug,
      userId: analyst.user.id,
      confirmation: t.org.name,
    });
    expect(await roleOf(t.org.id, analyst.user.id)).toBe("owner");
    expect(await roleOf(t.org.id, t.user.id)).toBe("admin");
    const [event] = await handle.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.organizationId, t.org.id), eq(auditEvents.action, "ownership.transferred")));
    expect(event).toMatchObject({ actorUserId: t.user.id, targetId: analyst.user.id });
    expect(event?.data).toMatchObject({ after: { newOwnerRole: "owner", previousOwnerRole: "admin" } });

    // The former owner is now an admin and cannot transfer any more.
    const again = await trpcError(
      t.caller.members.transferOwnership({ orgSlug: slug, userId: admin.user.id, confirmation: t.org.name }),
    );
    expect(again.code).toBe("FORBIDDEN");
  });
});

describe("cross-tenant: a member of A with B's slug or ids gets NOT_FOUND and no B data", () => {
  it("every members procedure, with a positive twin for B's own owner", async () => {
    const a = await newTenant(handle.db, "tenanta");
    const b = await newTenant(handle.db, "tenantb");
    const bAnalyst = await joinAs(b, "analyst");
    const aAnalyst = await joinAs(a, "analyst");
    const calls: [string, (caller: Tenant["caller"], slug: string, userId: string) => Promise<unknown>][] = [
      ["list", (c, slug) => c.members.list({ orgSlug: slug })],
      ["changeRole", (c, slug, userId) => c.members.changeRole({ orgSlug: slug, userId, role: "viewer" })],
      [
        "transferOwnership",
        (c, slug, userId) =>
          c.members.transferOwnership({
            orgSlug: slug,
            userId,
            confirmation: slug === a.org.slug ? a.org.name : b.org.name,
          }),
      ],
      ["remove", (c, slug, userId) => c.members.remove({ orgSlug: slug, userId })],
      ["leave", (c, slug) => c.members.leave({ orgSlug: slug })],
    ];
    for (const [name, call] of calls) {
      // B's slug: the org procedure answers NOT_FOUND.
      const viaSlug = await trpcError(call(a.caller, b.org.slug, bAnalyst.user.id));
      expect(viaSlug.code, name).toBe("NOT_FOUND");
      expect(JSON.stringify(viaSlug), name).not.toContain(b.org.name);
      expect(JSON.stringify(viaSlug), name).not.toContain(bAnalyst.user.email);
      // A's slug with B's member id: the service finds no such member in A.
      if (name !== "list" && name !== "leave") {
        const viaId = await trpcError(call(a.caller, a.org.slug, bAnalyst.user.id));
        expect(viaId.code, name).toBe("NOT_FOUND");
        expect(JSON.stringify(viaId), name).not.toContain(bAnalyst.user.email);
      }
    }
    expect(await roleOf(b.org.id, bAnalyst.user.id)).toBe("analyst");
    expect(await roleOf(b.org.id, b.user.id)).toBe("owner");
    expect(await roleOf(a.org.id, aAnalyst.user.id)).toBe("analyst");

    // Positive twins: the same calls work for B's own owner on B's member.
    const list = await b.caller.members.list({ orgSlug: b.org.slug });
    expect(list.members.map((m) => m.email).sort()).toEqual([b.user.email, bAnalyst.user.email].sort());
    expect(JSON.stringify(list)).not.toContain(a.user.email);
    await b.caller.members.changeRole({ orgSlug: b.org.slug, userId: bAnalyst.user.id, role: "viewer" });
    expect(await roleOf(b.org.id, bAnalyst.user.id)).toBe("viewer");
    await b.caller.members.transferOwnership({
      orgSlug: b.org.slug,
      userId: bAnalyst.user.id,
      confirmation: b.org.name,
    });
    expect(await roleOf(b.org.id, bAnalyst.user.id)).toBe("owner");
    const bViewer = await joinAs(b, "viewer");
    await bAnalyst.caller.members.remove({ orgSlug: b.org.slug, userId: bViewer.user.id });
    expect(await roleOf(b.org.id, bViewer.user.id)).toBeNull();
    await b.caller.members.leave({ orgSlug: b.org.slug });
    expect(await roleOf(b.org.id, b.user.id)).toBeNull();
  });
});
