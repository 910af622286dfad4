import { authedProcedure, createTRPCRouter, orgProcedure, permittedProcedure } from "../trpc";
import { dismissProfilePrompt, updateOrgProfile } from "../../orgs/profile";
import { deleteOrganization } from "../../orgs/data";
import { orgProfile } from "../../reports/report";
import { orgProfileSchema } from "@/lib/validation/org-profile";
import { sizeBandFor, SIZE_BANDS } from "@/lib/benchmarks";
import { listMyOrganizations } from "../../orgs/queries";
import { createOrganizationWithOwner } from "../../orgs/create";
import { z } from "zod";
import { orgNameSchema } from "@/lib/validation/auth";
import { oneLineText } from "@/lib/validation/text";

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
  profile: orgProcedure.query(({ ctx }) => {
    const profile = orgProfile(ctx.org);
    return {
      name: ctx.org.name,
      industry: ctx.org.industry,
      profile,
      band: SIZE_BANDS[sizeBandFor(profile.annualRevenue)],
      promptDismissed: ctx.org.profilePromptDismissedAt !== null,
    };
  }),
  updateProfile: orgProcedure.input(orgProfileSchema).mutation(async ({ ctx, input }) => {
    const { orgSlug: _slug, ...fields } = input;
    const updated = await updateOrgProfile(
      ctx.db,
      ctx.org,
      ctx.role,
      { kind: "user", userId: ctx.user.id, label: ctx.user.email },
      fields,
      ctx.ip,
    );
    return { band: SIZE_BANDS[sizeBandFor(updated.annualRevenue)] };
  }),
  dismissProfilePrompt: permittedProcedure("dashboard.read").mutation(async ({ ctx }) => {
    await dismissProfilePrompt(ctx.db, ctx.org);
    return { ok: true };
  }),
  delete: orgProcedure
    .input(z.object({ confirmation: oneLineText("The confirmation").max(200) }))
    .mutation(({ ctx, input }) =>
      deleteOrganization(
        ctx.db,
        ctx.org,
        ctx.role,
        { kind: "user", userId: ctx.user.id, label: ctx.user.email },
        input.confirmation,
      ),
    ),
});
