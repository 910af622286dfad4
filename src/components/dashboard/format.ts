import { useLocale, useTranslations } from "next-intl";
import type { Metric } from "@/lib/benchmarks";
import { formatter, type Formatter } from "@/lib/format";

export type { Formatter };

/** The reader's number, money, percentage and date formats (src/lib/format), in client and server components. */
export function useFormat(): Formatter {
  return formatter(useLocale());
}

/** A metric as text: its value, or "not enough data (needs N reps, has M)" in the reader's language. */
export function useMetricText() {
  const t = useTranslations("common");
  return (m: Metric, format: (v: number) => string) =>
    m.kind === "value" ? format(m.value) : t("notEnoughData", { needed: m.needed, have: m.have });
}

/** An article figure's label in the reader's language, by its id; `fallback` (the dataset's English) otherwise. */
export function useFigureLabel() {
  const t = useTranslations("figures");
  return (figureId: string, fallback: string) => {
    const key = figureId.replaceAll(".", "_") as Parameters<typeof t>[0];
    return t.has(key) ? t(key) : fallback;
  };
}

export const methodologyHref = (figureId: string) => `/methodology#${encodeURIComponent(figureId)}`;
