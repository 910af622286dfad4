import "server-only";
import { and, eq } from "drizzle-orm";
import { memberships, users } from "../db/schema";
import type { Transaction } from "../db/client";
import { withTenant } from "../db/tenant";
import { recordAudit } from "../audit";
import { ServiceError } from "../errors";
import { can, ROLE_RANK, ROLES, type Role } from "@/lib/permissions";
import { userActor, type OrgActorContext } from "./context";
import { lockedActor, membersById, ownerCount } from "./lock";
import { checkLeave, checkManage, checkRemoval, checkRoleChange, checkTransfer, type Verdict } from "./rules";
import { changeRoleSchema, removeMemberSchema, transferOwnershipSchema } from "./schemas";

function enforce(verdict: Verdict): void {
  if (!verdict.ok) throw new ServiceError("FORBIDDEN", verdict.reason);
}

const NOT_A_MEMBER = "That person is not a member of this organization.";

/** Everyone in the organization, with what the caller may do to each (the same rules the actions enforce). */
export async function listMembers(ctx: OrgActorContext) {
  if (!can(ctx.role, "members.read")) throw new ServiceError("FORBIDDEN", "You cannot see the members.");
  const rows = await withTenant(ctx.db, ctx.org.id, (tx) =>
    tx
      .select({
        userId: memberships.userId,
        name: users.name,
        email: users.email,
        role: memberships.role,
        joinedAt: memberships.createdAt,
      })
      .from(memberships)
      .innerJoin(users, eq(users.id, memberships.userId))
      .where(eq(memberships.organizationId, ctx.org.id)),
  );
  const owners = rows.filter((r) => r.role === "owner").length;
  const actor = ctx.role;
  const members = rows
    .sort((a, b) => ROLE_RANK[b.role] - ROLE_RANK[a.role] || a.name.localeCompare(b.name))
    .map((m) => {
      const isSelf = m.userId === ctx.user.id;
      return {
        ...m,
        isYou: isSelf,
        allowed: {
          roles: ROLES.filter(
            (r) =>
              r !== m.role &&
              checkRoleChange({ actor, target: m.role, newRole: r, isSelf, ownerCount: owners }).ok,
          ),
          remove: checkRemoval({ actor, target: m.role, isSelf, ownerCount: owners }).ok,
          transfer: checkTransfer({ actor, target: m.role, isSelf }).ok,
          leave: isSelf && checkLeave({ role: m.role, ownerCount: owners }).ok,
        },
      };
    });
  return { members, ownerCount: owners };
}

async function lockActorAndTarget(tx: Transaction, ctx: OrgActorContext, targetUserId: string) {
  const actor = await lockedActor(tx, ctx.org.id, ctx.user.id);
  const target = (await membersById(tx, ctx.org.id, [targetUserId])).get(targetUserId);
  return { actor, target, owners: await ownerCount(tx, ctx.org.id) };
}

export async function changeMemberRole(ctx: OrgActorContext, rawInput: { userId: string; role: Role }) {
  enforce(checkManage(ctx.role, "viewer"));
  const input = changeRoleSchema.parse(rawInput);
  return withTenant(ctx.db, ctx.org.id, async (tx) => {
    const { actor, target, owners } = await lockActorAndTarget(tx, ctx, input.userId);
    if (!target) throw new ServiceError("NOT_FOUND", NOT_A_MEMBER);
    enforce(
      checkRoleChange({
        actor: actor.role,
        target: target.role,
        newRole: input.role,
        isSelf: target.userId === actor.userId,
        ownerCount: owners,
      }),
    );
    if (target.role === input.role) return { userId: target.userId, role: target.role, changed: false };
    await tx
      .update(memberships)
      .set({ role: input.role })
      .where(and(eq(memberships.organizationId, ctx.org.id), eq(memberships.userId, target.userId)));
    await recordAudit(tx, {
      organizationId: ctx.org.id,
      actor: userActor(ctx),
      action: "member.role_changed",
      targetType: "user",
      targetId: target.userId,
      ip: ctx.ip,
      data: { email: target.email, before: { role: target.role }, after: { role: input.role } },
    });
    return { userId: target.userId, role: input.role, changed: true };
  });
}

