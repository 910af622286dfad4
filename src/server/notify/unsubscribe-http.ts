import "server-only";
import type { Database } from "../db/client";
import { browserLocale, translator } from "../i18n";
import { checkUnsubscribe, unsubscribe } from "./unsubscribe";
import { unsubscribePage } from "./unsubscribe-page";

const tokenOf = (req: Request) => new URL(req.url).searchParams.get("token");

const settingsUrl = (slug: string | null) =>
  slug ? `/o/${encodeURIComponent(slug)}/notifications` : undefined;

/**
 * The pages of the link, in the reader's language: there is no session (a mail client's POST carries none), so the
 * browser's cookie or Accept-Language decides.
 */
async function pageText(req: Request) {
  const locale = browserLocale(req.headers);
  return { locale, t: await translator(locale) };
}

/** The link from the email, opened in a browser: says what it stops and asks to confirm (a GET changes nothing). */
export async function unsubscribeGet(db: Database, req: Request): Promise<Response> {
  const { locale, t } = await pageText(req);
  const checked = await checkUnsubscribe(db, tokenOf(req));
  if (!checked.ok)
    return unsubscribePage({
      status: 400,
      lang: locale,
      title: t("unsubscribe.refusedTitle"),
      paragraphs: [t("unsubscribe.refused")],
    });
  const what = t(`unsubscribe.kinds.${checked.claim.kind}`);
  return unsubscribePage({
    status: 200,
    lang: locale,
    title: t("unsubscribe.confirmTitle"),
    paragraphs: [
      checked.organizationName
        ? t("unsubscribe.confirmQuestion", { what, org: checked.organizationName })
        : t("unsubscribe.confirmGone", { what }),
    ],
    confirm: t("unsubscribe.confirmButton"),
    settings: checked.organizationSlug
      ? { url: settingsUrl(checked.organizationSlug)!, label: t("unsubscribe.settings") }
      : undefined,
  });
}

/** One-click unsubscribe (RFC 8058, `List-Unsubscribe=One-Click`) and the confirm button: the signed link is enough. */
export async function unsubscribePost(db: Database, req: Request): Promise<Response> {
  const { locale, t } = await pageText(req);
  const done = await unsubscribe(db, tokenOf(req));
  if (!done.ok)
    return unsubscribePage({
      status: 400,
      lang: locale,
      title: t("unsubscribe.refusedTitle"),
      paragraphs: [t("unsubscribe.refused")],
    });
  const what = t(`unsubscribe.kinds.${done.claim.kind}`);
  const org = done.organizationName;
  return unsubscribePage({
    status: 200,
    lang: locale,
    title: t("unsubscribe.doneTitle"),
    paragraphs: [
      done.changed && org
        ? t("unsubscribe.done", { what, org })
        : org
          ? t("unsubscribe.already", { what, org })
          : t("unsubscribe.alreadyGone", { what }),
      t("unsubscribe.again"),
    ],
    settings: done.organizationSlug
      ? { url: settingsUrl(done.organizationSlug)!, label: t("unsubscribe.settings") }
      : undefined,
  });
}
