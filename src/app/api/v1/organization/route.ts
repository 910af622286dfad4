import { getDb } from "@/server/db";
import { getOrganization, patchOrganization } from "@/server/rest/endpoints/organization";

export const dynamic = "force-dynamic";

export async function GET(request: Request) {
  return getOrganization(getDb(), request);
}

export async function PATCH(request: Request) {
  return patchOrganization(getDb(), request);
}
