import { getDb } from "@/server/db";
import { ServiceError } from "@/server/errors";
import { isSameOrigin } from "@/server/http";
import { routeErrorResponse } from "@/server/http-errors";
import { handleLocaleChange } from "@/server/i18n";

export const dynamic = "force-dynamic";

/** The language switcher: `{ "locale": "zh-CN" }` sets the cookie, and the account's choice when signed in. */
export async function POST(req: Request) {
  if (!isSameOrigin(req))
    return routeErrorResponse(new ServiceError("FORBIDDEN", "Cross-origin request refused."), req);
  return handleLocaleChange(req, getDb);
}
