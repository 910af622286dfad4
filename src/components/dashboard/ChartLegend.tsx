/**
 * A plain legend for the Tremor charts, which are drawn with `showLegend={false}`: Tremor's own legend puts a
 * focusable element inside the charts' aria-hidden wrapper (axe: aria-hidden-focus) and a div directly inside
 * its list (axe: list). The numbers themselves are in the table beside each chart.
 */
// Drawn as SVG fills, like the bars, so the swatches print even when the browser leaves out backgrounds.
const SWATCH = {
  blue: "fill-blue-500",
  violet: "fill-violet-500",
  amber: "fill-amber-500",
  gray: "fill-gray-500",
  emerald: "fill-emerald-500",
} as const;
export type LegendColor = keyof typeof SWATCH;

export function ChartLegend({ items }: { items: { name: string; color: LegendColor }[] }) {
  return (
    <ul className="mb-2 flex flex-wrap justify-end gap-x-4 gap-y-1 text-xs text-gray-700 dark:text-gray-300">
      {items.map((item) => (
        <li key={item.name} className="inline-flex items-center gap-1.5">
          <svg width="10" height="10" viewBox="0 0 10 10" className={SWATCH[item.color]}>
            <circle cx="5" cy="5" r="5" />
          </svg>
          {item.name}
        </li>
      ))}
    </ul>
  );
}
