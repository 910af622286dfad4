import { getDb } from "@/server/db";
import { compareImports } from "@/server/rest/endpoints/imports";

export const dynamic = "force-dynamic";

export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  return compareImports(getDb(), request, await params);
}
