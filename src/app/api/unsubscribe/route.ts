import { getDb } from "@/server/db";
import { unsubscribeGet, unsubscribePost } from "@/server/notify/unsubscribe-http";

export const dynamic = "force-dynamic";

/** The link of every notification email: GET asks to confirm, POST (one-click, RFC 8058) unsubscribes. */
export async function GET(req: Request) {
  return unsubscribeGet(await getDb(), req);
}

export async function POST(req: Request) {
  return unsubscribePost(await getDb(), req);
}
