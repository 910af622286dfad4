import { browserLocale } from "../../i18n";
import { z } from "zod";
import { authedProcedure, createTRPCRouter, orgProcedure, publicProcedure } from "../trpc";
import {
  createInvitations,
  listInvitations,
  resendInvitation,
  revokeInvitation,
} from "../../invitations/service";
import { acceptInvitation, previewInvitation } from "../../invitations/accept";
import { createInvitationsSchema, invitationIdSchema, invitedSignUpSchema } from "../../invitations/schemas";
import { signUpWithInvitation } from "../../auth/signup";
import { appBaseUrl } from "../../email";
import { consume } from "../../ratelimit";
import { oneLineText } from "@/lib/validation/text";

/** The token is checked in the service; here only its size is bounded. */
const tokenInput = z.object({ token: oneLineText("The invitation token").min(1).max(200) });

/** Wiring only: permissions, rules and the audit live in the invitations service. */
export const invitationsRouter = createTRPCRouter({
  list: orgProcedure.query(({ ctx }) => listInvitations(ctx)),
  create: orgProcedure
    .input(createInvitationsSchema)
    .mutation(({ ctx, input }) => createInvitations(ctx, input, { appUrl: appBaseUrl(ctx.headers) })),
  resend: orgProcedure
    .input(invitationIdSchema)
    .mutation(({ ctx, input }) => resendInvitation(ctx, input, { appUrl: appBaseUrl(ctx.headers) })),
  revoke: orgProcedure.input(invitationIdSchema).mutation(({ ctx, input }) => revokeInvitation(ctx, input)),
  /** For the link page: whoever holds the link may see what it is for. */
  preview: publicProcedure
    .input(tokenInput)
    .query(({ ctx, input }) => previewInvitation(ctx.db, input.token, ctx.user)),
  accept: authedProcedure
    .input(tokenInput)
    .mutation(({ ctx, input }) => acceptInvitation(ctx.db, ctx.user, input.token, ctx.ip)),
  /** Sign-up from a link: a new account with the invited email joins the organization; no org of its own. */
  signUp: publicProcedure.input(invitedSignUpSchema).mutation(async ({ ctx, input }) => {
    await consume("signUpIp", ctx.ip ?? "unknown");
    const { user, organization } = await signUpWithInvitation(ctx.db, input, {
      ip: ctx.ip,
      locale: browserLocale(ctx.headers),
    });
    return { email: user.email, organizationSlug: organization.slug };
  }),
});
