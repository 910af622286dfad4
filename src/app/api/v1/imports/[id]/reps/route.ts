import { getDb } from "@/server/db";
import { listImportReps } from "@/server/rest/endpoints/imports";

export const dynamic = "force-dynamic";

export async function GET(request: Request, { params }: { params: Promise<{ id: string }> }) {
  return listImportReps(getDb(), request, await params);
}
