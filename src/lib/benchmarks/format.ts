/** Plain-text number formats for reasons and titles, in English (src/lib/format is the one formatter). */
import { formatter } from "@/lib/format";

const en = formatter("en");

/** 0.455 → "45.5%". */
export function formatShare(share: number): string {
  return en.share(share);
}

/** 0.425 → "+42.5%", -0.1 → "−10%". */
export function formatPremium(premium: number): string {
  return en.premium(premium);
}

/** 42833 with USD → "$42,833"; other currencies as Intl writes them ("€42,833"), an unknown code → "42,833 XYZ". */
export function formatMoney(amount: number, currency: string): string {
  return en.money(amount, currency.trim().toUpperCase());
}

export function plural(count: number, one: string, many: string): string {
  return `${count.toString()} ${count === 1 ? one : many}`;
}
