import Link from "next/link";
import { BENCHMARK_DATASET, type Recommendation } from "@/lib/benchmarks";
import { headlineSummary } from "@/lib/benchmarks/headline";
import type { Report } from "@/lib/team/report";
import type { RouterOutputs } from "@/trpc/types";
import { compositionRows } from "@/components/dashboard/composition-data";
import { Composition } from "@/components/dashboard/Composition";
import { KpiCards } from "@/components/dashboard/KpiCards";
import { SalesModelCard } from "@/components/dashboard/SalesModelCard";
import { GapsTable } from "@/components/dashboard/GapsTable";
import { RoleTable } from "@/components/dashboard/RoleTable";
import { Attainment } from "@/components/dashboard/Attainment";
import { Trend } from "@/components/dashboard/Trend";
import { useTranslations } from "next-intl";
import { methodologyHref, useFormat } from "@/components/dashboard/format";
import { Headline } from "@/components/dashboard/Headline";
import { GapChart } from "@/components/dashboard/GapChart";
import { ReportScenario } from "@/components/planner/ReportScenario";
import "./report.css";

/** `title` is the catalogue key under overview. */
const GAP_GROUPS = [
  { prefix: ["mix.", "remote."], title: "gapsMix", testId: "gaps-mix" },
  { prefix: ["activity."], title: "gapsActivity", testId: "gaps-activity" },
  { prefix: ["pay."], title: "gapsPay", testId: "gaps-pay" },
  { prefix: ["quota."], title: "gapsQuota", testId: "gaps-quota" },
  { prefix: ["deal."], title: "gapsDeals", testId: "gaps-deals" },
] as const;

const PRIORITY_TONE = {
  high: "bg-rose-50 text-rose-900 dark:bg-rose-950 dark:text-rose-200",
  medium: "bg-amber-50 text-amber-900 dark:bg-amber-950 dark:text-amber-200",
  low: "bg-gray-100 text-gray-800 dark:bg-gray-800 dark:text-gray-200",
} as const;

/** Recommendations with their reasoning open: paper has no "expand". */
function ExpandedRecommendations({ items }: { items: Recommendation[] }) {
  const f = useFormat();
  const t = useTranslations("report");
  return (
    <ol className="space-y-3" data-testid="report-recommendations">
      {items.map((r) => (
        <li key={r.id} className="card report-avoid-break" data-recommendation={r.id}>
          <h3 className="flex items-start gap-3 font-semibold">
            <span className="tabular-nums text-gray-600 dark:text-gray-400">{r.rank}.</span>
            <span className="flex-1">{r.title}</span>
            <span className={`rounded px-2 py-0.5 text-xs font-medium ${PRIORITY_TONE[r.priority]}`}>
              {t(`priority.${r.priority}`)}
            </span>
          </h3>
          <div className="mt-2 space-y-2 pl-7 text-sm text-gray-800 dark:text-gray-200">
            <p>{r.reasoning}</p>
            {r.mix ? (
              <p>
                {t.rich("targetShare", {
                  low: f.share(r.mix.range.low),
                  high: f.share(r.mix.range.high),
                  now: f.share(r.mix.currentInsideShare),
                  strong: (c) => <strong>{c}</strong>,
                })}
              </p>
            ) : null}
            <p>{t.rich("cohorts", { effect: r.expectedEffect, strong: (c) => <strong>{c}</strong> })}</p>
            {r.figureIds.length ? (
              <p className="flex flex-wrap gap-x-2 gap-y-1 text-xs">
                <span>{t("restsOn")}</span>
                {r.figureIds.map((id) => (
                  <Link
                    key={id}
                    href={methodologyHref(id)}
                    className="link font-mono [overflow-wrap:anywhere] underline"
                  >
                    {id}
                  </Link>
                ))}
              </p>
            ) : null}
          </div>
        </li>
      ))}
    </ol>
  );
}

