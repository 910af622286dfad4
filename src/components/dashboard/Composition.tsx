"use client";
import dynamic from "next/dynamic";
import Link from "next/link";
import { methodologyHref } from "./format";
import type { CompositionRow } from "./composition-data";

// Chart code (Tremor + Recharts) loads only where a chart is shown, keeping the dashboard's first load small.
const CompositionChart = dynamic(() => import("./CompositionChart"), {
  ssr: false,
  loading: () => <div className="h-64 animate-pulse rounded bg-gray-100 dark:bg-gray-800" aria-hidden />,
});

export function Composition({ rows, bandLabel }: { rows: CompositionRow[]; bandLabel: string }) {
  return (
    <section className="card" aria-labelledby="composition-title">
      <h2 id="composition-title" className="text-lg font-semibold">
        Composition: inside, hybrid and outside
      </h2>
      <p className="mb-3 text-sm text-gray-700 dark:text-gray-300">
        Your team (your data) beside the article&apos;s mix for your band — <strong>{bandLabel}</strong> — the
        US overall split and the 50/50 balance the author expects many teams to reach.
      </p>
      <div aria-hidden>
        <CompositionChart rows={rows} />
      </div>
      <table className="mt-4 w-full text-left text-sm" data-testid="composition-table">
        <caption className="sr-only">Composition in numbers (share of reps)</caption>
        <thead className="text-xs uppercase text-gray-600 dark:text-gray-400">
          <tr>
            <th scope="col" className="py-1 pr-2">
              Series
            </th>
            <th scope="col" className="py-1 pr-2 text-right">
              Inside
            </th>
            <th scope="col" className="py-1 pr-2 text-right">
              Hybrid
            </th>
            <th scope="col" className="py-1 pr-2 text-right">
              Outside
            </th>
            <th scope="col" className="hidden py-1 sm:table-cell">
              Source
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
                {r.Inside === null ? "—" : `${r.Inside} %`}
              </td>
              <td className="py-1 pr-2 text-right tabular-nums">
                {r.Hybrid === null ? "—" : `${r.Hybrid} %`}
              </td>
              <td className="py-1 pr-2 text-right tabular-nums">
                {r.Outside === null ? "—" : `${r.Outside} %`}
              </td>
              <td className="hidden py-1 text-xs text-gray-600 sm:table-cell dark:text-gray-400">
                {r.figureId ? (
                  <Link className="link" href={methodologyHref(r.figureId)}>
                    {r.figureId}
                  </Link>
                ) : (
                  "Your data"
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
