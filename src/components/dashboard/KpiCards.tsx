import type { Gap } from "@/lib/benchmarks";
import { ArticleSource, YourDataTag } from "./SourceTag";
import { StatusBadge } from "./StatusBadge";
import { useTranslations } from "next-intl";
import { useFormat } from "./format";

interface KpiProps {
  title: string;
  value: string;
  benchmark?: { text: string; figureId: string; note?: "fallback" | "estimate" | null } | null;
  delta?: string | null;
  gap?: Gap | null;
  footnote?: string | null;
  testId: string;
}

function Kpi({ title, value, benchmark, delta, gap, footnote, testId }: KpiProps) {
  const t = useTranslations("kpi");
  return (
    <div className="card flex flex-col gap-2" data-testid={testId}>
      <div className="flex items-start justify-between gap-2">
        <h3 className="text-sm font-medium text-gray-700 dark:text-gray-300">{title}</h3>
        <YourDataTag />
      </div>
      <p className="text-3xl font-semibold tracking-tight" data-testid={`${testId}-value`}>
        {value}
      </p>
      {benchmark ? (
        <div className="flex flex-wrap items-center gap-2 text-sm text-gray-700 dark:text-gray-300">
          <span>
            {t.rich("vs", {
              value: benchmark.text,
              strong: (c) => <strong data-testid={`${testId}-benchmark`}>{c}</strong>,
            })}
          </span>
          <ArticleSource figureId={benchmark.figureId} note={benchmark.note} />
        </div>
      ) : null}
      <div className="flex flex-wrap items-center gap-2">
        {delta ? <span className="text-sm font-medium">{delta}</span> : null}
        {gap ? <StatusBadge status={gap.status} assessment={gap.assessment} /> : null}
      </div>
      {footnote ? <p className="text-xs text-gray-600 dark:text-gray-400">{footnote}</p> : null}
    </div>
  );
}

function insufficientNote(t: ReturnType<typeof useTranslations<"kpi">>, gap: Gap | null | undefined) {
  if (!gap?.insufficient) return gap?.notComparableReason ?? null;
  return t("notEnough", { needed: gap.insufficient.needed, have: gap.insufficient.have });
}

export function KpiCards({
  headCount,
  bandGap,
  bandLabel,
  quotaGap,
  oteGap,
  currency,
}: {
  headCount: { total: number; inside: number; outside: number; hybrid: number };
  bandGap: Gap | null;
  bandLabel: string;
  quotaGap: Gap | null;
  oteGap: Gap | null;
  currency: string;
}) {
  const f = useFormat();
  const t = useTranslations("kpi");
  const bandIsOutside = bandGap?.figureId === "mix.outside_share.large";
  return (
    <section aria-label={t("label")} className="grid gap-4 sm:grid-cols-2 xl:grid-cols-4">
      <Kpi
        testId="kpi-reps"
        title={t("reps")}
        value={f.count(headCount.total)}
        footnote={t("repsSplit", headCount)}
      />
      <Kpi
        testId="kpi-inside-share"
        title={bandIsOutside ? t("outsideShare") : t("insideShare")}
        value={bandGap?.orgValue != null ? f.share(bandGap.orgValue) : "—"}
        benchmark={
          bandGap
            ? {
                text: bandGap.benchmark.display,
                figureId: bandGap.figureId,
                note: bandGap.benchmark.isFallback ? "fallback" : null,
              }
            : null
        }
        delta={bandGap?.absoluteDifference != null ? f.points(bandGap.absoluteDifference) : null}
        gap={bandGap}
        footnote={bandGap ? (bandGap.benchmark.label ?? t("bandNote", { band: bandLabel })) : t("setRevenue")}
      />
      <Kpi
        testId="kpi-at-quota"
        title={t("atQuota")}
        value={quotaGap?.orgValue != null ? f.share(quotaGap.orgValue) : "—"}
        benchmark={quotaGap ? { text: quotaGap.benchmark.display, figureId: quotaGap.figureId } : null}
        delta={quotaGap?.absoluteDifference != null ? f.points(quotaGap.absoluteDifference) : null}
        gap={quotaGap}
        footnote={insufficientNote(t, quotaGap)}
      />
      <Kpi
        testId="kpi-inside-ote"
        title={t("insideOte")}
        value={oteGap?.orgValue != null ? f.money(oteGap.orgValue, currency) : "—"}
        benchmark={oteGap ? { text: oteGap.benchmark.display, figureId: oteGap.figureId } : null}
        delta={oteGap?.relativeDifference != null ? f.premium(oteGap.relativeDifference) : null}
        gap={oteGap}
        footnote={insufficientNote(t, oteGap) ?? (currency !== "USD" ? t("currency", { currency }) : null)}
      />
    </section>
  );
}
