import Link from "next/link";
import { useTranslations } from "next-intl";
import type { Report } from "@/lib/team/report";
import { can, type Role } from "@/lib/permissions";
import { compositionRows } from "./composition-data";
import { Composition } from "./Composition";
import { KpiCards } from "./KpiCards";
import { SalesModelCard } from "./SalesModelCard";
import { Recommendations } from "./Recommendations";
import { LazyWhatIf } from "./LazyWhatIf";
import { GapsTable } from "./GapsTable";
import { RoleTable } from "./RoleTable";
import { Attainment } from "./Attainment";
import { Filters } from "./Filters";
import { ProfilePrompt } from "./ProfilePrompt";
import { Trend, type TrendInput } from "./Trend";
import { Headline } from "./Headline";
import { headlineSummary, type SinceLastUpload } from "@/lib/benchmarks/headline";
import { GapChart } from "./GapChart";
import { OVERVIEW_TABS, tabHref, tabOfFigure, type OverviewTab } from "./tabs";

export function Overview({
  report,
  trend,
  role,
  showProfilePrompt,
  tab,
  sinceLast,
  compareHref,
}: {
  report: Report;
  trend: TrendInput[];
  role: Role;
  showProfilePrompt: boolean;
  tab: OverviewTab;
  sinceLast: SinceLastUpload | null;
  /** The compare page for the previous upload and this one, when there is a previous one. */
  compareHref: string | null;
}) {
  const t = useTranslations("overview");
  const bands = useTranslations("bands");
  const { analysis, organization: org } = report;
  const bandLabel = bands(report.bandInfo.band);
  const gaps = analysis.gaps;
  const bandFigure = report.bandInfo.figureId ?? report.bandInfo.fallbackFigureId;
  const bandGap = (bandFigure && gaps.find((g) => g.figureId === bandFigure)) || null;
  const rows = compositionRows(analysis.metrics.headCount, analysis.band);
  const href = (t: OverviewTab, anchor?: string) => tabHref(org.slug, report.filter, t, anchor);
  const pick = (prefixes: string[]) => gaps.filter((g) => prefixes.some((p) => g.figureId.startsWith(p)));
  const mixRange = analysis.recommendations.find((r) => r.mix !== null)?.mix?.range ?? null;
  const targetRange = mixRange ? { low: mixRange.low, high: mixRange.high, model: mixRange.model } : null;
  const bandBenchmark =
    bandGap && bandGap.figureId !== "mix.outside_share.large"
      ? bandGap.benchmark.value
      : bandGap
        ? 1 - bandGap.benchmark.value
        : null;
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold">{org.name}</h1>
          <p className="text-sm text-gray-700 dark:text-gray-300">
            {t.rich("asOf", {
              asOf: report.snapshot.asOf,
              period: report.snapshot.period,
              file: report.snapshot.fileName,
              bandName: bandLabel,
              vintage: analysis.vintageLabel,
              strong: (c) => <strong>{c}</strong>,
              band: (c) => <strong data-testid="band-label">{c}</strong>,
            })}
          </p>
        </div>
        <div className="no-print flex flex-wrap gap-2">
          {can(role, "imports.create") ? (
            <Link href={`/o/${org.slug}/imports/new`} className="btn-secondary">
              {t("uploadNewer")}
            </Link>
          ) : null}
          <Link
            href={`/o/${org.slug}/report${report.filter.team || report.filter.title ? `?${new URLSearchParams({ ...(report.filter.team ? { team: report.filter.team } : {}), ...(report.filter.title ? { title: report.filter.title } : {}) })}` : ""}`}
            className="btn-secondary"
          >
            {t("report")}
          </Link>
        </div>
      </div>
      <Headline
        sentences={headlineSummary(analysis, sinceLast)}
        sectionHref={{
          composition: href("composition", "composition"),
          gaps: "#gap-chart",
          "sales-model": href("deals", "sales-model"),
          recommendations: "#recommendations",
          changes: compareHref ?? href("composition", "trend"),
        }}
      />
      {showProfilePrompt ? <ProfilePrompt slug={org.slug} canEdit={can(role, "org.update")} /> : null}
      <Filters
        teams={report.filter.options.teams}
        titles={report.filter.options.titles}
        team={report.filter.team}
        title={report.filter.title}
      />
      {report.filter.team || report.filter.title ? (
        <p className="text-sm" role="status">
          {t("showing", {
            count: analysis.metrics.headCount.total,
            team: report.filter.team ?? "none",
            title: report.filter.title ?? "none",
          })}
        </p>
      ) : null}
      <KpiCards
        headCount={analysis.metrics.headCount}
        bandGap={bandGap}
        bandLabel={bandLabel}
        quotaGap={gaps.find((g) => g.figureId === "quota.hit_rate") ?? null}
        oteGap={gaps.find((g) => g.figureId === "pay.inside_am.ote") ?? null}
        currency={org.currency}
      />
      <GapChart gaps={gaps} tabHref={(id) => href(tabOfFigure(id), "tab-panel")} />
      <div id="recommendations" className="scroll-mt-4">
        <Recommendations items={analysis.recommendations} plannerHref={`/o/${org.slug}/planner`} />
      </div>
      <nav aria-label={t("sections")} className="no-print -mb-2 overflow-x-auto" data-testid="tabs">
        <ul className="flex min-w-max gap-1 border-b border-gray-200 dark:border-gray-800">
          {OVERVIEW_TABS.map((tab_) => (
            <li key={tab_.id}>
              <Link
                href={href(tab_.id, "tab-panel")}
                aria-current={tab_.id === tab ? "page" : undefined}
                className={`inline-block rounded-t-md px-3 py-2 text-sm font-medium ${
                  tab_.id === tab
                    ? "border-b-2 border-blue-700 text-blue-800 dark:border-blue-300 dark:text-blue-200"
                    : "text-gray-700 hover:bg-gray-100 dark:text-gray-300 dark:hover:bg-gray-800"
                }`}
              >
                {t(`tabs.${tab_.id}`)}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <div id="tab-panel" className="scroll-mt-4 space-y-6" data-tab={tab}>
        {tab === "composition" ? (
          <>
            <div id="composition" className="scroll-mt-4">
              <Composition rows={rows} bandLabel={bandLabel} />
            </div>
            <GapsTable
              testId="gaps-mix"
              title={t("gapsMix")}
              gaps={pick(["mix.", "remote."])}
              currency={org.currency}
            />
            <LazyWhatIf summary={report.summary} profile={org.profile} />
            <div id="trend" className="scroll-mt-4">
              <Trend
                points={trend}
                bandBenchmark={bandBenchmark}
                bandLabel={bandLabel}
                targetRange={targetRange}
              />
            </div>
          </>
        ) : null}
        {tab === "activity" ? (
          <GapsTable
            testId="gaps-activity"
            title={t("gapsActivity")}
            gaps={pick(["activity."])}
            currency={org.currency}
          />
        ) : null}
        {tab === "pay-quota" ? (
          <>
            <GapsTable testId="gaps-pay" title={t("gapsPay")} gaps={pick(["pay."])} currency={org.currency} />
            <GapsTable
              testId="gaps-quota"
              title={t("gapsQuota")}
              gaps={pick(["quota."])}
              currency={org.currency}
            />
          </>
        ) : null}
        {tab === "deals" ? (
          <>
            <GapsTable
              testId="gaps-deals"
              title={t("gapsDeals")}
              gaps={pick(["deal."])}
              currency={org.currency}
            />
            <div id="sales-model" className="scroll-mt-4">
              <SalesModelCard classification={analysis.classification} currency={org.currency} />
            </div>
          </>
        ) : null}
        {tab === "by-role" ? (
          <div className="grid grid-cols-1 gap-6 xl:grid-cols-2">
            <RoleTable
              byRole={analysis.metrics.byRole}
              currency={org.currency}
              minReps={analysis.metrics.minRepsPerMetric}
            />
            <Attainment byRole={analysis.metrics.byRole} />
          </div>
        ) : null}
      </div>
    </div>
  );
}
