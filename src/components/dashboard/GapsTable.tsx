import { ScrollRegion } from "./ScrollRegion";
import type { Gap } from "@/lib/benchmarks";
import { ArticleSource } from "./SourceTag";
import { StatusBadge } from "./StatusBadge";
import { useTranslations } from "next-intl";
import { useFigureLabel, useFormat, type Formatter } from "./format";

function formatValue(f: Formatter, gap: Gap, v: number | null, currency: string) {
  if (v === null) return "—";
  if (gap.kind === "cohort_ratio") return f.premium(v);
  return gap.figureId.startsWith("pay.") ? f.money(v, currency) : f.share(v);
}

function formatDifference(f: Formatter, gap: Gap, currency: string) {
  if (gap.absoluteDifference === null) return "—";
  if (gap.kind === "cohort_ratio" || !gap.figureId.startsWith("pay."))
    return f.points(gap.absoluteDifference);
  return `${gap.absoluteDifference >= 0 ? "+" : "−"}${f.money(Math.abs(gap.absoluteDifference), currency)}`;
}

/** Every comparison with the article for one topic: your value, the benchmark, the difference and the status. */
export function GapsTable({
  title,
  gaps,
  currency,
  testId,
}: {
  title: string;
  gaps: Gap[];
  currency: string;
  testId: string;
}) {
  const f = useFormat();
  const t = useTranslations("gaps");
  const figureLabel = useFigureLabel();
  if (gaps.length === 0) return null;
  return (
    <section className="card" aria-labelledby={`${testId}-title`} data-testid={testId}>
      <h2 id={`${testId}-title`} className="text-lg font-semibold">
        {title}
      </h2>
      <ScrollRegion label={t("table", { title })} className="mt-2">
        <table className="w-full min-w-[640px] text-left text-sm">
          <thead className="text-xs uppercase text-gray-600 dark:text-gray-400">
            <tr>
              <th scope="col" className="py-1 pr-2">
                {t("comparison")}
              </th>
              <th scope="col" className="py-1 pr-2 text-right">
                {t("yourData")}
              </th>
              <th scope="col" className="py-1 pr-2 text-right">
                {t("article")}
              </th>
              <th scope="col" className="py-1 pr-2 text-right">
                {t("difference")}
              </th>
              <th scope="col" className="py-1">
                {t("status")}
              </th>
            </tr>
          </thead>
          <tbody>
            {gaps.map((g) => (
              <tr
                key={g.figureId}
                className="border-t border-gray-100 align-top dark:border-gray-800"
                data-figure={g.figureId}
              >
                <th scope="row" className="py-2 pr-2 font-normal">
                  <span className="font-medium">{figureLabel(g.figureId, g.label)}</span>
                  <span className="block text-xs text-gray-600 dark:text-gray-400">{g.orgDescription}</span>
                  {g.benchmark.label ? (
                    <span className="block text-xs text-amber-800 dark:text-amber-300">
                      {g.benchmark.label}
                    </span>
                  ) : null}
                </th>
                <td className="py-2 pr-2 text-right tabular-nums">
                  {g.status === "insufficient" && g.insufficient
                    ? t("notEnough", { needed: g.insufficient.needed })
                    : formatValue(f, g, g.orgValue, currency)}
                </td>
                <td className="py-2 pr-2 text-right">
                  <span className="block tabular-nums">{g.benchmark.display}</span>
                  <ArticleSource
                    figureId={g.figureId}
                    note={g.benchmark.isEstimate ? "estimate" : g.benchmark.isFallback ? "fallback" : null}
                  />
                </td>
                <td className="whitespace-nowrap py-2 pr-2 text-right tabular-nums">
                  {formatDifference(f, g, currency)}
                </td>
                <td className="py-2">
                  <StatusBadge status={g.status} assessment={g.assessment} />
                  <span className="mt-1 block text-xs text-gray-600 dark:text-gray-400">
                    {g.assessmentReason}
                  </span>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </ScrollRegion>
      <p className="mt-2 text-xs text-gray-600 dark:text-gray-400">
        {t("onPar", { tolerance: Math.round((gaps[0]?.tolerance ?? 0.05) * 100) })}
      </p>
    </section>
  );
}
