import type { Metadata } from "next";
import { openThisShare } from "./open-share";

// The token is in the address: no Referer carries it elsewhere, and no search engine lists the page (the same
// is sent as headers from next.config.js, for clients that do not read the markup).
export const metadata: Metadata = {
  title: "Shared report",
  referrer: "no-referrer",
  robots: { index: false, follow: false, nocache: true },
};

const dateOf = (d: Date) =>
  new Intl.DateTimeFormat("en-US", { dateStyle: "long", timeZone: "UTC" }).format(d);

const REFUSALS = {
  invalid: {
    title: "This share link is not valid",
    text: () =>
      "The address may be mistyped, cut short or changed. Ask the person who sent it to send the link again.",
  },
  expired: {
    title: "This share link has expired",
    text: (at: Date) => `It expired on ${dateOf(at)}. Ask the person who sent it for a new link.`,
  },
  revoked: {
    title: "This share link was revoked",
    text: (at: Date) =>
      `It was revoked on ${dateOf(at)} and shows nothing any more. Ask the person who sent it if you should still see the report.`,
  },
  gone: {
    title: "This report is no longer available",
    text: () => "The upload this link showed was deleted. Ask the person who sent it for a new link.",
  },
} as const;

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
  const refusal =
    opening.status === "invalid" || opening.status === "gone"
      ? { ...REFUSALS[opening.status], at: new Date(0) }
      : opening.status === "expired"
        ? { ...REFUSALS.expired, at: opening.expiredAt }
        : opening.status === "revoked"
          ? { ...REFUSALS.revoked, at: opening.revokedAt }
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
        SalesMix · shared report (read-only)
      </p>
      {refusal ? (
        <section
          className="card mx-auto max-w-xl space-y-3"
          data-testid="share-refused"
          data-refusal={opening.status}
        >
          <h1 className="text-2xl font-semibold">{refusal.title}</h1>
          <p className="text-gray-700 dark:text-gray-300">{refusal.text(refusal.at)}</p>
        </section>
      ) : null}
      {children}
    </main>
  );
}
