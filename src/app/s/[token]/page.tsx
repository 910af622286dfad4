import { notFound } from "next/navigation";
import { headers } from "next/headers";
import { getLocale, getTranslations } from "next-intl/server";
import { formatter } from "@/lib/format";
import { isLocale } from "@/lib/i18n/locales";
import { ReportBody } from "@/components/report/ReportBody";
import { useFormat } from "@/components/dashboard/format";
import { useTranslations } from "next-intl";
import type { RosterRow } from "@/server/shares/open";
import { openThisShare } from "./open-share";

async function getFormatter() {
  const locale = await getLocale();
  return formatter(isLocale(locale) ? locale : undefined);
}

const one = (v: string | string[] | undefined) => (typeof v === "string" ? v : null);

async function siteOrigin() {
  const h = await headers();
  const host = h.get("x-forwarded-host") ?? h.get("host");
  if (!host) return "";
  const proto =
    h.get("x-forwarded-proto") ??
    (host.startsWith("localhost") || host.startsWith("127.") ? "http" : "https");
  return `${proto}://${host}`;
}

function PasswordForm({
  token,
  attemptsLeft,
  retryAfterSeconds,
  attempt,
}: {
  token: string;
  attemptsLeft: number;
  retryAfterSeconds: number | null;
  attempt: string | null;
}) {
  const t = useTranslations("share");
  const blocked = attemptsLeft <= 0;
  return (
    <section className="card mx-auto max-w-md space-y-4" data-testid="share-password">
      <h1 className="text-2xl font-semibold">{t("passwordTitle")}</h1>
      <p className="text-gray-700 dark:text-gray-300">{t("passwordIntro")}</p>
      {attempt === "wrong" && !blocked ? (
        <p
          role="alert"
          className="text-sm text-rose-800 dark:text-rose-300"
          data-testid="share-password-error"
        >
          {t("wrongPassword", { left: attemptsLeft })}
        </p>
      ) : null}
      {blocked ? (
        <p
          role="alert"
          className="text-sm text-rose-800 dark:text-rose-300"
          data-testid="share-password-error"
        >
          {t("tooManyPasswords", { minutes: Math.max(1, Math.ceil((retryAfterSeconds ?? 60) / 60)) })}
        </p>
      ) : null}
      <form method="post" action={`/s/${encodeURIComponent(token)}/unlock`} className="space-y-3">
        <label htmlFor="share-password-input" className="block text-sm font-medium">
          {t("passwordLabel")}
        </label>
        <input
          id="share-password-input"
          name="password"
          type="password"
          autoComplete="off"
          required
          maxLength={200}
          disabled={blocked}
          className="w-full rounded border-gray-300 dark:border-gray-700 dark:bg-gray-900"
        />
        <button type="submit" className="btn-primary" disabled={blocked}>
          {t("open")}
        </button>
      </form>
    </section>
  );
}

function Roster({ rows, truncated }: { rows: RosterRow[]; truncated: boolean }) {
  const f = useFormat();
  const t = useTranslations("share");
  return (
    <section aria-labelledby="share-roster-title" className="report-page-break space-y-3">
      <h2 id="share-roster-title" className="text-lg font-semibold">
        {t("rosterTitle")}
      </h2>
      <p className="text-sm text-gray-700 dark:text-gray-300">
        {t("rosterIntro")}
        {truncated ? ` ${t("rosterTruncated", { count: rows.length })}` : ""}
      </p>
      <div className="overflow-x-auto" role="region" aria-label={t("rosterTitle")} tabIndex={0}>
        <table className="w-full text-sm" data-testid="share-roster">
          <thead>
            <tr className="text-left">
              <th scope="col" className="pr-3">
                {t("rosterName")}
              </th>
              <th scope="col" className="pr-3">
                {t("rosterRole")}
              </th>
              <th scope="col" className="pr-3">
                {t("rosterTeam")}
              </th>
              <th scope="col" className="pr-3">
                {t("rosterJobTitle")}
              </th>
              <th scope="col" className="pr-3">
                {t("rosterAttainment")}
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.row} className="border-t border-gray-200 dark:border-gray-800">
                <th scope="row" className="pr-3 text-left font-normal">
                  {r.name}
                </th>
                <td className="pr-3">{r.role}</td>
                <td className="pr-3">{r.team ?? ""}</td>
                <td className="pr-3">{r.title ?? ""}</td>
                <td className="pr-3 tabular-nums">
                  {r.quotaAttainment === null ? "" : f.share(r.quotaAttainment)}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}

/**
 * The read-only report behind a share link (/s/<token>): the same report body as the members' report page, of
 * the link's one upload, redacted as the link says. No session is read and nothing links into the app.
 */
export default async function SharedReportPage({
  params,
  searchParams,
}: {
  params: Promise<{ token: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { token } = await params;
  const opening = await openThisShare(token);
  if (opening.status === "locked") {
    const q = await searchParams;
    return (
      <PasswordForm
        token={token}
        attemptsLeft={opening.attemptsLeft}
        retryAfterSeconds={opening.retryAfterSeconds}
        attempt={one(q.attempt)}
      />
    );
  }
  // Refused: the layout says why; the answer is a 404 with no data.
  if (opening.status !== "open") notFound();
  const { shared } = opening;
  const t = await getTranslations("share");
  const f = await getFormatter();
  return (
    <ReportBody
      report={shared.report}
      trend={null}
      since={null}
      scenario={shared.scenario}
      origin={await siteOrigin()}
      toolbar={
        <p
          className="no-print rounded bg-blue-50 px-3 py-2 text-sm text-blue-900 dark:bg-blue-950 dark:text-blue-200"
          data-testid="share-banner"
          data-redaction={shared.redaction}
        >
          {t("banner", { date: f.longDate(shared.expiresAt, "UTC") })}{" "}
          {shared.redaction === "aggregates" ? t("bannerAggregates") : t("bannerNames")}
          {shared.scenarioUnavailable ? ` ${t("scenarioUnavailable")}` : ""}
        </p>
      }
    >
      {shared.roster ? <Roster rows={shared.roster} truncated={shared.rosterTruncated} /> : null}
    </ReportBody>
  );
}
