import { createTRPCRouter, permittedProcedure } from "../trpc";
import { createShare, listShares, revokeShare } from "../../shares/service";
import { createShareSchema, shareIdSchema } from "../../shares/schemas";

/**
 * Wiring only: the shares service checks the permission again, validates and audits. Opening a link is not a
 * procedure: the token is read by the public page /s/<token> alone and authenticates nothing else.
 */
export const sharesRouter = createTRPCRouter({
  list: permittedProcedure("shares.manage").query(({ ctx }) => listShares(ctx)),
  create: permittedProcedure("shares.manage")
    .input(createShareSchema)
    .mutation(({ ctx, input }) => createShare(ctx, input)),
  revoke: permittedProcedure("shares.manage")
    .input(shareIdSchema)
    .mutation(({ ctx, input }) => revokeShare(ctx, input)),
});
