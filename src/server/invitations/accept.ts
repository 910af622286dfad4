import "server-only";
import { and, eq, gt, isNull, sql } from "drizzle-orm";
import { invitations, memberships, users } from "../db/schema";
import type { Database, Transaction } from "../db/client";
import { withTenant } from "../db/tenant";
import { recordAudit } from "../audit";
import { ServiceError } from "../errors";
import { ROLE_RANK } from "@/lib/permissions";
import {
  findInvitationByToken,
  INVALID_LINK_MESSAGE,
  invitationStatus,
  unusableMessage,
  type FoundInvitation,
} from "./lookup";

interface Viewer {
  id: string;
  email: string;
  name: string;
}

/**
 * What the link page shows: the invitation's state and, for the person holding the link, whether they are
 * signed in as the invited email, someone else, or nobody. Never the token or its hash.
 */
export async function previewInvitation(db: Database, token: string, viewer: Viewer | null) {
  const inv = await findInvitationByToken(db, token);
  if (!inv) return { status: "invalid" as const, message: INVALID_LINK_MESSAGE };
  const status = invitationStatus(inv);
  const [account] = await db.select({ id: users.id }).from(users).where(eq(users.email, inv.email));
  let memberOfOrg = false;
  if (viewer) {
    const [m] = await withTenant(db, inv.organizationId, (tx) =>
      tx
        .select({ role: memberships.role })
        .from(memberships)
        .where(and(eq(memberships.organizationId, inv.organizationId), eq(memberships.userId, viewer.id))),
    );
    memberOfOrg = Boolean(m);
  }
  return {
    status,
    message: status === "pending" ? null : unusableMessage(status, inv),
    email: inv.email,
    role: inv.role,
    expiresAt: inv.expiresAt,
    organization: {
      name: inv.organization.name,
      // The slug only to someone who can already open the org.
      slug: memberOfOrg ? inv.organization.slug : null,
    },
    invitedBy: inv.inviterName ? { name: inv.inviterName, email: inv.inviterEmail } : null,
    accountExists: Boolean(account),
    viewer: !viewer
      ? ("signed_out" as const)
      : viewer.email === inv.email
        ? ("invited" as const)
        : ("other" as const),
    viewerEmail: viewer?.email ?? null,
  };
}

/**
 * Accepts inside the caller's transaction (already scoped to the invitation's organization). The single
 * guarded UPDATE decides: it only matches while the invitation is pending, unexpired and for this email, so of
 * two concurrent accepts exactly one gets a row. The membership is for the signed-in user, never from input.
 */
export async function acceptInTx(
  tx: Transaction,
  inv: FoundInvitation,
  user: Viewer,
  ip: string | null | undefined,
) {
  const [accepted] = await tx
    .update(invitations)
    .set({ acceptedAt: sql`now()`, acceptedBy: user.id })
    .where(
      and(
        eq(invitations.organizationId, inv.organizationId),
        eq(invitations.id, inv.id),
        eq(invitations.tokenHash, inv.tokenHash),
        eq(invitations.email, user.email),
        isNull(invitations.acceptedAt),
        isNull(invitations.revokedAt),
        gt(invitations.expiresAt, sql`now()`),
      ),
    )
    .returning({ role: invitations.role });
  if (!accepted) {
    const [now] = await tx
      .select({
        acceptedAt: invitations.acceptedAt,
        revokedAt: invitations.revokedAt,
        expired: sql<boolean>`${invitations.expiresAt} <= now()`,
      })
      .from(invitations)
      .where(and(eq(invitations.organizationId, inv.organizationId), eq(invitations.id, inv.id)));
    const status = now ? invitationStatus(now) : "revoked";
    if (status === "pending") throw new ServiceError("NOT_FOUND", INVALID_LINK_MESSAGE);
    throw new ServiceError("CONFLICT", unusableMessage(status, inv), { reason: status });
  }
  const [joined] = await tx
    .insert(memberships)
    .values({ organizationId: inv.organizationId, userId: user.id, role: accepted.role })
    .onConflictDoNothing()
    .returning({ role: memberships.role });
  let role = joined?.role;
  if (!role) {
    // Already a member: an invitation may raise the role (the inviter could grant it), never lower it.
    const [current] = await tx
      .select({ role: memberships.role })
      .from(memberships)
      .where(and(eq(memberships.organizationId, inv.organizationId), eq(memberships.userId, user.id)));
    role = current && ROLE_RANK[current.role] >= ROLE_RANK[accepted.role] ? current.role : accepted.role;
    if (current && role !== current.role) {
      await tx
        .update(memberships)
        .set({ role })
        .where(and(eq(memberships.organizationId, inv.organizationId), eq(memberships.userId, user.id)));
    }
  }
  await recordAudit(tx, {
    organizationId: inv.organizationId,
    actor: { kind: "user", userId: user.id, label: user.email },
    action: "invitation.accepted",
    targetType: "invitation",
    targetId: inv.id,
    ip,
    data: { email: inv.email, role },
  });
  return { organization: inv.organization, role };
}

/** A signed-in user whose address is verified accepts a link addressed to that address. */
export async function acceptInvitation(db: Database, user: Viewer, token: string, ip: string | null) {
  const inv = await findInvitationByToken(db, token);
  if (!inv) throw new ServiceError("NOT_FOUND", INVALID_LINK_MESSAGE);
  const [account] = await db
    .select({ verifiedAt: users.emailVerifiedAt })
    .from(users)
    .where(eq(users.id, user.id));
  if (!account?.verifiedAt) {
    // Otherwise whoever signed up first with a colleague's address could take the colleague's invitations.
    throw new ServiceError(
      "FORBIDDEN",
      `Confirm your email address first: open the link we sent to ${user.email}, then accept the invitation.`,
      { reason: "unverified" },
    );
  }
  if (inv.email !== user.email) {
    throw new ServiceError(
      "FORBIDDEN",
      `This invitation is for ${inv.email}, but you are signed in as ${user.email}. Sign out and sign in as ${inv.email}.`,
      { reason: "wrong_account" },
    );
  }
  return withTenant(db, inv.organizationId, (tx) => acceptInTx(tx, inv, user, ip));
}
