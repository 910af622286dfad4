import "server-only";
import type { Database } from "../db/client";
import { checkUnsubscribe, unsubscribe } from "./unsubscribe";
import { NOTIFICATION_KIND_LABELS } from "@/lib/notifications";
import { unsubscribePage } from "./unsubscribe-page";

const tokenOf = (req: Request) => new URL(req.url).searchParams.get("token");

const settingsUrl = (slug: string | null) =>
  slug ? `/o/${encodeURIComponent(slug)}/notifications` : undefined;

function refused(reason: string) {
  return unsubscribePage({ status: 400, title: "This link does not work", paragraphs: [reason] });
}

/** The link from the email, opened in a browser: says what it stops and asks to confirm (a GET changes nothing). */
export async function unsubscribeGet(db: Database, req: Request): Promise<Response> {
  const checked = await checkUnsubscribe(db, tokenOf(req));
  if (!checked.ok) return refused(checked.reason);
  const what = NOTIFICATION_KIND_LABELS[checked.claim.kind];
  return unsubscribePage({
    status: 200,
    title: "Unsubscribe",
    paragraphs: [
      checked.organizationName
        ? `Stop ${what} from ${checked.organizationName}?`
        : `Stop ${what}? That organization no longer exists, so none will come anyway.`,
    ],
    confirm: "Unsubscribe",
    settingsUrl: settingsUrl(checked.organizationSlug),
  });
}

/** One-click unsubscribe (RFC 8058, `List-Unsubscribe=One-Click`) and the confirm button: the signed link is enough. */
export async function unsubscribePost(db: Database, req: Request): Promise<Response> {
  const done = await unsubscribe(db, tokenOf(req));
  if (!done.ok) return refused(done.reason);
  const what = NOTIFICATION_KIND_LABELS[done.claim.kind];
  const where = done.organizationName ? ` from ${done.organizationName}` : "";
  return unsubscribePage({
    status: 200,
    title: "You are unsubscribed",
    paragraphs: [
      done.changed
        ? `You will no longer receive ${what}${where}.`
        : `You were not receiving ${what}${where}; nothing needed to change.`,
      "You can turn it on again in the organization's notification settings.",
    ],
    settingsUrl: settingsUrl(done.organizationSlug),
  });
}
