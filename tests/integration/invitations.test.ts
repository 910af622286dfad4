import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { createHash, randomBytes } from "node:crypto";
import { TRPCError } from "@trpc/server";
import { and, eq, sql } from "drizzle-orm";
import { createTestDatabase } from "../helpers/db";
import { callerFor, newTenant } from "../helpers/callers";
import { openDatabase, queryRows, type Database, type DatabaseHandle } from "@/server/db/client";
import { auditEvents, emailOutbox, invitations, memberships, organizations, users } from "@/server/db/schema";
import type { SessionUser } from "@/server/auth/sessions";
import type { Role } from "@/lib/permissions";

// These tests use the development outbox; an SMTP_URL in the shell must not send real mail from them.
vi.hoisted(() => {
  delete process.env.SMTP_URL;
});

let handle: DatabaseHandle;
beforeAll(async () => {
  handle = await createTestDatabase();
});
afterAll(async () => {
  await handle.close();
});

type Tenant = Awaited<ReturnType<typeof newTenant>>;
type Caller = Tenant["caller"];
const PASSWORD = "invitations-test-password";
const randomIp = () => `198.51.100.${1 + ((randomBytes(1)[0] ?? 0) % 250)}`;
const uniqueEmail = (label: string) => `${label}-${randomBytes(4).toString("hex")}@example.com`;
const anonymous = () => callerFor(handle.db, null, randomIp());

async function trpcError(promise: Promise<unknown>): Promise<TRPCError> {
  const err = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(TRPCError);
  return err as TRPCError;
}

const tokenOf = (url: string | null | undefined) => {
  const token = url?.split("/invite/")[1];
  if (!token) throw new Error(`no token in ${url}`);
  return token;
};

/** Raw query results: PGlite returns `{ rows }`, postgres.js the rows themselves. */
function rowsOf(result: unknown): unknown[] {
  if (Array.isArray(result)) return result;
  return (result as { rows: unknown[] }).rows;
}

async function invite(caller: Caller, orgSlug: string, email: string, role: Role = "analyst") {
  const { results } = await caller.invitations.create({ orgSlug, emails: [email], role });
  const sent = results[0];
  if (sent?.status !== "sent") throw new Error(`not sent: ${JSON.stringify(results)}`);
  return { id: sent.invitationId, token: tokenOf(sent.inviteUrl), url: sent.inviteUrl };
}

/** A user with an account but no membership in the org yet. */
async function account(label: string) {
  const t = await newTenant(handle.db, label);
  return t;
}

async function joinAs(tenant: Tenant, role: Role, inviter: Caller = tenant.caller) {
  const email = uniqueEmail(role);
  const { token } = await invite(inviter, tenant.org.slug, email, role);
  await anonymous().invitations.signUp({ token, name: `${role} person`, password: PASSWORD });
  const [row] = await handle.db.select().from(users).where(eq(users.email, email));
  if (!row) throw new Error("user not created");
  const user: SessionUser = { id: row.id, email, name: row.name, sessionId: "test" };
  return { user, caller: callerFor(handle.db, user) };
}

async function membershipsOf(orgId: string, userId: string) {
  return handle.db
    .select()
    .from(memberships)
    .where(and(eq(memberships.organizationId, orgId), eq(memberships.userId, userId)));
}

async function invitationRow(orgId: string, id: string) {
  const [row] = await handle.db
    .select()
    .from(invitations)
    .where(and(eq(invitations.organizationId, orgId), eq(invitations.id, id)));
  return row;
}

