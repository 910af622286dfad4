import Link from "next/link";
import { getTranslations } from "next-intl/server";
import { requireOrgPage } from "@/trpc/org-page";
import { can } from "@/lib/permissions";
import { Overview } from "@/components/dashboard/Overview";
import { overviewTab } from "@/components/dashboard/tabs";

export default async function OrgHome({
  params,
  searchParams,
}: {
  params: Promise<{ slug: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { slug } = await params;
  const query = await searchParams;
  const { org, caller } = await requireOrgPage(slug);
  const one = (v: string | string[] | undefined) => (typeof v === "string" && v ? v : null);
  const [report, trend, profile] = await Promise.all([
    caller.report.overview({ orgSlug: slug, team: one(query.team), title: one(query.title) }),
    caller.report.trend({ orgSlug: slug, team: one(query.team), title: one(query.title) }),
    caller.org.profile({ orgSlug: slug }),
  ]);
  if (report) {
    // "Since last upload" compares whole teams, so it is left out of a filtered view.
    const filtered = Boolean(report.filter.team || report.filter.title);
    const since = filtered
      ? null
      : await caller.report.sinceLast({ orgSlug: slug, snapshotId: report.snapshot.id });
    return (
      <Overview
        report={report}
        trend={trend}
        role={org.role}
        showProfilePrompt={profile.profile.annualRevenue === null && !profile.promptDismissed}
        tab={overviewTab(one(query.tab))}
        sinceLast={since?.line ?? null}
        compareHref={
          since
            ? `/o/${org.slug}/compare?from=${since.comparison.from.id}&to=${since.comparison.to.id}`
            : null
        }
      />
    );
  }
  const t = await getTranslations("overview");
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-semibold">{org.name}</h1>
      <section className="card flex flex-col items-start gap-4" aria-labelledby="empty-title">
        <h2 id="empty-title" className="text-lg font-semibold">
          {t("emptyTitle")}
        </h2>
        <p className="max-w-2xl text-gray-700 dark:text-gray-300">{t("emptyBody")}</p>
        <div className="flex flex-wrap gap-3">
          {can(org.role, "imports.create") ? (
            <Link href={`/o/${org.slug}/imports/new`} className="btn-primary">
              {t("upload")}
            </Link>
          ) : (
            <p className="text-sm text-gray-700 dark:text-gray-300">{t("askUpload", { org: org.name })}</p>
          )}
          <a href="/api/template.csv" className="btn-secondary" download>
            {t("template")}
          </a>
        </div>
      </section>
    </div>
  );
}
