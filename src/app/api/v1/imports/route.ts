import { getDb } from "@/server/db";
import { createImport, listImports } from "@/server/rest/endpoints/imports";

export const dynamic = "force-dynamic";

export async function GET(request: Request) {
  return listImports(getDb(), request);
}

export async function POST(request: Request) {
  return createImport(getDb(), request);
}
