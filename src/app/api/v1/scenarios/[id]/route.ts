import { getDb } from "@/server/db";
import {
  deleteScenarioEndpoint,
  getScenarioEndpoint,
  patchScenarioEndpoint,
} from "@/server/rest/endpoints/scenarios";

export const dynamic = "force-dynamic";

type Params = { params: Promise<{ id: string }> };

export async function GET(request: Request, { params }: Params) {
  return getScenarioEndpoint(getDb(), request, await params);
}

export async function PATCH(request: Request, { params }: Params) {
  return patchScenarioEndpoint(getDb(), request, await params);
}

export async function DELETE(request: Request, { params }: Params) {
  return deleteScenarioEndpoint(getDb(), request, await params);
}
