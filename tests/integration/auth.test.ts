import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { TRPCError } from "@trpc/server";
import { desc, eq } from "drizzle-orm";
import { createTestDatabase } from "../helpers/db";
import { callerFor, callerForSession, newTenant } from "../helpers/callers";
import type { DatabaseHandle } from "@/server/db/client";
import { auditEvents, emailOutbox, memberships, organizations, sessions, users } from "@/server/db/schema";
import { signUp } from "@/server/auth/signup";
import {
  createSession,
  findActiveSession,
  revokeAllSessions,
  revokeSession,
  verifyCredentials,
} from "@/server/auth/sessions";

let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await createTestDatabase();
});
afterAll(async () => {
  await handle.close();
});

describe("sign-up", () => {
  it("creates the user, the organization, the owner membership and audit rows together", async () => {
    const created = await signUp(handle.db, {
      name: "Ana Ruiz",
      email: "  Ana@Example.COM ",
      password: "a-long-enough-password",
      organizationName: "Acme Robotics",
    });
    if (!created) throw new Error("not created");
    const { user, organization } = created;
    expect(user.email).toBe("ana@example.com");
    expect(organization.slug).toBe("acme-robotics");
    const [m] = await handle.db.select().from(memberships).where(eq(memberships.userId, user.id));
    expect(m).toMatchObject({ organizationId: organization.id, role: "owner" });
    const events = await handle.db
      .select()
      .from(auditEvents)
      .where(eq(auditEvents.organizationId, organization.id));
    expect(events.map((e) => e.action).sort()).toEqual(["organization.created", "user.signed_up"]);
    expect(JSON.stringify(events)).not.toContain("a-long-enough-password");
  });

  it("stores an argon2id hash with 19 MiB and 2 iterations, never the password", async () => {
    const [row] = await handle.db.select().from(users).where(eq(users.email, "ana@example.com"));
    expect(row?.passwordHash).toMatch(/^\$argon2id\$v=19\$m=19456,t=2,p=1\$/);
    expect(row?.passwordHash).not.toContain("a-long-enough-password");
  });

  it("a taken email (any case) creates nothing and answers like a new one; the owner is emailed how to sign in", async () => {
    const orgsBefore = await handle.db.select().from(organizations);
    const result = await signUp(handle.db, {
      name: "Other",
      email: "ANA@example.com",
      password: "another-password-2026",
      organizationName: "Second Org",
    });
    expect(result).toBeNull();
    expect(await handle.db.select().from(organizations)).toHaveLength(orgsBefore.length);
    const [mail] = await handle.db
      .select()
      .from(emailOutbox)
      .where(eq(emailOutbox.to, "ana@example.com"))
      .orderBy(desc(emailOutbox.createdAt))
      .limit(1);
    expect(mail?.subject).toBe("You already have a SalesMix account");
    expect(mail?.text).toMatch(/\/reset-password\/[A-Za-z0-9_-]{43}/);
  });

  it("gives a second organization with the same name its own slug", async () => {
    const created = await signUp(handle.db, {
      name: "Bo",
      email: "bo@example.com",
      password: "bo-long-passphrase-2026",
      organizationName: "Acme Robotics",
    });
    const organization = created!.organization;
    expect(organization.slug).toMatch(/^acme-robotics-[0-9a-f]{6}$/);
  });

  it.each([
    [{ password: "short" }, "password", /at least 8/],
    [{ password: "x".repeat(129) }, "password", /at most 128/],
    [{ email: "not-an-email" }, "email", /valid email/],
    [{ organizationName: " " }, "organizationName", /organization's name/],
    [{ name: "" }, "name", /your name/],
  ])("validates %o through the API with a message for the field", async (override, field, message) => {
    const caller = callerFor(handle.db, null);
    const input = {
      name: "Cy",
      email: "cy@example.com",
      password: "cy-long-passphrase-2026",
      organizationName: "Cy Co",
      ...override,
    };
    const err = await caller.auth.signUp(input).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(TRPCError);
    expect((err as TRPCError).code).toBe("BAD_REQUEST");
    expect((err as TRPCError).message).toMatch(message);
    const [row] = await handle.db.select().from(users).where(eq(users.email, "cy@example.com"));
    expect(row).toBeUndefined();
    expect(field).toBeTruthy();
  });
});

describe("sign-in and sessions", () => {
  it("answers an unknown email and a wrong password the same way", async () => {
    expect(await verifyCredentials(handle.db, "nobody@example.com", "whatever-123")).toBeNull();
    expect(await verifyCredentials(handle.db, "ana@example.com", "wrong-password")).toBeNull();
    expect((await verifyCredentials(handle.db, "ANA@example.com", "a-long-enough-password"))?.email).toBe(
      "ana@example.com",
    );
  });

  it("revokes one session on sign-out and every session on sign-out everywhere", async () => {
    const [ana] = await handle.db.select().from(users).where(eq(users.email, "ana@example.com"));
    const a = await createSession(handle.db, ana!.id, { ip: "198.51.100.1" });
    const b = await createSession(handle.db, ana!.id, { ip: "198.51.100.2" });
    const c = await createSession(handle.db, ana!.id, {});
    expect(await findActiveSession(handle.db, a)).toMatchObject({ email: "ana@example.com" });
    await revokeSession(handle.db, a);
    expect(await findActiveSession(handle.db, a)).toBeNull();
    expect(await findActiveSession(handle.db, b)).not.toBeNull();
    expect(await revokeAllSessions(handle.db, ana!.id)).toBe(2);
    expect(await findActiveSession(handle.db, b)).toBeNull();
    expect(await findActiveSession(handle.db, c)).toBeNull();
    const rows = await handle.db.select().from(sessions).where(eq(sessions.userId, ana!.id));
    expect(rows.every((r) => r.revokedAt !== null)).toBe(true);
  });
});

describe("organization access", () => {
  it("lets a member read their org and answers NOT_FOUND for another tenant's slug", async () => {
    const a = await newTenant(handle.db, "alpha");
    const b = await newTenant(handle.db, "beta");
    await expect(a.caller.org.get({ orgSlug: a.org.slug })).resolves.toMatchObject({
      name: a.org.name,
      role: "owner",
    });
    await expect(b.caller.org.get({ orgSlug: b.org.slug })).resolves.toMatchObject({ name: b.org.name });
    const err = await a.caller.org.get({ orgSlug: b.org.slug }).catch((e: unknown) => e);
    expect((err as TRPCError).code).toBe("NOT_FOUND");
    expect(JSON.stringify(err)).not.toContain(b.org.name);
  });

  it("asks a signed-out caller to sign in", async () => {
    const err = await callerFor(handle.db, null)
      .org.mine()
      .catch((e: unknown) => e);
    expect((err as TRPCError).code).toBe("UNAUTHORIZED");
  });

  it("with a session cookie, checks session and membership in one go: member, non-member, signed out, expired", async () => {
    const a = await newTenant(handle.db, "cookie-a");
    const b = await newTenant(handle.db, "cookie-b");
    const sid = await createSession(handle.db, a.user.id, {});
    const caller = callerForSession(handle.db, sid);
    await expect(caller.org.get({ orgSlug: a.org.slug })).resolves.toMatchObject({
      name: a.org.name,
      role: "owner",
    });
    await expect(caller.auth.me()).resolves.toMatchObject({ id: a.user.id, email: a.user.email });
    // Another tenant's slug: NOT_FOUND, nothing of it in the error; an unknown slug: the same.
    for (const slug of [b.org.slug, "no-such-org"]) {
      const err = await caller.org.get({ orgSlug: slug }).catch((e: unknown) => e);
      expect((err as TRPCError).code).toBe("NOT_FOUND");
      expect(JSON.stringify(err)).not.toContain(b.org.name);
    }
    // An unknown session id, a revoked one and an expired one: UNAUTHORIZED, not NOT_FOUND.
    const unknown = await callerForSession(handle.db, "not-a-session")
      .org.get({ orgSlug: a.org.slug })
      .catch((e: unknown) => e);
    expect((unknown as TRPCError).code).toBe("UNAUTHORIZED");
    await revokeSession(handle.db, sid);
    const revoked = await caller.org.get({ orgSlug: a.org.slug }).catch((e: unknown) => e);
    expect((revoked as TRPCError).code).toBe("UNAUTHORIZED");
    const old = await createSession(handle.db, a.user.id, {});
    await handle.db
      .update(sessions)
      .set({ expiresAt: new Date(Date.now() - 1000) })
      .where(eq(sessions.id, old));
    const expired = await callerForSession(handle.db, old)
      .org.get({ orgSlug: a.org.slug })
      .catch((e: unknown) => e);
    expect((expired as TRPCError).code).toBe("UNAUTHORIZED");
  });

  it("creates another organization for the same user and lists both in the switcher", async () => {
    const a = await newTenant(handle.db, "gamma");
    const { slug } = await a.caller.org.create({ name: "Gamma Europe" });
    const mine = await a.caller.org.mine();
    expect(mine.map((o) => o.slug).sort()).toEqual([a.org.slug, slug].sort());
    expect(mine.every((o) => o.role === "owner")).toBe(true);
  });
});
