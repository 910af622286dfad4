import type { Metric } from "@/lib/benchmarks";

const pct = new Intl.NumberFormat("en-US", { style: "percent", maximumFractionDigits: 1 });
const whole = new Intl.NumberFormat("en-US", { maximumFractionDigits: 0 });
const oneDecimal = new Intl.NumberFormat("en-US", { maximumFractionDigits: 1 });

export const fmtShare = (v: number | null | undefined) =>
  v === null || v === undefined ? "—" : pct.format(v);
export const fmtCount = (v: number | null | undefined) =>
  v === null || v === undefined ? "—" : whole.format(v);
export const fmtNumber = (v: number | null | undefined) =>
  v === null || v === undefined ? "—" : oneDecimal.format(v);

export function fmtMoney(v: number | null | undefined, currency = "USD") {
  if (v === null || v === undefined) return "—";
  try {
    return new Intl.NumberFormat("en-US", { style: "currency", currency, maximumFractionDigits: 0 }).format(
      v,
    );
  } catch {
    return `${whole.format(v)} ${currency}`;
  }
}

export function fmtPremium(v: number | null | undefined) {
  if (v === null || v === undefined) return "—";
  const points = Math.round(v * 1000) / 10;
  return `${points >= 0 ? "+" : "−"}${Math.abs(points)} %`;
}

export function fmtPoints(v: number | null | undefined) {
  if (v === null || v === undefined) return "—";
  const points = Math.round(v * 1000) / 10;
  return `${points >= 0 ? "+" : "−"}${Math.abs(points)} pts`;
}

/** A metric as text: its value, or "not enough data (needs N reps)". */
export function fmtMetric(m: Metric, format: (v: number) => string) {
  return m.kind === "value" ? format(m.value) : `not enough data (needs ${m.needed} reps, has ${m.have})`;
}

export const methodologyHref = (figureId: string) => `/methodology#${encodeURIComponent(figureId)}`;
