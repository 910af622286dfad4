import { getDb } from "@/server/db";
import { createScenarioEndpoint, listScenariosEndpoint } from "@/server/rest/endpoints/scenarios";

export const dynamic = "force-dynamic";

export async function GET(request: Request) {
  return listScenariosEndpoint(getDb(), request);
}

export async function POST(request: Request) {
  return createScenarioEndpoint(getDb(), request);
}
