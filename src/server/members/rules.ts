/**
 * The rules about who may change whom, as small pure functions over the role table in lib/permissions. The
 * services call them inside their transaction (with the roles read there); the members list reports their
 * verdicts so the UI only offers what the server would allow. Each refusal carries the message the user sees.
 */
import { can, ROLE_LABELS, ROLE_RANK, ROLES, type Role } from "@/lib/permissions";

export type Verdict = { ok: true } | { ok: false; reason: string };

const ok: Verdict = { ok: true };
const no = (reason: string): Verdict => ({ ok: false, reason });

/** Nobody grants a role above their own. */
export function checkGrant(actor: Role, role: Role): Verdict {
  if (ROLE_RANK[role] > ROLE_RANK[actor])
    return no(
      `You cannot grant the ${ROLE_LABELS[role]} role: it is above your own (${ROLE_LABELS[actor]}).`,
    );
  return ok;
}

/** The roles an actor may hand out, highest first. */
export function grantableRoles(actor: Role): Role[] {
  return ROLES.filter((r) => checkGrant(actor, r).ok);
}

/** Invitations: admin+ and never above the inviter's own role. */
export function checkInvite(actor: Role, role: Role): Verdict {
  if (!can(actor, "members.invite")) return no("Only admins and owners can invite people.");
  return checkGrant(actor, role);
}

/** Managing an existing member: admin+; only an owner may touch an owner or an admin. */
export function checkManage(actor: Role, target: Role): Verdict {
  if (!can(actor, "members.manage")) return no("Only admins and owners can change or remove members.");
  if (actor !== "owner" && ROLE_RANK[target] >= ROLE_RANK[actor])
    return no(`Only an owner can change or remove ${target === "owner" ? "an owner" : "another admin"}.`);
  return ok;
}

const LAST_OWNER =
  "An organization needs at least one owner. Transfer ownership or make someone else an owner first.";

export function checkRoleChange(input: {
  actor: Role;
  target: Role;
  newRole: Role;
  isSelf: boolean;
  ownerCount: number;
}): Verdict {
  const { actor, target, newRole, isSelf, ownerCount } = input;
  // Changing your own role is only ever a step down for an owner who is not the last one.
  if (isSelf && actor !== "owner") return no("You cannot change your own role. Ask an owner.");
  const manage = checkManage(actor, target);
  if (!manage.ok) return manage;
  const grant = checkGrant(actor, newRole);
  if (!grant.ok) return grant;
  if (target === "owner" && newRole !== "owner" && ownerCount <= 1) return no(LAST_OWNER);
  return ok;
}

export function checkRemoval(input: {
  actor: Role;
  target: Role;
  isSelf: boolean;
  ownerCount: number;
}): Verdict {
  if (input.isSelf) return no("To leave the organization, use “Leave” instead.");
  const manage = checkManage(input.actor, input.target);
  if (!manage.ok) return manage;
  if (input.target === "owner" && input.ownerCount <= 1) return no(LAST_OWNER);
  return ok;
}

export function checkLeave(input: { role: Role; ownerCount: number }): Verdict {
  if (input.role === "owner" && input.ownerCount <= 1)
    return no("You are the last owner. Transfer ownership to someone else before you leave.");
  return ok;
}

export function checkTransfer(input: { actor: Role; target: Role; isSelf: boolean }): Verdict {
  if (!can(input.actor, "ownership.transfer")) return no("Only an owner can transfer ownership.");
  if (input.isSelf) return no("You already own this organization. Choose another member.");
  if (input.target === "owner") return no("That member is already an owner.");
  return ok;
}