describe("the token", () => {
  it("is 32 random bytes in base64url, only its SHA-256 is stored, and the raw token is in no table", async () => {
    const t = await newTenant(handle.db, "token");
    const email = uniqueEmail("invitee");
    const { id, token, url } = await invite(t.caller, t.org.slug, email);
    expect(url).toMatch(/^http:\/\/localhost:3000\/invite\/[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(token, "base64url")).toHaveLength(32);

    const row = await invitationRow(t.org.id, id);
    expect(row?.tokenHash).toBe(createHash("sha256").update(token).digest("hex"));
    expect(row).toMatchObject({
      email,
      role: "analyst",
      invitedBy: t.user.id,
      acceptedAt: null,
      revokedAt: null,
    });

    const names = rowsOf(
      await handle.db.execute(
        sql`select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'`,
      ),
    ) as { table_name: string }[];
    expect(names.map((n) => n.table_name)).toContain("invitations");
    let hashFound = 0;
    for (const { table_name } of names) {
      // The development outbox is the simulated mailbox: it holds the email, link included, by design (it is
      // never written in production; see email.test.ts).
      if (table_name === "email_outbox") continue;
      const found = await handle.db.execute(
        sql`select 1 from ${sql.identifier(table_name)} t where t::text like ${"%" + token + "%"}`,
      );
      expect(rowsOf(found), table_name).toHaveLength(0);
      const hashed = await handle.db.execute(
        sql`select 1 from ${sql.identifier(table_name)} t where t::text like ${"%" + row?.tokenHash + "%"}`,
      );
      hashFound += rowsOf(hashed).length;
    }
    expect(hashFound).toBe(1);

    const [mail] = await handle.db.select().from(emailOutbox).where(eq(emailOutbox.to, email));
    expect(mail?.subject).toBe(`${t.user.name} invited you to ${t.org.name} on SalesMix`);
    expect(mail?.text).toContain(url);
  });

  it("expires 7 days after it is sent, by the database clock", async () => {
    const t = await newTenant(handle.db, "ttl");
    const { id } = await invite(t.caller, t.org.slug, uniqueEmail("ttl"));
    const row = await invitationRow(t.org.id, id);
    const days = ((row?.expiresAt.getTime() ?? 0) - (row?.createdAt.getTime() ?? 0)) / 86_400_000;
    expect(days).toBeCloseTo(7, 5);
  });
});

describe("accepting", () => {
  it("a signed-in user with the invited email joins with the invited role, once", async () => {
    const t = await newTenant(handle.db, "accept");
    const invitee = await account("invitee");
    const { id, token } = await invite(t.caller, t.org.slug, invitee.user.email, "viewer");
    const joined = await invitee.caller.invitations.accept({ token });
    expect(joined).toMatchObject({ organization: { slug: t.org.slug }, role: "viewer" });
    expect(await membershipsOf(t.org.id, invitee.user.id)).toMatchObject([{ role: "viewer" }]);
    expect(await invitationRow(t.org.id, id)).toMatchObject({ acceptedBy: invitee.user.id });
    const [event] = await handle.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.organizationId, t.org.id), eq(auditEvents.action, "invitation.accepted")));
    expect(event).toMatchObject({ actorUserId: invitee.user.id, targetId: id, data: { role: "viewer" } });

    // Reuse: the same link again is refused and says so.
    const again = await trpcError(invitee.caller.invitations.accept({ token }));
    expect(again.code).toBe("CONFLICT");
    expect(again.message).toMatch(/already been used/);
    expect(await membershipsOf(t.org.id, invitee.user.id)).toHaveLength(1);
  });

  it("two concurrent accepts of one link make exactly one membership", async () => {
    const t = await newTenant(handle.db, "concurrent");
    const invitee = await account("racer");
    const { token } = await invite(t.caller, t.org.slug, invitee.user.email);
    const results = await Promise.allSettled([
      invitee.caller.invitations.accept({ token }),
      invitee.caller.invitations.accept({ token }),
      callerFor(handle.db, invitee.user).invitations.accept({ token }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    for (const r of results.filter((x) => x.status === "rejected")) {
      expect(r.status === "rejected" && (r.reason as TRPCError).code).toBe("CONFLICT");
    }
    expect(await membershipsOf(t.org.id, invitee.user.id)).toHaveLength(1);
    const accepted = await handle.db
      .select()
      .from(auditEvents)
      .where(and(eq(auditEvents.organizationId, t.org.id), eq(auditEvents.action, "invitation.accepted")));
    expect(accepted).toHaveLength(1);
  });

  it("two concurrent sign-ups from one link make exactly one account and one membership", async () => {
    const t = await newTenant(handle.db, "concurrent-signup");
    const email = uniqueEmail("twice");
    const { token } = await invite(t.caller, t.org.slug, email);
    const results = await Promise.allSettled([
      anonymous().invitations.signUp({ token, name: "One", password: PASSWORD }),
      anonymous().invitations.signUp({ token, name: "Two", password: PASSWORD }),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(await handle.db.select().from(users).where(eq(users.email, email))).toHaveLength(1);
    const members = await handle.db
      .select()
      .from(memberships)
      .where(eq(memberships.organizationId, t.org.id));
    expect(members).toHaveLength(2);
  });

  it("an expired link is refused with who to ask; a fresh one works", async () => {
    const t = await newTenant(handle.db, "expired");
    const invitee = await account("late");
    const { id, token } = await invite(t.caller, t.org.slug, invitee.user.email);
    await handle.db
      .update(invitations)
      .set({ expiresAt: sql`now() - interval '1 second'` })
      .where(and(eq(invitations.organizationId, t.org.id), eq(invitations.id, id)));
    const err = await trpcError(invitee.caller.invitations.accept({ token }));
    expect(err.code).toBe("CONFLICT");
    expect(err.message).toMatch(/expired/);
    expect(err.message).toContain(t.user.name);
    expect(await membershipsOf(t.org.id, invitee.user.id)).toHaveLength(0);
    const preview = await anonymous().invitations.preview({ token });
    expect(preview).toMatchObject({ status: "expired", organization: { name: t.org.name } });
    expect(preview.message).toContain(t.user.email);

    // Expired invitations are still listed, so they can be resent (which also renews the 7 days).
    const { invitations: listed } = await t.caller.invitations.list({ orgSlug: t.org.slug });
    expect(listed.find((i) => i.id === id)).toMatchObject({ expired: true });
    const resent = await t.caller.invitations.resend({ orgSlug: t.org.slug, invitationId: id });
    await expect(
      invitee.caller.invitations.accept({ token: tokenOf(resent.inviteUrl) }),
    ).resolves.toBeTruthy();
  });

  it("a revoked link is refused; revoking twice says it is already revoked", async () => {
    const t = await newTenant(handle.db, "revoked");
    const invitee = await account("revokee");
    const { id, token } = await invite(t.caller, t.org.slug, invitee.user.email);
    await t.caller.invitations.revoke({ orgSlug: t.org.slug, invitationId: id });
    expect((await invitationRow(t.org.id, id))?.revokedAt).toBeInstanceOf(Date);
    const err = await trpcError(invitee.caller.invitations.accept({ token }));
    expect(err.code).toBe("CONFLICT");
    expect(err.message).toMatch(/withdrawn/);
    expect(await membershipsOf(t.org.id, invitee.user.id)).toHaveLength(0);
    expect((await anonymous().invitations.preview({ token })).status).toBe("revoked");
    const twice = await trpcError(t.caller.invitations.revoke({ orgSlug: t.org.slug, invitationId: id }));
    expect(twice.code).toBe("CONFLICT");
    const { invitations: listed } = await t.caller.invitations.list({ orgSlug: t.org.slug });
    expect(listed.map((i) => i.id)).not.toContain(id);
  });

  it("resend makes a new token: the old link dies, the new one works", async () => {
    const t = await newTenant(handle.db, "resend");
    const invitee = await account("resendee");
    const first = await invite(t.caller, t.org.slug, invitee.user.email);
    const before = await invitationRow(t.org.id, first.id);
    const resent = await t.caller.invitations.resend({ orgSlug: t.org.slug, invitationId: first.id });
    const newToken = tokenOf(resent.inviteUrl);
    expect(newToken).not.toBe(first.token);
    const after = await invitationRow(t.org.id, first.id);
    expect(after?.tokenHash).not.toBe(before?.tokenHash);
    expect(after?.tokenHash).toBe(createHash("sha256").update(newToken).digest("hex"));

    expect((await anonymous().invitations.preview({ token: first.token })).status).toBe("invalid");
    const old = await trpcError(invitee.caller.invitations.accept({ token: first.token }));
    expect(old.code).toBe("NOT_FOUND");
    await invitee.caller.invitations.accept({ token: newToken });
    expect(await membershipsOf(t.org.id, invitee.user.id)).toHaveLength(1);
    const actions = (
      await handle.db.select().from(auditEvents).where(eq(auditEvents.organizationId, t.org.id))
    ).map((e) => e.action);
    expect(actions).toEqual(
      expect.arrayContaining(["invitation.sent", "invitation.resent", "invitation.accepted"]),
    );
  });

  it("someone signed in with another email cannot accept; the invited email can", async () => {
    const t = await newTenant(handle.db, "wrongacct");
    const invitee = await account("right");
    const other = await account("wrong");
    const { token } = await invite(t.caller, t.org.slug, invitee.user.email);
    const err = await trpcError(other.caller.invitations.accept({ token }));
    expect(err.code).toBe("FORBIDDEN");
    expect(err.message).toContain(invitee.user.email);
    expect(await membershipsOf(t.org.id, other.user.id)).toHaveLength(0);
    const preview = await other.caller.invitations.preview({ token });
    expect(preview).toMatchObject({ status: "pending", viewer: "other", viewerEmail: other.user.email });
    await invitee.caller.invitations.accept({ token });
    expect(await membershipsOf(t.org.id, invitee.user.id)).toHaveLength(1);
  });

  it("a link that is not ours is NOT_FOUND, whatever its shape", async () => {
    const invitee = await account("nolink");
    for (const token of ["nope", randomBytes(32).toString("base64url"), "x".repeat(200)]) {
      expect((await trpcError(invitee.caller.invitations.accept({ token }))).code).toBe("NOT_FOUND");
      expect((await anonymous().invitations.preview({ token })).status).toBe("invalid");
    }
  });

  it("accepting needs a signed-in user", async () => {
    const t = await newTenant(handle.db, "anon");
    const { token } = await invite(t.caller, t.org.slug, uniqueEmail("anon"));
    expect((await trpcError(anonymous().invitations.accept({ token }))).code).toBe("UNAUTHORIZED");
  });
});

describe("the link page's preview", () => {
  it("tells who invited to what, and whether the visitor is signed out, the invitee, or someone else", async () => {
    const t = await newTenant(handle.db, "preview");
    const invitee = await account("seen");
    const { token } = await invite(t.caller, t.org.slug, invitee.user.email, "admin");
    const signedOut = await anonymous().invitations.preview({ token });
    expect(signedOut).toMatchObject({
      status: "pending",
      email: invitee.user.email,
      role: "admin",
      organization: { name: t.org.name, slug: null },
      invitedBy: { name: t.user.name, email: t.user.email },
      accountExists: true,
      viewer: "signed_out",
    });
    expect(JSON.stringify(signedOut)).not.toContain(token);
    expect(await invitee.caller.invitations.preview({ token })).toMatchObject({ viewer: "invited" });
    const newcomer = await invite(t.caller, t.org.slug, uniqueEmail("newcomer"));
    expect(await anonymous().invitations.preview({ token: newcomer.token })).toMatchObject({
      accountExists: false,
    });
    // Once accepted, the invitee sees the slug (to be sent on to the org).
    await invitee.caller.invitations.accept({ token });
    expect(await invitee.caller.invitations.preview({ token })).toMatchObject({
      status: "accepted",
      organization: { slug: t.org.slug },
    });
  });
});

describe("sign-up from an invitation", () => {
  it("creates the user with the invited email and joins the org in one go, without an org of their own", async () => {
    const t = await newTenant(handle.db, "signup");
    const email = uniqueEmail("newbie");
    const { token, id } = await invite(t.caller, t.org.slug, email, "analyst");
    const orgsBefore = (await handle.db.select().from(organizations)).length;
    const res = await anonymous().invitations.signUp({ token, name: "New Bie", password: PASSWORD });
    expect(res).toEqual({ email, organizationSlug: t.org.slug });
    const [user] = await handle.db.select().from(users).where(eq(users.email, email));
    expect(user?.passwordHash).not.toContain(PASSWORD);
    expect(await membershipsOf(t.org.id, user?.id ?? "")).toMatchObject([{ role: "analyst" }]);
    expect(await handle.db.select().from(organizations)).toHaveLength(orgsBefore);
    expect((await invitationRow(t.org.id, id))?.acceptedBy).toBe(user?.id);
    const events = await handle.db.select().from(auditEvents).where(eq(auditEvents.organizationId, t.org.id));
    expect(events.map((e) => e.action)).toEqual(
      expect.arrayContaining(["user.signed_up", "invitation.accepted"]),
    );
    expect(JSON.stringify(events)).not.toContain(PASSWORD);
    expect(JSON.stringify(events)).not.toContain(token);
  });

  it("refuses a used, revoked or invalid link and creates no account", async () => {
    const t = await newTenant(handle.db, "signupfail");
    const email = uniqueEmail("refused");
    const { token, id } = await invite(t.caller, t.org.slug, email);
    await t.caller.invitations.revoke({ orgSlug: t.org.slug, invitationId: id });
    const revoked = await trpcError(anonymous().invitations.signUp({ token, name: "X", password: PASSWORD }));
    expect(revoked.code).toBe("CONFLICT");
    const invalid = await trpcError(
      anonymous().invitations.signUp({
        token: randomBytes(32).toString("base64url"),
        name: "X",
        password: PASSWORD,
      }),
    );
    expect(invalid.code).toBe("NOT_FOUND");
    expect(await handle.db.select().from(users).where(eq(users.email, email))).toHaveLength(0);
  });

  it("an existing account is told to sign in, and the invitation stays pending", async () => {
    const t = await newTenant(handle.db, "exists");
    const existing = await account("existing");
    const { token, id } = await invite(t.caller, t.org.slug, existing.user.email);
    const err = await trpcError(anonymous().invitations.signUp({ token, name: "Dup", password: PASSWORD }));
    expect(err.code).toBe("CONFLICT");
    expect(err.message).toMatch(/already exists\. Sign in/);
    expect((await invitationRow(t.org.id, id))?.acceptedAt).toBeNull();
    expect(await membershipsOf(t.org.id, existing.user.id)).toHaveLength(0);
  });

  it("validates name and password with messages for the field", async () => {
    const t = await newTenant(handle.db, "signupval");
    const { token } = await invite(t.caller, t.org.slug, uniqueEmail("val"));
    const err = await trpcError(anonymous().invitations.signUp({ token, name: "", password: "short" }));
    expect(err.code).toBe("BAD_REQUEST");
    expect(err.message).toMatch(/Enter your name|at least 8/);
  });
});

describe("inviting", () => {
  it("reports emails that are already members or already invited instead of inviting them twice", async () => {
    const t = await newTenant(handle.db, "dupes");
    const member = await joinAs(t, "viewer");
    const pending = uniqueEmail("pending");
    await invite(t.caller, t.org.slug, pending);
    const fresh = uniqueEmail("fresh");
    const { results } = await t.caller.invitations.create({
      orgSlug: t.org.slug,
      emails: [member.user.email.toUpperCase(), ` ${pending} `, fresh, fresh],
      role: "viewer",
    });
    expect(results.map((r) => [r.email, r.status])).toEqual([
      [member.user.email, "already_member"],
      [pending, "already_pending"],
      [fresh, "sent"],
    ]);
    const rows = await handle.db
      .select()
      .from(invitations)
      .where(and(eq(invitations.organizationId, t.org.id), eq(invitations.email, pending)));
    expect(rows).toHaveLength(1);
  });

  it("rejects an invalid address by name and invites nobody from that request", async () => {
    const t = await newTenant(handle.db, "badmail");
    const good = uniqueEmail("good");
    const err = await trpcError(
      t.caller.invitations.create({ orgSlug: t.org.slug, emails: [good, "not-an-email"], role: "viewer" }),
    );
    expect(err.code).toBe("BAD_REQUEST");
    expect(err.message).toContain("not-an-email");
    expect(await handle.db.select().from(invitations).where(eq(invitations.email, good))).toHaveLength(0);
  });

  it("limits invitations per organization per hour, and the refused batch leaves nothing behind", async () => {
    const t = await newTenant(handle.db, "ratelimit");
    const other = await newTenant(handle.db, "ratelimit-other");
    for (let batch = 0; batch < 5; batch++) {
      const emails = Array.from(
        { length: 10 },
        (_, i) => `rl-${batch}-${i}-${randomBytes(2).toString("hex")}@example.com`,
      );
      const { results } = await t.caller.invitations.create({ orgSlug: t.org.slug, emails, role: "viewer" });
      expect(results.every((r) => r.status === "sent")).toBe(true);
    }
    const last = uniqueEmail("one-too-many");
    const err = await trpcError(
      t.caller.invitations.create({ orgSlug: t.org.slug, emails: [last], role: "viewer" }),
    );
    expect(err.code).toBe("TOO_MANY_REQUESTS");
    expect(err.message).toMatch(/too many invitations.*Try again in \d+ minutes/);
    expect(await handle.db.select().from(invitations).where(eq(invitations.email, last))).toHaveLength(0);
    // The limit is per organization: another org still invites.
    await expect(invite(other.caller, other.org.slug, uniqueEmail("other"))).resolves.toBeTruthy();
  });
});

describe("invitation permissions, each tried through the API", () => {
  it("a viewer or analyst cannot invite, list, resend or revoke; an admin can", async () => {
    const t = await newTenant(handle.db, "perm");
    const admin = await joinAs(t, "admin");
    const analyst = await joinAs(t, "analyst");
    const viewer = await joinAs(t, "viewer");
    const { id } = await invite(t.caller, t.org.slug, uniqueEmail("target"), "viewer");
    const slug = t.org.slug;
    for (const who of [analyst, viewer]) {
      const email = uniqueEmail("denied");
      expect(
        (await trpcError(who.caller.invitations.create({ orgSlug: slug, emails: [email], role: "viewer" })))
          .code,
      ).toBe("FORBIDDEN");
      expect(await handle.db.select().from(invitations).where(eq(invitations.email, email))).toHaveLength(0);
      expect((await trpcError(who.caller.invitations.list({ orgSlug: slug }))).code).toBe("FORBIDDEN");
      expect((await trpcError(who.caller.invitations.resend({ orgSlug: slug, invitationId: id }))).code).toBe(
        "FORBIDDEN",
      );
      expect((await trpcError(who.caller.invitations.revoke({ orgSlug: slug, invitationId: id }))).code).toBe(
        "FORBIDDEN",
      );
    }
    expect((await invitationRow(t.org.id, id))?.revokedAt).toBeNull();

    await expect(invite(admin.caller, slug, uniqueEmail("byadmin"), "analyst")).resolves.toBeTruthy();
    const { invitations: listed } = await admin.caller.invitations.list({ orgSlug: slug });
    expect(listed.map((i) => i.id)).toContain(id);
    await admin.caller.invitations.resend({ orgSlug: slug, invitationId: id });
    await admin.caller.invitations.revoke({ orgSlug: slug, invitationId: id });
    expect((await invitationRow(t.org.id, id))?.revokedAt).toBeInstanceOf(Date);
  });

  it("nobody invites above their own role: an admin cannot invite an owner but can invite an admin", async () => {
    const t = await newTenant(handle.db, "above");
    const admin = await joinAs(t, "admin");
    const email = uniqueEmail("wannabe");
    const err = await trpcError(
      admin.caller.invitations.create({ orgSlug: t.org.slug, emails: [email], role: "owner" }),
    );
    expect(err.code).toBe("FORBIDDEN");
    expect(err.message).toMatch(/above your own/);
    expect(await handle.db.select().from(invitations).where(eq(invitations.email, email))).toHaveLength(0);
    await expect(invite(admin.caller, t.org.slug, uniqueEmail("peer"), "admin")).resolves.toBeTruthy();
    await expect(invite(t.caller, t.org.slug, uniqueEmail("coowner"), "owner")).resolves.toBeTruthy();
  });

  it("an admin cannot resend or revoke an owner's invitation; the owner can", async () => {
    const t = await newTenant(handle.db, "ownerinv");
    const admin = await joinAs(t, "admin");
    const { id } = await invite(t.caller, t.org.slug, uniqueEmail("future-owner"), "owner");
    expect(
      (await trpcError(admin.caller.invitations.resend({ orgSlug: t.org.slug, invitationId: id }))).code,
    ).toBe("FORBIDDEN");
    expect(
      (await trpcError(admin.caller.invitations.revoke({ orgSlug: t.org.slug, invitationId: id }))).code,
    ).toBe("FORBIDDEN");
    expect((await invitationRow(t.org.id, id))?.revokedAt).toBeNull();
    const { invitations: listed } = await admin.caller.invitations.list({ orgSlug: t.org.slug });
    expect(listed.find((i) => i.id === id)?.canManage).toBe(false);
    await t.caller.invitations.revoke({ orgSlug: t.org.slug, invitationId: id });
    expect((await invitationRow(t.org.id, id))?.revokedAt).toBeInstanceOf(Date);
  });
});

describe("cross-tenant: a member of A with B's slug or ids gets NOT_FOUND and no B data", () => {
  it("list, create, resend and revoke, with a positive twin for B's owner", async () => {
    const a = await newTenant(handle.db, "inva");
    const b = await newTenant(handle.db, "invb");
    const bEmail = uniqueEmail("b-invitee");
    const bInvite = await invite(b.caller, b.org.slug, bEmail);
    const aInvite = await invite(a.caller, a.org.slug, uniqueEmail("a-invitee"));
    const noLeak = (err: TRPCError) => {
      expect(JSON.stringify(err)).not.toContain(b.org.name);
      expect(JSON.stringify(err)).not.toContain(bEmail);
    };

    // B's slug.
    for (const call of [
      () => a.caller.invitations.list({ orgSlug: b.org.slug }),
      () => a.caller.invitations.create({ orgSlug: b.org.slug, emails: [uniqueEmail("x")], role: "viewer" }),
      () => a.caller.invitations.resend({ orgSlug: b.org.slug, invitationId: bInvite.id }),
      () => a.caller.invitations.revoke({ orgSlug: b.org.slug, invitationId: bInvite.id }),
    ]) {
      const err = await trpcError(call());
      expect(err.code).toBe("NOT_FOUND");
      noLeak(err);
    }
    // A's slug with B's invitation id.
    for (const call of [
      () => a.caller.invitations.resend({ orgSlug: a.org.slug, invitationId: bInvite.id }),
      () => a.caller.invitations.revoke({ orgSlug: a.org.slug, invitationId: bInvite.id }),
    ]) {
      const err = await trpcError(call());
      expect(err.code).toBe("NOT_FOUND");
      noLeak(err);
    }
    const aList = await a.caller.invitations.list({ orgSlug: a.org.slug });
    expect(aList.invitations.map((i) => i.id)).toEqual([aInvite.id]);
    expect(JSON.stringify(aList)).not.toContain(bEmail);
    const untouched = await invitationRow(b.org.id, bInvite.id);
    expect(untouched).toMatchObject({
      revokedAt: null,
      tokenHash: createHash("sha256").update(bInvite.token).digest("hex"),
    });

    // Positive twins for B's own owner.
    expect((await b.caller.invitations.list({ orgSlug: b.org.slug })).invitations.map((i) => i.id)).toEqual([
      bInvite.id,
    ]);
    await expect(invite(b.caller, b.org.slug, uniqueEmail("b2"))).resolves.toBeTruthy();
    await b.caller.invitations.resend({ orgSlug: b.org.slug, invitationId: bInvite.id });
    await b.caller.invitations.revoke({ orgSlug: b.org.slug, invitationId: bInvite.id });
    expect((await invitationRow(b.org.id, bInvite.id))?.revokedAt).toBeInstanceOf(Date);
  });

  it("a link only ever joins its own organization, whoever's member opens it", async () => {
    const a = await newTenant(handle.db, "linka");
    const b = await newTenant(handle.db, "linkb");
    const { token } = await invite(b.caller, b.org.slug, a.user.email, "viewer");
    const joined = await a.caller.invitations.accept({ token });
    expect(joined.organization.slug).toBe(b.org.slug);
    expect(await membershipsOf(b.org.id, a.user.id)).toMatchObject([{ role: "viewer" }]);
    expect(await membershipsOf(a.org.id, a.user.id)).toMatchObject([{ role: "owner" }]);
  });
});

describe("under row-level security, as the app's ordinary role", () => {
  /**
   * Runs `fn` on a database whose sessions are the app role (no BYPASSRLS), the way the server runs. PGlite has
   * one session, switched for the duration; on PostgreSQL a second pool logs in with that role.
   */
  async function asAppRole<T>(fn: (db: Database) => Promise<T>): Promise<T> {
    if (handle.engine === "pglite") {
      await handle.db.execute(sql`set role salesmix_app`);
      try {
        return await fn(handle.db);
      } finally {
        await handle.db.execute(sql`reset role`);
      }
    }
    const [current] = await queryRows<{ name: string }>(handle.db, sql`select current_database() as name`);
    const url = new URL(process.env.TEST_DATABASE_URL ?? "");
    url.pathname = `/${current?.name}`;
    const app = await openDatabase({ url: url.toString(), role: "salesmix_app", max: 3 });
    try {
      return await fn(app.db);
    } finally {
      await app.close();
    }
  }

  it("invite, preview, sign up, accept, manage members and read the audit log all work", async () => {
    const { orgId, joinedEmail, existingUserId } = await asAppRole(async (db) => {
      const visible = async () =>
        Number(
          (await queryRows<{ n: string | number }>(db, sql`select count(*) as n from invitations`))[0]?.n,
        );
      const owner = await newTenant(db, "rls-owner");
      const existing = await newTenant(db, "rls-existing");
      const slug = owner.org.slug;
      const newcomer = uniqueEmail("rls-new");
      const { results } = await owner.caller.invitations.create({
        orgSlug: slug,
        emails: [newcomer, existing.user.email],
        role: "analyst",
      });
      expect(results.map((r) => r.status)).toEqual(["sent", "sent"]);
      // The policies are in force: with no organization set, the new invitations are invisible.
      expect(await visible()).toBe(0);
      const [forNew, forExisting] = results.map((r) => (r.status === "sent" ? r : null));

      const listed = await owner.caller.invitations.list({ orgSlug: slug });
      expect(listed.invitations).toHaveLength(2);
      const resent = await owner.caller.invitations.resend({
        orgSlug: slug,
        invitationId: forNew?.invitationId ?? "",
      });
      const token = tokenOf(resent.inviteUrl);

      const anon = callerFor(db, null, randomIp());
      expect(await anon.invitations.preview({ token })).toMatchObject({ status: "pending", email: newcomer });
      expect((await anon.invitations.preview({ token: tokenOf(forNew?.inviteUrl) })).status).toBe("invalid");
      await anon.invitations.signUp({ token, name: "Rita Rls", password: PASSWORD });

      const existingToken = tokenOf(forExisting?.inviteUrl);
      expect(await existing.caller.invitations.preview({ token: existingToken })).toMatchObject({
        viewer: "invited",
      });
      await existing.caller.invitations.accept({ token: existingToken });
      expect(await existing.caller.invitations.preview({ token: existingToken })).toMatchObject({
        status: "accepted",
        organization: { slug },
      });

      const { members } = await owner.caller.members.list({ orgSlug: slug });
      expect(members.map((m) => m.role)).toEqual(["owner", "analyst", "analyst"]);
      const joined = members.find((m) => m.email === newcomer);
      await owner.caller.members.changeRole({ orgSlug: slug, userId: joined?.userId ?? "", role: "viewer" });
      await owner.caller.members.remove({ orgSlug: slug, userId: joined?.userId ?? "" });
      await owner.caller.members.transferOwnership({
        orgSlug: slug,
        userId: existing.user.id,
        confirmation: owner.org.name,
      });
      await owner.caller.members.leave({ orgSlug: slug });
      const third = await invite(existing.caller, slug, uniqueEmail("rls-third"));
      await existing.caller.invitations.revoke({ orgSlug: slug, invitationId: third.id });

      const { events } = await existing.caller.audit.list({ orgSlug: slug, limit: 100 });
      expect(events.map((e) => e.action)).toEqual(
        expect.arrayContaining([
          "invitation.sent",
          "invitation.resent",
          "invitation.accepted",
          "user.signed_up",
          "member.role_changed",
          "member.removed",
          "ownership.transferred",
          "member.left",
          "invitation.revoked",
        ]),
      );
      expect((await existing.caller.audit.filters({ orgSlug: slug })).actors.length).toBeGreaterThan(1);
      return { orgId: owner.org.id, joinedEmail: newcomer, existingUserId: existing.user.id };
    });
    // Checked as the owner role: the changes are really there.
    expect(await membershipsOf(orgId, existingUserId)).toMatchObject([{ role: "owner" }]);
    const [joinedUser] = await handle.db.select().from(users).where(eq(users.email, joinedEmail));
    expect(await membershipsOf(orgId, joinedUser?.id ?? "")).toHaveLength(0);
  });
});
