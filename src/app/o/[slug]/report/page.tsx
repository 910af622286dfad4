import type { Metadata } from "next";
import Link from "next/link";
import { headers } from "next/headers";
import { getTranslations } from "next-intl/server";
import { requireOrgPage } from "@/trpc/org-page";
import { can } from "@/lib/permissions";
import { ReportBody } from "@/components/report/ReportBody";
import { PrintButton } from "./PrintButton";

export async function generateMetadata(): Promise<Metadata> {
  return { title: (await getTranslations("report"))("metaTitle") };
}

const one = (v: string | string[] | undefined) => (typeof v === "string" && v ? v : null);

function query(filter: { team: string | null; title: string | null }) {
  const params = new URLSearchParams();
  if (filter.team) params.set("team", filter.team);
  if (filter.title) params.set("title", filter.title);
  return params.size ? `?${params.toString()}` : "";
}

/** The site's own address, for links that must still mean something on paper. */
async function siteOrigin() {
  const h = await headers();
  const host = h.get("x-forwarded-host") ?? h.get("host");
  if (!host) return "";
  const proto =
    h.get("x-forwarded-proto") ??
    (host.startsWith("localhost") || host.startsWith("127.") ? "http" : "https");
  return `${proto}://${host}`;
}

export default async function ReportPage({
  params,
  searchParams,
}: {
  params: Promise<{ slug: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { slug } = await params;
  const q = await searchParams;
  const { org, caller } = await requireOrgPage(slug);
  const t = await getTranslations("report");
  const roles = await getTranslations("roles");
  const filter = { team: one(q.team), title: one(q.title) };
  const scenarioId = one(q.scenario);
  const [report, trend, origin, scenarios] = await Promise.all([
    caller.report.overview({ orgSlug: slug, ...filter }),
    caller.report.trend({ orgSlug: slug, ...filter }),
    siteOrigin(),
    caller.scenarios.list({ orgSlug: slug }),
  ]);
  const chosen =
    scenarioId && scenarios.some((s) => s.id === scenarioId)
      ? await caller.scenarios.evaluate({ orgSlug: slug, scenarioId })
      : null;

  if (!report) {
    return (
      <div className="card mx-auto max-w-2xl space-y-3">
        <h1 className="text-xl font-semibold">{t("metaTitle")}</h1>
        <p className="text-gray-700 dark:text-gray-300">{t("nothing", { org: org.name })}</p>
        <Link href={`/o/${org.slug}`} className="link underline">
          {t("back")}
        </Link>
      </div>
    );
  }

  const { organization } = report;
  const filteredReport = Boolean(report.filter.team || report.filter.title);
  const since = filteredReport
    ? null
    : await caller.report.sinceLast({ orgSlug: slug, snapshotId: report.snapshot.id });
  const suffix = query(report.filter);
  const csvQuery = new URLSearchParams(suffix.slice(1));
  if (chosen) csvQuery.set("scenario", chosen.scenario.id);
  const csvSuffix = csvQuery.size ? `?${csvQuery.toString()}` : "";

  return (
    <ReportBody
      report={report}
      trend={trend}
      since={
        since
          ? {
              line: since.line,
              href: `/o/${organization.slug}/compare?from=${since.comparison.from.id}&to=${since.comparison.to.id}`,
            }
          : null
      }
      scenario={chosen}
      origin={origin}
      toolbar={
        <div className="no-print flex flex-wrap items-center gap-3">
          <Link href={`/o/${organization.slug}${suffix}`} className="link underline">
            {t("back")}
          </Link>
          <div className="ml-auto flex flex-wrap gap-2">
            {scenarios.length > 0 ? (
              <form method="get" className="flex items-center gap-2 text-sm">
                {report.filter.team ? <input type="hidden" name="team" value={report.filter.team} /> : null}
                {report.filter.title ? (
                  <input type="hidden" name="title" value={report.filter.title} />
                ) : null}
                <label htmlFor="report-scenario-select">{t("includeScenario")}</label>
                <select
                  id="report-scenario-select"
                  name="scenario"
                  defaultValue={chosen?.scenario.id ?? ""}
                  className="rounded border-gray-300 text-sm dark:border-gray-700 dark:bg-gray-900"
                >
                  <option value="">{t("none")}</option>
                  {scenarios.map((s) => (
                    <option key={s.id} value={s.id}>
                      {s.name}
                    </option>
                  ))}
                </select>
                <button type="submit" className="btn-secondary">
                  {t("show")}
                </button>
              </form>
            ) : null}
            <PrintButton />
            {can(org.role, "shares.manage") ? (
              <Link href={`/o/${organization.slug}/settings/shares`} className="btn-secondary">
                {t("shareLink")}
              </Link>
            ) : null}
            {can(org.role, "exports.create") ? (
              <a
                href={`/api/orgs/${organization.slug}/report.csv${csvSuffix}`}
                className="btn-secondary"
                download
                data-testid="report-csv"
              >
                {t("csv")}
              </a>
            ) : (
              <p className="text-sm text-gray-700 dark:text-gray-300">
                {t("roleCannotCsv", { role: roles(org.role) })}
              </p>
            )}
          </div>
        </div>
      }
    />
  );
}
