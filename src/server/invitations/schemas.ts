import { z } from "zod";
import { ROLES } from "@/lib/permissions";
import { passwordSchema, personNameSchema } from "@/lib/validation/auth";
import { oneLineText } from "@/lib/validation/text";

/** 32 bytes in base64url are exactly 43 characters; anything else is not one of our links. */
export const invitationTokenSchema = z
  .string()
  .regex(/^[A-Za-z0-9_-]{43}$/, "This invitation link is not valid.");

export const MAX_INVITES_PER_REQUEST = 20;

export const createInvitationsSchema = z.object({
  emails: z
    .array(oneLineText("An email address").max(254, "That email address is too long"))
    .min(1, "Enter at least one email address")
    .max(MAX_INVITES_PER_REQUEST, `Invite at most ${MAX_INVITES_PER_REQUEST} people at a time`),
  role: z.enum(ROLES, "Choose a role"),
});
export type CreateInvitationsInput = z.input<typeof createInvitationsSchema>;

export const invitationIdSchema = z.object({ invitationId: z.uuid("Unknown invitation") });

export const invitedSignUpSchema = z.object({
  token: invitationTokenSchema,
  name: personNameSchema,
  password: passwordSchema,
});
export type InvitedSignUpInput = z.input<typeof invitedSignUpSchema>;