/** Removes a member; their next request to this organization is a 404 (membership is read per request). */
export async function removeMember(ctx: OrgActorContext, rawInput: { userId: string }) {
  enforce(checkManage(ctx.role, "viewer"));
  const input = removeMemberSchema.parse(rawInput);
  return withTenant(ctx.db, ctx.org.id, async (tx) => {
    const { actor, target, owners } = await lockActorAndTarget(tx, ctx, input.userId);
    if (!target) throw new ServiceError("NOT_FOUND", NOT_A_MEMBER);
    enforce(
      checkRemoval({
        actor: actor.role,
        target: target.role,
        isSelf: target.userId === actor.userId,
        ownerCount: owners,
      }),
    );
    await tx
      .delete(memberships)
      .where(and(eq(memberships.organizationId, ctx.org.id), eq(memberships.userId, target.userId)));
    await recordAudit(tx, {
      organizationId: ctx.org.id,
      actor: userActor(ctx),
      action: "member.removed",
      targetType: "user",
      targetId: target.userId,
      ip: ctx.ip,
      data: { email: target.email, before: { role: target.role } },
    });
    return { userId: target.userId };
  });
}

/** Leaves the organization; the last owner must hand over first. */
export async function leaveOrganization(ctx: OrgActorContext) {
  return withTenant(ctx.db, ctx.org.id, async (tx) => {
    const actor = await lockedActor(tx, ctx.org.id, ctx.user.id);
    enforce(checkLeave({ role: actor.role, ownerCount: await ownerCount(tx, ctx.org.id) }));
    await tx
      .delete(memberships)
      .where(and(eq(memberships.organizationId, ctx.org.id), eq(memberships.userId, actor.userId)));
    await recordAudit(tx, {
      organizationId: ctx.org.id,
      actor: userActor(ctx),
      action: "member.left",
      targetType: "user",
      targetId: actor.userId,
      ip: ctx.ip,
      data: { email: actor.email, before: { role: actor.role } },
    });
    return { left: true };
  });
}

/**
 * The owner hands the organization to another member, confirmed by typing its name: the member becomes owner
 * and the previous owner an admin, in one transaction.
 */
export async function transferOwnership(
  ctx: OrgActorContext,
  rawInput: { userId: string; confirmation: string },
) {
  if (!can(ctx.role, "ownership.transfer"))
    throw new ServiceError("FORBIDDEN", "Only an owner can transfer ownership.");
  const input = transferOwnershipSchema.parse(rawInput);
  if (input.confirmation.trim() !== ctx.org.name)
    throw new ServiceError("BAD_REQUEST", `Type the organization's name, ${ctx.org.name}, to confirm.`, {
      field: "confirmation",
    });
  return withTenant(ctx.db, ctx.org.id, async (tx) => {
    const { actor, target } = await lockActorAndTarget(tx, ctx, input.userId);
    if (!target) throw new ServiceError("NOT_FOUND", NOT_A_MEMBER);
    enforce(
      checkTransfer({ actor: actor.role, target: target.role, isSelf: target.userId === actor.userId }),
    );
    await tx
      .update(memberships)
      .set({ role: "owner" })
      .where(and(eq(memberships.organizationId, ctx.org.id), eq(memberships.userId, target.userId)));
    await tx
      .update(memberships)
      .set({ role: "admin" })
      .where(and(eq(memberships.organizationId, ctx.org.id), eq(memberships.userId, actor.userId)));
    await recordAudit(tx, {
      organizationId: ctx.org.id,
      actor: userActor(ctx),
      action: "ownership.transferred",
      targetType: "user",
      targetId: target.userId,
      ip: ctx.ip,
      data: {
        email: target.email,
        before: { newOwnerRole: target.role, previousOwnerRole: "owner" },
        after: { newOwnerRole: "owner", previousOwnerRole: "admin" },
      },
    });
    return { newOwnerUserId: target.userId };
  });
}
