"use client";
import { BarChart } from "@tremor/react";
import { ROLE_COLORS, type CompositionRow } from "./composition-data";
import { ChartLegend } from "./ChartLegend";

export default function CompositionChart({ rows }: { rows: CompositionRow[] }) {
  const categories = (["Inside", "Hybrid", "Outside", "Other"] as const).filter((c) =>
    rows.some((r) => r[c] !== null),
  );
  return (
    <>
      <ChartLegend items={categories.map((c) => ({ name: c, color: ROLE_COLORS[c] }))} />
      <BarChart
        data-testid="composition-chart"
        className="h-64"
        data={rows}
        index="name"
        categories={[...categories]}
        colors={categories.map((c) => ROLE_COLORS[c])}
        layout="vertical"
        stack
        relative={false}
        valueFormatter={(v) => `${v} %`}
        yAxisWidth={170}
        showAnimation={false}
        showLegend={false}
      />
    </>
  );
}
