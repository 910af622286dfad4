"use client";
import { LineChart } from "@tremor/react";

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
    <LineChart
      className="h-64"
      data={points}
      index="date"
      categories={categories as string[]}
      colors={["blue", "amber", "gray", "emerald"]}
      valueFormatter={(v) => `${v} %`}
      showAnimation={false}
      connectNulls
    />
  );
}
