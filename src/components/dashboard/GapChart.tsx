import Link from "next/link";
import { useTranslations } from "next-intl";
import type { Gap } from "@/lib/benchmarks";
import { formatGapValue } from "@/lib/benchmarks/headline";
import { methodologyHref, useFigureLabel } from "./format";

/** Bars are drawn up to ±100% of the article's figure; a larger gap is drawn at the edge and says its size. */
const SCALE = 1;

const BAR: Record<"above" | "below" | "on_par", string> = {
  above: "bg-blue-600 dark:bg-blue-400",
  below: "bg-amber-600 dark:bg-amber-400",
  on_par: "bg-gray-500 dark:bg-gray-400",
};

function percent(relative: number) {
  const p = Math.round(relative * 1000) / 10;
  return `${p > 0 ? "+" : p < 0 ? "−" : "±"}${Math.abs(p)}%`;
}

/**
 * Every compared figure on one scale: the team's value relative to the article's (0 = the article's figure), a
 * diverging bar per figure coloured by status, the ±tolerance band shaded. Plain HTML and CSS: no chart code to
 * load, and it prints as it shows.
 */
export function GapChart({ gaps, tabHref }: { gaps: Gap[]; tabHref?: (figureId: string) => string }) {
  const t = useTranslations("gapChart");
  const statusText = useTranslations("status");
  const figureLabel = useFigureLabel();
  const compared = gaps.filter((g) => g.relativeDifference !== null && g.orgValue !== null);
  const missing = gaps.filter((g) => g.relativeDifference === null || g.orgValue === null);
  const tolerance = gaps[0]?.tolerance ?? 0.1;
  const half = (v: number) => `${(Math.min(Math.abs(v), SCALE) / SCALE) * 50}%`;
  return (
    <section className="card" aria-labelledby="gap-chart-title" data-testid="gap-chart" id="gap-chart">
      <h2 id="gap-chart-title" className="text-lg font-semibold">
        {t("title")}
      </h2>
      <p className="text-sm text-gray-700 dark:text-gray-300">
        {t("intro", { tolerance: Math.round(tolerance * 100) })}
      </p>
      <ul className="mt-3 space-y-2" aria-label={t("list")}>
        {compared.map((g) => {
          const rel = g.relativeDifference ?? 0;
          const status = g.status === "above" || g.status === "below" ? g.status : "on_par";
          const name = figureLabel(g.figureId, g.label);
          const detail = t("row", {
            yours: formatGapValue(g, g.orgValue ?? 0),
            article: g.benchmark.display,
            percent: percent(rel),
            status: statusText(g.status),
          });
          return (
            <li
              key={g.figureId}
              className="grid grid-cols-1 gap-1 sm:grid-cols-[minmax(0,15rem)_minmax(0,1fr)_minmax(0,12rem)] sm:items-center sm:gap-3"
              data-figure={g.figureId}
              data-status={g.status}
            >
              <span className="text-sm">
                {tabHref ? (
                  <Link href={tabHref(g.figureId)} className="link underline">
                    {name}
                  </Link>
                ) : (
                  name
                )}
                <span className="sr-only">{`: ${detail}`}</span>
              </span>
              <span className="relative block h-5 rounded bg-gray-100 dark:bg-gray-800" aria-hidden>
                <span
                  className="absolute inset-y-0 bg-gray-300/60 dark:bg-gray-600/60"
                  style={{
                    left: `${50 - (tolerance / SCALE) * 50}%`,
                    width: `${(tolerance / SCALE) * 100}%`,
                  }}
                />
                <span className="absolute inset-y-0 left-1/2 w-px bg-gray-700 dark:bg-gray-300" />
                <span
                  className={`absolute inset-y-1 rounded-sm ${BAR[status]}`}
                  style={rel >= 0 ? { left: "50%", width: half(rel) } : { right: "50%", width: half(rel) }}
                />
              </span>
              <span className="text-right text-xs tabular-nums text-gray-800 dark:text-gray-200" aria-hidden>
                {t("vs", {
                  percent: percent(rel),
                  yours: formatGapValue(g, g.orgValue ?? 0),
                  article: g.benchmark.display,
                })}
              </span>
            </li>
          );
        })}
      </ul>
      {missing.length ? (
        <p className="mt-3 text-xs text-gray-700 dark:text-gray-300" data-testid="gap-chart-missing">
          {t("missing")}{" "}
          {missing.map((g, i) => (
            <span key={g.figureId}>
              {i ? ", " : ""}
              <Link href={methodologyHref(g.figureId)} className="link font-mono underline">
                {g.figureId}
              </Link>
            </span>
          ))}
          .
        </p>
      ) : null}
    </section>
  );
}
