import { z } from "zod";
import { authedProcedure, createTRPCRouter, publicProcedure } from "../trpc";
import { signUp } from "../../auth/signup";
import { revokeAllSessions } from "../../auth/sessions";
import { consume } from "../../ratelimit";
import { signUpSchema } from "@/lib/validation/auth";

export const authRouter = createTRPCRouter({
  signUp: publicProcedure.input(signUpSchema).mutation(async ({ ctx, input }) => {
    await consume("signUpIp", ctx.ip ?? "unknown");
    const { organization } = await signUp(ctx.db, input, { ip: ctx.ip });
    return { organizationSlug: organization.slug };
  }),
  me: authedProcedure.query(({ ctx }) => ({ id: ctx.user.id, email: ctx.user.email, name: ctx.user.name })),
  signOutEverywhere: authedProcedure.input(z.object({}).optional()).mutation(async ({ ctx }) => {
    const revoked = await revokeAllSessions(ctx.db, ctx.user.id);
    return { revoked };
  }),
});
