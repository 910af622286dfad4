import Link from "next/link";
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
import { headlineSummary } from "@/lib/benchmarks/headline";

const GROUPS = [
  { prefix: ["mix.", "remote."], title: "Composition and remote selling vs the article", testId: "gaps-mix" },
  { prefix: ["activity."], title: "Activity vs the article", testId: "gaps-activity" },
  { prefix: ["pay."], title: "Pay vs the article", testId: "gaps-pay" },
  { prefix: ["quota."], title: "Quota and attainment vs the article", testId: "gaps-quota" },
  { prefix: ["deal."], title: "Deals vs the article", testId: "gaps-deals" },
];

export function Overview({
  report,
  trend,
  role,
  showProfilePrompt,
}: {
  report: Report;
  trend: TrendInput[];
  role: Role;
  showProfilePrompt: boolean;
}) {
  const { analysis, organization: org } = report;
  const gaps = analysis.gaps;
  const bandFigure = report.bandInfo.figureId ?? report.bandInfo.fallbackFigureId;
  const bandGap = (bandFigure && gaps.find((g) => g.figureId === bandFigure)) || null;
  const rows = compositionRows(analysis.metrics.headCount, analysis.band);
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
            Team as of <strong>{report.snapshot.asOf}</strong> ({report.snapshot.period},{" "}
            {report.snapshot.fileName}) · Size band:{" "}
            <strong data-testid="band-label">{report.bandInfo.label}</strong> · Benchmarks: XANT “Inside Sales
            vs. Outside Sales”, {analysis.vintageLabel}
          </p>
        </div>
        <div className="no-print flex flex-wrap gap-2">
          {can(role, "imports.create") ? (
            <Link href={`/o/${org.slug}/imports/new`} className="btn-secondary">
              Upload a newer team
            </Link>
          ) : null}
          <Link
            href={`/o/${org.slug}/report${report.filter.team || report.filter.title ? `?${new URLSearchParams({ ...(report.filter.team ? { team: report.filter.team } : {}), ...(report.filter.title ? { title: report.filter.title } : {}) })}` : ""}`}
            className="btn-secondary"
          >
            Report for sharing
          </Link>
        </div>
      </div>
      <Headline
        sentences={headlineSummary(analysis)}
        sectionHref={{
          composition: "#composition",
          gaps: "#gaps",
          "sales-model": "#sales-model",
          recommendations: "#recommendations",
          changes: "#trend",
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
          Showing {analysis.metrics.headCount.total} reps
          {report.filter.team ? ` in team “${report.filter.team}”` : ""}
          {report.filter.title ? ` with title “${report.filter.title}”` : ""}.
        </p>
      ) : null}
      <KpiCards
        headCount={analysis.metrics.headCount}
        bandGap={bandGap}
        bandLabel={report.bandInfo.label}
        quotaGap={gaps.find((g) => g.figureId === "quota.hit_rate") ?? null}
        oteGap={gaps.find((g) => g.figureId === "pay.inside_am.ote") ?? null}
        currency={org.currency}
      />
      <div className="grid grid-cols-1 gap-6 xl:grid-cols-2">
        <div id="composition" className="scroll-mt-4">
          <Composition rows={rows} bandLabel={report.bandInfo.label} />
        </div>
        <div id="sales-model" className="scroll-mt-4">
          <SalesModelCard classification={analysis.classification} currency={org.currency} />
        </div>
      </div>
      <div id="recommendations" className="scroll-mt-4">
        <Recommendations items={analysis.recommendations} />
      </div>
      <LazyWhatIf summary={report.summary} profile={org.profile} />
      <div id="gaps" className="scroll-mt-4 space-y-6">
        {GROUPS.map((g) => (
          <GapsTable
            key={g.testId}
            testId={g.testId}
            title={g.title}
            gaps={gaps.filter((gap) => g.prefix.some((p) => gap.figureId.startsWith(p)))}
            currency={org.currency}
          />
        ))}
      </div>
      <div className="grid grid-cols-1 gap-6 xl:grid-cols-2">
        <RoleTable
          byRole={analysis.metrics.byRole}
          currency={org.currency}
          minReps={analysis.metrics.minRepsPerMetric}
        />
        <Attainment byRole={analysis.metrics.byRole} />
      </div>
      <div id="trend" className="scroll-mt-4">
        <Trend points={trend} bandBenchmark={bandBenchmark} bandLabel={report.bandInfo.label} />
      </div>
    </div>
  );
}
