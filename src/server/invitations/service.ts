import "server-only";
import { and, desc, eq, gt, inArray, isNull, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { invitations, memberships, users } from "../db/schema";
import type { Transaction } from "../db/client";
import { withTenant } from "../db/tenant";
import { recordAudit } from "../audit";
import { ServiceError } from "../errors";
import { consume } from "../ratelimit";
import { sendEmail, type EmailDelivery } from "../email";
import { userActor, type OrgActorContext } from "../members/context";
import { lockedActor } from "../members/lock";
import { checkInvite, grantableRoles, type Verdict } from "../members/rules";
import { can, type Role } from "@/lib/permissions";
import { emailSchema } from "@/lib/validation/auth";
import { invitationEmail } from "./email";
import { invitationLocale } from "../i18n";
import { invitationPath, newInvitationToken } from "./token";
import { createInvitationsSchema, invitationIdSchema, type CreateInvitationsInput } from "./schemas";

/** Invitations live 7 days, by the database clock (the same clock the accepting UPDATE compares with). */
const inSevenDays = () => sql`now() + interval '7 days'`;

/** Where links in emails point: an absolute base such as https://salesmix.example.com. */
export interface LinkOptions {
  appUrl: string;
}

function enforce(verdict: Verdict): void {
  if (!verdict.ok) throw new ServiceError("FORBIDDEN", verdict.reason);
}

function requireInviter(role: Role) {
  if (!can(role, "members.invite"))
    throw new ServiceError("FORBIDDEN", "Only admins and owners can invite people.");
}

/** The actor's role as of this transaction, with the organization locked (see members/lock). */
async function lockActorRole(tx: Transaction, ctx: OrgActorContext): Promise<Role> {
  return (await lockedActor(tx, ctx.org.id, ctx.user.id)).role;
}

type InviteResult =
  | { email: string; status: "already_member" | "already_pending" }
  | {
      email: string;
      status: "sent";
      invitationId: string;
      delivery: EmailDelivery | "failed";
      /** The link, only when no email carried it (no SMTP, or sending failed): the inviter copies it. */
      inviteUrl: string | null;
    };

async function deliver(
  ctx: OrgActorContext,
  link: LinkOptions,
  invite: { email: string; role: Role; token: string; expiresAt: Date },
) {
  const url = `${link.appUrl}${invitationPath(invite.token)}`;
  const locale = await invitationLocale(ctx.db, invite.email, ctx.user.id);
  const message = invitationEmail({
    to: invite.email,
    organizationName: ctx.org.name,
    inviterName: ctx.user.name,
    inviterEmail: ctx.user.email,
    role: invite.role,
    expiresAt: invite.expiresAt,
    url,
    locale,
  });
  let delivery: EmailDelivery | "failed";
  try {
    delivery = await sendEmail(ctx.db, message);
  } catch (e) {
    console.error("[email] invitation not sent:", e instanceof Error ? e.message : e);
    delivery = "failed";
  }
  return { delivery, inviteUrl: delivery === "smtp" ? null : url };
}

/**
 * Invites one or more emails with one role. Emails already members or with a pending invitation are reported
 * as such, not invited twice. The invitations and their audit rows commit together; the emails go out after
 * the commit, so a slow or failing mail server never holds the transaction or leaves an email for a row that
 * was rolled back.
 */
export async function createInvitations(
  ctx: OrgActorContext,
  rawInput: CreateInvitationsInput,
  link: LinkOptions,
): Promise<{ results: InviteResult[] }> {
  requireInviter(ctx.role);
  const input = createInvitationsSchema.parse(rawInput);
  const emails: string[] = [];
  for (const raw of input.emails) {
    const parsed = emailSchema.safeParse(raw);
    if (!parsed.success)
      throw new ServiceError("BAD_REQUEST", `“${raw.trim()}” is not a valid email address.`, {
        field: "emails",
      });
    if (!emails.includes(parsed.data)) emails.push(parsed.data);
  }

  const { memberSet, pendingSet, created } = await withTenant(ctx.db, ctx.org.id, async (tx) => {
    enforce(checkInvite(await lockActorRole(tx, ctx), input.role));
    const members = await tx
      .select({ email: users.email })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .where(and(eq(memberships.organizationId, ctx.org.id), inArray(users.email, emails)));
    const pending = await tx
      .select({ email: invitations.email })
      .from(invitations)
      .where(
        and(
          eq(invitations.organizationId, ctx.org.id),
          inArray(invitations.email, emails),
          isNull(invitations.acceptedAt),
          isNull(invitations.revokedAt),
          gt(invitations.expiresAt, sql`now()`),
        ),
      );
    const memberSet = new Set(members.map((m) => m.email));
    const pendingSet = new Set(pending.map((p) => p.email));
    const toSend = emails.filter((e) => !memberSet.has(e) && !pendingSet.has(e));
    if (toSend.length) await consume("invitationsOrg", ctx.org.id, toSend.length);

    const created = new Map<string, { id: string; token: string; expiresAt: Date }>();
    for (const email of toSend) {
      const { token, tokenHash } = newInvitationToken();
      const [row] = await tx
        .insert(invitations)
        .values({
          organizationId: ctx.org.id,
          email,
          role: input.role,
          tokenHash,
          invitedBy: ctx.user.id,
          expiresAt: inSevenDays(),
        })
        .returning({ id: invitations.id, expiresAt: invitations.expiresAt });
      if (!row) throw new Error("Invitation insert returned no row");
      created.set(email, { id: row.id, token, expiresAt: row.expiresAt });
      await recordAudit(tx, {
        organizationId: ctx.org.id,
        actor: userActor(ctx),
        action: "invitation.sent",
        targetType: "invitation",
        targetId: row.id,
        ip: ctx.ip,
        data: { email, role: input.role },
      });
    }
    return { memberSet, pendingSet, created };
  });

  const out: InviteResult[] = [];
  for (const email of emails) {
    const made = created.get(email);
    if (memberSet.has(email)) out.push({ email, status: "already_member" });
    else if (pendingSet.has(email)) out.push({ email, status: "already_pending" });
    else if (made) {
      // The raw token lives only in memory, from the insert to this email; it is never stored.
      const sent = await deliver(ctx, link, {
        email,
        role: input.role,
        token: made.token,
        expiresAt: made.expiresAt,
      });
      out.push({ email, status: "sent", invitationId: made.id, ...sent });
    }
  }
  return { results: out };
}

const inviter = alias(users, "inviter");

/** Pending (and expired, still resendable) invitations of the organization, newest first. */
export async function listInvitations(ctx: OrgActorContext) {
  requireInviter(ctx.role);
  const rows = await withTenant(ctx.db, ctx.org.id, (tx) =>
    tx
      .select({
        id: invitations.id,
        email: invitations.email,
        role: invitations.role,
        createdAt: invitations.createdAt,
        expiresAt: invitations.expiresAt,
        expired: sql<boolean>`${invitations.expiresAt} <= now()`,
        invitedBy: inviter.name,
      })
      .from(invitations)
      .leftJoin(inviter, eq(inviter.id, invitations.invitedBy))
      .where(
        and(
          eq(invitations.organizationId, ctx.org.id),
          isNull(invitations.acceptedAt),
          isNull(invitations.revokedAt),
        ),
      )
      .orderBy(desc(invitations.createdAt), desc(invitations.id)),
  );
  return {
    invitations: rows.map((r) => ({ ...r, canManage: checkInvite(ctx.role, r.role).ok })),
    grantableRoles: grantableRoles(ctx.role),
  };
}

/** The invitation of this organization, or NOT_FOUND (also for another organization's id). */
async function pendingInvitation(tx: Transaction, ctx: OrgActorContext, invitationId: string) {
  const [inv] = await tx
    .select()
    .from(invitations)
    .where(and(eq(invitations.organizationId, ctx.org.id), eq(invitations.id, invitationId)));
  if (!inv) throw new ServiceError("NOT_FOUND", "That invitation does not exist in this organization.");
  if (inv.acceptedAt) throw new ServiceError("CONFLICT", `${inv.email} already accepted this invitation.`);
  if (inv.revokedAt)
    throw new ServiceError("CONFLICT", `The invitation for ${inv.email} was revoked. Invite them again.`);
  return inv;
}

/** Resend: a new token and a fresh 7 days; the old link stops working because its hash is gone. */
export async function resendInvitation(
  ctx: OrgActorContext,
  rawInput: { invitationId: string },
  link: LinkOptions,
) {
  requireInviter(ctx.role);
  const { invitationId } = invitationIdSchema.parse(rawInput);
  const { token, tokenHash } = newInvitationToken();
  const inv = await withTenant(ctx.db, ctx.org.id, async (tx) => {
    const actorRole = await lockActorRole(tx, ctx);
    const current = await pendingInvitation(tx, ctx, invitationId);
    enforce(checkInvite(actorRole, current.role));
    await consume("invitationsOrg", ctx.org.id);
    const [row] = await tx
      .update(invitations)
      .set({ tokenHash, expiresAt: inSevenDays(), invitedBy: ctx.user.id })
      .where(
        and(
          eq(invitations.organizationId, ctx.org.id),
          eq(invitations.id, invitationId),
          isNull(invitations.acceptedAt),
          isNull(invitations.revokedAt),
        ),
      )
      .returning({
        id: invitations.id,
        email: invitations.email,
        role: invitations.role,
        expiresAt: invitations.expiresAt,
      });
    if (!row) throw new ServiceError("CONFLICT", "This invitation changed meanwhile. Reload the page.");
    await recordAudit(tx, {
      organizationId: ctx.org.id,
      actor: userActor(ctx),
      action: "invitation.resent",
      targetType: "invitation",
      targetId: row.id,
      ip: ctx.ip,
      data: { email: row.email, role: row.role },
    });
    return row;
  });
  const sent = await deliver(ctx, link, {
    email: inv.email,
    role: inv.role,
    token,
    expiresAt: inv.expiresAt,
  });
  return { invitationId: inv.id, email: inv.email, expiresAt: inv.expiresAt, ...sent };
}

/** Revoke: the link answers "withdrawn" from now on. */
export async function revokeInvitation(ctx: OrgActorContext, rawInput: { invitationId: string }) {
  requireInviter(ctx.role);
  const { invitationId } = invitationIdSchema.parse(rawInput);
  return withTenant(ctx.db, ctx.org.id, async (tx) => {
    const actorRole = await lockActorRole(tx, ctx);
    const current = await pendingInvitation(tx, ctx, invitationId);
    enforce(checkInvite(actorRole, current.role));
    const [row] = await tx
      .update(invitations)
      .set({ revokedAt: sql`now()` })
      .where(
        and(
          eq(invitations.organizationId, ctx.org.id),
          eq(invitations.id, invitationId),
          isNull(invitations.acceptedAt),
          isNull(invitations.revokedAt),
        ),
      )
      .returning({ id: invitations.id, email: invitations.email, role: invitations.role });
    if (!row) throw new ServiceError("CONFLICT", "This invitation changed meanwhile. Reload the page.");
    await recordAudit(tx, {
      organizationId: ctx.org.id,
      actor: userActor(ctx),
      action: "invitation.revoked",
      targetType: "invitation",
      targetId: row.id,
      ip: ctx.ip,
      data: { email: row.email, role: row.role },
    });
    return { invitationId: row.id, email: row.email };
  });
}
