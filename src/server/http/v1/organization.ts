import "server-only";
import type { OpenAPIHono } from "@hono/zod-openapi";
import { z } from "zod";
import type { Organization } from "../../db/schema";
import { updateOrgProfile } from "../../orgs/profile";
import { orgProfile } from "../../reports/report";
import { sizeBandFor, SIZE_BANDS } from "@/lib/benchmarks";
import { organizationPatchSchema, organizationSchema, type OrganizationJson } from "../../rest/schemas";
import { AUTH, BASE, endpoint } from "../endpoint";
import type { HttpEnv } from "../env";
import { mount, validJson } from "../register";
import { jsonResponse } from "../respond";

/**
 * read_write keys may update the profile, which the app reserves for admins; keys are created by admins, so a
 * read_write key changes the profile with an admin's permission (and is audited as the key).
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

export const getOrganization = endpoint({
  method: "get",
  path: "/organization",
  operationId: "getOrganization",
  tag: "Organization",
  summary: "The organization profile",
  description: "The key's organization: its profile and the revenue size band it falls in.",
  scope: "read",
  curl: `curl -sS "${BASE}/organization" ${AUTH}`,
  request: { query: noQuery },
  success: { status: 200, description: "The organization.", schema: organizationSchema },
  problems: ["invalid-parameters"],
});

export const updateOrganization = endpoint({
  method: "patch",
  path: "/organization",
  operationId: "updateOrganization",
  tag: "Organization",
  summary: "Change the organization profile",
  description:
    "Changes the profile fields sent (revenue, employees, currency, industry and the sales profile: typical deal size, sales cycle, decision makers, customer size); `null` clears one. Recorded in the audit log as the key.",
  scope: "read_write",
  curl: `curl -sS -X PATCH "${BASE}/organization" ${AUTH} -H "Content-Type: application/json" --data '{"annualRevenue": 42000000, "employeeCount": 180}'`,
  jsonBody: true,
  request: {
    query: noQuery,
    body: {
      required: true,
      description: "The fields to change.",
      content: { "application/json": { schema: organizationPatchSchema } },
    },
  },
  success: { status: 200, description: "The organization after the change.", schema: organizationSchema },
  problems: [
    "invalid-parameters",
    "malformed-body",
    "payload-too-large",
    "unsupported-media-type",
    "validation",
  ],
});

export function mountOrganization(app: OpenAPIHono<HttpEnv>) {
  mount(app, getOrganization, (c) => jsonResponse(organizationJson(c.var.api.org)));
  // The profile fields sent change; the rest stay. Audited like a change in the app.
  mount(app, updateOrganization, async (c) => {
    const ctx = c.var.api;
    const updated = await updateOrgProfile(
      ctx.db,
      ctx.org,
      PROFILE_ROLE,
      ctx.actor,
      validJson(c, organizationPatchSchema),
      ctx.ip,
    );
    return jsonResponse(organizationJson(updated));
  });
}
