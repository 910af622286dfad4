"use client";
import { BarChart } from "@tremor/react";
import { ROLE_COLORS, type CompositionRow } from "./composition-data";

export default function CompositionChart({ rows }: { rows: CompositionRow[] }) {
  const categories = (["Inside", "Hybrid", "Outside", "Other"] as const).filter((c) =>
    rows.some((r) => r[c] !== null),
  );
  return (
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
    />
  );
}
