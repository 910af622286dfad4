"use client";
import { BarChart } from "@tremor/react";
import { useTranslations } from "next-intl";
import { ROLE_COLORS, type CompositionRow } from "./composition-data";
import { ChartLegend } from "./ChartLegend";

const SERIES = ["Inside", "Hybrid", "Outside", "Other"] as const;

export default function CompositionChart({ rows }: { rows: CompositionRow[] }) {
  const scope = useTranslations("scope");
  const categories = SERIES.filter((c) => rows.some((r) => r[c] !== null));
  // The chart names its series by their data keys: key the data by the translated names.
  const name = (c: (typeof SERIES)[number]) =>
    scope(c.toLowerCase() as "inside" | "hybrid" | "outside" | "other");
  const data = rows.map((r) => ({
    name: r.name,
    ...Object.fromEntries(categories.map((c) => [name(c), r[c]])),
  }));
  return (
    <>
      <ChartLegend items={categories.map((c) => ({ name: name(c), color: ROLE_COLORS[c] }))} />
      <BarChart
        data-testid="composition-chart"
        className="h-64"
        data={data}
        index="name"
        categories={categories.map(name)}
        colors={categories.map((c) => ROLE_COLORS[c])}
        layout="vertical"
        stack
        relative={false}
        valueFormatter={(v) => `${v}%`}
        yAxisWidth={170}
        showAnimation={false}
        showLegend={false}
      />
    </>
  );
}
