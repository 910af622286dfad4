"use client";
import {
  CartesianGrid,
  Line,
  LineChart,
  ReferenceArea,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from "recharts";
import { ChartLegend, type LegendColor } from "./ChartLegend";

// Tailwind 500s, the same colours as the legend's swatches.
const STROKE: Record<LegendColor, string> = {
  blue: "#3b82f6",
  amber: "#f59e0b",
  gray: "#6b7280",
  emerald: "#10b981",
  violet: "#8b5cf6",
};
const COLORS: LegendColor[] = ["blue", "amber", "gray", "emerald"];

export interface TrendPoint {
  date: string;
  "Inside share": number | null;
  "Band benchmark": number | null;
  "50/50 line": number;
  "At quota": number | null;
}

/**
 * Inside share and share at quota across uploads: every upload labelled on the x axis (interval 0), the target
 * inside-share range shaded. Drawn with Recharts directly (Tremor's LineChart hides ticks and has no range).
 */
export default function TrendChart({
  points,
  categories,
  target,
}: {
  points: TrendPoint[];
  categories: (keyof TrendPoint)[];
  target: { low: number; high: number } | null;
}) {
  const legend = categories.map((c, i) => ({ name: c, color: COLORS[i % COLORS.length] ?? "gray" }));
  return (
    <>
      <ChartLegend items={legend} />
      <div className="h-64 text-xs text-gray-700 dark:text-gray-300">
        <ResponsiveContainer width="100%" height="100%">
          <LineChart data={points} margin={{ top: 8, right: 16, bottom: 8, left: 0 }}>
            <CartesianGrid
              strokeDasharray="3 3"
              stroke="currentColor"
              strokeOpacity={0.15}
              vertical={false}
            />
            {target ? (
              <ReferenceArea
                y1={target.low}
                y2={target.high}
                fill="#10b981"
                fillOpacity={0.12}
                stroke="#10b981"
                strokeOpacity={0.4}
                ifOverflow="extendDomain"
                label={{
                  value: "Target range",
                  position: "insideTopLeft",
                  fill: "currentColor",
                  fontSize: 11,
                }}
              />
            ) : null}
            <XAxis
              dataKey="date"
              interval={0}
              tick={{ fill: "currentColor", fontSize: 11 }}
              stroke="currentColor"
              strokeOpacity={0.4}
              tickMargin={6}
            />
            <YAxis
              domain={[0, 100]}
              tickFormatter={(v: number) => `${v}%`}
              tick={{ fill: "currentColor", fontSize: 11 }}
              stroke="currentColor"
              strokeOpacity={0.4}
              width={48}
            />
            <Tooltip formatter={(v) => `${String(v)}%`} />
            {legend.map((l) => (
              <Line
                key={l.name}
                type="linear"
                dataKey={l.name}
                stroke={STROKE[l.color]}
                strokeWidth={2}
                strokeDasharray={l.name === "50/50 line" || l.name === "Band benchmark" ? "4 4" : undefined}
                dot={{ r: 3 }}
                isAnimationActive={false}
                connectNulls
              />
            ))}
          </LineChart>
        </ResponsiveContainer>
      </div>
    </>
  );
}
