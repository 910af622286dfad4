import "server-only";
import { eq, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/pg-core";
import { invitations, organizations, users } from "../db/schema";
import type { Db } from "../db/client";
import { withSecretLookup } from "../db/tenant";
import { hashInvitationToken } from "./token";
import { invitationTokenSchema } from "./schemas";

export type InvitationStatus = "pending" | "expired" | "revoked" | "accepted";

const inviter = alias(users, "inviter");

/**
 * The one lookup that starts without an organization: a link carries only the token, and its hash finds the
 * row (and with it the organization every later step is scoped to). Under row-level security the policy shows
 * exactly the row whose hash is set for this transaction.
 */
export async function findInvitationByToken(db: Db, token: string) {
  if (!invitationTokenSchema.safeParse(token).success) return null;
  const tokenHash = hashInvitationToken(token);
  const [row] = await withSecretLookup(db, "token_hash", tokenHash, (tx) =>
    tx
      .select({
        id: invitations.id,
        organizationId: invitations.organizationId,
        email: invitations.email,
        role: invitations.role,
        tokenHash: invitations.tokenHash,
        expiresAt: invitations.expiresAt,
        acceptedAt: invitations.acceptedAt,
        acceptedBy: invitations.acceptedBy,
        revokedAt: invitations.revokedAt,
        expired: sql<boolean>`${invitations.expiresAt} <= now()`,
        organization: { id: organizations.id, slug: organizations.slug, name: organizations.name },
        inviterName: inviter.name,
        inviterEmail: inviter.email,
      })
      .from(invitations)
      .innerJoin(organizations, eq(organizations.id, invitations.organizationId))
      .leftJoin(inviter, eq(inviter.id, invitations.invitedBy))
      .where(eq(invitations.tokenHash, tokenHash)),
  );
  return row ?? null;
}
export type FoundInvitation = NonNullable<Awaited<ReturnType<typeof findInvitationByToken>>>;

/** Accepted and revoked are final; otherwise the clock decides. */
export function invitationStatus(
  inv: Pick<FoundInvitation, "acceptedAt" | "revokedAt" | "expired">,
): InvitationStatus {
  if (inv.acceptedAt) return "accepted";
  if (inv.revokedAt) return "revoked";
  if (inv.expired) return "expired";
  return "pending";
}

/** Who to ask for a new link, in the words of the pages and errors. */
export function whoToAsk(inv: Pick<FoundInvitation, "inviterName" | "inviterEmail" | "organization">) {
  return inv.inviterName
    ? `${inv.inviterName} (${inv.inviterEmail}) or another admin of ${inv.organization.name}`
    : `an admin of ${inv.organization.name}`;
}

export function unusableMessage(status: Exclude<InvitationStatus, "pending">, inv: FoundInvitation) {
  const ask = whoToAsk(inv);
  switch (status) {
    case "expired":
      return `This invitation expired. Ask ${ask} to send a new one.`;
    case "revoked":
      return `This invitation was withdrawn. Ask ${ask} if you should still join.`;
    case "accepted":
      return `This invitation has already been used. If that was not you, ask ${ask}.`;
  }
}

export const INVALID_LINK_MESSAGE =
  "This invitation link is not valid. It may be mistyped, or a newer invitation replaced it: use the latest email.";
