import { browserLocale } from "../../i18n";
import { z } from "zod";
import { authedProcedure, createTRPCRouter, publicProcedure } from "../trpc";
import { signUp } from "../../auth/signup";
import { listActiveSessions, revokeAllSessions, revokeSessionByPublicId } from "../../auth/sessions";
import {
  changePassword,
  changePasswordSchema,
  emailRequestSchema,
  requestPasswordReset,
  requestSignInLink,
  resetPassword,
  resetPasswordSchema,
} from "../../auth/account";
import { peekAccountToken } from "../../auth/tokens";
import { appBaseUrl } from "../../email";
import { ServiceError } from "../../errors";
import { consume } from "../../ratelimit";
import { signUpSchema } from "@/lib/validation/auth";

const LINK_PURPOSES = {
  verify: ["verify_email"],
  sign_in: ["sign_in"],
  reset: ["reset_password"],
} as const;

/** Wiring only: the account services validate, check and send the emails. */
export const authRouter = createTRPCRouter({
  /** Always "check your email": whether the address already had an account is told only to its mailbox. */
  signUp: publicProcedure.input(signUpSchema).mutation(async ({ ctx, input }) => {
    await consume("signUpIp", ctx.ip ?? "unknown");
    await signUp(
      ctx.db,
      input,
      { ip: ctx.ip, locale: browserLocale(ctx.headers) },
      { appUrl: appBaseUrl(ctx.headers) },
    );
    return { status: "check_email" as const, email: input.email.trim().toLowerCase() };
  }),
  requestPasswordReset: publicProcedure
    .input(emailRequestSchema)
    .mutation(({ ctx, input }) =>
      requestPasswordReset(
        ctx.db,
        input,
        { ip: ctx.ip, locale: browserLocale(ctx.headers) },
        { appUrl: appBaseUrl(ctx.headers) },
      ),
    ),
  requestSignInLink: publicProcedure
    .input(emailRequestSchema)
    .mutation(({ ctx, input }) =>
      requestSignInLink(
        ctx.db,
        input,
        { ip: ctx.ip, locale: browserLocale(ctx.headers) },
        { appUrl: appBaseUrl(ctx.headers) },
      ),
    ),
  resetPassword: publicProcedure
    .input(resetPasswordSchema)
    .mutation(({ ctx, input }) => resetPassword(ctx.db, input)),
  /** For the link pages: whether a link still works, without spending it (opening a page changes nothing). */
  checkLink: publicProcedure
    .input(z.object({ kind: z.enum(["verify", "sign_in", "reset"]), token: z.string().min(1).max(200) }))
    .query(async ({ ctx, input }) => ({
      valid: await peekAccountToken(ctx.db, input.token, LINK_PURPOSES[input.kind]),
    })),
  me: authedProcedure.query(({ ctx }) => ({ id: ctx.user.id, email: ctx.user.email, name: ctx.user.name })),
  changePassword: authedProcedure
    .input(changePasswordSchema)
    .mutation(({ ctx, input }) => changePassword(ctx.db, ctx.user, input)),
  sessions: authedProcedure.query(async ({ ctx }) => ({
    sessions: await listActiveSessions(ctx.db, ctx.user.id, ctx.user.sessionId),
  })),
  revokeSession: authedProcedure
    .input(z.object({ sessionId: z.uuid("Not a session id") }))
    .mutation(async ({ ctx, input }) => {
      if (!(await revokeSessionByPublicId(ctx.db, ctx.user.id, input.sessionId))) {
        throw new ServiceError("NOT_FOUND", "That session has already ended.");
      }
      return { revoked: true };
    }),
  signOutEverywhere: authedProcedure.input(z.object({}).optional()).mutation(async ({ ctx }) => {
    const revoked = await revokeAllSessions(ctx.db, ctx.user.id);
    return { revoked };
  }),
});
