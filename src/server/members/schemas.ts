import { z } from "zod";
import { ROLES } from "@/lib/permissions";

const userId = z.uuid("Unknown member");

export const changeRoleSchema = z.object({ userId, role: z.enum(ROLES, "Choose a role") });
export const removeMemberSchema = z.object({ userId });
export const transferOwnershipSchema = z.object({
  userId,
  /** The organization's name, typed by the owner to confirm. */
  confirmation: z.string().max(200),
});
