import { authedProcedure, createTRPCRouter, orgProcedure } from "../trpc";
import { listMyOrganizations } from "../../orgs/queries";
import { createOrganizationWithOwner } from "../../orgs/create";
import { z } from "zod";
import { orgNameSchema } from "@/lib/validation/auth";

export const orgRouter = createTRPCRouter({
  mine: authedProcedure.query(({ ctx }) => listMyOrganizations(ctx.db, ctx.user.id)),
  create: authedProcedure.input(z.object({ name: orgNameSchema })).mutation(async ({ ctx, input }) => {
    const org = await ctx.db.transaction((tx) =>
      createOrganizationWithOwner(tx, {
        name: input.name,
        ownerUserId: ctx.user.id,
        actor: { kind: "user", userId: ctx.user.id, label: ctx.user.email },
        ip: ctx.ip,
      }),
    );
    return { slug: org.slug };
  }),
  get: orgProcedure.query(({ ctx }) => ({
    id: ctx.org.id,
    slug: ctx.org.slug,
    name: ctx.org.name,
    role: ctx.role,
    currency: ctx.org.currency,
  })),
});
