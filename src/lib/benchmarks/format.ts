/** Plain-text number formats for reasons and titles (the UI formats its own cells). */

const wholeNumber = new Intl.NumberFormat("en-US", { maximumFractionDigits: 0 });

/** 0.455 → "45.5 %". */
export function formatShare(share: number): string {
  return `${(Math.round(share * 1000) / 10).toString()} %`;
}

/** 0.425 → "+42.5 %", -0.1 → "−10 %". */
export function formatPremium(premium: number): string {
  const points = Math.round(premium * 1000) / 10;
  return points < 0 ? `−${Math.abs(points).toString()} %` : `+${points.toString()} %`;
}

/** 42833 with USD → "$42,833"; other currencies → "42,833 EUR". */
export function formatMoney(amount: number, currency: string): string {
  const sign = amount < 0 ? "−" : "";
  const digits = wholeNumber.format(Math.abs(amount));
  return currency.trim().toUpperCase() === "USD" ? `${sign}$${digits}` : `${sign}${digits} ${currency}`;
}

export function plural(count: number, one: string, many: string): string {
  return `${count.toString()} ${count === 1 ? one : many}`;
}
