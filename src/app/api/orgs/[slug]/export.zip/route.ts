import { requireSessionOrg } from "@/server/http-session";
import { routeErrorResponse } from "@/server/http-errors";
import { exportOrganization } from "@/server/orgs/data";
import { clientIp } from "@/server/http";

export const dynamic = "force-dynamic";

export async function GET(req: Request, { params }: { params: Promise<{ slug: string }> }) {
  try {
    const { db, org, role, actor } = await requireSessionOrg((await params).slug);
    const { fileName, zip } = await exportOrganization(db, org, role, actor, clientIp(req.headers));
    return new Response(zip as unknown as BodyInit, {
      headers: {
        "content-type": "application/zip",
        "content-disposition": `attachment; filename="${fileName}"`,
        "cache-control": "no-store",
      },
    });
  } catch (e) {
    return routeErrorResponse(e, req);
  }
}
