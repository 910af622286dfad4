import { z } from "zod";
import { ROLES } from "@/lib/permissions";
import { oneLineText } from "@/lib/validation/text";

const userId = z.uuid("Unknown member");

export const changeRoleSchema = z.object({ userId, role: z.enum(ROLES, "Choose a role") });
export const removeMemberSchema = z.object({ userId });
export const transferOwnershipSchema = z.object({
  userId,
  /** The organization's name, typed by the owner to confirm. */
  confirmation: oneLineText("The confirmation").max(200),
});
