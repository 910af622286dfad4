import { getDb } from "@/server/db";
import { getReportJson } from "@/server/rest/endpoints/report";

export const dynamic = "force-dynamic";

export async function GET(request: Request) {
  return getReportJson(getDb(), request);
}
