import { createTRPCRouter, orgProcedure } from "../trpc";
import {
  changeMemberRole,
  leaveOrganization,
  listMembers,
  removeMember,
  transferOwnership,
} from "../../members/service";
import { changeRoleSchema, removeMemberSchema, transferOwnershipSchema } from "../../members/schemas";

/** Wiring only: every rule lives in the members service. */
export const membersRouter = createTRPCRouter({
  list: orgProcedure.query(({ ctx }) => listMembers(ctx)),
  changeRole: orgProcedure.input(changeRoleSchema).mutation(({ ctx, input }) => changeMemberRole(ctx, input)),
  remove: orgProcedure.input(removeMemberSchema).mutation(({ ctx, input }) => removeMember(ctx, input)),
  leave: orgProcedure.mutation(({ ctx }) => leaveOrganization(ctx)),
  transferOwnership: orgProcedure
    .input(transferOwnershipSchema)
    .mutation(({ ctx, input }) => transferOwnership(ctx, input)),
});
