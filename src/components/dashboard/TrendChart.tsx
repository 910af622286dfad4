"use client";
import { LineChart } from "@tremor/react";
import { ChartLegend, type LegendColor } from "./ChartLegend";

const COLORS: LegendColor[] = ["blue", "amber", "gray", "emerald"];

export interface TrendPoint {
  date: string;
  "Inside share": number | null;
  "Band benchmark": number | null;
  "50/50 line": number;
  "At quota": number | null;
}

export default function TrendChart({
  points,
  categories,
}: {
  points: TrendPoint[];
  categories: (keyof TrendPoint)[];
}) {
  return (
    <>
      <ChartLegend
        items={categories.map((c, i) => ({ name: c, color: COLORS[i % COLORS.length] ?? "gray" }))}
      />
      <LineChart
        className="h-64"
        data={points}
        index="date"
        categories={categories as string[]}
        colors={COLORS}
        valueFormatter={(v) => `${v} %`}
        showAnimation={false}
        connectNulls
        showLegend={false}
      />
    </>
  );
}