export interface ReportBodyProps {
  report: Report;
  /** The trend over every upload; null leaves it out (a shared report shows its one upload only). */
  trend: RouterOutputs["report"]["trend"] | null;
  /** The since-last-upload line and where its "see the changes" link goes; null leaves both out. */
  since: { line: NonNullable<RouterOutputs["report"]["sinceLast"]>["line"]; href: string } | null;
  scenario: RouterOutputs["scenarios"]["evaluate"] | null;
  /** The site's own address, for links that must still mean something on paper. */
  origin: string;
  /** Shown before the report's own controls, e.g. the dashboard's toolbar. */
  toolbar?: React.ReactNode;
  /** After the team section, e.g. a shared report's roster. */
  children?: React.ReactNode;
}

/**
 * The benchmark report of one upload: the page members print (/o/[slug]/report) and the read-only shared report
 * (/s/[token]) render this same body, so they cannot disagree. It takes only what it shows: whoever calls it
 * decides what is in it (a shared report passes no trend, no comparison with another upload, and its own
 * redaction of the data).
 */
export function ReportBody({ report, trend, since, scenario, origin, toolbar, children }: ReportBodyProps) {
  const t = useTranslations("report");
  const overviewText = useTranslations("overview");
  const bands = useTranslations("bands");
  const { analysis, organization, snapshot } = report;
  const bandLabel = bands(report.bandInfo.band);
  const mixRange = analysis.recommendations.find((r) => r.mix !== null)?.mix?.range ?? null;
  const gaps = analysis.gaps;
  const currency = organization.currency;
  const bandFigure = report.bandInfo.figureId ?? report.bandInfo.fallbackFigureId;
  const bandGap = (bandFigure && gaps.find((g) => g.figureId === bandFigure)) || null;
  const bandBenchmark = bandGap
    ? bandGap.figureId === "mix.outside_share.large"
      ? 1 - bandGap.benchmark.value
      : bandGap.benchmark.value
    : null;
  const filtered = report.filter.team || report.filter.title;
  const generated = new Date().toISOString().slice(0, 10);

  return (
    <article className="report-sheet mx-auto space-y-6" aria-labelledby="report-title" data-testid="report">
      {toolbar}

      <header className="space-y-3 border-b border-gray-300 pb-4 dark:border-gray-700">
        <p className="text-xs font-semibold uppercase tracking-wide text-blue-800 dark:text-blue-300">
          {t("kicker")}
        </p>
        <h1 id="report-title" className="text-2xl font-semibold">
          {t("title", { org: organization.name })}
        </h1>
        <dl className="grid gap-x-6 gap-y-2 text-sm sm:grid-cols-2" data-testid="report-header">
          <div>
            <dt className="font-medium text-gray-600 dark:text-gray-400">{t("team")}</dt>
            <dd>
              {t.rich("asOf", {
                asOf: snapshot.asOf,
                period: snapshot.period,
                file: snapshot.fileName ? `${snapshot.fileName} · ` : "",
                count: snapshot.rowCount,
                strong: (c) => <strong data-testid="report-as-of">{c}</strong>,
              })}
            </dd>
          </div>
          <div>
            <dt className="font-medium text-gray-600 dark:text-gray-400">{t("band")}</dt>
            <dd>
              <strong data-testid="report-band">{bandLabel}</strong> ({report.bandInfo.boundaries})
            </dd>
          </div>
          <div>
            <dt className="font-medium text-gray-600 dark:text-gray-400">{t("benchmarks")}</dt>
            <dd>
              {t("dataset", {
                title: BENCHMARK_DATASET.title,
                publisher: BENCHMARK_DATASET.publisher,
                published: BENCHMARK_DATASET.published,
                updated: BENCHMARK_DATASET.updated,
              })}
            </dd>
          </div>
          <div>
            <dt className="font-medium text-gray-600 dark:text-gray-400">{t("vintage")}</dt>
            <dd data-testid="report-vintage">{analysis.vintageLabel}</dd>
          </div>
          <div>
            <dt className="font-medium text-gray-600 dark:text-gray-400">{t("scope")}</dt>
            <dd data-testid="report-scope">
              {filtered
                ? t("scopeFiltered", {
                    count: analysis.metrics.headCount.total,
                    team: report.filter.team ?? "none",
                    title: report.filter.title ?? "none",
                  })
                : t("scopeAll", { count: analysis.metrics.headCount.total })}
            </dd>
          </div>
          <div>
            <dt className="font-medium text-gray-600 dark:text-gray-400">{t("prepared")}</dt>
            <dd>{t("preparedWith", { date: generated })}</dd>
          </div>
        </dl>
        <p className="text-xs text-gray-700 dark:text-gray-300">
          {t.rich("legend", {
            url: `${origin}/methodology`,
            strong: (c) => <strong>{c}</strong>,
            mono: (c) => <span className="font-mono">{c}</span>,
          })}
        </p>
      </header>

      <Headline
        sentences={headlineSummary(analysis, since?.line ?? null)}
        sectionHref={{
          composition: "#composition",
          gaps: "#gap-chart",
          "sales-model": "#sales-model",
          recommendations: "#report-recs-title",
          changes: since ? since.href : "#report-team-title",
        }}
      />

      <section aria-labelledby="report-kpis-title" className="report-kpis space-y-3">
        <h2 id="report-kpis-title" className="text-lg font-semibold">
          {t("kpis")}
        </h2>
        <KpiCards
          headCount={analysis.metrics.headCount}
          bandGap={bandGap}
          bandLabel={bandLabel}
          quotaGap={gaps.find((g) => g.figureId === "quota.hit_rate") ?? null}
          oteGap={gaps.find((g) => g.figureId === "pay.inside_am.ote") ?? null}
          currency={currency}
        />
      </section>

      <GapChart gaps={gaps} />

      <div data-report-chart="composition" id="composition">
        <Composition
          rows={compositionRows(analysis.metrics.headCount, analysis.band)}
          bandLabel={bandLabel}
        />
      </div>

      <div id="sales-model">
        <SalesModelCard classification={analysis.classification} currency={currency} />
      </div>

      <section aria-labelledby="report-recs-title" className="report-page-break space-y-3">
        <h2 id="report-recs-title" className="text-lg font-semibold">
          {t("recs")}
        </h2>
        <p className="text-sm text-gray-700 dark:text-gray-300">{t("recsIntro")}</p>
        <ExpandedRecommendations items={analysis.recommendations} />
      </section>

      {scenario ? <ReportScenario evaluated={scenario} /> : null}

      <section aria-labelledby="report-gaps-title" className="report-page-break space-y-4">
        <h2 id="report-gaps-title" className="text-lg font-semibold">
          {t("every")}
        </h2>
        {GAP_GROUPS.map((g) => (
          <GapsTable
            key={g.testId}
            testId={g.testId}
            title={overviewText(g.title)}
            gaps={gaps.filter((gap) => g.prefix.some((p) => gap.figureId.startsWith(p)))}
            currency={currency}
          />
        ))}
      </section>

      <section aria-labelledby="report-team-title" className="report-page-break space-y-4">
        <h2 id="report-team-title" className="text-lg font-semibold">
          {t("detail")}
        </h2>
        <RoleTable
          byRole={analysis.metrics.byRole}
          currency={currency}
          minReps={analysis.metrics.minRepsPerMetric}
        />
        <div data-report-chart="attainment">
          <Attainment byRole={analysis.metrics.byRole} />
        </div>
        {trend ? (
          <div {...(trend.length >= 2 ? { "data-report-chart": "trend" } : {})}>
            <Trend
              points={trend}
              bandBenchmark={bandBenchmark}
              bandLabel={bandLabel}
              targetRange={
                mixRange ? { low: mixRange.low, high: mixRange.high, model: mixRange.model } : null
              }
            />
          </div>
        ) : null}
      </section>

      {children}

      <footer className="border-t border-gray-300 pt-3 text-xs text-gray-700 dark:border-gray-700 dark:text-gray-300">
        {t("footer", {
          org: organization.name,
          asOf: snapshot.asOf,
          id: BENCHMARK_DATASET.id,
          vintage: analysis.vintageLabel,
          url: `${origin}/methodology`,
        })}
      </footer>
    </article>
  );
}
