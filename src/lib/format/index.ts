/**
 * The one place numbers, money, percentages and dates become text for people, in the reader's locale through
 * Intl. Shares print as Intl's percent ("45.5%" in English and Chinese alike), one decimal at most.
 * CSV exports do not come here: they keep machine-readable values (0.455, 42833, ISO dates).
 */
import { DEFAULT_LOCALE, type Locale } from "@/lib/i18n/locales";

export const MISSING = "—";

type Maybe = number | null | undefined;
const formats = new Map<string, Intl.NumberFormat>();

function numberFormat(locale: Locale, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let f = formats.get(key);
  if (!f) {
    f = new Intl.NumberFormat(locale, options);
    formats.set(key, f);
  }
  return f;
}

/** A formatter bound to one locale: what a page, report or email takes once and uses everywhere. */
export function formatter(locale: Locale = DEFAULT_LOCALE) {
  const wrap =
    (fn: (v: number) => string) =>
    (v: Maybe): string =>
      v === null || v === undefined || Number.isNaN(v) ? MISSING : fn(v);
  const signed = (points: number, unit: string) =>
    `${points >= 0 ? "+" : "−"}${numberFormat(locale, { maximumFractionDigits: 1 }).format(Math.abs(points))}${unit}`;
  return {
    locale,
    /** 0.455 → "45.5%". */
    share: wrap((v) => numberFormat(locale, { style: "percent", maximumFractionDigits: 1 }).format(v)),
    /** 1234.4 → "1,234". */
    count: wrap((v) => numberFormat(locale, { maximumFractionDigits: 0 }).format(v)),
    /** 12.34 → "12.3". */
    number: wrap((v) => numberFormat(locale, { maximumFractionDigits: 1 }).format(v)),
    /** A number with up to `digits` decimals. */
    decimal: (v: Maybe, digits: number) =>
      v === null || v === undefined
        ? MISSING
        : numberFormat(locale, { maximumFractionDigits: digits }).format(v),
    /** Exactly `digits` decimals (ratios such as 1.30). */
    fixed: (v: Maybe, digits: number) =>
      v === null || v === undefined
        ? MISSING
        : numberFormat(locale, { minimumFractionDigits: digits, maximumFractionDigits: digits }).format(v),
    /** 42833 USD → "$42,833" (whole units); an unknown currency code → "42,833 XYZ". */
    money: (v: Maybe, currency = "USD") => {
      if (v === null || v === undefined) return MISSING;
      try {
        return numberFormat(locale, { style: "currency", currency, maximumFractionDigits: 0 }).format(v);
      } catch {
        return `${numberFormat(locale, { maximumFractionDigits: 0 }).format(v)} ${currency}`;
      }
    },
    /** A relative difference: 0.425 → "+42.5%", −0.1 → "−10%". */
    premium: wrap((v) => signed(Math.round(v * 1000) / 10, "%")),
    /** A difference of shares in percentage points: 0.05 → "+5 pts" ("+5 个百分点" in Chinese). */
    points: wrap((v) => signed(Math.round(v * 1000) / 10, locale === "zh-CN" ? " 个百分点" : " pts")),
    /** Bytes as "1.2 MB" / "3.4 KB". */
    bytes: wrap((v) =>
      v >= 1024 * 1024
        ? `${numberFormat(locale, { maximumFractionDigits: 1 }).format(v / 1024 / 1024)} MB`
        : `${numberFormat(locale, { maximumFractionDigits: 1 }).format(v / 1024)} KB`,
    ),
    /** A day, "Dec 8, 2026" / "2026年12月8日"; `timeZone` defaults to the reader's. */
    date: (d: Date | string | number, timeZone?: string) =>
      new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeZone }).format(new Date(d)),
    /** A long day, "December 8, 2026". */
    longDate: (d: Date | string | number, timeZone?: string) =>
      new Intl.DateTimeFormat(locale, { dateStyle: "long", timeZone }).format(new Date(d)),
    /** A moment to the minute. */
    dateTime: (d: Date | string | number, timeZone?: string) =>
      new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "short", timeZone }).format(
        new Date(d),
      ),
    /** A moment to the second (logs). */
    dateTimeSeconds: (d: Date | string | number, timeZone?: string) =>
      new Intl.DateTimeFormat(locale, { dateStyle: "medium", timeStyle: "medium", timeZone }).format(
        new Date(d),
      ),
  };
}

export type Formatter = ReturnType<typeof formatter>;
