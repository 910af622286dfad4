"use client";
import dynamic from "next/dynamic";
import Link from "next/link";
import { useTranslations } from "next-intl";
import { methodologyHref } from "./format";
import type { CompositionRow } from "./composition-data";

// Chart code (Tremor + Recharts) loads only where a chart is shown, keeping the dashboard's first load small.
const CompositionChart = dynamic(() => import("./CompositionChart"), {
  ssr: false,
  loading: () => <div className="h-64 animate-pulse rounded bg-gray-100 dark:bg-gray-800" aria-hidden />,
});

/** A composition row's name and note in the reader's language. */
export function useCompositionRows(rows: CompositionRow[]): CompositionRow[] {
  const t = useTranslations("composition.rows");
  return rows.map((r) => ({
    ...r,
    name: t(r.id),
    note:
      r.id === "us" && r.note?.startsWith("The article has no figure") ? t("usNoteMid") : t(`${r.id}Note`),
  }));
}

export function Composition({ rows: given, bandLabel }: { rows: CompositionRow[]; bandLabel: string }) {
  const t = useTranslations("composition");
  const scope = useTranslations("scope");
  const source = useTranslations("source");
  const rows = useCompositionRows(given);
  return (
    <section className="card" aria-labelledby="composition-title">
      <h2 id="composition-title" className="text-lg font-semibold">
        {t("title")}
      </h2>
      <p className="mb-3 text-sm text-gray-700 dark:text-gray-300">
        {t.rich("intro", { band: bandLabel, strong: (c) => <strong>{c}</strong> })}
      </p>
      <div aria-hidden>
        <CompositionChart rows={rows} />
      </div>
      <table className="mt-4 w-full text-left text-sm" data-testid="composition-table">
        <caption className="sr-only">{t("caption")}</caption>
        <thead className="text-xs uppercase text-gray-600 dark:text-gray-400">
          <tr>
            <th scope="col" className="py-1 pr-2">
              {t("series")}
            </th>
            <th scope="col" className="py-1 pr-2 text-right">
              {scope("inside")}
            </th>
            <th scope="col" className="py-1 pr-2 text-right">
              {scope("hybrid")}
            </th>
            <th scope="col" className="py-1 pr-2 text-right">
              {scope("outside")}
            </th>
            <th scope="col" className="hidden py-1 sm:table-cell">
              {t("source")}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.name} className="border-t border-gray-100 dark:border-gray-800">
              <th scope="row" className="py-1 pr-2 font-medium">
                {r.name}
              </th>
              <td className="py-1 pr-2 text-right tabular-nums">
                {r.Inside === null ? "—" : `${r.Inside}%`}
              </td>
              <td className="py-1 pr-2 text-right tabular-nums">
                {r.Hybrid === null ? "—" : `${r.Hybrid}%`}
              </td>
              <td className="py-1 pr-2 text-right tabular-nums">
                {r.Outside === null ? "—" : `${r.Outside}%`}
              </td>
              <td className="hidden py-1 text-xs text-gray-600 sm:table-cell dark:text-gray-400">
                {r.figureId ? (
                  <Link className="link" href={methodologyHref(r.figureId)}>
                    {r.figureId}
                  </Link>
                ) : (
                  source("yourData")
                )}
                {r.note ? ` — ${r.note}` : ""}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
