import type { Metadata } from "next";
import { getLocale, getTranslations } from "next-intl/server";
import { formatter } from "@/lib/format";
import { isLocale } from "@/lib/i18n/locales";
import { openThisShare } from "./open-share";

// The token is in the address: no Referer carries it elsewhere, and no search engine lists the page (the same
// is sent as headers from next.config.js, for clients that do not read the markup).
export const metadata: Metadata = {
  title: "Shared report",
  referrer: "no-referrer",
  robots: { index: false, follow: false, nocache: true },
};

/**
 * The shared report's frame: no navigation, no account menu and no link into the app. A refused link is worded
 * here, where the token is known, while the page answers 404 (notFound), so neither the status nor the words
 * ever come with data.
 */
export default async function ShareLayout({
  children,
  params,
}: {
  children: React.ReactNode;
  params: Promise<{ token: string }>;
}) {
  const { token } = await params;
  const opening = await openThisShare(token);
  const t = await getTranslations("share");
  const locale = await getLocale();
  const f = formatter(isLocale(locale) ? locale : undefined);
  const date = (d: Date) => f.longDate(d, "UTC");
  const refusal =
    opening.status === "invalid"
      ? { title: t("invalidTitle"), text: t("invalidText") }
      : opening.status === "gone"
        ? { title: t("goneTitle"), text: t("goneText") }
        : opening.status === "expired"
          ? { title: t("expiredTitle"), text: t("expiredText", { date: date(opening.expiredAt) }) }
          : opening.status === "revoked"
            ? { title: t("revokedTitle"), text: t("revokedText", { date: date(opening.revokedAt) }) }
            : null;
  return (
    <main className="mx-auto max-w-5xl px-4 py-8">
      <p className="no-print mb-6 flex items-center gap-2 text-sm font-semibold text-gray-700 dark:text-gray-300">
        <span
          aria-hidden
          className="inline-flex h-6 w-6 items-center justify-center rounded bg-blue-600 text-xs text-white"
        >
          SM
        </span>
        {t("frame")}
      </p>
      {refusal ? (
        <section
          className="card mx-auto max-w-xl space-y-3"
          data-testid="share-refused"
          data-refusal={opening.status}
        >
          <h1 className="text-2xl font-semibold">{refusal.title}</h1>
          <p className="text-gray-700 dark:text-gray-300">{refusal.text}</p>
        </section>
      ) : null}
      {children}
    </main>
  );
}
