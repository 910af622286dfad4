import "server-only";
import type { Organization } from "../../db/schema";
import { updateOrgProfile } from "../../orgs/profile";
import { orgProfile } from "../../reports/report";
import { sizeBandFor, SIZE_BANDS } from "@/lib/benchmarks";
import { readJsonBody } from "../body";
import { jsonResponse, keyEndpoint, parseQuery } from "../endpoint";
import { fromZodError } from "../problem";
import { organizationPatchSchema, type OrganizationJson } from "../schemas";
import { z } from "zod";

/**
 * The issue grants read_write keys the profile update, which the app reserves for admins; keys are created by
 * admins, so a read_write key changes the profile with an admin's permission (and is audited as the key).
 */
const PROFILE_ROLE = "admin";
const noQuery = z.object({}).strict();

function organizationJson(org: Organization): OrganizationJson {
  const profile = orgProfile(org);
  return {
    name: org.name,
    slug: org.slug,
    industry: org.industry,
    profile,
    band: SIZE_BANDS[sizeBandFor(profile.annualRevenue)],
  };
}

/** GET /organization: the key's organization, its profile and the size band it puts the org in. */
export const getOrganization = keyEndpoint("read", async (ctx) => {
  parseQuery(ctx.url, noQuery);
  return jsonResponse(organizationJson(ctx.org));
});

/** PATCH /organization: the profile fields sent change; the rest stay. Audited like a change in the app. */
export const patchOrganization = keyEndpoint("read_write", async (ctx) => {
  parseQuery(ctx.url, noQuery);
  const raw = await readJsonBody(ctx.request);
  const parsed = organizationPatchSchema.safeParse(raw);
  if (!parsed.success) throw fromZodError(parsed.error, "body");
  const updated = await updateOrgProfile(ctx.db, ctx.org, PROFILE_ROLE, ctx.actor, parsed.data, ctx.ip);
  return jsonResponse(organizationJson(updated));
});
