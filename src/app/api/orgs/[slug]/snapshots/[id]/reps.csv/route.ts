import { z } from "zod";
import { requireSessionOrg } from "@/server/http-session";
import { routeErrorResponse } from "@/server/http-errors";
import { exportSnapshotCsv } from "@/server/imports/export";
import { ServiceError } from "@/server/errors";
import { clientIp } from "@/server/http";

export const dynamic = "force-dynamic";

export async function GET(req: Request, { params }: { params: Promise<{ slug: string; id: string }> }) {
  try {
    const { slug, id } = await params;
    if (!z.uuid().safeParse(id).success) throw new ServiceError("NOT_FOUND", "Snapshot not found.");
    const { db, org, role, actor } = await requireSessionOrg(slug);
    const { fileName, stream } = await exportSnapshotCsv(db, org, role, actor, id, clientIp(req.headers));
    return new Response(stream, {
      headers: {
        "content-type": "text/csv; charset=utf-8",
        "content-disposition": `attachment; filename="${fileName}"`,
        "cache-control": "no-store",
      },
    });
  } catch (e) {
    return routeErrorResponse(e, req);
  }
}
