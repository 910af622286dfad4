import { notFound } from "next/navigation";
import { headers } from "next/headers";
import { ReportBody } from "@/components/report/ReportBody";
import { useFormat } from "@/components/dashboard/format";
import { formatWait } from "@/server/ratelimit";
import type { RosterRow } from "@/server/shares/open";
import { openThisShare } from "./open-share";

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
  const blocked = attemptsLeft <= 0;
  return (
    <section className="card mx-auto max-w-md space-y-4" data-testid="share-password">
      <h1 className="text-2xl font-semibold">This report is protected by a password</h1>
      <p className="text-gray-700 dark:text-gray-300">
        Enter the password you were given with the link. Nothing is shown before it is right.
      </p>
      {attempt === "wrong" && !blocked ? (
        <p
          role="alert"
          className="text-sm text-rose-800 dark:text-rose-300"
          data-testid="share-password-error"
        >
          Wrong password. {attemptsLeft} attempt{attemptsLeft === 1 ? "" : "s"} left.
        </p>
      ) : null}
      {blocked ? (
        <p
          role="alert"
          className="text-sm text-rose-800 dark:text-rose-300"
          data-testid="share-password-error"
        >
          Too many wrong passwords for this link. Try again in {formatWait(retryAfterSeconds ?? 60)}.
        </p>
      ) : null}
      <form method="post" action={`/s/${encodeURIComponent(token)}/unlock`} className="space-y-3">
        <label htmlFor="share-password-input" className="block text-sm font-medium">
          Password
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
          Open the report
        </button>
      </form>
    </section>
  );
}

function Roster({ rows, truncated }: { rows: RosterRow[]; truncated: boolean }) {
  const f = useFormat();
  return (
    <section aria-labelledby="share-roster-title" className="report-page-break space-y-3">
      <h2 id="share-roster-title" className="text-lg font-semibold">
        Reps in this upload (your data)
      </h2>
      <p className="text-sm text-gray-700 dark:text-gray-300">
        This link was shared with names, for internal use. Emails and pay are never shown on a shared report.
        {truncated ? ` The first ${rows.length} reps of the upload are listed.` : ""}
      </p>
      <div className="overflow-x-auto" role="region" aria-label="Reps in this upload" tabIndex={0}>
        <table className="w-full text-sm" data-testid="share-roster">
          <thead>
            <tr className="text-left">
              <th scope="col" className="pr-3">
                Name
              </th>
              <th scope="col" className="pr-3">
                Role
              </th>
              <th scope="col" className="pr-3">
                Team
              </th>
              <th scope="col" className="pr-3">
                Title
              </th>
              <th scope="col" className="pr-3">
                Quota attainment
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
  const expires = new Intl.DateTimeFormat("en-US", { dateStyle: "long", timeZone: "UTC" }).format(
    shared.expiresAt,
  );
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
          A read-only report shared with you, valid until {expires}.{" "}
          {shared.redaction === "aggregates"
            ? "It shows aggregates only: no rep names, emails or individual pay."
            : "It includes rep names, for internal use."}
          {shared.scenarioUnavailable
            ? " The scenario shared with it was since deleted or moved to another upload, so it is not shown."
            : ""}
        </p>
      }
    >
      {shared.roster ? <Roster rows={shared.roster} truncated={shared.rosterTruncated} /> : null}
    </ReportBody>
  );
}
