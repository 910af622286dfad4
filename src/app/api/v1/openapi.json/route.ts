import { getOpenApiDocument } from "@/server/rest/endpoints/public";

export const dynamic = "force-dynamic";

export async function GET(request: Request) {
  return getOpenApiDocument(request);
}
