import { z } from "zod";
import { requireSessionOrg } from "@/server/http-session";
import { routeErrorResponse } from "@/server/http-errors";
import { exportReportCsv } from "@/server/reports/csv";
import { ServiceError } from "@/server/errors";
import { clientIp } from "@/server/http";

export const dynamic = "force-dynamic";

const filterSchema = z.object({
  team: z.string().max(200).nullish(),
  title: z.string().max(200).nullish(),
  scenario: z.uuid("Not a scenario id.").nullish(),
});

/** The report's metrics and gaps as CSV (analyst or more; audited), with the page's team/title filter. */
export async function GET(req: Request, { params }: { params: Promise<{ slug: string }> }) {
  try {
    const { slug } = await params;
    const url = new URL(req.url);
    const parsed = filterSchema.safeParse({
      team: url.searchParams.get("team") || null,
      title: url.searchParams.get("title") || null,
      scenario: url.searchParams.get("scenario") || null,
    });
    if (!parsed.success)
      throw new ServiceError(
        "BAD_REQUEST",
        parsed.error.issues[0]?.path[0] === "scenario"
          ? "Not a scenario id."
          : "A team or title filter is at most 200 characters.",
      );
    const { db, org, role, actor } = await requireSessionOrg(slug);
    const { scenario, ...filter } = parsed.data;
    const { fileName, csv } = await exportReportCsv(
      db,
      org,
      role,
      actor,
      filter,
      clientIp(req.headers),
      scenario,
    );
    return new Response(csv, {
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
