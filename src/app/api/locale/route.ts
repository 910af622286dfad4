import { getDb } from "@/server/db";
import { isSameOrigin } from "@/server/http";
import { handleLocaleChange } from "@/server/i18n";

export const dynamic = "force-dynamic";

/** The language switcher: `{ "locale": "zh-CN" }` sets the cookie, and the account's choice when signed in. */
export async function POST(req: Request) {
  if (!isSameOrigin(req)) return Response.json({ error: "Cross-origin request refused." }, { status: 403 });
  return handleLocaleChange(req, getDb);
}
