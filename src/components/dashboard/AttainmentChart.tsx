"use client";
import { BarChart } from "@tremor/react";

export default function AttainmentChart({ data }: { data: { bucket: string; Reps: number }[] }) {
  return (
    <BarChart
      className="h-56"
      data={data}
      index="bucket"
      categories={["Reps"]}
      colors={["blue"]}
      allowDecimals={false}
      showAnimation={false}
      showLegend={false}
    />
  );
}
