"use client";
import { LazyTrendChart } from "./Charts";
import type { TrendPoint } from "./TrendChart";

export interface TrendInput {
  asOf: string;
  insideShare: number | null;
  shareAtQuota: number | null;
  headCount: { inside: number; outside: number; hybrid: number; total: number };
}

const pct = (v: number | null) => (v === null ? null : Math.round(v * 1000) / 10);

export function Trend({
  points,
  bandBenchmark,
  bandLabel,
  targetRange = null,
}: {
  points: TrendInput[];
  bandBenchmark: number | null;
  bandLabel: string;
  /** The recommendations' target inside share for the band and sales model, drawn as a shaded range. */
  targetRange?: { low: number; high: number; model: string } | null;
}) {
  if (points.length < 2) {
    return (
      <section className="card" aria-labelledby="trend-title" data-testid="trend">
        <h2 id="trend-title" className="text-lg font-semibold">
          Trend
        </h2>
        <p className="text-sm text-gray-700 dark:text-gray-300">
          One upload so far: the trend starts with your next upload. Upload the team again next quarter to see
          how the mix moves.
        </p>
      </section>
    );
  }
  const data: TrendPoint[] = points.map((p) => ({
    date: p.asOf,
    "Inside share": pct(p.insideShare),
    "Band benchmark": pct(bandBenchmark),
    "50/50 line": 50,
    "At quota": pct(p.shareAtQuota),
  }));
  const categories: (keyof TrendPoint)[] =
    bandBenchmark === null
      ? ["Inside share", "50/50 line", "At quota"]
      : ["Inside share", "Band benchmark", "50/50 line", "At quota"];
  return (
    <section className="card" aria-labelledby="trend-title" data-testid="trend">
      <h2 id="trend-title" className="text-lg font-semibold">
        Trend across uploads
      </h2>
      <p className="mb-2 text-sm text-gray-700 dark:text-gray-300">
        Inside share (hybrid counted half) and share of reps at quota, your data; band benchmark for{" "}
        {bandLabel} from the article.
        {targetRange
          ? ` Shaded: the target inside share for a ${targetRange.model} sales model, ${pct(targetRange.low)}–${pct(targetRange.high)}% (from the article's figures, see the recommendations).`
          : ""}
      </p>
      <div aria-hidden>
        <LazyTrendChart
          points={data}
          categories={categories}
          target={targetRange ? { low: pct(targetRange.low) ?? 0, high: pct(targetRange.high) ?? 0 } : null}
        />
      </div>
      <table className="mt-3 w-full text-left text-sm">
        <caption className="sr-only">Trend in numbers</caption>
        <thead className="text-xs uppercase text-gray-600 dark:text-gray-400">
          <tr>
            <th scope="col">As of</th>
            <th scope="col" className="text-right">
              Inside
            </th>
            <th scope="col" className="text-right">
              Hybrid
            </th>
            <th scope="col" className="text-right">
              Outside
            </th>
            <th scope="col" className="text-right">
              Inside share
            </th>
            <th scope="col" className="text-right">
              At quota
            </th>
          </tr>
        </thead>
        <tbody>
          {points.map((p) => (
            <tr key={p.asOf + p.headCount.total} className="border-t border-gray-100 dark:border-gray-800">
              <th scope="row" className="font-normal">
                {p.asOf}
              </th>
              <td className="text-right tabular-nums">{p.headCount.inside}</td>
              <td className="text-right tabular-nums">{p.headCount.hybrid}</td>
              <td className="text-right tabular-nums">{p.headCount.outside}</td>
              <td className="text-right tabular-nums">{pct(p.insideShare) ?? "—"}%</td>
              <td className="text-right tabular-nums">
                {p.shareAtQuota === null ? "—" : `${pct(p.shareAtQuota)}%`}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
