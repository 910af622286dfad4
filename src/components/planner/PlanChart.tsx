"use client";
import { BarChart } from "@tremor/react";
import { ChartLegend, type LegendColor } from "@/components/dashboard/ChartLegend";

const COLORS: LegendColor[] = ["blue", "amber", "emerald"];
const CATEGORIES = ["Inside", "Hybrid", "Outside"];

export interface PlanChartPoint {
  quarter: string;
  Inside: number;
  Hybrid: number;
  Outside: number;
}

/** Expected head count by role per quarter, stacked. */
export default function PlanChart({ points }: { points: PlanChartPoint[] }) {
  return (
    <>
      <ChartLegend items={CATEGORIES.map((name, i) => ({ name, color: COLORS[i] ?? "gray" }))} />
      <BarChart
        className="h-64"
        data={points}
        index="quarter"
        categories={CATEGORIES}
        colors={COLORS}
        stack
        valueFormatter={(v) => `${Math.round(v * 10) / 10} reps`}
        showAnimation={false}
        showLegend={false}
      />
    </>
  );
}
